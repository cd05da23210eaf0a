"""Mark similarity: how alike two signs are in look, sound and meaning, in [0, 1].

Every measure is a rapidfuzz scorer over one normalised form, so the same similarity can be
computed for one pair (with its explanation) or for one sign against a whole register with
`process.cdist` (for brute-force baselines and for re-scoring index candidates). The
measures are combined by `combine`, which works element-wise on NumPy arrays and plain
floats alike; there is one formula, used everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, JaroWinkler, Levenshtein

from ipsentry.matching.marks.packed import PackedText
from ipsentry.matching.marks.text import MarkText

FloatArray = NDArray[np.float32]

# How much each dimension may give at most: a perfect match in a coarse form (sound,
# skeleton, translation) is weaker evidence than a perfect match of the letters.
WORDS_WEIGHT = 0.98
SKELETON_WEIGHT = 0.97
SOUND_WEIGHT = 0.93
MEANING_WEIGHT = 0.93
CONTAINED_FLOOR = 0.70  # a whole mark inside a longer one, before crediting how much it covers
CONTAINED_SPAN = 0.25
MIN_METAPHONE = 3  # shorter codes collide too often to mean anything


FORMS: dict[str, Callable[[MarkText], str]] = {
    "compact": lambda m: m.compact,
    "spaced": lambda m: m.spaced,
    "skeleton": lambda m: m.skeleton,
    "sound": lambda m: m.sound,
    "metaphone": lambda m: m.metaphone,
    "gloss": lambda m: m.gloss,
}


@dataclass(frozen=True)
class Measure:
    """One raw comparison: a native rapidfuzz scorer applied to one form of both signs."""

    name: str
    form: str  # a key of FORMS
    scorer: Callable[..., float]
    scale: float = 1.0  # to bring the scorer's range to [0, 1]

    def pair(self, a: MarkText, b: MarkText) -> float:
        read = FORMS[self.form]
        return float(self.scorer(read(a), read(b))) * self.scale


MEASURES: tuple[Measure, ...] = (
    Measure("osa", "compact", OSA.normalized_similarity),
    Measure("jaro_winkler", "compact", JaroWinkler.similarity),
    Measure("token_sort", "spaced", fuzz.token_sort_ratio, 0.01),
    Measure("token_set", "spaced", fuzz.token_set_ratio, 0.01),
    Measure("skeleton", "skeleton", OSA.normalized_similarity),
    Measure("sound", "sound", OSA.normalized_similarity),
    Measure("metaphone", "metaphone", OSA.normalized_similarity),
    Measure("meaning", "gloss", fuzz.token_sort_ratio, 0.01),
)


@dataclass(frozen=True)
class Sides:
    """Per-sign facts `combine` needs besides the raw measures (scalars or arrays)."""

    length_a: Any
    length_b: Any
    metaphone_a: Any  # length of the Metaphone code
    metaphone_b: Any
    translated_a: Any
    translated_b: Any
    han_a: Any  # written in Chinese characters
    han_b: Any


def combine(raw: dict[str, Any], sides: Sides) -> dict[str, Any]:
    """The dimensions and the overall similarity, from the raw measures (element-wise)."""
    spelling = 0.5 * raw["osa"] + 0.5 * raw["jaro_winkler"]
    shorter = np.minimum(sides.length_a, sides.length_b)
    longer = np.maximum(np.maximum(sides.length_a, sides.length_b), 1)
    coverage = shorter / longer
    contained = np.where(
        raw["token_set"] >= 0.999, CONTAINED_FLOOR + CONTAINED_SPAN * coverage, 0.0
    )
    look = np.maximum.reduce(
        [spelling, WORDS_WEIGHT * raw["token_sort"], SKELETON_WEIGHT * raw["skeleton"], contained]
    )
    # A Metaphone code drops vowels and collides often: it corroborates the respelling
    # (half weight) rather than deciding alone, except across scripts, where pinyin and an
    # English spelling can only meet at the level of their consonants.
    coded = (sides.metaphone_a >= MIN_METAPHONE) & (sides.metaphone_b >= MIN_METAPHONE)
    across = np.logical_xor(sides.han_a, sides.han_b)
    code_share = np.where(across, 1.0, 0.5)
    corroborated = (1.0 - code_share) * raw["sound"] + code_share * raw["metaphone"]
    corroborated = np.where(coded, corroborated, 0.0)
    sound = SOUND_WEIGHT * np.maximum(raw["sound"], corroborated)
    # The same letters are said the same way: the coarse form's cap does not apply.
    sound = np.where(raw["osa"] >= 1.0, 1.0, sound)
    translated = np.logical_or(sides.translated_a, sides.translated_b)
    meaning = np.where(translated, MEANING_WEIGHT * raw["meaning"], 0.0)
    meaning = np.where(translated & (raw["osa"] >= 1.0), 1.0, meaning)  # the same words
    overall = np.maximum.reduce([look, sound, meaning])
    present = (sides.length_a > 0) & (sides.length_b > 0)
    return {
        "spelling": spelling,
        "contained": contained,
        "look": look,
        "sound": sound,
        "meaning": meaning,
        "similarity": np.where(present, overall, 0.0),
    }


@dataclass(frozen=True)
class Similarity:
    """How alike two signs are, with what made them alike."""

    score: float
    look: float
    sound: float
    meaning: float
    measures: dict[str, float]
    strongest: str  # the dimension that gave the score
    alignment: str  # the letters of both signs lined up: '=' same, '~' changed
    notes: tuple[str, ...]

    def explain(self) -> str:
        parts = [f"{self.strongest} {self.score:.2f}"]
        parts += [
            f"{name} {value:.2f}"
            for name, value in (
                ("look", self.look),
                ("sound", self.sound),
                ("meaning", self.meaning),
            )
            if name != self.strongest and value > 0
        ]
        text = "; ".join(parts)
        if self.alignment:
            text += f"; aligned {self.alignment}"
        if self.notes:
            text += "; " + "; ".join(self.notes)
        return text


def align(a: str, b: str) -> str:
    """Show where two strings agree: 'comm[+uni]cash' reads 'insert uni after comm'."""
    if a == b:
        return f"{a} = {b}"
    out: list[str] = []
    for op in Levenshtein.opcodes(a, b):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag == "equal":
            out.append(a[i1:i2])
        elif tag == "replace":
            out.append(f"[{a[i1:i2]}→{b[j1:j2]}]")
        elif tag == "delete":
            out.append(f"[-{a[i1:i2]}]")
        else:
            out.append(f"[+{b[j1:j2]}]")
    return "".join(out)


def _sides_of(a: MarkText, b: MarkText) -> Sides:
    return Sides(
        length_a=np.float32(len(a.compact)),
        length_b=np.float32(len(b.compact)),
        metaphone_a=len(a.metaphone),
        metaphone_b=len(b.metaphone),
        translated_a=a.translated,
        translated_b=b.translated,
        han_a=a.has_han,
        han_b=b.has_han,
    )


def _dimensions(a: MarkText, b: MarkText) -> tuple[dict[str, float], dict[str, float]]:
    raw = {m.name: m.pair(a, b) for m in MEASURES}
    return raw, {k: float(v) for k, v in combine(raw, _sides_of(a, b)).items()}


@lru_cache(maxsize=1 << 16)
def word_similarity(a: str, b: str, *, foreign: bool = True) -> float:
    """Similarity of two single words as written (cached: the same words recur).

    `foreign=False` when neither word can be a foreign word (they come from signs that hold
    none): the same figure, without looking the words up in the foreign dictionaries."""
    read = MarkText.of if foreign else MarkText.without_foreign_words
    return _dimensions(read(a), read(b))[1]["similarity"]


def compare(a: MarkText, b: MarkText) -> Similarity:
    """Similarity of two signs, symmetric, with an explanation."""
    raw, dims = _dimensions(a, b)
    score = dims["similarity"]
    dimensions = {"look": dims["look"], "sound": dims["sound"], "meaning": dims["meaning"]}
    strongest = max(dimensions, key=lambda k: dimensions[k])
    notes: list[str] = []
    if score > 0:
        if strongest == "look" and dims["contained"] >= dims["look"] > dims["spelling"]:
            notes.append("one mark contained whole in the other")
        if strongest == "look" and SKELETON_WEIGHT * raw["skeleton"] > dims["spelling"] + 0.01:
            notes.append(f"look-alike letters: {a.skeleton} ~ {b.skeleton}")
        if strongest == "sound":
            notes.append(
                f"said alike: {a.sound} ~ {b.sound} (Metaphone {a.metaphone} ~ {b.metaphone})"
            )
        if strongest == "meaning":
            notes.append(f"same meaning: {a.gloss} ~ {b.gloss} (translation)")
        for side in (a, b):
            if side.pinyin:
                notes.append(
                    f"pinyin of {''.join(t.original for t in side.tokens if t.han)}: {side.pinyin}"
                )
            if side.homoglyph_chars:
                chars = ", ".join(f"U+{ord(c):04X}" for c in side.homoglyph_chars)
                notes.append(f"'{side.raw}' mixes scripts with look-alike characters ({chars})")
    return Similarity(
        score=score,
        look=dims["look"],
        sound=dims["sound"],
        meaning=dims["meaning"],
        measures={k: round(float(v), 4) for k, v in raw.items()},
        strongest=strongest,
        alignment=align(a.compact, b.compact) if score > 0 else "",
        notes=tuple(dict.fromkeys(notes)),
    )


@dataclass(frozen=True)
class FormColumns:
    """The forms of many signs, column by column, for scoring one sign against all of them."""

    forms: Mapping[str, Sequence[str]]
    length: FloatArray
    metaphone_length: NDArray[np.int32]
    translated: NDArray[np.bool_]
    han: NDArray[np.bool_]

    @classmethod
    def of(cls, signs: Sequence[MarkText]) -> FormColumns:
        return cls(
            forms={name: [read(s) for s in signs] for name, read in FORMS.items()},
            length=np.array([len(s.compact) for s in signs], dtype=np.float32),
            metaphone_length=np.array([len(s.metaphone) for s in signs], dtype=np.int32),
            translated=np.array([s.translated for s in signs], dtype=np.bool_),
            han=np.array([s.has_han for s in signs], dtype=np.bool_),
        )

    def take(self, rows: NDArray[np.int64]) -> FormColumns:
        return FormColumns(
            forms={
                k: v.take(rows) if isinstance(v, PackedText) else [v[i] for i in rows]
                for k, v in self.forms.items()
            },
            length=self.length[rows],
            metaphone_length=self.metaphone_length[rows],
            translated=self.translated[rows],
            han=self.han[rows],
        )


def score_against(
    query: MarkText, columns: FormColumns, *, workers: int = 1, score_cutoff: float | None = None
) -> FloatArray:
    """The similarity of `query` to every sign in `columns`, vectorised with cdist; a
    similarity below `score_cutoff` is 0, as rapidfuzz scorers report it."""
    raw: dict[str, Any] = {}
    for m in MEASURES:
        scores = process.cdist(
            [FORMS[m.form](query)],
            columns.forms[m.form],
            scorer=m.scorer,
            dtype=np.float32,
            workers=workers,
        )[0]
        raw[m.name] = scores * np.float32(m.scale)
    sides = Sides(
        length_a=np.float32(len(query.compact)),
        length_b=columns.length,
        metaphone_a=len(query.metaphone),
        metaphone_b=columns.metaphone_length,
        translated_a=query.translated,
        translated_b=columns.translated,
        han_a=query.has_han,
        han_b=columns.han,
    )
    result: FloatArray = combine(raw, sides)["similarity"].astype(np.float32)
    if score_cutoff is not None:
        result[result < score_cutoff] = 0.0
    return result
