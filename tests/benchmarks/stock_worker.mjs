// The reference for `make bench`: stock Pyodide doing what the self-check needs before it can
// answer — loadPyodide() with its own standard library, unpack our package, import it, call setup()
// — and nothing else. The benchmark copies this file with the npm package's files into a folder of
// the built site (assets/bench-stock/) and times it in the same run as the site's own worker.
import { loadPyodide } from "./pyodide.mjs"

const started = performance.now()
const fetchText = async path => (await fetch(new URL(path, import.meta.url))).text()
const pyodide = await loadPyodide({ indexURL: new URL("./", import.meta.url).href })
const archive = await (await fetch(new URL("selfcheck.zip", import.meta.url))).arrayBuffer()
pyodide.unpackArchive(archive, "zip", { extractDir: "/home/pyodide/app" })
pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide/app')")
const api = pyodide.pyimport("selfcheck.api")
const [qualification, bank] = await Promise.all([fetchText("../../dane/qualification.json"), fetchText("../selfcheck/bank.json")])
api.setup(qualification, bank)
postMessage({ type: "ready", ms: performance.now() - started })
