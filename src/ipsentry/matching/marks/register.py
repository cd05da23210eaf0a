"""Search a large register of names for those confusingly similar to a query, without scanning it.

Candidates come from inverted indexes over keys that a confusing name shares with the
query: every one-letter deletion of the letters (catches one omission, insertion,
replacement or swap on either side), the visual skeleton, the spelling-by-sound, the
letters sorted (swaps further apart), the words sorted (word order) and the meaning in
English; and, for longer names, letter trigrams (catches several edits spread out). The
few hundred candidates are then scored with the same similarity as everything else
(`similarity.score_against`), and the best are judged and explained one by one.

The engine builds and searches an index in memory (`RegisterData`); storing it as a folder
of plain files, memory-mapped so a search process starts quickly, is the business of
`ipsentry.formats.register_index`.
"""

from __future__ import annotations

import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ipsentry.matching.marks.confusion import Assessment, Mark, Use, assess
from ipsentry.matching.marks.dictionaries import (
    ReadingTable,
    foreign_words,
    read_all,
    use_readings,
)
from ipsentry.matching.marks.explain import reasons
from ipsentry.matching.marks.reasons import Reason, sentences
from ipsentry.matching.marks.similarity import FORMS, FormColumns, score_against
from ipsentry.matching.marks.text import MarkText

GRAM_ALPHABET = 38  # a-z, 0-9, padding, anything else
MAX_GRAM_SHARE = 0.05  # trigrams in more than this share of names are too common to help
MIN_GRAM_NAME = 6  # shorter names are reached through the deletion keys
TRIGRAM_CANDIDATES = 1500
RESCORE_EXTRA = 5  # judged one by one beyond the top asked for, so weak words can reorder
COMMON_WORD_SHARE = 0.002  # words in more names than this are a crowded field
COMMON_WORD_WEIGHT = 0.6
# Near-ties are broken towards the better-known name: the one that other names of the
# register reuse as a word (python in python-nmap, flask in flask-login) is the one
# imitators aim at. Worth at most RENOWN_WEIGHT, reached at RENOWN_SATURATION names.
RENOWN_WEIGHT = 0.04
RENOWN_SATURATION = 1000

# A register this large keeps the foreign reading of every word (about a minute of CPU to
# make over 1.2 million words): its searches then never load the dictionaries, which costs
# a search process seconds. A smaller register is built faster than that minute.
READINGS_MIN_NAMES = 100_000

Progress = Callable[[int], None]


def _key(kind: str, value: str) -> int:
    """A stable 64-bit key for an exact form (Python's hash() changes between processes)."""
    data = f"{kind}\x00{value}".encode()
    return ((zlib.crc32(data) & 0x7FFFFFFF) << 32) | zlib.adler32(data)


PREFIX_LENGTHS = (3, 4, 5, 6, 8)
MAX_TWO_DELETIONS = 24  # longer queries are reached by their trigrams
MAX_LIST = 2000  # a looser key (prefix, Metaphone code) is used only while it is this selective


def loose_keys_of(sign: MarkText, query: bool = False) -> list[list[int]]:
    """Keys shared by names that only begin alike, sound alike or share a word, each family
    from loose to tight: a query uses the loosest key of each family that is selective."""
    compact = sign.compact
    families = [
        [_key(f"p{n}", compact[:n]) for n in PREFIX_LENGTHS if len(compact) >= n],
        [_key("t", sign.metaphone)] if len(sign.metaphone) >= 3 else [],
    ]
    if query:
        families.append(sorted(two_deletion_keys(sign)))
    if len(sign.words) > 1 or query:
        words = [w for w in sign.words if len(w) >= 2]
        for word in words:
            family = [_key("o", word), _key("d", word)]
            if query:  # the names that are one of the query's words (contained in it)
                family.append(_key("w", word))
            if query and len(word) > 3:
                family += [_key("o", word[:i] + word[i + 1 :]) for i in range(len(word))]
            families.append(family)
    return families


def two_deletion_keys(sign: MarkText) -> set[int]:
    """The query with two letters dropped: they meet the filed one-letter deletions of names
    up to three edits away (where Jaro-Winkler still finds a shared beginning alike)."""
    compact = sign.compact
    if not 4 < len(compact) <= MAX_TWO_DELETIONS:
        return set()
    n = len(compact)
    return {
        _key("d", compact[:i] + compact[i + 1 : j] + compact[j + 1 :])
        for i in range(n)
        for j in range(i + 1, n)
    }


def _with_deletions(kind: str, form: str, shortest: int = 3) -> set[int]:
    """`form` and, when long enough, each of it with one letter dropped: two forms meet
    under one of these keys when they are at most one edit (or one swap) apart."""
    keys = {_key(kind, form)}
    if len(form) >= shortest:
        keys.update(_key(kind, form[:i] + form[i + 1 :]) for i in range(len(form)))
    return keys


def keys_of(sign: MarkText) -> set[int]:
    """Every exact key under which a sign is filed, and under which a query looks.

    Each form the similarity reads is reachable one edit away: the letters, the words in
    sorted order (a name that reorders words), the English meaning of a translated name (a
    query one edit from the translation) under the letters' keys, and the spelling by sound
    under keys of its own (a respelling one sound apart)."""
    return tight_keys_of(sign) | spread_keys_of(sign)


def tight_keys_of(sign: MarkText) -> set[int]:
    """The keys of the sign's letters one edit away and of its forms exactly: a query looks
    under all of these, however many names one of them files."""
    keys: set[int] = set()
    compact = sign.compact
    if not compact:
        return keys
    keys |= _with_deletions("d", compact)
    keys.add(_key("k", sign.skeleton))
    if len(sign.sound) > 2:
        keys.add(_key("s", sign.sound))
    keys.add(_key("a", "".join(sorted(compact))))
    keys.add(_key("w", " ".join(sorted(sign.words))))
    if sign.translated:
        keys.add(_key("m", sign.gloss))
    return keys


def spread_keys_of(sign: MarkText) -> set[int]:
    """The other forms one edit away (sorted words, meaning, sound): a query looks under
    these only while they are selective."""
    keys: set[int] = set()
    if not sign.compact:
        return keys
    if len(sign.words) > 1:
        keys |= _with_deletions("d", "".join(sorted(sign.words)))
    if len(sign.sound) >= 4:
        keys |= _with_deletions("s", sign.sound)
    if sign.translated:
        keys |= _with_deletions("d", sign.gloss.replace(" ", ""))
    return keys


def _gram_codes(text: str) -> NDArray[np.int64]:
    padded = f"\x00{text}\x00"
    codes = np.frombuffer(padded.encode("latin-1", "replace"), dtype=np.uint8).astype(np.int64)
    out = np.full(codes.shape, GRAM_ALPHABET - 1, dtype=np.int64)
    letters = (codes >= 97) & (codes <= 122)
    digits = (codes >= 48) & (codes <= 57)
    out[letters] = codes[letters] - 97
    out[digits] = codes[digits] - 48 + 26
    out[codes == 0] = 36
    return out


def trigrams(text: str) -> NDArray[np.int64]:
    codes = _gram_codes(text)
    if len(codes) < 3:
        return np.empty(0, dtype=np.int64)
    grams = codes[:-2] * GRAM_ALPHABET**2 + codes[1:-1] * GRAM_ALPHABET + codes[2:]
    return np.unique(grams)


@dataclass(frozen=True)
class _Forms:
    """What the build computes per name, in a worker process."""

    columns: dict[str, list[str]]
    lengths: list[int]
    metaphone_lengths: list[int]
    translated: list[bool]
    han: list[bool]
    words: list[list[str]]
    keys: list[list[int]]


def _forms_of(names: Sequence[str]) -> _Forms:
    signs = [MarkText.of(n) for n in names]
    return _Forms(
        columns={name: [read(s) for s in signs] for name, read in FORMS.items()},
        lengths=[len(s.compact) for s in signs],
        metaphone_lengths=[len(s.metaphone) for s in signs],
        translated=[s.translated for s in signs],
        han=[s.has_han for s in signs],
        words=[list(s.words) for s in signs],
        keys=[
            sorted(keys_of(s) | {k for family in loose_keys_of(s) for k in family}) for s in signs
        ],
    )


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass(frozen=True)
class RegisterData:
    """Everything a built register holds, as plain arrays (`formats.register_index` stores it)."""

    names: Sequence[str]
    columns: FormColumns
    keys: NDArray[np.int64]  # sorted keys, each beside the row it files
    key_ids: NDArray[np.int32]
    renown: NDArray[np.int32]
    gram_indptr: NDArray[np.int64]  # trigram -> rows, as CSR arrays
    gram_names: NDArray[np.int32]
    gram_count: NDArray[np.int16]
    common_words: dict[str, int]  # words in many names, with how many
    readings: ReadingTable | None = None  # every foreign word's reading, for queries too
    build_seconds: float = 0.0

    @property
    def size(self) -> int:
        return len(self.names)

    def stats(self) -> dict[str, float | int]:
        return {
            "names": self.size,
            "keys": len(self.keys),
            "postings": len(self.gram_names),
            "build_seconds": round(self.build_seconds, 1),
        }


def build(
    names: Iterable[str], *, workers: int = 2, progress: Progress | None = None
) -> RegisterData:
    """Index `names` (blank and repeated names dropped) in memory, over `workers` processes."""
    started = time.perf_counter()
    unique = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    columns: dict[str, list[str]] = {name: [] for name in FORMS}
    lengths: list[int] = []
    metaphone_lengths: list[int] = []
    translated: list[bool] = []
    han: list[bool] = []
    word_counts: Counter[str] = Counter()
    key_parts: list[NDArray[np.int64]] = []
    id_parts: list[NDArray[np.int32]] = []
    chunk = 20_000
    with ProcessPoolExecutor(max_workers=max(1, workers)) as pool:
        for index, forms in enumerate(pool.map(_forms_of, _chunks(unique, chunk))):
            base = index * chunk
            for name, values in forms.columns.items():
                columns[name].extend(values)
            lengths.extend(forms.lengths)
            metaphone_lengths.extend(forms.metaphone_lengths)
            translated.extend(forms.translated)
            han.extend(forms.han)
            for words in forms.words:
                word_counts.update(set(words))
            for offset, name_keys in enumerate(forms.keys):
                key_parts.append(np.asarray(name_keys, dtype=np.int64))
                id_parts.append(np.full(len(name_keys), base + offset, dtype=np.int32))
            if progress:
                progress(len(forms.lengths))
        readings = None
        if len(unique) >= READINGS_MIN_NAMES:
            words = foreign_words()
            read = [r for part in pool.map(read_all, _chunks(words, 50_000)) for r in part]
            readings = ReadingTable.of(read)

    all_keys = np.concatenate(key_parts) if key_parts else np.empty(0, dtype=np.int64)
    all_ids = np.concatenate(id_parts) if id_parts else np.empty(0, dtype=np.int32)
    order = np.argsort(all_keys, kind="stable")
    gram_indptr, gram_names = _postings(columns["compact"])
    gram_counts = [len(trigrams(c)) if len(c) >= MIN_GRAM_NAME else 0 for c in columns["compact"]]
    crowded = max(50, int(COMMON_WORD_SHARE * len(unique)))
    return RegisterData(
        names=unique,
        columns=FormColumns(
            forms=columns,
            length=np.asarray(lengths, dtype=np.float32),
            metaphone_length=np.asarray(metaphone_lengths, dtype=np.int32),
            translated=np.asarray(translated, dtype=np.bool_),
            han=np.asarray(han, dtype=np.bool_),
        ),
        keys=all_keys[order],
        key_ids=all_ids[order],
        renown=np.asarray([word_counts.get(c, 0) for c in columns["compact"]], dtype=np.int32),
        gram_indptr=gram_indptr,
        gram_names=gram_names,
        gram_count=np.asarray(gram_counts, dtype=np.int16),
        common_words={w: c for w, c in word_counts.items() if c >= crowded and len(w) > 1},
        readings=readings,
        build_seconds=time.perf_counter() - started,
    )


def _postings(compacts: Sequence[str]) -> tuple[NDArray[np.int64], NDArray[np.int32]]:
    """Trigram -> names, as CSR arrays, for names long enough to be reached by trigrams."""
    grams: list[NDArray[np.int64]] = []
    owners: list[NDArray[np.int32]] = []
    for i, compact in enumerate(compacts):
        if len(compact) >= MIN_GRAM_NAME:
            g = trigrams(compact)
            grams.append(g)
            owners.append(np.full(len(g), i, dtype=np.int32))
    size = GRAM_ALPHABET**3
    if not grams:
        return np.zeros(size + 1, dtype=np.int64), np.empty(0, dtype=np.int32)
    all_grams = np.concatenate(grams)
    all_owners = np.concatenate(owners)
    order = np.argsort(all_grams, kind="stable")
    counts = np.bincount(all_grams, minlength=size)
    indptr = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    return indptr, all_owners[order]


def renown_bonus(renown: Any) -> Any:
    """The tie-breaking credit for names other names reuse (element-wise)."""
    return RENOWN_WEIGHT * np.minimum(1.0, np.log1p(renown) / np.log1p(RENOWN_SATURATION))


@dataclass(frozen=True)
class Result:
    query: str
    name: str
    score: float  # likelihood of confusion with no goods stated
    similarity: float
    assessment: Assessment
    renown: int  # how many names of the register reuse this name as a word

    @property
    def rank_key(self) -> tuple[float, float, str]:
        return (
            -(self.score + float(renown_bonus(np.int32(self.renown)))),
            -self.similarity,
            self.name,
        )

    @property
    def reasons(self) -> list[Reason]:
        """The judgement's clauses, then (a sentence of its own) how many reuse the name."""
        said = reasons(self.assessment, self.query, self.name)
        return said + ([Reason.of("register.reused", n=self.renown)] if self.renown > 1 else [])

    @property
    def explanation(self) -> str:
        return sentences(self.reasons)

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "score": round(self.score, 4),
            "similarity": round(self.similarity, 4),
            "explanation": self.explanation,
            "notation": self.assessment.explain(),
        }


class RegisterIndex:
    """A built register, opened for searching."""

    def __init__(self, data: RegisterData) -> None:
        self.data = data
        self.size = data.size
        crowded = max(50, int(COMMON_WORD_SHARE * self.size))
        self.common = {w: COMMON_WORD_WEIGHT for w, c in data.common_words.items() if c >= crowded}
        self.names = data.names
        self.columns = data.columns
        self.keys = data.keys
        self.key_ids = data.key_ids
        self.renown = data.renown
        self.gram_indptr = data.gram_indptr
        self.gram_names = data.gram_names
        self.gram_count = data.gram_count
        self.max_gram_postings = max(1000, int(MAX_GRAM_SHARE * self.size))
        if data.readings is not None:
            use_readings(data.readings)

    def candidates(self, query: MarkText) -> NDArray[np.int64]:
        """Names sharing a key with the query, or enough uncommon trigrams."""
        exact = tight_keys_of(query)
        loose = spread_keys_of(query) | {
            k for family in loose_keys_of(query, query=True) for k in family
        }
        loose -= exact
        wanted = np.fromiter([*exact, *loose], dtype=np.int64)
        lo = np.searchsorted(self.keys, wanted, side="left")
        hi = np.searchsorted(self.keys, wanted, side="right")
        size = hi - lo
        # an exact key always counts; a looser one only while it is selective
        keep = (size > 0) & ((np.arange(len(wanted)) < len(exact)) | (size <= MAX_LIST))
        found: list[NDArray[np.integer[Any]]] = [
            np.asarray(self.key_ids[a:b])
            for a, b in zip(lo[keep].tolist(), hi[keep].tolist(), strict=True)
        ]
        if len(query.compact) >= MIN_GRAM_NAME - 1:
            found.append(self._by_trigrams(query.compact))
        if not found:
            return np.empty(0, dtype=np.int64)
        return np.unique(np.concatenate(found).astype(np.int64))

    def _by_trigrams(self, compact: str) -> NDArray[np.int64]:
        grams = trigrams(compact)
        starts = self.gram_indptr[grams]
        ends = self.gram_indptr[grams + 1]
        useful = (ends - starts) <= self.max_gram_postings
        lists = [
            np.asarray(self.gram_names[a:b])
            for a, b in zip(starts[useful], ends[useful], strict=True)
        ]
        if not lists:
            return np.empty(0, dtype=np.int64)
        owners, shared = np.unique(np.concatenate(lists), return_counts=True)
        need = max(2, int(0.3 * len(grams)))
        keep = shared >= need
        owners, shared = owners[keep], shared[keep]
        if len(owners) > TRIGRAM_CANDIDATES:
            # Dice coefficient of the trigram sets: favours names of the query's length
            dice = 2.0 * shared / (len(grams) + self.gram_count[owners])
            owners = owners[np.argpartition(-dice, TRIGRAM_CANDIDATES)[:TRIGRAM_CANDIDATES]]
        return owners.astype(np.int64)

    def search(
        self, query: str, *, top: int = 10, score_cutoff: float | None = None
    ) -> list[Result]:
        """The `top` names most likely confused with `query`, none scoring below the cutoff."""
        sign = MarkText.of(query)
        rows = self.candidates(sign)
        if len(rows) == 0:
            return []
        scores = score_against(sign, self.columns.take(rows))
        return self.judge(sign, rows, scores, top=top, score_cutoff=score_cutoff)

    def judge(
        self,
        sign: MarkText,
        rows: NDArray[np.int64],
        scores: NDArray[np.float32],
        *,
        top: int,
        score_cutoff: float | None = None,
    ) -> list[Result]:
        """Judge the best-scored rows one by one and rank them by likelihood of confusion."""
        ranked = scores + renown_bonus(self.renown[rows])
        best = np.argsort(-ranked, kind="stable")[: top + RESCORE_EXTRA]
        mark = Mark(sign.raw)
        results = []
        for i in best:
            if scores[i] <= 0:
                continue
            row = int(rows[i])
            name = self.names[row]
            sign_b = (
                MarkText.of(name)
                if self.columns.translated[row]
                else MarkText.without_foreign_words(name)
            )
            judged = assess(mark, Use(name, known_sign=sign_b), common=self.common)
            results.append(
                Result(
                    sign.raw, name, judged.score, float(scores[i]), judged, int(self.renown[row])
                )
            )
        if score_cutoff is not None:
            results = [r for r in results if r.score >= score_cutoff]
        results.sort(key=lambda r: r.rank_key)
        return results[:top]

    def brute_force(
        self, query: str, *, top: int = 10, workers: int = 1, score_cutoff: float | None = None
    ) -> list[Result]:
        """The same scorer over every name (the baseline the index is measured against)."""
        sign = MarkText.of(query)
        scores = score_against(sign, self.columns, workers=workers)
        everything = np.arange(self.size, dtype=np.int64)
        return self.judge(sign, everything, scores, top=top, score_cutoff=score_cutoff)
