"""Charts drawn on the server as SVG: offline, no script, readable as a table too."""

from __future__ import annotations

from dataclasses import dataclass

BAR_HEIGHT = 22
LABEL_WIDTH = 160
BAR_WIDTH = 300


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: int  # pixels, proportional to the largest value


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    height: int
    label_width: int = LABEL_WIDTH
    bar_width: int = BAR_WIDTH

    @property
    def width(self) -> int:
        return self.label_width + self.bar_width + 60


def bar_chart(counts: dict[str, int]) -> BarChart:
    top = max(counts.values(), default=0) or 1
    bars = [
        Bar(label, value, i * BAR_HEIGHT, max(1, round(BAR_WIDTH * value / top)))
        for i, (label, value) in enumerate(counts.items())
    ]
    return BarChart(bars, max(BAR_HEIGHT, len(bars) * BAR_HEIGHT))
