"""The marking a page shows: the most restricted of the records it displays."""

from __future__ import annotations

from collections.abc import Iterable

from ipsentry.domain.common import Confidentiality
from ipsentry.services.access import Marked

# What a signed-in page shows when its view names no stricter marking: the organisation's
# working records (jobs, tokens, lists of its checks and disputes) are confidential.
WORKING_RECORDS = Confidentiality.CONFIDENTIAL


def strictest_marking(markings: Iterable[Confidentiality]) -> Confidentiality:
    return max(markings, key=lambda m: m.rank, default=Confidentiality.PUBLIC)


def strictest(records: Iterable[Marked]) -> Confidentiality:
    return strictest_marking(r.confidentiality for r in records)
