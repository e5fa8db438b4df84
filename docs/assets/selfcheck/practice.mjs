// Practice: filter the questions, check each answer at once and show the explanation.
import "./guard.mjs"
import { keepDrafts, notice, now, readFields, showFeedback, warnNotSaved } from "./forms.mjs"
import { startPython } from "./python.mjs"
import { loadState, storage } from "./storage.mjs"

const python = startPython()
const forms = [...document.querySelectorAll("#sc-questions .sc-question")]
const scope = document.getElementById("sc-scope")
const count = document.getElementById("sc-count")
let state = null
const stateLoaded = python.ready.then(() => loadState(python)).then(({ state: loaded, message, warning }) => {
  state = loaded
  if (message) notice(insertMessage(), message, warning ? "warning" : "info")
})
stateLoaded.catch(() => {})

function insertMessage() {
  const box = document.createElement("div")
  document.getElementById("sc-status").after(box)
  return box
}

function applyScope() {
  const [kind, id] = (scope.value || ":").split(":")
  let shown = 0
  for (const form of forms) {
    const visible = !kind || (kind === "set" && form.dataset.set === id) || (kind === "outcome" && form.dataset.outcome === id) ||
      (kind === "criterion" && form.dataset.criteria.split(" ").includes(id))
    form.hidden = !visible
    shown += visible
  }
  count.textContent = `Pytań w wybranym zakresie: ${shown}.`
  const url = new URL(location.href)
  scope.value ? url.searchParams.set("zakres", scope.value) : url.searchParams.delete("zakres")
  history.replaceState(null, "", url)
}
scope.value = new URL(location.href).searchParams.get("zakres") || ""
scope.addEventListener("change", applyScope)
applyScope()

for (const form of forms) {
  form.addEventListener("submit", async event => {
    event.preventDefault()
    const box = form.querySelector(".sc-feedback")
    box.textContent = "Sprawdzanie… (czekamy, aż Python będzie gotowy)"
    try {
      await stateLoaded
      const out = await python.call("check", state ? JSON.stringify(state) : "", form.dataset.question,
                                    JSON.stringify(readFields(form)), now())
      state = out.state
      showFeedback(form, out.result)
      if (!storage.save(state)) warnNotSaved(box, () => state)
    } catch (error) {
      box.textContent = "Nie można sprawdzić odpowiedzi, bo Python nie działa w tej przeglądarce. Twoja odpowiedź jest zapisana."
    }
  })
}

// Last: restoring drafts may meet bad saved data; the form handlers above are already in place.
keepDrafts(forms, insertMessage)
