"""Everything the site needs from the data, in one call: the engine-independent entry point."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .glossary import load_glossary
from selfcheck.assembly import test_sizes
from selfcheck.crm.cli import has_tasks
from selfcheck.crm.compile import build as compile_tasks
from selfcheck.structure import Structure

from .pages import DATA_FILES, render_pages, render_question_parts
from .problems import DataError
from .publisher import load_publisher
from .qualification import load_qualification
from .schema_check import SCHEMA_DIR
from .site_map import SITE_DESCRIPTION, navigation, site_pages
from .python_runtime import runtime_files
from .selfcheck_content import ASSETS, bank_json, load_bank, package_zip

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class SiteContent:
    pages: dict[str, str]                                   # Markdown pages by site path
    files: dict[str, bytes] = field(default_factory=dict)  # generated files by site path
    copies: dict[str, Path] = field(default_factory=dict)  # files copied as they are, by site path
    sources: list[Path] = field(default_factory=list)      # files to watch when serving
    nav: list = field(default_factory=list)                 # page paths, {section: [paths]} for sections
    site_name: str = ""                                     # plain text
    site_description: str = ""                              # plain text
    search_synonyms: list = field(default_factory=list)    # groups of words that find each other


def data_dir(root: Path = ROOT) -> Path:
    """Where the data files are: the project itself, or the folder named by QUALIFICATION_DIR
    (relative to the project), which holds the same files — qualification.yaml, glossary.yaml,
    publisher.yaml and selfcheck/bank/ — for another qualification (e.g. the test fixture)."""
    chosen = os.environ.get("QUALIFICATION_DIR")
    return (root / chosen).resolve() if chosen else root


def build_content(root: Path = ROOT) -> SiteContent:
    """Load and check every data file, then render pages and downloads.

    Raises DataError listing the problems of all files at once, so an editor fixes
    everything in one round instead of one error per build.
    """
    data_root = data_dir(root)
    paths = {
        "qualification": data_root / "qualification.yaml",
        "glossary": data_root / "glossary.yaml",
        "publisher": data_root / "publisher.yaml",
    }
    loaders = {"qualification": load_qualification, "glossary": load_glossary, "publisher": load_publisher}
    loaded, problems = {}, []
    for name, path in paths.items():
        try:
            loaded[name] = loaders[name](path)
        except DataError as error:
            problems.extend(error.problems)
    if "qualification" in loaded:
        try:
            bank, bank_files = load_bank(data_root, loaded["qualification"])
        except DataError as error:
            problems.extend(error.problems)
    # The practical part: tasks kept with the qualification's data, checked against its criteria
    # (file and line) and shipped as the engine's data module; none without selfcheck/tasks/.
    practical_module = None
    if has_tasks(data_root) and "qualification" in loaded:
        try:
            practical_module = compile_tasks(data_root).encode("utf-8")
        except DataError as error:
            problems.extend(error.problems)
    if problems:
        raise DataError(problems)

    data = loaded["qualification"]
    questions = [question.display() for question in bank.questions.values()]
    sizes = test_sizes(bank, Structure.from_qualification(data))
    pages = render_pages(data, loaded["glossary"], loaded["publisher"], questions=questions,
                         interview=list(bank.interview.values()), test_sizes=sizes, practical=practical_module is not None)
    files = {
        DATA_FILES["yaml"]: paths["qualification"].read_bytes(),
        DATA_FILES["json"]: (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        DATA_FILES["schema"]: (SCHEMA_DIR / "qualification.schema.json").read_bytes(),
        f"{ASSETS}/bank.json": bank_json(bank_files),
        **{f"{ASSETS}/questions/{part}.html": html.encode("utf-8") for part, html in render_question_parts(questions).items()},
    }
    # The Python runtime: built (or taken from its cache) with the package and checked on this data.
    app = package_zip(root, {"selfcheck/crm/data.py": practical_module} if practical_module else None)
    copies, runtime = runtime_files(root, app, files[DATA_FILES["json"]], files[f"{ASSETS}/bank.json"])
    files.update(runtime)
    return SiteContent(pages, files, copies, list(dict.fromkeys([*paths.values(), SCHEMA_DIR, root / "selfcheck", data_root / "selfcheck"])),
                       nav=navigation(site_pages(data, practical=practical_module is not None)), site_name=loaded["publisher"]["site_name"],
                       site_description=SITE_DESCRIPTION.format(name=data["name"]),
                       search_synonyms=loaded["glossary"].get("search_synonyms", []))
