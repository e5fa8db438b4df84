// Self-rating: each criterion on a three-step scale, saved at once through Python.
import "./guard.mjs"
import { notice, warnNotSaved } from "./forms.mjs"
import { openSession } from "./session.mjs"
import { storage } from "./storage.mjs"

const session = openSession()
const form = document.getElementById("sc-rating")
const rated = document.getElementById("sc-rated")
const DRAFT = "oceny"

const drafts = storage.drafts()[DRAFT] || {}
if (storage.draftsProblem()) notice(session.pageMessage(), storage.draftsProblem(), "warning")
for (const [criterion, value] of Object.entries(drafts)) {
  const input = form.querySelector(`input[name="${CSS.escape(criterion)}"][value="${CSS.escape(value[0] ?? "")}"]`)
  if (input) input.checked = true
}

/** The saved ratings on the scale (a rating not yet sent, kept as a draft, stays as chosen). */
function showSaved(pending = {}) {
  for (const [criterion, value] of Object.entries(session.state?.ratings || {})) {
    const input = form.querySelector(`input[name="${CSS.escape(criterion)}"][value="${CSS.escape(value)}"]`)
    if (input && !(criterion in pending)) input.checked = true
  }
}

const loaded = session.loaded.then(async () => {
  showSaved(drafts)
  // Ratings chosen before Python was ready are saved now.
  for (const [criterion, value] of Object.entries(drafts)) await rate(criterion, value[0])
  rated.textContent = (await session.call("rating_progress")).rated_text
})
loaded.catch(() => {})
// Ratings made in another tab show here at once.
session.onChange(async () => {
  showSaved(storage.drafts()[DRAFT] || {})
  rated.textContent = (await session.call("rating_progress")).rated_text
})

/** Rate through Python and store the result: {kept, text}. */
async function rate(criterion, value) {
  const out = await session.change("rate", [criterion, value])
  rated.textContent = out.rated_text
  if (!out.saved) return { kept: false, text: out.rated_text }
  const remaining = storage.drafts()[DRAFT] || {}
  delete remaining[criterion]
  storage.saveDraft(DRAFT, remaining)
  return { kept: true, text: out.rated_text }
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
    const out = await rate(name, value)
    if (out.kept) slot.textContent = `Ocena zapisana. ${out.text}`
    else warnNotSaved(slot, session.saveFile)
  } catch {
    if (kept) slot.textContent = "Ocena jest zapamiętana w przeglądarce; trafi do raportu, gdy Python zacznie działać."
    else warnNotSaved(slot, null, "Oceny nie udało się zapamiętać: Python nie działa, a przeglądarka nie pozwala niczego zapisać.")
  }
  slot.scrollIntoView({ block: "nearest" })
})
