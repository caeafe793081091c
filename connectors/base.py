"""The one connector interface. IMAP and Maildir implement it; the runner uses only this.

A connector is synchronous and owned by one thread. Every call is bounded in time
(socket timeouts, never ``None``). Transient failures raise
:class:`daemon.errors.TransientMailboxError` or :class:`daemon.errors.MailboxTimeout`;
the runner reconnects with backoff.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol, runtime_checkable

# defined with the model, where the pure tracker can import it; connectors use it from here
from daemon.model import DRAFT_ID_HEADER as DRAFT_ID_HEADER


@dataclass(frozen=True)
class Cursor:
    """Where an incremental sync of one folder stopped.

    ``validity`` is IMAP's UIDVALIDITY (Maildir: a constant per folder); when it
    changes, every key seen before is void and the folder is resynced.
    """

    validity: int
    last_key: int = 0  # highest UID seen (Maildir: highest sequence number assigned)
    modseq: int | None = None  # HIGHESTMODSEQ where CONDSTORE is available
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class MessageRef:
    """A message found by sync: enough to decide whether its body is worth fetching."""

    folder: str
    key: int  # IMAP UID; Maildir: a stable number the connector assigns
    header_bytes: bytes  # the raw header block (RFC 5322), for cheap pre-classification
    flags: frozenset[str] = frozenset()
    internaldate: datetime | None = None
    size: int = 0


@dataclass(frozen=True)
class SyncResult:
    cursor: Cursor
    messages: Sequence[MessageRef]
    #: True when the folder's validity changed and the caller must drop what it cached
    reset: bool = False
    #: new messages that ``keep`` turned down (not in ``messages``)
    skipped: int = 0


@dataclass(frozen=True)
class StoredDraft:
    key: int
    raw: bytes
    flags: frozenset[str] = frozenset()


@dataclass(frozen=True)
class FolderRoles:
    watched: tuple[str, ...]  # folders with employer mail (INBOX by default)
    sent: str | None
    drafts: str


@runtime_checkable
class Connector(Protocol):
    """One account's mailbox."""

    name: str

    def connect(self) -> FolderRoles:
        """Open the mailbox and resolve folder roles. Idempotent."""
        ...

    def close(self) -> None: ...

    def sync(
        self,
        folder: str,
        cursor: Cursor | None,
        since: date | None,
        keep: Callable[[bytes], bool] | None = None,
        fields: Sequence[str] | None = None,
    ) -> SyncResult:
        """Messages added to ``folder`` after ``cursor`` (all since ``since`` when None).

        ``keep`` sees each new message's header bytes; a connector may leave out those it
        turns down, so a first scan of a large folder never holds every header at once.
        Ignoring it is allowed: the caller applies the same test again.

        ``fields``: the only header fields the caller reads from ``header_bytes``; a
        connector may hand over just those (a server then sends a fraction of each header
        block), or the whole block.
        """
        ...

    def fetch(self, folder: str, keys: Sequence[int]) -> Iterator[tuple[int, bytes]]:
        """Full raw bytes of the given messages, without marking them seen."""
        ...

    def append_draft(self, raw: bytes, draft_id: str) -> int | None:
        """Add ``raw`` to the Drafts folder with the Draft flag; return its key if known."""
        ...

    def find_drafts(self, draft_id: str) -> list[StoredDraft]:
        """Every message in Drafts whose X-Followupd-Id header equals ``draft_id``."""
        ...

    def remove_draft(self, key: int, expected: bytes) -> bool:
        """Delete a draft only if it is still byte-for-byte ``expected``; return whether it was."""
        ...

    def wait(self, timeout: float) -> bool:
        """Block up to ``timeout`` s for new mail in watched folders (IDLE, watchdog, poll).

        Returns True when something may have changed. Never blocks longer than asked.
        """
        ...

    def interrupt(self) -> None:
        """Make a ``wait`` in progress (or the next one) return True soon, from any thread.

        The only method another thread may call: it lets a stop or a reload take effect
        within a fraction of a second instead of when the wait ends.
        """
        ...
