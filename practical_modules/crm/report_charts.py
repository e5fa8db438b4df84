"""Report charts as inline SVG, in the house style of selfcheck/chart.py: a title and a description
for screen readers, every value written as text beside its mark (nothing depends on colour
alone), classes instead of inline colours, and every label escaped."""

from __future__ import annotations

import math
import zlib
from html import escape

CHARTS = {"none": "tylko tabela", "bar": "wykres słupkowy (porównanie)", "pie": "wykres kołowy (udział w całości)",
          "line": "wykres liniowy (zmiana w czasie)"}
WIDTH = 620


def _short(label: str, limit: int = 34) -> str:
    return label if len(label) <= limit else label[:limit - 1] + "…"


def _frame(kind: str, title: str, rows: list[dict], height: int, axis: str) -> list[str]:
    key = f"sc-report-{kind}-{zlib.crc32(title.encode()) % 100000}"  # stable ids: same report, same SVG
    description = f"{CHARTS[kind]}; {axis}: " + "; ".join(f"{r['label']}: {r['text']}" for r in rows)
    return [f'<svg xmlns="http://www.w3.org/2000/svg" class="sc-chart sc-chart--{kind}" viewBox="0 0 {WIDTH} {height}" '
            f'role="img" aria-labelledby="{key}-t {key}-d">',
            f'<title id="{key}-t">{escape(title)}</title>', f'<desc id="{key}-d">{escape(description)}</desc>']


def bar(title: str, rows: list[dict], axis: str) -> str:
    row_height, label_width, bar_width = 28, 230, 270
    height = row_height * len(rows) + 10
    top = max((r["value"] for r in rows), default=0) or 1
    parts = _frame("bar", title, rows, height, axis)
    for index, row in enumerate(rows):
        y = index * row_height + 4
        width = max(2.0, bar_width * row["value"] / top) if row["value"] > 0 else 0
        parts.append(f'<text class="sc-chart__label" x="0" y="{y + 15}">{escape(_short(row["label"]))}</text>')
        parts.append(f'<rect class="sc-chart__bar sc-chart__bar--report" x="{label_width}" y="{y}" width="{width:.1f}" '
                     f'height="20" rx="3"/>')
        parts.append(f'<text class="sc-chart__value" x="{label_width + width + 6:.1f}" y="{y + 15}">{escape(row["text"])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def pie(title: str, rows: list[dict], axis: str) -> str:
    total = sum(max(r["value"], 0) for r in rows)
    radius, cx, cy = 90, 110, 110
    height = max(230, 26 * len(rows) + 20)
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
        y = 20 + index * 26
        parts.append(f'<rect class="{css}" x="240" y="{y - 12}" width="14" height="14"/>')
        parts.append(f'<text class="sc-chart__label" x="262" y="{y}">{escape(_short(row["label"], 30))}: '
                     f'{escape(row["text"])} ({round(share * 100)}%)</text>')
    parts.append("</svg>")
    return "".join(parts)


def line(title: str, rows: list[dict], axis: str) -> str:
    left, right, top_pad, plot_height = 60, 20, 20, 180
    height = plot_height + 70
    top = max((r["value"] for r in rows), default=0) or 1
    step = (WIDTH - left - right) / max(len(rows) - 1, 1)
    parts = _frame("line", title, rows, height, axis)
    points = []
    for index, row in enumerate(rows):
        x = left + index * step
        y = top_pad + plot_height * (1 - row["value"] / top)
        points.append((x, y))
        parts.append(f'<text class="sc-chart__axis" x="{x:.1f}" y="{top_pad + plot_height + 20}" text-anchor="middle">'
                     f'{escape(_short(row["label"], 12))}</text>')
    parts.append(f'<line class="sc-chart__threshold" x1="{left}" y1="{top_pad + plot_height}" x2="{WIDTH - right}" '
                 f'y2="{top_pad + plot_height}"/>')
    if len(points) > 1:
        parts.append('<polyline class="sc-chart__line" fill="none" points="' +
                     " ".join(f"{x:.1f},{y:.1f}" for x, y in points) + '"/>')
    for (x, y), row in zip(points, rows):
        parts.append(f'<circle class="sc-chart__point" cx="{x:.1f}" cy="{y:.1f}" r="4"/>')
        parts.append(f'<text class="sc-chart__value" x="{x:.1f}" y="{y - 8:.1f}" text-anchor="middle">{escape(row["text"])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def chart_svg(kind: str, title: str, rows: list[dict], axis: str) -> str:
    """rows: [{"label", "value" (a number), "text" (the value as the reader sees it)}]."""
    return {"bar": bar, "pie": pie, "line": line}[kind](title, rows, axis)
