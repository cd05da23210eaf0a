"""Memory of tokenising a corpus for the encoder: all at once (baseline) or a slice at a time.

Reproduce:  .venv/bin/python bench/encoder_memory.py

Each way runs in a process of its own over the 23,248 titles and abstracts of
search_corpus.jsonl.gz at the index's 64 tokens; the figure is how far the peak resident memory
(`ru_maxrss`) rises above its level once the texts and the encoder are loaded. The baseline keeps the tokenizer's records of every
text (what the encoder did before: the records hold the tokens past the truncation too);
the shipped way keeps only the token ids, `TOKENIZE_SLICE` texts tokenised at a time.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from _report import table

MEASURE = """
import gzip, json, resource, sys
import numpy as np
from _report import DATA
from ipsentry.matching.claims.search import DENSE_TOKENS
from ipsentry.matching.text.encoder import TOKENIZE_SLICE, Encoder

texts = []
with gzip.open(DATA / "patents/search_corpus.jsonl.gz", "rt") as handle:
    for line in handle:
        d = json.loads(line)
        texts.append(". ".join(p for p in (d.get("title"), d.get("abstract")) if p))
tokenizer = Encoder(max_tokens=DENSE_TOKENS).tokenizer
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if sys.argv[1] == "whole":
    kept = tokenizer.encode_batch(texts)
else:
    kept = []
    for start in range(0, len(texts), TOKENIZE_SLICE):
        encoded = tokenizer.encode_batch(texts[start : start + TOKENIZE_SLICE])
        kept += [np.asarray(e.ids, dtype=np.int32) for e in encoded]
print(len(texts), (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024)
"""


def measure(way: str) -> tuple[int, float]:
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, way],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent,
    )
    count, megabytes = done.stdout.split()
    return int(count), float(megabytes)


def main() -> None:
    rows = []
    for label, way in (
        ("whole corpus at once, tokenizer records kept (baseline)", "whole"),
        ("a slice at a time, token ids kept (shipped)", "sliced"),
    ):
        count, megabytes = measure(way)
        rows.append([label, f"{count:,}", f"{megabytes:.0f} MB"])
    table("Tokenising for the encoder", ["way", "texts", "rise of the peak memory"], rows)


if __name__ == "__main__":
    main()
