"""The one small exception hierarchy of followupd.

User errors say what is wrong and where; transient network errors subclass the
builtin ConnectionError/TimeoutError so callers can retry them generically.
"""

from __future__ import annotations


class FollowupdError(Exception):
    """Base of every error followupd raises on purpose."""


class UserError(FollowupdError):
    """Something the user can fix: a bad config value, a missing file, a bad flag.

    ``where`` names the place (``config.toml: accounts[0].port``) so the message
    reads ``config.toml: accounts[0].port: must be 1–65535``.
    """

    def __init__(self, message: str, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class ConfigError(UserError):
    """The config file is invalid. ``problems`` holds every problem found, not just the first."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class CredentialError(UserError):
    """A password could not be obtained from the configured source."""


class LoginNeeded(CredentialError):
    """An OAuth2 account's sign-in is missing, revoked or expired (``invalid_grant``).

    Nothing but ``followupd login ACCOUNT`` (or a config reload) fixes it, so no further
    token request is made: the account waits in the "login needed" state.
    """


class StateError(FollowupdError):
    """The state database is unusable (corrupt, unwritable, from a newer version)."""


class MailboxError(FollowupdError):
    """The server refused an operation in a way that retrying will not fix."""


class TransientMailboxError(MailboxError, ConnectionError):
    """The connection failed or dropped; retry with backoff."""


class MailboxTimeout(MailboxError, TimeoutError):
    """The server did not answer in time; retry with backoff."""
