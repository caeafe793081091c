"""The state database: applications, the message index, sync cursors, the effects journal.

One SQLite file, owned by the user alone (0600 in a 0700 directory), in WAL mode. A
transaction that must survive a power cut because the mailbox is changed next (an
intent in the effects journal) commits with ``synchronous=FULL``; the rest (the message
index, cursors, application state) with ``NORMAL``, which keeps the file consistent but
may lose the last few commits to a power cut - they are read and applied again, as after
any crash - and spares a first scan an fsync per message. Because the WAL is written in
order, a FULL commit also makes every earlier commit durable. The schema
version lives in ``PRAGMA user_version`` and moves forward only through ``MIGRATIONS``;
a file from a newer followupd, or one that is not SQLite at all, is refused and never
recreated: it may hold the only record of which drafts were already made.

The effects journal makes APPENDs idempotent across crashes: the runner records an
intent (with the exact bytes) before touching the mailbox and the outcome after. An
intent without outcome means the process died in between, so the runner must look in
Drafts for the X-Followupd-Id before appending again.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import sqlite3
import stat
import urllib.parse
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.parser import BytesHeaderParser
from email.policy import default as default_policy
from pathlib import Path
from typing import Any, Literal

from connectors.base import Cursor
from daemon.errors import StateError
from daemon.followup.tracker import Application, next_action
from daemon.paths import unsafe_mode

EffectKind = Literal["append", "remove"]
#: outcomes after which an append must never be attempted again
APPEND_DONE = frozenset({"appended", "present", "deleted"})

MIGRATIONS: tuple[str, ...] = (
    # v1: the core tables
    """
    CREATE TABLE applications (
        id TEXT PRIMARY KEY,
        company TEXT,
        role TEXT,
        state TEXT NOT NULL,
        data TEXT NOT NULL,
        created TEXT,
        updated TEXT
    );
    CREATE INDEX applications_company_role ON applications (company, role);
    CREATE INDEX applications_state ON applications (state);

    CREATE TABLE messages (
        account TEXT NOT NULL,
        folder TEXT NOT NULL,
        validity INTEGER NOT NULL,
        key INTEGER NOT NULL,
        message_id TEXT,
        category TEXT,
        app_id TEXT,
        processed_at TEXT NOT NULL,
        PRIMARY KEY (account, folder, validity, key)
    );
    CREATE INDEX messages_message_id ON messages (message_id);

    CREATE TABLE cursors (
        account TEXT NOT NULL,
        folder TEXT NOT NULL,
        validity INTEGER NOT NULL,
        last_key INTEGER NOT NULL,
        modseq INTEGER,
        extra TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (account, folder)
    );

    CREATE TABLE intents (
        draft_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('append', 'remove')),
        attempt INTEGER NOT NULL,
        account TEXT NOT NULL,
        app_id TEXT,
        stage TEXT,
        raw_sha256 TEXT NOT NULL,
        raw BLOB NOT NULL,
        created TEXT NOT NULL,
        PRIMARY KEY (draft_id, kind)
    );

    CREATE TABLE outcomes (
        id INTEGER PRIMARY KEY,
        draft_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        attempt INTEGER NOT NULL,
        status TEXT NOT NULL,
        key INTEGER,
        recorded TEXT NOT NULL,
        FOREIGN KEY (draft_id, kind) REFERENCES intents (draft_id, kind) ON DELETE CASCADE
    );
    CREATE INDEX outcomes_effect ON outcomes (draft_id, kind, attempt);
    """,
    # v2: notices waiting for the daily digest ([notify] mode = "digest")
    """
    CREATE TABLE notices (
        id INTEGER PRIMARY KEY,
        app_id TEXT,
        text TEXT NOT NULL,
        created TEXT NOT NULL,
        sent_at TEXT
    );
    CREATE INDEX notices_unsent ON notices (sent_at);
    """,
    # v3: which account an application's mail arrived through (its drafts go there)
    """
    CREATE TABLE app_accounts (
        app_id TEXT PRIMARY KEY,
        account TEXT NOT NULL
    );
    """,
    # v4: small facts about the state itself (e.g. which policy the stages were planned with)
    """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class Effect:
    """One journalled mailbox change and how its latest attempt ended (None: unknown)."""

    draft_id: str
    kind: EffectKind
    attempt: int
    account: str
    app_id: str | None
    stage: str | None
    raw_sha256: str
    raw: bytes
    created: datetime
    status: str | None
    key: int | None
    recorded: datetime | None


@dataclass(frozen=True)
class Notice:
    id: int
    app_id: str | None
    text: str
    created: datetime


class Store:
    """The open state database. Not thread-safe: one Store per thread."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._depth = 0

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: Path, *, reader: bool = False) -> Store:
        """Open (a writer: create if need be) the state database.

        Nothing here opens, closes or replaces the file outside SQLite: POSIX locks belong
        to the process, and one ``close()`` of any descriptor of the file drops all of its
        SQLite connections' locks. Another process's connection then takes itself for the
        last one and deletes the ``-wal``/``-shm`` files this process goes on writing to
        (https://sqlite.org/howtocorrupt.html, 2.2). So the file is made private with
        ``chmod`` on its path, and a process may hold several stores at once.

        ``reader``: for ``status`` and the like, which take no writer lock. The file must
        exist (it is never created), and writes are refused (``query_only``) - except a
        schema migration, which an older file needs before this version can read it.
        """
        path = Path(path)
        if reader:
            refuse_truncated(path)
        else:
            _prepare_dir(path.parent)
            if _make_private(path):
                refuse_truncated(path)
            else:
                _create(path)
        return cls._connect(path, "rw" if reader else "rwc", reader=reader)

    @classmethod
    def _connect(cls, path: Path, mode: str, *, reader: bool = False, new: bool = False) -> Store:
        try:
            conn = sqlite3.connect(_uri(path, mode), uri=True, timeout=10.0, isolation_level=None)
        except sqlite3.Error as exc:
            raise StateError(f"{path}: cannot open the state database: {exc}") from exc
        store = cls(conn, path)
        try:
            if new:
                # SQLite created it just now, with the umask's mode, empty: close that gap
                # before the first statement writes a byte (the -wal and -shm files SQLite
                # makes later take the database file's mode)
                _chmod_private(path)
            store._configure()
            store._migrate()
            if reader:
                conn.execute("PRAGMA query_only = ON")
        except StateError:
            conn.close()
            raise
        except sqlite3.OperationalError as exc:
            # the file may be fine: the disk is full or failing, or the directory read-only
            conn.close()
            raise StateError(f"{path}: cannot use the state database: {exc} (is the disk full or read-only?)") from exc
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StateError(
                f"{path}: not a usable followupd state database ({exc}); "
                "move it aside to start afresh, or restore it from a backup"
            ) from exc
        return store

    def _configure(self) -> None:
        c = self._conn
        c.execute("PRAGMA busy_timeout = 10000")
        # reading the header is what detects a file that is not SQLite
        c.execute("PRAGMA schema_version").fetchone()
        mode = c.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode is None or str(mode[0]).lower() != "wal":
            raise StateError(f"{self.path}: cannot switch the state database to WAL mode")
        c.execute("PRAGMA synchronous = NORMAL")
        c.execute("PRAGMA foreign_keys = ON")
        check = c.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise StateError(f"{self.path}: the state database is damaged ({check[0] if check else '?'})")

    def _migrate(self) -> None:
        version = int(self._conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StateError(
                f"{self.path}: written by a newer followupd (schema {version}, this one knows up to "
                f"{SCHEMA_VERSION}); upgrade followupd or point [daemon] state_dir elsewhere"
            )
        for number in range(version + 1, SCHEMA_VERSION + 1):
            script = MIGRATIONS[number - 1]
            # executescript commits first, so the version bump shares the script's transaction
            try:
                self._conn.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
            except sqlite3.OperationalError:
                # another process (the daemon, a `status` beside it) ran this step between our
                # reading the version and our taking the write lock: its work stands
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if self.schema_version >= number:
                    continue
                raise

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self, *, durable: bool = False) -> Iterator[Store]:
        """All writes inside commit together or not at all; nesting uses savepoints.

        ``durable``: the commit is on disk before this returns (``synchronous=FULL``), for
        a record the mailbox is about to depend on. It must be the outermost transaction:
        SQLite cannot change the sync level inside one.
        """
        c = self._conn
        name = f"sp{self._depth}"
        if durable and self._depth > 0:
            raise StateError(f"{self.path}: a durable transaction cannot be nested in another")
        if durable:
            c.execute("PRAGMA synchronous = FULL")
        try:
            with self._scope(name):
                yield self
        finally:
            if durable:
                with contextlib.suppress(sqlite3.Error):  # at worst later commits stay FULL
                    c.execute("PRAGMA synchronous = NORMAL")

    @contextlib.contextmanager
    def _scope(self, name: str) -> Iterator[None]:
        c = self._conn
        if self._depth == 0:
            self._write("BEGIN IMMEDIATE")
        else:
            c.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                c.execute("ROLLBACK")
            else:
                c.execute(f"ROLLBACK TO {name}")
                c.execute(f"RELEASE {name}")
            raise
        self._depth -= 1
        if self._depth == 0:
            try:
                c.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                # e.g. a full disk: SQLite keeps the transaction open; none of it happened
                with contextlib.suppress(sqlite3.Error):
                    c.execute("ROLLBACK")
                raise StateError(f"{self.path}: cannot write the state database: {exc}") from exc
        else:
            c.execute(f"RELEASE {name}")

    def _write(self, sql: str, params: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        try:
            return self._conn.execute(sql, params)
        except sqlite3.OperationalError as exc:
            raise StateError(f"{self.path}: cannot write the state database: {exc}") from exc

    # ------------------------------------------------------------ applications

    def load_applications(self) -> list[Application]:
        rows = self._conn.execute("SELECT id, data FROM applications ORDER BY created, id").fetchall()
        out = []
        for app_id, data in rows:
            try:
                out.append(Application.from_json(json.loads(data)))
            except (ValueError, KeyError, TypeError) as exc:
                raise StateError(f"{self.path}: application {app_id} is unreadable: {exc}") from exc
        return out

    def save_application(self, app: Application) -> None:
        self._write(
            "INSERT INTO applications (id, company, role, state, data, created, updated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET company = excluded.company, role = excluded.role, "
            "state = excluded.state, data = excluded.data, updated = excluded.updated",
            (
                app.id,
                app.company,
                app.role,
                app.state,
                json.dumps(app.to_json(), ensure_ascii=False, sort_keys=True),
                _iso(app.created),
                _iso(app.updated),
            ),
        )

    def get_application(self, app_id: str) -> Application | None:
        row = self._conn.execute("SELECT data FROM applications WHERE id = ?", (app_id,)).fetchone()
        return Application.from_json(json.loads(row[0])) if row else None

    # ------------------------------------------------------------ message index

    def data_version(self) -> int:
        """Changes whenever another connection commits; lets a reader keep a cache."""
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def get_meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def set_meta(self, key: str, value: str) -> None:
        self._write("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def set_app_account(self, app_id: str, account: str) -> None:
        """Remember the account an application belongs to; the first one wins."""
        self._write("INSERT OR IGNORE INTO app_accounts (app_id, account) VALUES (?, ?)", (app_id, account))

    def app_account(self, app_id: str) -> str | None:
        row = self._conn.execute("SELECT account FROM app_accounts WHERE app_id = ?", (app_id,)).fetchone()
        return str(row[0]) if row else None

    def seen(self, account: str, folder: str, validity: int, key: int) -> bool:
        row = self._conn.execute(
            "SELECT 1 FROM messages WHERE account = ? AND folder = ? AND validity = ? AND key = ?",
            (account, folder, validity, key),
        ).fetchone()
        return row is not None

    def seen_among(self, account: str, folder: str, validity: int, keys: Sequence[int]) -> set[int]:
        """Which of ``keys`` were processed already: one query per chunk, not one per key."""
        found: set[int] = set()
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self._conn.execute(
                f"SELECT key FROM messages WHERE account = ? AND folder = ? AND validity = ? AND key IN ({marks})",
                (account, folder, validity, *chunk),
            ).fetchall()
            found.update(int(r[0]) for r in rows)
        return found

    def mark_seen(
        self,
        account: str,
        folder: str,
        validity: int,
        key: int,
        *,
        message_id: str | None,
        category: str | None,
        app_id: str | None,
        processed_at: datetime,
    ) -> None:
        self._write(
            "INSERT OR REPLACE INTO messages "
            "(account, folder, validity, key, message_id, category, app_id, processed_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (account, folder, validity, key, message_id, category, app_id, processed_at.isoformat()),
        )

    def seen_message_id(self, message_id: str) -> bool:
        """Whether a message with this Message-ID was processed in any folder."""
        row = self._conn.execute("SELECT 1 FROM messages WHERE message_id = ? LIMIT 1", (message_id,)).fetchone()
        return row is not None

    def drop_folder(self, account: str, folder: str) -> None:
        """UIDVALIDITY changed: forget the folder's message index and cursor, keep applications."""
        with self.transaction():
            self._write("DELETE FROM messages WHERE account = ? AND folder = ?", (account, folder))
            self._write("DELETE FROM cursors WHERE account = ? AND folder = ?", (account, folder))

    # ------------------------------------------------------------ cursors

    def get_cursor(self, account: str, folder: str) -> Cursor | None:
        row = self._conn.execute(
            "SELECT validity, last_key, modseq, extra FROM cursors WHERE account = ? AND folder = ?",
            (account, folder),
        ).fetchone()
        if row is None:
            return None
        extra = json.loads(row[3]) if row[3] else {}
        return Cursor(validity=row[0], last_key=row[1], modseq=row[2], extra={str(k): str(v) for k, v in extra.items()})

    def set_cursor(self, account: str, folder: str, cursor: Cursor) -> None:
        self._write(
            "INSERT OR REPLACE INTO cursors (account, folder, validity, last_key, modseq, extra) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (account, folder, cursor.validity, cursor.last_key, cursor.modseq, json.dumps(cursor.extra)),
        )

    # ------------------------------------------------------------ effects journal

    def record_intent(
        self,
        draft_id: str,
        kind: EffectKind,
        account: str,
        raw: bytes,
        created: datetime,
        *,
        app_id: str | None = None,
        stage: str | None = None,
    ) -> Effect:
        """Journal a mailbox change before making it. Returns the new attempt.

        Refuses (StateError) to journal an append whose draft is known to be in the
        mailbox already or deleted by the user: that would be a duplicate draft.
        """
        # durable when it stands alone: the mailbox is changed right after. (Nested, as when
        # a draft found in the mailbox is adopted, nothing follows that depends on it.)
        with self.transaction(durable=self._depth == 0):
            prev = self.effect(draft_id, kind)
            if prev is not None and kind == "append" and prev.status in APPEND_DONE:
                raise DuplicateEffectError(
                    f"{self.path}: draft {draft_id} was already {prev.status}; refusing to append it again"
                )
            attempt = prev.attempt + 1 if prev is not None else 1
            digest = hashlib.sha256(raw).hexdigest()
            self._write(
                "INSERT OR REPLACE INTO intents "
                "(draft_id, kind, attempt, account, app_id, stage, raw_sha256, raw, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (draft_id, kind, attempt, account, app_id, stage, digest, raw, created.isoformat()),
            )
        effect = self.effect(draft_id, kind)
        assert effect is not None
        return effect

    def record_outcome(
        self,
        draft_id: str,
        status: str,
        key: int | None,
        recorded: datetime,
        kind: EffectKind = "append",
    ) -> None:
        """How the latest attempt of an intent ended (appended, present, failed, removed…)."""
        row = self._conn.execute(
            "SELECT attempt FROM intents WHERE draft_id = ? AND kind = ?", (draft_id, kind)
        ).fetchone()
        if row is None:
            raise StateError(f"{self.path}: outcome for {kind} {draft_id} without a recorded intent")
        self._write(
            "INSERT INTO outcomes (draft_id, kind, attempt, status, key, recorded) VALUES (?, ?, ?, ?, ?, ?)",
            (draft_id, kind, row[0], status, key, recorded.isoformat()),
        )

    _EFFECT_SQL = (
        "SELECT i.draft_id, i.kind, i.attempt, i.account, i.app_id, i.stage, i.raw_sha256, i.raw, "
        "i.created, o.status, o.key, o.recorded FROM intents i LEFT JOIN outcomes o ON o.id = ("
        "SELECT MAX(id) FROM outcomes WHERE draft_id = i.draft_id AND kind = i.kind AND attempt = i.attempt)"
    )

    def effect(self, draft_id: str, kind: EffectKind = "append") -> Effect | None:
        row = self._conn.execute(self._EFFECT_SQL + " WHERE i.draft_id = ? AND i.kind = ?", (draft_id, kind)).fetchone()
        return _effect(row) if row else None

    def pending_effects(self) -> list[Effect]:
        """Intents whose latest attempt has no outcome: the process stopped in between."""
        rows = self._conn.execute(self._EFFECT_SQL + " WHERE o.id IS NULL ORDER BY i.created, i.draft_id").fetchall()
        return [_effect(r) for r in rows]

    # ------------------------------------------------------------ digest notices

    def queue_notice(self, app_id: str | None, text: str, created: datetime) -> None:
        self._write("INSERT INTO notices (app_id, text, created) VALUES (?, ?, ?)", (app_id, text, created.isoformat()))

    def unsent_notices(self) -> list[Notice]:
        rows = self._conn.execute(
            "SELECT id, app_id, text, created FROM notices WHERE sent_at IS NULL ORDER BY id"
        ).fetchall()
        return [Notice(r[0], r[1], r[2], datetime.fromisoformat(r[3])) for r in rows]

    def mark_notices_sent(self, ids: list[int], sent_at: datetime) -> None:
        with self.transaction():
            for i in ids:
                self._write("UPDATE notices SET sent_at = ? WHERE id = ?", (sent_at.isoformat(), i))

    # ------------------------------------------------------------ status

    def status_snapshot(self) -> dict[str, Any]:
        """The ``followupd status --json`` object (DESIGN.md §3)."""
        apps = self.load_applications()
        entries = []
        for app in apps:
            nxt = next_action(app)
            iv = app.interview
            drafts = []
            for s in app.stages:
                if s.created is None:
                    continue
                message_id = s.message_id or self._draft_message_id(s.draft_id)
                drafts.append({"stage": s.stage, "created": s.created.isoformat(), "message_id": message_id})
            entries.append(
                {
                    "id": app.id,
                    "company": app.company,
                    "role": app.role,
                    "state": app.state,
                    "interview": None
                    if iv is None or iv.start is None
                    else {"start": iv.start.isoformat(), "end": _iso(iv.end)},
                    "next": None if nxt is None else {"stage": nxt[0], "due": nxt[1].isoformat()},
                    "drafts": drafts,
                }
            )
            # only when set, so the documented shape (DESIGN §3) stays as it was: why a draft
            # does not go where the employer's mail pointed, and what the user noted
            if app.latest is not None and app.latest.recipient_note:
                entries[-1]["recipient_note"] = app.latest.recipient_note
            notes = {k: v for k, v in vars(app.notes).items() if v}
            if notes:
                entries[-1]["notes"] = notes
        # what happens soonest first; finished applications last
        entries.sort(key=lambda e: (e["next"] is None, _sort_time(e), e["company"] or "", e["id"]))
        return {"applications": entries}

    def _draft_message_id(self, draft_id: str) -> str | None:
        row = self._conn.execute(
            "SELECT raw FROM intents WHERE draft_id = ? AND kind = 'append'", (draft_id,)
        ).fetchone()
        if row is None:
            return None
        headers = BytesHeaderParser(policy=default_policy).parsebytes(bytes(row[0]))
        value = headers.get("Message-ID")
        return str(value).strip() if value else None


class DuplicateEffectError(StateError):
    """An append was journalled for a draft that is already in the mailbox (or was deleted)."""


def _sort_time(entry: dict[str, Any]) -> str:
    # ISO strings of different offsets do not sort as times; normalise for ordering only
    nxt = entry["next"]
    if nxt is None:
        return ""
    return f"{datetime.fromisoformat(nxt['due']).timestamp():020.3f}"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _effect(row: tuple[Any, ...]) -> Effect:
    return Effect(
        draft_id=row[0],
        kind=row[1],
        attempt=row[2],
        account=row[3],
        app_id=row[4],
        stage=row[5],
        raw_sha256=row[6],
        raw=bytes(row[7]),
        created=datetime.fromisoformat(row[8]),
        status=row[9],
        key=row[10],
        recorded=datetime.fromisoformat(row[11]) if row[11] else None,
    )


#: in the state directory, next to the database: held by the one process that writes the state
LOCK_NAME = "followupd.lock"


class StateBusyError(StateError):
    """Another followupd writes this state already (the daemon, or a ``run --once``)."""


class WriterLock:
    """The right to write the state: ``run`` holds it for its life, ``run --once`` for its pass.

    Two writers would race on the effects journal (both see an intent without outcome and
    both look for, or append, the same draft), so a second one is refused at once; readers
    (``status``, ``--dry-run``) take no lock. It is ``flock`` on a file of its own, never
    on the database: ``flock`` belongs to the open file, so closing it cannot disturb
    SQLite's POSIX locks, and the kernel drops it when the holder dies, even by ``kill -9``.
    """

    def __init__(self, fd: int, path: Path) -> None:
        self._fd: int | None = fd
        self.path = path

    @classmethod
    def acquire(cls, directory: Path, command: str) -> WriterLock:
        _prepare_dir(directory)
        path = directory / LOCK_NAME
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except OSError as exc:
            raise StateError(f"{path}: cannot open the state lock: {exc.strerror or exc}") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = ""
            with contextlib.suppress(OSError):
                holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
            os.close(fd)
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise StateError(f"{path}: cannot lock the state: {exc.strerror or exc}") from exc
            who = f"followupd {holder}" if holder else "another followupd"
            raise StateBusyError(
                f"{directory}: the state is in use by {who}; only one writer at a time, so stop it "
                "first (followupd status and run --once --dry-run work beside it)"
            ) from exc
        # who holds it, for the message above: "(pid 1234, run)"
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"(pid {os.getpid()}, {command})\n".encode(), 0)
        return cls(fd, path)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # the lock goes with the last descriptor of this open file
            self._fd = None

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _prepare_dir(directory: Path) -> None:
    try:
        if not directory.exists():
            directory.mkdir(parents=True, mode=0o700)
            os.chmod(directory, 0o700)  # mkdir's mode is masked by the umask
        elif not directory.is_dir():
            raise StateError(f"{directory}: the state directory is not a directory")
    except OSError as exc:
        raise StateError(f"{directory}: cannot create the state directory: {exc.strerror or exc}") from exc
    if not os.access(directory, os.W_OK | os.X_OK):
        raise StateError(f"{directory}: the state directory is not writable")
    if (unsafe := unsafe_mode(directory)) is not None:
        raise StateError(unsafe)


def refuse_truncated(path: Path) -> None:
    """Refuse an existing database file that is empty while no WAL holds its content.

    SQLite would take it for a new database, and followupd would start afresh and could
    recreate drafts the user deleted. A file followupd creates itself gets its header on
    the first statement, so an empty one was truncated (or made by someone else).
    """
    try:
        if path.stat().st_size > 0:
            return
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return
    except OSError:
        return  # missing or unreadable: opening it reports that
    raise StateError(
        f"{path}: the state database is empty (0 bytes), so the record of which drafts were made "
        "is lost; restore it from a backup, or delete the file to start afresh (drafts you "
        "deleted may then be made again)"
    )


def _create(path: Path) -> None:
    """Make a new, migrated database at ``path`` in one step, so nobody sees it half made.

    SQLite creates the file empty and writes its header only with the first statement; a
    ``status`` in that gap, or a restart after a ``kill -9`` in it, would find an empty
    file it cannot tell from a truncated one (:func:`refuse_truncated`). So the database is
    built under a name of its own and linked into place complete. Nobody can hold a
    connection to the path before it exists, and the closed builder has left no ``-wal``.
    Only the writer-lock holder creates, so a leftover builder file is a crashed one's.
    """
    builder = path.with_name(f".{path.name}.new")
    for leftover in (builder, *(builder.with_name(builder.name + s) for s in ("-wal", "-shm", "-journal"))):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    store = Store._connect(builder, "rwc", new=True)
    try:
        # DELETE mode for the last step: closing leaves the builder file whole, WAL and all
        store._conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        store.close()
    try:
        os.link(builder, path)
    except FileExistsError:
        pass  # made meanwhile by another writer that had the lock before us: its file stands
    except OSError as exc:
        raise StateError(f"{path}: cannot create the state database: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            builder.unlink()


def _uri(path: Path, mode: str) -> str:
    """An SQLite URI for ``path``; ``mode=rw`` never creates the file, ``rwc`` may."""
    return f"file:{urllib.parse.quote(str(path.absolute()))}?mode={mode}"


def _chmod_private(path: Path) -> None:
    try:
        os.chmod(path, 0o600)
    except OSError as exc:
        raise StateError(f"{path}: cannot make the state database private: {exc.strerror or exc}") from exc


def _make_private(path: Path) -> bool:
    """Check an existing database file and make it 0600, by its path alone.

    Returns whether it exists. Never opens the file: see :meth:`Store.open`.
    """
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise StateError(f"{path}: cannot open the state database: {exc.strerror or exc}") from exc
    if stat.S_ISLNK(st.st_mode):
        raise StateError(f"{path}: the state database is a symbolic link; followupd does not follow it")
    if not stat.S_ISREG(st.st_mode):
        raise StateError(f"{path}: not a regular file")
    if stat.S_IMODE(st.st_mode) & 0o077:
        _chmod_private(path)
    return True
