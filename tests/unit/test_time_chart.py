"""The dashboard's activity chart: one column per day, heights in proportion, gaps kept."""

from __future__ import annotations

from datetime import date

from ipsentry.web.charts import COLUMN_HEIGHT, time_chart


def test_columns_cover_every_day_and_scale_to_the_busiest() -> None:
    last = date(2026, 12, 3)
    chart = time_chart(
        {date(2026, 12, 1): 40, date(2026, 12, 3): 10, date(2026, 1, 1): 99}, last, 5
    )
    assert [c.day.day for c in chart.columns] == [29, 30, 1, 2, 3]
    assert chart.first == date(2026, 11, 29) and chart.top == 40  # a day outside: left out
    heights = {c.day.day: c.height for c in chart.active}
    assert heights == {1: COLUMN_HEIGHT, 3: COLUMN_HEIGHT // 4}
    xs = [c.x for c in chart.columns]
    assert xs == sorted(xs) and len(set(xs)) == 5


def test_a_quiet_period_has_no_active_column() -> None:
    chart = time_chart({}, date(2026, 12, 3), 90)
    assert len(chart.columns) == 90 and not chart.active and chart.top == 0
