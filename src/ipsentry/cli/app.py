"""Entry point: the command tree, loaded lazily, and the one place every error is rendered.

``ipsentry --help`` lists the commands from ``COMMANDS`` without importing them; a command's
module (and the engines, indexes and PDF renderer it needs) is imported only when that
command runs or shows its own help. So start-up costs what the command uses, not what
the whole program could do.

Every failure ends in ``run``: input and usage problems as ``file:row: field: problem``
lines with exit status 2, other ipsentry errors as one ``error:`` line with their own
status, and anything unexpected as an internal-error line (status 70) instead of a
traceback; ``IPSENTRY_DEBUG=1`` shows the traceback.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, partial
from typing import Any

import typer
from rich.markup import escape
from typer._click import Command, Context
from typer._click.exceptions import BadParameter, ClickException, MissingParameter, UsageError
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from ipsentry.cli.output import errors
from ipsentry.cli.params import Refused, option_name, parser_of
from ipsentry.errors import InvalidInput, IpsentryError, Problem

INTERNAL_ERROR = 70  # sysexits EX_SOFTWARE
SHOWN_PROBLEMS = 50


@dataclass(frozen=True)
class Entry:
    """A top-level command: where it lives (``module:attribute``) and its one-line summary."""

    target: str
    summary: str


COMMANDS: dict[str, Entry] = {
    "init": Entry("ipsentry.cli.accounts:init", "Set up a new database: your organisation."),
    "demo": Entry("ipsentry.cli.demo:app", "Load the demo organisation (a vaporizer maker)."),
    "portfolio": Entry(
        "ipsentry.cli.portfolio:app", "Import, list, show and export patents and trademarks."
    ),
    "deadlines": Entry(
        "ipsentry.cli.deadlines:deadlines", "What is due, overdue or in grace, and why."
    ),
    "screen": Entry(
        "ipsentry.cli.screen:screen", "Screen listings, declarations, domains and app links."
    ),
    "marks": Entry("ipsentry.cli.marks:app", "Compare word marks; find look-alike names."),
    "register": Entry("ipsentry.cli.register:app", "Clearance and watch against a register."),
    "claims": Entry("ipsentry.cli.claims:app", "Claim charts against product texts."),
    "patents": Entry("ipsentry.cli.patents:app", "Index a patent collection and search it."),
    "cases": Entry("ipsentry.cli.cases:app", "Enforcement cases: read USITC Section 337 notices."),
    "org": Entry("ipsentry.cli.organisations:app", "Organisations and grants between them."),
    "user": Entry("ipsentry.cli.accounts:app", "Users of an organisation and their roles."),
    "health": Entry(
        "ipsentry.cli.health:app", "IP health checks: diagnosis, plan, service package."
    ),
    "disputes": Entry(
        "ipsentry.cli.disputes:app", "Disputes: intake, conflict check, mediation, outcomes."
    ),
    "customs": Entry(
        "ipsentry.cli.customs:app", "Customs: recordations, declaration risk, detentions."
    ),
    "serve": Entry("ipsentry.cli.serve:serve", "Serve the web app and the REST API."),
    "db": Entry("ipsentry.cli.db:app", "Database schema: upgrade, or show where it is."),
}


@cache
def load_command(name: str) -> Command:
    """Import one top-level command and turn it into its click command."""
    module_name, attribute = COMMANDS[name].target.split(":")
    target = getattr(importlib.import_module(module_name), attribute)
    if isinstance(target, typer.Typer):
        command: Command = typer.main.get_group(target)
    else:
        single = typer.Typer(add_completion=False)
        single.command(name)(target)
        command = typer.main.get_command(single)
    command.name = name
    tidy_help(command)
    return command


def _usage_name(param: TyperArgument) -> str:
    """An argument on the usage line as POSIX writes it: NAME when required, [NAME] when
    not, NAME... when it takes many (Typer would write '{name}')."""
    name = option_name(param)
    shown = name if param.required else f"[{name}]"
    return shown + ("..." if param.nargs != 1 else "")


def tidy_help(command: Command) -> None:
    """Flags read as flags (no ``<bool>``); ipsentry's own parsers show FILE, FOLDER, DATE."""
    if command.help:  # paragraphs of a docstring re-flow to the terminal's width
        command.help = "\n\n".join(" ".join(p.split()) for p in command.help.split("\n\n"))
    help_option = command.get_help_option(Context(command))
    if help_option is not None:
        help_option.metavar = ""
    for param in command.params:
        if isinstance(param, TyperArgument):
            param._usage_display_name = partial(_usage_name, param)  # type: ignore[method-assign]
        if isinstance(param, TyperOption) and param.is_flag:
            param.metavar = ""
        elif param.metavar is None and hasattr(parser_of(param), "metavar"):
            many = param.nargs != 1 or getattr(param, "multiple", False)
            label = parser_of(param).metavar + ("..." if many else "")
            if isinstance(param, TyperOption):
                param.metavar = label
            else:  # an argument keeps its own NAME and shows FILE/FOLDER as its type
                param.display_type_rich = lambda ctx, label=label: label  # type: ignore[attr-defined]
    if isinstance(command, TyperGroup):
        for sub in command.commands.values():
            tidy_help(sub)
    else:
        _negative_numbers_are_values(command)


# what float() reads after a minus: 2, 2.5, .5, 1e3, and inf, infinity or nan in any case
NEGATIVE_NUMBER = re.compile(r"-((\d+\.?\d*|\.\d+)(e[-+]?\d+)?|inf|infinity|nan)", re.IGNORECASE)


def _negative_numbers_are_values(command: Command) -> None:
    """'-2' given for an argument reaches the argument, whose check refuses it in words
    ('hours must not be negative'); click's parser takes any word starting with '-' for an
    option and stops at 'No such option: -2'. (An option's value, '--hours -2', it already
    takes as a value.) '-inf' and '-1e400' too reach the check that says they are no
    amount. No ipsentry option is named like a number."""
    make_parser = command.make_parser

    def parser_taking_negative_numbers(ctx: Context) -> Any:
        parser = make_parser(ctx)
        process_option = parser._process_opts

        def process(arg: str, state: Any) -> None:
            if NEGATIVE_NUMBER.fullmatch(arg):
                state.largs.append(arg)
            else:
                process_option(arg, state)

        parser._process_opts = process  # type: ignore[method-assign]
        return parser

    command.make_parser = parser_taking_negative_numbers  # type: ignore[method-assign]


class LazyGroup(TyperGroup):
    """Lists ``COMMANDS`` by their summaries; imports a command only to run it."""

    def list_commands(self, ctx: Context) -> list[str]:
        return [*COMMANDS, *(n for n in super().list_commands(ctx) if n not in COMMANDS)]

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return super().get_command(ctx, cmd_name)
        return TyperCommand(cmd_name, help=entry.summary, short_help=entry.summary)

    def resolve_command(
        self, ctx: Context, args: list[str]
    ) -> tuple[str | None, Command | None, list[str]]:
        if args and args[0] in COMMANDS:
            return args[0], load_command(args[0]), args[1:]
        return super().resolve_command(ctx, args)


app = typer.Typer(
    name="ipsentry",
    cls=LazyGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Find, stop and litigate IP infringements; keep the portfolio and its deadlines."""


def _as_given(problems: Sequence[Problem], argv: Sequence[str]) -> list[Problem]:
    """Problems of the command line named as the user gave them: a service names the value
    it was handed ("today"), the user typed an option ("--today")."""
    command = load_command(argv[0]) if argv and argv[0] in COMMANDS else None
    for word in argv[1:]:
        if not isinstance(command, TyperGroup) or word.startswith("-"):
            break
        command = command.get_command(Context(command), word)
    given = {
        key: option_name(p)
        for p in (command.params if command else [])
        for key in {str(p.name), *(o.lstrip("-").replace("-", "_") for o in p.opts)}
    }
    return [
        replace(p, field=given[p.field]) if p.source == "command line" and p.field in given else p
        for p in problems
    ]


def _print_problems(problems: Sequence[Problem], more: int = 0) -> None:
    for problem in problems[:SHOWN_PROBLEMS]:
        errors.print(str(problem), markup=False, highlight=False, soft_wrap=True)
    hidden = len(problems) - SHOWN_PROBLEMS + more
    if hidden > 0:
        errors.print(f"... and {hidden} more problem(s)", markup=False, highlight=False)


# Typer hands on pydantic's wording for a bad choice ("Value error, 'x' is not one of ...").
VALIDATION_PREFIX = re.compile(r"^(Value|Type|Assertion) error, ")


def _choices(param: Any) -> list[str]:
    choices = getattr(getattr(param, "type", None), "choices", None)
    if choices is None:
        choices = getattr(getattr(param, "type_descriptor", None), "choices", None)
    return [str(getattr(c, "value", c)) for c in choices or ()]


def _usage_problem(error: UsageError) -> Problem:
    """One line naming the option or argument and what is wrong with it."""
    if isinstance(error, MissingParameter) and error.param is not None:
        choices = _choices(error.param)
        message = "is required" + (f"; one of {', '.join(choices)}" if choices else "")
        return Problem("command line", None, option_name(error.param), message)
    if isinstance(error, BadParameter) and error.param is not None:
        source = getattr(error, "source", "command line")
        message = VALIDATION_PREFIX.sub("", error.message)
        return Problem(source, None, option_name(error.param), message)
    return Problem("command line", None, "usage", error.format_message())


def command_tree() -> Command:
    """The whole command tree, flags and types tidied for help."""
    command = typer.main.get_command(app)
    tidy_help(command)
    return command


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status; never lets a traceback through."""
    command = command_tree()
    try:
        result: Any = command.main(
            args=list(sys.argv[1:] if argv is None else argv),
            prog_name="ipsentry",
            standalone_mode=False,
        )
    except InvalidInput as error:
        arguments = list(sys.argv[1:] if argv is None else argv)
        _print_problems(_as_given(error.problems, arguments), error.more)
        count = len(error.problems) + error.more
        if count > 1:
            errors.print(f"[red]{count} problems; nothing was written[/red]", highlight=False)
        return error.exit_code
    except IpsentryError as error:
        errors.print(f"[red]error:[/red] {escape(str(error))}", highlight=False, soft_wrap=True)
        return error.exit_code
    except UsageError as error:
        _print_problems([_usage_problem(error)])
        if error.ctx is not None and not isinstance(error, Refused):
            errors.print(f"Try '{error.ctx.command_path} --help' for help.", highlight=False)
        return 2
    except ClickException as error:
        errors.print(f"[red]error:[/red] {escape(error.format_message())}", highlight=False)
        return error.exit_code
    except typer.Abort:
        errors.print("aborted", highlight=False)
        return 130
    except OSError as error:
        if error.filename is None:
            return _internal(error)
        _print_problems(
            [Problem(str(error.filename), None, "(file)", error.strerror or str(error))]
        )
        return 2
    except Exception as error:
        return _internal(error)
    return result if isinstance(result, int) else 0


def _internal(error: BaseException) -> int:
    if os.environ.get("IPSENTRY_DEBUG"):
        raise error
    errors.print(
        f"[red]internal error:[/red] {type(error).__name__}: {escape(str(error))}\n"
        "This is a bug in ipsentry; please report it with the command you ran. "
        "IPSENTRY_DEBUG=1 shows the traceback.",
        highlight=False,
        soft_wrap=True,
    )
    return INTERNAL_ERROR


def main() -> None:
    sys.exit(run())
