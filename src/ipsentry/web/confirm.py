"""The page that asks "export privileged records?" and sends the same request again, confirmed."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import Request
from fastapi.responses import Response

from ipsentry.domain.common import Confidentiality
from ipsentry.errors import ConfirmationNeeded
from ipsentry.web.templating import render

CONFIRM_FIELD = "confirm"
CONFIRMED = "yes"


def confirm_page(
    request: Request,
    error: ConfirmationNeeded,
    action: str,
    method: str,
    fields: Sequence[tuple[str, str]],
    back: str,
) -> Response:
    """409: nothing was exported; the form repeats ``fields`` with the confirmation."""
    context = {
        "marking": Confidentiality(error.marking),
        "action": action,
        "method": method,
        "fields": [*fields, (CONFIRM_FIELD, CONFIRMED)],
        "back": back,
    }
    return render(request, "confirm_export.html", context, 409)


def download(content: bytes | str, media_type: str, filename: str) -> Response:
    return Response(
        content,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
