"""Readiness as an inline SVG bar chart. Every bar carries its number as text, and the chart
has a title and description, so nothing depends on colour alone."""

from __future__ import annotations

from html import escape

ROW = 28
LABEL_WIDTH = 250
BAR_WIDTH = 300
WIDTH = LABEL_WIDTH + BAR_WIDTH + 70


def percent(value: float | None) -> str:
    return "brak danych" if value is None else f"{round(value * 100)}%"


def bar_chart(title: str, rows: list[dict]) -> str:
    """rows: [{"label": "Z1.E1 Pozyskuje dane klientów", "value": 0.0–1.0 or None, "level": "gotowy"…}]"""
    height = ROW * len(rows) + 30
    description = "; ".join(f"{row['label']}: {percent(row['value'])}" for row in rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sc-chart" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="sc-chart-title-{_slug(title)} sc-chart-desc-{_slug(title)}">',
        f'<title id="sc-chart-title-{_slug(title)}">{escape(title)}</title>',
        f'<desc id="sc-chart-desc-{_slug(title)}">{escape(description)}</desc>',
    ]
    for marker in (0.5, 0.8):  # the thresholds of "prawie gotowe" and "gotowe"
        x = LABEL_WIDTH + BAR_WIDTH * marker
        parts.append(f'<line class="sc-chart__threshold" x1="{x:.0f}" y1="0" x2="{x:.0f}" y2="{height - 24}"/>')
        parts.append(f'<text class="sc-chart__axis" x="{x:.0f}" y="{height - 8}" text-anchor="middle">{round(marker * 100)}%</text>')
    for index, row in enumerate(rows):
        y = index * ROW + 4
        label = row["label"] if len(row["label"]) <= 38 else row["label"][:37] + "…"
        parts.append(f'<text class="sc-chart__label" x="0" y="{y + 15}">{escape(label)}</text>')
        parts.append(f'<rect class="sc-chart__track" x="{LABEL_WIDTH}" y="{y}" width="{BAR_WIDTH}" height="20" rx="3"/>')
        if row["value"] is not None:
            width = max(2.0, BAR_WIDTH * row["value"])
            parts.append(f'<rect class="sc-chart__bar sc-chart__bar--{row["level"]}" x="{LABEL_WIDTH}" y="{y}" '
                         f'width="{width:.1f}" height="20" rx="3"/>')
        parts.append(f'<text class="sc-chart__value" x="{LABEL_WIDTH + BAR_WIDTH + 8}" y="{y + 15}">{percent(row["value"])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")[:30]
