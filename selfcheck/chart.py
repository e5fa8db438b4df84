"""Readiness as an inline SVG bar chart. Every bar carries its number as text, and the chart
has a title and description, so nothing depends on colour alone.

Each row puts its label on a line of its own above the bar, so long names are not cut and the
chart stays readable when a phone scales it down (the viewBox is narrow: 100% of a 360 px
screen keeps the text at about 12 px). The dashed lines mark the readiness levels' thresholds.
"""

from __future__ import annotations

from html import escape

from .polish import percent as _percent
from .readiness import LEVELS

WIDTH = 400
BAR_WIDTH = 340          # the value's text stands to the right of the bar
LABEL_LINE = 18          # one line of label text
BAR = 16
ROW_GAP = 12
MAX_LABEL = 52           # characters on the label line; the full text is in the description


def percent(value: float | None) -> str:
    return _percent(value)


def thresholds() -> list[float]:
    """The lower bounds of every level above the lowest (e.g. 50% and 80%)."""
    return sorted(threshold for threshold, _, _ in LEVELS if threshold > 0)


def bar_chart(title: str, rows: list[dict]) -> str:
    """rows: [{"label": "Z1.E1 Pozyskuje dane klientów", "value": 0.0–1.0 or None, "level": "gotowy"…}]"""
    row_height = LABEL_LINE + BAR + ROW_GAP
    height = row_height * len(rows) + 24
    slug = _slug(title)
    description = "; ".join(f"{row['label']}: {percent(row['value'])}" for row in rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sc-chart" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="sc-chart-title-{slug} sc-chart-desc-{slug}">',
        f'<title id="sc-chart-title-{slug}">{escape(title)}</title>',
        f'<desc id="sc-chart-desc-{slug}">{escape(description)}</desc>',
    ]
    for marker in thresholds():
        x = BAR_WIDTH * marker
        parts.append(f'<line class="sc-chart__threshold" x1="{x:.0f}" y1="{LABEL_LINE - 2}" x2="{x:.0f}" y2="{height - 20}"/>')
        parts.append(f'<text class="sc-chart__axis" x="{x:.0f}" y="{height - 6}" text-anchor="middle">{round(marker * 100)}%</text>')
    for index, row in enumerate(rows):
        top = index * row_height
        label = row["label"] if len(row["label"]) <= MAX_LABEL else row["label"][:MAX_LABEL - 1] + "…"
        parts.append(f'<text class="sc-chart__label" x="0" y="{top + LABEL_LINE - 5}">{escape(label)}</text>')
        bar_top = top + LABEL_LINE
        parts.append(f'<rect class="sc-chart__track" x="0" y="{bar_top}" width="{BAR_WIDTH}" height="{BAR}" rx="3"/>')
        if row["value"] is not None:
            width = max(2.0, BAR_WIDTH * row["value"])
            parts.append(f'<rect class="sc-chart__bar sc-chart__bar--{row["level"]}" x="0" y="{bar_top}" '
                         f'width="{width:.1f}" height="{BAR}" rx="3"/>')
        parts.append(f'<text class="sc-chart__value" x="{BAR_WIDTH + 6}" y="{bar_top + BAR - 3}">'
                     f'{"–" if row["value"] is None else percent(row["value"])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")[:30]
