"""Certificate renewal: does the holder's evidence of work cover the practice the
qualification requires, within the certificate's validity period?

How periods are counted (Polish Civil Code, as the renewal page says):
- art. 112 KC: a period in years ends on the day whose date corresponds to the start day, or on
  the last day of the month when that date does not exist (issued 2020-02-29 → valid through
  2025-02-28);
- art. 114 KC: where continuity is not required, a year counts as 365 days, so practice periods
  add up and 365 counted days meet "min. 1 roku";
- every period includes both its first and its last day.

The numbers (validity in years, minimum practice in years) come from qualification.yaml.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from .polish import days as days_pl
from .polish import long_date as pl_date
from .polish import plural, short_date
from .polish import years as years_pl

DAYS_PER_YEAR = 365          # art. 114 KC
FAR_FUTURE_YEARS = 1         # a date more than this beyond today is a typing mistake
FIRST_YEAR, LAST_YEAR = 1900, 2200  # dates outside are typing mistakes
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Period:
    start: date
    end: date                # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass
class Evidence:
    start: str
    end: str                 # "YYYY-MM-DD" or "ongoing"
    organisation: str = ""
    role: str = ""
    tasks: str = ""
    document: str = ""


class RenewalInputError(ValueError):
    """Bad input; `problems` maps a field ("issued", "periods[2].end") to what is wrong with it."""

    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))


def add_years(start: date, years: int) -> date:
    """art. 112 KC: the date corresponding to `start`, `years` later; the month's last day if it does not exist."""
    year = start.year + years
    last = calendar.monthrange(year, start.month)[1]
    return date(year, start.month, min(start.day, last))


def _shifted(day: date, years: int, field_name: str, problem: str, problems: dict[str, str]) -> date | None:
    """add_years, or `problem` for `field_name` when the result is past the calendar's end (year 9999)."""
    try:
        return add_years(day, years)
    except (ValueError, OverflowError):
        problems[field_name] = problem
        return None


def parse_day(text: str, field_name: str, problems: dict[str, str]) -> date | None:
    text = (text or "").strip()
    if not text:
        problems[field_name] = "wpisz datę: dzień, miesiąc i rok"
        return None
    if not _ISO.match(text):
        problems[field_name] = f"„{text}” nie jest istniejącą datą (w pliku i w wierszu poleceń: RRRR-MM-DD)"
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        problems[field_name] = f"taka data nie istnieje: {text}"
        return None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        # Far outside any certificate's life, and past year 9999 the calendar arithmetic cannot go.
        problems[field_name] = f"rok {day.year} jest poza zakresem {FIRST_YEAR}–{LAST_YEAR}; sprawdź datę"
        return None
    return day


def merge(periods: list[Period]) -> list[Period]:
    """Overlapping or touching periods joined into continuous stretches, in date order."""
    merged: list[Period] = []
    for period in sorted(periods, key=lambda p: (p.start, p.end)):
        if merged and period.start <= merged[-1].end + timedelta(days=1):
            if period.end > merged[-1].end:
                merged[-1] = Period(merged[-1].start, period.end)
        else:
            merged.append(period)
    return merged


def clip(period: Period, window: Period) -> Period | None:
    start, end = max(period.start, window.start), min(period.end, window.end)
    return Period(start, end) if start <= end else None


@dataclass
class Assessment:
    issued: date
    valid_through: date
    today: date
    required_days: int
    counted: list[Period]                      # merged coverage inside the window
    notes: list[str] = field(default_factory=list)
    per_period: list[dict] = field(default_factory=list)

    @property
    def total_days(self) -> int:
        return sum(p.days for p in self.counted)

    @property
    def longest_days(self) -> int:
        return max((p.days for p in self.counted), default=0)

    @property
    def days_left(self) -> int:
        return max(0, (self.valid_through - self.today).days)

    @property
    def ended(self) -> bool:
        return self.today > self.valid_through

    @property
    def met(self) -> bool:
        return self.total_days >= self.required_days

    @property
    def missing_days(self) -> int:
        return max(0, self.required_days - self.total_days)

    def earliest_completion(self) -> date | None:
        """If the holder works every day from tomorrow on, the day the minimum is met; None when
        it is met already or cannot be met before the certificate ends (evidence counts only up to today)."""
        if self.met or self.ended:
            return None
        day = self.today + timedelta(days=self.missing_days)
        return day if day <= self.valid_through else None

    def verdict(self) -> dict:
        """The verdict; `retake`: the holder has to take the validation again (the page then links to
        where and when it can be taken)."""
        retake = {"retake": True, "retake_text": "Gdzie i kiedy przystąpić do walidacji"}
        if self.ended:
            work = (f"Wymóg pracy był spełniony: dowody obejmują {days_pl(self.total_days)} z wymaganych "
                    f"{days_pl(self.required_days)}. Mimo to certyfikatu nie można już przedłużyć, bo "
                    if self.met else
                    f"Dowody obejmują {days_pl(self.total_days)} z wymaganych {days_pl(self.required_days)}, a ")
            return {"key": "ended", "title": "Certyfikat stracił ważność",
                    "text": f"{work}jego ważność skończyła się {pl_date(self.valid_through)}, a o przedłużenie trzeba "
                            f"było wystąpić przed końcem ważności. Aby znów mieć kwalifikację, trzeba ponownie "
                            "przystąpić do walidacji.", **retake}
        if self.met:
            return {"key": "ready", "title": "Możesz wystąpić o przedłużenie",
                    "text": f"Dowody obejmują {days_pl(self.total_days)} udokumentowanej pracy w okresie ważności "
                            f"certyfikatu; wymagane jest co najmniej {days_pl(self.required_days)}. Wystąp "
                            f"o przedłużenie przed końcem ważności certyfikatu ({pl_date(self.valid_through)})."}
        by = self.earliest_completion()
        if by:
            return {"key": "not_yet", "title": "Jeszcze nie",
                    "text": f"Brakuje {days_pl(self.missing_days)} udokumentowanej pracy. Jeśli będziesz ją "
                            f"wykonywać codziennie od jutra, wymóg spełnisz {pl_date(by)} — przed końcem ważności "
                            f"certyfikatu ({pl_date(self.valid_through)})."}
        return {"key": "not_possible", "title": "Wymogu nie da się już spełnić",
                "text": f"Brakuje {days_pl(self.missing_days)}, a do końca ważności certyfikatu "
                        f"({pl_date(self.valid_through)}) zostało {days_pl(self.days_left)}. Po tej dacie trzeba "
                        "będzie ponownie przystąpić do walidacji.", **retake}

    def as_dict(self) -> dict:
        return {
            "issued": self.issued.isoformat(), "valid_through": self.valid_through.isoformat(),
            "valid_through_text": pl_date(self.valid_through), "today": self.today.isoformat(),
            "days_left": self.days_left, "ended": self.ended,
            "required_days": self.required_days, "total_days": self.total_days, "longest_days": self.longest_days,
            "missing_days": self.missing_days, "met": self.met,
            "earliest_completion": (d.isoformat() if (d := self.earliest_completion()) else None),
            "counted": [{"start": p.start.isoformat(), "end": p.end.isoformat(), "days": p.days} for p in self.counted],
            "periods": self.per_period, "notes": self.notes, "verdict": self.verdict(),
            "issued_text": pl_date(self.issued), "prepared_text": pl_date(self.today),
            # What the page lists under the verdict, worded here so plurals and dates read right.
            "facts": [
                ["Certyfikat ważny do", f"{pl_date(self.valid_through)} (ważność minęła)" if self.ended
                 else f"{pl_date(self.valid_through)} ({plural(self.days_left, 'został', 'zostały', 'zostało')} {days_pl(self.days_left)})"],
                ["Dni pracy w okresie ważności",
                 f"{days_pl(self.total_days)} (wymagane co najmniej {days_pl(self.required_days)})"],
                ["Najdłuższy nieprzerwany okres", days_pl(self.longest_days)],
            ],
            "certifying_body_decides": "O przedłużeniu ważności decyduje instytucja certyfikująca; to zestawienie "
                                       "tylko porządkuje dowody.",
        }


def assess(issued: str, evidence: list[Evidence], *, today: str, validity_years: int,
           min_practice_years: float) -> Assessment:
    """Check the input (RenewalInputError lists every bad field) and count the evidence."""
    problems: dict[str, str] = {}
    today_date = parse_day(today, "today", problems)
    # Every date the count needs must exist: the year range above keeps them far from year 9999,
    # and these checks keep that true whatever the range or the qualification's years become.
    far_future = today_date and _shifted(
        today_date, FAR_FUTURE_YEARS, "today",
        f"data {pl_date(today_date)} leży tuż przy końcu kalendarza (rok 9999), którego nie da się przekroczyć; "
        "sprawdź datę", problems)
    if problems:
        raise RenewalInputError(problems)
    issued_date = parse_day(issued, "issued", problems)
    if issued_date and issued_date > today_date:
        problems["issued"] = f"data wydania {pl_date(issued_date)} jest w przyszłości"
    valid_through = issued_date and _shifted(
        issued_date, validity_years, "issued",
        f"certyfikat wydany {pl_date(issued_date)} byłby ważny {years_pl(validity_years)}, czyli po roku 9999, "
        "czego nie da się policzyć; sprawdź datę", problems)
    parsed: list[tuple[int, Period, Evidence]] = []
    for n, item in enumerate(evidence, 1):
        where = f"periods[{n}]"
        start = parse_day(item.start, f"{where}.start", problems)
        ongoing = (item.end or "").strip().lower() in ("ongoing", "trwa", "nadal")
        end = today_date if ongoing else parse_day(item.end, f"{where}.end", problems)
        if not item.organisation.strip():
            problems[f"{where}.organisation"] = "podaj nazwę pracodawcy lub zleceniodawcy"
        if start and start > far_future:
            problems[f"{where}.start"] = f"data {pl_date(start)} jest zbyt daleko w przyszłości"
        if end and end > far_future:
            problems[f"{where}.end"] = f"data {pl_date(end)} jest zbyt daleko w przyszłości"
        if start and end and end < start:
            problems[f"{where}.end"] = f"koniec okresu ({pl_date(end)}) jest przed jego początkiem ({pl_date(start)})"
        if start and end and f"{where}.end" not in problems and f"{where}.start" not in problems:
            parsed.append((n, Period(start, end), item, ongoing))
    if problems:
        raise RenewalInputError(problems)

    # Evidence counts inside the validity period and only up to today: future days are not yet worked.
    window = Period(issued_date, min(valid_through, today_date))
    notes, per_period, inside = [], [], []
    for n, period, item, ongoing in parsed:
        part = clip(period, window)
        # An ongoing period is counted up to today, but it has not ended: it is never shown as if it had.
        entry = {"number": n, "start": period.start.isoformat(), "end": period.end.isoformat(), "ongoing": ongoing,
                 "period_text": f"od {short_date(period.start)}, nadal trwa" if ongoing
                 else f"{short_date(period.start)} – {short_date(period.end)}",
                 "counted_text": f"{part.days if part else 0} z {days_pl(period.days)}",
                 "days": period.days, "counted_days": part.days if part else 0,
                 "counted_start": part.start.isoformat() if part else None,
                 "counted_end": part.end.isoformat() if part else None,
                 "organisation": item.organisation, "role": item.role, "tasks": item.tasks, "document": item.document}
        per_period.append(entry)
        if part is None:
            notes.append(f"Okres {n} ({pl_date(period.start)} – {pl_date(period.end)}) leży poza okresem ważności "
                         "certyfikatu albo po dzisiejszym dniu: nie liczy się.")
        else:
            inside.append(part)
            if part != period:
                notes.append(f"Z okresu {n} liczy się tylko część od {pl_date(part.start)} do {pl_date(part.end)} "
                             f"({days_pl(part.days)}): tylko dni w okresie ważności certyfikatu i do dziś.")
    counted = merge(inside)
    overlap = sum(p.days for p in inside) - sum(p.days for p in counted)
    if overlap:
        notes.append(f"Niektóre okresy nakładają się: wspólne dni ({days_pl(overlap)}) liczymy raz.")
    required = round(min_practice_years * DAYS_PER_YEAR)
    return Assessment(issued_date, valid_through, today_date, required, counted, notes, per_period)
