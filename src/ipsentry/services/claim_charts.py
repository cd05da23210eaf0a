"""Chart a patent's claims against product texts, one product or many in one process.

The patent comes from the portfolio (by number) or from a JSON file holding one record in
the patent corpus format (optionally with a `construction` table). The product is a text
file, a saved web page, or a JSON Lines file of products for batch work. The engine (and
its encoder) is made once per process and reused for every chart.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ipsentry.domain.accounts import Permission
from ipsentry.domain.common import Confidentiality
from ipsentry.domain.rights import Patent
from ipsentry.errors import InvalidInput, Problem
from ipsentry.formats.fields import nearest
from ipsentry.formats.files import check_input, read_text
from ipsentry.formats.tabular import read_rows
from ipsentry.matching.claims.chart import ChartEngine, ChartEngines, ClaimResult
from ipsentry.matching.claims.passages import html_text
from ipsentry.services import cluster, exports
from ipsentry.services.access import Actor
from ipsentry.services.portfolio import get_right
from ipsentry.services.right_records import IMPORT_FIELDS, right_from_record
from ipsentry.store.unit_of_work import UnitOfWork
from ipsentry.wording import N_

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# A near name refuses the chart, so it must be nearer than one a warning names; a field
# found empty is already wrong, so a looser likeness is worth saying.
CHART_NEAR = 0.8
EMPTY_NEAR = 0.6


def patent_from_file(path: Path) -> Patent:
    check_input(path)
    rows = list(read_rows(path))
    if len(rows) != 1:
        raise InvalidInput(
            [Problem(str(path), None, "(file)", f"expected one patent record, found {len(rows)}")]
        )
    patent, problems = _chartable(path, *rows[0])
    if patent is None:
        raise InvalidInput(problems)
    return patent


def _chartable(
    path: Path, number: int, record: dict[str, Any]
) -> tuple[Patent | None, list[Problem]]:
    """A patent record read for charting: its claims are what matters, so a missing title
    is the number; `marking` (the word the command line uses) is read as its
    confidentiality; a misspelt field is named ('claim' for 'claims', 'titel' for 'title')
    rather than ignored, since an ignored marking would let a chart out unconfirmed."""
    if "marking" in record and "confidentiality" not in record:
        record = {**{k: v for k, v in record.items() if k != "marking"},
                  "confidentiality": record["marking"]}  # fmt: skip
    misspelt = [
        Problem(str(path), number, key, f"unknown field (did you mean {near!r}?)")
        for key in record
        if key not in IMPORT_FIELDS
        and (near := nearest(key, [f for f in IMPORT_FIELDS if f not in record], CHART_NEAR))
    ]
    title = record.get("title") or record.get("number") or "(untitled)"
    patent, problems = right_from_record(
        str(path), number, {"kind": "patent", **record, "title": title}
    )
    if problems or misspelt:
        return None, misspelt + problems
    if not isinstance(patent, Patent):
        return None, [Problem(str(path), number, "kind", "is not a patent")]
    if not patent.claims:
        return None, [Problem(str(path), number, "claims", _missing("claims", record))]
    return patent, []


def _missing(field: str, record: dict[str, Any]) -> str:
    """What to say of an empty field, naming a misspelt one the record has instead."""
    near = nearest(field, [str(k) for k in record if k != field], EMPTY_NEAR)
    return f"is empty (found {near!r}: did you mean {field!r}?)" if near else "is empty"


def is_patent_file(reference: str) -> bool:
    path = Path(reference)
    return path.suffix.lower() in (".json", ".jsonl") or path.exists()


def portfolio_patent(uow: UnitOfWork, actor: Actor, reference: str) -> Patent:
    right = get_right(uow, actor, reference)
    if not isinstance(right, Patent):
        raise InvalidInput(
            [Problem("command line", None, "--patent", f"{reference} is a trademark")]
        )
    return right


def patents_of(path: Path) -> list[Patent]:
    """Every patent record of a file, all checked before any is charted."""
    check_input(path)
    patents, problems = [], []
    for number, record in read_rows(path):
        patent, found = _chartable(path, number, record)
        problems += found
        if patent is not None:
            patents.append(patent)
    if problems:
        raise InvalidInput(problems)
    return patents


def read_product(path: Path) -> str:
    check_input(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        raise InvalidInput(
            [
                Problem(
                    str(path),
                    None,
                    "(file)",
                    "give the datasheet's text (pdftotext FILE.pdf), not the PDF",
                )
            ]
        )
    raw = read_text(path)
    text = (
        html_text(raw)
        if suffix in HTML_SUFFIXES or raw.lstrip().lower().startswith(("<!doctype html", "<html"))
        else raw
    )
    if not text.strip():
        raise InvalidInput([Problem(str(path), None, "(file)", "no product text")])
    return text


@dataclass
class Charter:
    """A warm engine: build once, chart many."""

    dense: bool = True

    def __post_init__(self) -> None:
        self._engines = ChartEngines(self.dense)

    def engine(self, patent: Patent) -> ChartEngine:
        return self._engines.of(patent.construction)

    def __reduce__(self) -> tuple[Callable[[bool], Charter], tuple[bool]]:
        """Sent to a Dask worker as its setting only: the worker charts with the warm
        charter of its own process (the encoder is loaded once per worker, not per task
        and not pickled)."""
        return warm_charter, (self.dense,)

    def chart(
        self, patent: Patent, product_text: str, product_name: str, claims: list[int] | None = None
    ) -> dict[str, Any]:
        known = {c.num for c in patent.claims}
        if not known:
            raise InvalidInput(
                [
                    Problem(
                        "command line",
                        None,
                        "--patent",
                        f"{patent.display_number} has no claims to chart; import its claims "
                        "with 'ipsentry portfolio import' or give a patent file with claims",
                    )
                ]
            )
        for num in claims or []:
            if num not in known:
                raise InvalidInput(
                    [
                        Problem(
                            "command line",
                            None,
                            "--claim",
                            f"the patent has no claim {num} (it has {min(known)}-{max(known)})",
                        )
                    ]
                )
        engine = self.engine(patent)
        results = engine.chart(patent.claims, engine.read(product_text), claims or None)
        return chart_record(patent, product_name, results)


@cache
def warm_charter(dense: bool) -> Charter:
    """This process's charter of the kind: made on first use, kept for the process."""
    return Charter(dense=dense)


CHART_PARTITION = 200  # (patent, product) pairs per Dask task


def chart_pairs(pairs: list[tuple[Patent, str, str]], charter: Charter) -> tuple[int, str]:
    """Pure: the charts of (patent, product id, product text) pairs as JSON Lines."""
    lines = [
        json.dumps(charter.chart(patent, text, product_id), ensure_ascii=False) + "\n"
        for patent, product_id, text in pairs
    ]
    return len(lines), "".join(lines)


def chart_batch(
    patents: Path,
    products: Path,
    out: Path,
    *,
    words_only: bool = False,
    progress: Callable[[int, int], None] | None = None,
    client: cluster.Client | None = None,
    partition: int = CHART_PARTITION,
    authorise: Callable[[list[Patent]], None] | None = None,
) -> int:
    """Every patent of a JSON Lines file charted against every product of another, one
    JSON line per chart in (patent, product) order; here, or partition by partition on
    ``client``'s cluster. Both files are checked whole first, then the export is put to
    ``authorise`` (which refuses by raising) before any charting. Returns the charts written."""
    found = patents_of(patents)
    items = list(products_of(products))
    if authorise is not None:
        authorise(found)
    total, done = len(found) * len(items), [0]

    def counted(charts: int) -> None:
        done[0] += charts
        if progress is not None:
            progress(done[0], total)

    pairs = ((p, product_id, text) for p in found for product_id, text in items)
    charter = warm_charter(not words_only) if client is None else Charter(dense=not words_only)
    made_from = {"files": cluster.stamps([patents, products]), "words_only": words_only,
                 "partition": partition}  # fmt: skip
    cluster.write_partitions(
        client, chart_pairs, cluster.chunks(pairs, partition), charter, out, counted, made_from
    )
    return done[0]


def patent_number(patent: Patent) -> str:
    return patent.display_number.replace(" ", "")


def chart_record(patent: Patent, product: str, results: list[ClaimResult]) -> dict[str, Any]:
    return {
        "patent": {
            "number": patent_number(patent),
            "title": patent.title,
            "confidentiality": patent.confidentiality.value,
        },
        "product": product,
        "claims": [r.record() for r in results],
    }


def products_of(path: Path) -> Iterator[tuple[str, str]]:
    """(id, text) of every product in a JSON Lines / CSV / JSON file."""
    problems = []
    items = []
    for number, row in read_rows(path):
        text = str(row.get("text") or row.get("description") or "").strip()
        if not text:
            problems.append(Problem(str(path), number, "text", _missing("text", row)))
            continue
        items.append((str(row.get("id") or number), text))
    if problems:
        raise InvalidInput(problems)
    yield from items


def chart_claim(
    patent: Patent | Path,
    product: str | Path,
    claims: Sequence[int] | None = None,
    *,
    words_only: bool = False,
) -> dict[str, Any]:
    """A claim chart of `patent` (a Patent, or a JSON file with one patent record) against
    `product` (its text, or a text or saved-page file): the record `claims chart --json`
    prints. All independent claims unless `claims` names some."""
    found = patent if isinstance(patent, Patent) else patent_from_file(patent)
    text = read_product(product) if isinstance(product, Path) else product
    name = str(product) if isinstance(product, Path) else "text"
    return Charter(dense=not words_only).chart(found, text, name, list(claims or []) or None)


@dataclass(frozen=True)
class PortfolioChart:
    """A chart of a portfolio patent, with the marking every view of it shows."""

    chart: dict[str, Any]
    marking: Confidentiality
    patent: Patent


@cache
def lexical_charter() -> Charter:
    """One warm engine per server process (lexical matching: no encoder to load)."""
    return Charter(dense=False)


def chart_for(
    uow: UnitOfWork,
    actor: Actor,
    reference: str,
    product_text: str,
    claims: Sequence[int] = (),
    product_name: str = "product text",
) -> PortfolioChart:
    """A portfolio patent the actor may read, charted against a product text (web, API)."""
    actor.require(Permission.READ, "chart claims")
    if not product_text.strip():
        raise InvalidInput([Problem("form", None, "product", N_("is empty"))])
    right = portfolio_patent(uow, actor, reference)
    record = lexical_charter().chart(right, product_text, product_name, list(claims) or None)
    return PortfolioChart(record, right.confidentiality, right)


CONFIRM_FROM = Confidentiality.ATTORNEYS_EYES_ONLY
"""A chart maps a patent's claims to a product element by element: counsel's analysis, so
its export asks for a yes from attorneys'-eyes-only up, one step below other exports."""


def export_marking(patents: Sequence[Patent]) -> Confidentiality:
    """The marking an export of charts of ``patents`` carries: the strictest of them."""
    return max((p.confidentiality for p in patents), key=lambda m: m.rank)


def needs_confirmation(patents: Sequence[Patent]) -> bool:
    return exports.needs_confirmation(export_marking(patents), CONFIRM_FROM)


def authorise_export(
    uow: UnitOfWork,
    actor: Actor,
    patents: Sequence[Patent],
    file_format: str,
    *,
    confirmed: bool = False,
) -> Confidentiality:
    """Allow charts of ``patents`` to leave as a ``file_format`` file, or refuse: the export
    permission, a confirmation from attorneys'-eyes-only up, and a line in the audit log
    (web, API and command line alike). Returns the marking the files carry."""
    marking = export_marking(patents)
    numbers = [patent_number(p) for p in patents]
    shown = ", ".join(numbers[:3]) + (f" and {len(numbers) - 3} more" if len(numbers) > 3 else "")
    exports.authorise(
        uow,
        actor,
        f"the claim chart of {shown}" if len(numbers) == 1 else f"claim charts of {shown}",
        marking,
        confirmed=confirmed,
        entity="claim_chart",
        details={"patents": numbers, "format": file_format},
        confirm_from=CONFIRM_FROM,
    )
    return marking


def chart_export(
    uow: UnitOfWork,
    actor: Actor,
    reference: str,
    product_text: str,
    file_format: str,
    *,
    confirmed: bool = False,
) -> PortfolioChart:
    """A chart to download: the export permission first, then the chart, then the export
    allowed (a marked patent's only once ``confirmed``) and recorded."""
    actor.require(Permission.EXPORT, "export claim charts")
    found = chart_for(uow, actor, reference, product_text)
    authorise_export(uow, actor, [found.patent], file_format, confirmed=confirmed)
    return found
