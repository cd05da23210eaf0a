"""Recorded patents read on declared goods: the claim engine on the goods description.

A customs authority that records patents (China's GACC does; the US CBP does not) can stop
goods that embody the claimed invention. A declaration's description is charted against
the independent claims of each recorded patent its goods could fall under: its HS code
within the recorded goods, or its description sharing a term with the recordation's goods
text or the patent's claims' subject (the pre-filter, so most declarations never reach the
claim engine). The words-only engine is used: a description is a line, not a datasheet,
and the scorer must keep pace with a week's declarations. What the description names only
as something the goods work with ('compatible with ...') is set aside by the engine, so a
cartridge declared as fitting a patented atomizer does not read on the atomizer's claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ipsentry.domain.rights import Claim
from ipsentry.matching.claims.chart import ChartEngine, ChartEngines, ClaimResult
from ipsentry.matching.claims.terms import read_terms


@dataclass(frozen=True)
class RecordedPatent:
    """The claims of a recorded patent and how counsel construes their terms."""

    number: str
    claims: tuple[Claim, ...]
    construction: dict[str, list[str]] | None = None


@dataclass(frozen=True)
class PatentReading:
    """The best independent claim charted on a description."""

    claim: int
    found: int
    total: int
    evidence: tuple[tuple[str, str], ...]  # (element, the words of the description quoted)

    @property
    def share(self) -> float:
        return self.found / self.total if self.total else 0.0

    def text(self, number: str) -> str:
        """The elements found, each group quoted with the words of the description that
        state them (a one-line description states them all in one passage); no semicolon, which
        separates reasons in a RISK file."""
        by_words: dict[str, list[str]] = {}
        for element, words in self.evidence:
            by_words.setdefault(words, []).append(f"'{element}'")
        quoted = " and ".join(f"{', '.join(e)} in '{words}'" for words, e in by_words.items())
        found = f"{self.found} of {self.total} elements"
        return f"claim {self.claim} of {number}, {found} found: {quoted}"


def _single_terms(text: str, engine: ChartEngine) -> frozenset[str]:
    """A text's word and concept terms (not its word pairs), read with the patent's own
    construction table so 'tank' meets a claimed 'liquid storage cavity'."""
    return frozenset(k for k in read_terms(text, engine.tables).weights if not k.startswith("b:"))


class PatentReader:
    """Built once per scoring run: one words-only engine per construction table."""

    def __init__(self, patents: Sequence[tuple[RecordedPatent, str]]) -> None:
        """``patents``: each recorded patent with the goods its recordation names."""
        self.engines = ChartEngines(dense=False)
        self.patents = [p for p, _ in patents]
        self.subjects: list[frozenset[str]] = []
        for patent, goods in patents:
            engine = self.engines.of(patent.construction)
            preambles = " ".join(c.text.split(",")[0] for c in patent.claims if c.is_independent)
            self.subjects.append(_single_terms(f"{goods} {preambles}", engine))

    def related(self, index: int, description: str) -> bool:
        """The pre-filter: the description names something the recordation is about."""
        engine = self.engines.of(self.patents[index].construction)
        return bool(self.subjects[index] & _single_terms(description, engine))

    def read(self, index: int, description: str) -> PatentReading | None:
        """The independent claim with the largest share of elements found (None: no
        element is found)."""
        patent = self.patents[index]
        engine = self.engines.of(patent.construction)
        results = engine.chart(patent.claims, engine.read(description))
        best: ClaimResult | None = max(
            results, key=lambda r: (r.share_found, -r.claim.num), default=None
        )
        if best is None or best.found_count == 0:
            return None
        evidence = tuple(
            (" ".join(e.element.text.split()), " ".join(e.evidence.split()))
            for e in best.elements
            if e.found
        )
        return PatentReading(best.claim.num, best.found_count, len(best.elements), evidence)
