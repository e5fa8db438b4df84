// Module Web Worker: loads Pyodide, imports the `selfcheck` package, answers messages.
// Messages in: {id, type, args}; out: {type: "progress" | "ready" | "failed"} or {id, result | error}.
// All checking, scoring and date handling happen in Python; this file only passes messages.
import { loadPyodide } from "../pyodide/pyodide.mjs"

const STEPS = 4
const progress = (step, label) => postMessage({ type: "progress", step, steps: STEPS, label })

/** A failure the page can explain: `reason` is "download" (a file did not arrive), "offline",
 *  "wasm" (no WebAssembly) or "other". */
class StartFailure extends Error {
  constructor(reason, message) {
    super(message)
    this.reason = reason
  }
}

async function fetchOk(path) {
  let response
  try {
    response = await fetch(new URL(path, import.meta.url))
  } catch {
    throw new StartFailure(navigator.onLine === false ? "offline" : "download", `${path}: brak połączenia`)
  }
  if (!response.ok) throw new StartFailure("download", `${path}: HTTP ${response.status}`)
  return response
}

/** Why loadPyodide() failed, from what it reports: a missing file, no network, or something else. */
function explain(error) {
  const text = String(error && error.message || error)
  if (navigator.onLine === false) return new StartFailure("offline", text)
  if (/\b(404|403|410|5\d\d)\b|Failed to fetch|NetworkError|network error|Load failed/i.test(text)) return new StartFailure("download", text)
  return new StartFailure("other", text)
}

async function start() {
  if (typeof WebAssembly !== "object") throw new StartFailure("wasm", "WebAssembly niedostępne")
  progress(1, "Pobieranie środowiska Python (ok. 13 MB, tylko za pierwszym razem)…")
  // loadPyodide() can wait forever on a runtime file the server does not have: ask first (HEAD is cheap).
  await Promise.all(["../pyodide/pyodide.asm.wasm", "../pyodide/python_stdlib.zip"].map(async path => {
    let response
    try {
      response = await fetch(new URL(path, import.meta.url), { method: "HEAD" })
    } catch {
      throw new StartFailure(navigator.onLine === false ? "offline" : "download", `${path}: brak połączenia`)
    }
    if (!response.ok) throw new StartFailure("download", `${path}: HTTP ${response.status}`)
  }))
  let pyodide
  try {
    pyodide = await loadPyodide({ indexURL: new URL("../pyodide/", import.meta.url).href })
  } catch (error) {
    throw explain(error)
  }
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
           error => postMessage({ type: "failed", reason: error.reason || "other", message: String(error && error.message || error) }))

addEventListener("message", async ({ data: { id, type, args } }) => {
  try {
    const api = await ready
    postMessage({ id, result: JSON.parse(api[type](...args)) })
  } catch (error) {
    postMessage({ id, error: String(error && error.message || error) })
  }
})
