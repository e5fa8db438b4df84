// Engine timings inside real Pyodide under Node, for `make bench`: every bank question answered
// correctly and scored, then the readiness report for the whole bank; repeated, medians printed.
// Usage: node engine_timings.mjs SITE_DIR RUNS
//   -> JSON {"grade_all_ms": [...], "check_all_ms": [...], "report_ms": [...], "questions": N}
//   grade_all: every question scored in one pass; check_all: the same through the worker's API,
//   one call per question with the saved state as JSON both ways (what the page does).
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { loadPyodide } from "pyodide"

const [site, runs = "5"] = process.argv.slice(2)
const assets = join(site, "assets/selfcheck")
const runtime = join(assets, JSON.parse(readFileSync(join(assets, "runtime.json"), "utf8")).folder)
const pyodide = await loadPyodide()
pyodide.unpackArchive(new Uint8Array(readFileSync(join(runtime, "selfcheck.zip"))), "zip", { extractDir: "/app" })
pyodide.globals.set("QUALIFICATION", readFileSync(join(site, "dane/qualification.json"), "utf8"))
pyodide.globals.set("BANK", readFileSync(join(assets, "bank.json"), "utf8"))
pyodide.globals.set("RUNS", Number(runs))
// The practical module, when this qualification has one (runtime.json names its zip and data).
const practical = JSON.parse(readFileSync(join(assets, "runtime.json"), "utf8")).practical
if (practical) pyodide.unpackArchive(new Uint8Array(readFileSync(join(runtime, practical.zip))), "zip", { extractDir: "/app" })
pyodide.globals.set("PACKAGE", practical ? practical.package : "")
pyodide.globals.set("PRACTICAL", practical ? readFileSync(join(assets, practical.data), "utf8") : "")
const out = pyodide.runPython(`
import json, sys, time
sys.path.insert(0, "/app")
from selfcheck import api

api.setup(QUALIFICATION, BANK)
engine = api._engine

score_all, report, grade_all = [], [], []
for _ in range(RUNS):
    started = time.perf_counter()
    for q in engine.bank.questions.values():
        engine.grade(q.id, q.kind.right_fields(q))  # the fields a right answer posts
    grade_all.append((time.perf_counter() - started) * 1000)
    state = api._state("")
    started = time.perf_counter()
    for q in engine.bank.questions.values():
        text = api.check(json.dumps(state), q.id, json.dumps(q.kind.right_fields(q)), "2026-11-25T10:00:00Z")
        state = json.loads(text)["state"]
    score_all.append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    api.report(json.dumps(state))
    report.append((time.perf_counter() - started) * 1000)
# One form sent on the practical page (a company's card saved as it stands), JSON both ways, as the
# page sends it to the practical module's api.page and gets the new state and screen back.
crm_ms, crm_ok = [], False
if PACKAGE:
    import importlib
    crm = importlib.import_module(PACKAGE + ".api")
    crm.setup(QUALIFICATION, PRACTICAL)
    crm_state = json.loads(crm.new(7, "2026-11-25"))["state"]
    where = {"screen": "company", "params": {"id": crm_state["companies"][1]["id"]}}
    screen = json.loads(crm.page(json.dumps(crm_state), json.dumps(where)))["screen"]
    form = next(b for b in screen["blocks"] if b["kind"] == "form")
    fields = {f["key"]: [str(f["value"])] for f in form["fields"] if f["kind"] not in ("checkbox", "checkboxes")}
    request = json.dumps({**where, "form": form["id"], "fields": fields, "now": "2026-11-25T10:00:00+01:00"}, ensure_ascii=False)
    crm_text = json.dumps(crm_state, ensure_ascii=False)
    for _ in range(RUNS * 4):
        started = time.perf_counter()
        answer = json.loads(crm.page(crm_text, request))
        crm_ms.append((time.perf_counter() - started) * 1000)
    crm_ok = bool(answer.get("ok"))
json.dumps({"grade_all_ms": grade_all, "check_all_ms": score_all, "report_ms": report,
            "crm_apply_ms": crm_ms, "crm_ok": crm_ok, "questions": len(engine.bank.questions)})
`)
console.log(out)
