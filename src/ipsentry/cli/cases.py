"""``ipsentry cases``: enforcement cases — ITC notices read, the evidence locker."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from ipsentry.cli import case_records, takedowns
from ipsentry.cli.accounts import AsOption
from ipsentry.cli.context import console, context, print_json
from ipsentry.cli.output import money
from ipsentry.cli.params import BinaryFile, InputFile, MomentParser, OutputFile
from ipsentry.domain.common import Confidentiality
from ipsentry.domain.evidence import EvidenceKind
from ipsentry.domain.exhibits import Bates
from ipsentry.services import binders, case_notices, case_views, evidence
from ipsentry.services.evidence import Capture
from ipsentry.services.notices import read_notice

app = typer.Typer(help="Enforcement cases: USITC Section 337 notices, the evidence locker.")
case_records.register(app)
app.add_typer(takedowns.app, name="takedown")

NOTICE_FORMATS = (".txt", ".text", ".html", ".htm", ".xhtml", "")


def _show(notice: dict[str, Any]) -> None:
    console.print(f"[bold]{notice['investigation'] or '(no number)'}[/bold] {notice['title']}")
    console.print(f"kind: {notice['notice_kind'].replace('_', ' ')}  ({notice['doc_type']})")
    if notice["fr_citation"]:
        published = notice["date_published"] or "date unknown"
        console.print(f"published: {notice['fr_citation']} ({published})")
    for role in ("complainants", "respondents"):
        if notice[role]:
            table = Table(title=f"{role} ({len(notice[role])})")
            table.add_column("name")
            table.add_column("location")
            for party in notice[role]:
                table.add_row(party["name"], party["location"] or "—")
            console.print(table)
    for key in ("asserted_patents", "asserted_marks", "remedies", "remedies_requested"):
        if notice[key]:
            console.print(f"{key.replace('_', ' ')}: {', '.join(notice[key])}")
    if notice["dispositions"]:
        table = Table(title="dispositions")
        for column in ("respondent", "disposition", "date"):
            table.add_column(column)
        for d in notice["dispositions"]:
            table.add_row(d["respondent"], d["disposition"].replace("_", " "), d["date"] or "—")
        console.print(table)
    if notice["bond"]:
        console.print(f"bond: {notice['bond']}")
    console.print("[dim]Only what the text states; a partial text gives a partial reading.[/dim]")


@app.command("parse-notice")
def parse_notice(
    file: Annotated[
        Path,
        typer.Argument(
            help="Plain text (or a saved web page) of a Federal Register notice or a USITC "
            "news release about a Section 337 investigation.",
            parser=InputFile(*NOTICE_FORMATS),
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the reading as JSON.")] = False,
) -> None:
    """Read a 337 notice: investigation, parties, rights, dispositions and remedies."""
    notice = read_notice(file)
    if as_json:
        print_json(notice)
    else:
        _show(notice)


@app.command("list")
def list_cases(
    as_json: Annotated[bool, typer.Option("--json", help="Print the cases as JSON.")] = False,
    as_user: AsOption = None,
) -> None:
    """The cases you may see, with how many respondents are resolved (from the record)."""
    ctx = context()
    rows = case_views.list_cases(ctx.uow(), ctx.actor(as_user))
    if as_json:
        print_json(rows)
        return
    table = Table(title=f"cases ({len(rows)})")
    for column in ("id", "number", "kind", "title", "status", "resolved"):
        table.add_column(column)
    for r in rows:
        resolved = f"{r['resolved']} of {r['respondents']}" if r["respondents"] else "—"
        number = r["number"] or "—"
        table.add_row(str(r["id"]), number, r["kind"], r["title"], r["status"], resolved)
    console.print(table)


@app.command("show")
def show_case(
    reference: Annotated[str, typer.Argument(help="The case's number (e.g. 337-TA-1286) or id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the case as JSON.")] = False,
    as_user: AsOption = None,
) -> None:
    """One case: parties, each respondent's disposition per right with sources, remedies."""
    ctx = context()
    case = case_views.show_case(ctx.uow(), ctx.actor(as_user), reference)
    if as_json:
        print_json(case)
        return
    console.print(
        f"[bold]{case['number']}[/bold] {case['title']} ({case['kind']}, {case['status']})"
    )
    side = f"{case['side']}, served {case['served_on']}" if case["served_on"] else case["side"]
    console.print(f"side: {side}", markup=False)
    if case["asserted_rights"]:
        console.print(f"asserted rights: {', '.join(case['asserted_rights'])}", markup=False)
    for party in case["parties"]:
        if not party["state"]:  # the parties whose dispositions are not tracked
            console.print(f"{party['role']}: {party['name']}", markup=False)
    if case["respondents"]:
        _dispositions(case)
    for remedy in case["remedies"]:
        against = f" against {remedy['against']}" if remedy["against"] else ""
        console.print(f"remedy: {remedy['kind']}{against} ({remedy['source']})", markup=False)
    for kind, by_currency in case["amounts"].items():
        shown = ", ".join(money(a, c) for c, a in by_currency.items())
        console.print(f"{kind}: {shown}", markup=False)
    for event in case["events"]:
        console.print(f"{event['on']}  {event['title']}", markup=False)
    for deadline in case["deadlines"]:
        console.print(
            f"due {deadline['due']} ({deadline['state']}): {deadline['title']} — "
            f"{deadline['derivation']}",
            markup=False,
        )
    _schedule(case)


def _dispositions(case: dict[str, Any]) -> None:
    """Each respondent's or defendant's disposition, per right where they differ."""
    console.print(
        f"respondents resolved: {case['resolved']} of {case['respondents']}", markup=False
    )
    table = Table(title="respondent × right (one entry when every right stands alike)")
    table.add_column("respondent")
    table.add_column("disposition")
    for party in case["parties"]:
        if not party["state"]:
            continue
        states = {right: state.replace("_", " ") for right, state in party["state"].items()}
        alike = len(set(states.values())) == 1
        shown = (
            next(iter(states.values()))
            if alike
            else "; ".join(
                f"{right}: {state}"
                for right, state in states.items()
                if right in case["asserted_rights"]
            )
        )
        table.add_row(party["name"], shown)
    console.print(table)


def _schedule(case: dict[str, Any]) -> None:
    """Per defendant: its accounts and amounts (the 'Schedule A' of a marketplace suit)."""
    rows = [p for p in case["parties"] if p["state"] and (p["identifiers"] or p["amounts"])]
    if not rows:
        return
    table = Table(title="defendants: accounts and amounts")
    for column in ("defendant", "accounts", "amounts"):
        table.add_column(column)
    for party in rows:
        accounts = "; ".join(f"{i['kind']} {i['value']}" for i in party["identifiers"])
        amounts = "; ".join(
            f"{kind} {c} {a}" for kind, v in party["amounts"].items() for c, a in v.items()
        )
        table.add_row(party["name"], accounts or "—", amounts or "—")
    console.print(table)


@app.command("import-notice")
def import_notice(
    file: Annotated[
        Path,
        typer.Argument(
            help="A 337 notice (plain text or saved page): an institution notice creates the "
            "case, a later one updates it.",
            parser=InputFile(*NOTICE_FORMATS),
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print what changed as JSON.")] = False,
    as_user: AsOption = None,
) -> None:
    """Create or update an ITC case from a notice; refuse moves the investigation forbids."""
    ctx = context()
    result = case_notices.import_notice(ctx.uow(), ctx.actor(as_user), file, date.today())
    if as_json:
        print_json(result)
        return
    verb = "created" if result["created"] else "updated"
    console.print(f"case {result['case']} {verb}: {len(result['changes'])} change(s)")
    for change in result["changes"]:
        console.print(f"  {change}", markup=False)


evidence_app = typer.Typer(help="The evidence locker: captures with hashes and custody.")
app.add_typer(evidence_app, name="evidence")


@evidence_app.command("add")
def evidence_add(
    file: Annotated[
        Path,
        typer.Argument(
            help="What was captured: a saved page (.html, archived as WARC), a screenshot, "
            "a photo or a report.",
            parser=BinaryFile(),
        ),
    ],
    title: Annotated[str, typer.Option("--title", help="What the item shows.")],
    kind: Annotated[
        EvidenceKind, typer.Option("--kind", help="What kind of item it is.")
    ] = EvidenceKind.PAGE,
    url: Annotated[str, typer.Option("--url", help="The address the page was seen at.")] = "",
    captured_by: Annotated[
        str, typer.Option("--captured-by", help="Who captured it (default: you).")
    ] = "",
    captured_at: Annotated[
        datetime | None,
        typer.Option("--captured-at", help="When (default: now).", parser=MomentParser()),
    ] = None,
    locale: Annotated[str, typer.Option("--locale", help="Locale seen, e.g. en-US.")] = "",
    ship_to: Annotated[str, typer.Option("--ship-to", help="Ship-to country, e.g. US.")] = "",
    price: Annotated[str, typer.Option("--price", help="Price shown, e.g. 12.99.")] = "",
    currency: Annotated[str, typer.Option("--currency", help="ISO 4217 code, e.g. USD.")] = "",
    seller: Annotated[str, typer.Option("--seller", help="The seller's id on the site.")] = "",
    case: Annotated[str, typer.Option("--case", help="Case number to file it under.")] = "",
    marking: Annotated[
        Confidentiality, typer.Option("--marking", help="Confidentiality marking.")
    ] = Confidentiality.CONFIDENTIAL,
    as_json: Annotated[bool, typer.Option("--json", help="Print the item as JSON.")] = False,
    as_user: AsOption = None,
) -> None:
    """Capture an item into the locker with its SHA-256; its custody chain starts here."""
    ctx = context()
    capture = Capture(
        path=file,
        kind=kind,
        title=title,
        captured_by=captured_by,
        captured_at=captured_at,
        source_url=url,
        locale=locale,
        ship_to=ship_to,
        price=price,
        currency=currency,
        seller_id=seller,
        case_number=case,
        confidentiality=marking,
    )
    row = evidence.add_evidence(ctx.uow(), ctx.actor(as_user), capture)
    if as_json:
        print_json(row)
    else:
        console.print(f"evidence {row['id']}: {row['title']} ({row['media_type']})")
        console.print(
            f"sha256 {row['sha256']}, captured {row['captured_at']} by {row['captured_by']}"
        )


@evidence_app.command("list")
def evidence_list(
    as_json: Annotated[bool, typer.Option("--json", help="Print the items as JSON.")] = False,
    as_user: AsOption = None,
) -> None:
    """The items in the locker you may see."""
    ctx = context()
    rows = evidence.list_evidence(ctx.uow(), ctx.actor(as_user))
    if as_json:
        print_json(rows)
        return
    table = Table(title=f"evidence ({len(rows)})")
    for column in ("id", "kind", "title", "captured", "by", "price", "sha256"):
        table.add_column(column)
    for r in rows:
        shown = money(r["price"]["amount"], r["price"]["currency"]) if r["price"] else "—"
        table.add_row(
            str(r["id"]), r["kind"], r["title"], r["captured_at"], r["captured_by"], shown,
            r["sha256"][:16] + "…",
        )  # fmt: skip
    console.print(table)


@evidence_app.command("custody")
def evidence_custody(
    item: Annotated[int, typer.Argument(help="The evidence item's id.")],
    holder: Annotated[str, typer.Option("--holder", help="Who holds it now.")],
    action: Annotated[str, typer.Option("--action", help="What was done, e.g. teardown.")],
    at: Annotated[
        datetime | None, typer.Option("--at", help="When (default: now).", parser=MomentParser())
    ] = None,
    note: Annotated[str, typer.Option("--note", help="Anything worth recording.")] = "",
    element: Annotated[
        list[str] | None,
        typer.Option("--element", help="A claim element this step bears on (repeat)."),
    ] = None,
    document: Annotated[
        Path | None,
        typer.Option("--document", help="A report made at this step.", parser=BinaryFile()),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the entry as JSON.")] = False,
    as_user: AsOption = None,
) -> None:
    """Add the next link of an item's chain of custody."""
    ctx = context()
    step = evidence.Handover(holder, action, at, note, tuple(element or ()), document)
    entry = evidence.record_custody(ctx.uow(), ctx.actor(as_user), item, step)
    if as_json:
        print_json(entry)
    else:
        console.print(
            f"evidence {item}: custody entry {entry['sequence']} ({entry['action']}, "
            f"{entry['holder']}, {entry['at']}) hash {entry['entry_hash'][:16]}…"
        )


@evidence_app.command("verify")
def evidence_verify(
    item: Annotated[int | None, typer.Argument(help="One item's id (default: every item).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
    as_user: AsOption = None,
) -> None:
    """Re-hash every item's bytes and re-check its custody chain; exit 1 if any is broken."""
    ctx = context()
    results = evidence.verify_evidence(ctx.uow(), ctx.actor(as_user), item)
    if as_json:
        print_json(results)
    else:
        for r in results:
            verdict = "intact" if not r["problem"] else f"BROKEN: {r['problem']}"
            console.print(f"evidence {r['id']} ({r['title']}): {verdict}")
        console.print(f"{len(results)} item(s) checked")
    if any(r["problem"] for r in results):
        raise typer.Exit(1)


@evidence_app.command("binder")
def evidence_binder(
    out: Annotated[
        Path, typer.Option("--out", help="The PDF to write.", parser=OutputFile(".pdf"))
    ],
    item: Annotated[
        list[int] | None,
        typer.Option("--item", help="An evidence item to include (repeat; default: all)."),
    ] = None,
    title: Annotated[str, typer.Option("--title", help="The binder's title.")] = "Exhibits",
    prefix: Annotated[str, typer.Option("--prefix", help="Bates prefix, e.g. ACME.")] = "EX",
    start: Annotated[int, typer.Option("--start", help="First Bates number.")] = 1,
    width: Annotated[int, typer.Option("--width", help="Digits of a Bates number.")] = 6,
    as_json: Annotated[bool, typer.Option("--json", help="Print the index as JSON.")] = False,
    as_user: AsOption = None,
) -> None:
    """A numbered exhibit binder (PDF): an index page, then each exhibit Bates-stamped."""
    ctx = context()
    index = binders.make_binder(
        ctx.uow(),
        ctx.actor(as_user),
        out,
        title=title,
        bates=Bates(prefix, start, width),
        item_ids=item,
    )
    if as_json:
        print_json(index)
        return
    for e in index["exhibits"]:
        console.print(f"Exhibit {e['number']}: {e['bates']}  {e['title']}")
    console.print(f"{out}: {len(index['exhibits'])} exhibit(s), marked {index['marking']}")
