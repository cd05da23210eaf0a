"""The published OpenAPI schema: errors documented as problem details, bearer tokens named.

FastAPI documents its own validation-error body for 422; ipsentry answers every error
with RFC 9457 problem details (``application/problem+json``), so the schema says that,
once per operation, and clients (and schemathesis) can check responses against it.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from ipsentry.api.problems import MEDIA_TYPE
from ipsentry.api.schemas.common import ProblemDetails

REF = "#/components/schemas/ProblemDetails"


def problem_schema(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    components = schema.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    model = ProblemDetails.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(model.pop("$defs", {}))
    schemas["ProblemDetails"] = model
    components["securitySchemes"] = {
        "bearer": {"type": "http", "scheme": "bearer", "description": "An API token (ips_...)."}
    }
    problem = {
        "description": "Problem details (RFC 9457)",
        "content": {MEDIA_TYPE: {"schema": {"$ref": REF}}},
    }
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)
            responses.pop("default", None)
            responses["4XX"] = problem
            operation["security"] = [{"bearer": []}]
    app.openapi_schema = schema
    return schema
