"""`make bench`: how fast the site is for a candidate, side by side with stock Pyodide, and how it
scales with the number of qualifications on one site (tests/benchmarks/scale.py).

Every figure is measured several times (BENCH_RUNS, default 3) and reported as the median with
its spread. The site is built for and served under a sub-path with `Cache-Control: max-age=600`
and gzip, as GitHub Pages serves it; Chromium runs with a real on-disk profile, so a "warm"
visit reuses the HTTP cache exactly as a returning candidate's browser does. Stock Pyodide
(tests/benchmarks/stock_worker.mjs: loadPyodide, unpack our package, import, setup) is timed in
the same runs, so ratios hold on any machine.

Writes tests/benchmarks/results.md. Nothing in `make test` depends on these timings.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import zipfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM_ARGS, chromium_path, run_mkdocs_build  # noqa: E402
from tests.site_server import BASE_PATH, SiteServer, free_port  # noqa: E402
from tests.benchmarks.scale import scale_figures, scale_table  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
RESULTS = Path(__file__).resolve().parent / "results.md"
HERE = Path(__file__).resolve().parent
CONTENT_PAGE = "walidacja/"
PRACTICE_PAGE = "samoocena/cwiczenia/"
PYTHON_READY = "#sc-status.sc-status--ready"
LONG = 180_000  # ms: Python's first start on a loaded 2-core machine


def median_spread(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values), min(values), max(values)


def build_times() -> list[float]:
    """`make site` on a warm install: the strict build into a fresh folder, timed end to end."""
    times = []
    for _ in range(RUNS + 1):  # the first run warms the file cache and Python's bytecode
        target = Path(tempfile.mkdtemp(prefix="bench-build-"))
        started = time.perf_counter()
        result = run_mkdocs_build(ROOT, target)
        times.append(time.perf_counter() - started)
        shutil.rmtree(target, ignore_errors=True)
        assert result.returncode == 0, result.stderr
    return times[1:]


def engine_times(site: Path) -> dict:
    node = shutil.which("node")
    out = subprocess.run([node, str(HERE / "engine_timings.mjs"), str(site), str(max(RUNS, 5))],
                         capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**os.environ, "NODE_PATH": str(ROOT / "node_modules")})
    return json.loads(out.stdout)


class Browser:
    """Chromium with an on-disk profile: a fresh one is a first visit, the same one a return."""

    def __init__(self, playwright):
        self.playwright = playwright

    def profile(self):
        directory = tempfile.mkdtemp(prefix="bench-profile-")
        context = self.playwright.chromium.launch_persistent_context(
            directory, executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        return context, directory


def transferred(page_visit) -> int:
    """Bytes over the wire (compressed bodies) for every request the visit made."""
    total = 0
    for request in page_visit:
        try:
            total += request.sizes()["responseBodySize"]
        except Exception:  # a request that never completed
            pass
    return total


def visit_content_page(context, url: str) -> int:
    page = context.new_page()
    requests = []
    context.on("requestfinished", lambda request: requests.append(request))  # page and its workers
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    size = transferred(requests)
    page.close()
    return size


SNAPSHOT_KEPT = "migawka pamięci zapisana"  # the worker's console note (docs/assets/selfcheck/worker.mjs)


def visit_practice(context, url: str, *, stay_for_snapshot: bool = False) -> dict:
    """One visit of the practice page. With `stay_for_snapshot`, the visitor stays until the worker
    has kept the snapshot for the next visit (it fetches it once Python is ready and the page idle)."""
    page = context.new_page()
    # The moment the status turns "ready", taken in the page (a poll from here would come later).
    # Also when the page creates its worker: stock Pyodide is timed from that moment, so this gives
    # the like-for-like figure beside the candidate's (from the click on the link).
    page.add_init_script("""const PageWorker = window.Worker
    window.Worker = function (...args) { window.benchWorker ??= performance.now(); return new PageWorker(...args) }
    window.Worker.prototype = PageWorker.prototype""")
    page.add_init_script("""new MutationObserver((_, observer) => {
      if (document.querySelector("#sc-status.sc-status--ready")) {
        window.benchReady = [performance.now(), performance.timeOrigin + performance.now()]
        observer.disconnect()
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ["class"], childList: true })""")
    requests = []
    listener = lambda request: requests.append(request)  # noqa: E731  page and its workers
    context.on("requestfinished", listener)
    kept = []
    page.on("console", lambda message: kept.append(message.text) if SNAPSHOT_KEPT in message.text else None)
    page.goto(url, wait_until="commit")
    page.locator(".sc-question input, .sc-question select, .sc-question textarea").first.wait_for(state="visible", timeout=LONG)
    answerable = page.evaluate("performance.now()")
    page.locator(PYTHON_READY).wait_for(state="attached", timeout=LONG)
    ready, ready_at = page.evaluate("window.benchReady")
    worker_at = page.evaluate("window.benchWorker")
    # Only what was asked for before Python was ready: the snapshot, fetched once the page is idle
    # (which on a fast local server can finish before this line), is for the next visit.
    before_ready = transferred([r for r in requests if r.timing["startTime"] <= ready_at])
    if stay_for_snapshot and not kept:
        page.wait_for_event("console", lambda message: SNAPSHOT_KEPT in message.text, timeout=LONG)
    context.remove_listener("requestfinished", listener)
    page.close()
    return {"answerable_ms": answerable, "ready_ms": ready, "from_worker_ms": ready - worker_at,
            "bytes_before_ready": before_ready}


ROUND_TRIP = """async ([url, now, runs, request]) => {
  // The site's own worker, as a page starts it: time calls once Python is ready.
  const worker = new Worker(url, { type: "module" })
  const replies = new Map()
  let next = 0
  await new Promise((resolve, reject) => worker.addEventListener("message", ({ data }) => {
    if (data.type === "ready") resolve()
    else if (data.type === "failed") reject(new Error(data.message))
    else if (replies.has(data.id)) replies.get(data.id)(data)
  }))
  const call = (type, ...args) => new Promise(resolve => {
    const id = next++
    replies.set(id, resolve)
    worker.postMessage({ id, type, args })
  })
  const practical = (type, ...args) => new Promise(resolve => {
    const id = next++
    replies.set(id, resolve)
    worker.postMessage({ id, type, args, practical: true })
  })
  const small = [], crm = []
  for (let n = 0; n < runs; n++) {
    const started = performance.now()
    await call("moment_text", now)
    small.push(performance.now() - started)
  }
  // One call of the practice CRM as its page sends it: the module's api.page(state, request),
  // the state as JSON both ways and the screen drawn.
  const fresh = await practical("new", 7, now.slice(0, 10))
  if (fresh.result && fresh.result.ok) {
    const state = JSON.stringify(fresh.result.state)
    for (let n = 0; n < runs; n++) {
      const started = performance.now()
      const answer = await practical("page", state, JSON.stringify(request))
      crm.push(performance.now() - started)
      if (!answer.result || !answer.result.ok) { crm.length = 0; break }
    }
  }
  worker.terminate()
  return { small, crm }
}"""
CRM_REQUEST = {"screen": "tasks"}  # the practical page's first screen


def worker_round_trips(context, base: str) -> dict:
    page = context.new_page()
    page.goto(base + CONTENT_PAGE, wait_until="load")
    times = page.evaluate(ROUND_TRIP, [base + "assets/selfcheck/worker.mjs?practical", "2026-11-25T10:00:00+01:00", 20, CRM_REQUEST])
    page.close()
    return times


STOCK = """async url => {
  const started = performance.now()
  const worker = new Worker(url, { type: "module" })
  const message = await new Promise((resolve, reject) => {
    worker.onmessage = event => resolve(event.data)
    worker.onerror = event => reject(new Error(event.message))
  })
  worker.terminate()
  return { ms: performance.now() - started, inside: message.ms }
}"""


def stock_start(context, base: str) -> float:
    page = context.new_page()
    page.goto(base + CONTENT_PAGE, wait_until="load")
    result = page.evaluate(STOCK, base + "assets/bench-stock/stock-worker.mjs")
    page.close()
    return result["ms"]


def browser_figures(base: str) -> dict:
    from playwright.sync_api import sync_playwright

    figures: dict[str, list[float]] = {name: [] for name in (
        "content_bytes", "answerable_cold", "answerable_warm", "ready_cold", "ready_warm",
        "bytes_before_ready", "stock_cold", "stock_warm", "round_trip", "crm_round_trip",
        "worker_cold", "worker_warm")}
    with sync_playwright() as playwright:
        browser = Browser(playwright)
        for _ in range(RUNS):
            context, directory = browser.profile()
            figures["content_bytes"].append(visit_content_page(context, base + CONTENT_PAGE))
            context.close()
            shutil.rmtree(directory, ignore_errors=True)

            context, directory = browser.profile()
            cold = visit_practice(context, base + PRACTICE_PAGE, stay_for_snapshot=True)
            warm = visit_practice(context, base + PRACTICE_PAGE)
            trips = worker_round_trips(context, base)
            figures["round_trip"] += trips["small"]
            figures["crm_round_trip"] += trips["crm"]
            context.close()
            shutil.rmtree(directory, ignore_errors=True)
            figures["answerable_cold"].append(cold["answerable_ms"])
            figures["answerable_warm"].append(warm["answerable_ms"])
            figures["ready_cold"].append(cold["ready_ms"])
            figures["ready_warm"].append(warm["ready_ms"])
            figures["worker_cold"].append(cold["from_worker_ms"])
            figures["worker_warm"].append(warm["from_worker_ms"])
            figures["bytes_before_ready"].append(cold["bytes_before_ready"])

            context, directory = browser.profile()
            figures["stock_cold"].append(stock_start(context, base))
            figures["stock_warm"].append(stock_start(context, base))
            context.close()
            shutil.rmtree(directory, ignore_errors=True)
    return figures


def machine() -> str:
    cpu = "?"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = "?"
    try:
        kib = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                       if line.startswith("MemTotal")))
        memory = f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        pass
    chromium = subprocess.run([chromium_path(), "--version"], capture_output=True, text=True).stdout.strip()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{os.cpu_count()} cores ({cpu}), {memory} RAM, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, {chromium}, load average at start {load:.2f}")


def row(name: str, values: list[float], unit: str, target: str = "", reference: list[float] | None = None) -> str:
    med, low, high = median_spread(values)
    fmt = {"s": lambda v: f"{v / 1000:.2f} s", "KB": lambda v: f"{v / 1024:.0f} KB", "MB": lambda v: f"{v / 1024 / 1024:.2f} MB",
           "ms": lambda v: f"{v:.1f} ms"}[unit]
    ratio = ""
    if reference:
        ratio = f"{med / statistics.median(reference):.2f} × stock"
    return f"| {name} | {fmt(med)} | {fmt(low)} – {fmt(high)} | {ratio} | {target} |"


README = ROOT / "README.md"
START, END = "<!-- bench:start (written by make bench) -->", "<!-- bench:end -->"


def update_readme(lines: list[str]) -> None:
    """The README's section on speed shows the latest table (between its two markers)."""
    text = README.read_text(encoding="utf-8")
    if START in text and END in text:
        head, rest = text.split(START, 1)
        README.write_text(head + START + "\n" + "\n".join(lines).strip() + "\n" + END + rest.split(END, 1)[1],
                          encoding="utf-8")


def package_sizes(site: Path, runtime: dict) -> dict:
    """Bytes of Python (unpacked) a tool page loads: the engine on every one, the practical module and
    its data on the practical pages only (issue 18: one 570 KB zip served every page before)."""
    folder = site / "assets" / "selfcheck" / runtime["folder"]

    def unpacked(path: Path) -> int:
        with zipfile.ZipFile(path) as archive:
            return sum(item.file_size for item in archive.infolist())

    practical = runtime.get("practical")
    extra = (unpacked(folder / practical["zip"]) + (site / "assets" / "selfcheck" / practical["data"]).stat().st_size
             if practical else 0)
    return {"core": unpacked(folder / "selfcheck.zip"), "practical": extra}


def search_quality(site: Path) -> dict:
    """The share of the query table's queries whose page the site's own search engine puts in the top 3."""
    from sitegen.site_map import PAGES
    from tests.search_quality import CONTENT_QUERIES, TOOL_QUERIES, TOP, measure, page_urls

    built = {section["page"] for path in (site / "search").glob("*.json")
             for section in json.loads(path.read_text(encoding="utf-8"))["sections"]}
    urls = {role: url for role, url in page_urls(PAGES).items() if url in built}
    table = TOOL_QUERIES + CONTENT_QUERIES
    score, misses = measure(site, table, urls)
    for miss in misses:
        print("  search miss:", miss, flush=True)
    return {"score": score, "queries": len([q for q, role in table if role in urls]), "top": TOP}


def main() -> int:
    started = datetime.now(timezone.utc)
    host = machine()
    print("Benchmark on", host, flush=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}{BASE_PATH}"
    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    result = run_mkdocs_build(ROOT, site, site_url=base)
    assert result.returncode == 0, result.stderr
    # Stock Pyodide beside the site's runtime: the npm package's files as they come, and our package.
    stock = site / "assets" / "bench-stock"
    stock.mkdir()
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        shutil.copy(ROOT / "node_modules" / "pyodide" / name, stock / name)
    runtime = json.loads((site / "assets" / "selfcheck" / "runtime.json").read_text(encoding="utf-8"))
    shutil.copy(site / "assets" / "selfcheck" / runtime["folder"] / "selfcheck.zip", stock / "selfcheck.zip")
    shutil.copy(HERE / "stock_worker.mjs", stock / "stock-worker.mjs")

    sizes = package_sizes(site, runtime)
    print("search quality…", flush=True)
    quality = search_quality(site)
    print("make site (warm)…", flush=True)
    builds = build_times()
    print("engine in Pyodide…", flush=True)
    engine = engine_times(site)
    print("browser…", flush=True)
    with SiteServer(site, port, cache_seconds=600, gzip_files=True):
        figures = browser_figures(base)
    shutil.rmtree(site, ignore_errors=True)
    print("scale: 1, 10 and 100 qualifications…", flush=True)
    scale_load = os.getloadavg()[0]
    scale = scale_figures()
    scale = scale_table(scale, (scale_load, os.getloadavg()[0]))

    lines = [
        "# Benchmark results",
        "",
        f"Measured {started:%Y-%m-%d %H:%M} UTC by `make bench` ({RUNS} runs each; median, then the spread).",
        f"Machine: {host}.",
        "",
        "| figure | median | spread | ratio | target |",
        "|---|---|---|---|---|",
        row("content page, first visit, bytes sent (gzip)", figures["content_bytes"], "KB", "≤ 100 KB"),
        row("practice page: first question answerable, cold", figures["answerable_cold"], "s", "≤ 0.5 s"),
        row("practice page: first question answerable, warm", figures["answerable_warm"], "s", "≤ 0.5 s"),
        row("Python ready on the practice page, cold", figures["ready_cold"], "s", "≤ 0.5 × stock", figures["stock_cold"]),
        row("Python ready on the practice page, second visit", figures["ready_warm"], "s", "≤ 0.35 × stock", figures["stock_warm"]),
        row("… of which from the page's `new Worker` (as stock is timed), cold", figures["worker_cold"], "s", "≤ 0.5 × stock", figures["stock_cold"]),
        row("… of which from the page's `new Worker`, second visit", figures["worker_warm"], "s", "≤ 0.35 × stock", figures["stock_warm"]),
        row("stock Pyodide (load, unpack, import, setup), cold", figures["stock_cold"], "s", "the reference"),
        row("stock Pyodide, warm", figures["stock_warm"], "s", "the reference"),
        row("bytes downloaded before Python is ready (gzip)", figures["bytes_before_ready"], "MB", "≤ 5.5 MB"),
        row(f"score all {engine['questions']} questions in Pyodide, one pass", engine["grade_all_ms"], "ms", "≤ 50 ms"),
        row(f"check all {engine['questions']} questions through the worker API (state as JSON each time)",
            engine["check_all_ms"], "ms", ""),
        row("readiness report for the whole bank in Pyodide", engine["report_ms"], "ms", "≤ 50 ms"),
        *[row(f"CRM form sent (`practical_modules.crm.api.page`, JSON both ways) in Pyodide, {records} records per "
              f"collection{' (the most it allows)' if int(records) == engine['crm_limit'] else ''}", times, "ms", "≤ 500 ms")
          for records, times in engine["crm_form_ms"].items()],
        row("worker round trip of a small call (page → worker → Python → page)", figures["round_trip"], "ms", ""),
        *([row("CRM round trip through the worker (`page(state, screen)`, page → Python → page)",
               figures["crm_round_trip"], "ms", "≤ 50 ms")] if figures["crm_round_trip"] else []),
        row("`make site` on a warm install", [b * 1000 for b in builds], "s", "≤ 5 s"),
        row("Python package every tool page loads (`selfcheck.zip`), unpacked", [sizes["core"]], "KB",
            "was 570 KB with the CRM in it"),
        *([row("… the practical module, practical pages only (`practical-*.zip` + `practical.json`), unpacked",
               [sizes["practical"]], "KB", "was inside the 570 KB on every page")] if sizes["practical"] else []),
        f"| search: queries whose page is in the top {quality['top']} (tests/search_quality.py, {quality['queries']} queries) "
        f"| {quality['score']:.0%} | | | ≥ 90 % (a quality figure, not a speed) |",
        "",
        "Python ready: a first visit starts on the trimmed, precompiled standard library; the second visit",
        "restores the memory snapshot the first visit kept in Cache Storage (sitegen/python_runtime.py).",
        "\"Python ready on the practice page\" counts from the navigation (the page, its styles and scripts",
        "load first); the rows \"of which from `new Worker`\" count from the moment the page starts its",
        "worker, the moment stock Pyodide's time starts from.",
        "Bytes are what the server sent (gzip), the snapshot fetched after Python was ready not counted.",
        "",
        *scale,
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    update_readme(lines[2:])
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
