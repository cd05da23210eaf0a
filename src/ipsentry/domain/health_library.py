"""The health-check questionnaires and their rules shipped with ipsentry, by key and version.

Files live in ``ipsentry/data/health`` as ``KEY.vN.yaml`` (questions) and
``diagnosis-rules.vN.yaml`` (rules for that version); an assessment keeps the version it
was answered on, so a new version never changes an old diagnosis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from ipsentry.domain.diagnosis import RuleSet, read_rules
from ipsentry.domain.questionnaire import QuestionnaireDefinition, read_questionnaire
from ipsentry.errors import NotFound

_FOLDER = "health"
_FILE = re.compile(r"(?P<key>[a-z0-9-]+)\.v(?P<version>\d+)\.yaml$")
RULES_KEY = "diagnosis-rules"


@dataclass(frozen=True)
class HealthCheck:
    questionnaire: QuestionnaireDefinition
    rules: RuleSet


def versions(key: str) -> list[int]:
    folder = resources.files("ipsentry.data").joinpath(_FOLDER)
    found = (_FILE.match(entry.name) for entry in folder.iterdir())
    return sorted(int(m["version"]) for m in found if m and m["key"] == key)


@cache
def health_check(key: str = "ip-health-check", version: int | None = None) -> HealthCheck:
    """The questionnaire and its rules; the newest version unless one is asked for."""
    available = versions(key)
    if not available or (version is not None and version not in available):
        wanted = key if version is None else f"{key} v{version}"
        raise NotFound(
            f"no questionnaire {wanted} (have: {', '.join(f'v{v}' for v in available) or 'none'})"
        )
    chosen = version if version is not None else available[-1]
    questionnaire = read_questionnaire(_load(f"{key}.v{chosen}.yaml"), f"{key}.v{chosen}.yaml")
    rules_file = f"{RULES_KEY}.v{chosen}.yaml"
    return HealthCheck(questionnaire, read_rules(_load(rules_file), questionnaire, rules_file))


def _load(name: str) -> object:
    text = resources.files("ipsentry.data").joinpath(_FOLDER, name).read_text("utf-8")
    return yaml.safe_load(text)
