"""Everything the site needs from the data, in one call: the engine-independent entry point.

A site publishes the qualifications publisher.yaml lists (sitegen/catalog.py): one, at the site's
root, as always; or two and more, each in its own subtree under a catalog (sitegen/catalog_pages.py).
Each qualification's part is made the same way either way (`_qualification_part`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from datafiles.bank import load_bank
from datafiles.location import PRACTICAL_FOLDER, data_dir
from datafiles.problems import DataError, Problem
from datafiles.qualification import load_qualification
from datafiles.schema_check import SCHEMA_DIR
from practical_modules.loading import load_practical
from selfcheck.assembly import test_sizes
from selfcheck.structure import Structure

from .catalog import Listed, listed_qualifications, place
from .catalog_pages import SCRIPTS as CATALOG_SCRIPTS
from .catalog_pages import CATALOG_DESCRIPTION, CATALOG_PAGE, catalog_navigation, catalog_entry, render_catalog
from .catalog_search import CATALOG_FILE, catalog_search_files
from .glossary import glossary_path, load_glossary, qualification_glossary
from .lms_downloads import lms_downloads
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
    search_index: str = ""                                  # site path of the search index of pages without their own
    search_catalog: str = ""                                # site path of the catalog's search file (catalog_search.py)
    script_pages: list = field(default_factory=list)        # site URLs of the pages that run a script (the tools)
    catalog: bool = False                                   # two or more qualifications, each in its own subtree

    @property
    def unused_static(self) -> list[str]:
        """Folders of docs/ this site does not use, left out on every engine's path (the hook, stage):
        a one-qualification site has no catalog pages, so none of their scripts."""
        return [] if self.catalog else [CATALOG_SCRIPTS]


@dataclass
class _Loaded:
    """One qualification's data files, read and checked."""
    data: dict
    glossary: dict
    bank: object
    bank_files: list
    practical: object  # practical_modules.loading.Practical, or None
    paths: dict


@dataclass
class _Part:
    """One qualification's share of the site, its paths already under its subtree."""
    listed: Listed
    data: dict
    pages: dict[str, str]
    files: dict[str, bytes]
    nav: list
    script_pages: list
    search_index: str
    search: dict  # the search index itself
    module: PracticalRuntime | None
    sources: list[Path]


def _load_folder(folder: Path, publisher: dict | None, shared: dict | None,
                 site_root: Path) -> tuple[_Loaded | None, list[Problem]]:
    """Read one data folder; (None, problems) if any file is wrong. Its glossary: the site's shared
    one (glossary.yaml beside publisher.yaml) with the folder's own glossary.yaml added to it."""
    paths = {"qualification": folder / "qualification.yaml", "glossary": glossary_path(folder, site_root)}
    loaders = {"qualification": load_qualification,
               "glossary": lambda _: qualification_glossary(folder, site_root, shared)}
    loaded, problems = {}, []
    for name, path in paths.items():
        try:
            loaded[name] = loaders[name](path)
        except DataError as error:
            problems.extend(error.problems)
    bank = bank_files = practical = None
    if "qualification" in loaded:
        try:
            bank, bank_files = load_bank(folder, loaded["qualification"])
        except DataError as error:
            problems.extend(error.problems)
        # The practical part (its module and data, beside the qualification's), checked against the
        # criteria (file and line) by its module; None without practical/.
        try:
            criteria = Structure.from_qualification(loaded["qualification"]).criterion_ids()
            practical = load_practical(folder, criteria)
        except DataError as error:
            problems.extend(error.problems)
    if problems or publisher is None:
        return None, problems
    return _Loaded(loaded["qualification"], loaded["glossary"], bank, bank_files, practical, paths), []


def _in_folder(problems: list[Problem], shown: str) -> list[Problem]:
    """Problems of a listed folder other than the site's own, named with the folder."""
    if shown in (".", ""):
        return problems
    return [Problem(f"{shown.rstrip('/')}/{p.file}", p.line, p.path, p.message) for p in problems]


def _prefixed_nav(tree: list, prefix: str) -> list:
    return [prefix + item if isinstance(item, str) else {k: _prefixed_nav(v, prefix) for k, v in item.items()}
            for item in tree]


def _qualification_part(root: Path, listed: Listed, loaded: _Loaded, publisher: dict, catalog: bool) -> _Part:
    data, bank, practical = loaded.data, loaded.bank, loaded.practical
    prefix = listed.prefix
    specs = site_pages(data, practical=practical is not None, catalog=catalog)
    questions = [question.display() for question in bank.questions.values()]
    sizes = test_sizes(bank, Structure.from_qualification(data))
    search_path = prefix + index_file(store_id(data))
    exports, downloads = lms_downloads(data, bank)
    pages = render_pages(data, loaded.glossary, publisher, questions=questions,
                         interview=list(bank.interview.values()), test_sizes=sizes, downloads=downloads,
                         practical_data=practical.data if practical else None,
                         catalog=catalog, search_index=search_path, prefix=prefix)
    pages = {path: with_heading_ids(markdown) for path, markdown in pages.items()}
    files = {
        DATA_FILES["yaml"]: loaded.paths["qualification"].read_bytes(),
        DATA_FILES["json"]: (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        DATA_FILES["schema"]: (SCHEMA_DIR / "qualification.schema.json").read_bytes(),
        f"{ASSETS}/bank.json": bank_json(loaded.bank_files, practical and {"module": practical.module, "tasks": practical.data["tasks"]}),
        **{f"{ASSETS}/questions/{part}.html": html.encode("utf-8") for part, html in render_question_parts(questions).items()},
        **exports,
    }
    # The practical module and its data go only to the pages that use them.
    module = None
    if practical:
        files[f"{ASSETS}/practical.json"] = json.dumps(practical.data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        module = PracticalRuntime(practical.module, practical.package, module_zip(root, practical.package),
                                  files[f"{ASSETS}/practical.json"])
    # The site search: this qualification's index (sections, stems, synonyms of its glossary).
    index = search_index(pages, specs, words=page_words(data), prefix=prefix,
                         qualification={"id": store_id(data), "name": data["name"]},
                         synonym_groups=glossary_synonyms(loaded.glossary))
    folder = listed.folder
    return _Part(listed, data, {prefix + path: text for path, text in pages.items()},
                 {prefix + path: data_bytes for path, data_bytes in files.items()} | {search_path: index_json(index)},
                 _prefixed_nav(navigation(specs), prefix), [prefix + spec.url for spec in specs if spec.script],
                 search_path, index, module,
                 [*loaded.paths.values(), folder / "selfcheck", folder / PRACTICAL_FOLDER])


def build_content(root: Path = ROOT) -> SiteContent:
    """Load and check every data file, then render pages and downloads.

    Raises DataError listing the problems of all files at once, so an editor fixes
    everything in one round instead of one error per build.
    """
    site_root = data_dir(root)
    publisher_path = site_root / "publisher.yaml"
    problems: list[Problem] = []
    try:
        publisher = load_publisher(publisher_path)
    except DataError as error:
        publisher = None
        problems.extend(error.problems)
    entries = listed_qualifications(site_root, publisher or {})
    # A catalog's shared glossary; the qualification in the site's own folder has it as its glossary.
    shared = None
    if len(entries) > 1 and (site_root / "glossary.yaml").is_file():
        try:
            shared = load_glossary(site_root / "glossary.yaml")
        except DataError as error:
            problems.extend(error.problems)
    loaded = []
    for entry in entries:
        found, wrong = _load_folder((site_root / entry["folder"]).resolve(), publisher, shared, site_root.resolve())
        loaded.append(found)
        problems.extend(_in_folder(wrong, entry["folder"]))
    if problems:
        raise DataError(problems)

    listed = place(entries, site_root, [one.data for one in loaded])
    catalog = len(listed) > 1
    parts = [_qualification_part(root, where, one, publisher, catalog) for where, one in zip(listed, loaded)]

    pages: dict[str, str] = {}
    files: dict[str, bytes] = {}
    for part in parts:
        pages.update(part.pages)
        files.update(part.files)
    # The Python runtime: one folder for the whole site, built (or taken from its cache) with the
    # engine and the practical module, and checked on the data of a qualification that has one.
    modules = [part.module for part in parts if part.module]
    exercised = next((part for part in parts if part.module), parts[0])
    runtime = runtime_files(root, package_zip(root), files[exercised.listed.prefix + DATA_FILES["json"]],
                            files[f"{exercised.listed.prefix}{ASSETS}/bank.json"], modules, exercised.module)
    files.update(runtime.files)
    for part in parts:
        path, manifest = runtime.manifest(part.module, part.listed.prefix)
        files[path] = manifest
    copies = dict(runtime.copies)
    copies[SEARCH_LIBRARY] = root / "node_modules" / "minisearch" / "dist" / "es" / "index.js"
    sources = list(dict.fromkeys([publisher_path, SCHEMA_DIR, root / "selfcheck", root / "practical_modules",
                                  *(source for part in parts for source in part.sources)]))
    script_pages = [url for part in parts for url in part.script_pages]

    if not catalog:
        only = parts[0]
        return SiteContent(pages, files, copies, sources, nav=only.nav, script_pages=script_pages,
                           site_name=publisher["site_name"], site_description=SITE_DESCRIPTION.format(name=only.data["name"]),
                           search_index=only.search_index)
    catalog_pages, catalog_files = render_catalog(publisher, [(part.listed, part.data, part.nav) for part in parts])
    pages.update({path: with_heading_ids(markdown) for path, markdown in catalog_pages.items()})
    files.update(catalog_files)
    # The search: a catalog's pages search its own index (names, blurbs, the statement), a
    # qualification's pages their own first; both find the others through the catalog's files.
    files.update(catalog_search_files({path: pages[path] for path in catalog_pages}, [CATALOG_PAGE, STATEMENT], [
        {**catalog_entry(part.listed, part.data, part.nav), "short_name": part.data.get("short_name") or "",
         "index": part.search_index, "search": part.search} for part in parts]))
    return SiteContent(pages, files, copies, sources, nav=catalog_navigation([(part.data, part.nav) for part in parts]),
                       script_pages=script_pages, site_name=publisher["site_name"], site_description=CATALOG_DESCRIPTION,
                       search_index=CATALOG_FILE, search_catalog=CATALOG_FILE, catalog=True)
