"""The Maildir connector: a local Maildir tree kept by mbsync, offlineimap, getmail or a local MDA.

Layouts understood:

* Maildir++ (Dovecot, Courier, offlineimap): INBOX is the root's cur/new/tmp and every
  other folder is a dot-directory beside them (``.Drafts``, ``.Sent Messages``,
  ``.[Gmail].Drafts``).
* Plain subdirectories (mbsync ``SubFolders Verbatim``): ``Drafts/cur``,
  ``[Gmail]/Drafts/cur``; INBOX is either the root itself or ``Inbox``/``INBOX`` inside it.

A message's key is a 63-bit hash of the unique part of its file name, so it survives
flag changes and the new/ -> cur/ move.

The cursor (``last_key``) is a mark on the filesystem's ctime clock taken as the scan
began: a delivery is a rename into new/ or cur/, and a rename sets ctime, so whatever the
scan missed has a later ctime. The next pass after a restart looks again a safety window
below the mark, less the keys it already saw inside that window (``extra["edge"]``).
Within one process the connector also remembers every key the last scan saw
(``extra["scan"]`` names that scan), so a pass continuing its own cursor reports exactly
the unseen keys, whatever the filesystem does with ctime. A normal pass stats the files
but reads none of the old ones.
"""

from __future__ import annotations

import contextlib
import email.utils
import errno
import functools
import hashlib
import itertools
import logging
import os
import re
import secrets
import socket
import stat
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from email import policy as email_policy
from email.parser import BytesHeaderParser
from pathlib import Path
from typing import NamedTuple

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from connectors.base import DRAFT_ID_HEADER, Cursor, FolderRoles, MessageRef, StoredDraft, SyncResult
from daemon.errors import TransientMailboxError, UserError
from daemon.settings import AccountSettings

log = logging.getLogger(__name__)

#: header bytes read per message during sync; a header block larger than this is cut
MAX_HEADER_BYTES = 256 * 1024
_HEADER_CHUNK = 16 * 1024
#: a message file larger than this is truncated by fetch (with a logged defect)
MAX_FETCH_BYTES = 50 * 1024 * 1024
#: how far below the ctime high-water mark the next pass looks again. Covers coarse
#: timestamp granularity (1-2 s on some filesystems) and renames racing the scan.
CTIME_WINDOW_NS = 5 * 1_000_000_000
#: keys remembered inside the window; beyond this the next pass simply over-reports
EDGE_LIMIT = 1000
#: scan interval of the polling fallback when inotify is unavailable
POLL_SECONDS = 5.0
_CURSOR_FORMAT = "1"

INBOX = "INBOX"
#: common Drafts/Sent names, compared after dropping a leading "." or "INBOX." and
#: treating "/" like "." (so ".[Gmail].Drafts" and "[Gmail]/Drafts" both match)
DRAFTS_NAMES = ("Drafts", "Draft", "[Gmail].Drafts", "[Google Mail].Drafts", "Entwürfe", "Brouillons")
SENT_NAMES = (
    "Sent",
    "Sent Messages",
    "Sent Mail",
    "Sent Items",
    "[Gmail].Sent Mail",
    "[Google Mail].Sent Mail",
    "Gesendet",
    "Envoyés",
)

#: Maildir info letters -> IMAP flags; lower-case letters are Dovecot keywords and ignored
FLAG_NAMES = {
    "D": "\\Draft",
    "F": "\\Flagged",
    "P": "$Forwarded",
    "R": "\\Answered",
    "S": "\\Seen",
    "T": "\\Deleted",
}
#: the flags we give our drafts; a draft carrying any other flag has been touched
_OUR_DRAFT_FLAGS = "DS"
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_counter = itertools.count()


# ---------------------------------------------------------------- names and keys


def unique_name(filename: str) -> str:
    """The part of a Maildir file name that identifies the message.

    Everything from the first ``:`` (the ``:2,FLAGS`` info) or ``,`` (Dovecot's
    ``,S=size``, mbsync's ``,U=uid``, which sync tools may rewrite) is dropped.
    """
    base = filename.split(":", 1)[0]
    head = base.split(",", 1)[0]
    return head or base


@functools.lru_cache(maxsize=1 << 16)  # every pass hashes every file name again
def message_key(filename: str) -> int:
    """A stable, positive 63-bit key for the message stored under ``filename``."""
    digest = hashlib.blake2b(unique_name(filename).encode("utf-8", "surrogateescape"), digest_size=8)
    return (int.from_bytes(digest.digest(), "big") >> 1) or 1


def _info_letters(filename: str) -> str:
    _, sep, info = filename.partition(":2,")
    return info if sep else ""


def flags_of(filename: str) -> frozenset[str]:
    """IMAP-style flags from the ``:2,`` info suffix of a Maildir file name."""
    return frozenset(FLAG_NAMES[c] for c in _info_letters(filename) if c in FLAG_NAMES)


def _new_unique() -> str:
    """A unique name per the Maildir convention (time.MusecPpidQn_Rrandom.host)."""
    now = time.time()
    host = socket.gethostname() or "localhost"
    # "/" and ":" would break the file name; "," would be taken for an info field
    host = host.replace("/", "\\057").replace(":", "\\072").replace(",", "\\054")
    usec = int((now % 1) * 1_000_000)
    return f"{int(now)}.M{usec}P{os.getpid()}Q{next(_counter)}R{secrets.token_hex(8)}.{host}"


def _normalized(folder: str) -> str:
    name = folder.replace("/", ".").lstrip(".").casefold()
    return name.removeprefix("inbox.")


# ---------------------------------------------------------------- reading files


def _header_block(data: bytes) -> bytes | None:
    """The header block including its terminating blank line, or None if not complete yet."""
    if data.startswith((b"\n", b"\r\n")):
        return data[: 1 if data.startswith(b"\n") else 2]
    m = _HEADER_END.search(data)
    return data[: m.end()] if m else None


def read_header(path: Path | str) -> bytes:
    """The header block of a message file, reading at most ``MAX_HEADER_BYTES``."""
    buf = b""
    # os.open/os.read: a first sync opens thousands of files, and io.open's buffering costs
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        while len(buf) < MAX_HEADER_BYTES:
            chunk = os.read(fd, _HEADER_CHUNK)
            if not chunk:
                return buf  # a message with no body: the whole file is header
            buf += chunk
            block = _header_block(buf)
            if block is not None:
                return block
    finally:
        os.close(fd)
    log.warning("%s: header block exceeds %d bytes; truncated", path, MAX_HEADER_BYTES)
    cut = buf[:MAX_HEADER_BYTES]
    return cut[: cut.rfind(b"\n") + 1] or cut


def header_values(header: bytes, name: str) -> list[str]:
    """Every value of header ``name``, unfolded and stripped."""
    msg = BytesHeaderParser(policy=email_policy.compat32).parsebytes(header)
    return [" ".join(str(v).split()) for v in (msg.get_all(name) or [])]


def _read_bounded(path: Path | str, limit: int) -> bytes:
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size > limit:
            log.warning("%s: message is %d bytes; only the first %d are read", path, size, limit)
        return f.read(limit)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _is_maildir(path: Path) -> bool:
    return (path / "cur").is_dir() and (path / "new").is_dir()


def _os_error(exc: OSError, where: Path | str) -> Exception:
    """The followupd error for a failed filesystem call: permissions are the user's to fix."""
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return UserError(f"permission denied ({exc.strerror})", where=str(where))
    return TransientMailboxError(f"{where}: {exc.strerror or exc}")


class _Entry(NamedTuple):  # a NamedTuple: a pass builds one per file, 10,000 in a big folder
    key: int
    path: str
    ctime_ns: int
    mtime_ns: int
    size: int


# ---------------------------------------------------------------- wake-ups


class _Wakeup(FileSystemEventHandler):
    """Sets an event when a message appears in a watched folder (runs in watchdog's thread)."""

    def __init__(self, connector: MaildirConnector) -> None:
        self._connector = connector

    def on_any_event(self, event: FileSystemEvent) -> None:
        c = self._connector
        src = Path(os.fsdecode(event.src_path))
        if event.event_type == "deleted" and src in c._watched_subdirs:
            c._watch_broken = True  # the folder went away; sync will notice and re-arm
            c._wake.set()
            return
        if event.is_directory or event.event_type not in ("created", "moved"):
            return
        dest = Path(os.fsdecode(event.dest_path)) if event.event_type == "moved" else src
        folder = dest.parent.parent
        if event.event_type == "moved" and src.parent.parent == folder:
            return  # a flag change or new/ -> cur/ inside one folder: no new mail
        if dest.name.startswith(".") or dest.parent not in c._watched_subdirs:
            return
        last = c._seen.get(folder)
        if last is not None and message_key(dest.name) in last[1]:
            return  # the MUA moved a message we have already seen from new/ to cur/
        c._wake.set()


# ---------------------------------------------------------------- the connector


class MaildirConnector:
    """One Maildir account. Synchronous, owned by one thread (watchdog's thread only wakes it)."""

    def __init__(self, account: AccountSettings) -> None:
        self.name = account.name
        self._account = account
        self._root: Path | None = None
        self._inbox: Path | None = None
        self._roles: FolderRoles | None = None
        self._dirs: dict[str, Path] = {}
        self._observer: BaseObserver | None = None
        self._wake = threading.Event()
        self._watched_subdirs: frozenset[Path] = frozenset()
        self._watch_broken = False
        #: folder directory -> (token of the last cursor issued, keys seen by that scan)
        self._seen: dict[Path, tuple[str, frozenset[int]]] = {}
        self._instance = secrets.token_hex(6)
        self._scans = itertools.count(1)
        #: drafts file name -> (size, mtime_ns, ino, X-Followupd-Id values)
        self._draft_ids: dict[str, tuple[int, int, int, tuple[str, ...]]] = {}

    # ------------------------------------------------------------ connect / close

    def connect(self) -> FolderRoles:
        if self._roles is not None and self._observer is not None and not self._watch_broken:
            return self._roles
        self._stop_observer()
        root, inbox = self._validate_root()
        self._root, self._inbox = root, inbox
        self._dirs = {INBOX: inbox}
        watched: list[str] = []
        for name in self._account.folders or (INBOX,):
            path = self._find(name)
            if path is None:
                raise UserError(f"folder {name!r} not found in this Maildir", where=str(root))
            self._dirs[name] = path
            watched.append(name)
        sent = self._role("sent_folder", self._account.sent_folder, SENT_NAMES)
        drafts = self._role("drafts_folder", self._account.drafts_folder, DRAFTS_NAMES)
        if drafts is None:
            drafts = self._create_drafts(self._account.drafts_folder)
        self._roles = FolderRoles(watched=tuple(watched), sent=sent, drafts=drafts)
        self._start_observer()
        log.info("maildir %s: root %s, watching %s, sent %s, drafts %s", self.name, root, watched, sent, drafts)
        return self._roles

    def close(self) -> None:
        self._stop_observer()
        self._roles = None

    def _validate_root(self) -> tuple[Path, Path]:
        if self._account.path is None:
            raise UserError('a maildir account needs path = "…"', where=f"accounts.{self.name}.path")
        root = self._account.path.expanduser()
        if not root.is_dir():
            raise UserError("Maildir root does not exist or is not a directory", where=str(root))
        if _is_maildir(root):
            return root, root
        for inbox in ("Inbox", "INBOX", "inbox"):  # mbsync's Path + Inbox layout
            if _is_maildir(root / inbox):
                return root, root / inbox
        raise UserError(
            "not a Maildir: expected cur/, new/ and tmp/ here (or an Inbox/ Maildir inside it)",
            where=str(root),
        )

    def _folders(self) -> list[str]:
        """Names (relative paths) of the Maildir folders under the root, two levels deep."""
        assert self._root is not None
        found: list[str] = []

        def walk(base: Path, prefix: str, depth: int) -> None:
            try:
                entries = sorted(os.scandir(base), key=lambda e: e.name)
            except OSError:
                return
            for entry in entries:
                if entry.name in ("cur", "new", "tmp") or not entry.is_dir():
                    continue
                rel = f"{prefix}{entry.name}"
                if _is_maildir(Path(entry.path)):
                    found.append(rel)
                elif depth > 1 and not entry.name.startswith("."):
                    walk(Path(entry.path), rel + "/", depth - 1)

        walk(self._root, "", 2)
        return found

    def _maildirpp(self) -> bool:
        """Whether new folders should be dot-directories (Maildir++) rather than subdirectories."""
        assert self._root is not None and self._inbox is not None
        if self._inbox != self._root:
            return False
        folders = self._folders()
        return any(f.startswith(".") for f in folders) or not folders

    def _find(self, name: str) -> Path | None:
        """The directory of folder ``name``: a path, a relative directory, or a logical name."""
        assert self._root is not None and self._inbox is not None
        if name in self._dirs:
            return self._dirs[name]
        if name.casefold() == INBOX.casefold():
            return self._inbox
        if name.startswith(("/", "~")):
            path = Path(name).expanduser()
            return path if _is_maildir(path) else None
        for candidate in (name, "." + name.replace("/", "."), "." + name):
            path = self._root / candidate
            if ".." not in Path(candidate).parts and _is_maildir(path):
                return path
        wanted = _normalized(name)
        folders = self._folders()
        if not self._maildirpp():  # prefer the layout the tree actually uses
            folders.sort(key=lambda f: f.startswith("."))
        for rel in folders:
            if _normalized(rel) == wanted:
                return self._root / rel
        return None

    def _role(self, key: str, override: str | None, names: Sequence[str]) -> str | None:
        if override is not None:
            path = self._find(override)
            if path is None:
                if key == "drafts_folder":
                    return None  # created by the caller
                raise UserError(f"{key} {override!r} not found in this Maildir", where=str(self._root))
            self._dirs[override] = path
            return override
        assert self._root is not None
        folders = self._folders()
        if not self._maildirpp():
            folders.sort(key=lambda f: f.startswith("."))
        for wanted in names:
            for rel in folders:
                if _normalized(rel) == _normalized(wanted):
                    self._dirs[rel] = self._root / rel
                    return rel
        return None

    def _create_drafts(self, override: str | None) -> str:
        """Create the Drafts Maildir in the tree's own layout; return its folder name."""
        assert self._root is not None
        name = override or "Drafts"
        if name.startswith(("/", "~")):
            path = Path(name).expanduser()
        elif self._maildirpp():
            path = self._root / (name if name.startswith(".") else "." + name.replace("/", "."))
        else:
            path = self._root / name
        # the configured name stays the name; a discovered one is the directory's
        label = override if override is not None else path.relative_to(self._root).as_posix()
        try:
            for sub in ("cur", "new", "tmp"):
                (path / sub).mkdir(parents=True, exist_ok=True, mode=0o700)
            if path.parent == self._root and path.name.startswith("."):
                (path / "maildirfolder").touch()  # how Maildir++ tools tell a subfolder
        except OSError as exc:
            raise _os_error(exc, path) from exc
        log.info("maildir %s: created Drafts folder %s", self.name, path)
        self._dirs[label] = path
        return label

    def _ensure(self) -> None:
        if self._roles is None:
            self.connect()

    def _dir(self, folder: str) -> Path:
        self._ensure()
        path = self._dirs.get(folder) or self._find(folder)
        if path is None:
            raise UserError(f"folder {folder!r} not found in this Maildir", where=str(self._root))
        self._dirs[folder] = path
        return path

    # ------------------------------------------------------------ scanning

    def _names(self, folder_dir: Path) -> dict[int, str]:
        """key -> path of every message in new/ and cur/, without stat-ing them."""
        # plain strings: building 10,000 Path objects costs more than the listing
        out: dict[int, str] = {}
        for sub in ("new", "cur"):  # new/ first: a message moving to cur/ mid-scan is still seen
            d = folder_dir / sub
            try:
                names = os.listdir(d)
            except OSError as exc:
                raise _os_error(exc, d) from exc
            prefix = os.path.join(d, "")
            for n in names:
                if not n.startswith("."):
                    out[message_key(n)] = prefix + n
        return out

    def _scan(self, folder_dir: Path) -> dict[int, _Entry]:
        out: dict[int, _Entry] = {}
        for sub in ("new", "cur"):
            d = folder_dir / sub
            try:
                it = os.scandir(d)
            except OSError as exc:
                raise _os_error(exc, d) from exc
            with it:
                for entry in it:
                    if entry.name.startswith("."):
                        continue
                    try:
                        st = entry.stat()
                    except FileNotFoundError:
                        continue  # moved while we looked; the ctime window catches it next pass
                    if not stat.S_ISREG(st.st_mode):
                        continue
                    key = message_key(entry.name)
                    out[key] = _Entry(key, entry.path, st.st_ctime_ns, st.st_mtime_ns, st.st_size)
        return out

    @staticmethod
    def validity_of(folder_dir: Path) -> int:
        """A per-folder constant: the inodes of the folder and its cur/ and new/ directories.

        Recreating the folder gives new inodes, hence a new validity.
        """
        inodes = ":".join(str(os.stat(p).st_ino) for p in (folder_dir, folder_dir / "cur", folder_dir / "new"))
        digest = hashlib.blake2b(inodes.encode(), digest_size=4).digest()
        return (int.from_bytes(digest, "big") & 0x7FFFFFFF) or 1

    def _relocate(self, folder_dir: Path, key: int) -> str | None:
        return self._names(folder_dir).get(key)

    # ------------------------------------------------------------ sync

    def sync(
        self,
        folder: str,
        cursor: Cursor | None,
        since: date | None,
        keep: Callable[[bytes], bool] | None = None,
        fields: Sequence[str] | None = None,  # a file's header block is read whole anyway
    ) -> SyncResult:
        folder_dir = self._dir(folder)
        try:
            validity = self.validity_of(folder_dir)
        except OSError as exc:
            raise _os_error(exc, folder_dir) from exc
        self._rearm_if_broken()
        reset = cursor is not None and cursor.validity != validity
        started = time.monotonic_ns()
        fs_now = _fs_clock(folder_dir)
        entries = self._scan(folder_dir)
        window = CTIME_WINDOW_NS + (time.monotonic_ns() - started)

        # Continuing our own last result for this folder: exactly the keys not seen then,
        # whatever the filesystem does with ctime. Otherwise (restart, older cursor) the
        # ctime mark minus the window, less the keys known to be seen inside the window.
        known: frozenset[int] | None = None
        floor: int | None = None
        edge: frozenset[int] = frozenset()
        old_hwm = 0
        if cursor is not None and not reset:
            old_hwm = cursor.last_key
            last = self._seen.get(folder_dir)
            if last is not None and cursor.extra.get("scan") == last[0]:
                known = last[1]
            elif old_hwm > time.time_ns() + CTIME_WINDOW_NS:
                # the clock went back since that cursor was made: its mark would hide new mail
                log.warning("%s: cursor is ahead of the clock; rescanning the folder", folder_dir)
                old_hwm = 0
            else:
                floor = old_hwm - int(cursor.extra.get("window_ns", CTIME_WINDOW_NS))
                edge = _parse_keys(cursor.extra.get("edge", ""))
        # First pass: a file older than `since` is skipped unread; a newer one (sync tools
        # stamp files with the download time) is kept unless its Date header is older too.
        since_ns = None
        if cursor is None or reset:
            if since is not None:
                # a day of slack: `since` is a calendar date in no particular zone
                cut = datetime(since.year, since.month, since.day, tzinfo=UTC) - timedelta(days=1)
                since_ns = int(cut.timestamp()) * 1_000_000_000

        def wanted(e: _Entry) -> bool:
            if known is not None:
                return e.key not in known
            if floor is not None:
                return e.ctime_ns >= floor and e.key not in edge
            return since_ns is None or e.mtime_ns >= since_ns

        refs: list[MessageRef] = []
        unread: set[int] = set()
        skipped = 0
        for e in entries.values():
            if not wanted(e):
                continue
            ref = self._ref(folder, folder_dir, e)
            if ref is None:
                unread.add(e.key)  # vanished or unreadable: must not count as seen
            elif since_ns is not None and _dated_before(ref.header_bytes, since_ns):
                continue
            elif keep is not None and not keep(ref.header_bytes):
                skipped += 1
            else:
                refs.append(ref)
        refs.sort(key=lambda r: (r.internaldate or datetime.min.replace(tzinfo=UTC), r.key))

        # The mark: anything this scan could not see gets a ctime at or after the moment the
        # scan began, on the filesystem's clock. Without that clock, the newest ctime seen
        # (then a burst of deliveries stays inside the window and is re-read after a restart).
        if fs_now is not None:
            hwm = fs_now
        else:
            hwm = max(old_hwm, max((e.ctime_ns for e in entries.values()), default=0))
        new_edge = [e.key for e in entries.values() if e.ctime_ns >= hwm - window and e.key not in unread]
        token = f"{self._instance}.{next(self._scans)}"
        extra = {"v": _CURSOR_FORMAT, "window_ns": str(window), "scan": token}
        # too many to remember: the next pass after a restart re-reports the window
        extra["edge"] = ",".join(f"{k:x}" for k in sorted(new_edge)) if len(new_edge) <= EDGE_LIMIT else ""
        self._seen[folder_dir] = (token, frozenset(entries) - unread)
        return SyncResult(Cursor(validity=validity, last_key=hwm, extra=extra), refs, reset=reset, skipped=skipped)

    def _ref(self, folder: str, folder_dir: Path, e: _Entry) -> MessageRef | None:
        path = e.path
        for _attempt in range(2):
            try:
                header = read_header(path)
                break
            except FileNotFoundError:
                moved = self._relocate(folder_dir, e.key)  # the MUA moved it to cur/ or renamed it
                if moved is None or moved == path:
                    return None
                path = moved
            except OSError as exc:
                log.warning("%s: unreadable (%s); skipped this pass", path, exc.strerror)
                return None
        else:
            return None
        return MessageRef(
            folder=folder,
            key=e.key,
            header_bytes=header,
            flags=flags_of(os.path.basename(path)),
            internaldate=datetime.fromtimestamp(e.mtime_ns / 1e9, UTC),
            size=e.size,
        )

    # ------------------------------------------------------------ fetch

    def fetch(self, folder: str, keys: Sequence[int]) -> Iterator[tuple[int, bytes]]:
        folder_dir = self._dir(folder)
        wanted = list(dict.fromkeys(keys))
        if not wanted:
            return
        located = self._names(folder_dir)
        for key in wanted:
            where = located.get(key)
            if where is None:
                continue  # gone: like an expunged UID
            data = self._read_message(folder_dir, key, where)
            if data is not None:
                yield key, data

    def _read_message(self, folder_dir: Path, key: int, path: str) -> bytes | None:
        """The bytes of a message, following it if the MUA just renamed it; None if it is gone."""
        for _attempt in range(2):
            try:
                return _read_bounded(path, MAX_FETCH_BYTES)
            except FileNotFoundError:
                moved = self._relocate(folder_dir, key)
                if moved is None or moved == path:
                    return None
                path = moved
            except OSError as exc:
                raise _os_error(exc, path) from exc
        return None

    # ------------------------------------------------------------ drafts

    def _drafts_dir(self) -> Path:
        self._ensure()
        assert self._roles is not None
        return self._dir(self._roles.drafts)

    def append_draft(self, raw: bytes, draft_id: str) -> int | None:
        header = _header_block(raw) or raw
        if draft_id not in header_values(header, DRAFT_ID_HEADER):
            # without the header find_drafts could never see it, and it would be drafted again
            raise ValueError(f"draft lacks the header {DRAFT_ID_HEADER}: {draft_id}")
        drafts = self._drafts_dir()
        unique = _new_unique()
        tmp = drafts / "tmp" / unique
        final = drafts / "cur" / f"{unique}:2,{_OUR_DRAFT_FLAGS}"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(raw)
                    f.flush()
                    os.fsync(f.fileno())
                if final.exists():  # cannot happen with 64 random bits, but never overwrite
                    raise FileExistsError(errno.EEXIST, "exists", str(final))
                os.rename(tmp, final)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
            _fsync_dir(drafts / "cur")
        except OSError as exc:
            raise _os_error(exc, drafts) from exc
        log.info("maildir %s: draft %s written to %s", self.name, draft_id, final.name)
        return message_key(final.name)

    def find_drafts(self, draft_id: str) -> list[StoredDraft]:
        drafts = self._drafts_dir()
        found: list[tuple[int, StoredDraft]] = []
        seen_names: set[str] = set()
        for key, where in self._names(drafts).items():
            path = Path(where)
            seen_names.add(path.name)
            try:
                ids = self._ids_of(path)
                if draft_id not in ids:
                    continue
                with open(path, "rb") as f:
                    st = os.fstat(f.fileno())
                    raw = f.read(MAX_FETCH_BYTES)
            except FileNotFoundError:
                continue  # removed or renamed by the MUA just now
            except OSError as exc:
                raise _os_error(exc, path) from exc
            found.append((st.st_mtime_ns, StoredDraft(key=key, raw=raw, flags=flags_of(path.name))))
        for stale in set(self._draft_ids) - seen_names:
            del self._draft_ids[stale]
        return [d for _, d in sorted(found, key=lambda t: (t[0], t[1].key))]

    def _ids_of(self, path: Path) -> tuple[str, ...]:
        st = os.stat(path)
        cached = self._draft_ids.get(path.name)
        if cached is not None and cached[:3] == (st.st_size, st.st_mtime_ns, st.st_ino):
            return cached[3]
        ids = tuple(header_values(read_header(path), DRAFT_ID_HEADER))
        self._draft_ids[path.name] = (st.st_size, st.st_mtime_ns, st.st_ino, ids)
        return ids

    def remove_draft(self, key: int, expected: bytes) -> bool:
        drafts = self._drafts_dir()
        where = self._names(drafts).get(key)
        if where is None:
            return False  # deleted or moved by the user
        path = Path(where)
        extra_flags = set(_info_letters(path.name)) - set(_OUR_DRAFT_FLAGS)
        if extra_flags:
            log.info("%s: draft has flags %s set by the user; left alone", path, "".join(sorted(extra_flags)))
            return False
        try:
            with open(path, "rb") as f:
                before = os.fstat(f.fileno())
                if before.st_size != len(expected) or f.read(len(expected) + 1) != expected:
                    return False
            # Maildir files are replaced, not rewritten; this catches a swap since we read
            after = os.stat(path)
            if (after.st_ino, after.st_size, after.st_mtime_ns) != (
                before.st_ino,
                before.st_size,
                before.st_mtime_ns,
            ):
                return False
            os.unlink(path)
            _fsync_dir(path.parent)
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise _os_error(exc, path) from exc
        self._draft_ids.pop(path.name, None)
        log.info("maildir %s: removed draft %s", self.name, path.name)
        return True

    # ------------------------------------------------------------ wait

    def interrupt(self) -> None:
        self._wake.set()

    def wait(self, timeout: float) -> bool:
        self._ensure()
        if self._watch_broken:
            self._wake.clear()  # the caller syncs everything now, re-arming the watch
            return True
        if self._observer is None:
            self._wake.wait(max(0.0, timeout))
            self._wake.clear()
            return True
        if not self._wake.wait(max(0.0, timeout)):
            return False
        self._wake.clear()
        return True

    def _watch_dirs(self) -> list[Path]:
        assert self._roles is not None
        folders = list(self._roles.watched)
        if self._roles.sent is not None:
            folders.append(self._roles.sent)
        dirs: list[Path] = []
        for name in folders:
            for sub in ("new", "cur"):
                d = self._dir(name) / sub
                if d not in dirs:
                    dirs.append(d)
        return dirs

    def _start_observer(self) -> None:
        dirs = self._watch_dirs()
        self._watched_subdirs = frozenset(dirs)
        self._watch_broken = False
        handler = _Wakeup(self)
        observer: BaseObserver
        try:
            observer = Observer()
            for d in dirs:
                observer.schedule(handler, str(d), recursive=False)
            observer.start()
        except OSError as exc:
            log.warning("maildir %s: inotify unavailable (%s); polling every %.0f s", self.name, exc, POLL_SECONDS)
            try:
                observer = PollingObserver(timeout=POLL_SECONDS)
                for d in dirs:
                    observer.schedule(handler, str(d), recursive=False)
                observer.start()
            except OSError as exc2:
                # wait() then sleeps out its timeout and reports "maybe changed": plain polling
                log.warning("maildir %s: cannot watch the folders (%s)", self.name, exc2)
                return
        self._observer = observer

    def _stop_observer(self) -> None:
        observer, self._observer = self._observer, None
        if observer is not None:
            observer.stop()
            observer.join(timeout=5.0)

    def _rearm_if_broken(self) -> None:
        if self._watch_broken and self._roles is not None:
            log.info("maildir %s: a watched folder was replaced; re-arming the watch", self.name)
            self._stop_observer()
            self._start_observer()


def _fs_clock(folder_dir: Path) -> int | None:
    """The filesystem's own "now" (the ctime of a file created in tmp/), or None if read-only.

    ctimes come from the file server's clock, which for a network mount need not agree
    with ours; a probe file removes the question.
    """
    probe = folder_dir / "tmp" / f".followupd-clock.{os.getpid()}.{secrets.token_hex(4)}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    except OSError:
        return None
    try:
        return os.fstat(fd).st_ctime_ns
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(probe)


def _dated_before(header: bytes, cut_ns: int) -> bool:
    """Whether the message's Date header is readable and earlier than ``cut_ns``."""
    try:
        values = header_values(header, "Date")
        when = email.utils.parsedate_to_datetime(values[0]) if values else None
    except (ValueError, TypeError, IndexError):
        return False
    if when is None:
        return False
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp() * 1e9 < cut_ns


def _parse_keys(text: str) -> frozenset[int]:
    out: set[int] = set()
    for part in text.split(","):
        with contextlib.suppress(ValueError):
            out.add(int(part, 16))
    return frozenset(out)
