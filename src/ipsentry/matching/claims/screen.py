"""Screen product texts against a portfolio's claims: likely patents first, then full charts.

A portfolio may hold thousands of patents; charting every claim against every listing is
wasted work. The independent claims are indexed with BM25, each product text retrieves the
few patents whose claims its words are closest to, and only those are charted, each with
the engine of its own construction table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ipsentry.domain.rights import Patent
from ipsentry.matching.claims.chart import ChartEngines, ClaimResult, Verdict
from ipsentry.matching.claims.search import tokenize

CANDIDATES = 5
MIN_WORDS = 8  # shorter texts (a bare title) say too little to chart a claim against


@dataclass(frozen=True)
class ClaimHit:
    patent: Patent
    result: ClaimResult  # the best-covered independent claim


class ClaimScreener:
    def __init__(
        self, patents: Sequence[Patent], engines: ChartEngines, candidates: int = CANDIDATES
    ) -> None:
        import bm25s

        self.patents = [p for p in patents if p.independent_claims]
        self.engines = engines
        self.candidates = candidates
        self.retriever = None
        if self.patents:
            texts = [" ".join(c.text for c in p.independent_claims) for p in self.patents]
            self.retriever = bm25s.BM25()
            self.retriever.index(tokenize(texts), show_progress=False)
            self.vocabulary = self.retriever.vocab_dict

    def screen(self, text: str) -> list[ClaimHit]:
        if self.retriever is None or len(text.split()) < MIN_WORDS:
            return []
        tokens = tokenize([text])
        inverse = {i: w for w, i in tokens.vocab.items()}
        words = [inverse[i] for i in tokens.ids[0] if inverse[i] in self.vocabulary]
        if not words:
            return []
        scores = np.asarray(self.retriever.get_scores(words))
        best = [int(i) for i in np.argsort(-scores)[: self.candidates] if scores[i] > 0]
        hits = []
        for i in best:
            patent = self.patents[i]
            engine = self.engines.of(patent.construction)
            results = engine.chart(patent.claims, engine.read(text))
            top = max(results, key=lambda r: r.coverage)
            if top.verdict != Verdict.NO:
                hits.append(ClaimHit(patent, top))
        return sorted(hits, key=lambda h: -h.result.coverage)
