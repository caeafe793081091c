"""followupd: watches a mailbox for job interviews and drafts well-timed follow-ups."""

__version__ = "0.1.0"
