"""A small JSON or YAML file holding one mapping: questionnaire answers, a dispute intake."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from ipsentry.formats.files import invalid, read_text


def read_mapping(path: Path, what: str) -> dict[str, Any]:
    """The file's mapping, or InvalidInput naming the file and what is wrong with it."""
    text = read_text(path)
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as error:
        where = getattr(error, "lineno", None) or getattr(
            getattr(error, "problem_mark", None), "line", None
        )
        raise invalid(
            path, f"not valid {path.suffix.lstrip('.').upper()}: {error}", row=where
        ) from None
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise invalid(path, f"give a mapping of {what}")
    return data
