"""Mark use cases, each once: compare two signs, score a file of pairs, make and recognise
look-alike names, build and search a register.

The command line and the package's public verbs (``ipsentry.compare_marks``,
``ipsentry.search_register``) call these; none of them reaches an engine directly. Pair
scoring is file in, file out, no database: the batch form used for evaluation against real
decisions and for a lawyer's list of conflicts to check. Every bad row is reported with
its file, row and field, and nothing is written unless every row is good.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipsentry.errors import InvalidInput, Problem
from ipsentry.formats.fields import nearest, unknown
from ipsentry.formats.files import atomic_text
from ipsentry.formats.nice import parse_classes
from ipsentry.formats.register_list import read_register
from ipsentry.formats.tabular import read_rows
from ipsentry.matching.marks.commerce import UseJudgement, judge_use
from ipsentry.matching.marks.confusion import Assessment, Mark, Use, assess
from ipsentry.matching.marks.explain import describe
from ipsentry.matching.marks.goods import Goods
from ipsentry.matching.marks.lookalikes import (
    Imitation,
    NameKind,
    Variant,
    declared_apps,
    generate,
    imitations,
)
from ipsentry.matching.marks.screen import PortfolioMark, PortfolioMatcher
from ipsentry.matching.marks.text import MarkText
from ipsentry.services import cluster
from ipsentry.services.register_watch import (
    Register,
    WatchHit,
    build_register,
    opened_register,
)

if TYPE_CHECKING:  # the portfolio side needs the store; a register search never loads it
    from ipsentry.services.access import Actor
    from ipsentry.store.unit_of_work import UnitOfWork

__all__ = [
    "PAIR_COLUMNS",
    "Assessment",
    "NameKind",
    "PairFile",
    "PortfolioMark",
    "ScoredPair",
    "assessment_record",
    "build_register_file",
    "classes_of",
    "compare_marks",
    "imitated_marks",
    "imitation_record",
    "lookalikes",
    "marks_file",
    "portfolio_marks",
    "score_pair_file",
    "search_register",
]

REQUIRED = ("left", "right")
PAIR_COLUMNS = (
    *REQUIRED, "left_goods", "right_goods", "left_classes", "right_classes", "left_owner",
    "left_context",
)  # fmt: skip
SENTENCE_WORDS = 5
OUTPUT_COLUMNS = ("similarity", "score", "verdict", "explanation")
Progress = Callable[[int, int], None]


def classes_of(value: str, field: str) -> frozenset[int]:
    """Nice classes given on the command line, or InvalidInput naming the option."""
    problems: list[Problem] = []
    classes = parse_classes(value, "command line", 0, field, problems)
    if problems:
        raise InvalidInput(problems)
    return classes


# --- one pair ---------------------------------------------------------------------------


def compare_marks(
    earlier: str,
    later: str,
    *,
    earlier_goods: str = "",
    later_goods: str = "",
    earlier_classes: Iterable[int] = (),
    later_classes: Iterable[int] = (),
    disclaimers: Sequence[str] = (),
    famous: bool = False,
    free_text: bool = False,
    score_cutoff: float | None = None,
) -> Assessment | None:
    """How likely `later` (a mark, or with `free_text` a listing title) is to be confused
    with the earlier mark, with every factor; None when it scores below `score_cutoff`."""
    mark = Mark(
        earlier,
        Goods(classes=frozenset(earlier_classes), text=earlier_goods),
        disclaimers=tuple(disclaimers),
        famous=famous,
    )
    use = Use(later, Goods(classes=frozenset(later_classes), text=later_goods), free_text=free_text)
    result = assess(mark, use)
    if score_cutoff is not None and result.score < score_cutoff:
        return None
    return result


def assessment_record(a: Assessment, earlier: str, later: str) -> dict[str, object]:
    """Every factor of a judgement, for --json: the sentences and the engine's notation."""
    return {
        "score": a.score,
        "verdict": a.verdict,
        "category": a.category.value,
        "similarity": round(a.similarity.score, 4),
        "look": round(a.similarity.look, 4),
        "sound": round(a.similarity.sound, 4),
        "meaning": round(a.similarity.meaning, 4),
        "effective_similarity": round(a.effective_similarity, 4),
        "shared_strength": a.shared_strength,
        "goods_relatedness": a.goods.score,
        "fame_applied": a.fame_applied,
        "referential": a.context.referential if a.context else None,
        "explanation": describe(a, earlier, later),
        "notation": a.explain(),
    }


# --- a file of pairs --------------------------------------------------------------------


@dataclass(frozen=True)
class ScoredPair:
    """One scored row; `use` is set when the row is a use in commerce (a shop name or
    listing text, or a row naming the seller), judged with the seller's words."""

    row: dict[str, Any]
    pair: Pair
    assessment: Assessment
    use: UseJudgement | None = None

    @property
    def score(self) -> float:
        return self.use.score if self.use else self.assessment.score

    @property
    def verdict(self) -> str:
        return self.use.verdict if self.use else self.assessment.verdict

    def record(self) -> dict[str, Any]:
        return {
            **self.row,
            "similarity": f"{self.assessment.similarity.score:.4f}",
            "score": f"{self.score:.4f}",
            "verdict": self.verdict,
            "explanation": self.use.explain() if self.use else self.pair.describe(self.assessment),
        }


@dataclass(frozen=True)
class Pair:
    """A checked row: the earlier mark, the later sign, and who uses it, in what words."""

    mark: Mark
    use: Use
    owner: str = ""
    context: str = ""
    in_commerce: bool = False

    def describe(self, a: Assessment) -> str:
        return describe(a, self.mark.text, self.use.text)

    def score(self) -> tuple[Assessment, UseJudgement | None]:
        if not self.in_commerce:
            return assess(self.mark, self.use), None
        judged = judge_use(self.mark, self.use, owner=self.owner, context=self.context)
        return judged.assessment, judged


def _is_text(longer: str, shorter: str) -> bool:
    """A text rather than a mark: Chinese longer than the mark, or a sentence-long string
    (a word mark is rarely more than four words, or half as long as the other side)."""
    a, b = MarkText.of(longer), MarkText.of(shorter)
    more = len(a.tokens) > len(b.tokens)
    sentence = len(a.tokens) >= SENTENCE_WORDS and len(a.tokens) >= 2 * len(b.tokens)
    return more and (a.has_han or sentence)


def _pair(source: str, number: int, row: dict[str, Any], problems: list[Problem]) -> Pair | None:
    found = len(problems)
    for field in REQUIRED:
        if not str(row.get(field) or "").strip():
            problems.append(
                Problem(source, number, field, "is empty; a mark is needed on both sides")
            )
    left_classes = parse_classes(row.get("left_classes"), source, number, "left_classes", problems)
    right_classes = parse_classes(
        row.get("right_classes"), source, number, "right_classes", problems
    )
    if len(problems) > found:
        return None
    left = str(row["left"])
    right = str(row["right"])
    left_goods = Goods(classes=left_classes, text=str(row.get("left_goods") or ""))
    right_goods = Goods(classes=right_classes, text=str(row.get("right_goods") or ""))
    owner = str(row.get("left_owner") or "").strip()
    context = str(row.get("left_context") or "").strip()
    if owner or context or _is_text(left, right):
        # The left sign is the one used (by left_owner): judge it against the right mark.
        free = len(MarkText.of(left).tokens) > len(MarkText.of(right).tokens)
        use = Use(left, left_goods, free_text=free)
        return Pair(Mark(right, right_goods), use, owner, context, in_commerce=True)
    if _is_text(right, left):
        use = Use(right, right_goods, free_text=True)
        return Pair(Mark(left, left_goods), use, in_commerce=True)
    return Pair(Mark(left, left_goods), Use(right, right_goods))


def _missing(column: str, header: dict[str, Any]) -> str:
    """A required column the file lacks, with the column of the file probably meant."""
    near = nearest(column, [c for c in header if c not in PAIR_COLUMNS])
    meant = f"; found {near!r}: did you mean {column!r}?" if near else ""
    return f"column missing (needed: left, right{meant})"


@dataclass(frozen=True)
class PairFile:
    """A scored file of pairs, and the columns it has that no score reads: copied to the
    output as they are, they may be a misspelt optional column whose values were lost."""

    scored: list[ScoredPair]
    unread_columns: list[str]


def score_pairs(path: Path, progress: Progress | None = None) -> PairFile:
    """Read and check every row first, then score; raise InvalidInput listing all bad rows."""
    source = str(path)
    rows = list(read_rows(path))
    problems: list[Problem] = []
    if rows:
        header = rows[0][1]
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise InvalidInput([Problem(source, 1, c, _missing(c, header)) for c in missing])
    pairs = [(row, _pair(source, number, row, problems)) for number, row in rows]
    if problems:
        raise InvalidInput(problems)
    scored = []
    for done, (row, pair) in enumerate(pairs, start=1):
        assert pair is not None  # every row was checked above
        scored.append(ScoredPair(row, pair, *pair.score()))
        if progress:
            progress(done, len(pairs))
    return PairFile(scored, unknown((k for _, row in rows for k in row), PAIR_COLUMNS))


def write_scored(path: Path, scored: list[ScoredPair]) -> None:
    records = [s.record() for s in scored]
    columns = list(dict.fromkeys(k for r in records for k in r)) or [*REQUIRED, *OUTPUT_COLUMNS]
    with atomic_text(path) as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(records)


def score_pair_file(pairs: Path, out: Path, progress: Progress | None = None) -> PairFile:
    """Score every pair of a file and write them all, or nothing when a row is bad."""
    scored = score_pairs(pairs, progress)
    write_scored(out, scored.scored)
    return scored


# --- look-alike names -------------------------------------------------------------------


def lookalikes(mark: str, kind: NameKind, tld: str = "com") -> list[Variant]:
    """The domains, package ids or schemes an infringer would register for a mark."""
    return generate(mark, kind, tld)


def imitated_marks(
    names: Sequence[str],
    kind: NameKind,
    marks: Sequence[PortfolioMark],
    association_texts: Sequence[str] | None = None,
) -> list[tuple[str, list[Imitation]]]:
    """Each name with the marks it imitates; the owner's declared apps are told apart."""
    matcher = PortfolioMatcher(marks)
    owner_apps = declared_apps(association_texts) if association_texts else None
    return [(name, imitations(name, kind, matcher, owner_apps=owner_apps)) for name in names]


def imitation_record(i: Imitation) -> dict[str, object]:
    return {
        "mark": i.hit.mark,
        "registrations": list(i.registrations),
        "right_id": i.hit.right_id,
        "label": i.label,
        "technique": i.technique,
        "score": i.hit.assessment.score,
        "matters": i.matters,
        "declared_by_owner": i.declared_by_owner,
        "explanation": i.explain(),
    }


def marks_file(path: Path) -> list[PortfolioMark]:
    """The marks of a marks file (id, mark, classes, goods, disclaimers, famous)."""
    from ipsentry.services.screening import read_marks

    return read_marks(path)


def portfolio_marks(uow: UnitOfWork, actor: Actor) -> list[PortfolioMark]:
    """The live word marks of the actor's organisation that the actor may see."""
    from ipsentry.services.portfolio import trademarks
    from ipsentry.services.screening import marks_of

    return marks_of(trademarks(uow, actor))


# --- a register -------------------------------------------------------------------------


def build_register_file(
    names: Path, out: Path, *, workers: int = 2, progress: Progress | None = None
) -> dict[str, float | int]:
    """Index a register file into the folder `out`; the build statistics."""
    entries = read_register(names)
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress:
            progress(done, len(entries))

    return build_register(entries, out, workers=workers, progress=advance)


QUERY_PARTITION = 50  # queries searched per task when a cluster is used


def search_register(
    register: Register | Path,
    queries: Iterable[str],
    *,
    top: int = 10,
    score_cutoff: float | None = None,
    client: cluster.Client | None = None,
    partition: int = QUERY_PARTITION,
    progress: Progress | None = None,
) -> list[tuple[str, list[WatchHit]]]:
    """The registered names most likely confused with each query, best first.

    With ``client``, the queries are searched a partition at a time on its cluster. A
    register given as a folder is not shipped: each worker opens it there once (its big
    arrays memory-mapped), so the folder must be one every worker can read.
    """
    opened = register if isinstance(register, Register) else opened_register(register)
    wanted = list(queries)
    found: dict[int, list[list[WatchHit]]] = {}

    def done(index: int, results: list[list[WatchHit]]) -> None:
        found[index] = results
        if progress:
            progress(sum(map(len, found.values())), len(wanted))

    shipped = register if client is not None and isinstance(register, Path) else opened
    parts = cluster.chunks(wanted, partition)
    cluster.map_partitions(client, _search_partition, parts, (shipped, top, score_cutoff), done)
    results = [hits for index in sorted(found) for hits in found[index]]
    return list(zip(wanted, results, strict=True))


def _search_partition(
    queries: list[str], shared: tuple[Register | Path, int, float | None]
) -> list[list[WatchHit]]:
    register, top, score_cutoff = shared
    opened = register if isinstance(register, Register) else opened_register(register)
    return [opened.search(q, top=top, score_cutoff=score_cutoff) for q in queries]
