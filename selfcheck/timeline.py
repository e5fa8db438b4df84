"""The renewal timeline as an inline SVG: the validity window, each evidence period (the part
that counts drawn solid, the rest outlined), the counted coverage, and today. Dates are written
on the drawing, so it reads without colour."""

from __future__ import annotations

from datetime import date
from html import escape

from .polish import long_date as pl_date
from .renewal import Assessment

WIDTH, LEFT, RIGHT, ROW = 640, 120, 20, 26


def timeline(assessment: Assessment) -> str:
    a = assessment
    start, end = a.issued, a.valid_through
    span = max(1, (end - start).days)
    scale = (WIDTH - LEFT - RIGHT) / span

    def x(day: date) -> float:
        offset = min(max((day - start).days, -span * 0.05), span * 1.05)
        return LEFT + offset * scale

    rows = len(a.per_period) + 3
    height = rows * ROW + 30
    desc = (f"Certyfikat ważny od {pl_date(start)} do {pl_date(end)}. Liczy się {a.total_days} dni pracy; "
            f"wymagane {a.required_days}.")
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="rn-timeline" viewBox="0 0 {WIDTH} {height}" role="img" '
           f'aria-labelledby="rn-tl-title rn-tl-desc"><title id="rn-tl-title">Oś czasu dowodów</title>'
           f'<desc id="rn-tl-desc">{escape(desc)}</desc>']

    def row_label(y: float, text: str) -> None:
        out.append(f'<text class="rn-timeline__label" x="0" y="{y + 14}">{escape(text)}</text>')

    y = 4
    row_label(y, "Ważność")
    out.append(f'<rect class="rn-timeline__window" x="{LEFT}" y="{y}" width="{(end - start).days * scale:.1f}" height="18" rx="3"/>')
    for period in a.per_period:
        y += ROW
        row_label(y, f"Okres {period['number']}")
        p_start, p_end = date.fromisoformat(period["start"]), date.fromisoformat(period["end"])
        out.append(f'<rect class="rn-timeline__period" x="{x(p_start):.1f}" y="{y}" '
                   f'width="{max(2, x(p_end) - x(p_start)):.1f}" height="18" rx="3"/>')
        if period["counted_start"]:
            c_start, c_end = date.fromisoformat(period["counted_start"]), date.fromisoformat(period["counted_end"])
            out.append(f'<rect class="rn-timeline__counted" x="{x(c_start):.1f}" y="{y + 4}" '
                       f'width="{max(2, x(c_end) - x(c_start)):.1f}" height="10"/>')
    y += ROW
    row_label(y, "Liczy się")
    for stretch in a.counted:
        out.append(f'<rect class="rn-timeline__counted" x="{x(stretch.start):.1f}" y="{y}" '
                   f'width="{max(2, x(stretch.end) - x(stretch.start)):.1f}" height="18"/>')
    y += ROW
    if start <= a.today <= end:
        out.append(f'<line class="rn-timeline__today" x1="{x(a.today):.1f}" y1="0" x2="{x(a.today):.1f}" y2="{y}"/>')
        out.append(f'<text class="rn-timeline__axis" x="{x(a.today):.1f}" y="{y + 12}" text-anchor="middle">dziś</text>')
    out.append(f'<text class="rn-timeline__axis" x="{LEFT}" y="{y + 24}">{escape(pl_date(start))}</text>')
    out.append(f'<text class="rn-timeline__axis" x="{WIDTH - RIGHT}" y="{y + 24}" text-anchor="end">{escape(pl_date(end))}</text>')
    out.append("</svg>")
    return "".join(out)
