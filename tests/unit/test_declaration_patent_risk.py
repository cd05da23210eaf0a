"""Declaration risk from a recorded patent: the claim engine on the goods description.

The recorded patent claims an atomizer with a cotton-free liquid cavity and a porous
ceramic heating core (written for the test, with a construction table as counsel might
give it). A description stating the claimed parts scores, weighed by the share of the
claim's elements it states; unrelated goods never reach the engine; goods said only to
work with the patented thing do not score.
"""

from __future__ import annotations

import pickle
from dataclasses import replace

import pytest

from ipsentry.domain.customs import Coverage, Declaration, Direction
from ipsentry.matching.claims.parse import parse_claims
from ipsentry.matching.risk.declarations import DeclarationScorer, RecordedRight
from ipsentry.matching.risk.model import risk_model
from ipsentry.matching.risk.patents import RecordedPatent

CLAIMS = parse_claims([
    (1, "An atomizer, comprising: a housing; a liquid storage cavity within the housing for "
        "holding a vaporizable liquid; and a porous ceramic body with a heating element in "
        "contact with the porous ceramic body."),
    (2, "The atomizer of claim 1, wherein the heating element is a resistive film."),
])  # fmt: skip
CONSTRUCTION = {
    "liquid storage cavity": ["tank", "oil chamber", "reservoir"],
    "heating element": ["heating coil", "coil", "heater"],
    "porous ceramic body": ["ceramic core"],
    "vaporizable liquid": ["oil", "e-liquid"],
}
PATENT = RecordedPatent("CN 107000002 B", tuple(CLAIMS), CONSTRUCTION)
RIGHT = RecordedRight(
    5, "Atomizer (CN-GACC P2020-00002)", patent=PATENT, goods="atomizers with liquid cavity"
)
SCORER = DeclarationScorer([RIGHT])
READS_ON = Declaration(
    key="1",
    direction=Direction.EXPORT,
    origin="CN",
    destination="US",
    hs_code="8543.90",
    brand="NO BRAND",
    description="atomizers with housing, oil tank and ceramic core with heating coil",
)


def _patent_reasons(d: Declaration, scorer: DeclarationScorer = SCORER) -> list[object]:
    return [r for r in scorer.score(d).reasons if r.key == "recorded_patent"]


def test_a_description_stating_the_claimed_parts_names_the_patent_and_the_elements() -> None:
    risk = SCORER.score(READS_ON)
    (reason,) = [r for r in risk.reasons if r.key == "recorded_patent"]
    assert reason.right == RIGHT.label and reason.right_id == 5
    assert reason.weight == risk_model().weight("recorded_patent") > 0
    assert "claim 1 of CN 107000002 B" in reason.evidence
    assert "'a liquid storage cavity within the housing" in reason.evidence
    assert f"in '{READS_ON.description}'" in reason.evidence  # the quoted evidence
    assert 0 < reason.strength <= 1 and risk.risk == pytest.approx(reason.contribution, abs=1e-4)
    assert ";" not in reason.evidence  # reasons are ';'-separated in a RISK file


def test_the_weight_follows_the_share_of_elements_found() -> None:
    full = _patent_reasons(READS_ON)[0]
    fewer = _patent_reasons(replace(READS_ON, description="atomizers with oil tank"))
    assert fewer and fewer[0].strength < full.strength  # type: ignore[attr-defined]
    assert f"{round(fewer[0].strength * 3)} of 3 elements" in fewer[0].evidence  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "description",
    ["cotton t-shirts", "plastic household containers", "laptop computers"],
)
def test_unrelated_goods_give_no_reason(description: str) -> None:
    assert _patent_reasons(replace(READS_ON, description=description)) == []


def test_unrelated_goods_never_reach_the_claim_engine() -> None:
    scorer = DeclarationScorer([RIGHT])
    scorer.score(replace(READS_ON, description="cotton t-shirts"))
    assert not scorer.patents.related(0, "cotton t-shirts")
    assert scorer._patent_reading.cache_info().currsize == 1  # judged by the pre-filter only


def test_goods_only_said_to_work_with_the_patented_thing_do_not_score() -> None:
    compatible = (
        "batteries compatible with atomizers with oil tank and ceramic core with heating coil"
    )
    d = replace(READS_ON, description=compatible)
    assert _patent_reasons(d) == []
    assert SCORER.score(d).risk == 0.0


def test_a_recordation_for_imports_says_nothing_of_exports() -> None:
    imports = DeclarationScorer([replace(RIGHT, coverage=Coverage.IMPORTS)])
    assert _patent_reasons(READS_ON, imports) == []
    assert _patent_reasons(replace(READS_ON, direction=Direction.IMPORT), imports)


def test_the_scorer_with_its_engines_pickles_for_dask_workers() -> None:
    again = pickle.loads(pickle.dumps(SCORER))
    assert again.score(READS_ON) == SCORER.score(READS_ON)
