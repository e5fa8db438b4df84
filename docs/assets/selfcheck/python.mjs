// The page's side of the Python worker: start it, show its progress, call its functions.
//   const python = startPython()        shows progress in #sc-status
//   await python.ready                  resolves when Python can answer, rejects if it cannot load
//   await python.call("check", ...)     one call of selfcheck.api, with JSON-ready arguments

const FAILED = "Nie udało się uruchomić Pythona w tej przeglądarce, więc nie możemy sprawdzić odpowiedzi ani policzyć wyników. " +
  "Twoje odpowiedzi są zapisane w tej przeglądarce i wrócą, gdy otworzysz stronę w przeglądarce, która obsługuje WebAssembly " +
  "(aktualny Firefox, Chrome, Edge lub Safari)."

export function startPython() {
  const text = document.getElementById("sc-status-text")
  const bar = document.getElementById("sc-status-bar")
  const status = document.getElementById("sc-status")
  const show = (message, step) => {
    if (text) text.textContent = message
    if (bar && step !== undefined) bar.value = step
  }
  show("Uruchamianie Pythona w przeglądarce… Możesz już czytać pytania i odpowiadać.", 0)

  const pending = new Map()
  let next = 0
  let worker
  const ready = new Promise((resolve, reject) => {
    try {
      worker = new Worker(new URL("worker.mjs", import.meta.url), { type: "module" })
    } catch (error) {
      reject(error)
      return
    }
    worker.addEventListener("message", ({ data }) => {
      if (data.type === "progress") show(`${data.label} (krok ${data.step} z ${data.steps})`, data.step)
      else if (data.type === "ready") resolve()
      else if (data.type === "failed") reject(new Error(data.message))
      else if (pending.has(data.id)) {
        const { resolve: done, reject: fail } = pending.get(data.id)
        pending.delete(data.id)
        data.error === undefined ? done(data.result) : fail(new Error(data.error))
      }
    })
    worker.addEventListener("error", event => reject(new Error(event.message || "błąd procesu Pythona")))
  })
  ready.then(() => {
    show("Python działa. Odpowiedzi są sprawdzane na tym urządzeniu.", 4)
    status?.classList.add("sc-status--ready")
  }, error => {
    show(`${FAILED} (Szczegóły: ${error.message})`)
    status?.classList.add("sc-status--failed")
    bar?.remove()
  })

  const call = async (type, ...args) => {
    await ready
    const id = next++
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject })
      worker.postMessage({ id, type, args })
    })
  }
  return { ready, call }
}
