"""How Python reaches the candidate's browser (docs/assets/selfcheck/worker.mjs, sitegen/python_runtime.py).

A first visit says how much it downloads, in bytes; a later visit downloads none of the runtime and
says nothing of downloading; a memory snapshot that cannot be restored costs only time: Python
starts the ordinary way and the page works. Each in a real Chromium with real Pyodide.
"""

from __future__ import annotations

import gzip
import json
import re
from urllib.request import urlopen

import pytest

from tests.browser_visit import answer, wait_for_questions

pytestmark = pytest.mark.browser

PYTHON_START = 180_000  # ms: the first Python start on a loaded 2-core machine
PRACTICE = "samoocena/cwiczenia/"
READY = "#sc-status.sc-status--ready"
RUNTIME_FILES = ("pyodide.asm.wasm", "pyodide.asm.mjs", "stdlib.zip", "selfcheck.zip", "snapshot.bin.gz")
# Every text the status line shows, in order, collected as it changes.
WATCH_STATUS = """
window.statusTexts = []
new MutationObserver(() => {
  const text = document.getElementById("sc-status-text")?.textContent
  if (text && window.statusTexts.at(-1) !== text) window.statusTexts.push(text)
}).observe(document, { subtree: true, childList: true, characterData: true })
"""
SNAPSHOT_KEPT = "migawka pamięci zapisana"  # the worker's console note once the next visit can be fast


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


def visit(context, url: str, *, keep_snapshot: bool = False):
    """Open a tool page and wait for Python; with `keep_snapshot`, also for the snapshot to be kept
    for the next visit (the worker fetches it once the page is idle)."""
    page = context.new_page()
    page.console = []
    page.on("console", lambda message: page.console.append(message.text))
    page.add_init_script(WATCH_STATUS)
    if keep_snapshot:
        with page.expect_event("console", lambda message: SNAPSHOT_KEPT in message.text, timeout=PYTHON_START):
            page.goto(url, wait_until="domcontentloaded")
    else:
        page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector(READY, state="attached", timeout=PYTHON_START)
    return page


def runtime_requests(context) -> list[str]:
    names = []
    context.on("request", lambda request: names.append(request.url.rsplit("/", 1)[-1]))
    return names


def check_an_answer(page):
    wait_for_questions(page)  # the session puts its own first question in place: answer that one
    form = page.locator(".sc-question:visible").first
    answer(form)
    form.locator("button.sc-check").click()
    form.locator(".sc-feedback").get_by_text(re.compile("Dobrze|Częściowo dobrze|Źle")).first.wait_for()


def test_a_first_visit_counts_bytes_and_a_second_downloads_nothing(served_site, context):
    first = visit(context, served_site.url + PRACTICE, keep_snapshot=True)
    texts = first.evaluate("window.statusTexts")
    assert any(re.search(r"Pobieranie środowiska Python: \d+,\d z \d+,\d MB", text) for text in texts), texts
    first.close()

    requested = runtime_requests(context)
    second = visit(context, served_site.url + PRACTICE)
    assert not [name for name in requested if name in RUNTIME_FILES], (requested, second.console)
    texts = second.evaluate("window.statusTexts")
    assert "Uruchamianie Pythona…" in " ".join(texts) and not any("Pobieranie" in text for text in texts), texts
    assert not [line for line in second.console if "migawka" in line], second.console  # the snapshot was used
    check_an_answer(second)


def _snapshot(served_site) -> bytes:
    manifest = json.loads(urlopen(served_site.url + "assets/selfcheck/runtime.json").read())
    return gzip.decompress(urlopen(served_site.url + "assets/selfcheck/" + manifest["folder"] + "snapshot.bin.gz").read())


def _other_build(snapshot: bytes) -> bytes:
    # Bytes 16–47 hold the id of the Pyodide build that made it: another build's snapshot.
    return snapshot[:16] + bytes(b ^ 0xFF for b in snapshot[16:48]) + snapshot[48:]


SPOILED = {
    "not-a-snapshot": lambda snapshot: b"to nie jest migawka" * 1000,
    "another-build": _other_build,
    "cut-short": lambda snapshot: snapshot[: len(snapshot) // 3],
}


@pytest.mark.parametrize("spoil", SPOILED, ids=list(SPOILED))
def test_a_snapshot_that_cannot_be_restored_falls_back_to_an_ordinary_start(served_site, context, spoil):
    body = gzip.compress(SPOILED[spoil](_snapshot(served_site)), 1)
    context.route("**/snapshot.bin.gz", lambda route: route.fulfill(status=200, body=body,
                                                                      content_type="application/octet-stream"))
    first = visit(context, served_site.url + PRACTICE, keep_snapshot=True)
    first.close()

    second = visit(context, served_site.url + PRACTICE)
    assert [line for line in second.console if "migawka pamięci nie dała się odtworzyć" in line], second.console
    check_an_answer(second)


def test_the_self_check_landing_page_fetches_the_runtime_when_idle(served_site, context):
    page = context.new_page()
    with page.expect_event("console", lambda message: "pobrane zawczasu" in message.text, timeout=PYTHON_START):
        page.goto(served_site.url + "samoocena/", wait_until="domcontentloaded")
    page.close()
    requested = runtime_requests(context)
    practice = visit(context, served_site.url + PRACTICE)
    assert not [name for name in requested if name in RUNTIME_FILES and name != "snapshot.bin.gz"], requested
    assert not any("Pobieranie" in text for text in practice.evaluate("window.statusTexts"))


def test_content_pages_load_no_self_check_code(served_site, context):
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(served_site.url + "walidacja/", wait_until="load")
    assert not [url for url in requested if "/assets/selfcheck/" in url or "/assets/pyodide/" in url], requested


# A worker that starts Python as the site's worker does on a first visit (trimmed stdlib.zip, the
# app with stdlib_fallback installed), then imports a module the trimmed library lacks.
FALLBACK_WORKER = """
const manifest = await (await fetch(MANIFEST)).json()
const folder = new URL(manifest.folder, MANIFEST).href
const { loadPyodide } = await import(folder + "pyodide.mjs")
const pyodide = await loadPyodide({ indexURL: folder, stdLibURL: folder + "stdlib.zip",
                                    lockFileContents: { info: manifest.lock_info, packages: {} } })
const app = new Uint8Array(await (await fetch(folder + "selfcheck.zip")).arrayBuffer())
pyodide.unpackArchive(app, "zip", { extractDir: "/home/pyodide/app" })
pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide/app')")
pyodide.pyimport("stdlib_fallback").install(folder + manifest.stdlib_full.file, pyodide.toPy(manifest.stdlib_full.modules))
postMessage(pyodide.runPython(`
import sys
before = "fractions" in sys.modules or any(p.endswith("stdlib_full.zip") for p in sys.path)
import fractions, json.tool
f"{before} {fractions.Fraction(1, 3) + fractions.Fraction(1, 6)} {json.tool.__name__}"
`))
"""


def test_a_module_missing_from_the_trimmed_stdlib_is_fetched_from_the_full_one(served_site, context):
    requested = []
    context.on("request", lambda request: requested.append(request.url.rsplit("/", 1)[-1]))
    page = context.new_page()
    page.goto(served_site.url + "walidacja/", wait_until="load")
    source = FALLBACK_WORKER.replace("MANIFEST", json.dumps(served_site.url + "assets/selfcheck/runtime.json"))
    result = page.evaluate("""source => new Promise((resolve, reject) => {
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })), { type: "module" })
      worker.onmessage = event => resolve(event.data)
      worker.onerror = event => reject(new Error(event.message))
    })""", source)
    assert result == "False 1/2 json.tool"
    assert requested.count("stdlib-full.zip") == 1
    page.close()
