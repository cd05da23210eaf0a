"""Reading USITC Section 337 notices: ``parse_notice(text)`` returns what the text states."""

from ipsentry.matching.notices.reader import Notice, parse_notice

__all__ = ["Notice", "parse_notice"]
