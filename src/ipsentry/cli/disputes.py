"""``ipsentry disputes``: intake with a conflict check, mediation, outcomes, statistics."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.text import Text

from ipsentry.cli.accounts import AsOption, JsonOption
from ipsentry.cli.context import console, context, print_json
from ipsentry.cli.output import money
from ipsentry.cli.params import MAPPING, DateParser, InputFile, TextParser
from ipsentry.cli.tables import fitted_table, under
from ipsentry.domain.cases import CaseKind
from ipsentry.domain.disputes import (
    OUTCOME_NOTES_LIMIT,
    SESSION_NOTES_LIMIT,
    JudicialConfirmation,
    OutcomeKind,
)
from ipsentry.domain.mediation import Suitability, policy
from ipsentry.errors import InvalidInput, Problem
from ipsentry.formats.fields import with_suggestion
from ipsentry.formats.mappings import read_mapping
from ipsentry.services import disputes

app = typer.Typer(help="Disputes: intake, conflict check, mediation, outcomes, statistics.")

DisputeId = Annotated[int, typer.Argument(help="The dispute's id ('ipsentry disputes list').")]
OnOption = Annotated[date, typer.Option("--on", help="The day (YYYY-MM-DD).", parser=DateParser())]


@app.command()
def add(
    file: Annotated[
        Path,
        typer.Argument(
            help="JSON or YAML intake: title, claimant, respondent (name, aliases, identifiers), "
            "received_on, claims, rights (numbers of rights of yours or of an enterprise that "
            "engaged you, e.g. ['CN 60000001']), amount {amount, currency}, done_already, "
            "assignee, conflict_waiver.",
            parser=InputFile(*MAPPING),
        ),
    ],
    as_user: AsOption = None,
) -> None:
    """Take in a dispute after a conflict check against your other disputes."""
    ctx = context()
    intake = disputes.intake_from(read_mapping(file, "intake fields"), str(file))
    view = disputes.take_in(ctx.uow(), ctx.actor(as_user), intake)
    console.print(f"dispute {view.dispute.id} taken in", highlight=False)
    for c in view.conflicts:
        console.print(
            Text(
                f"  {'conflict' if c.certain else 'note'}: "
                f"{c.new_party} is the {c.role} in {c.matter} ({c.how})"
            )
        )


# The factors of the policy in force, named in --help (the data file is the one source).
_FACTORS = ", ".join(factor.key for factor in policy().factors)


@app.command()
def assess(
    dispute_id: DisputeId,
    yes: Annotated[
        list[str] | None, typer.Option("--yes", help=f"A factor that holds (repeat): {_FACTORS}.")
    ] = None,
    no: Annotated[
        list[str] | None, typer.Option("--no", help="A factor that does not hold (repeat).")
    ] = None,
    as_user: AsOption = None,
) -> None:
    """Assess whether the dispute suits mediation; every factor's effect is shown."""
    both = sorted(set(yes or []) & set(no or []))
    if both:
        raise InvalidInput(
            [Problem("command line", None, "--yes/--no", f"{both[0]} is given as both")]
        )
    known = [factor.key for factor in policy().factors]
    unknown = [
        Problem("command line", None, option, f"no factor {with_suggestion(key, known)}; "
                f"the factors are {_FACTORS}")
        for option, keys in (("--yes", yes or []), ("--no", no or []))
        for key in keys
        if key not in known
    ]  # fmt: skip
    if unknown:
        raise InvalidInput(unknown)
    ctx = context()
    _, result = disputes.assess(
        ctx.uow(),
        ctx.actor(as_user),
        dispute_id,
        {**dict.fromkeys(no or [], False), **dict.fromkeys(yes or [], True)},
    )
    table = fitted_table(
        f"dispute {dispute_id}: {result.verdict} (score {result.score})",
        ["factor", "holds", "effect"],
    )
    for r in result.readings:
        holds = "unknown" if r.present is None else ("yes" if r.present else "no")
        table.add_row(
            under(r.factor.key, r.factor.why["en"], markup=False), holds, f"{r.effect:+d}"
        )
    console.print(table)
    if result.blocked_by:
        console.print(Text(f"decided by: {result.blocked_by}"))


@app.command("override")
def override_(
    dispute_id: DisputeId,
    verdict: Annotated[Suitability, typer.Argument(help="Your decision.")],
    reason: Annotated[str, typer.Option(help="Why (kept with the assessment).")],
    as_user: AsOption = None,
) -> None:
    """Decide over the suitability assessment, with a reason."""
    ctx = context()
    disputes.override(ctx.uow(), ctx.actor(as_user), dispute_id, verdict, reason)
    console.print(f"dispute {dispute_id}: {verdict} (overridden)", highlight=False)


@app.command()
def mediate(dispute_id: DisputeId, as_user: AsOption = None) -> None:
    """Start mediation of an assessed dispute."""
    ctx = context()
    disputes.start_mediation(ctx.uow(), ctx.actor(as_user), dispute_id)
    console.print(f"dispute {dispute_id}: in mediation", highlight=False)


@app.command()
def session(
    dispute_id: DisputeId,
    on: OnOption,
    notes: Annotated[
        str,
        typer.Option(
            help=f"The session's record (privileged; up to {SESSION_NOTES_LIMIT} characters).",
            parser=TextParser(SESSION_NOTES_LIMIT),
        ),
    ] = "",
    disclose: Annotated[
        bool, typer.Option("--disclose", help="The parties agreed the record may be evidence.")
    ] = False,
    as_user: AsOption = None,
) -> None:
    """Record a mediation session."""
    ctx = context()
    disputes.add_session(
        ctx.uow(), ctx.actor(as_user), dispute_id, on, notes, disclosure_agreed=disclose
    )
    console.print(f"dispute {dispute_id}: session of {on} recorded", highlight=False)


@app.command()
def resolve(
    dispute_id: DisputeId,
    outcome: Annotated[OutcomeKind, typer.Argument(help="How it ended.")],
    on: OnOption,
    notes: Annotated[
        str,
        typer.Option(
            help=f"What was agreed or decided (up to {OUTCOME_NOTES_LIMIT} characters).",
            parser=TextParser(OUTCOME_NOTES_LIMIT),
        ),
    ] = "",
    as_user: AsOption = None,
) -> None:
    """Record the outcome (no_agreement refers the dispute on)."""
    ctx = context()
    view = disputes.resolve(ctx.uow(), ctx.actor(as_user), dispute_id, outcome, on, notes)
    console.print(f"dispute {dispute_id}: {view.dispute.status} ({outcome})", highlight=False)


@app.command()
def confirm(
    dispute_id: DisputeId,
    state: Annotated[JudicialConfirmation, typer.Argument(help="requested, confirmed or refused.")],
    as_user: AsOption = None,
) -> None:
    """Track the court's confirmation of a mediated agreement."""
    ctx = context()
    disputes.judicial_confirmation(ctx.uow(), ctx.actor(as_user), dispute_id, state)
    console.print(f"dispute {dispute_id}: judicial confirmation {state}", highlight=False)


@app.command()
def assign(
    dispute_id: DisputeId,
    provider: Annotated[
        str | None, typer.Option("--provider", help="E-mail of the lawyer to put in charge.")
    ] = None,
    mediator: Annotated[
        str | None, typer.Option("--mediator", help="E-mail of the mediator to put on it.")
    ] = None,
    as_user: AsOption = None,
    as_json: JsonOption = False,
) -> None:
    """Hand the dispute to another lawyer or mediator (the admin or the lawyer in charge)."""
    ctx = context()
    view = disputes.assign(
        ctx.uow(), ctx.actor(as_user), dispute_id, provider=provider, mediator=mediator
    )
    if as_json:
        print_json(view.to_json())
        return
    console.print(
        Text(
            f"dispute {dispute_id}: lawyer in charge {view.provider or '(none)'}, "
            f"mediator {view.mediator or '(none)'}"
        )
    )


@app.command()
def escalate(
    dispute_id: DisputeId,
    kind: Annotated[CaseKind, typer.Option(help="The enforcement case to open.")],
    forum: Annotated[str, typer.Option(help="Court or authority.")] = "",
    as_user: AsOption = None,
) -> None:
    """Refer the dispute to an enforcement case with the same parties and rights."""
    ctx = context()
    case = disputes.escalate(ctx.uow(), ctx.actor(as_user), dispute_id, kind, forum)
    console.print(f"dispute {dispute_id}: referred to case {case.id} ({kind})", highlight=False)


@app.command("list")
def list_(as_user: AsOption = None, as_json: JsonOption = False) -> None:
    """Disputes you may see (admins: all of your organisation's; others: those you are in
    charge of or mediate)."""
    ctx = context()
    rows = [v.to_json() for v in disputes.list_disputes(ctx.uow(), ctx.actor(as_user))]
    if as_json:
        print_json(rows)
        return
    table = fitted_table(f"{len(rows)} dispute(s)", ["id", "dispute", "status", "outcome"])
    for row in rows:
        parties = f"{row['claimant']} v {row['respondent']}, received {row['received_on']}"
        table.add_row(
            str(row["id"]),
            under(row["title"], parties, markup=False),
            row["status"],
            row["outcome"] or "",
        )
    console.print(table)


@app.command()
def show(dispute_id: DisputeId, as_user: AsOption = None, as_json: JsonOption = False) -> None:
    """One dispute: parties, rights, suitability with its factors, sessions, outcome."""
    ctx = context()
    data = disputes.show(ctx.uow(), ctx.actor(as_user), dispute_id).to_json()
    if as_json:
        print_json(data)
        return
    _print(data)


def _print(data: dict[str, Any]) -> None:
    head = Text(f"Dispute {data['id']}", style="bold")
    head.append(f": {data['title']} ({data['status']}) — marking: {data['marking']}")
    console.print(head)
    amount = (
        f"; amount {money(data['amount']['amount'], data['amount']['currency'])}"
        if data["amount"]
        else ""
    )
    console.print(
        Text(f"{data['claimant']} v {data['respondent']}, received {data['received_on']}{amount}")
    )
    console.print(
        Text(
            f"Lawyer in charge: {data['provider'] or '(none)'}; "
            f"mediator: {data['mediator'] or '(none)'}"
        )
    )
    for r in data["rights"]:
        console.print(Text(f"  right {r['number']} ({r['kind']}): {r['title']} — {r['owner']}"))
    if data["claims"]:
        console.print(Text(data["claims"]))
    suitability = data["suitability"]
    if suitability:
        override = suitability.get("override")
        decided = f"; overridden to {override['verdict']}: {override['reason']}" if override else ""
        console.print(
            Text(f"Mediation: {suitability['assessed']} (score {suitability['score']}){decided}")
        )
        for r in suitability["readings"]:
            if r["present"] is not None:
                holds = "yes" if r["present"] else "no"
                console.print(Text(f"  {r['factor']}: {holds} ({r['effect']:+d}) — {r['why']}"))
    for s in data["sessions"]:
        notes = s["notes"] if s["notes"] is not None else "[privileged: not shown to your role]"
        console.print(Text(f"  session {s['held_on']} ({s['mediator']}): {notes}"))
    if data["outcome"]:
        console.print(
            Text(
                f"Outcome: {data['outcome']} on {data['outcome_on']}; judicial confirmation "
                f"{data['judicial_confirmation']}"
            )
        )
        if data["outcome_notes"]:
            console.print(Text(f"  {data['outcome_notes']}"))
    if data["case_id"]:
        console.print(
            Text(f"Referred to enforcement case {data['case_id']} ('ipsentry cases show')")
        )


@app.command()
def stats(as_user: AsOption = None, as_json: JsonOption = False) -> None:
    """The programme's figures: disputes, how many mediated, how fast."""
    ctx = context()
    figures = disputes.statistics(ctx.uow(), ctx.actor(as_user))
    if as_json:
        print_json(figures.to_json())
        return
    share = "n/a" if figures.share_by_mediation is None else f"{figures.share_by_mediation:.0%}"
    days = (
        "n/a"
        if figures.median_days_to_resolution is None
        else f"{figures.median_days_to_resolution:g}"
    )
    console.print(
        f"{figures.total} disputes, {figures.open} open, {figures.resolved} resolved; "
        f"ended by mediation: {share}; median days to an outcome: {days}",
        highlight=False,
    )
