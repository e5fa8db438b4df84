"""Problems found in a data file, worded for the person who edits it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    path: str  # e.g. "sets[0].outcomes[1].criteria"; "" for the whole file
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.path}:" if self.path else ""
        return f"{where}:{field} {self.message}"


class DataError(Exception):
    """One or more problems that stop the build. str() lists them one per line."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.path))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "błąd" if count == 1 else ("błędy" if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14 else "błędów")
        lines = [f"Pliki danych zawierają {count} {noun}:"]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)
