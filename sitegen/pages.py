"""Turn the validated data into Markdown pages with jinja2 templates.

Nothing here knows about MkDocs: the output is a mapping of page paths to Markdown
with YAML front matter, which any Markdown site engine can take. `hooks/` adapts it.
"""

from __future__ import annotations

import functools
from datetime import date
import json
import posixpath
import re
from pathlib import Path

import jinja2
import yaml
from markupsafe import Markup
from selfcheck import polish
from selfcheck.renewal_state import FORMAT as RENEWAL_FORMAT, VERSION as RENEWAL_VERSION
from selfcheck.readiness import LEVELS, QUIZ_WEIGHT, RATING_WEIGHT
from selfcheck.renewal import DAYS_PER_YEAR, add_years

from .glossary import abbreviation_lines, terms_by_group
from .module_graph import module_closure
from .page_text import PageText, as_data, attribute_text, finalize, json_for_script
from datafiles.qualification import anchor, criteria
from .rich_text import render_rich_text
from .selfcheck_content import ASSETS
from .slugs import slugify
from .site_map import DATA_FILES, PAGES, PageSpec, has_renewal, site_pages, tool_pages  # noqa: F401 - PAGES re-exported for tests
from .structured_data import credential_json_ld

TEMPLATES = Path(__file__).resolve().parent / "templates"


class _CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once per process, not once per environment: a catalog makes one environment
    per qualification, and compiling the same templates again was a third of each one's build time.
    Jinja checks each template's source against its checksum, so an edited template is compiled anew."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


def make_environment() -> jinja2.Environment:
    """Templates print data as text by construction (see page_text): autoescape is on for
    every template, and `finalize` escapes whatever is not markup made by a template."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        bytecode_cache=_COMPILED,  # every environment made here has the same options, so the same code
        undefined=jinja2.StrictUndefined,  # a misspelt field in a template fails the build
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=True,
        finalize=finalize,
    )
    # Built-in string filters return plain str; re-wrap so a filtered data value stays text.
    for name in ("lower", "upper", "capitalize", "title", "trim", "replace", "truncate", "striptags"):
        env.filters[name] = _keeps_text(env.filters[name])
    env.filters.update(anchor=anchor, years=polish.years, years_genitive=polish.years_genitive,
                       hours=polish.hours, pln=polish.pln, people=polish.people, count=polish.count,
                       first_sentence=first_sentence, rich_text=rich_text_for_page,
                       long_date=lambda day: polish.long_date(date.fromisoformat(str(day))))
    return env


def _keeps_text(filter_function):
    @functools.wraps(filter_function)
    def wrapped(*args, **kwargs):
        result = filter_function(*args, **kwargs)
        return PageText(result) if type(result) is str else result
    return wrapped


@jinja2.pass_context
def rich_text_for_page(context, text: str) -> Markup:
    """A rich-text field (schema: contentMediaType text/markdown) as sanitized HTML for this page."""
    page: PageSpec = context["page"]
    by_path = {spec.path: spec for spec in PAGES}
    return render_rich_text(text, lambda path: page.link_to(by_path[path].url))


def render_pages(data: dict, glossary: dict, publisher: dict, *, questions: list[dict],
                 interview: list[dict], test_sizes: list[int] = (), downloads: list[dict] = (),
                 practical_data: dict | None = None,
                 catalog: bool = False, search_index: str = "", prefix: str = "") -> dict[str, str]:
    """Render every page of the site: {"walidacja.md": "---\ntitle: …\n---\n# …", …}.

    `questions` are the self-check questions as the page shows them (selfcheck's display form);
    `practical_data` the practical part's compiled data (its module's compile), None without one;
    `downloads` the bank's LMS files the "Dla nauczycieli" page offers (sitegen.lms_downloads).
    In a catalog (`catalog`), the pages are one qualification's, to be placed under `prefix`
    ("<slug>/"): the page paths stay relative to it, and the pages name the site paths of the
    qualification's search index and self-check data, which the shared scripts read.
    """
    practical = practical_data is not None
    env = make_environment()
    pages = site_pages(data, practical=practical, catalog=catalog)
    renewal = data["certificate"].get("renewal") or {}
    words = page_words(data)
    data, glossary, publisher = as_data(data), as_data(glossary), as_data(publisher)
    questions, interview = as_data(questions), as_data(interview)
    abbreviations = "\n".join(abbreviation_lines(glossary))
    context = {
        "q": data,
        "renewal": as_data(renewal) if has_renewal(data) else None,
        "criteria": criteria(data),
        "glossary": glossary,
        "glossary_groups": terms_by_group(glossary),
        "publisher": publisher,
        "tools": tool_pages(pages),
        "data_files": DATA_FILES,
        "downloads": as_data(list(downloads)),
        "questions": questions,
        "interview": interview,
        "test_sizes": list(test_sizes),  # mock-test lengths the bank can fill
        "practical": practical,          # the qualification's data has practical tasks
        "exam_minutes_per_task": (practical_data or {}).get("exam", {}).get("minutes_per_task"),
        # The renewal form's saved format is selfcheck's (one definition); the script stamps it on what it saves.
        # The name is data: PageText's escape keeps it text in the attribute, whatever it holds.
        "renewal_save_format": PageText(json.dumps({"format": RENEWAL_FORMAT, "version": RENEWAL_VERSION,
                                                    "qualification": data["name"]}, ensure_ascii=False)),
        "weights": {"quiz": round(QUIZ_WEIGHT * 100), "rating": round(RATING_WEIGHT * 100)},
        "levels": [round(threshold * 100) for threshold, _, _ in LEVELS[:2]],
        "days_per_year": DAYS_PER_YEAR,
        "store_id": store_id(data),
        # Where each question's form is (the tool pages fetch forms by outcome: question_parts).
        "question_index": json.dumps(question_index(questions), ensure_ascii=False, separators=(",", ":")),
        **renewal_examples(data),
    }
    out = {}
    for spec in pages:
        # The theme prints page meta as it is (MkDocs' Jinja has no autoescape): give it escaped text.
        meta = {"title": attribute_text(spec.title), "description": attribute_text(spec.description.format(**words))}
        if spec.path == "index.md":
            meta["json_ld"] = json_for_script(json.dumps(credential_json_ld(data), ensure_ascii=False))
        if catalog:
            meta["search_index"] = search_index
            meta["data_base"] = f"{prefix}{ASSETS}/"
            # Which qualification of the catalog the page is in: its tab title and the path above its
            # heading name it (overrides/main.html), as the pages' own titles repeat across qualifications.
            meta["qualification"] = attribute_text(data.get("short_name") or data["name"])
            meta["qualification_home"] = prefix
        if spec.script:
            meta["script"] = spec.script
            meta["modules"] = module_closure(spec.script)  # asked for at once: <link rel="modulepreload">
        if spec.warm_up:
            meta["warm_up"] = True
        # Links between pages, by template ("outcomes", "selfcheck_report"…): scripts read them from data-*.
        links = {other.template.removesuffix(".md.j2"): spec.link_to(other.url) for other in pages}
        # The other pages of this page's section, as links from it (the Samoocena hub lists its tools).
        section = [{"spec": other, "link": posixpath.relpath(other.path, posixpath.dirname(spec.path) or ".")}
                   for other in pages if spec.section and other.section == spec.section and other is not spec]
        body = env.get_template(spec.template).render(**context, page=spec, links=links, section=section, words=words,
                                                      to_outcomes=spec.link_to("efekty-uczenia-sie/"))
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
        out[spec.path] = f"---\n{front}---\n\n{body.strip()}\n\n{abbreviations}\n"
    return out


def page_words(data: dict) -> dict:
    """What page descriptions name: {name} (the qualification) and {practice} (what renewal asks for)."""
    renewal = data["certificate"].get("renewal") or {}
    return {"name": data["name"], "practice": renewal.get("practice", "")}


def question_index(questions: list[dict]) -> list[dict]:
    """Every question's place in the bank, in bank order, for the tool pages' scripts: its set,
    outcome and criteria (for choosing a scope) and `part`, the file its form is in."""
    return [{"id": str(q["id"]), "set": str(q["outcome"]).split(".")[0], "outcome": str(q["outcome"]),
             "criteria": [str(c) for c in q["criteria"]], "part": anchor(str(q["outcome"]))} for q in questions]


def render_question_parts(questions: list[dict]) -> dict[str, str]:
    """The question forms, one HTML fragment per learning outcome ({part: html}, part as in
    question_index). A tool page holds only the forms it shows and fetches the rest by part, so no
    page carries the whole bank. The links in them are written for the tool pages, all of which
    are at samoocena/<tool>/."""
    env = make_environment()
    tool_page = next(spec for spec in PAGES if spec.template == "selfcheck_practice.md.j2")
    parts: dict[str, list] = {}
    for question in as_data(questions):
        parts.setdefault(anchor(str(question["outcome"])), []).append(question)
    template = env.get_template("question_part.html.j2")
    return {part: template.render(questions=listed, outcome=listed[0]["outcome"],
                                  to_outcomes=tool_page.link_to("efekty-uczenia-sie/")).strip() + "\n"
            for part, listed in parts.items()}


def store_id(data: dict) -> str:
    """Names the tools' saved data and files in the browser; the page adds the site's path to it,
    so two qualifications, or two copies of one site, never share a candidate's progress."""
    return slugify(data["name"])[:60].strip("-") or "kwalifikacja"


def renewal_examples(data: dict) -> dict:
    """Numbers the renewal page explains, computed by the engine's own rules from the data."""
    certificate = data["certificate"]
    if not has_renewal(data):
        return {"leap_day_example": None, "required_days": 0}
    issued = date(2020, 2, 29)
    valid_through = add_years(issued, certificate["validity_years"])
    example = None
    if valid_through.day != issued.day:  # the example shows art. 112 only when the day does not exist
        example = {"issued": polish.long_date(issued), "valid_through": polish.long_date(valid_through)}
    return {"leap_day_example": example,
            "required_days": round(certificate["renewal"]["min_practice_years"] * DAYS_PER_YEAR)}


def first_sentence(text: str) -> str:
    """The first sentence: up to a full stop followed by a capital letter ("np. związanych" goes on)."""
    match = re.search(r"\.\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ])", text)
    return text[: match.start() + 1] if match else text
