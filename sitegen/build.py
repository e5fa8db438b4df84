"""Everything the site needs from the data, in one call: the engine-independent entry point."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from datafiles.bank import load_bank
from datafiles.location import PRACTICAL_FOLDER, data_dir
from datafiles.problems import DataError
from datafiles.qualification import load_qualification
from datafiles.schema_check import SCHEMA_DIR
from practical_modules.loading import load_practical
from selfcheck.assembly import test_sizes
from selfcheck.structure import Structure

from .glossary import load_glossary
from .pages import DATA_FILES, page_words, render_pages, render_question_parts, store_id
from .publisher import load_publisher
from .python_runtime import PracticalRuntime, runtime_files
from .search_index import glossary_synonyms, index_file, index_json, search_index
from .selfcheck_content import ASSETS, bank_json, module_zip, package_zip
from .site_map import SITE_DESCRIPTION, STATEMENT, navigation, site_pages
from .slugs import with_heading_ids

ROOT = Path(__file__).resolve().parent.parent
# MiniSearch (npm, MIT), the search library our search worker imports (docs/assets/search/).
SEARCH_LIBRARY = "assets/search/minisearch.mjs"


@dataclass
class SiteContent:
    pages: dict[str, str]                                   # Markdown pages by site path
    files: dict[str, bytes] = field(default_factory=dict)  # generated files by site path
    copies: dict[str, Path] = field(default_factory=dict)  # files copied as they are, by site path
    sources: list[Path] = field(default_factory=list)      # files to watch when serving
    nav: list = field(default_factory=list)                 # page paths, {section: [paths]} for sections
    site_name: str = ""                                     # plain text
    site_description: str = ""                              # plain text
    accessibility_statement: str = STATEMENT.url            # site URL of the statement, for every page's head
    search_index: str = ""                                  # site path of this qualification's search index
    script_pages: list = field(default_factory=list)        # site URLs of the pages that run a script (the tools)


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
    # The practical part (its module and data, beside the qualification's), checked against the
    # criteria (file and line) by its module; None without practical/.
    practical = None
    if "qualification" in loaded:
        try:
            criteria = Structure.from_qualification(loaded["qualification"]).criterion_ids()
            practical = load_practical(data_root, criteria)
        except DataError as error:
            problems.extend(error.problems)
    if problems:
        raise DataError(problems)

    data = loaded["qualification"]
    questions = [question.display() for question in bank.questions.values()]
    sizes = test_sizes(bank, Structure.from_qualification(data))
    pages = render_pages(data, loaded["glossary"], loaded["publisher"], questions=questions,
                         interview=list(bank.interview.values()), test_sizes=sizes,
                         practical_data=practical.data if practical else None)
    pages = {path: with_heading_ids(markdown) for path, markdown in pages.items()}
    files = {
        DATA_FILES["yaml"]: paths["qualification"].read_bytes(),
        DATA_FILES["json"]: (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        DATA_FILES["schema"]: (SCHEMA_DIR / "qualification.schema.json").read_bytes(),
        f"{ASSETS}/bank.json": bank_json(bank_files, practical and {"module": practical.module, "tasks": practical.data["tasks"]}),
        **{f"{ASSETS}/questions/{part}.html": html.encode("utf-8") for part, html in render_question_parts(questions).items()},
    }
    # The Python runtime: built (or taken from its cache) with the engine and the practical module,
    # and checked on this data. The module and its data go only to the pages that use them.
    module = None
    if practical:
        files[f"{ASSETS}/practical.json"] = json.dumps(practical.data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        module = PracticalRuntime(practical.module, practical.package, module_zip(root, practical.package),
                                  files[f"{ASSETS}/practical.json"])
    # The site search: this qualification's index, and the search library beside our search scripts.
    search_path = index_file(store_id(data))
    files[search_path] = index_json(search_index(
        pages, site_pages(data, practical=practical is not None), words=page_words(data),
        qualification={"id": store_id(data), "name": data["name"]}, synonym_groups=glossary_synonyms(loaded["glossary"])))
    copies, runtime = runtime_files(root, package_zip(root), files[DATA_FILES["json"]], files[f"{ASSETS}/bank.json"], module)
    files.update(runtime)
    copies[SEARCH_LIBRARY] = root / "node_modules" / "minisearch" / "dist" / "es" / "index.js"
    return SiteContent(pages, files, copies, list(dict.fromkeys([*paths.values(), SCHEMA_DIR, root / "selfcheck", root / "practical_modules",
                                                          data_root / "selfcheck", data_root / PRACTICAL_FOLDER])),
                       nav=navigation(site_pages(data, practical=practical is not None)),
                       script_pages=[spec.url for spec in site_pages(data, practical=practical is not None) if spec.script],
                       site_name=loaded["publisher"]["site_name"],
                       site_description=SITE_DESCRIPTION.format(name=data["name"]),
                       search_index=search_path)
