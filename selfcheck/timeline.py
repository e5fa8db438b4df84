"""The renewal timeline as an inline SVG: the validity window, each evidence period (the part
that counts drawn solid, the rest outlined), the counted coverage, and today. Dates are written
on the drawing and a legend says what each mark means, so it reads without colour.

The drawing is narrow (480 units) so that on a phone, scaled to the screen, its 14-unit text stays
about 10–12 px; a tick with the year marks every 1 January in the window, and periods reaching
beyond the window are cut at its edge instead of running off the page; a period that has not ended
("nadal trwa") is outlined to the window's edge, open there, with an arrow beyond it.
"""

from __future__ import annotations

from datetime import date
from html import escape

from .polish import long_date as pl_date
from .polish import short_date
from .renewal import Assessment

WIDTH, LEFT, RIGHT, ROW, BAR = 480, 84, 12, 28, 18


def timeline(assessment: Assessment) -> str:
    a = assessment
    start, end = a.issued, a.valid_through
    span = max(1, (end - start).days)
    scale = (WIDTH - LEFT - RIGHT) / span

    def x(day: date) -> float:
        return LEFT + min(max((day - start).days, 0), span) * scale

    ongoing = any(period.get("ongoing") for period in a.per_period)
    legend_rows = 3 if ongoing else 2
    rows = len(a.per_period) + 2
    height = rows * ROW + 44 + legend_rows * 20
    desc = (f"Certyfikat ważny od {pl_date(start)} do {pl_date(end)}. Liczy się {a.total_days} dni pracy; "
            f"wymagane {a.required_days}.")
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="rn-timeline" viewBox="0 0 {WIDTH} {height}" role="img" '
           f'aria-labelledby="rn-tl-title rn-tl-desc"><title id="rn-tl-title">Oś czasu dowodów</title>'
           f'<desc id="rn-tl-desc">{escape(desc)}</desc>']

    def row_label(y: float, text: str) -> None:
        out.append(f'<text class="rn-timeline__label" x="0" y="{y + 13}">{escape(text)}</text>')

    y = 4
    row_label(y, "Ważność")
    out.append(f'<rect class="rn-timeline__window" x="{LEFT}" y="{y}" width="{span * scale:.1f}" height="{BAR}" rx="3"/>')
    for period in a.per_period:
        y += ROW
        row_label(y, f"Okres {period['number']}")
        p_start, p_end = date.fromisoformat(period["start"]), date.fromisoformat(period["end"])
        if p_end < start or p_start > end:  # wholly outside: a small mark at the edge it lies beyond
            edge = LEFT if p_end < start else WIDTH - RIGHT
            out.append(f'<text class="rn-timeline__axis" x="{edge:.1f}" y="{y + 13}" '
                       f'text-anchor="{"start" if p_end < start else "end"}">poza okresem ważności</text>')
            continue
        if period.get("ongoing"):
            # Work that has not ended: the outline runs on to the window's edge, open there, with an
            # arrow beyond it, whatever day it is counted to (today, or the end of validity).
            left, edge = x(p_start), WIDTH - RIGHT
            out.append(f'<path class="rn-timeline__period" d="M{edge},{y} H{left:.1f} V{y + BAR} H{edge}"/>')
            out.append(f'<path class="rn-timeline__ongoing" d="M{edge},{y + 2} L{WIDTH - 1},{y + BAR / 2} '
                       f'L{edge},{y + BAR - 2} Z"><title>nadal trwa</title></path>')
        else:
            out.append(f'<rect class="rn-timeline__period" x="{x(p_start):.1f}" y="{y}" '
                       f'width="{max(2, x(p_end) - x(p_start)):.1f}" height="{BAR}" rx="3"/>')
        if period["counted_start"]:
            c_start, c_end = date.fromisoformat(period["counted_start"]), date.fromisoformat(period["counted_end"])
            out.append(f'<rect class="rn-timeline__counted" x="{x(c_start):.1f}" y="{y + 4}" '
                       f'width="{max(2, x(c_end) - x(c_start)):.1f}" height="{BAR - 8}"/>')
    y += ROW
    row_label(y, "Liczy się")
    for stretch in a.counted:
        out.append(f'<rect class="rn-timeline__counted" x="{x(stretch.start):.1f}" y="{y}" '
                   f'width="{max(2, x(stretch.end) - x(stretch.start)):.1f}" height="{BAR}"/>')
    y += ROW
    # The axis: a tick and the year at every 1 January inside the window, the two ends as dates.
    for year in range(start.year + 1, end.year + 1):
        tick = x(date(year, 1, 1))
        out.append(f'<line class="rn-timeline__tick" x1="{tick:.1f}" y1="0" x2="{tick:.1f}" y2="{y - 6}"/>')
        out.append(f'<text class="rn-timeline__axis" x="{tick:.1f}" y="{y + 6}" text-anchor="middle">{year}</text>')
    if start <= a.today <= end:
        out.append(f'<line class="rn-timeline__today" x1="{x(a.today):.1f}" y1="0" x2="{x(a.today):.1f}" y2="{y - 6}"/>')
        out.append(f'<text class="rn-timeline__axis rn-timeline__axis--today" x="{x(a.today):.1f}" y="{y + 20}" '
                   f'text-anchor="middle">dziś</text>')
    out.append(f'<text class="rn-timeline__axis" x="{LEFT}" y="{y + 34}">{escape(short_date(start))}</text>')
    out.append(f'<text class="rn-timeline__axis" x="{WIDTH - RIGHT}" y="{y + 34}" text-anchor="end">'
               f'{escape(short_date(end))}</text>')
    y += 48
    legend = [("rn-timeline__period", "okres pracy (obrys: dni, które się nie liczą)"),
              ("rn-timeline__counted", "dni, które się liczą")]
    if ongoing:
        legend.append(("rn-timeline__ongoing", "okres, który nadal trwa (otwarty koniec ze strzałką)"))
    for n, (css, text) in enumerate(legend):
        ly = y + n * 20
        if css == "rn-timeline__ongoing":
            out.append(f'<path class="{css}" d="M8,{ly} L20,{ly + 6} L8,{ly + 12} Z"/>')
        else:
            out.append(f'<rect class="{css}" x="0" y="{ly}" width="24" height="12"/>')
        out.append(f'<text class="rn-timeline__label" x="32" y="{ly + 11}">{escape(text)}</text>')
    out.append("</svg>")
    return "".join(out)
