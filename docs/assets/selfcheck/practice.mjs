// Practice: filter the questions, check each answer at once and show the explanation; on return,
// show again the last verdict of every question answered before.
import "./guard.mjs"
import { keepDrafts, now, readFields, restoreFields, showFeedback, warnNotSaved } from "./forms.mjs"
import { openSession } from "./session.mjs"
import { storage } from "./storage.mjs"

const session = openSession()
const forms = [...document.querySelectorAll("#sc-questions .sc-question")]
const scope = document.getElementById("sc-scope")
const count = document.getElementById("sc-count")

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
    box.scrollIntoView({ block: "nearest" })
    try {
      const out = await session.call("check", form.dataset.question, JSON.stringify(readFields(form)), now())
      showFeedback(form, out.result)
      form.classList.toggle("sc-question--done", out.result.verdict !== "invalid")
      if (!session.save()) warnNotSaved(box, () => session.state)
    } catch (error) {
      box.textContent = "Nie można sprawdzić odpowiedzi, bo Python nie działa w tej przeglądarce. Twoja odpowiedź jest zapisana."
    }
    box.scrollIntoView({ block: "nearest" })
  })
}

// A returning candidate sees what they did: the answer last checked and its verdict. A draft typed
// after that check wins (the verdict would not be about it, so none is shown).
session.loaded.then(async () => {
  const { results } = await session.call("answered")
  const drafts = storage.drafts()
  for (const form of forms) {
    const id = form.dataset.question, result = results[id], saved = session.state?.answers?.[id]?.fields
    if (!result || !saved) continue
    if (drafts[id] && JSON.stringify(drafts[id]) !== JSON.stringify(saved)) continue
    restoreFields(form, saved)
    showFeedback(form, result)
    form.classList.add("sc-question--done")
  }
}).catch(() => {})

// Last: restoring drafts may meet bad saved data; the form handlers above are already in place.
keepDrafts(forms, session.pageMessage)
