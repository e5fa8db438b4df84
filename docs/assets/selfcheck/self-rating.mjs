// Self-rating: each criterion on a three-step scale, saved at once through Python.
import { notice } from "./forms.mjs"
import { startPython } from "./python.mjs"
import { loadState, storage } from "./storage.mjs"

const python = startPython()
const form = document.getElementById("sc-rating")
const message = document.createElement("div")
document.getElementById("sc-status").after(message)
let state = null
const DRAFT = "oceny"

const drafts = storage.drafts()[DRAFT] || {}
for (const [criterion, value] of Object.entries(drafts)) {
  const input = form.querySelector(`input[name="${CSS.escape(criterion)}"][value="${CSS.escape(value[0])}"]`)
  if (input) input.checked = true
}

const loaded = python.ready.then(() => loadState(python)).then(({ state: saved, message: text }) => {
  state = saved
  if (text) notice(message, text, "warning")
  for (const [criterion, value] of Object.entries(state?.ratings || {})) {
    const input = form.querySelector(`input[name="${CSS.escape(criterion)}"][value="${value}"]`)
    if (input && !(criterion in drafts)) input.checked = true
  }
  // Ratings chosen before Python was ready are saved now.
  return Object.entries(drafts).reduce((chain, [criterion, value]) => chain.then(() => rate(criterion, value[0])), Promise.resolve())
})
loaded.catch(() => {})

async function rate(criterion, value) {
  const out = await python.call("rate", state ? JSON.stringify(state) : "", criterion, value)
  state = out.state
  storage.save(state)
  const remaining = storage.drafts()[DRAFT] || {}
  delete remaining[criterion]
  storage.saveDraft(DRAFT, remaining)
}

form.addEventListener("change", async event => {
  const { name, value } = event.target
  const pending = storage.drafts()[DRAFT] || {}
  pending[name] = [value]
  storage.saveDraft(DRAFT, pending)
  try {
    await loaded
    await rate(name, value)
    notice(message, "Ocena zapisana.", "info")
  } catch {
    notice(message, "Ocena jest zapamiętana w przeglądarce; trafi do raportu, gdy Python zacznie działać.", "warning")
  }
})
