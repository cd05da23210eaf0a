"""The encoder tokenises a corpus a slice at a time; the vectors must not depend on the slices."""

from __future__ import annotations

import numpy as np
import pytest

from ipsentry.matching.text import encoder as encoding

TEXTS = [
    "A hand pump drives liquid from a tank to a nozzle.",
    "Quartz lamps brown bread; a crumb tray slides out.",
    "A heating coil vaporises liquid drawn from a reservoir by a wick.",
    "Short.",
    "A rotor with blades turns in a housing and drives a generator shaft.",
]


def test_slices_give_the_vectors_of_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    model = encoding.Encoder(max_tokens=64)
    whole = model.encode(TEXTS, batch_size=2)
    monkeypatch.setattr(encoding, "TOKENIZE_SLICE", 2)
    sliced = model.encode(TEXTS, batch_size=2)
    assert np.allclose(whole, sliced, atol=1e-6)
    assert np.allclose(np.linalg.norm(sliced, axis=1), 1.0, atol=1e-5)
    assert float(sliced[0] @ sliced[2]) > float(
        sliced[0] @ sliced[1]
    )  # liquid and nozzle vs toaster


def test_the_session_keeps_no_memory_arena() -> None:
    """Without the arena a long batch's buffers are freed after it (a corpus build's peak)."""
    options = encoding.Encoder(max_tokens=8).session.get_session_options()
    assert options.enable_cpu_mem_arena is False
