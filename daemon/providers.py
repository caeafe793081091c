"""Provider presets: what ``provider = "…"`` fills in for an account.

Values the user writes always win over a preset. Only Google and Microsoft publish
OAuth2 endpoints that any registered app may use for IMAP; the other presets fill the
servers only (they sign in with app passwords). The user registers their own app and
gives its ``client_id`` (README, "Signing in with OAuth2", says how per provider).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from daemon.settings import Security


@dataclass(frozen=True)
class Preset:
    name: str
    host: str
    port: int = 993
    security: Security = "tls"
    #: the provider's submission server, for [notify] with ``oauth2_account``
    smtp_host: str = ""
    smtp_port: int = 465
    smtp_security: Security = "tls"
    authorize_url: str = ""
    device_url: str = ""
    token_url: str = ""
    scopes: tuple[str, ...] = ()
    #: added to ``scopes`` when [notify] sends through this account (Microsoft only:
    #: Google's mail scope already covers SMTP)
    smtp_scopes: tuple[str, ...] = ()
    #: a note on folders, for the README and `check-config`; roles are found by
    #: special-use flags and well-known names, so no folder is forced here
    folders: str = ""


_MS_IMAP = "https://outlook.office.com/IMAP.AccessAsUser.All"
_MS_SMTP = "https://outlook.office.com/SMTP.Send"


def _microsoft(name: str, tenant: str, smtp_host: str) -> Preset:
    base = f"https://login.microsoftonline.com/{tenant}/oauth2/v2.0"
    return Preset(
        name,
        host="outlook.office365.com",
        smtp_host=smtp_host,
        smtp_port=587,
        smtp_security="starttls",
        authorize_url=f"{base}/authorize",
        device_url=f"{base}/devicecode",
        token_url=f"{base}/token",
        scopes=(_MS_IMAP, "offline_access"),
        smtp_scopes=(_MS_SMTP,),
        folders="Drafts, Sent Items",
    )


PRESETS: Final[dict[str, Preset]] = {
    "gmail": Preset(
        "gmail",
        host="imap.gmail.com",
        smtp_host="smtp.gmail.com",
        authorize_url="https://accounts.google.com/o/oauth2/v2/auth",
        device_url="https://oauth2.googleapis.com/device/code",
        token_url="https://oauth2.googleapis.com/token",  # noqa: S106 - an address, not a secret
        scopes=("https://mail.google.com/",),
        folders="[Gmail]/Drafts, [Gmail]/Sent Mail (special-use)",
    ),
    # personal Microsoft accounts (outlook.com, hotmail.com, live.com)
    "outlook": _microsoft("outlook", "consumers", "smtp-mail.outlook.com"),
    # work or school accounts; "common" lets a multi-tenant app sign in to any tenant
    "office365": _microsoft("office365", "common", "smtp.office365.com"),
    "yahoo": Preset("yahoo", host="imap.mail.yahoo.com", smtp_host="smtp.mail.yahoo.com", folders="Draft, Sent"),
    "icloud": Preset(
        "icloud",
        host="imap.mail.me.com",
        smtp_host="smtp.mail.me.com",
        smtp_port=587,
        smtp_security="starttls",
        folders="Drafts, Sent Messages",
    ),
    "fastmail": Preset("fastmail", host="imap.fastmail.com", smtp_host="smtp.fastmail.com", folders="Drafts, Sent"),
}
