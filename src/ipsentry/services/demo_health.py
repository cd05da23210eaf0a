"""The demo's health checks, loaded through the same services a provider uses.

A small robot maker engages the demo IP service centre: a first check with a ten-hour
service package, tasks worked on, then a re-check after it filed its mark in the EU. The
demo company's counsel has a self-check under way. ``data/demo/health.json`` holds it all.
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from typing import Any

from ipsentry.domain.accounts import Role
from ipsentry.domain.health import ActionStatus
from ipsentry.services import health_checks, portfolio
from ipsentry.services.access import Actor, resolve_user
from ipsentry.store.unit_of_work import UnitOfWork

DEMO = resources.files("ipsentry.data").joinpath("demo")


def load_health_demo(uow: UnitOfWork) -> None:
    """Add the demo health checks unless the demo enterprises already have some."""
    spec: dict[str, Any] = json.loads(DEMO.joinpath("health.json").read_text("utf-8"))
    enterprises = {check["enterprise"] for check in spec["checks"]}
    with uow:
        for slug in enterprises:
            found = uow.organisations.by_slug(slug)
            if found is None or found.id is None or uow.health.assessments(found.id):
                return
    for slug, files in spec["rights"].items():
        for name in files:
            _import(uow, _counsel(uow, slug), name)
    for check in spec["checks"]:
        for name in check.get("later_rights", []):
            _import(uow, _counsel(uow, check["enterprise"]), name)
        _check(uow, check)


def _check(uow: UnitOfWork, check: dict[str, Any]) -> None:
    with uow:
        by = resolve_user(uow, check["by"])
    mine = by.organisation_kind.value == "rights_holder"
    started = health_checks.start(
        uow,
        by,
        enterprise=None if mine else check["enterprise"],
        recheck_previous=check.get("recheck", False),
    )
    assert started.id is not None
    health_checks.answer(uow, by, started.id, check["answers"], "demo/health.json")
    if "diagnosed_on" not in check:
        return
    on = date.fromisoformat(check["diagnosed_on"])
    health_checks.diagnose(uow, by, started.id, on, package_hours=check.get("package_hours"))
    for priority, status in check.get("tasks", {}).items():
        health_checks.set_action(uow, by, started.id, int(priority), ActionStatus(status))
    if check.get("hours_used"):
        health_checks.record_hours(uow, by, started.id, check["hours_used"])


def _counsel(uow: UnitOfWork, slug: str) -> Actor:
    with uow:
        organisation = uow.organisations.by_slug(slug)
        assert organisation is not None and organisation.id is not None
        user = next(u for u in uow.accounts.users(organisation.id) if u.role is Role.COUNSEL)
        return resolve_user(uow, user.email)


def _import(uow: UnitOfWork, counsel: Actor, name: str) -> None:
    with resources.as_file(DEMO.joinpath(name)) as path:
        portfolio.import_rights(uow, counsel, path)
