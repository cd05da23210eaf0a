"""Screen observations against trademarks: marketplace listings, declarations, domains, app links.

Two ways in. File mode reads a marks file and an observations file and writes hits as JSON
Lines, touching no database (batch work, evaluation). Portfolio mode screens the stored
observations of the acting organisation against its live trademarks, persists the run
with its hits, and can report only what is new since the previous run of the channel.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipsentry.domain.observations import Observation, ObservationKind
from ipsentry.domain.rights import Trademark
from ipsentry.domain.screening import Hit, HitKind, RunStatus, ScreeningRun
from ipsentry.errors import Conflict, InvalidInput, Problem
from ipsentry.formats.nice import parse_classes
from ipsentry.formats.tabular import read_rows
from ipsentry.services import cluster
from ipsentry.services.access import Actor
from ipsentry.store.unit_of_work import UnitOfWork
from ipsentry.wording import N_

if TYPE_CHECKING:
    from ipsentry.matching.claims.screen import ClaimHit, ClaimScreener
    from ipsentry.matching.marks.confusion import Assessment, Use
    from ipsentry.matching.marks.screen import PortfolioMark, PortfolioMatcher

# The mark engine (NumPy, RapidFuzz, its word lists) is imported where a screening runs, not
# with this module: the command line imports it to build `ipsentry screen --help`.

Progress = Callable[[int, int], None]
TRUE = {"1", "true", "yes", "y", "x"}
KEPT_PROBLEMS = 1000  # bad rows named in one message; the rest are counted
MARK_FIELDS = ("id", "mark", "title", "classes", "goods", "disclaimers", "famous", "registration")
OBSERVATION_FIELDS = (
    "id",
    "kind",
    "text",
    "title",
    "description",
    "seller",
    "declared_brand",
    "hs_code",
    "goods",
    "platform",
    "source",
    "url",
)


@dataclass(frozen=True)
class Seen:
    """One observation as screening reads it, wherever it came from."""

    key: str  # observation id, or the file row
    kind: ObservationKind
    text: str
    description: str = ""
    seller: str = ""
    declared_brand: str = ""
    hs_code: str = ""
    goods: str = ""
    platform: str = ""  # where it was seen (marketplace, registry, app store), if the file says
    url: str = ""

    @classmethod
    def of(cls, observation: Observation) -> Seen:
        return cls(
            key=str(observation.id),
            kind=observation.kind,
            text=observation.text,
            description=observation.description,
            seller=observation.seller,
            declared_brand=observation.declared_brand,
            hs_code=observation.hs_code,
        )


@dataclass(frozen=True)
class FoundHit:
    """A mark found in one field of one observation, judged and explained: one finding
    however many registrations the mark has (all listed, with their right ids)."""

    observation: str
    kind: ObservationKind
    part: str  # which field of the observation carried the sign
    sign: str
    right_id: int  # the registration judged (the best-scoring one)
    mark: str
    assessment: Assessment
    technique: str = ""
    matters: str = "trademark"
    extra: dict[str, Any] = field(default_factory=dict)
    registrations: tuple[str, ...] = ()  # office and number of each registration of the mark
    right_ids: tuple[int, ...] = ()  # every right of the mark the finding stands for

    @property
    def rights(self) -> tuple[int, ...]:
        return self.right_ids or (self.right_id,)

    def record(self) -> dict[str, Any]:
        from ipsentry.matching.marks.explain import reasons
        from ipsentry.matching.marks.reasons import sentences

        a = self.assessment
        said = reasons(a, self.mark, self.sign)
        record = {
            "observation": self.observation,
            "kind": self.kind.value,
            "field": self.part,
            "sign": self.sign,
            "right_id": self.right_id,
            "right_ids": list(self.rights),
            "mark": self.mark,
            "registrations": list(self.registrations),
            "score": a.score,
            "similarity": round(a.similarity.score, 4),
            "verdict": a.verdict,
            "category": a.category.value,
            "located": a.located,
            "matters": self.matters,
            "explanation": sentences(said),
            "reasons": [r.record() for r in said],  # the same, for telling in any language
            "notation": a.explain(),
        }
        if self.technique:
            record["technique"] = self.technique
        return {**record, **self.extra}


def screen_one(
    matcher: PortfolioMatcher, seen: Seen, owner_apps: set[str] | None = None
) -> list[FoundHit]:
    """Every hit on one observation, one per mark and field, best first."""
    from ipsentry.matching.marks.confusion import Use
    from ipsentry.matching.marks.goods import Goods
    from ipsentry.matching.marks.lookalikes import NameKind, imitations

    found: list[FoundHit] = []

    def add(field_name: str, sign: str, use: Use) -> None:
        for hit in matcher.screen(sign, use=use):
            registrations = (hit.registration,) if hit.registration else ()
            found.append(
                FoundHit(seen.key, seen.kind, field_name, sign, hit.right_id, hit.mark,
                         hit.assessment, registrations=registrations)
            )  # fmt: skip

    goods = Goods(
        text=" ".join(p for p in (seen.goods, seen.text, seen.description) if p),
        hs_code=seen.hs_code,
    )
    if seen.kind in (ObservationKind.DOMAIN, ObservationKind.APP_LINK):
        kind = NameKind.DOMAIN
        if seen.kind == ObservationKind.APP_LINK:
            kind = (
                NameKind.SCHEME
                if "://" in seen.text or seen.text.endswith(":")
                else NameKind.PACKAGE
            )
        for imitation in imitations(seen.text, kind, matcher, owner_apps=owner_apps):
            extra = {}
            if imitation.declared_by_owner is not None:
                extra["declared_by_owner"] = imitation.declared_by_owner
            imitated = imitation.hit
            found.append(
                FoundHit(seen.key, seen.kind, "text", imitation.label, imitated.right_id,
                         imitated.mark, imitated.assessment, imitation.technique,
                         imitation.matters, extra, imitation.registrations)
            )  # fmt: skip
        return _one_per_mark(found, matcher)
    if seen.declared_brand:
        add("declared_brand", seen.declared_brand, Use(seen.declared_brand, goods))
    if seen.text:
        add("text", seen.text, Use(seen.text, goods, free_text=True))
    if seen.description:
        add("description", seen.description, Use(seen.description, goods, free_text=True))
    if seen.seller:
        add("seller", seen.seller, Use(seen.seller, free_text=True))
    return _one_per_mark(found, matcher)


def _one_per_mark(found: list[FoundHit], matcher: PortfolioMatcher) -> list[FoundHit]:
    """The best finding per mark, listing every registration of that mark it stands for."""
    from ipsentry.matching.marks.screen import same_mark

    best: dict[str, FoundHit] = {}
    for found_hit in found:  # in field order: of equal scores, the first field's is kept
        key = same_mark(found_hit.mark)
        kept = best.get(key)
        if kept is None or found_hit.assessment.score > kept.assessment.score:
            best[key] = found_hit
    grouped = []
    for key, hit in best.items():
        of_mark = matcher.rights_of_mark.get(key, {hit.right_id: ""})
        registrations = tuple(sorted({r for r in of_mark.values() if r}))
        grouped.append(replace(hit, right_ids=tuple(sorted(of_mark)), registrations=registrations))
    return sorted(grouped, key=lambda h: (-h.assessment.score, h.mark, h.right_ids))


def marks_of(trademarks: Iterable[Trademark]) -> list[PortfolioMark]:
    """The live word marks of a portfolio, with their goods, disclaimers and fame."""
    from ipsentry.matching.marks.confusion import Mark
    from ipsentry.matching.marks.goods import Goods
    from ipsentry.matching.marks.screen import PortfolioMark

    marks = []
    for tm in trademarks:
        if not tm.status.is_alive or tm.id is None or not tm.title.strip():
            continue
        goods = Goods(
            classes=frozenset(tm.class_numbers),
            text="; ".join(c.goods for c in tm.classes if c.goods),
        )
        registration = tm.display_number
        marks.append(
            PortfolioMark(
                tm.id, Mark(tm.title, goods, tuple(tm.disclaimers), tm.famous), registration
            )
        )
        for other in (
            tm.transliteration,
            tm.translation.split(":", 1)[0] if tm.translation else "",
        ):
            if other.strip() and other.strip().lower() != tm.title.strip().lower():
                marks.append(
                    PortfolioMark(
                        tm.id,
                        Mark(other.strip(), goods, tuple(tm.disclaimers), tm.famous),
                        registration,
                    )
                )
    return marks


# --- file mode --------------------------------------------------------------------------


def read_marks(path: Path) -> list[PortfolioMark]:
    from ipsentry.matching.marks.confusion import Mark
    from ipsentry.matching.marks.goods import Goods
    from ipsentry.matching.marks.screen import PortfolioMark

    problems: list[Problem] = []
    marks = []
    source = str(path)
    for number, row in read_rows(path, MARK_FIELDS):
        text = str(row.get("mark") or row.get("title") or "").strip()
        if not text:
            problems.append(Problem(source, number, "mark", "is empty"))
            continue
        classes = parse_classes(row.get("classes"), source, number, "classes", problems)
        raw_id = str(row.get("id") or number).strip()
        if not raw_id.isdigit():
            problems.append(Problem(source, number, "id", f"'{raw_id}' is not a whole number"))
            continue
        disclaimers = tuple(
            d.strip() for d in str(row.get("disclaimers") or "").split(";") if d.strip()
        )
        famous = str(row.get("famous") or "").strip().lower() in TRUE
        marks.append(
            PortfolioMark(
                int(raw_id),
                Mark(text, Goods(classes, str(row.get("goods") or "")), disclaimers, famous),
                str(row.get("registration") or "").strip(),
            )
        )
    if problems:
        raise InvalidInput(problems)
    if not marks:
        raise InvalidInput([Problem(source, None, "(file)", "no marks to screen for")])
    return marks


def _seen_rows(paths: Sequence[Path], problems: list[Problem]) -> Iterator[Seen]:
    """Every observation of the files in order; a bad row goes to ``problems``, not out.

    A row's key is its ``id``, else its row number (prefixed by the file name when there
    are several files, so keys stay unique).
    """
    kinds = ", ".join(k.value for k in ObservationKind)
    for path in paths:
        source = str(path)
        for number, row in read_rows(path, OBSERVATION_FIELDS):
            raw_kind = str(row.get("kind") or "listing").strip().lower()
            try:
                kind = ObservationKind(raw_kind)
            except ValueError:
                message = N_("'%(value)s' is not one of %(kinds)s", value=raw_kind, kinds=kinds)
                problems.append(Problem(source, number, "kind", message))
                continue
            text = str(row.get("text") or row.get("title") or "").strip()
            brand = str(row.get("declared_brand") or "").strip()
            if not text and not brand:
                said = N_("is empty; nothing to screen")
                problems.append(Problem(source, number, "text", said))
                continue
            key = row.get("id") or (f"{path.name}:{number}" if len(paths) > 1 else number)
            yield Seen(
                key=str(key),
                kind=kind,
                text=text,
                description=str(row.get("description") or ""),
                seller=str(row.get("seller") or ""),
                declared_brand=brand,
                hs_code=str(row.get("hs_code") or ""),
                goods=str(row.get("goods") or ""),
                platform=str(row.get("platform") or row.get("source") or "").strip(),
                url=str(row.get("url") or "").strip(),
            )


def read_observations(path: Path) -> list[Seen]:
    problems: list[Problem] = []
    seen = list(_seen_rows([path], problems))
    if problems:
        raise InvalidInput(problems)
    return seen


FILE_PARTITION = 2_000  # observations per task in file mode: a lost worker costs these


def screen_partition(
    partition: list[Seen], matcher: PortfolioMatcher
) -> tuple[tuple[int, int], str]:
    """One partition's hits as JSON Lines: ((observations, hits), text). Pure, so a Dask
    worker runs it on the matcher it was sent once."""
    lines = [
        json.dumps(hit.record(), ensure_ascii=False) + "\n"
        for seen in partition
        for hit in screen_one(matcher, seen)
    ]
    return (len(partition), len(lines)), "".join(lines)


@dataclass(frozen=True)
class FileRun:
    screened: int
    hits: int
    resumed: int = 0  # observations whose hits an interrupted run of the command had written


def screen_files(
    marks_path: Path,
    observations: Path | Sequence[Path],
    out: Path,
    progress: Progress | None = None,
    client: cluster.Client | None = None,
    partition: int = FILE_PARTITION,
) -> FileRun:
    """Screen files against a marks file; write one JSON line per hit. Every row is checked
    first (a bad one is named and nothing is written); then partitions are screened here or
    on ``client``'s cluster and written in input order. A run of the same files into the
    same ``out`` that was killed is resumed: its finished partitions are not screened again."""
    from ipsentry.matching.marks.screen import PortfolioMatcher

    paths = [observations] if isinstance(observations, Path) else list(observations)
    matcher = PortfolioMatcher(read_marks(marks_path))
    problems: list[Problem] = []
    total = 0
    for path in paths:  # a file that cannot be read is named, and the others still checked
        try:
            total += sum(1 for _ in _seen_rows([path], problems))
        except InvalidInput as error:
            problems += error.problems
    if problems:
        raise InvalidInput(problems[:KEPT_PROBLEMS], max(0, len(problems) - KEPT_PROBLEMS))
    counts = [0, 0]  # observations, hits

    def counted(done: tuple[int, int]) -> None:
        counts[0] += done[0]
        counts[1] += done[1]
        if progress:
            progress(counts[0], total)

    partitions = cluster.chunks(_seen_rows(paths, []), partition)
    made_from = {"marks": cluster.stamps([marks_path]), "observations": cluster.stamps(paths),
                 "partition": partition}  # fmt: skip
    kept = cluster.write_partitions(
        client, screen_partition, partitions, matcher, out, counted, made_from
    )
    return FileRun(counts[0], counts[1], sum(screened for screened, _ in kept))


# --- portfolio mode ---------------------------------------------------------------------


def claim_hit_record(seen: Seen, hit: ClaimHit) -> dict[str, Any]:
    result = hit.result
    return {
        "observation": seen.key,
        "kind": seen.kind.value,
        "patent": hit.patent.display_number,
        "right_id": hit.patent.id,
        "claim": result.claim.num,
        "coverage": round(result.coverage, 3),
        "verdict": result.verdict.value,
        "chart": result.record(),
    }


@dataclass(frozen=True)
class RunReport:
    run_id: int
    screened: int
    hits: list[FoundHit]
    new: list[FoundHit]
    previous_run_id: int | None
    claim_hits: list[dict[str, Any]] = field(default_factory=list)
    resumed_after: int = 0  # observations an interrupted run had already screened
    relisted: list[int] = field(default_factory=list)  # takedown notices found relisted


PARTITION = 200  # observations screened and committed together: a crash loses at most these


def _process() -> dict[str, Any]:
    return {"host": socket.gethostname(), "pid": os.getpid()}


def _alive(run: ScreeningRun, now: datetime) -> bool:
    """Whether the process that holds a running run may still be at work on it."""
    process = run.parameters.get("process") or {}
    beat = run.parameters.get("heartbeat")
    if beat is None or now - datetime.fromisoformat(beat) >= STALE_AFTER:
        return False  # no partition committed for long: dead, wherever it ran
    if process.get("host") != socket.gethostname():
        return True
    pid = int(process.get("pid") or 0)
    if pid <= 0 or pid == os.getpid():
        return False  # this very process, so not at work on it now (an earlier call failed)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


STALE_AFTER = timedelta(minutes=10)  # a run on another host with no partition since is dead


def _resumable(uow: UnitOfWork, actor: Actor, channel: str, now: datetime) -> ScreeningRun | None:
    """The channel's unfinished run, marked interrupted if its process is gone, or why not."""
    run = uow.records.unfinished_run(actor.organisation_id, channel)
    if run is None:
        return None
    if run.status == RunStatus.RUNNING:
        if _alive(run, now):
            process = run.parameters.get("process") or {}
            raise Conflict(
                f"screening run {run.id} of {channel} is still running (process "
                f"{process.get('pid')} on {process.get('host')}); wait for it to finish"
            )
        run.status = RunStatus.INTERRUPTED
        uow.commit()
    return run


def _screen_observation(
    matcher: PortfolioMatcher, claims: ClaimScreener, observation: Observation
) -> tuple[list[Hit], list[FoundHit], list[dict[str, Any]]]:
    """The stored hits, mark findings and claim records of one observation."""
    seen = Seen.of(observation)
    hits: list[Hit] = []
    claim_hits: list[dict[str, Any]] = []
    if observation.kind in (ObservationKind.LISTING, ObservationKind.DECLARATION):
        for claim_hit in claims.screen(" ".join((observation.text, observation.description))):
            record = claim_hit_record(seen, claim_hit)
            claim_hits.append(record)
            hits.append(
                Hit(
                    kind=HitKind.CLAIM,
                    observation_id=int(seen.key),
                    right_id=int(record["right_id"]),
                    score=claim_hit.result.coverage,
                    verdict=claim_hit.result.verdict.value,
                    explanation=record,
                    confidentiality=observation.confidentiality,
                )
            )
    found = screen_one(matcher, seen)
    for hit in found:
        record = hit.record()
        hits.extend(
            Hit(
                kind=HitKind.MARK,
                observation_id=int(hit.observation),
                right_id=right_id,  # kept per right, so each registration is reviewed
                score=hit.assessment.score,
                similarity=hit.assessment.similarity.score,
                verdict=hit.assessment.category.value,
                explanation=record,
                confidentiality=observation.confidentiality,
            )
            for right_id in hit.rights
        )
    return hits, found, claim_hits


Screened = tuple[list[Hit], list[FoundHit], list[dict[str, Any]]]


def screen_stored(
    part: list[Observation], engines: tuple[PortfolioMatcher, ClaimScreener]
) -> list[Screened]:
    """Pure: one partition of stored observations screened (a Dask task, on the engines
    sent once); the hits are stored by the caller."""
    matcher, claims = engines
    return [_screen_observation(matcher, claims, o) for o in part]


def run_screening(
    uow: UnitOfWork,
    actor: Actor,
    kind: ObservationKind | None = None,
    progress: Progress | None = None,
    now: datetime | None = None,
    partition: int = PARTITION,
    client: cluster.Client | None = None,
) -> RunReport:
    """Screen the organisation's stored observations; persist the run and its hits, here
    or with the partitions screened on ``client``'s cluster (committed here).

    The run is committed partition by partition (``partition`` observations, in id order),
    so a process killed mid-run leaves every finished partition stored. The next run of the
    channel finds it, marks it interrupted, and carries on after its last partition.
    """
    from ipsentry.matching.marks.screen import PortfolioMatcher

    actor.require_write("screening runs")
    channel = kind.value if kind else "mixed"
    started = now or datetime.now(UTC)
    with uow:
        trademarks = [
            tm
            for tm in uow.rights.trademarks(actor.organisation_id)
            if actor.may_read(tm.confidentiality)
        ]
        matcher = PortfolioMatcher(marks_of(trademarks))
        patents = [
            p
            for p in uow.rights.patents(actor.organisation_id)
            if p.status.is_alive and actor.may_read(p.confidentiality)
        ]
        # the claim engines (and NumPy) load only when a run screens
        from ipsentry.matching.claims.chart import ChartEngines
        from ipsentry.matching.claims.screen import ClaimScreener

        claims = ClaimScreener(patents, ChartEngines(dense=False))
        observations = sorted(
            (
                o for o in uow.records.observations(actor.organisation_id)
                if (kind is None or o.kind == kind) and actor.may_read(o.confidentiality)
            ),
            key=lambda o: o.id or 0,
        )  # fmt: skip
        previous = uow.records.last_run(actor.organisation_id, channel)
        known = (
            {(h.observation_id, h.right_id) for h in previous.hits if h.kind == HitKind.MARK}
            if previous
            else set()
        )
        run = _resumable(uow, actor, channel, started)
        if run is None:
            run = ScreeningRun(
                organisation_id=actor.organisation_id,
                channel=channel,
                started_at=started,
                parameters={"marks": len(matcher.marks), "threshold": "engine default"},
                only_new_since_run_id=previous.id if previous else None,
            )
            uow.records.add(run)
        through = int(run.parameters.get("through_observation_id") or 0)
        resumed_after = run.observations_screened
        run.status = RunStatus.RUNNING
        todo = [o for o in observations if (o.id or 0) > through]
        found: list[FoundHit] = []
        claim_hits: list[dict[str, Any]] = []
        parts = [todo[s : s + partition] for s in range(0, max(len(todo), 1), partition)]
        screened = [len(observations) - len(todo)]

        def commit(part: list[Observation], results: list[Screened]) -> None:
            for hits, marks_found, claims_found in results:
                run.hits.extend(hits)
                found.extend(marks_found)
                claim_hits.extend(claims_found)
            run.observations_screened += len(part)
            run.parameters = {
                **run.parameters,
                "through_observation_id": part[-1].id if part else through,
                "process": _process(),
                "heartbeat": datetime.now(UTC).isoformat(),
            }
            uow.commit()
            screened[0] += len(part)
            if progress:
                progress(screened[0], len(observations))

        # A cluster finishes partitions in any order; they are committed in id order, so
        # an interrupted run resumes after the last one committed and skips none.
        waiting: dict[int, list[Screened]] = {}
        next_part = [0]

        def done(index: int, results: list[Screened]) -> None:
            waiting[index] = results
            while next_part[0] in waiting:
                commit(parts[next_part[0]], waiting.pop(next_part[0]))
                next_part[0] += 1

        cluster.map_partitions(client, screen_stored, parts, (matcher, claims), done)
        run.status = RunStatus.FINISHED
        run.finished_at = now or datetime.now(UTC)
        from ipsentry.services.takedowns import check_relisting

        relisted = check_relisting(uow, actor, run, (now or datetime.now(UTC)).date())
        uow.commit()
        assert run.id is not None
        new = [h for h in found if any((int(h.observation), r) not in known for r in h.rights)]
        previous_id = previous.id if previous else None
        return RunReport(
            run.id,
            run.observations_screened,
            found,
            new,
            previous_id,
            claim_hits,
            resumed_after=resumed_after,
            relisted=relisted,
        )


def hits_of(hits: Sequence[FoundHit]) -> list[dict[str, Any]]:
    return [h.record() for h in hits]
