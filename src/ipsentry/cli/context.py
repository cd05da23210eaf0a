"""What every command needs: settings, a unit of work, the acting user, and output helpers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from rich.console import Console

from ipsentry.services.access import Actor, resolve_actor
from ipsentry.settings import Settings, get_settings
from ipsentry.store.unit_of_work import UnitOfWork

console = Console()
errors = Console(stderr=True)


@dataclass
class Context:
    settings: Settings

    def uow(self) -> UnitOfWork:
        return UnitOfWork.for_url(self.settings.database_url)

    def actor(self) -> Actor:
        with self.uow() as uow:
            return resolve_actor(uow, self.settings.organisation, self.settings.user_email)


def context() -> Context:
    return Context(get_settings())


def print_json(data: Any) -> None:
    """Plain JSON on stdout (no colour, no wrapping) so other programs can read it."""
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))  # noqa: T201
