"""The IMAP connector: one account on one IMAP server, through imapclient.

Everything is UID-based and read-only where it can be (EXAMINE, BODY.PEEK), every
socket operation has a timeout, and errors come out as :mod:`daemon.errors` types:
network trouble as ``TransientMailboxError``/``MailboxTimeout`` (the runner retries),
refusals as ``MailboxError``, a rejected login as ``CredentialError``.

After a transient error the connection is dropped; the next call reconnects.
"""

from __future__ import annotations

import contextlib
import imaplib
import ipaddress
import logging
import re
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from email.parser import BytesHeaderParser
from email.policy import compat32
from typing import TYPE_CHECKING, Any

from imapclient import IMAPClient, SocketTimeout
from imapclient import exceptions as imapexc

from connectors.base import DRAFT_ID_HEADER, Cursor, FolderRoles, MessageRef, StoredDraft, SyncResult
from connectors.imap_fetch import fetch_headers
from daemon.errors import CredentialError, MailboxError, MailboxTimeout, TransientMailboxError, UserError
from daemon.settings import AccountSettings

if TYPE_CHECKING:
    # the OAuth flows pull in urllib.request, http.server and webbrowser (about 5 ms at
    # every start); only an auth = "oauth2" account needs them, and it imports them then
    from connectors.oauth2 import Session

log = logging.getLogger(__name__)

#: UIDs per FETCH of headers (small responses) and of whole messages (large ones)
HEADER_BATCH = 200
BODY_BATCH = 20
#: RFC 2177: clients should re-issue IDLE at least every 29 minutes
IDLE_REFRESH_MAX = 28 * 60.0
#: how often an IDLE looks (locally, no traffic) whether another thread asked it to end
INTERRUPT_CHECK = 0.2

DRAFT_FLAGS = (b"\\Draft", b"\\Seen")
#: flags a draft of ours carries on its own; anything else means the user touched it
_OWN_FLAGS = frozenset({"\\draft", "\\seen", "\\recent"})
_CHANGE_RESPONSES = frozenset({b"EXISTS", b"RECENT", b"FETCH"})

# Well-known names, most specific first; matched case-insensitively with "/" standing
# for the server's hierarchy delimiter.
DRAFTS_NAMES = (
    "Drafts", "[Gmail]/Drafts", "[Google Mail]/Drafts", "INBOX/Drafts", "Draft", "INBOX/Draft",
    "Entwürfe", "INBOX/Entwürfe", "Brouillons", "INBOX/Brouillons", "Borradores", "Bozze",
    "Concepten", "Rascunhos", "Utkast", "Kladder", "Luonnokset", "Szkice", "Koncepty",
    "Черновики", "下書き", "草稿",
)  # fmt: skip
SENT_NAMES = (
    "Sent", "Sent Items", "Sent Messages", "Sent Mail", "[Gmail]/Sent Mail",
    "[Google Mail]/Sent Mail", "INBOX/Sent", "INBOX/Sent Items", "INBOX/Sent Messages",
    "Gesendet", "Gesendete Elemente", "Gesendete Objekte", "INBOX/Gesendet", "Envoyés",
    "Éléments envoyés", "Messages envoyés", "Enviados", "Elementos enviados", "Posta inviata",
    "Inviati", "Verzonden", "Verzonden items", "Skickat", "Skickade objekt", "Sendt",
    "Sendte elementer", "Lähetetyt", "Wysłane", "Odeslaná pošta", "Отправленные", "送信済み",
)  # fmt: skip
TRASH_NAMES = (
    "Trash", "Deleted Items", "Deleted Messages", "[Gmail]/Trash", "[Google Mail]/Trash",
    "INBOX/Trash", "Papierkorb", "Gelöschte Elemente", "Corbeille", "Éléments supprimés",
    "Papelera", "Elementos eliminados", "Cestino", "Prullenbak", "Lixeira", "Papperskorgen",
    "Корзина",
)  # fmt: skip


@dataclass(frozen=True)
class ListedFolder:
    """One LIST answer: the name (decoded), its delimiter and its attributes."""

    name: str
    delimiter: str | None
    flags: frozenset[str]  # lower-cased, e.g. "\\drafts", "\\noselect"

    @property
    def selectable(self) -> bool:
        return not ({"\\noselect", "\\nonexistent"} & self.flags)

    @property
    def canonical(self) -> str:
        """The name with "/" as delimiter, case-folded, for matching well-known names."""
        name = self.name.replace(self.delimiter, "/") if self.delimiter else self.name
        return name.casefold()


def find_role(folders: Sequence[ListedFolder], special_use: str, names: Iterable[str]) -> str | None:
    """The folder with the RFC 6154 attribute ``special_use``, else the first well-known name."""
    usable = [f for f in folders if f.selectable]
    for f in usable:
        if special_use.lower() in f.flags:
            return f.name
    by_name = {f.canonical: f.name for f in reversed(usable)}
    for name in names:
        found = by_name.get(name.casefold())
        if found is not None:
            return found
    return None


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback IP literals. Names are not resolved: DNS could lie."""
    if host.lower().rstrip(".") in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def to_crlf(raw: bytes) -> bytes:
    """``raw`` with every line ending as CRLF, the form IMAP stores and returns."""
    return re.sub(rb"\r?\n", b"\r\n", raw)


def header_values(raw: bytes, name: str) -> list[str]:
    """Every value of header ``name`` in a message (or header block), unfolded and stripped."""
    msg = BytesHeaderParser(policy=compat32).parsebytes(raw)
    return [re.sub(r"\r?\n[ \t]*", " ", str(v)).strip() for v in msg.get_all(name, [])]


def parse_appenduid(response: bytes | str) -> int | None:
    """The UID in an ``[APPENDUID <validity> <uid>]`` response code (RFC 4315), if any."""
    text = response.decode("ascii", "replace") if isinstance(response, bytes) else response
    m = re.search(r"\[APPENDUID\s+\d+\s+(\d+)\]", text, re.IGNORECASE)
    return int(m.group(1)) if m else None


def _flags(raw: Iterable[bytes | str]) -> frozenset[str]:
    return frozenset(f.decode("utf-8", "replace") if isinstance(f, bytes) else str(f) for f in raw)


def _is_change(resp: Sequence[Any]) -> bool:
    return len(resp) >= 2 and resp[1] in _CHANGE_RESPONSES


def _is_bye(resp: Sequence[Any]) -> bool:
    return len(resp) >= 1 and resp[0] == b"BYE"


class ImapConnector:
    """One IMAP account. Synchronous, owned by one thread (see :mod:`connectors.base`)."""

    def __init__(
        self,
        account: AccountSettings,
        password: str,
        *,
        idle_refresh: float = 600.0,
        poll_interval: float = 60.0,
        oauth: Session | None = None,
    ) -> None:
        if account.timeout_seconds is None or account.timeout_seconds <= 0:
            raise UserError("must be a positive number of seconds", f"account {account.name}: timeout")
        self.name = account.name
        self._account = account
        self._password = password
        #: an auth = "oauth2" account signs in with this session's access tokens
        self._oauth = oauth
        self._idle_refresh = min(max(idle_refresh, 0.1), IDLE_REFRESH_MAX)
        self._poll_interval = max(poll_interval, 0.05)
        self._client: IMAPClient | None = None
        self._roles: FolderRoles | None = None
        self._trash: str | None = None
        self._caps: frozenset[bytes] = frozenset()
        self._selected: tuple[str, bool] | None = None  # (folder, readonly)
        #: per folder, (UIDVALIDITY, UIDNEXT) as of the last sync: anything beyond is new
        self._synced: dict[str, tuple[int, int]] = {}
        self._interrupted = threading.Event()

    def interrupt(self) -> None:
        self._interrupted.set()

    def __repr__(self) -> str:
        a = self._account
        return f"ImapConnector({a.name!r}, {a.username}@{a.host}:{a.port}, {a.security})"

    # -- connection -----------------------------------------------------------------------
    @property
    def _where(self) -> str:
        a = self._account
        return f"account {a.name} ({a.host}:{a.port})"

    def _ssl_context(self) -> ssl.SSLContext:
        ca = self._account.ca_file
        ctx = ssl.create_default_context(cafile=str(ca) if ca else None)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        return ctx

    def connect(self) -> FolderRoles:
        if self._client is not None and self._roles is not None:
            return self._roles
        a = self._account
        if not a.host:
            raise UserError("no host configured", f"account {a.name}: host")
        if a.security == "plain" and not is_loopback(a.host):
            raise UserError(
                f'security = "plain" would send the password unencrypted to {a.host}; '
                'use "tls" or "starttls" (plain is allowed only for a loopback host)',
                f"account {a.name}: security",
            )
        timeout = SocketTimeout(connect=a.timeout_seconds, read=a.timeout_seconds)
        ctx = self._ssl_context() if a.security != "plain" else None
        client: IMAPClient | None = None
        with self._io("connect"):
            try:
                client = IMAPClient(a.host, port=a.port, ssl=a.security == "tls", ssl_context=ctx, timeout=timeout)
                if a.security == "starttls":
                    if not client.has_capability("STARTTLS"):
                        raise MailboxError(f"{self._where}: server does not offer STARTTLS")
                    client.starttls(ctx)
                self._keepalive(client)
                self._login(client)
                client.normalise_times = False  # aware INTERNALDATEs
                self._client = client
                self._caps = frozenset(c.upper() for c in client.capabilities())
                if b"CONDSTORE" in self._caps:
                    client.enable("CONDSTORE")
                self._roles = self._resolve_roles(client)
            except BaseException:
                self._client = None
                if client is not None:
                    with contextlib.suppress(Exception):
                        client.shutdown()
                raise
        log.info(
            "%s: connected as %s; drafts=%s sent=%s", self._where, a.username,
            self._roles.drafts, self._roles.sent,
        )  # fmt: skip
        return self._roles

    def _login(self, client: IMAPClient) -> None:
        if self._oauth is not None:
            self._oauth_login(client, self._oauth)
            return
        a = self._account
        try:
            if a.username.isascii() and self._password.isascii():
                client.login(a.username, self._password)
            elif b"AUTH=PLAIN" in client.capabilities():
                # LOGIN's strings are ASCII; AUTHENTICATE PLAIN carries UTF-8 (RFC 4616)
                client.plain_login(a.username, self._password)
            else:
                raise CredentialError(
                    "the username or password has characters outside ASCII, and the server does not offer "
                    "AUTHENTICATE PLAIN, the only way to send them; use an ASCII (app) password",
                    self._where,
                )
        except UnicodeError:
            # never chained or quoted: the codec's error names the character and its position
            raise CredentialError(
                "the username or password has characters the server's login cannot carry; "
                "use an ASCII (app) password",
                self._where,
            ) from None
        except imapexc.LoginError as e:
            said = self._scrub(str(e))
            if "UNAVAILABLE" in said.upper():  # RFC 5530: the auth backend is down, not the password
                raise TransientMailboxError(f"{self._where}: login unavailable: {said}") from None
            raise CredentialError(
                f"login as {a.username!r} refused ({said}); check the username and password",
                self._where,
            ) from None

    def _oauth_login(self, client: IMAPClient, session: Session) -> None:
        """AUTHENTICATE XOAUTH2 or OAUTHBEARER; a refused token is refreshed once and tried once more."""
        from connectors.oauth2 import sasl

        a = self._account
        assert a.oauth2 is not None
        mechanism = a.oauth2.mechanism
        said = ""
        for attempt in (1, 2):
            token = session.token()  # LoginNeeded, CredentialError, or transient
            payload = sasl(mechanism, a.username, token, a.host, a.port)
            answered: list[bool] = []

            def respond(challenge: bytes, payload: str = payload, answered: list[bool] = answered) -> bytes:
                # the first call sends the token; a second is the server's error challenge
                # (RFC 7628 §3.2.3), which the client must answer with an empty response
                if answered:
                    return b"\x01" if mechanism == "oauthbearer" else b""
                answered.append(True)
                return payload.encode()

            if b"AUTH=" + mechanism.upper().encode() not in {c.upper() for c in client.capabilities()}:
                raise CredentialError(
                    f"the server does not offer AUTH={mechanism.upper()}; set mechanism in [accounts.oauth2]",
                    self._where,
                )
            try:
                client._command_and_check("authenticate", mechanism.upper(), respond)
                return
            except imapexc.IMAPClientError as e:
                said = self._scrub(str(e), token)
            if "UNAVAILABLE" in said.upper():
                raise TransientMailboxError(f"{self._where}: login unavailable: {said}")
            if attempt == 1:
                log.info("%s: the access token was refused (%s); refreshing it once", self._where, said)
                session.invalidate()
        raise CredentialError(
            f"login as {a.username!r} with a fresh OAuth2 token refused ({said}); check the username, "
            f"the scopes, and that IMAP is enabled for the account",
            self._where,
        )

    def _scrub(self, text: str, token: str = "") -> str:
        for secret in (self._password, token):
            if secret:
                text = text.replace(secret, "***")
        return text.removeprefix("b'").removesuffix("'")

    @staticmethod
    def _keepalive(client: IMAPClient) -> None:
        """Let the kernel notice a peer that vanished without a FIN while we IDLE."""
        sock = client.socket()
        with contextlib.suppress(OSError, AttributeError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 60)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, 15)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, 4)

    def _resolve_roles(self, client: IMAPClient) -> FolderRoles:
        a = self._account
        listed = [
            ListedFolder(
                str(name),
                delim.decode() if isinstance(delim, bytes) else delim,
                frozenset(f.decode("utf-8", "replace").lower() for f in flags),
            )
            for flags, delim, name in client.list_folders()
        ]
        names = {f.name for f in listed if f.selectable}

        def configured(value: str | None, key: str) -> str | None:
            if value is not None and value not in names:
                raise UserError(
                    f"folder {value!r} does not exist on the server (it has: {', '.join(sorted(names))})",
                    f"account {a.name}: {key}",
                )
            return value

        drafts = configured(a.drafts_folder, "drafts_folder") or find_role(listed, "\\Drafts", DRAFTS_NAMES)
        if drafts is None:
            raise UserError(
                "no Drafts folder found (no \\Drafts special-use folder and none of the usual names); "
                "set drafts_folder",
                f"account {a.name}",
            )
        sent = configured(a.sent_folder, "sent_folder") or find_role(listed, "\\Sent", SENT_NAMES)
        self._trash = find_role(listed, "\\Trash", TRASH_NAMES)
        return FolderRoles(watched=tuple(a.folders) or ("INBOX",), sent=sent, drafts=drafts)

    def close(self) -> None:
        client, self._client = self._client, None
        self._selected = None
        if client is None:
            return
        try:
            client.logout()
        except Exception:  # the connection may be dead already; closing is all we want
            with contextlib.suppress(Exception):
                client.shutdown()

    def _conn(self) -> IMAPClient:
        if self._client is None:
            self.connect()
        assert self._client is not None
        return self._client

    def _drop(self) -> None:
        client, self._client = self._client, None
        self._selected = None
        if client is not None:
            with contextlib.suppress(Exception):
                client.shutdown()

    @contextlib.contextmanager
    def _io(self, what: str) -> Iterator[None]:
        """Translate imapclient/socket errors; drop the connection when it is unusable."""
        try:
            yield
        except (MailboxError, UserError):
            raise
        except ssl.SSLCertVerificationError as e:
            self._drop()
            raise MailboxError(
                f"{self._where}: {what}: the server's TLS certificate is not trusted "
                f"({e.verify_message}); set ca_file if it uses a private CA"
            ) from None
        except TimeoutError as e:
            self._drop()
            raise MailboxTimeout(f"{self._where}: {what}: timed out ({e})") from None
        except (ssl.SSLEOFError, ssl.SSLZeroReturnError) as e:
            self._drop()
            raise TransientMailboxError(f"{self._where}: {what}: TLS connection closed ({e})") from None
        except ssl.SSLError as e:
            self._drop()
            raise MailboxError(f"{self._where}: {what}: TLS failed ({e.reason or e})") from None
        except (OSError, imaplib.IMAP4.abort, EOFError) as e:
            self._drop()
            raise TransientMailboxError(f"{self._where}: {what}: connection lost ({self._scrub(str(e))})") from None
        except imapexc.CapabilityError as e:
            raise MailboxError(f"{self._where}: {what}: server lacks {e}") from None
        except imaplib.IMAP4.error as e:
            said = self._scrub(str(e))
            if "UNAVAILABLE" in said.upper() or "SERVERBUG" in said.upper():
                raise TransientMailboxError(f"{self._where}: {what}: {said}") from None
            raise MailboxError(f"{self._where}: {what}: server said {said}") from None

    def _has(self, capability: bytes) -> bool:
        return capability in self._caps

    # -- selection ------------------------------------------------------------------------
    def _select(self, client: IMAPClient, folder: str, *, readonly: bool) -> dict[bytes, Any]:
        """SELECT (or EXAMINE) afresh: the answer is the folder's current state."""
        self._selected = None
        info: dict[bytes, Any] = client.select_folder(folder, readonly=readonly)
        self._selected = (folder, readonly)
        return info

    def _ensure_selected(self, client: IMAPClient, folder: str, *, readonly: bool) -> None:
        sel = self._selected
        if sel is not None and sel[0] == folder and (readonly or not sel[1]):
            return
        self._select(client, folder, readonly=readonly)

    # -- sync -----------------------------------------------------------------------------
    def sync(
        self,
        folder: str,
        cursor: Cursor | None,
        since: date | None,
        keep: Callable[[bytes], bool] | None = None,
        fields: Sequence[str] | None = None,
    ) -> SyncResult:
        client = self._conn()
        with self._io(f"sync {folder}"):
            if cursor is not None and (self._selected is None or self._selected[0] != folder):
                # one STATUS round trip answers "nothing new" without selecting
                items = ["UIDNEXT", "UIDVALIDITY"] + (["HIGHESTMODSEQ"] if self._has(b"CONDSTORE") else [])
                st = client.folder_status(folder, items)
                quick = self._unchanged(folder, cursor, st)
                if quick is not None:
                    return SyncResult(quick, [])
            info = self._select(client, folder, readonly=True)
            if cursor is not None:
                quick = self._unchanged(folder, cursor, info)
                if quick is not None:
                    return SyncResult(quick, [])
            validity = int(info[b"UIDVALIDITY"])
            uidnext = int(info.get(b"UIDNEXT", 0))
            modseq = info.get(b"HIGHESTMODSEQ")
            reset = cursor is not None and cursor.validity != validity
            if cursor is None or reset:
                floor = 0
                uids = client.search(["SINCE", since] if since is not None else ["ALL"])
            else:
                floor = cursor.last_key
                # "n:*" always includes the highest UID, even when it is below n
                uids = [u for u in client.search(["UID", f"{floor + 1}:*"]) if u > floor]
            uids = sorted(int(u) for u in uids)
            refs, skipped = self._headers(client, folder, uids, keep, fields)
        # UIDs below UIDNEXT that SEARCH skipped are older than ``since``: never look again
        last = max([floor, uidnext - 1, *uids])
        self._synced[folder] = (validity, last + 1)
        new = Cursor(validity, last, int(modseq) if modseq is not None else None)
        if reset:
            log.warning("%s: %s UIDVALIDITY changed %s -> %s; resynced", self._where, folder,
                        cursor.validity if cursor else None, validity)  # fmt: skip
        return SyncResult(new, refs, reset, skipped)

    def _unchanged(self, folder: str, cursor: Cursor, st: dict[bytes, Any]) -> Cursor | None:
        """The cursor to return when STATUS/EXAMINE shows nothing new since ``cursor``, else None."""
        validity = st.get(b"UIDVALIDITY")
        uidnext = st.get(b"UIDNEXT")
        if validity is None or uidnext is None or int(validity) != cursor.validity:
            return None
        if int(uidnext) > cursor.last_key + 1:
            return None
        self._synced[folder] = (cursor.validity, cursor.last_key + 1)
        modseq = st.get(b"HIGHESTMODSEQ")
        if modseq is None or int(modseq) == cursor.modseq:
            return cursor
        return Cursor(cursor.validity, cursor.last_key, int(modseq), dict(cursor.extra))

    def _headers(
        self,
        client: IMAPClient,
        folder: str,
        uids: Sequence[int],
        keep: Callable[[bytes], bool] | None,
        fields: Sequence[str] | None,
    ) -> tuple[list[MessageRef], int]:
        refs: list[MessageRef] = []
        skipped = 0
        try:
            for i in range(0, len(uids), HEADER_BATCH):
                # streamed: a header the prefilter turns down is dropped as soon as it arrives
                for item in fetch_headers(client._imap, uids[i : i + HEADER_BATCH], fields):
                    if keep is not None and not keep(item.header):
                        skipped += 1
                        continue
                    refs.append(
                        MessageRef(
                            folder=folder,
                            key=item.uid,
                            header_bytes=item.header,
                            flags=_flags(item.flags),
                            internaldate=item.internaldate,
                            size=item.size,
                        )
                    )
        except BaseException:
            # the rest of the FETCH answer is still on the wire: this connection is out of step
            self._drop()
            raise
        return refs, skipped

    # -- fetch ----------------------------------------------------------------------------
    def fetch(self, folder: str, keys: Sequence[int]) -> Iterator[tuple[int, bytes]]:
        wanted = sorted(set(keys))
        for i in range(0, len(wanted), BODY_BATCH):
            batch = wanted[i : i + BODY_BATCH]
            client = self._conn()
            with self._io(f"fetch from {folder}"):
                # re-checked per batch: the caller may use the connection between batches
                self._ensure_selected(client, folder, readonly=True)
                data = client.fetch(batch, ["BODY.PEEK[]"])
            for uid in batch:
                body = data.get(uid, {}).get(b"BODY[]")
                if body is not None:
                    yield uid, bytes(body)

    # -- drafts ---------------------------------------------------------------------------
    def _drafts(self) -> tuple[IMAPClient, str]:
        client = self._conn()
        assert self._roles is not None
        return client, self._roles.drafts

    def append_draft(self, raw: bytes, draft_id: str) -> int | None:
        ids = header_values(raw, DRAFT_ID_HEADER)
        if ids != [draft_id]:
            raise ValueError(f"draft must carry exactly one {DRAFT_ID_HEADER}: {draft_id}, has {ids}")
        client, drafts = self._drafts()
        with self._io(f"append to {drafts}"):
            resp = client.append(drafts, to_crlf(raw), flags=DRAFT_FLAGS)
        if self._selected is not None and self._selected[0] == drafts:
            self._selected = None  # the selected view does not show the new message yet
        # Without UIDPLUS an APPENDUID code (if any) is not promised to be right: no guessing.
        uid = parse_appenduid(resp) if self._has(b"UIDPLUS") else None
        log.info("%s: appended draft %s to %s (uid %s)", self._where, draft_id, drafts, uid)
        return uid

    def find_drafts(self, draft_id: str) -> list[StoredDraft]:
        client, drafts = self._drafts()
        found: list[StoredDraft] = []
        with self._io(f"search {drafts}"):
            self._select(client, drafts, readonly=True)
            charset = None if draft_id.isascii() else "UTF-8"
            uids = sorted(client.search(["HEADER", DRAFT_ID_HEADER, draft_id], charset=charset))
            for i in range(0, len(uids), BODY_BATCH):
                batch = uids[i : i + BODY_BATCH]
                data = client.fetch(batch, ["BODY.PEEK[]", "FLAGS"])
                for uid in batch:
                    item = data.get(uid)
                    if item is None or b"BODY[]" not in item:
                        continue
                    raw = bytes(item[b"BODY[]"])
                    # SEARCH HEADER matches substrings; only an exact value is ours
                    if draft_id in header_values(raw, DRAFT_ID_HEADER):
                        found.append(StoredDraft(uid, raw, _flags(item.get(b"FLAGS", ()))))
        return found

    def remove_draft(self, key: int, expected: bytes) -> bool:
        """Remove draft ``key`` only while it is exactly what we appended and untouched.

        A message's content under one UID never changes in IMAP (an edited draft is a new
        message), so comparing once and then removing by UID is race-free. A draft the user
        flagged (\\Flagged, a keyword, \\Deleted) counts as touched and is left alone.

        Removal: with UIDPLUS, ``\\Deleted`` then ``UID EXPUNGE key`` - only this message
        goes. Without UIDPLUS a plain EXPUNGE would also destroy every other message the
        user had marked ``\\Deleted`` in Drafts, so: MOVE it to Trash when the server has
        MOVE (RFC 6851 expunges only the moved UID) and a Trash folder exists; otherwise
        just flag it ``\\Deleted`` and leave the expunge to the user's client.
        """
        client, drafts = self._drafts()
        with self._io(f"remove draft from {drafts}"):
            self._select(client, drafts, readonly=False)
            data = client.fetch([key], ["BODY.PEEK[]", "FLAGS"])
            item = data.get(key)
            if item is None or b"BODY[]" not in item:
                return False
            flags = _flags(item.get(b"FLAGS", ()))
            if {f.lower() for f in flags} - _OWN_FLAGS:
                log.info("%s: draft uid %s has flags %s: the user touched it, kept", self._where, key,
                         sorted(flags))  # fmt: skip
                return False
            if to_crlf(bytes(item[b"BODY[]"])) != to_crlf(expected):
                log.info("%s: draft uid %s differs from ours: the user edited it, kept", self._where, key)
                return False
            if self._has(b"UIDPLUS"):
                client.add_flags([key], [b"\\Deleted"], silent=True)
                client.uid_expunge([key])
            elif self._has(b"MOVE") and self._trash is not None and self._trash != drafts:
                client.move([key], self._trash)
            else:
                client.add_flags([key], [b"\\Deleted"], silent=True)
        log.info("%s: removed stale draft uid %s from %s", self._where, key, drafts)
        return True

    # -- waiting --------------------------------------------------------------------------
    def wait(self, timeout: float) -> bool:
        """IDLE (or NOOP-poll) on the first watched folder for up to ``timeout`` seconds.

        Returns at once when the folder already holds mail newer than the last sync. While
        idling, the server is asked to confirm it is alive (DONE) whenever the socket wakes
        without news, at every ``idle_refresh``, and at the end: a dead connection costs at
        most one of those plus ``timeout_seconds`` to notice.
        """
        client = self._conn()
        assert self._roles is not None
        folder = self._roles.watched[0]
        deadline = time.monotonic() + max(timeout, 0.0)
        if self._interrupted.is_set():
            self._interrupted.clear()
            return True
        with self._io(f"wait on {folder}"):
            info = self._select(client, folder, readonly=True)
            if self._newer_than_sync(folder, info):
                return True
            if self._has(b"IDLE"):
                return self._idle(client, deadline)
            return self._poll(client, deadline)

    def _newer_than_sync(self, folder: str, info: dict[bytes, Any]) -> bool:
        known = self._synced.get(folder)
        if known is None or b"UIDNEXT" not in info:
            return False
        return int(info[b"UIDVALIDITY"]) != known[0] or int(info[b"UIDNEXT"]) > known[1]

    def _idle(self, client: IMAPClient, deadline: float) -> bool:
        while time.monotonic() < deadline:
            client.idle()
            refresh_at = time.monotonic() + self._idle_refresh
            changed = False
            while True:
                start = time.monotonic()
                until = min(deadline, refresh_at)
                if start >= until:
                    break
                # short local waits: a stop or reload (interrupt) ends the IDLE within one
                step = min(until - start, INTERRUPT_CHECK)
                resps = client.idle_check(timeout=step)
                if any(_is_bye(r) for r in resps):
                    self._drop()
                    raise TransientMailboxError(f"{self._where}: server closed the connection (BYE)")
                if any(_is_change(r) for r in resps) or self._interrupted.is_set():
                    self._interrupted.clear()
                    changed = True
                    break
                if not resps and time.monotonic() < start + step - 0.05:
                    # woke with nothing to read: EOF, a reset or a partial TLS record.
                    # DONE below tells them apart (it fails on a dead connection).
                    break
            _text, late = client.idle_done()
            if changed or any(_is_change(r) for r in late):
                return True
        return False

    def _poll(self, client: IMAPClient, deadline: float) -> bool:
        while True:
            now = time.monotonic()
            if now >= deadline:
                return False
            if self._interrupted.wait(min(self._poll_interval, deadline - now)):
                self._interrupted.clear()
                return True
            _text, resps = client.noop()
            if any(_is_bye(r) for r in resps):
                self._drop()
                raise TransientMailboxError(f"{self._where}: server closed the connection (BYE)")
            if any(_is_change(r) for r in resps):
                return True
