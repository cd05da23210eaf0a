"""Accuracy of the ITC notice reader on the real development notices, field by field.

Reproduce:  .venv/bin/python bench/itc_notices.py

Scored as ../shared/tools/evaluate scores it: per notice, the investigation number and
the kind (right or missed), and the complainants, respondents, patents, marks,
(respondent, disposition) pairs and remedies as sets (right, missed, invented); names
match after legal forms are dropped. Nothing in the reader is fitted to these notices, so
there is nothing to cross-validate. Baseline in the same run: the investigation number by
pattern and the kind from the first keyword of the caption, nothing else.
"""

from __future__ import annotations

import difflib
import json
import re
from typing import Any

from _report import DATA, table

from ipsentry.matching.notices import parse_notice

FORMS = r"\b(co|ltd|limited|inc|llc|corp|corporation|company|l\.?p|gmbh|s\.?a|plc|incorporated)\b"


def norm(s: str) -> str:
    s = re.sub(r"d/b/a.*|a/k/a.*", "", (s or "").lower())
    return " ".join(re.sub(FORMS, " ", re.sub(r"[^\w ]", " ", s)).split())


def same(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    return bool(a and b) and (
        a == b
        or (min(len(a), len(b)) >= 4 and (a in b or b in a))
        or difflib.SequenceMatcher(None, a, b).ratio() >= 0.85
    )


def match(truth: list[Any], got: list[Any], eq: Any) -> tuple[int, int, int]:
    left, right = list(got), 0
    for x in truth:
        for j, y in enumerate(left):
            if eq(x, y):
                right += 1
                left.pop(j)
                break
    return right, len(truth) - right, len(left)


def digits(s: Any) -> str:
    return re.sub(r"\D", "", str(s))


def score(truth: dict[str, Any], got: dict[str, Any]) -> dict[str, tuple[int, int, int]]:
    def one(ok: bool) -> tuple[int, int, int]:
        return (1, 0, 0) if ok else (0, 1, 0)

    def named(xs: list[Any]) -> list[str]:
        return [x["name"] for x in xs or []]

    return {
        "investigation": one(digits(got.get("investigation")) == digits(truth["investigation"])),
        "notice_kind": one(got.get("notice_kind") == truth["notice_kind"]),
        "complainants": match(named(truth["complainants"]), named(got.get("complainants")), same),
        "respondents": match(named(truth["respondents"]), named(got.get("respondents")), same),
        "asserted_patents": match(
            [digits(x) for x in truth["asserted_patents"]],
            [digits(x) for x in got.get("asserted_patents") or []],
            str.__eq__,
        ),
        "asserted_marks": match(
            [norm(x) for x in truth["asserted_marks"]],
            [norm(x) for x in got.get("asserted_marks") or []],
            str.__eq__,
        ),
        "dispositions": match(
            [(d["respondent"], d["disposition"]) for d in truth["dispositions"]],
            [(d["respondent"], d["disposition"]) for d in got.get("dispositions") or []],
            lambda a, b: a[1] == b[1] and same(a[0], b[0]),
        ),
        "remedies": match(sorted(truth["remedies"]), sorted(got.get("remedies") or []), str.__eq__),
    }


def baseline(text: str) -> dict[str, Any]:
    number = re.search(r"337\s*[-\u2013]\s*TA\s*[-\u2013]\s*(\d+)", text)
    head = text[:1500].lower()
    kinds = [
        ("institution", "institut"),
        ("exclusion_order", "exclusion order"),
        ("default", "default"),
        ("termination", "terminat"),
    ]
    kind = next((k for k, word in kinds if word in head), "other")
    return {"investigation": number.group(0) if number else "", "notice_kind": kind}


def main() -> None:
    rows = [json.loads(line) for line in (DATA / "itc/truth.jsonl").open(encoding="utf-8")]
    totals: dict[str, dict[str, list[int]]] = {"ipsentry": {}, "baseline": {}}
    for truth in rows:
        text = (DATA / "itc/notices" / truth["file"]).read_text("utf-8")
        for who, got in (("ipsentry", parse_notice(text).record()), ("baseline", baseline(text))):
            for field, counts in score(truth, got).items():
                acc = totals[who].setdefault(field, [0, 0, 0])
                for i, c in enumerate(counts):
                    acc[i] += c
    out = []
    for field in totals["ipsentry"]:
        a, b = totals["ipsentry"][field], totals["baseline"][field]
        out.append([field, *a, *b])
    for who in ("ipsentry", "baseline"):
        r, m, i = (sum(v[k] for v in totals[who].values()) for k in range(3))
        print(f"{who}: {r} right, {m} missed, {i} invented -> {r / max(1, r + m + i):.3f}")
    table(
        f"ITC notice reader, {len(rows)} development notices (right / missed / invented)",
        ["field", "ipsentry right", "missed", "invented", "baseline right", "missed", "invented"],
        out,
    )


if __name__ == "__main__":
    main()
