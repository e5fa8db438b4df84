"""N synthetic qualifications for measuring how the site scales (issue 21, `make bench`); never published.

    python -m tests.benchmarks.synthetic_catalog N OUT_DIR

Each is a copy of the fixture's data folder (tests/fixtures/other-qualification) with its own name and
short name, so that its slug, store id and search index file differ from every other's, and nothing
else changed: the same sets, outcomes, bank and glossary. OUT_DIR/publisher.yaml lists them in order
(the fixture's publisher with the list added); with N = 1 that is a one-qualification site. Build it with
`QUALIFICATION_DIR=OUT_DIR mkdocs build`; `QUALIFICATION_DIR=OUT_DIR python -m sitegen check` passes.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import yaml

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "other-qualification"
MARK = ".synthetic-catalog"  # left in OUT_DIR, so a later run may replace what an earlier one wrote, and nothing else
FOLDER = "q{:03d}"


def synthetic_name(name: str, number: int) -> tuple[str, str]:
    """(name, short name) of copy `number`: the number first, since slugs and store ids are cut after
    60 characters and the fixture's name alone is longer than that."""
    short = f"Syntetyczna {number:03d}"
    return f"{short}: {name}", short


def _set_top_level(text: str, key: str, value: str) -> str:
    """qualification.yaml with one top-level scalar replaced in place: the file's comments and layout stay
    as they are (its bytes are published as a download), the value written as a quoted YAML string."""
    new, found = re.subn(rf"^{key}:.*$", lambda _: f"{key}: {json.dumps(value, ensure_ascii=False)}", text,
                         count=1, flags=re.MULTILINE)
    if not found:
        raise ValueError(f"{FIXTURE / 'qualification.yaml'}: no top-level `{key}:` line")
    return new


def make_catalog(count: int, out_dir: Path) -> list[Path]:
    """Write `count` qualification folders and a publisher.yaml listing them into `out_dir`; their folders."""
    if count < 1:
        raise ValueError("N must be at least 1")
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        if not (out_dir / MARK).is_file():
            raise ValueError(f"{out_dir} is not empty and was not made by this script; choose an empty folder")
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / MARK).write_text("synthetic qualifications for measurement only (tests/benchmarks/synthetic_catalog.py)\n",
                                encoding="utf-8")
    source = (FIXTURE / "qualification.yaml").read_text(encoding="utf-8")
    original = yaml.safe_load(source)["name"]
    folders = []
    for number in range(1, count + 1):
        folder = out_dir / FOLDER.format(number)
        shutil.copytree(FIXTURE, folder, ignore=shutil.ignore_patterns("publisher.yaml", "__pycache__"))
        name, short = synthetic_name(original, number)
        text = _set_top_level(_set_top_level(source, "name", name), "short_name", short)
        (folder / "qualification.yaml").write_text(text, encoding="utf-8")
        folders.append(folder)

    publisher = yaml.safe_load((FIXTURE / "publisher.yaml").read_text(encoding="utf-8"))
    publisher["site_name"] = "Katalog syntetyczny"  # the same at every N: pages differ by N alone
    publisher["qualifications"] = [{"folder": folder.name} for folder in folders]
    head = "# Synthetic qualifications for measurement only (tests/benchmarks/synthetic_catalog.py); never published.\n"
    (out_dir / "publisher.yaml").write_text(
        head + yaml.safe_dump(publisher, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    return folders


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].isdigit():
        print("usage: python -m tests.benchmarks.synthetic_catalog N OUT_DIR", file=sys.stderr)
        return 2
    try:
        folders = make_catalog(int(argv[0]), Path(argv[1]))
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    print(f"{len(folders)} synthetic qualifications in {argv[1]}; build with QUALIFICATION_DIR={argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
