"""The qualification's structure as the engine needs it: sets with hours, outcomes, criteria.

Built from `qualification.json` (the site publishes it), so no fact is repeated in code.
"""

from __future__ import annotations

from dataclasses import dataclass


def anchor(identifier: str) -> str:
    """Stable HTML anchor: "Z1.E1.K1" -> "z1-e1-k1" (the outcomes page uses the same rule)."""
    return identifier.lower().replace(".", "-")


@dataclass(frozen=True)
class Structure:
    sets: tuple[dict, ...]          # {"id", "name", "hours", "outcomes": [{"id", "text", "criteria": [{"id", "text"}]}]}

    @classmethod
    def from_qualification(cls, data: dict) -> "Structure":
        return cls(tuple(
            {"id": s["id"], "name": s["name"], "hours": s["hours"],
             "outcomes": [{"id": o["id"], "text": o["text"],
                           "criteria": [{"id": c["id"], "text": c["text"]} for c in o["criteria"]]}
                          for o in s["outcomes"]]}
            for s in data["sets"]))

    def criterion_ids(self) -> list[str]:
        return [c["id"] for s in self.sets for o in s["outcomes"] for c in o["criteria"]]

    def outcomes(self) -> list[dict]:
        return [o for s in self.sets for o in s["outcomes"]]

    def outcome_ids(self) -> list[str]:
        return [o["id"] for s in self.sets for o in s["outcomes"]]

    def criterion(self, criterion_id: str) -> dict:
        for s in self.sets:
            for o in s["outcomes"]:
                for c in o["criteria"]:
                    if c["id"] == criterion_id:
                        return c
        raise KeyError(criterion_id)
