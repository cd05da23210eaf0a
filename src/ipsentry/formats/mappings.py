"""A small JSON or YAML file holding one mapping: questionnaire answers, a dispute intake."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

from ipsentry.errors import InvalidInput
from ipsentry.formats.files import invalid, read_text
from ipsentry.formats.json_breaks import json_problem


class _PlainLoader(yaml.SafeLoader):
    """YAML without implicit timestamps: a date stays text, so a bad one such as 2025-13-01
    is reported by the field that holds it instead of failing inside the parser."""


_PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_mapping(path: Path, what: str) -> dict[str, Any]:
    """The file's mapping, or InvalidInput naming the file, line and what is wrong with it."""
    text = read_text(path)
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            data = yaml.load(text, Loader=_PlainLoader)
    except json.JSONDecodeError as error:
        text_chunks = [text.encode("utf-8")]
        raise InvalidInput(
            [json_problem(str(path), text_chunks, error.msg, by_line=True)]
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "cannot be read"
        raise invalid(
            path, f"not valid YAML: {problem}", row=mark.line + 1 if mark else None
        ) from None
    except ValueError:  # Python's guard against reading huge integers (over 4,300 digits)
        limit = sys.get_int_max_str_digits()
        raise invalid(
            path, f"a number in it has more than {limit:,} digits: too long to read"
        ) from None
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise invalid(path, f"give a mapping of {what}")
    return data
