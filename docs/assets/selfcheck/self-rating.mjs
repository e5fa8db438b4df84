// Self-rating: each criterion on a three-step scale, saved at once through Python.
import "./guard.mjs"
import { notice, warnNotSaved } from "./forms.mjs"
import { startPython } from "./python.mjs"
import { loadState, storage } from "./storage.mjs"

const python = startPython()
const form = document.getElementById("sc-rating")
const message = document.createElement("div")
document.getElementById("sc-status").after(message)
let state = null
const DRAFT = "oceny"

const drafts = storage.drafts()[DRAFT] || {}
if (storage.draftsProblem()) notice(message, storage.draftsProblem(), "warning")
for (const [criterion, value] of Object.entries(drafts)) {
  const input = form.querySelector(`input[name="${CSS.escape(criterion)}"][value="${CSS.escape(value[0] ?? "")}"]`)
  if (input) input.checked = true
}

const loaded = python.ready.then(() => loadState(python)).then(({ state: saved, message: text, warning }) => {
  state = saved
  if (text) notice(message, text, warning ? "warning" : "info")
  for (const [criterion, value] of Object.entries(state?.ratings || {})) {
    const input = form.querySelector(`input[name="${CSS.escape(criterion)}"][value="${value}"]`)
    if (input && !(criterion in drafts)) input.checked = true
  }
  // Ratings chosen before Python was ready are saved now.
  return Object.entries(drafts).reduce((chain, [criterion, value]) => chain.then(() => rate(criterion, value[0])), Promise.resolve())
})
loaded.catch(() => {})

/** Rate through Python and store the result; true when the browser kept it. */
async function rate(criterion, value) {
  const out = await python.call("rate", state ? JSON.stringify(state) : "", criterion, value)
  state = out.state
  if (!storage.save(state)) return false
  const remaining = storage.drafts()[DRAFT] || {}
  delete remaining[criterion]
  storage.saveDraft(DRAFT, remaining)
  return true
}

/** The message slot of one criterion: feedback stands next to the control the candidate used. */
function slotFor(input) {
  const fieldset = input.closest("fieldset")
  let slot = fieldset.querySelector(".sc-rating__message")
  if (!slot) {
    slot = Object.assign(document.createElement("p"), { className: "sc-rating__message" })
    slot.setAttribute("role", "status")
    fieldset.append(slot)
  }
  slot.replaceChildren()
  return slot
}

form.addEventListener("change", async event => {
  const { name, value } = event.target
  const slot = slotFor(event.target)
  const pending = storage.drafts()[DRAFT] || {}
  pending[name] = [value]
  const kept = storage.saveDraft(DRAFT, pending)
  try {
    await loaded
    if (await rate(name, value)) slot.textContent = "Ocena zapisana."
    else warnNotSaved(slot, () => state)
  } catch {
    if (kept) slot.textContent = "Ocena jest zapamiętana w przeglądarce; trafi do raportu, gdy Python zacznie działać."
    else warnNotSaved(slot, null, "Oceny nie udało się zapamiętać: Python nie działa, a przeglądarka nie pozwala niczego zapisać.")
  }
})
