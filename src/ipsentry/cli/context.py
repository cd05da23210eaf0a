"""What every command needs: settings, a unit of work, the acting user, and output helpers."""

from __future__ import annotations

from dataclasses import dataclass

from ipsentry.cli.output import console, errors, print_json
from ipsentry.services import database
from ipsentry.services.access import Actor, resolve_actor, resolve_user
from ipsentry.services.database import UnitOfWork
from ipsentry.settings import Settings, get_settings

__all__ = ["Context", "console", "context", "errors", "print_json"]


@dataclass
class Context:
    settings: Settings

    def uow(self, *, create: bool = False) -> UnitOfWork:
        return database.unit_of_work(self.settings.database_url, create=create)

    def actor(self, email: str | None = None) -> Actor:
        """The user the command acts as: ``email`` (``--as``), else the configured one.

        A user named in IPSENTRY_USER_EMAIL without IPSENTRY_ORGANISATION acts for their
        own organisation: the default organisation is the demo company's, and holding every
        other user to it would refuse them for a setting they never made.
        """
        settings = self.settings
        with self.uow() as uow:
            if email:
                return resolve_user(uow, email)
            if {"user_email", "organisation"} & settings.model_fields_set == {"user_email"}:
                return resolve_user(uow, settings.user_email)
            return resolve_actor(uow, settings.organisation, settings.user_email)


def context() -> Context:
    return Context(get_settings())
