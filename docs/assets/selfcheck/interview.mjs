// Interview practice: the candidate's own answer and the points they say it covers, recorded by Python.
import { keepDrafts, notice, now, readFields } from "./forms.mjs"
import { startPython } from "./python.mjs"
import { loadState, storage } from "./storage.mjs"

const python = startPython()
const forms = [...document.querySelectorAll(".sc-interview")]
let state = null
keepDrafts(forms)

const loaded = python.ready.then(() => loadState(python)).then(({ state: saved, message }) => {
  state = saved
  if (message) notice(forms[0]?.querySelector(".sc-feedback"), message, "warning")
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
      storage.save(state)
      box.className = "sc-feedback"
      box.textContent = `Zapisano. Twoja odpowiedź obejmuje ${out.percent} punktów dobrej odpowiedzi; ta ocena trafia do raportu gotowości.`
    } catch {
      notice(box, "Nie można zapisać oceny, bo Python nie działa w tej przeglądarce. Twoja odpowiedź jest zachowana.", "warning")
    }
  })
}
