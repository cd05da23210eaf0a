"""Charts drawn on the server as SVG: offline, no script, readable as a table too."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

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


COLUMN_WIDTH = 6
COLUMN_HEIGHT = 120
AXIS_HEIGHT = 18


@dataclass(frozen=True)
class Column:
    day: date
    value: int
    x: int
    height: int  # pixels, proportional to the largest value


@dataclass(frozen=True)
class TimeChart:
    """One column per day, oldest on the left; days without activity stay empty."""

    columns: list[Column]
    first: date
    last: date
    top: int  # the largest value, written on the axis

    @property
    def width(self) -> int:
        return len(self.columns) * COLUMN_WIDTH + 40

    @property
    def height(self) -> int:
        return COLUMN_HEIGHT + AXIS_HEIGHT

    @property
    def active(self) -> list[Column]:
        return [c for c in self.columns if c.value]


def time_chart(counts: dict[date, int], last: date, days: int) -> TimeChart:
    """``counts`` by day over the ``days`` days ending on ``last``."""
    first = last - timedelta(days=days - 1)
    values = [counts.get(first + timedelta(days=i), 0) for i in range(days)]
    top = max(values, default=0)
    columns = []
    for i, value in enumerate(values):
        day = first + timedelta(days=i)
        height = round(COLUMN_HEIGHT * value / top) if top else 0
        columns.append(Column(day, value, 40 + i * COLUMN_WIDTH, max(height, 1 if value else 0)))
    return TimeChart(columns, first, last, top)
