"""``ipsentry customs``: recordations, protection plans, declaration risk, detentions, seizures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Annotated

import typer

from ipsentry.cli.accounts import AsOption, JsonOption
from ipsentry.cli.cluster import SchedulerOption, WorkersOption, chosen_client
from ipsentry.cli.context import console, context, print_json
from ipsentry.cli.params import MAPPING, DateParser, InputFile, OutputFile
from ipsentry.cli.progress import progress_bar
from ipsentry.cli.tables import fitted_table, under
from ipsentry.domain.common import Money
from ipsentry.domain.customs import Basis, DetentionStatus, Finding, QueueStatus
from ipsentry.errors import InvalidInput, Problem
from ipsentry.formats.mappings import read_mapping
from ipsentry.formats.tabular import FORMATS
from ipsentry.services import customs, customs_records, customs_risk, detentions

app = typer.Typer(help="Customs: recordations, protection plans, declaration risk, detentions.")
recordations_app = typer.Typer(help="Rights recorded with customs, with identification guides.")
detentions_app = typer.Typer(help="Detentions: deadlines per jurisdiction, steps to an outcome.")
plans_app = typer.Typer(help="Protection plans agreed with a customs office.")
app.add_typer(recordations_app, name="recordations")
app.add_typer(detentions_app, name="detentions")
app.add_typer(plans_app, name="plans")

OnOption = Annotated[
    date | None, typer.Option("--on", help="The day (YYYY-MM-DD; today).", parser=DateParser())
]


def _money(text: str | None, option: str) -> Money | None:
    """'1000 CNY' as money; None when not given."""
    if not text:
        return None
    amount, _, currency = text.strip().partition(" ")
    try:
        return Money(Decimal(amount.replace(",", "")), currency.strip().upper())
    except (InvalidOperation, ValueError):
        problem = f"{text!r}: write an amount and a currency, e.g. '100000 CNY'"
        raise InvalidInput([Problem("command line", None, option, problem)]) from None


def _day(on: date | None) -> date:
    return on or date.today()


# --- recordations -------------------------------------------------------------------------
@recordations_app.command("list")
def recordations_list(as_user: AsOption = None, as_json: JsonOption = False) -> None:
    """Recordations you may see (customs officers: those shared with and recorded at yours)."""
    ctx = context()
    rows = [v.to_json() for v in customs.recordations(ctx.uow(), ctx.actor(as_user))]
    if as_json:
        print_json(rows)
        return
    table = fitted_table(f"{len(rows)} recordation(s)", ["id", "recordation", "right", "valid"])
    for r in rows:
        goods = f"{r['goods']} ({r['coverage'].replace('_', ' ')})"
        renewal = f"renew by {r['renewal'][0]['due']}" if r["renewal"] else ""
        table.add_row(
            str(r["id"]),
            under(f"{r['authority']} {r['number']}", goods, markup=False),
            under(r["right"], r["right_number"], markup=False),
            under(f"{r['valid_from'] or '?'} to {r['valid_until'] or '?'}", renewal, markup=False),
        )
    console.print(table)


@recordations_app.command("show")
def recordations_show(
    recordation_id: Annotated[int, typer.Argument(help="Its id ('customs recordations list').")],
    as_user: AsOption = None,
    as_json: JsonOption = False,
) -> None:
    """One recordation with its identification guide: features, traders, routes, prices."""
    ctx = context()
    data = customs.recordation(ctx.uow(), ctx.actor(as_user), recordation_id).to_json()
    if as_json:
        print_json(data)
        return
    guide = data["guide"]
    console.print(f"{data['authority']} {data['number']}: {data['right']} ({data['right_number']})",
                  highlight=False, markup=False)  # fmt: skip
    lines = [
        ("goods", f"{data['goods']} [{data['coverage']}]"),
        ("valid", f"{data['valid_from']} to {data['valid_until']}"),
        ("contact", data["contact_point"]),
        ("features", "; ".join(guide["features"]) or data["identification_guide"]),
        ("packaging", guide["packaging"]),
        ("labels", guide["labels"]),
        ("serial numbers", guide["serial_format"]),
        ("HS codes", ", ".join(guide["hs_codes"])),
        ("authorised", "; ".join(f"{p['name']} ({p['role']})" for p in guide["authorised"])),
        ("routes", "; ".join(f"{r['origin']} -> {r['destination']} {r['port']}".strip()
                             for r in guide["routes"])),
        ("genuine prices", "; ".join(f"{p['product']} {p['amount']} {p['currency']}/{p['unit']}"
                                     for p in guide["prices"])),
    ]  # fmt: skip
    for label, value in lines:
        if value:
            console.print(f"  {label}: {value}", highlight=False, markup=False)
    for renewal in data["renewal"]:
        console.print(f"  renewal: {renewal['due']} ({renewal['rule']})", highlight=False)


def _given(**options: object) -> dict[str, object]:
    """The options given on the command line, as the service's fields (an empty text
    clears a field; an option left out keeps it)."""
    return {name: value for name, value in options.items() if value is not None}


Text = Annotated[str | None, typer.Option(help="Text ('' clears it).")]
Day = Annotated[str | None, typer.Option(help="YYYY-MM-DD ('' clears it).", metavar="DATE")]
Many = Annotated[list[str] | None, typer.Option(help="Repeat for each; replaces the list.")]


@recordations_app.command("save")
def recordations_save(
    recordation_id: Annotated[
        int | None, typer.Argument(help="A recordation to change; none: record a new one.")
    ] = None,
    right: Annotated[
        str | None, typer.Option(help="The right recorded: id or number ('CN 20000001').")
    ] = None,
    authority: Annotated[str | None, typer.Option(help="CN-GACC, US-CBP, EU or OTHER.")] = None,
    number: Annotated[str | None, typer.Option(help="The authority's recordation number.")] = None,
    goods: Text = None,
    coverage: Annotated[
        str | None, typer.Option(help="imports, exports or imports_and_exports.")
    ] = None,
    contact_point: Text = None,
    valid_from: Day = None,
    valid_until: Day = None,
    identification_guide: Text = None,
    as_user: AsOption = None,
    as_json: JsonOption = False,
) -> None:
    """Record one of your rights with a customs authority (--right, --authority and --number
    needed), or change the options given of recordation ID; the guide: 'recordations guide'."""
    fields = _given(right=right, authority=authority, number=number, goods=goods,
                    coverage=coverage, contact_point=contact_point, valid_from=valid_from,
                    valid_until=valid_until, identification_guide=identification_guide)  # fmt: skip
    ctx = context()
    view = customs_records.save_recordation(ctx.uow(), ctx.actor(as_user), fields,
                                            recordation_id=recordation_id,
                                            source="command line")  # fmt: skip
    _saved(view.to_json(), "recordation", as_json)


@recordations_app.command("guide")
def recordations_guide(
    recordation_id: Annotated[int, typer.Argument(help="Its id ('customs recordations list').")],
    guide: Annotated[
        Path,
        typer.Argument(
            help="The guide as JSON or YAML (the 'guide' of 'show --json').",
            parser=InputFile(*MAPPING),
        ),
    ],
    as_user: AsOption = None,
    as_json: JsonOption = False,
) -> None:
    """Replace a recordation's identification guide from a JSON or YAML file."""
    raw = read_mapping(guide, "identification guide fields")
    ctx = context()
    view = customs.set_guide(ctx.uow(), ctx.actor(as_user), recordation_id, raw, str(guide))
    _saved(view.to_json(), "recordation", as_json)


def _saved(data: dict[str, object], what: str, as_json: bool) -> None:
    if as_json:
        print_json(data)
        return
    label = data.get("title") or f"{data.get('authority')} {data.get('number')}"
    console.print(f"{what} {data['id']} saved: {label}", highlight=False, markup=False)


# --- plans --------------------------------------------------------------------------------
@plans_app.command("list")
def plans_list(as_user: AsOption = None, as_json: JsonOption = False) -> None:
    """Protection plans with their activity: alerts, detentions, confirmations, seizures."""
    ctx = context()
    rows = [v.to_json() for v in customs.plans(ctx.uow(), ctx.actor(as_user))]
    if as_json:
        print_json(rows)
        return
    table = fitted_table(f"{len(rows)} plan(s)", ["id", "plan", "watch", "activity"])
    for r in rows:
        period = f"{r['starts_on'] or '?'} to {r['ends_on'] or '?'}, {r['customs_office']}"
        watch = ", ".join(r["ports"]) + "; " + ", ".join(r["product_lines"])
        activity = ", ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in r["activity"].items())
        table.add_row(str(r["id"]), under(r["title"], period, markup=False), watch, activity)
    console.print(table)


@plans_app.command("save")
def plans_save(
    plan_id: Annotated[
        int | None, typer.Argument(help="A plan to change; none: agree a new one.")
    ] = None,
    title: Text = None,
    customs_office: Annotated[
        str | None, typer.Option("--customs", help="The customs organisation (slug).")
    ] = None,
    port: Many = None,
    route: Many = None,
    product_line: Many = None,
    starts_on: Day = None,
    ends_on: Day = None,
    holder_contact: Text = None,
    customs_contact: Text = None,
    training: Text = None,
    recordation: Annotated[
        list[str] | None,
        typer.Option(help="A recordation it covers (number or id); repeat; replaces the list."),
    ] = None,
    as_user: AsOption = None,
    as_json: JsonOption = False,
) -> None:
    """Agree a protection plan with a customs office (--title and --customs needed): ports,
    routes, product lines, period; or change the options given of plan ID."""
    fields = _given(title=title, customs=customs_office, ports=port, routes=route,
                    product_lines=product_line, starts_on=starts_on, ends_on=ends_on,
                    holder_contact=holder_contact, customs_contact=customs_contact,
                    training=training, recordations=recordation)  # fmt: skip
    ctx = context()
    view = customs_records.save_plan(ctx.uow(), ctx.actor(as_user), fields, plan_id=plan_id,
                                     source="command line")  # fmt: skip
    _saved(view.to_json(), "plan", as_json)


# --- declaration risk ---------------------------------------------------------------------
@app.command()
def score(
    declarations: Annotated[
        Path,
        typer.Argument(
            help="Declarations (CSV, XLSX, JSON, JSONL) with the columns direction, declarant, "
            "consignor, consignee, origin, destination, port, hs_code, hs_edition, brand, "
            "description, quantity, unit_value, currency (address optional).",
            parser=InputFile(*FORMATS),
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write the rows with risk, level and reasons (CSV).",
                     parser=OutputFile(".csv")),
    ] = None,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
    as_user: AsOption = None,
    as_json: JsonOption = False,
) -> None:  # fmt: skip
    """Score declarations against what is recorded with customs; a customs office keeps them
    in its targeting queue. Bad rows are all reported (file:row: field: problem)."""
    ctx = context()
    with progress_bar("scoring declarations") as bar, chosen_client(workers, scheduler) as client:
        result = customs_risk.score_file(
            ctx.uow(), ctx.actor(as_user), declarations, out=out, progress=bar.update,
            client=client,
        )  # fmt: skip
    if as_json:
        rows = [{"row": d.key, "risk": r.risk, "level": r.level, "reasons": r.reasons_text()}
                for d, r in result.risks]  # fmt: skip
        print_json(rows)
        return
    console.print(
        f"{result.rows} declaration(s) scored: {result.high} high, {result.medium} medium"
        + (f"; {result.stored} added to the targeting queue" if result.stored else "")
        + (f"; {result.rescored} already in it, scored again" if result.rescored else "")
        + (f"; written to {out}" if out else ""),
        highlight=False,
    )


@app.command()
def queue(
    limit: Annotated[int, typer.Option(help="How many.", min=1)] = 20,
    status: Annotated[QueueStatus | None, typer.Option(help="Only these (all when not given).")]
    = QueueStatus.QUEUED,
    as_user: AsOption = None,
    as_json: JsonOption = False,
) -> None:  # fmt: skip
    """The targeting queue: scored declarations, riskiest first (customs officers)."""
    ctx = context()
    found = customs_risk.queue(ctx.uow(), ctx.actor(as_user), status=status, limit=limit)
    rows = [customs_risk.declaration_json(d) for d in found]
    if as_json:
        print_json(rows)
        return
    table = fitted_table(f"{len(rows)} declaration(s)", ["id", "risk", "declaration", "reasons"])
    for r in rows:
        what = f"{r['direction']} {r['origin']}->{r['destination']} {r['port']}, HS {r['hs_code']}"
        reasons = "; ".join(f"{x['key'].replace('_', ' ')} [{x['weight'] * x['strength']:.2f}]"
                            for x in r["reasons"] if x["weight"])  # fmt: skip
        table.add_row(
            str(r["id"]),
            f"{r['risk']:.2f} {r['level']}",
            under(f"{r['brand']} {r['description']}", what, markup=False),
            reasons,
        )
    console.print(table)


# --- detentions ---------------------------------------------------------------------------
@detentions_app.command("list")
def detentions_list(as_user: AsOption = None, as_json: JsonOption = False) -> None:
    """Detentions with their next deadline and the steps their procedure allows."""
    ctx = context()
    rows = [v.to_json() for v in customs.detentions(ctx.uow(), ctx.actor(as_user))]
    if as_json:
        print_json(rows)
        return
    table = fitted_table(f"{len(rows)} detention(s)", ["id", "detention", "status", "next"])
    for r in rows:
        goods = f"{r['quantity']:,} x {r['goods']}"
        where = f"{r['procedure']}, detained {r['detained_on']} {r['port']}".strip()
        due = r["deadlines"][0] if r["deadlines"] else None
        upcoming = f"{due['title']} by {due['due']}" if due else ""
        table.add_row(
            str(r["id"]),
            under(goods, where, markup=False),
            r["status"],
            under(upcoming, "then: " + (", ".join(r["next_steps"]) or "closed"), markup=False),
        )
    console.print(table)


@detentions_app.command("show")
def detentions_show(
    detention_id: Annotated[int, typer.Argument(help="Its id ('customs detentions list').")],
    as_user: AsOption = None,
    as_json: JsonOption = False,
) -> None:
    """One detention: every period with its due date, source and derivation."""
    ctx = context()
    view = customs.detention(ctx.uow(), ctx.actor(as_user), detention_id).to_json()
    if as_json:
        print_json(view)
        return
    console.print(f"detention {view['id']} ({view['procedure']}): {view['status']}",
                  highlight=False)  # fmt: skip
    console.print(f"  {view['quantity']:,} x {view['goods']}", highlight=False, markup=False)
    for d in view["deadlines"]:
        console.print(f"  {d['due']}  {d['title']} - {d['source']}", highlight=False, markup=False)
        console.print(f"      {d['derivation']}", highlight=False, markup=False)
    console.print(f"  next steps: {', '.join(view['next_steps']) or 'none (closed)'}")


@detentions_app.command("detain")
def detentions_detain(
    declaration_id: Annotated[int, typer.Argument(help="Declaration ('customs queue').")],
    recordation_id: Annotated[int, typer.Option("--recordation", help="The recorded right.")],
    on: OnOption = None,
    quantity: Annotated[int | None, typer.Option(help="Items held (as declared).")] = None,
    value: Annotated[str | None, typer.Option(help="Goods' value, e.g. '264000 CNY'.")] = None,
    basis: Annotated[Basis, typer.Option(help="Ex officio or on the holder's application.")]
    = Basis.EX_OFFICIO,
    member_state: Annotated[str, typer.Option(help="EU: the member state of your office.")] = "",
    perishable: Annotated[bool, typer.Option(help="EU: perishable goods (3 working days).")]
    = False,
    small_consignment: Annotated[bool, typer.Option(help="EU: small-consignment procedure.")]
    = False,
    as_user: AsOption = None,
) -> None:  # fmt: skip
    """Detain a declaration's goods for a recorded right (customs officers)."""
    ctx = context()
    request = detentions.DetainRequest(
        declaration_id, recordation_id, _day(on), quantity, _money(value, "--value"), basis,
        member_state, perishable, small_consignment,
    )  # fmt: skip
    view = detentions.detain(ctx.uow(), ctx.actor(as_user), request)
    console.print(f"detention {view.detention.id} recorded ({view.procedure})", highlight=False)


@detentions_app.command("step")
def detentions_step(
    detention_id: Annotated[int, typer.Argument(help="Its id ('customs detentions list').")],
    to: Annotated[DetentionStatus, typer.Argument(help="The step to take.")],
    on: OnOption = None,
    security: Annotated[str | None, typer.Option(help="Security posted, e.g. '100000 CNY'.")]
    = None,
    finding: Annotated[Finding | None, typer.Option(help="What the goods bear.")] = None,
    note: Annotated[str, typer.Option(help="A note kept with the step.")] = "",
    outbox: Annotated[
        str | None, typer.Option(metavar="FOLDER", help="Folder for the notice e-mail.")
    ] = None,
    as_user: AsOption = None,
) -> None:  # fmt: skip
    """Take one step: notified, confirmed (the rights holder, with security in China),
    seized, destroyed, released or handed_over; a step the procedure does not allow, or a
    confirmation after its deadline, is refused."""
    ctx = context()
    folder = Path(outbox) if outbox else None
    step = detentions.Step(to, _day(on), _money(security, "--security"), finding, note, folder)
    view = detentions.take_step(ctx.uow(), ctx.actor(as_user), detention_id, step)
    console.print(f"detention {detention_id} is now {view.detention.status.value}",
                  highlight=False)  # fmt: skip


@app.command()
def stats(as_user: AsOption = None, as_json: JsonOption = False) -> None:
    """Items seized by month, port, right, direction and authority."""
    ctx = context()
    data = customs.seizure_statistics(ctx.uow(), ctx.actor(as_user)).to_json()
    if as_json:
        print_json(data)
        return
    console.print(f"{data['total']:,} items seized in {data['batches']} batch(es)", highlight=False)
    for key in ("by_month", "by_port", "by_right", "by_direction", "by_authority"):
        table = fitted_table(key.replace("_", " "), ["", "items"])
        for label, count in data[key].items():
            table.add_row(label, f"{count:,}")
        console.print(table)
