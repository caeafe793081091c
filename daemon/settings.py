"""The validated configuration as plain, immutable data.

``daemon.config`` turns a TOML file into these; the core reads only these, so it can
be exercised with a ``Settings()`` built in a test. Every default here is the one
documented in ``config.example.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Literal

Security = Literal["tls", "starttls", "plain"]
AccountKind = Literal["imap", "maildir"]
AuthKind = Literal["password", "oauth2"]
Mechanism = Literal["xoauth2", "oauthbearer"]
Pace = Literal["fast", "standard", "conservative"]


@dataclass(frozen=True)
class PasswordSource:
    """Where an account's password comes from. Exactly one kind is set."""

    kind: Literal["keyring", "env", "command", "credential", "none"] = "keyring"
    env: str | None = None  # password_env
    command: tuple[str, ...] = ()  # password_command argv
    credential: str | None = None  # systemd credential name in $CREDENTIALS_DIRECTORY
    keyring_service: str = "followupd"


@dataclass(frozen=True)
class OAuth2Settings:
    """An ``auth = "oauth2"`` account's ``[accounts.oauth2]`` table, with its preset filled in."""

    client_id: str = ""
    #: client_secret_env / client_secret_command; kind "none" for a public client (PKCE)
    client_secret: PasswordSource = field(default_factory=lambda: PasswordSource(kind="none"))
    authorize_url: str = ""  # `login` (authorization code with PKCE)
    device_url: str = ""  # `login --device` (RFC 8628)
    token_url: str = ""  # code and refresh-token exchange
    scopes: tuple[str, ...] = ()
    mechanism: Mechanism = "xoauth2"
    #: where the refresh token lives: the system keyring, or a 0600 file in the state dir
    token_store: Literal["keyring", "file"] = "keyring"  # noqa: S105 - a kind, not a secret

    @property
    def token_file(self) -> bool:
        return self.token_store == "file"  # noqa: S105 - a kind, not a secret
    keyring_service: str = "followupd-oauth2"


@dataclass(frozen=True)
class AccountSettings:
    name: str
    kind: AccountKind = "imap"
    host: str = ""
    port: int = 993
    security: Security = "tls"
    username: str = ""
    password: PasswordSource = field(default_factory=PasswordSource)
    addresses: tuple[str, ...] = ()  # the user's own addresses, lower-cased
    path: Path | None = None  # maildir root
    folders: tuple[str, ...] = ("INBOX",)  # watched for employer mail
    sent_folder: str | None = None  # None: found by special-use / common names
    drafts_folder: str | None = None
    timeout_seconds: float = 30.0
    #: CA bundle for servers with a private CA; None uses the system store
    ca_file: Path | None = None
    #: the preset that filled host, port, security and the OAuth2 URLs (daemon.providers)
    provider: str | None = None
    auth: AuthKind = "password"
    oauth2: OAuth2Settings | None = None  # set exactly when auth == "oauth2"


@dataclass(frozen=True)
class CompanySettings:
    """Per-company overrides, matched by name or by one of the company's mail domains."""

    name: str
    domains: tuple[str, ...] = ()
    pace: Pace | None = None
    followup_after_business_days: int | None = None
    #: something specific from the interview, e.g. "the migration to event sourcing"
    specific: str | None = None
    #: a meaningful question to ask in the follow-up
    question: str | None = None
    #: extra material to offer, e.g. "a short write-up of the caching design we discussed"
    extra: str | None = None
    skip: bool = False  # never draft follow-ups for this company


@dataclass(frozen=True)
class PolicySettings:
    country: str = "US"
    subdivision: str | None = None
    send_time: time = time(9, 30)
    followup_after_business_days: int = 2
    second_followup_after_business_days: int = 5
    max_followups: int = 2
    weekend: tuple[int, ...] = (5, 6)  # Monday is 0
    pace: Pace = "standard"
    round_adjust_first: int = 1
    round_adjust_final: int = -1
    pace_adjust_fast: int = -1
    pace_adjust_conservative: int = 1
    min_business_days: int = 1
    max_business_days: int = 10
    default_duration_minutes: int = 60
    thank_you: bool = False
    thank_you_after_hours: float = 3.0
    #: a first follow-up overdue by more than this when first planned is not drafted at all
    catch_up_days: int = 14


@dataclass(frozen=True)
class TemplateSettings:
    dir: Path | None = None
    #: inline Jinja2 sources; None uses the file in ``dir`` or the built-in default
    followup: str | None = None
    checkin: str | None = None
    thank_you: str | None = None


@dataclass(frozen=True)
class NotifySettings:
    enabled: bool = False
    mode: Literal["each", "digest"] = "each"
    digest_time: time = time(18, 0)
    host: str = ""
    port: int = 465
    security: Security = "tls"
    username: str = ""
    password: PasswordSource = field(default_factory=lambda: PasswordSource(kind="none"))
    from_addr: str = ""
    to_addr: str = ""
    timeout_seconds: float = 30.0
    #: sign in to SMTP with this account's OAuth2 tokens (XOAUTH2) instead of a password
    oauth2_account: str | None = None


@dataclass(frozen=True)
class DaemonSettings:
    state_dir: Path | None = None  # None: $XDG_STATE_HOME/followupd
    timezone: str = "UTC"
    log_level: str = "info"
    user_name: str = ""  # signs the drafts; empty: the From display name is left bare
    lookback_days: int = 90
    idle_refresh_minutes: float = 10.0
    poll_interval_seconds: float = 60.0
    #: remove a draft that is still byte-for-byte ours once the employer answers
    remove_stale_drafts: bool = True


@dataclass(frozen=True)
class Settings:
    daemon: DaemonSettings = field(default_factory=DaemonSettings)
    accounts: tuple[AccountSettings, ...] = ()
    policy: PolicySettings = field(default_factory=PolicySettings)
    templates: TemplateSettings = field(default_factory=TemplateSettings)
    companies: tuple[CompanySettings, ...] = ()
    notify: NotifySettings = field(default_factory=NotifySettings)
    source: Path | None = None  # the file these came from

    @property
    def user_addresses(self) -> frozenset[str]:
        return frozenset(a for acc in self.accounts for a in acc.addresses)

    def company(self, name: str | None, domain: str | None = None) -> CompanySettings | None:
        """The override for a company, matched by name (case-insensitive) or mail domain."""
        for c in self.companies:
            if name and c.name.casefold() == name.casefold():
                return c
            if domain and any(domain == d or domain.endswith("." + d) for d in c.domains):
                return c
        return None
