"""`make bench`, the scale table (issue 21): one site with N = 1, 10 and 100 qualifications.

The qualifications are synthetic copies of the fixture (tests/benchmarks/synthetic_catalog.py), so every
figure grows with N alone. For each N the site is built as `make site` builds it (timed on a warm install:
one build first warms the file cache, bytecode and the Python runtime's cache in node_modules/.cache,
which every build shares), then served like GitHub Pages (sub-path, gzip, Cache-Control) and visited
in Chromium. Measured only, never asserted: nothing in `make test` depends on these figures.

    python -m tests.benchmarks.scale      # the table alone (bench.py adds it to results.md)

BENCH_RUNS (default 3) runs per figure, median reported; BENCH_SCALE (default "1,10,100") the sizes.
"""

from __future__ import annotations

import gzip
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sitegen.catalog import place  # noqa: E402
from tests.benchmarks.synthetic_catalog import make_catalog  # noqa: E402
from tests.conftest import CHROMIUM_ARGS, chromium_path, run_mkdocs_build  # noqa: E402
from tests.site_server import BASE_PATH, SiteServer, free_port  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SIZES = tuple(int(n) for n in os.environ.get("BENCH_SCALE", "1,10,100").split(","))
QUALIFICATION_PAGE = "walidacja/"  # the same page of the first qualification at every N
SEARCH_BOX = "[data-site-search] input[type=search]"
FIRST_RESULT = ".site-search__results a"
SLOW = 180_000  # ms: a loaded 2-core machine

# Targets (issue 21, "Scale"). Judged here and printed beside the figures; no test asserts them.
MAX_SECONDS_PER_EXTRA = 1.0
MAX_PAGE_GROWTH = 0.05
MAX_CATALOG_GZIP = 100 * 1024
MAX_FIRST_RESULT_MS = 500
LINEAR_SLACK = 1.25  # "linear": an extra qualification costs at 10 -> 100 at most this much more than at 1 -> 10


@dataclass
class Measured:
    n: int
    wall: list[float] = field(default_factory=list)  # s per build
    cpu: list[float] = field(default_factory=list)   # s (user + sys of the build process) per build
    site_bytes: int = 0
    catalog: tuple[int, int] | None = None           # (raw, gzip) bytes of the catalog page
    page: tuple[int, int] = (0, 0)                   # (raw, gzip) of the first qualification's QUALIFICATION_PAGE
    search: dict[str, dict[str, list[float]]] = field(default_factory=dict)  # where -> {"ms", "index", "all"}


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))  # as tests/site_server.py serves it


@contextmanager
def data_folder(folder: Path):
    """QUALIFICATION_DIR for run_mkdocs_build (it keeps the variable for a build of the project itself)."""
    before = os.environ.get("QUALIFICATION_DIR")
    os.environ["QUALIFICATION_DIR"] = str(folder)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("QUALIFICATION_DIR")
        else:
            os.environ["QUALIFICATION_DIR"] = before


def timed_build(folder: Path, site: Path, site_url: str) -> tuple[float, float]:
    """(wall s, CPU s) of one strict build of `folder`'s site into `site`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with data_folder(folder):
        result = run_mkdocs_build(ROOT, site, site_url=site_url)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert result.returncode == 0, f"build of {folder} failed:\n{result.stderr[-3000:]}"
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def first_prefix(folder: Path) -> str:
    """The first qualification's site path prefix ("" on a one-qualification site, "<slug>/" in a catalog),
    as the build places it."""
    entries = yaml.safe_load((folder / "publisher.yaml").read_text(encoding="utf-8"))["qualifications"]
    data = [yaml.safe_load((folder / entry["folder"] / "qualification.yaml").read_text(encoding="utf-8"))
            for entry in entries]
    return place(entries, folder, data)[0].prefix


def search_query(folder: Path) -> str:
    """A word every qualification's pages use: the first term of the first qualification's glossary."""
    first = yaml.safe_load((folder / "publisher.yaml").read_text(encoding="utf-8"))["qualifications"][0]["folder"]
    return yaml.safe_load((folder / first / "glossary.yaml").read_text(encoding="utf-8"))["terms"][0]["term"]


def site_bytes(site: Path) -> int:
    return sum(path.stat().st_size for path in site.rglob("*") if path.is_file())


# When the visitor starts typing in the search box, and when the first result appears (taken in the page).
TIMING = """
addEventListener("keydown", event => {
  if (window.benchTyped === undefined && event.target.matches && event.target.matches(%r)) window.benchTyped = performance.now()
}, true)
new MutationObserver((_, observer) => {
  if (document.querySelector(%r)) { window.benchFound = performance.now(); observer.disconnect() }
}).observe(document, { subtree: true, childList: true })
""" % (SEARCH_BOX, FIRST_RESULT)


def first_search(browser, url: str, query: str) -> dict[str, float]:
    """A first visit of `url`, then the visitor clicks the search box and types `query`: ms from the
    first key to the first result, and the bytes sent (gzip) for it from the click on: JSON (the index)
    and everything (with the search's scripts)."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(TIMING)
        page.goto(url, wait_until="load", timeout=SLOW)
        finished = []
        context.on("requestfinished", lambda request: finished.append(request))  # the page and its workers
        clicked = page.evaluate("performance.timeOrigin + performance.now()")
        page.locator(SEARCH_BOX).click()
        page.keyboard.type(query)
        page.locator(FIRST_RESULT).first.wait_for(state="attached", timeout=SLOW)
        typed, found, origin = page.evaluate("[window.benchTyped, window.benchFound, performance.timeOrigin]")
        fetched = [request for request in finished if clicked <= request.timing["startTime"] <= origin + found]

        def sent(requests) -> int:
            total = 0
            for request in requests:
                try:
                    total += request.sizes()["responseBodySize"]
                except Exception:  # no sizes for it (a request the browser answered itself)
                    pass
            return total

        return {"ms": found - typed, "index": sent([r for r in fetched if r.url.split("?")[0].endswith(".json")]),
                "all": sent(fetched)}
    finally:
        context.close()


def measure(n: int, work: Path, browser) -> Measured:
    folder = work / f"data-{n}"
    make_catalog(n, folder)
    port = free_port()
    base = f"http://127.0.0.1:{port}{BASE_PATH}"
    measured = Measured(n)
    site = work / f"site-{n}"
    for run in range(RUNS):
        shutil.rmtree(site, ignore_errors=True)
        wall, cpu = timed_build(folder, site, base)
        measured.wall.append(wall)
        measured.cpu.append(cpu)
        print(f"  N = {n}: build {run + 1}/{RUNS} {wall:.1f} s (CPU {cpu:.1f} s)", flush=True)
    measured.site_bytes = site_bytes(site)
    prefix = first_prefix(folder)
    page = (site / prefix / QUALIFICATION_PAGE / "index.html").read_bytes()
    measured.page = (len(page), gzipped(page))
    pages = {"qualification": base + prefix + QUALIFICATION_PAGE}
    if prefix:  # a catalog: its home page lists the qualifications
        catalog = (site / "index.html").read_bytes()
        measured.catalog = (len(catalog), gzipped(catalog))
        pages["catalog"] = base
    query = search_query(folder)
    with SiteServer(site, port, cache_seconds=600, gzip_files=True):
        for where, url in pages.items():
            runs = [first_search(browser, url, query) for _ in range(RUNS)]
            measured.search[where] = {key: [run[key] for run in runs] for key in ("ms", "index", "all")}
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(folder, ignore_errors=True)
    return measured


def scale_figures() -> list[Measured]:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        # Warm install: one untimed build first (file cache, bytecode, the Python runtime's cache).
        make_catalog(1, work / "warm")
        timed_build(work / "warm", work / "warm-site", "http://127.0.0.1/")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            try:
                return [measure(n, work, browser) for n in SIZES]
            finally:
                browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --- The table ---

def kb(value: float) -> str:
    return f"{value / 1024:.0f} KB" if value < 1024 * 1024 else f"{value / 1024 / 1024:.1f} MB"


def met(ok: bool | None) -> str:
    return "—" if ok is None else ("yes" if ok else "**no**")


def scale_table(results: list[Measured], load: tuple[float, float]) -> list[str]:
    first, last = results[0], results[-1]
    sizes = [m.n for m in results]
    median = statistics.median

    def per_extra(m: Measured, times: str, base: Measured = first) -> float | None:
        if m.n == base.n:
            return None
        return (median(getattr(m, times)) - median(getattr(base, times))) / (m.n - base.n)

    def cells(values) -> str:
        return " | ".join(values)

    lines = [
        f"**Scale** (issue 21): one site with N synthetic qualifications (copies of the fixture, "
        f"tests/benchmarks/synthetic_catalog.py); {RUNS} runs each, median. "
        f"Load average {load[0]:.2f} at the start, {load[1]:.2f} at the end (2 cores shared: wall time "
        f"grows with the load, CPU time much less).",
        "",
        f"| figure | {cells(f'N = {n}' for n in sizes)} | target | met |",
        f"|---|{'---|' * len(sizes)}---|---|",
    ]

    def row(name: str, values: list[str], target: str = "", ok: bool | None = None) -> None:
        lines.append(f"| {name} | {cells(values)} | {target} | {met(ok) if target else ''} |")

    row("build (`make site`, warm), wall", [f"{median(m.wall):.1f} s" for m in results])
    row("… CPU time of the build (user + sys)", [f"{median(m.cpu):.1f} s" for m in results])
    wall_extra = [per_extra(m, "wall") for m in results]
    cpu_extra = [per_extra(m, "cpu") for m in results]
    worst = max((value for value in wall_extra if value is not None), default=None)
    row(f"build time per extra qualification (from N = {first.n}), wall",
        ["" if value is None else f"{value:.2f} s" for value in wall_extra],
        f"≤ {MAX_SECONDS_PER_EXTRA:.0f} s", None if worst is None else worst <= MAX_SECONDS_PER_EXTRA)
    worst_cpu = max((value for value in cpu_extra if value is not None), default=None)
    row("… CPU time per extra qualification", ["" if value is None else f"{value:.2f} s" for value in cpu_extra],
        f"≤ {MAX_SECONDS_PER_EXTRA:.0f} s", None if worst_cpu is None else worst_cpu <= MAX_SECONDS_PER_EXTRA)
    # Linear: an extra qualification costs as much among many as among few (step by step between the sizes).
    steps = [(a, b) for a, b in zip(results, results[1:])]
    if len(steps) >= 2:
        slopes = {kind: [(median(getattr(b, kind)) - median(getattr(a, kind))) / (b.n - a.n) for a, b in steps]
                  for kind in ("wall", "cpu")}
        ratio = {kind: values[-1] / values[0] if values[0] > 0 else float("inf") for kind, values in slopes.items()}
        row(f"growth: per extra qualification from N = {steps[-1][0].n} to {steps[-1][1].n}, as a multiple of "
            f"from {steps[0][0].n} to {steps[0][1].n} (wall; CPU)",
            [""] * (len(sizes) - 1) + [f"{ratio['wall']:.2f} ×; {ratio['cpu']:.2f} ×"],
            f"linear (≤ {LINEAR_SLACK} ×)", ratio["wall"] <= LINEAR_SLACK)
    row("site, bytes on disk", [kb(m.site_bytes) for m in results])
    row("catalog page (HTML), raw / gzip",
        [f"{kb(m.catalog[0])} / {kb(m.catalog[1])}" if m.catalog else "(no catalog)" for m in results],
        f"≤ {MAX_CATALOG_GZIP // 1024} KB gzip at N = {last.n}",
        last.catalog[1] <= MAX_CATALOG_GZIP if last.catalog else None)
    # The same page of the first qualification: at its site's root at N = 1, in its subtree in a catalog.
    for i, how in ((0, "raw"), (1, "gzip")):
        growth = last.page[i] / first.page[i] - 1
        row(f"qualification page `{QUALIFICATION_PAGE}` of the first qualification (HTML), {how}",
            [f"{m.page[i]:,} B" + (f" ({m.page[i] / first.page[i] - 1:+.1%})" if m is not first else "")
             for m in results],
            f"≤ +{MAX_PAGE_GROWTH:.0%} at N = {last.n} vs N = {first.n}", growth <= MAX_PAGE_GROWTH)
    for where, name in (("qualification", "on the qualification page"), ("catalog", "on the catalog page")):
        if not any(where in m.search for m in results):
            continue
        row(f"search: bytes fetched for a first query {name}, index (JSON) / everything (gzip)",
            [f"{kb(median(m.search[where]['index']))} / {kb(median(m.search[where]['all']))}" if where in m.search
             else "—" for m in results])
        at_last = last.search.get(where)
        row(f"search: first result {name}, from the first key typed",
            [f"{median(m.search[where]['ms']) / 1000:.2f} s" if where in m.search else "—" for m in results],
            f"≤ {MAX_FIRST_RESULT_MS / 1000} s at N = {last.n}",
            median(at_last["ms"]) <= MAX_FIRST_RESULT_MS if at_last else None)
    lines += [
        "",
        "Build time is `make site`'s build on a warm install (one build first; the Python runtime is cached in",
        "node_modules/.cache and shared by every build). \"Per extra qualification\" is (T(N) − T(1)) / (N − 1).",
        "Search: a first visit of the page in a fresh browser profile, then a click in the search box and the query",
        "typed; time from the first key to the first result drawn, bytes sent (gzip) from the click to that result.",
        "",
    ]
    return lines


def main() -> int:
    load = os.getloadavg()[0]
    results = scale_figures()
    print("\n".join(scale_table(results, (load, os.getloadavg()[0]))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
