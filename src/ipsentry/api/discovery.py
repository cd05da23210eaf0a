"""Routers are found, not listed: a module in ``api/routes`` or ``web/pages`` that exposes
``router`` is served. Adding a resource is one router module, one schema module and its
templates; nothing else needs editing.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from types import ModuleType

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute


def routers(package: ModuleType) -> Iterator[APIRouter]:
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        router = getattr(module, "router", None)
        if isinstance(router, APIRouter):
            yield router


def app_routes(app: FastAPI) -> Iterator[APIRoute]:
    """Every route the app serves from its routers (tests enumerate them from here)."""
    for router in app.state.routers:
        for route in router.routes:
            if isinstance(route, APIRoute):
                yield route
