// Build the self-check's fast Python runtime under Node, inside the same Pyodide the browser runs
// (called by sitegen/python_runtime.py only when its inputs changed; the result is cached).
//
//   node python_runtime.mjs INPUT_JSON
//   INPUT_JSON: {"pyodide": dir of the npm package, "app": selfcheck.zip, "qualification": JSON file,
//                "bank": JSON file, "out": folder to write, and for a qualification with a practical part
//                "module": its module's zip, "package": e.g. "practical_modules.crm", "practical": its data (JSON)}
//
// Writes into "out":
//   stdlib.zip     only the standard-library modules the self-check loads (found by importing every
//                  module of selfcheck and of the practical module and calling their APIs on the real
//                  data; the module's own calls are its api.exercise), as .pyc compiled by this
//                  very Pyodide, so the browser neither downloads nor compiles the rest;
//   snapshot.bin   Python's memory after start-up and `import selfcheck.api` (no data: setup() runs in
//                  the browser, so a data edit needs no new snapshot), made with stdlib.zip, which the
//                  browser must give back byte for byte when it restores it;
//   report.json    what was kept, and the checks below.
// Checks before anything is kept: a fresh interpreter on stdlib.zip and one restored from the snapshot
// answer the same API calls exactly as stock Pyodide does. Any difference fails the build.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"

const input = JSON.parse(process.argv[2])
const { loadPyodide } = await import(pathToFileURL(join(input.pyodide, "pyodide.mjs")).href)
const app = new Uint8Array(readFileSync(input.app))
const qualification = readFileSync(input.qualification, "utf8")
const bank = readFileSync(input.bank, "utf8")
const module = input.module ? new Uint8Array(readFileSync(input.module)) : null
const practical = input.practical ? readFileSync(input.practical, "utf8") : ""
const PACKAGE = input.package || ""
// The same environment when making and when restoring: nothing of this machine in the snapshot.
const ENV = { LANG: "C.UTF-8", TZ: "UTC" }

async function start(options = {}) {
  const pyodide = await loadPyodide({ indexURL: input.pyodide, env: { ...ENV }, ...options })
  unpack(pyodide)
  return pyodide
}

function unpack(pyodide) {
  pyodide.unpackArchive(app, "zip", { extractDir: "/home/pyodide/app" })
  if (module) pyodide.unpackArchive(module, "zip", { extractDir: "/home/pyodide/app" })
  pyodide.runPython("import sys; '/home/pyodide/app' in sys.path or sys.path.insert(0, '/home/pyodide/app')")
}

// Calls that reach every part of the engine a page uses; their answers, as text, are compared
// between stock Pyodide and the built runtime. Failures are answers too (the point is the imports).
// The modules to import before the calls: every module of the package (some load only on demand)
// and every absolute import written in it, also inside functions. Found by a scout interpreter, so
// the tools used to find them (ast, pkgutil) do not count as needed.
const SCOUT = `
import ast, importlib, json, pathlib, pkgutil, selfcheck
packages = [selfcheck] + ([importlib.import_module(PACKAGE)] if PACKAGE else [])
names = set()
for path in (p for package in packages for p in pathlib.Path(package.__file__).parent.rglob("*.py")):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
stdlib = sorted(n for n in names if not n.startswith(("selfcheck", "practical_modules", "cli", "datafiles", "sitegen")))
package = sorted(m.name for p in packages for m in pkgutil.walk_packages(p.__path__, p.__name__ + ".")
                 if not m.name.endswith("__main__"))
json.dumps(stdlib + package)
`.replaceAll("PACKAGE", JSON.stringify(PACKAGE))
const scout = await start()
const MODULES = scout.runPython(SCOUT)

const EXERCISE = `
import json, importlib
import selfcheck.api as api

def _call(out, name, function, *args):
    try:
        out.append([name, function(*args)])
    except Exception as error:
        out.append([name, f"{type(error).__name__}: {error}"])

def exercise(qualification, bank):
    out = []
    for name in json.loads(MODULES):
        try:
            importlib.import_module(name)
        except Exception as error:
            out.append(["import " + name, type(error).__name__])
    now = "2026-11-25T10:00:00+01:00"
    _call(out, "setup", api.setup, qualification, bank)
    state = ""
    for q in list(api._engine.bank.questions.values()):
        try:
            text = api.check(state, q.id, json.dumps(q.kind.right_fields(q)), now)
            state = json.dumps(json.loads(text)["state"])
            out.append(["check " + q.id, text])
        except Exception as error:
            out.append(["check " + q.id, f"{type(error).__name__}: {error}"])
    _call(out, "report", api.report, state)
    _call(out, "answered", api.answered, state)
    _call(out, "moment_text", api.moment_text, now)
    _call(out, "load", api.load, state)
    _call(out, "load bad", api.load, "{")
    _call(out, "practice_start", api.practice_start, "", "all", 5, 7, now)
    _call(out, "start_test", api.start_test, "", 10, 7, 60, now)
    _call(out, "renewal", api.renewal, json.dumps({}), "2026-11-25")
    _call(out, "load_renewal", api.load_renewal, "{}")
    if PACKAGE:  # the module's own calls must run: an error here stops the build with its traceback
        module = importlib.import_module(PACKAGE + ".api")
        out.append(["practical", module.exercise(qualification, PRACTICAL)])
    return json.dumps(out, ensure_ascii=False)
`

function answers(pyodide) {
  pyodide.runPython(EXERCISE)
  pyodide.globals.set("QUALIFICATION", qualification)
  pyodide.globals.set("BANK", bank)
  pyodide.globals.set("MODULES", MODULES)
  pyodide.globals.set("PACKAGE", PACKAGE)
  pyodide.globals.set("PRACTICAL", practical)
  return pyodide.runPython("exercise(QUALIFICATION, BANK)")
}

// 1. Stock Pyodide: the reference answers, and every stdlib module they needed.
const stock = await start()
const reference = answers(stock)
const kept = JSON.parse(stock.runPython(`
import sys, json
prefix = "/lib/python%d%d.zip/" % sys.version_info[:2]
files = set()
for module in list(sys.modules.values()):
    path = getattr(module, "__file__", None) or ""
    if path.startswith(prefix):
        files.add(path[len(prefix):])
json.dumps(sorted(files))
`))

// 2. Those modules compiled to .pyc by this interpreter into a new zip, fixed dates (same bytes each build).
stock.globals.set("KEPT", stock.toPy(kept))
const zip = stock.runPython(`
import io, sys, zipfile, importlib._bootstrap_external as bx
prefix = "/lib/python%d%d.zip/" % sys.version_info[:2]
source = zipfile.ZipFile(prefix.rstrip("/"))
names = set(KEPT)
# Codecs are looked up by name when first needed: cp437 reads zip file names that are not UTF-8.
names.update({"encodings/cp437.py", "encodings/latin_1.py", "encodings/ascii.py", "encodings/utf_8.py"})
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
    for name in sorted(names):
        text = source.read(name)
        if name.endswith(".py"):
            code = compile(text, prefix + name, "exec", dont_inherit=True, optimize=2)  # no docstrings, as python -OO
            data, name = bx._code_to_timestamp_pyc(code, 0, 0), name + "c"
        else:
            data = text
        out.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), bytes(data), zipfile.ZIP_DEFLATED)
buffer.getvalue()
`).toJs()
mkdirSync(input.out, { recursive: true })
const stdlibPath = join(input.out, "stdlib.zip")
writeFileSync(stdlibPath, zip)

// 3. A fresh start on the built zip answers as stock does.
const trimmed = await start({ stdLibURL: stdlibPath })
const trimmedAnswers = answers(trimmed)
if (trimmedAnswers !== reference) fail("stdlib.zip: answers differ from stock Pyodide", trimmedAnswers)

// 3b. A module stdlib.zip lacks comes from the full library through the worker's fallback
// (stdlib_fallback, in the app zip; here its download reads the npm package's file).
trimmed.FS.writeFile("/tmp/full.zip", new Uint8Array(readFileSync(join(input.pyodide, "python_stdlib.zip"))))
const fallback = JSON.parse(trimmed.runPython(`
import json, sys, zipfile
import stdlib_fallback
with zipfile.ZipFile("/tmp/full.zip") as full:
    files = set(full.namelist())
kept = set(json.loads(KEPT_JSON))
top = [name for name in ("fractions", "difflib", "calendar", "statistics") if name + ".py" not in kept and name + ".py" in files][:1]
sub = [name for name in ("json.tool", "email.utils", "xml.dom.minidom") if name.split(".")[0] in sys.modules
       and name.replace(".", "/") + ".py" not in kept and name.replace(".", "/") + ".py" in files][:1]
fetched = []
def read(url):
    fetched.append(url)
    return open("/tmp/full.zip", "rb").read()
finder = stdlib_fallback.FullStdlib("full", frozenset(n.split("/")[0].removesuffix(".py") for n in files), fetch=read)
sys.meta_path.append(finder)
imported = []
for name in top + sub:
    __import__(name)
    imported.append(sys.modules[name].__name__)
try:
    import _no_such_module_here
except ImportError:
    pass
sys.meta_path.remove(finder)
json.dumps({"imported": imported, "fetched": len(fetched)})
`.replace("KEPT_JSON", JSON.stringify(JSON.stringify(kept)))))
if (!fallback.imported.length || fallback.fetched !== 1) {
  console.error("stdlib_fallback: a module missing from stdlib.zip was not found in the full library", JSON.stringify(fallback))
  process.exit(1)
}

// 4. The snapshot: start on the built zip, import the API (no data), freeze the memory.
const maker = await start({ stdLibURL: stdlibPath, _makeSnapshot: true })
maker.runPython("import selfcheck.api")
const snapshot = maker.makeMemorySnapshot()
writeFileSync(join(input.out, "snapshot.bin"), snapshot)

// 5. Restored from the snapshot (as the browser's worker does), it answers as stock does.
const restored = await loadPyodide({ indexURL: input.pyodide, env: { ...ENV }, stdLibURL: stdlibPath,
                                     _loadSnapshot: new Uint8Array(readFileSync(join(input.out, "snapshot.bin"))) })
unpack(restored)
const restoredAnswers = answers(restored)
if (restoredAnswers !== reference) fail("snapshot.bin: answers differ from stock Pyodide", restoredAnswers)

writeFileSync(join(input.out, "report.json"), JSON.stringify({
  modules: kept.length, stdlib_bytes: zip.length, snapshot_bytes: snapshot.length,
  calls: JSON.parse(reference).length, version: stock.version, fallback,
}, null, 2))
console.log(JSON.stringify({ modules: kept.length, stdlib_bytes: zip.length, snapshot_bytes: snapshot.length }))

function fail(message, got) {
  const a = JSON.parse(reference), b = JSON.parse(got)
  const first = a.findIndex((item, n) => JSON.stringify(item) !== JSON.stringify(b[n]))
  console.error(message, "first difference:", JSON.stringify(a[first]).slice(0, 400), "<>", JSON.stringify(b[first]).slice(0, 400))
  process.exit(1)
}
