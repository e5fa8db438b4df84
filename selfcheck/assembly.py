"""Assemble a mock test: a seeded draw, questions per set in proportion to the sets' hours,
every outcome represented."""

from __future__ import annotations

import random

from .bank import Bank
from .structure import Structure


class AssemblyError(ValueError):
    pass


def quotas(structure: Structure, size: int) -> dict[str, int]:
    """Questions per set in proportion to hours (largest remainder), at least one per outcome."""
    total_hours = sum(s["hours"] for s in structure.sets)
    minimum = {s["id"]: len(s["outcomes"]) for s in structure.sets}
    if size < sum(minimum.values()):
        raise AssemblyError(f"Test musi mieć co najmniej {sum(minimum.values())} pytań: po jednym na każdy efekt uczenia się.")
    exact = {s["id"]: size * s["hours"] / total_hours for s in structure.sets}
    counts = {k: int(v) for k, v in exact.items()}
    for k in sorted(exact, key=lambda k: exact[k] - counts[k], reverse=True)[: size - sum(counts.values())]:
        counts[k] += 1
    # Raising a set to its minimum takes questions from the set with the most to spare.
    for k in counts:
        while counts[k] < minimum[k]:
            donor = max((d for d in counts if counts[d] > minimum[d]), key=lambda d: counts[d] - exact[d])
            counts[donor] -= 1
            counts[k] += 1
    return counts


def assemble_test(bank: Bank, structure: Structure, size: int, seed: int) -> list[str]:
    """Question IDs of a test. The same seed gives the same test."""
    rng = random.Random(seed)
    by_outcome: dict[str, list[str]] = {}
    for question in sorted(bank.questions.values(), key=lambda q: q.id):
        by_outcome.setdefault(question.outcome, []).append(question.id)
    chosen: list[str] = []
    for qset, count in zip(structure.sets, quotas(structure, size).values()):
        pools = {o["id"]: list(by_outcome.get(o["id"], [])) for o in qset["outcomes"]}
        available = sum(len(p) for p in pools.values())
        if any(not pool for pool in pools.values()) or available < count:
            raise AssemblyError(f"Za mało pytań w zestawie {qset['id']}, żeby ułożyć test z {size} pytań.")
        picked = [rng.choice(pool) for pool in pools.values()]          # every outcome once
        rest = [q for pool in pools.values() for q in pool if q not in picked]
        picked += rng.sample(rest, count - len(picked))
        chosen += picked
    rng.shuffle(chosen)
    return chosen


# The lengths a candidate may choose, when the bank can fill them (a short test to warm up, one
# like a real written part, a long one); a small bank offers what it can.
PREFERRED_SIZES = (10, 20, 30)


def test_sizes(bank: Bank, structure: Structure, preferred: tuple[int, ...] = PREFERRED_SIZES) -> list[int]:
    """Test lengths this bank can assemble; when none of the preferred fits, the largest that does."""
    def fits(size: int) -> bool:
        try:
            assemble_test(bank, structure, size, 0)
        except AssemblyError:
            return False
        return True

    sizes = [size for size in preferred if fits(size)]
    if sizes:
        return sizes
    fitting = [size for size in range(len(bank.questions), 0, -1) if fits(size)]
    return fitting[:1]
