// Interview practice: the candidate's own answer and the points they say it covers, recorded by Python.
import "./guard.mjs"
import { keepDrafts, notice, readFields, warnNotSaved } from "./forms.mjs"
import { startPython } from "./python.mjs"
import { loadState, storage } from "./storage.mjs"

const python = startPython()
const forms = [...document.querySelectorAll(".sc-interview")]
// Page-wide notes (saved data set aside or left out) get their own box: a form's feedback area
// is the form's, and the submit handler below looks it up by its class.
const pageMessage = document.createElement("div")
document.getElementById("sc-status").after(pageMessage)
let state = null

const loaded = python.ready.then(() => loadState(python)).then(({ state: saved, message, warning }) => {
  state = saved
  if (message) notice(pageMessage, message, warning ? "warning" : "info")
})
loaded.catch(() => {})

for (const form of forms) {
  form.addEventListener("submit", async event => {
    event.preventDefault()
    const box = form.querySelector(".sc-feedback")
    const fields = readFields(form)
    box.textContent = "Zapisywanie…"
    try {
      await loaded
      const out = await python.call("interview", state ? JSON.stringify(state) : "", form.dataset.interview,
                                    (fields.answer || [""])[0], JSON.stringify((fields.covered || []).map(Number)))
      state = out.state
      box.className = "sc-feedback"
      if (storage.save(state)) {
        box.textContent = `Zapisano. Twoja odpowiedź obejmuje ${out.percent} punktów dobrej odpowiedzi; ta ocena trafia do raportu gotowości.`
      } else {
        box.textContent = `Twoja odpowiedź obejmuje ${out.percent} punktów dobrej odpowiedzi.`
        warnNotSaved(box, () => state)
      }
    } catch {
      notice(box, "Nie można zapisać oceny, bo Python nie działa w tej przeglądarce. Twoja odpowiedź jest zachowana.", "warning")
    }
  })
}

// Last: restoring drafts may meet bad saved data; the handlers above are already in place.
keepDrafts(forms, pageMessage)
