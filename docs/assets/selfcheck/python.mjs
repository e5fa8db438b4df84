// The page's side of the Python worker: start it, show its progress, call its functions.
//   const python = startPython()        shows progress in #sc-status; startPython({ practical: true })
//                                       also loads the qualification's practical module (its pages only)
//   await python.ready                  resolves when Python can answer, rejects if it cannot load
//   await python.call("check", ...)     one call of selfcheck.api, with JSON-ready arguments
//   await python.practical("page", ...) one call of the practical module's api
import { dataBase } from "./data-base.mjs"


// Why Python could not start, in the reader's words (the worker says which it was). Answers typed so
// far stay in the browser either way.
const KEPT = "Wpisane odpowiedzi zostają w tej przeglądarce."
const FAILED = {
  download: "Nie udało się pobrać plików środowiska Python z tej strony, więc nie możemy teraz sprawdzić odpowiedzi " +
    `ani policzyć wyników. Sprawdź połączenie z internetem i odśwież stronę. ${KEPT}`,
  offline: "Brak połączenia z internetem, a środowisko Python nie zostało jeszcze pobrane na to urządzenie. " +
    `Połącz się z siecią i odśwież stronę. ${KEPT}`,
  wasm: "Ta przeglądarka nie obsługuje WebAssembly, którego potrzebuje Python, więc nie możemy sprawdzić odpowiedzi. " +
    `Otwórz stronę w aktualnym Firefoksie, Chrome, Edge albo Safari. ${KEPT}`,
  other: `Nie udało się uruchomić Pythona w tej przeglądarce, więc nie możemy sprawdzić odpowiedzi ani policzyć wyników. ${KEPT}`,
}

export function startPython({ practical = false } = {}) {
  const text = document.getElementById("sc-status-text")
  const bar = document.getElementById("sc-status-bar")
  const status = document.getElementById("sc-status")
  const show = (message, step) => {
    if (text) text.textContent = message
    if (bar && step !== undefined) bar.value = step
  }
  show(status?.dataset.startingText || "Uruchamianie Pythona w przeglądarce…", 0)  // each page says what it offers meanwhile

  const pending = new Map()
  let next = 0
  let worker
  const ready = new Promise((resolve, reject) => {
    // A browser without WebAssembly has none in its workers either: say so without downloading anything.
    if (typeof WebAssembly !== "object") {
      reject(Object.assign(new Error("WebAssembly niedostępne"), { reason: "wasm" }))
      return
    }
    try {
      // The worker is shared by every qualification of a site; its URL names this one's data.
      const url = new URL("worker.mjs", import.meta.url)
      url.searchParams.set("data", dataBase.href)
      if (practical) url.searchParams.set("practical", "")
      worker = new Worker(url, { type: "module" })
    } catch (error) {
      reject(Object.assign(error, { reason: "other" }))  // no module workers in this browser
      return
    }
    worker.addEventListener("message", ({ data }) => {
      if (data.type === "progress") show(`${data.label} (krok ${data.step} z ${data.steps})`, data.step)
      else if (data.type === "ready") resolve()
      else if (data.type === "failed") reject(Object.assign(new Error(data.message), { reason: data.reason }))
      else if (pending.has(data.id)) {
        const { resolve: done, reject: fail } = pending.get(data.id)
        pending.delete(data.id)
        data.error === undefined ? done(data.result) : fail(new Error(data.error))
      }
    })
    // The worker's own script, or Pyodide's loader it imports, did not load or threw before it could
    // answer. The error event does not say which, so ask the server for both files.
    worker.addEventListener("error", event => { workerFailure(event).then(reject) })
  })
  ready.then(() => {
    show(status?.dataset.readyText || "Python działa.", 4)  // each page says what runs here
    status?.classList.add("sc-status--ready")
    // Once the page is idle, let the worker fetch what makes the next visit start fast.
    whenIdle(() => worker.postMessage({ warm: true }))
  }, error => {
    // A file that did not arrive while the browser is offline is a connection problem, not the site's.
    const reason = error.reason === "download" && navigator.onLine === false ? "offline" : error.reason
    show(`${FAILED[reason] || FAILED.other} (Szczegóły: ${error.message})`)
    status?.classList.add("sc-status--failed")
    bar?.remove()
  })

  const send = async (message) => {
    await ready
    const id = next++
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject })
      worker.postMessage({ id, ...message })
    })
  }
  return {
    ready,
    call: (type, ...args) => send({ type, args }),
    practical: (type, ...args) => send({ type, args, practical: true }),
  }
}

const whenIdle = callback => "requestIdleCallback" in globalThis
  ? requestIdleCallback(callback, { timeout: 10_000 }) : setTimeout(callback, 2_000)

/** Why the worker could not start: its file did not arrive (the HTTP status, or no connection), or
 *  else the error it threw. (Pyodide's own files are the worker's to name: it loads them itself.) */
async function workerFailure(event) {
  for (const path of ["worker.mjs"]) {
    const name = path.split("/").pop()
    let response
    try {
      response = await fetch(new URL(path, import.meta.url), { method: "HEAD", cache: "no-store" })
    } catch {
      return Object.assign(new Error(`${name}: brak połączenia`), { reason: "download" })
    }
    if (!response.ok) return Object.assign(new Error(`${name}: HTTP ${response.status}`), { reason: "download" })
  }
  return Object.assign(new Error(event.message || "worker.mjs nie uruchomił się"), { reason: "other" })
}
