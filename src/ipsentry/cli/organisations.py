"""``ipsentry org``: organisations, and the grants that share records between them."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ipsentry.cli.accounts import AsOption, JsonOption
from ipsentry.cli.context import console, context, print_json
from ipsentry.cli.tables import fitted_table
from ipsentry.domain.accounts import GrantScope, OrganisationKind
from ipsentry.services import accounts

app = typer.Typer(help="Organisations and the grants that share records between them.")


@app.command()
def create(
    slug: Annotated[str, typer.Argument(help="Short name: lowercase letters, digits, hyphens.")],
    name: Annotated[str, typer.Option(help="The organisation's name.")],
    kind: Annotated[OrganisationKind, typer.Option(help="What the organisation is.")],
    country: Annotated[str, typer.Option(help="Two-letter country code.")] = "",
    as_user: AsOption = None,
) -> None:
    """Create an organisation; for admins of the installation's own organisation.

    Then add its first admin with 'ipsentry user add EMAIL --role admin --organisation SLUG'.
    """
    ctx = context()
    organisation = accounts.create_organisation(
        ctx.uow(), ctx.actor(as_user), slug=slug, name=name, kind=kind, country=country
    )
    console.print(f"organisation {organisation.slug} ({organisation.kind}) created")


@app.command("list")
def list_(as_user: AsOption = None, as_json: JsonOption = False) -> None:
    """List organisations (installation admins see all; others their own)."""
    ctx = context()
    rows: list[dict[str, Any]] = [
        {"slug": o.slug, "name": o.name, "kind": o.kind.value, "country": o.country}
        for o in accounts.list_organisations(ctx.uow(), ctx.actor(as_user))
    ]
    if as_json:
        print_json(rows)
        return
    table = fitted_table(f"{len(rows)} organisation(s)", ["slug", "name", "kind", "country"])
    for row in rows:
        table.add_row(row["slug"], row["name"], row["kind"], row["country"])
    console.print(table)


@app.command()
def grant(
    organisation: Annotated[str, typer.Argument(help="Slug of the organisation to share with.")],
    scope: Annotated[GrantScope, typer.Option(help="What it may read.")],
    note: Annotated[str, typer.Option(help="Why (kept with the grant).")] = "",
    as_user: AsOption = None,
) -> None:
    """Let another organisation read part of yours: customs_recordations (to a customs
    organisation) or engagement (your portfolio, to a legal-service provider)."""
    ctx = context()
    record = accounts.grant(
        ctx.uow(), ctx.actor(as_user), grantee_slug=organisation, scope=scope, note=note
    )
    console.print(f"grant {record.id}: {organisation} may read your {scope}", highlight=False)


@app.command()
def grants(as_user: AsOption = None, as_json: JsonOption = False) -> None:
    """Grants given by or to your organisation, revoked ones included."""
    ctx = context()
    rows: list[dict[str, Any]] = [
        {
            "id": v.grant.id,
            "grantor": v.grantor,
            "grantee": v.grantee,
            "scope": v.grant.scope.value,
            "created_at": v.grant.created_at.isoformat(),
            "revoked_at": v.grant.revoked_at.isoformat() if v.grant.revoked_at else None,
            "note": v.grant.note,
        }
        for v in accounts.list_grants(ctx.uow(), ctx.actor(as_user))
    ]
    if as_json:
        print_json(rows)
        return
    table = fitted_table(f"{len(rows)} grant(s)", ["id", "grantor", "grantee", "scope", "status"])
    for row in rows:
        status = f"revoked {row['revoked_at'][:10]}" if row["revoked_at"] else "active"
        table.add_row(str(row["id"]), row["grantor"], row["grantee"], row["scope"], status)
    console.print(table)


@app.command()
def revoke(
    grant_id: Annotated[int, typer.Argument(help="The grant's id ('ipsentry org grants').")],
    as_user: AsOption = None,
) -> None:
    """Revoke a grant your organisation gave; it stays on record as revoked."""
    ctx = context()
    record = accounts.revoke_grant(ctx.uow(), ctx.actor(as_user), grant_id)
    console.print(f"grant {record.id} revoked", highlight=False)
