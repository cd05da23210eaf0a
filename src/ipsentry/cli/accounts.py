"""``ipsentry init`` and ``ipsentry user``: the first admin of a new database, then its users."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

import typer
from anyascii import anyascii

from ipsentry.cli.context import console, context, errors, print_json
from ipsentry.cli.params import InputFile
from ipsentry.cli.tables import fitted_table
from ipsentry.domain.accounts import OrganisationKind, Role
from ipsentry.formats.files import invalid, read_text
from ipsentry.services import accounts, tokens
from ipsentry.services.accounts import NewUser

app = typer.Typer(help="Users of an organisation: add, list, deactivate; their API tokens.")

PasswordFile = Annotated[
    Path | None,
    typer.Option(
        help="Read the password from the first line of this file; without it a strong "
        "password is generated and printed once.",
        parser=InputFile(),
    ),
]
AsOption = Annotated[
    str | None,
    typer.Option("--as", help="Act as this user (by email); default IPSENTRY_USER_EMAIL."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def read_password(path: Path | None) -> str | None:
    if path is None:
        return None
    lines = read_text(path).splitlines()
    password = lines[0].rstrip("\r\n") if lines else ""
    if not password:
        raise invalid(path, "the first line is empty; put the password on it")
    return password


def slug_of(name: str) -> str:
    """A URL-safe short name from an organisation's name (transliterated, hyphenated)."""
    return re.sub(r"[^a-z0-9]+", "-", anyascii(name).lower()).strip("-")[:80].strip("-")


def _show_password(new: NewUser) -> None:
    if new.generated_password:
        console.print(f"password: {new.generated_password}", highlight=False)
        console.print("[yellow]Shown once: give it to the user; it is stored only hashed.[/yellow]")


def init(
    organisation: Annotated[str, typer.Option(help="Your organisation's name.")],
    admin_email: Annotated[str, typer.Option(help="Email of the first admin (you).")],
    admin_name: Annotated[str | None, typer.Option(help="The admin's name.")] = None,
    slug: Annotated[
        str | None, typer.Option(help="Short name used in settings; made from the name.")
    ] = None,
    kind: Annotated[
        OrganisationKind, typer.Option(help="What the organisation is.")
    ] = OrganisationKind.RIGHTS_HOLDER,
    country: Annotated[str, typer.Option(help="Two-letter country code.")] = "",
    password_file: PasswordFile = None,
) -> None:
    """Set up a new database: the first organisation and its admin.

    Creates the database (IPSENTRY_DATABASE_URL, or a SQLite file in your data folder) and
    brings its schema up to date. Refused once the database has users. The admins of this
    organisation also create the other organisations ('ipsentry org create').
    """
    ctx = context()
    new = accounts.initialise(
        lambda: ctx.uow(create=True),
        organisation_name=organisation,
        slug=slug or slug_of(organisation),
        kind=kind,
        country=country,
        admin_email=admin_email,
        admin_name=admin_name or admin_email.split("@")[0],
        password=read_password(password_file),
    )
    console.print(
        f"organisation {new.organisation.slug} ({new.organisation.kind}) with admin "
        f"{new.user.email}",
        highlight=False,
    )
    _show_password(new)
    console.print("To act as this admin on the command line, set:", highlight=False)
    console.print(
        f"  export IPSENTRY_ORGANISATION={new.organisation.slug} "
        f"IPSENTRY_USER_EMAIL={new.user.email}",
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def add(
    email: Annotated[str, typer.Argument(help="The new user's email (their sign-in).")],
    role: Annotated[Role, typer.Option(help="What the user may do and see.")],
    name: Annotated[str | None, typer.Option(help="The user's name.")] = None,
    organisation: Annotated[
        str | None,
        typer.Option(help="Slug of the organisation (installation admins); default your own."),
    ] = None,
    password_file: PasswordFile = None,
    as_user: AsOption = None,
) -> None:
    """Add a user with a role; an admin's command."""
    ctx = context()
    new = accounts.add_user(
        ctx.uow(),
        ctx.actor(as_user),
        email=email,
        name=name or email.split("@")[0],
        role=role,
        organisation_slug=organisation,
        password=read_password(password_file),
    )
    console.print(
        f"user {new.user.email} ({new.user.role}) added to {new.organisation.slug}",
        highlight=False,
    )
    _show_password(new)


@app.command("list")
def list_(
    organisation: Annotated[
        str | None,
        typer.Option(help="Slug of the organisation (installation admins see all by default)."),
    ] = None,
    as_user: AsOption = None,
    as_json: JsonOption = False,
) -> None:
    """List users with their role and whether they are active."""
    ctx = context()
    users = accounts.list_users(ctx.uow(), ctx.actor(as_user), organisation)
    rows: list[dict[str, Any]] = [
        {
            "email": u.email,
            "name": u.name,
            "role": u.role.value,
            "active": u.active,
            "organisation": o.slug,
        }
        for u, o in users
    ]
    if as_json:
        print_json(rows)
        return
    table = fitted_table(
        f"{len(rows)} user(s)", ["email", "name", "role", "status", "organisation"]
    )
    for row in rows:
        status = "active" if row["active"] else "deactivated"
        table.add_row(row["email"], row["name"], row["role"], status, row["organisation"])
    console.print(table)


@app.command()
def deactivate(
    email: Annotated[str, typer.Argument(help="The user to deactivate.")],
    as_user: AsOption = None,
) -> None:
    """Stop a user signing in; their API tokens are revoked and their sessions ended.

    The user and what they did stay on record (the audit log names them).
    """
    ctx = context()
    user = accounts.deactivate_user(ctx.uow(), ctx.actor(as_user), email)
    console.print(f"user {user.email} deactivated", highlight=False)


@app.command()
def token(
    name: Annotated[str, typer.Argument(help="What the token is for, e.g. 'nightly export'.")],
    as_user: AsOption = None,
    as_json: JsonOption = False,
) -> None:
    """Create an API token for a user: the secret is printed once, only its hash is kept.

    Send it as 'Authorization: Bearer SECRET' to /api/v1; list and revoke tokens on the
    web's /tokens page or under /api/v1/tokens.
    """
    ctx = context()
    made = tokens.create_token(ctx.uow(), ctx.actor(as_user), name)
    if as_json:
        print_json({"id": made.token.id, "name": made.token.name, "secret": made.secret})
        return
    console.print(made.secret, highlight=False, soft_wrap=True)
    errors.print(
        f"[yellow]token {made.token.id} ({made.token.name}): shown once; ipsentry keeps "
        "only its hash.[/yellow]",
        highlight=False,
    )
