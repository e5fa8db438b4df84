// Module Web Worker: loads Pyodide, imports the `selfcheck` package, answers messages.
// Messages in: {id, type, args}; out: {type: "progress" | "ready" | "failed"} or {id, result | error}.
// All checking, scoring and date handling happen in Python; this file only passes messages.
import { loadPyodide } from "../pyodide/pyodide.mjs"

const STEPS = 4
const progress = (step, label) => postMessage({ type: "progress", step, steps: STEPS, label })

async function fetchOk(path) {
  const response = await fetch(new URL(path, import.meta.url))
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`)
  return response
}

async function start() {
  progress(1, "Pobieranie środowiska Python (ok. 13 MB, tylko za pierwszym razem)…")
  const pyodide = await loadPyodide({ indexURL: new URL("../pyodide/", import.meta.url).href })
  progress(2, "Uruchamianie modułu samooceny…")
  const archive = await (await fetchOk("selfcheck.zip")).arrayBuffer()
  pyodide.unpackArchive(archive, "zip", { extractDir: "/home/pyodide/app" })
  pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide/app')")
  const api = pyodide.pyimport("selfcheck.api")
  progress(3, "Wczytywanie pytań…")
  const [qualification, bank] = await Promise.all(
    ["../../dane/qualification.json", "bank.json"].map(async path => (await fetchOk(path)).text()))
  api.setup(qualification, bank)
  progress(4, "Gotowe.")
  return api
}

const ready = start()
ready.then(() => postMessage({ type: "ready" }),
           error => postMessage({ type: "failed", message: String(error && error.message || error) }))

addEventListener("message", async ({ data: { id, type, args } }) => {
  try {
    const api = await ready
    postMessage({ id, result: JSON.parse(api[type](...args)) })
  } catch (error) {
    postMessage({ id, error: String(error && error.message || error) })
  }
})
