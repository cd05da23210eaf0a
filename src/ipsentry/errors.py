"""The error hierarchy every layer raises and every interface renders in one place.

Services raise these; the CLI turns them into a message and an exit code, the API (later)
into problem details. Nothing else is allowed to escape to a user.
"""

from __future__ import annotations

from dataclasses import dataclass


class IpsentryError(Exception):
    """Base of every error a user may see; ``exit_code`` is what the CLI returns."""

    exit_code = 1


class NotFound(IpsentryError):
    exit_code = 4


class PermissionDenied(IpsentryError):
    exit_code = 5


class Conflict(IpsentryError):
    exit_code = 6


class VersionConflict(Conflict):
    """Someone changed the record since it was read; ``current`` says how it is now."""

    def __init__(self, message: str, current: dict[str, object]) -> None:
        super().__init__(message)
        self.current = current


class ConfirmationNeeded(Conflict):
    """An export holding privileged records, asked for without saying 'yes, I mean it'."""

    def __init__(self, message: str, marking: str) -> None:
        super().__init__(message)
        self.marking = marking


class NotAuthenticated(IpsentryError):
    """No valid sign-in: a wrong password, an expired session, a revoked token."""

    exit_code = 7


class TooManyAttempts(IpsentryError):
    """Sign-in refused for a while after repeated failures (per account or address)."""

    exit_code = 8

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after  # seconds


ECHO_LIMIT = 60


def echoed(value: object, limit: int = ECHO_LIMIT) -> str:
    """A user's value as a message quotes it back (``repr``), cut to ``limit`` characters.

    A 5,000-character text pasted into the wrong field, quoted whole, buries the message
    that says what is wanted; the start of it is enough to recognise it.
    """
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field of one input row, located so a person can fix it."""

    source: str
    row: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.row}" if self.row is not None else self.source
        return f"{where}: {self.field}: {self.message}"


class InvalidInput(IpsentryError):
    """Input that cannot be accepted; carries every problem found, not just the first."""

    exit_code = 2

    def __init__(self, problems: list[Problem], more: int = 0) -> None:
        self.problems = problems
        self.more = more  # problems found beyond those kept (a huge file is not kept whole)
        super().__init__("\n".join(str(p) for p in problems))


class UnsafeInput(InvalidInput):
    """Input refused for safety (XML entities, expansion bombs) rather than for content."""
