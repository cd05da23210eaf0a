"""``ipsentry cases open|party|move|amount|capture-hit|capture-seizure|network``: cases kept
by hand, hits and seizures taken into the evidence locker in one step, the infringer
network."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from ipsentry.cli.accounts import AsOption
from ipsentry.cli.context import console, context, print_json
from ipsentry.cli.params import BinaryFile, DateParser, OutputFile
from ipsentry.domain.cases import AmountKind, CaseKind, CaseSide, DispositionKind, PartyRole
from ipsentry.domain.common import Confidentiality
from ipsentry.services import case_intake, case_records

JsonFlag = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
CaseOption = Annotated[str, typer.Option("--case", help="Case number or id to file it under.")]
CaseArgument = Annotated[str, typer.Argument(help="The case's number or id.")]


def _done(result: dict[str, object], as_json: bool, line: str) -> None:
    if as_json:
        print_json(result)
    else:
        console.print(line, markup=False)


def register(app: typer.Typer) -> None:
    """Add these commands to the ``cases`` group."""
    app.command("open")(open_case)
    app.command("party")(add_party)
    app.command("move")(move)
    app.command("amount")(amount)
    app.command("capture-hit")(capture_hit)
    app.command("capture-seizure")(capture_seizure)
    app.command("network")(network)


def open_case(
    title: Annotated[str, typer.Option("--title", help="What the case is about.")],
    kind: Annotated[CaseKind, typer.Option("--kind", help="The kind of proceeding.")],
    number: Annotated[str, typer.Option("--number", help="Docket or file number.")] = "",
    forum: Annotated[str, typer.Option("--forum", help="Court, office or platform.")] = "",
    filed_on: Annotated[
        date | None, typer.Option("--filed-on", help="YYYY-MM-DD.", parser=DateParser())
    ] = None,
    side: Annotated[
        CaseSide, typer.Option("--side", help="Brought by you, or defended.")
    ] = CaseSide.BROUGHT,
    jurisdiction: Annotated[
        str, typer.Option("--jurisdiction", help="Whose rules set its deadlines (US, CN).")
    ] = "",
    served_on: Annotated[
        date | None,
        typer.Option("--served-on", help="When a defended case reached you.", parser=DateParser()),
    ] = None,
    right: Annotated[
        list[str] | None, typer.Option("--right", help="An asserted right (repeat).")
    ] = None,
    marking: Annotated[
        Confidentiality, typer.Option("--marking", help="Confidentiality marking.")
    ] = Confidentiality.CONFIDENTIAL,
    as_json: JsonFlag = False,
    as_user: AsOption = None,
) -> None:
    """Open a case of any kind, brought or defended (its response window follows)."""
    ctx = context()
    spec = case_records.NewCase(
        kind, title, number, forum, filed_on, side, jurisdiction, served_on,
        tuple(right or ()), marking,
    )  # fmt: skip
    row = case_records.open_case(ctx.uow(), ctx.actor(as_user), spec)
    _done(row, as_json, f"case {row['id']} opened: {row['number'] or row['title']}")


def add_party(
    case: CaseArgument,
    name: Annotated[str, typer.Argument(help="The party's name.")],
    role: Annotated[
        PartyRole | None,
        typer.Option("--role", help="Default: the other side (respondent or defendant)."),
    ] = None,
    country: Annotated[str, typer.Option("--country", help="ISO 3166 code.")] = "",
    address: Annotated[str, typer.Option("--address", help="Postal address.")] = "",
    alias: Annotated[list[str] | None, typer.Option("--alias", help="d/b/a, store name.")] = None,
    seller_id: Annotated[
        list[str] | None, typer.Option("--seller-id", help="PLATFORM:ID on a marketplace.")
    ] = None,
    payment_account: Annotated[
        list[str] | None, typer.Option("--payment-account", help="PROVIDER:ACCOUNT.")
    ] = None,
    email: Annotated[list[str] | None, typer.Option("--email", help="E-mail address.")] = None,
    phone: Annotated[list[str] | None, typer.Option("--phone", help="Phone number.")] = None,
    domain: Annotated[list[str] | None, typer.Option("--domain", help="Web domain.")] = None,
    as_json: JsonFlag = False,
    as_user: AsOption = None,
) -> None:
    """Add a party with its aliases, seller ids and payment accounts."""
    ctx = context()
    spec = case_records.NewParty(
        name, role, country, address, tuple(alias or ()), tuple(seller_id or ()),
        tuple(payment_account or ()), tuple(email or ()), tuple(phone or ()), tuple(domain or ()),
    )  # fmt: skip
    row = case_records.add_party(ctx.uow(), ctx.actor(as_user), case, spec)
    _done(row, as_json, f"{row['name']} added to {row['case']} as {row['role']}")


def move(
    case: CaseArgument,
    party: Annotated[str, typer.Argument(help="The respondent or defendant (any alias).")],
    disposition: Annotated[DispositionKind, typer.Argument(help="Where it moves to.")],
    on: Annotated[date, typer.Option("--on", help="YYYY-MM-DD.", parser=DateParser())],
    source: Annotated[str, typer.Option("--source", help="The order or docket entry.")],
    right: Annotated[str, typer.Option("--right", help="On one asserted right only.")] = "",
    as_json: JsonFlag = False,
    as_user: AsOption = None,
) -> None:
    """Record a disposition; a move the proceeding does not allow is refused (exit 6)."""
    ctx = context()
    row = case_records.record_disposition(
        ctx.uow(), ctx.actor(as_user), case, party, disposition, on, source, right
    )
    _done(row, as_json, f"{row['party']} in {row['case']}: now {row['state']}")


def amount(
    case: CaseArgument,
    kind: Annotated[AmountKind, typer.Argument(help="Claimed, awarded, frozen, collected, ...")],
    value: Annotated[str, typer.Option("--amount", help="e.g. 125000.50")],
    currency: Annotated[str, typer.Option("--currency", help="ISO 4217, e.g. USD.")],
    party: Annotated[str, typer.Option("--party", help="For one party (default: the case).")] = "",
    on: Annotated[
        date | None, typer.Option("--on", help="YYYY-MM-DD.", parser=DateParser())
    ] = None,
    source: Annotated[str, typer.Option("--source", help="Where it is recorded.")] = "",
    as_json: JsonFlag = False,
    as_user: AsOption = None,
) -> None:
    """Record an amount: damages claimed or awarded, frozen, collected, costs, bonds."""
    ctx = context()
    row = case_records.record_amount(
        ctx.uow(),
        ctx.actor(as_user),
        case,
        kind,
        value,
        currency,
        on=on,
        party_name=party,
        source=source,
    )
    _done(row, as_json, f"{row['case']}: {row['kind']} {row['amount']}")


def capture_hit(
    hit: Annotated[int, typer.Argument(help="A confirmed screening hit's id.")],
    case: CaseOption = "",
    page: Annotated[
        Path | None,
        typer.Option(
            "--page", help="The listing page saved as .html (else the record).", parser=BinaryFile()
        ),
    ] = None,
    as_json: JsonFlag = False,
    as_user: AsOption = None,
) -> None:
    """Capture a confirmed hit as evidence (and file it under a case) in one step."""
    ctx = context()
    actor = ctx.actor(as_user)
    row = case_intake.capture_hit(ctx.uow(), actor, hit, case_reference=case, page=page)
    verb = "captured" if row["created"] else "already in the locker"
    _done(row, as_json, f"hit {hit}: evidence {row['id']} {verb}, sha256 {row['sha256']}")


def capture_seizure(
    detention: Annotated[int, typer.Argument(help="A customs detention's id.")],
    case: CaseOption = "",
    photo: Annotated[
        Path | None,
        typer.Option("--photo", help="A photo of the goods.", parser=BinaryFile()),
    ] = None,
    as_json: JsonFlag = False,
    as_user: AsOption = None,
) -> None:
    """Capture a customs detention or seizure as a sample, its custody from the border."""
    ctx = context()
    row = case_intake.capture_detention(
        ctx.uow(), ctx.actor(as_user), detention, case_reference=case, photo=photo
    )
    _done(row, as_json, f"detention {detention}: evidence {row['id']}, sha256 {row['sha256']}")


def network(
    svg: Annotated[
        Path | None,
        typer.Option(
            "--svg", help="Also draw the graph to this .svg file.", parser=OutputFile(".svg")
        ),
    ] = None,
    as_json: JsonFlag = False,
    as_user: AsOption = None,
) -> None:
    """Sellers, domains, traders and respondents linked by what they share, in clusters."""
    from ipsentry.formats.files import atomic_text
    from ipsentry.reports.network_graph import network_svg
    from ipsentry.services.network import network_of, network_record

    ctx = context()
    found, _ = network_of(ctx.uow(), ctx.actor(as_user))
    if svg is not None:
        with atomic_text(svg) as handle:
            handle.write(network_svg(found))
    record = network_record(found)
    if as_json:
        print_json(record)
        return
    console.print(
        f"{len(record['actors'])} actors, {len(record['links'])} links, "
        f"{len(record['clusters'])} clusters",
        markup=False,
    )
    for number, cluster in enumerate(record["clusters"], start=1):
        console.print(f"cluster {number}: {', '.join(cluster['members'])}", markup=False)
        for reason in cluster["reasons"]:
            console.print(f"  {reason}", markup=False)
