"""The chart cut-offs are data: the shipped file is valid, a bad one is refused by name,
and the engine judges by the cut-offs it is given."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from ipsentry.matching.claims.chart import ChartEngine, Finding, Verdict, verdict
from ipsentry.matching.claims.cutoffs import Cutoffs, read_cutoffs, shipped_cutoffs
from ipsentry.matching.claims.parse import parse_claims


def test_the_shipped_file_is_read_and_says_how_it_was_chosen() -> None:
    text = resources.files("ipsentry.data").joinpath("claims", "cutoffs.json").read_text("utf-8")
    record = json.loads(text)
    assert "bench/claims_chart.py" in record["_about"] and "cross-validation" in record["_about"]
    shipped = shipped_cutoffs()
    assert shipped == Cutoffs(record["present"], record["partial"], record["equivalent"])
    assert 0 < shipped.equivalent < shipped.present <= 1
    assert ChartEngine(dense=False).cutoffs == shipped


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (
            {"present": "high", "partial": 0.5, "equivalent": 0.4},
            "field 'present' must be a number",
        ),
        ({"present": 0.6, "equivalent": 0.4}, "field 'partial' must be a number"),
        ({"present": 0.6, "partial": True, "equivalent": 0.4}, "field 'partial' must be a number"),
        ({"present": 0.4, "partial": 0.5, "equivalent": 0.6}, "must be below present"),
        ({"present": 1.5, "partial": 0.5, "equivalent": 0.4}, "present is 1.5"),
        ({"present": 0.6, "partial": 0.0, "equivalent": 0.4}, "partial is 0.0"),
    ],
)
def test_a_bad_record_is_refused_naming_the_file_and_field(
    record: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=r"cutoffs\.json") as raised:
        read_cutoffs(record)
    assert message in str(raised.value)


CLAIMS = parse_claims(
    [(1, "A vaporizer comprising:\na glass tank;\na ceramic heating coil; and\na mouthpiece.")]
)
# the tank and the mouthpiece are stated; the coil only as "coil": it scores in between
TEXT = "The vaporizer has a glass tank. A coil warms the oil. The mouthpiece is plastic."


def test_the_engine_judges_by_the_cutoffs_it_is_given() -> None:
    engine = ChartEngine(dense=False)
    product = engine.read(TEXT)
    scores = [e.score for e in engine.chart(CLAIMS, product)[0].elements]
    low, high = min(scores), max(scores)
    assert low < high and scores.count(high) == 2

    def findings(cutoffs: Cutoffs) -> tuple[list[Finding], Verdict]:
        judged = engine.with_cutoffs(cutoffs).chart(CLAIMS, product)[0]
        return [e.finding for e in judged.elements], judged.verdict

    lenient = findings(Cutoffs(present=low, partial=0.5, equivalent=low / 2))
    assert lenient == ([Finding.PRESENT] * 3, Verdict.READS_ON)
    found, judged = findings(Cutoffs(present=high, partial=1.0, equivalent=low))
    assert found.count(Finding.PRESENT) == 2 and Finding.EQUIVALENT in found
    assert judged == Verdict.NO  # the mean element score is below 1.0
    found, judged = findings(Cutoffs(present=high, partial=low, equivalent=(low + high) / 2))
    assert Finding.MISSING in found and judged == Verdict.PARTIAL
    assert engine.cutoffs == shipped_cutoffs()  # the original engine is left as it was


def test_the_verdict_rule() -> None:
    assert verdict(True, 0.0, 0.5) == Verdict.READS_ON
    assert verdict(False, 0.5, 0.5) == Verdict.PARTIAL
    assert verdict(False, 0.49, 0.5) == Verdict.NO
