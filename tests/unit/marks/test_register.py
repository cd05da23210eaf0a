"""Register search: an index that finds what brute force finds without scanning every name."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest

from ipsentry.errors import InvalidInput
from ipsentry.formats.register_index import open_index, write_index
from ipsentry.formats.register_list import read_register
from ipsentry.matching.marks.register import RegisterIndex, build
from ipsentry.matching.marks.text import MarkText
from ipsentry.services.register_watch import build_register, open_register

TARGETS = [
    "requests",
    "colorama",
    "beautifulsoup4",
    "python-nmap",
    "discord.js",
    "lodash",
    "tensorflow",
    "cross-env",
]


def filler(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    syllables = [
        "ka",
        "lo",
        "mi",
        "ner",
        "tox",
        "qua",
        "zen",
        "pi",
        "ru",
        "vex",
        "dor",
        "sa",
        "ly",
        "fon",
    ]
    names = set()
    while len(names) < count:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if rng.random() < 0.3:
            word += "-" + rng.choice(["js", "py", "cli", "core", "utils"])
        if rng.random() < 0.1:
            word += rng.choice(string.digits)
        names.add(word)
    return sorted(names)


NAMES = filler(4000) + TARGETS + ["request", "requests-mock", "colorma", "lodash-es"]


@pytest.fixture(scope="module")
def index() -> RegisterIndex:
    return RegisterIndex(build(NAMES, workers=1))


# One technique each (transposition, replacement, omission, addition, homoglyph, word
# order), constructed here; none is a row of ../shared/data (bench/typosquats.py scores those).
@pytest.mark.parametrize(
    ("typo", "target"),
    [("requsets", "requests"), ("colarama", "colorama"), ("beautifulsop4", "beautifulsoup4"), ("python-nmapp", "python-nmap"),
     ("discrod.js", "discord.js"), ("l0dash", "lodash"), ("tensorflw", "tensorflow"), ("env-cross", "cross-env")],
)  # fmt: skip
def test_typosquats_find_their_target(index: RegisterIndex, typo: str, target: str) -> None:
    names = [r.name for r in index.search(typo, top=5)]
    assert target in names


def test_candidates_are_a_small_part_of_the_register(index: RegisterIndex) -> None:
    for query in ("requsets", "kalomi-js", "tensorflw"):
        assert 0 < len(index.candidates(MarkText.of(query))) < index.size // 10


def test_the_index_finds_the_brute_force_best(index: RegisterIndex) -> None:
    for query in ("requsets", "colarama", "tensorflw", "kalomiru", "python-nmapp"):
        assert index.search(query, top=1)[0].name == index.brute_force(query, top=1)[0].name


def _edited(name: str, rng: random.Random) -> str:
    i = rng.randrange(len(name))
    edit = rng.choice(["omit", "replace", "insert"])
    if edit == "omit":
        return name[:i] + name[i + 1 :]
    letter = rng.choice(string.ascii_lowercase)
    return name[:i] + letter + name[i + (edit == "replace") :]


def test_the_index_finds_every_close_name_brute_force_finds(index: RegisterIndex) -> None:
    """Queries one or two edits from registered names, and two names run together: every
    name brute force finds close (similarity 0.8 or more) is among the index's candidates.
    (Weaker resemblances in the tail may be missed; bench/register_search.py measures how
    much of the brute-force top 10 is found on the real register.)"""
    from ipsentry.matching.marks.similarity import score_against

    rng = random.Random(3)
    queries = [_edited(n, rng) for n in rng.sample(NAMES, 30)]
    queries += [_edited(_edited(n, rng), rng) for n in rng.sample(NAMES, 30)]
    queries += [f"{rng.choice(NAMES)} {rng.choice(NAMES)}" for _ in range(10)]
    close_found = 0
    for query in queries:
        sign = MarkText.of(query)
        close = set((score_against(sign, index.columns) >= 0.8).nonzero()[0].tolist())
        missing = close - set(index.candidates(sign).tolist())
        assert not missing, (query, [index.names[i] for i in missing])
        close_found += len(close)
    assert close_found > len(queries)  # the queries do have close names


def test_every_result_is_explained(index: RegisterIndex) -> None:
    best = index.search("requsets", top=3)[0]
    record = best.as_json()
    assert record["name"] == "requests"
    assert 0 < float(record["score"]) <= 1  # type: ignore[arg-type]
    assert str(record["explanation"]).startswith("Likely to be confused")
    assert "[" not in str(record["explanation"])  # sentences; the notation is kept apart
    assert "likelihood of confusion" in str(record["notation"])


def test_a_stored_index_searches_like_the_one_built(index: RegisterIndex, tmp_path: Path) -> None:
    write_index(index.data, tmp_path / "idx")
    stored = open_index(tmp_path / "idx")
    assert list(stored.names) == list(index.names)
    for query in ("requsets", "kalomi-js", "env-cross"):
        assert [r.as_json() for r in stored.search(query, top=5)] == [
            r.as_json() for r in index.search(query, top=5)
        ]


def test_score_cutoff_drops_weaker_results(index: RegisterIndex) -> None:
    everything = index.search("requsets", top=10)
    cutoff = everything[2].score
    kept = index.search("requsets", top=10, score_cutoff=cutoff)
    assert kept and all(r.score >= cutoff for r in kept)
    assert [r.name for r in kept] == [r.name for r in everything if r.score >= cutoff]


def test_an_unrelated_query_finds_nothing_close(index: RegisterIndex) -> None:
    assert all(r.similarity < 0.6 for r in index.search("zzqxw", top=5))


def test_watch_hits_carry_the_opposition_deadline(tmp_path: Path) -> None:
    register = tmp_path / "register.tsv"
    register.write_text("smoore\t2026-10-01\tUS\nsmorre\t2026-11-02\tCN\nnovape\n", "utf-8")
    build_register(read_register(register), tmp_path / "idx", workers=1)
    hits = {h.name: h for h in open_register(tmp_path / "idx").search("smoore", top=3)}
    assert hits["smoore"].as_json()["opposition_deadline"] == "2026-11-02"  # 31 Oct is a Saturday
    assert hits["smorre"].as_json()["opposition_deadline"] == "2027-02-02"


def test_a_bad_register_line_is_named(tmp_path: Path) -> None:
    register = tmp_path / "register.tsv"
    register.write_text("good\n\nbad\t2026-13-01\tUS\nworse\t2026-01-01\tUSA\n", "utf-8")
    with pytest.raises(InvalidInput) as raised:
        read_register(register)
    assert [(p.row, p.field) for p in raised.value.problems] == [
        (3, "publication_date"),
        (4, "office"),
    ]
