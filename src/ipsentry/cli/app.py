"""Entry point: assembles the sub-commands and renders every ipsentry error one way."""

from __future__ import annotations

import sys

import typer

from ipsentry.cli import claims, db, deadlines, demo, marks, patents, portfolio, register, screen
from ipsentry.cli.context import errors
from ipsentry.errors import InvalidInput, IpsentryError

app = typer.Typer(
    name="ipsentry",
    help="Find, stop and litigate IP infringements; keep the portfolio and its deadlines.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(db.app, name="db")
app.add_typer(portfolio.app, name="portfolio")
app.add_typer(demo.app, name="demo")
app.add_typer(marks.app, name="marks")
app.add_typer(register.app, name="register")
app.add_typer(claims.app, name="claims")
app.add_typer(patents.app, name="patents")
app.command("deadlines")(deadlines.deadlines)
app.command("screen")(screen.screen)


def main() -> None:
    try:
        app()
    except InvalidInput as error:
        errors.print(f"[red]{len(error.problems)} problem(s); nothing was written:[/red]")
        for problem in error.problems:
            errors.print(str(problem), markup=False, highlight=False)
        sys.exit(error.exit_code)
    except IpsentryError as error:
        errors.print(f"[red]error:[/red] {error}", highlight=False)
        sys.exit(error.exit_code)
