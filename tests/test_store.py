"""The state database against real SQLite files in a temp dir."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from connectors.base import Cursor
from daemon.errors import StateError
from daemon.followup.tracker import (
    Application,
    EmployerMessage,
    Identity,
    Interview,
    StageRecord,
    draft_id,
)
from daemon.service.store import (
    LOCK_NAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    DuplicateEffectError,
    StateBusyError,
    Store,
    WriterLock,
)

T0 = datetime(2026, 3, 3, 14, 0, tzinfo=UTC)


def _app(app_id: str = "abc123", *, state: str = "waiting", company: str = "Acme") -> Application:
    return Application(
        id=app_id,
        company=company,
        role="Backend Engineer",
        employer=Identity(company=company, domains=("acme.com",), recruiter="jane@acme.com"),
        thread=("<inv-1@acme.com>",),
        subject="Interview: Backend Engineer",
        latest=EmployerMessage(
            message_id="<inv-1@acme.com>",
            references=(),
            reply_to="jane@acme.com",
            from_addr="jane@acme.com",
            date=T0 - timedelta(days=2),
            subject="Interview: Backend Engineer",
        ),
        interview=Interview(number=1, start=T0, end=T0 + timedelta(hours=1), timezone="America/New_York"),
        state=state,  # type: ignore[arg-type]
        stages=(
            StageRecord(
                stage="followup-1",
                interview=1,
                due=T0 + timedelta(days=2),
                status="drafted",
                draft_id=draft_id(app_id, "followup-1"),
                created=T0 + timedelta(days=2, minutes=1),
                message_id="<draft-1@followupd>",
            ),
            StageRecord(
                stage="followup-2",
                interview=1,
                due=T0 + timedelta(days=7),
                status="planned",
                draft_id=draft_id(app_id, "followup-2"),
            ),
        ),
        created=T0 - timedelta(days=2),
        updated=T0,
    )


def test_fresh_database_is_migrated_private_and_in_wal(tmp_path: Path) -> None:
    path = tmp_path / "state" / "state.sqlite"
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
        store.save_application(_app())  # forces the WAL and shm files into existence
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            assert side.exists(), suffix
            assert stat.S_IMODE(os.stat(side).st_mode) & 0o077 == 0, suffix
        conn = store._conn
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL; FULL where it matters
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    other = sqlite3.connect(path)
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    other.close()


def test_a_new_database_appears_whole_never_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a reader (status) or a restart after kill -9 that finds the file before SQLite wrote its
    # header would take it for a truncated database; so whenever the path exists it is whole
    path = tmp_path / "state" / "state.sqlite"
    seen: list[int | None] = []
    real_connect, real_chmod = sqlite3.connect, os.chmod

    def look() -> None:
        seen.append(path.stat().st_size if path.exists() else None)

    def watching_connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        look()
        return real_connect(*args, **kwargs)  # type: ignore[arg-type]

    def watching_chmod(target: str | os.PathLike[str], mode: int) -> None:
        look()  # the moment between SQLite's creating a file and its first write
        real_chmod(target, mode)

    monkeypatch.setattr(sqlite3, "connect", watching_connect)
    monkeypatch.setattr(os, "chmod", watching_chmod)
    with Store.open(path) as store:
        seen.append(path.stat().st_size)
        assert store.schema_version == SCHEMA_VERSION
    assert seen[0] is None and all(size is None or size > 0 for size in seen), seen
    assert sorted(p.name for p in path.parent.iterdir() if p.name != "followupd.lock") == [path.name]
    with Store.open(path, reader=True) as reader:
        assert reader.schema_version == SCHEMA_VERSION


def test_a_builder_left_by_a_crash_is_cleared_and_the_database_made(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    (tmp_path / ".state.sqlite.new").write_bytes(b"")  # kill -9 while building
    with Store.open(path) as store:
        store.save_application(_app())
    assert not (tmp_path / ".state.sqlite.new").exists()
    with Store.open(path, reader=True) as reader:
        assert [a.id for a in reader.load_applications()] == [_app().id]


def _inode(path: Path) -> int:
    return os.stat(path).st_ino


def test_a_second_store_in_the_process_keeps_the_wal_safe_from_other_processes(tmp_path: Path) -> None:
    # the daemon holds one store per thread; opening another must not drop this process's
    # SQLite locks, or another process's last close deletes the WAL this one writes to
    path = tmp_path / "state" / "state.sqlite"
    first = Store.open(path)
    second = Store.open(path)
    try:
        first.save_application(_app("a1"))
        wal = path.with_name(path.name + "-wal")
        shm = path.with_name(path.name + "-shm")
        before = (_inode(wal), _inode(shm))
        reader = (
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "print(c.execute('SELECT count(*) FROM applications').fetchone()[0]); c.close()"
        )
        out = subprocess.run([sys.executable, "-c", reader, str(path)], capture_output=True, text=True, check=True)
        assert out.stdout.strip() == "1"
        assert (_inode(wal), _inode(shm)) == before  # not checkpointed away and deleted
        second.save_application(_app("a2"))
        out = subprocess.run([sys.executable, "-c", reader, str(path)], capture_output=True, text=True, check=True)
        assert out.stdout.strip() == "2"  # a later commit is visible to other processes
    finally:
        second.close()
        first.close()


def test_a_reader_creates_nothing_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    with pytest.raises(StateError, match=str(path)):
        Store.open(path, reader=True)
    assert not path.exists()
    with Store.open(path) as store:
        store.save_application(_app("a1"))
    with Store.open(path, reader=True) as store:
        assert [a.id for a in store.load_applications()] == ["a1"]
        with pytest.raises(StateError, match="readonly"):
            store.save_application(_app("a2"))
    # the last connection closed through SQLite, which removed its own -wal/-shm
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.sqlite"]


def test_a_loose_or_odd_database_file_is_made_private_or_refused(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    Store.open(path).close()
    os.chmod(path, 0o644)
    Store.open(path).close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    link = tmp_path / "link.sqlite"
    link.symlink_to(path)
    with pytest.raises(StateError, match="symbolic link"):
        Store.open(link)


def test_one_writer_at_a_time(tmp_path: Path) -> None:
    state = tmp_path / "state"
    with WriterLock.acquire(state, "run"):
        # flock conflicts between two opens even within one process
        busy = rf"{state}: the state is in use by followupd \(pid {os.getpid()}, run\)"
        with pytest.raises(StateBusyError, match=busy):
            WriterLock.acquire(state, "run --once")
        assert stat.S_IMODE(os.stat(state / LOCK_NAME).st_mode) == 0o600
    with WriterLock.acquire(state, "run --once"):
        pass


def _statements(store: Store) -> list[str]:
    seen: list[str] = []
    store._conn.set_trace_callback(seen.append)
    return seen


def test_an_intent_is_committed_with_a_full_sync_and_the_rest_with_normal(tmp_path: Path) -> None:
    with Store.open(tmp_path / "state.sqlite") as store:
        seen = _statements(store)
        store.save_application(_app())
        did = draft_id("a1", "followup-1")
        store.record_intent(did, "append", "main", RAW, T0, app_id="a1", stage="followup-1")
        store.record_outcome(did, "appended", 7, T0)
        sql = [s.split("(")[0].strip() for s in seen if not s.startswith("SELECT")]
        # the intent's commit is the one bracketed by FULL; the application and outcome are not
        start = sql.index("PRAGMA synchronous = FULL")
        assert sql[start + 1] == "BEGIN IMMEDIATE"
        assert sql[start + 2].startswith("INSERT OR REPLACE INTO intents")
        assert sql[start + 3 : start + 5] == ["COMMIT", "PRAGMA synchronous = NORMAL"]
        assert sql.count("PRAGMA synchronous = FULL") == 1
        assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 1


def test_a_durable_transaction_cannot_hide_inside_another(tmp_path: Path) -> None:
    with Store.open(tmp_path / "state.sqlite") as store:
        with store.transaction():
            with pytest.raises(StateError, match="cannot be nested"):
                with store.transaction(durable=True):
                    pass
            # nested, an intent is part of the outer commit (nothing is appended after it)
            store.record_intent(draft_id("a1", "x"), "append", "main", RAW, T0)
        with store.transaction(durable=True):
            assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 1
        assert store.effect(draft_id("a1", "x")) is not None


def test_existing_world_readable_file_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    Store.open(path).close()
    os.chmod(path, 0o644)
    Store.open(path).close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_migrates_a_v1_database_keeping_its_data(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
    app = _app()
    conn.execute(
        "INSERT INTO applications (id, company, role, state, data, created, updated) VALUES (?,?,?,?,?,?,?)",
        (app.id, app.company, app.role, app.state, json.dumps(app.to_json()), None, None),
    )
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.load_applications() == [app]
        # the v2 table exists and works
        store.queue_notice(app.id, "draft ready", T0)
        assert [n.text for n in store.unsent_notices()] == ["draft ready"]


def test_refuses_a_database_from_a_newer_version(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StateError, match="newer followupd") as info:
        Store.open(path)
    assert str(path) in str(info.value)


def test_corrupt_file_is_refused_not_recreated(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    junk = b"this is not a database, it is a shopping list\n" * 200
    path.write_bytes(junk)
    with pytest.raises(StateError) as info:
        Store.open(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == junk


def test_truncated_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    with Store.open(path) as store:
        for i in range(50):
            store.save_application(_app(f"app{i:03d}"))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = path.read_bytes()
    # keep the header, smash the pages after it
    path.write_bytes(data[:100] + b"\xff" * (len(data) - 100))
    with pytest.raises(StateError, match=str(path)):
        Store.open(path).load_applications()


def test_unwritable_location_is_a_state_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StateError, match="state directory"):
        Store.open(blocker / "state.sqlite")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_directory_is_a_state_error(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    os.chmod(ro, 0o500)
    try:
        with pytest.raises(StateError, match="not writable"):
            Store.open(ro / "state.sqlite")
    finally:
        os.chmod(ro, 0o700)


def test_applications_round_trip_and_update(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite") as store:
        a, b = _app("a1"), _app("b2", company="Globex")
        store.save_application(a)
        store.save_application(b)
        closed = Application.from_json({**a.to_json(), "state": "closed"})
        store.save_application(closed)
    with Store.open(tmp_path / "s.sqlite") as store:
        loaded = {x.id: x for x in store.load_applications()}
        assert loaded == {"a1": closed, "b2": b}
        assert store.get_application("b2") == b
        assert store.get_application("nope") is None


def test_transaction_rolls_back_everything_on_error(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite") as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.save_application(_app("a1"))
            with store.transaction():
                store.save_application(_app("a2"))
            raise RuntimeError("boom")
        assert store.load_applications() == []
        with store.transaction():
            store.save_application(_app("a1"))
            with pytest.raises(ValueError), store.transaction():
                store.save_application(_app("a2"))
                raise ValueError("inner only")
        assert [a.id for a in store.load_applications()] == ["a1"]


def test_seen_index_and_drop_folder(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite") as store:
        assert not store.seen("main", "INBOX", 7, 42)
        store.mark_seen("main", "INBOX", 7, 42, message_id="<m@x>", category="invitation", app_id="a1", processed_at=T0)
        store.mark_seen("main", "Sent", 3, 5, message_id="<s@x>", category=None, app_id=None, processed_at=T0)
        assert store.seen("main", "INBOX", 7, 42)
        assert not store.seen("main", "INBOX", 8, 42)  # another UIDVALIDITY is another message
        assert not store.seen("other", "INBOX", 7, 42)
        assert store.seen_message_id("<m@x>")
        store.set_cursor("main", "INBOX", Cursor(validity=7, last_key=42))
        store.save_application(_app("a1"))
        store.drop_folder("main", "INBOX")
        assert not store.seen("main", "INBOX", 7, 42)
        assert store.get_cursor("main", "INBOX") is None
        assert store.seen("main", "Sent", 3, 5)
        assert [a.id for a in store.load_applications()] == ["a1"]


def test_cursors(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite") as store:
        assert store.get_cursor("main", "INBOX") is None
        c = Cursor(validity=1234, last_key=99, modseq=5678, extra={"names": "a,b"})
        store.set_cursor("main", "INBOX", c)
        store.set_cursor("main", "Sent", Cursor(validity=1))
    with Store.open(tmp_path / "s.sqlite") as store:
        assert store.get_cursor("main", "INBOX") == c
        assert store.get_cursor("main", "Sent") == Cursor(validity=1, last_key=0, modseq=None, extra={})
        store.set_cursor("main", "INBOX", Cursor(validity=1234, last_key=120, modseq=None))
        assert store.get_cursor("main", "INBOX") == Cursor(validity=1234, last_key=120)


RAW = (
    b"Message-ID: <draft-9@followupd.example>\r\n"
    b"X-Followupd-Id: a1.followup-1@followupd\r\nSubject: Re: x\r\n\r\nHi\r\n"
)


def test_journal_round_trip(tmp_path: Path) -> None:
    did = draft_id("a1", "followup-1")
    with Store.open(tmp_path / "s.sqlite") as store:
        assert store.effect(did) is None
        e = store.record_intent(did, "append", "main", RAW, T0, app_id="a1", stage="followup-1")
        assert (e.attempt, e.status, e.raw) == (1, None, RAW)
        assert len(e.raw_sha256) == 64
        assert [p.draft_id for p in store.pending_effects()] == [did]
        store.record_outcome(did, "failed", None, T0)
        assert store.pending_effects() == []
        again = store.record_intent(did, "append", "main", RAW, T0 + timedelta(minutes=5))
        assert again.attempt == 2 and again.status is None
        assert [p.attempt for p in store.pending_effects()] == [2]
        store.record_outcome(did, "appended", 17, T0 + timedelta(minutes=5))
        done = store.effect(did)
        assert done is not None and (done.status, done.key, done.attempt) == ("appended", 17, 2)
        assert store.pending_effects() == []
        with pytest.raises(DuplicateEffectError):
            store.record_intent(did, "append", "main", RAW, T0 + timedelta(hours=1))
        # removing is a separate effect of the same draft
        store.record_intent(did, "remove", "main", RAW, T0 + timedelta(days=1))
        assert [(p.draft_id, p.kind) for p in store.pending_effects()] == [(did, "remove")]
        store.record_outcome(did, "removed", 17, T0 + timedelta(days=1), kind="remove")
        assert store.pending_effects() == []
        with pytest.raises(StateError, match="without a recorded intent"):
            store.record_outcome("unknown@followupd", "appended", 1, T0)


def test_crash_between_intent_and_outcome_is_listed_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    did = draft_id("a1", "followup-1")
    store = Store.open(path)
    store.record_intent(did, "append", "main", RAW, T0, app_id="a1", stage="followup-1")
    store.close()  # the process died before APPEND returned
    with Store.open(path) as store:
        pending = store.pending_effects()
        assert [(p.draft_id, p.kind, p.account, p.raw) for p in pending] == [(did, "append", "main", RAW)]
        store.record_outcome(did, "present", 3, T0)  # found in Drafts: not appended again
        assert store.pending_effects() == []
        with pytest.raises(DuplicateEffectError):
            store.record_intent(did, "append", "main", RAW, T0)


def test_status_snapshot_shape(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite") as store:
        assert store.status_snapshot() == {"applications": []}
        app = _app("a1")
        bare = Application.from_json({**_app("b2", company="Globex").to_json(), "stages": [], "state": "answered"})
        store.save_application(bare)
        store.save_application(app)
        snap = store.status_snapshot()
    json.dumps(snap)  # must be JSON as it stands
    assert snap == {
        "applications": [
            {
                "id": "a1",
                "company": "Acme",
                "role": "Backend Engineer",
                "state": "waiting",
                "interview": {"start": T0.isoformat(), "end": (T0 + timedelta(hours=1)).isoformat()},
                "next": {"stage": "followup-2", "due": (T0 + timedelta(days=7)).isoformat()},
                "drafts": [
                    {
                        "stage": "followup-1",
                        "created": (T0 + timedelta(days=2, minutes=1)).isoformat(),
                        "message_id": "<draft-1@followupd>",
                    }
                ],
            },
            {
                "id": "b2",
                "company": "Globex",
                "role": "Backend Engineer",
                "state": "answered",
                "interview": {"start": T0.isoformat(), "end": (T0 + timedelta(hours=1)).isoformat()},
                "next": None,
                "drafts": [],
            },
        ]
    }


def test_status_snapshot_reads_draft_message_id_from_the_journal(tmp_path: Path) -> None:
    app = _app("a1")
    s1 = app.stages[0]
    app = Application.from_json({**app.to_json(), "stages": [{**app.to_json()["stages"][0], "message_id": None}]})
    with Store.open(tmp_path / "s.sqlite") as store:
        store.save_application(app)
        store.record_intent(s1.draft_id, "append", "main", RAW, T0)
        store.record_outcome(s1.draft_id, "appended", 4, T0)
        drafts = store.status_snapshot()["applications"][0]["drafts"]
    assert s1.created is not None
    assert drafts == [
        {"stage": "followup-1", "created": s1.created.isoformat(), "message_id": "<draft-9@followupd.example>"}
    ]


def test_two_processes_migrating_a_new_file_at_once_both_succeed(tmp_path: Path) -> None:
    """A `status` opening the state while the daemon creates it: both read schema 0, both
    migrate; the one that takes the write lock second finds the work done, not an error."""
    import sqlite3
    import threading

    for i in range(12):
        path = tmp_path / f"s{i}" / "state.sqlite"
        path.parent.mkdir(mode=0o700)
        raw = sqlite3.connect(path)
        raw.execute("PRAGMA journal_mode = WAL")  # a valid, empty database: schema 0
        raw.close()
        barrier = threading.Barrier(3)
        errors: list[BaseException] = []

        def opener(
            reader: bool, path: Path = path, barrier: threading.Barrier = barrier, errors: list[BaseException] = errors
        ) -> None:
            barrier.wait()
            try:
                Store.open(path, reader=reader).close()
            except BaseException as exc:  # collected for the assertion below
                errors.append(exc)

        threads = [threading.Thread(target=opener, args=(r,)) for r in (False, True, False)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert not errors, errors
        with Store.open(path) as store:
            assert store.schema_version == SCHEMA_VERSION
