"""Deadlines computed from rules written as versioned, tested code (never database triggers)."""

from ipsentry.domain.deadlines.model import RULESET_VERSION, Deadline, DeadlineKind, DeadlineState
from ipsentry.domain.deadlines.rules import deadlines_for_recordation, deadlines_for_right

__all__ = [
    "RULESET_VERSION",
    "Deadline",
    "DeadlineKind",
    "DeadlineState",
    "deadlines_for_recordation",
    "deadlines_for_right",
]
