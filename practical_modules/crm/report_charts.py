"""Report charts as inline SVG, in the house style of selfcheck/chart.py: a title and a description
for screen readers, every value written as text beside its mark (nothing depends on colour
alone), classes instead of inline colours, and every label escaped."""

from __future__ import annotations

import math
import zlib
from html import escape

CHARTS = {"none": "tylko tabela", "bar": "wykres słupkowy (porównanie)", "pie": "wykres kołowy (udział w całości)",
          "line": "wykres liniowy (zmiana w czasie)"}
# A narrow drawing that scales to its box (the page sizes it to the container, see site.css .crm-chart):
# at a phone's width one unit is about a pixel, so the 15-unit labels stay readable (WCAG 1.4.4), and
# labels sit above their bars rather than beside them, which a narrow drawing has no room for.
WIDTH = 360
LABEL = 15  # the labels' size in drawing units (the page's style sets it; here it spaces the rows)


def _short(label: str, limit: int = 40) -> str:
    return label if len(label) <= limit else label[:limit - 1] + "…"


def _frame(kind: str, title: str, rows: list[dict], height: int, axis: str) -> list[str]:
    key = f"sc-report-{kind}-{zlib.crc32(title.encode()) % 100000}"  # stable ids: same report, same SVG
    description = f"{CHARTS[kind]}; {axis}: " + "; ".join(f"{r['label']}: {r['text']}" for r in rows)
    return [f'<svg xmlns="http://www.w3.org/2000/svg" class="sc-chart sc-chart--report sc-chart--{kind}" '
            f'viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{key}-t {key}-d">',
            f'<title id="{key}-t">{escape(title)}</title>', f'<desc id="{key}-d">{escape(description)}</desc>']


def bar(title: str, rows: list[dict], axis: str) -> str:
    """Each row: its label on one line, its bar under it with the value after the bar."""
    row_height, bar_height, room_for_value = 2 * LABEL + 18, 16, 110
    height = row_height * len(rows) + 6
    top = max((r["value"] for r in rows), default=0) or 1
    parts = _frame("bar", title, rows, height, axis)
    for index, row in enumerate(rows):
        y = index * row_height + LABEL + 2
        width = max(2.0, (WIDTH - room_for_value) * row["value"] / top) if row["value"] > 0 else 0
        parts.append(f'<text class="sc-chart__label" x="0" y="{y}">{escape(_short(row["label"]))}</text>')
        parts.append(f'<rect class="sc-chart__bar sc-chart__bar--report" x="0" y="{y + 6}" width="{width:.1f}" '
                     f'height="{bar_height}" rx="3"/>')
        parts.append(f'<text class="sc-chart__value" x="{width + 6:.1f}" y="{y + 6 + bar_height - 2}">{escape(row["text"])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def pie(title: str, rows: list[dict], axis: str) -> str:
    """The circle on top, the legend under it: one line per slice, with its value and share."""
    total = sum(max(r["value"], 0) for r in rows)
    radius, cx, cy, line = 80, WIDTH / 2, 86, LABEL + 10
    legend = 2 * cy + 10
    height = legend + line * len(rows)
    parts = _frame("pie", title, rows, height, axis)
    angle = -math.pi / 2
    for index, row in enumerate(rows):
        share = max(row["value"], 0) / total if total else 0
        sweep = share * 2 * math.pi
        css = f"sc-chart__slice sc-chart__slice--{index % 8}"
        if share >= 0.9999:
            parts.append(f'<circle class="{css}" cx="{cx}" cy="{cy}" r="{radius}"/>')
        elif share > 0:
            x1, y1 = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
            x2, y2 = cx + radius * math.cos(angle + sweep), cy + radius * math.sin(angle + sweep)
            large = 1 if sweep > math.pi else 0
            parts.append(f'<path class="{css}" d="M{cx},{cy} L{x1:.2f},{y1:.2f} A{radius},{radius} 0 {large} 1 '
                         f'{x2:.2f},{y2:.2f} Z"/>')
        angle += sweep
        y = legend + index * line + LABEL
        parts.append(f'<rect class="{css}" x="0" y="{y - 12}" width="14" height="14"/>')
        parts.append(f'<text class="sc-chart__label" x="22" y="{y}">{escape(_short(row["label"], 24))}: '
                     f'{escape(row["text"])} ({round(share * 100)}%)</text>')
    parts.append("</svg>")
    return "".join(parts)


def line(title: str, rows: list[dict], axis: str) -> str:
    """Points over time; the labels under the axis turned aslant, so a year of months fits. Where the
    points stand too close for a value above each, the value goes into its label."""
    left, right, top_pad, plot_height, below = 24, 24, LABEL + 10, 170, 120
    height = top_pad + plot_height + below
    top = max((r["value"] for r in rows), default=0) or 1
    step = (WIDTH - left - right) / max(len(rows) - 1, 1)
    roomy = step >= 64 or len(rows) == 1
    parts = _frame("line", title, rows, height, axis)
    points = []
    base = top_pad + plot_height
    for index, row in enumerate(rows):
        x = left + index * step
        y = top_pad + plot_height * (1 - row["value"] / top)
        points.append((x, y))
        label = _short(row["label"], 12) + ("" if roomy else f": {row['text']}")
        parts.append(f'<text class="sc-chart__axis" x="{x:.1f}" y="{base + 16}" text-anchor="end" '
                     f'transform="rotate(-45 {x:.1f} {base + 16})">{escape(label)}</text>')
    parts.append(f'<line class="sc-chart__threshold" x1="{left}" y1="{base}" x2="{WIDTH - right}" y2="{base}"/>')
    if len(points) > 1:
        parts.append('<polyline class="sc-chart__line" fill="none" points="' +
                     " ".join(f"{x:.1f},{y:.1f}" for x, y in points) + '"/>')
    for (x, y), row in zip(points, rows):
        parts.append(f'<circle class="sc-chart__point" cx="{x:.1f}" cy="{y:.1f}" r="4"/>')
        if roomy:
            parts.append(f'<text class="sc-chart__value" x="{x:.1f}" y="{y - 8:.1f}" text-anchor="middle">'
                         f'{escape(row["text"])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def chart_svg(kind: str, title: str, rows: list[dict], axis: str) -> str:
    """rows: [{"label", "value" (a number), "text" (the value as the reader sees it)}]."""
    return {"bar": bar, "pie": pie, "line": line}[kind](title, rows, axis)
