// Interview practice: the candidate's own answer and the points they say it covers, recorded by Python.
import "./guard.mjs"
import { keepDrafts, notice, readFields, restoreFields, warnNotSaved } from "./forms.mjs"
import { openSession } from "./session.mjs"
import { storage } from "./storage.mjs"

const session = openSession()
const forms = [...document.querySelectorAll(".sc-interview")]

for (const form of forms) {
  form.addEventListener("submit", async event => {
    event.preventDefault()
    const box = form.querySelector(".sc-feedback")
    const fields = readFields(form)
    box.textContent = "Zapisywanie…"
    try {
      const out = await session.change("interview", [form.dataset.interview, (fields.answer || [""])[0],
                                                      JSON.stringify((fields.covered || []).map(Number))])
      box.className = "sc-feedback"
      if (out.saved) {
        box.textContent = `Zapisano. ${out.text}`
      } else {
        box.textContent = out.text
        warnNotSaved(box, session.saveFile)
      }
    } catch {
      notice(box, "Nie można zapisać oceny, bo Python nie działa w tej przeglądarce. Twoja odpowiedź jest zachowana.", "warning")
    }
    box.scrollIntoView({ block: "nearest" })
  })
}

// A returning candidate (or one who imported a progress file) sees the saved answer and ticked
// points, unless a newer draft is in the form.
session.loaded.then(() => {
  const saved = session.state?.interview || {}
  const drafts = storage.drafts()
  for (const form of forms) {
    const item = saved[form.dataset.interview]
    if (!item || drafts[form.dataset.interview]) continue
    restoreFields(form, { answer: [item.answer || ""], covered: (item.covered || []).map(String) })
    if (item.covered?.length) form.querySelector("details").open = true  // the ticked points in view
    form.classList.add("sc-question--done")
  }
}).catch(() => {})

// Last: restoring drafts may meet bad saved data; the handlers above are already in place.
keepDrafts(forms, session.pageMessage)
