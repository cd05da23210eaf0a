"""``ipsentry health``: IP health checks — questionnaire, diagnosis, plan and re-check."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.text import Text

from ipsentry.cli.accounts import AsOption, JsonOption
from ipsentry.cli.context import console, context, print_json
from ipsentry.cli.output import CONFIRM_OPTION, asking_confirmation
from ipsentry.cli.params import MAPPING, DateParser, IndexFolder, InputFile, OutputFile
from ipsentry.cli.tables import fitted_table, styled, under
from ipsentry.domain.health import ActionStatus
from ipsentry.domain.outreach import EventKind, OutreachEvent, OutreachKind
from ipsentry.domain.questionnaire import LANGUAGES
from ipsentry.errors import InvalidInput, Problem, echoed
from ipsentry.formats.mappings import read_mapping
from ipsentry.reports.health_report import LABELS
from ipsentry.services import health_checks

app = typer.Typer(help="IP health checks: questionnaire, diagnosis, remediation plan, re-check.")

AssessmentId = Annotated[
    int, typer.Argument(help="The health check's id ('ipsentry health list').")
]
LangOption = Annotated[
    str, typer.Option("--lang", help=f"Language of titles and questions: {', '.join(LANGUAGES)}.")
]


def _lang(lang: str) -> str:
    if lang not in LANGUAGES:
        message = f"{echoed(lang)} is not one of {', '.join(LANGUAGES)}"
        raise InvalidInput([Problem("command line", None, "--lang", message)])
    return lang


@app.command()
def start(
    enterprise: Annotated[
        str | None,
        typer.Option(
            help="Slug of the enterprise (a provider's client, 'ipsentry health enterprises'); "
            "default your own."
        ),
    ] = None,
    assign: Annotated[
        str | None, typer.Option(help="Email of the colleague in charge (default you).")
    ] = None,
    recheck: Annotated[
        bool, typer.Option("--recheck", help="Re-check: compare with the last diagnosed one.")
    ] = False,
    as_user: AsOption = None,
) -> None:
    """Open a health check; answer it with 'ipsentry health answer'."""
    ctx = context()
    assessment = health_checks.start(
        ctx.uow(),
        ctx.actor(as_user),
        enterprise=enterprise,
        assignee=assign,
        recheck_previous=recheck,
    )
    console.print(f"health check {assessment.id} started", highlight=False)


@app.command()
def enterprises(as_user: AsOption = None, as_json: JsonOption = False) -> None:
    """Enterprises that engaged your organisation: whom you may check ('health start')."""
    ctx = context()
    rows = [
        {"slug": slug, "name": name}
        for slug, name in health_checks.enterprises_served(ctx.uow(), ctx.actor(as_user))
    ]
    if as_json:
        print_json(rows)
        return
    if not rows:
        console.print(
            Text(
                "No enterprise has engaged your organisation. A legal-service provider checks "
                "the enterprises that engaged it; an enterprise runs a self-check with "
                "'ipsentry health start'."
            )
        )
        return
    table = fitted_table(f"{len(rows)} enterprise(s) that engaged you", ["slug", "name"])
    for row in rows:
        table.add_row(row["slug"], row["name"])
    console.print(table)


@app.command()
def questions(
    assessment_id: AssessmentId,
    lang: LangOption = "en",
    everything: Annotated[bool, typer.Option("--all", help="Also those already answered.")] = False,
    as_user: AsOption = None,
    as_json: JsonOption = False,
) -> None:
    """The questions still to answer (follow-ups appear once their trigger is answered)."""
    lang = _lang(lang)
    ctx = context()
    view = health_checks.show(ctx.uow(), ctx.actor(as_user), assessment_id)
    answers = view.assessment.answers
    asked = view.check.questionnaire.asked(answers)
    shown = [q for q in asked if everything or q.id not in answers]
    rows: list[dict[str, Any]] = [
        {
            "id": q.id,
            "section": q.section,
            "type": q.type.value,
            "question": view.text(q.text, lang),
            "help": view.text(q.help, lang) if q.help else "",
            "unit": view.text(q.unit, lang) if q.unit else "",
            "choices": list(q.choices),
            "answer": answers.get(q.id),
        }
        for q in shown
    ]
    if as_json:
        print_json(rows)
        return
    table = fitted_table(
        f"{len(rows)} question(s) of health check {assessment_id}",
        ["id", "question", "answer with"],
    )
    for row in rows:
        detail = row["help"]
        given = "" if row["answer"] is None else f"answered: {row['answer']}"
        table.add_row(
            row["id"],
            under(row["question"], " ".join(x for x in (detail, given) if x), markup=False),
            ", ".join(row["choices"])
            or (f"{row['type']} ({row['unit']})" if row["unit"] else row["type"]),
        )
    console.print(table)


@app.command()
def answer(
    assessment_id: AssessmentId,
    file: Annotated[
        Path,
        typer.Argument(
            help="JSON or YAML mapping of question id to answer (null clears one).",
            parser=InputFile(*MAPPING),
        ),
    ],
    as_user: AsOption = None,
) -> None:
    """Save answers; unchanged ones are kept, so a questionnaire can be done in parts. A
    follow-up is answered once its trigger holds, in this file or before."""
    ctx = context()
    view = health_checks.answer(
        ctx.uow(),
        ctx.actor(as_user),
        assessment_id,
        read_mapping(file, "question id to answer"),
        str(file),
    )
    left = view.asked - view.answered
    console.print(
        f"health check {assessment_id}: {view.answered} of {view.asked} questions answered, "
        f"{left} to go",
        highlight=False,
    )


@app.command()
def diagnose(
    assessment_id: AssessmentId,
    today: Annotated[
        date | None,
        typer.Option(help="Diagnose as of this date (YYYY-MM-DD).", parser=DateParser()),
    ] = None,
    package_hours: Annotated[
        float | None, typer.Option(help="Propose a service package of this many hours.")
    ] = None,
    register: Annotated[
        Path | None,
        typer.Option(
            help="A register index ('ipsentry register build') to search the enterprise's "
            "marks in: others' confusingly similar names become a finding.",
            parser=IndexFolder(),
        ),
    ] = None,
    as_user: AsOption = None,
) -> None:
    """Diagnose the answers and the enterprise's records: findings, scores, plan."""
    ctx = context()
    view = health_checks.diagnose(
        ctx.uow(),
        ctx.actor(as_user),
        assessment_id,
        today or date.today(),
        package_hours=package_hours,
        register=register,
    )
    _print(view.to_json())


@app.command()
def task(
    assessment_id: AssessmentId,
    priority: Annotated[int, typer.Argument(help="The task's number in the plan.")],
    status: Annotated[ActionStatus, typer.Argument(help="Its new status.")],
    as_user: AsOption = None,
) -> None:
    """Track a task of the remediation plan."""
    ctx = context()
    action = health_checks.set_action(
        ctx.uow(), ctx.actor(as_user), assessment_id, priority, status
    )
    console.print(
        f"task {priority} of health check {assessment_id}: {action.status}", highlight=False
    )


@app.command()
def hours(
    assessment_id: AssessmentId,
    used: Annotated[float, typer.Argument(help="Hours of the service package just given.")],
    as_user: AsOption = None,
) -> None:
    """Count hours of the provider's service package as used."""
    ctx = context()
    package = health_checks.record_hours(ctx.uow(), ctx.actor(as_user), assessment_id, used)
    console.print(
        f"health check {assessment_id}: {package.hours_used:g} of {package.hours:g} package hours "
        f"used, {package.hours_left:g} left",
        highlight=False,
    )


@app.command("list")
def list_(as_user: AsOption = None, as_json: JsonOption = False, lang: LangOption = "en") -> None:
    """Health checks you may see, newest first, with their scores."""
    lang = _lang(lang)
    ctx = context()
    rows = [v.to_json(lang) for v in health_checks.list_assessments(ctx.uow(), ctx.actor(as_user))]
    if as_json:
        print_json(rows)
        return
    table = fitted_table(
        f"{len(rows)} health check(s)", ["id", "enterprise", "status", "score", "findings"]
    )
    for row in rows:
        when = row["assessed_on"] or row["created_at"][:10]
        score = "" if row["overall"] is None else str(row["overall"])
        by = f"{when}, by {row['provider'] or 'itself'}"
        table.add_row(
            str(row["id"]),
            under(row["enterprise"], by, markup=False),
            row["status"],
            score,
            str(len(row["findings"])),
        )
    console.print(table)


@app.command()
def show(
    assessment_id: AssessmentId,
    as_user: AsOption = None,
    as_json: JsonOption = False,
    lang: LangOption = "en",
) -> None:
    """One health check: section scores, findings with their evidence, plan, re-check."""
    lang = _lang(lang)
    ctx = context()
    data = health_checks.show(ctx.uow(), ctx.actor(as_user), assessment_id).to_json(lang)
    if as_json:
        print_json(data)
        return
    _print(data)


@app.command()
def report(
    assessment_id: AssessmentId,
    out: Annotated[
        Path,
        typer.Option(
            help="Write the report here: .pdf or .html.", parser=OutputFile(".pdf", ".html")
        ),
    ],
    lang: LangOption = "en",
    confirm_privileged: Annotated[
        bool,
        typer.Option(
            CONFIRM_OPTION, help="Write the report of a check marked privileged or stricter."
        ),
    ] = False,
    as_user: AsOption = None,
) -> None:
    """The diagnosis and plan as a report for the enterprise's management (recorded in the
    audit log as an export)."""
    from ipsentry.reports.health_report import write_report

    lang = _lang(lang)
    ctx = context()
    file_format = out.suffix.lower().lstrip(".")
    with asking_confirmation():
        data = health_checks.report_of(
            ctx.uow(),
            ctx.actor(as_user),
            assessment_id,
            lang,
            file_format,
            confirmed=confirm_privileged,
        )
    write_report(data, out, lang)
    console.print(f"report of health check {assessment_id} written to {out}", highlight=False)


@app.command()
def programme(as_user: AsOption = None, as_json: JsonOption = False) -> None:
    """A provider's programme: enterprises served, loopholes by section and severity,
    service hours, tasks, disputes by state."""
    from ipsentry.services import programme as programmes

    ctx = context()
    data = programmes.programme(ctx.uow(), ctx.actor(as_user)).to_json()
    if as_json:
        print_json(data)
        return
    hours = data["service_hours"]
    if data["scope"] == "assigned":
        console.print(Text("Your caseload (only an admin of the organisation sees all of it):"))
    console.print(
        Text(
            f"{len(data['enterprises'])} enterprise(s) served, {data['diagnosed']} of "
            f"{data['checks']} checks diagnosed; service hours {hours['used']:g} used of "
            f"{hours['given']:g}"
        )
    )
    severities = ["critical", "high", "medium", "low"]
    table = fitted_table("Loopholes in the latest checks", ["section", *severities])
    for section, counts in sorted(data["findings_by_section"].items()):
        table.add_row(section, *(str(counts.get(s, 0)) for s in severities))
    console.print(table)
    tasks = ", ".join(f"{n} {status}" for status, n in sorted(data["tasks"].items())) or "none"
    console.print(Text(f"Plan tasks: {tasks}"))
    d = data["disputes"]
    states = ", ".join(f"{n} {state}" for state, n in sorted(d["by_state"].items())) or "none"
    share = "n/a" if d["share_by_mediation"] is None else f"{d['share_by_mediation']:.0%}"
    console.print(Text(f"Disputes: {states}; ended by mediation: {share}"))
    reach = data["outreach"]
    kinds = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in sorted(reach["by_kind"].items()))
    later = f"; {reach['scheduled']} scheduled" if reach["scheduled"] else ""
    console.print(Text(f"Outreach: {kinds or 'none'}; attendance {reach['attendance']}{later}"))


@app.command()
def event(
    kind: Annotated[EventKind, typer.Argument(help="What kind of session it was.")],
    title: Annotated[str, typer.Argument(help="What it was.")],
    on: Annotated[
        date,
        typer.Option(
            "--on", help="The day it was or will be held (YYYY-MM-DD).", parser=DateParser()
        ),
    ],
    attendance: Annotated[
        int, typer.Option(help="How many attended (none for an event not held yet).")
    ] = 0,
    enterprise: Annotated[
        list[str] | None, typer.Option(help="Slug of a member enterprise reached (repeat).")
    ] = None,
    as_user: AsOption = None,
) -> None:
    """Record a seminar or consultation session of the programme."""
    from ipsentry.services import outreach

    ctx = context()
    recorded = outreach.record_event(
        ctx.uow(),
        ctx.actor(as_user),
        OutreachKind(kind),
        title,
        on,
        attendance=attendance,
        enterprises=enterprise,
    )
    console.print(f"outreach {recorded.id} recorded ({recorded.kind})", highlight=False)


@app.command()
def attendance(
    event_id: Annotated[int, typer.Argument(help="The event ('health outreach' lists them).")],
    attended: Annotated[int, typer.Argument(help="How many attended.")],
    as_user: AsOption = None,
) -> None:
    """Record how many attended a seminar or consultation once it is held (or correct it)."""
    from ipsentry.services import outreach

    ctx = context()
    event = outreach.record_attendance(ctx.uow(), ctx.actor(as_user), event_id, attended)
    console.print(Text(f"outreach {event.id} ({event.title}): attendance {event.attendance}"))


@app.command("case-study")
def case_study(
    dispute_id: Annotated[int, typer.Argument(help="The dispute to write it from.")],
    on: Annotated[date, typer.Option("--on", help="Shared on (YYYY-MM-DD).", parser=DateParser())],
    title: Annotated[str, typer.Option(help="Its title (default the dispute's, anonymised).")] = "",
    enterprise: Annotated[
        list[str] | None,
        typer.Option(help="Slug of a member enterprise to share it with (repeat)."),
    ] = None,
    as_user: AsOption = None,
) -> None:
    """Write an anonymised case study from a dispute, to share with member enterprises."""
    from ipsentry.services import outreach

    ctx = context()
    study = outreach.case_study(
        ctx.uow(), ctx.actor(as_user), dispute_id, title, on, enterprises=enterprise
    )
    console.print(Text(f"case study {study.id}: {study.title}\n{study.summary}"))


@app.command("outreach")
def outreach_(as_user: AsOption = None, as_json: JsonOption = False) -> None:
    """The programme's case studies, seminars and consultations."""
    from ipsentry.services import outreach

    ctx = context()
    found = outreach.events(ctx.uow(), ctx.actor(as_user))
    rows = [e.to_json() for e in found]
    if as_json:
        print_json(rows)
        return
    table = fitted_table(f"{len(rows)} outreach event(s)", ["id", "event", "kind", "attendance"])
    for event, row in zip(found, rows, strict=True):
        table.add_row(
            str(row["id"]),
            under(row["title"], row["held_on"], markup=False),
            row["kind"].replace("_", " "),
            _attendance(event, outreach.held(event.held_on)),
        )
    console.print(table)


def _trend(change: dict[str, Any]) -> str:
    """'improved (50 → 80)'; a section with no check made both times is 'not comparable'
    alone, as it has no score to set beside another."""
    if change["before"] is None:
        return str(change["trend"])
    return f"{change['trend']} ({change['before']} → {change['after']})"


def _attendance(event: OutreachEvent, held: bool) -> str:
    if event.kind is OutreachKind.CASE_STUDY:
        return "n/a"
    return str(event.attendance) if held else "not held yet"


@app.command("case-studies")
def case_studies(as_user: AsOption = None, as_json: JsonOption = False) -> None:
    """The case studies legal-service providers shared with your organisation, to read."""
    from ipsentry.services import outreach

    ctx = context()
    shared = [s.to_json() for s in outreach.shared_with(ctx.uow(), ctx.actor(as_user))]
    if as_json:
        print_json(shared)
        return
    if not shared:
        console.print(Text("No case study has been shared with your organisation."))
    for study in shared:
        console.print(Text(f"{study['title']}\nshared on {study['shared_on']} by "
                           f"{study['provider']}\n{study['summary']}\n"))  # fmt: skip


def _print(data: dict[str, Any]) -> None:
    progress = data["progress"]
    overall = "not diagnosed" if data["overall"] is None else f"overall {data['overall']}/100"
    if data["unscored_sections"]:
        overall += f" over {len(data['sections']) - len(data['unscored_sections'])} sections"
    header = Text(f"Health check {data['id']}", style="bold")
    header.append(
        f" of {data['enterprise']} ({data['status']}, {overall}; {progress['answered']} of "
        f"{progress['asked']} questions answered) — marking: {data['marking']}"
    )
    console.print(header, highlight=False)
    changes = {c["section"]: c for c in data["recheck"]}
    if data["sections"]:
        table = fitted_table("Sections", ["section", "score", "findings", "since last check"])
        for s in data["sections"]:
            change = changes.get(s["key"])
            trend = _trend(change) if change else ""
            score = "not checked" if s["score"] is None else str(s["score"])
            table.add_row(Text(s["title"]), score, str(s["findings"]), trend)
        console.print(table)
        if changes:
            console.print(Text(LABELS["en"]["like_for_like"]))
    if data["findings"]:
        table = fitted_table("Findings", ["severity", "finding"])
        for f in data["findings"]:
            table.add_row(
                styled(f["severity"], f["severity"]), under(f["title"], f["evidence"], markup=False)
            )
        console.print(table)
    if data["plan"]:
        table = fitted_table("Remediation plan", ["#", "task", "owner", "due", "status"])
        for t in data["plan"]:
            table.add_row(
                str(t["priority"]),
                under(t["title"], f"{t['effort_hours']:g} h", markup=False),
                t["owner"],
                t["due_on"] or "",
                t["status"],
            )
        console.print(table)
    for p in data["packages"]:
        line = (
            f"Service package: {p['title']}: {p['hours_used']:g} h used, "
            f"{p['hours_left']:g} h left;"
            f" topics: {'; '.join(p['topics']) or 'none'}"
        )
        console.print(Text(line), highlight=False)
