"""``ipsentry marks``: compare word marks and score files of pairs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ipsentry.cli.accounts import AsOption
from ipsentry.cli.context import console, context, print_json
from ipsentry.cli.inputs import read_json_texts
from ipsentry.cli.output import warn_unread_columns
from ipsentry.cli.params import TABULAR, InputFile, OutputFile
from ipsentry.cli.progress import progress_bar
from ipsentry.services import marks as mark_service
from ipsentry.services.marks import NameKind

app = typer.Typer(help="Word-mark similarity and likelihood of confusion, explained.")


@app.command("score")
def score(
    pairs: Annotated[
        Path,
        typer.Option(
            "--pairs",
            help="CSV/XLSX/JSON with left, right [, left_goods, right_goods, "
            "left_classes, right_classes, left_owner, left_context]: left_owner is the legal "
            "name of whoever uses the left sign, left_context other words around the use "
            "(shop name, seller description); with them the left sign is read as a use in "
            "commerce and the verdict can name why it is lawful.",
            parser=InputFile(*TABULAR),
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            help="CSV to write: the input plus similarity, score, verdict, explanation.",
            parser=OutputFile(".csv"),
        ),
    ],
) -> None:
    """Score every pair of a file; nothing is written unless every row is good."""
    with progress_bar("scoring pairs") as bar:
        scored = mark_service.score_pair_file(pairs, out, bar.update)
    similar = sum(s.verdict == "similar" for s in scored.scored)
    console.print(f"{out}: {len(scored.scored)} pairs, {similar} similar")
    warn_unread_columns(
        pairs,
        scored.unread_columns,
        mark_service.PAIR_COLUMNS,
        "they are copied to the output as they are",
    )


@app.command("compare")
def compare(
    earlier: Annotated[str, typer.Argument(help="The earlier (protected) mark.")],
    later: Annotated[
        str, typer.Argument(help="The later mark, or a text such as a listing title.")
    ],
    earlier_goods: Annotated[str, typer.Option(help="Goods or services of the earlier mark.")] = "",
    later_goods: Annotated[str, typer.Option(help="Goods or services of the later sign.")] = "",
    earlier_classes: Annotated[str, typer.Option(help="Nice classes, e.g. '9;34'.")] = "",
    later_classes: Annotated[str, typer.Option(help="Nice classes, e.g. '34'.")] = "",
    disclaim: Annotated[
        list[str] | None, typer.Option(help="A disclaimed word of the earlier mark (repeat).")
    ] = None,
    famous: Annotated[bool, typer.Option("--famous", help="The earlier mark is famous.")] = False,
    text: Annotated[
        bool, typer.Option("--text", help="The later sign is free text: find the mark inside it.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Compare two signs: every factor of the judgement, shown."""
    result = mark_service.compare_marks(
        earlier,
        later,
        earlier_goods=earlier_goods,
        later_goods=later_goods,
        earlier_classes=mark_service.classes_of(earlier_classes, "--earlier-classes"),
        later_classes=mark_service.classes_of(later_classes, "--later-classes"),
        disclaimers=tuple(disclaim or ()),
        famous=famous,
        free_text=text,
    )
    assert result is not None  # no cutoff asked for
    record = mark_service.assessment_record(result, earlier, later)
    if as_json:
        print_json(record)
        return
    table = Table(title=f"{earlier} ~ {later}", show_header=False)
    for key in ("score", "verdict", "similarity", "look", "sound", "meaning"):
        table.add_row(key, str(record[key]))
    table.add_row("goods", "not stated" if result.goods.score is None else str(result.goods.score))
    console.print(table)
    console.print(str(record["explanation"]), highlight=False)
    console.print("[dim]--json shows every factor in the engine's notation.[/dim]")
    console.print("[dim]Triage for review by counsel, not a legal conclusion.[/dim]")


@app.command("lookalikes")
def lookalikes(
    mark: Annotated[str, typer.Argument(help="The mark to make look-alikes of.")],
    kind: Annotated[NameKind, typer.Option(help="domain, package or scheme.")] = NameKind.DOMAIN,
    tld: Annotated[str, typer.Option(help="The mark owner's own top-level domain.")] = "com",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The domains, package ids or schemes an infringer would register for a mark."""
    variants = mark_service.lookalikes(mark, kind, tld)
    if as_json:
        print_json([{"name": v.text, "technique": v.technique} for v in variants])
        return
    table = Table(title=f"{len(variants)} look-alikes of {mark}")
    table.add_column("name")
    table.add_column("technique")
    for v in variants:
        table.add_row(v.text, v.technique)
    console.print(table)


@app.command("imitates")
def imitates(
    names: Annotated[list[str], typer.Argument(help="Domains, package ids or schemes to check.")],
    kind: Annotated[NameKind, typer.Option(help="domain, package or scheme.")] = NameKind.DOMAIN,
    marks: Annotated[
        Path | None,
        typer.Option(
            "--marks", help="Marks file; default: the stored portfolio.", parser=InputFile(*TABULAR)
        ),
    ] = None,
    association: Annotated[
        list[Path] | None,
        typer.Option(
            "--association",
            help="The mark owner's assetlinks.json or apple-app-site-association (repeat).",
            parser=InputFile(),
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    as_user: AsOption = None,
) -> None:
    """Which mark each name imitates, by which technique; schemes flagged for unfair competition."""
    found = mark_service.imitated_marks(
        names,
        kind,
        mark_service.marks_file(marks) if marks else _portfolio_marks(as_user),
        read_json_texts(association) if association else None,
    )
    if as_json:
        print_json(
            [
                {"name": name, "imitates": [mark_service.imitation_record(i) for i in hits]}
                for name, hits in found
            ]
        )
        return
    for name, hits in found:
        if not hits:
            console.print(f"{name}: imitates no mark of the portfolio")
        for i in hits:
            console.print(f"{name}: {i.explain()}", highlight=False)


def _portfolio_marks(as_user: str | None) -> list[mark_service.PortfolioMark]:
    ctx = context()
    return mark_service.portfolio_marks(ctx.uow(), ctx.actor(as_user))
