"""One settings object for the whole program, read from ``IPSENTRY_*`` environment variables."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_database_url() -> str:
    path = Path(user_data_dir("ipsentry", appauthor=False)) / "ipsentry.sqlite3"
    return f"sqlite:///{path}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="IPSENTRY_", extra="ignore")

    database_url: str = Field(
        default_factory=_default_database_url,
        description="SQLAlchemy URL; a SQLite file in the user's data directory by default, "
        "postgresql+psycopg://user@host/db for a team.",
    )
    organisation: str = Field(
        default="smoore-demo",
        description="Slug of the organisation the command line acts for.",
    )
    user_email: str = Field(
        default="counsel@smoore-demo.example",
        description="The user the command line acts as (its role decides what it may see).",
    )
    register_index: Path | None = Field(
        default=None,
        description="Folder of the register index the web's register search uses "
        "(made by 'ipsentry register build').",
    )
    patent_index: Path | None = Field(
        default=None,
        description="Folder of the patent index the web's patent search uses "
        "(made by 'ipsentry patents index').",
    )


@cache
def get_settings() -> Settings:
    return Settings()
