// Practice, two ways: a session that asks one question at a time (Python chooses them and counts the
// progress), or every question of the chosen scope as a list. Both check each answer at once and show
// the explanation; on return the list shows the last verdict of every question answered before.
import "./guard.mjs"
import { keepDrafts, now, readFields, restoreFields, showFeedback, warnNotSaved } from "./forms.mjs"
import { openSession } from "./session.mjs"
import { storage } from "./storage.mjs"

const session = openSession()
const $ = id => document.getElementById(id)
const forms = [...document.querySelectorAll("#sc-questions .sc-question")]
const byId = new Map(forms.map(form => [form.dataset.question, form]))
const scope = $("sc-scope"), count = $("sc-count"), list = $("sc-questions"), box = $("sc-session")
const slot = $("sc-session-slot"), text = $("sc-session-text"), bar = $("sc-session-bar")
const nextButton = $("sc-session-next"), summary = $("sc-session-summary"), size = $("sc-session-size")
const homes = new Map()      // form -> the placeholder it came from, so the list keeps its order
let practice = null          // the session as Python last returned it
let warmUp = null            // the question shown before Python was ready
let touched = false          // whether the candidate began answering it

const inScope = form => {
  const [kind, id] = (scope.value || ":").split(":")
  return !kind || (kind === "set" && form.dataset.set === id) || (kind === "outcome" && form.dataset.outcome === id) ||
    (kind === "criterion" && form.dataset.criteria.split(" ").includes(id))
}
const listMode = () => $("sc-mode-list").checked

function toSlot(form) {
  for (const [other, home] of homes) { home.replaceWith(other); homes.delete(other) }
  const home = document.createComment("")
  form.replaceWith(home)
  homes.set(form, home)
  form.hidden = false
  slot.replaceChildren(form)
}

function applyScope() {
  let shown = 0
  for (const form of forms) {
    const visible = inScope(form)
    if (!homes.has(form)) form.hidden = !visible
    shown += visible
  }
  count.textContent = `Pytań w wybranym zakresie: ${shown}.`
  const url = new URL(location.href)
  scope.value ? url.searchParams.set("zakres", scope.value) : url.searchParams.delete("zakres")
  listMode() ? url.searchParams.set("widok", "lista") : url.searchParams.delete("widok")
  history.replaceState(null, "", url)
  list.hidden = !listMode()
  box.hidden = listMode()
  $("sc-session-settings").hidden = listMode()
  if (listMode()) {
    for (const [form, home] of homes) { home.replaceWith(form); homes.delete(form); form.hidden = !inScope(form) }
  } else if (!practice) {
    warmUp = forms.find(inScope)
    if (warmUp) toSlot(warmUp)
  }
}

function showProgress(progress) {
  text.textContent = progress.text
  bar.max = progress.total
  bar.value = progress.done ? progress.total : progress.number - 1
}

async function startSession() {
  if (listMode()) return
  summary.hidden = true
  nextButton.hidden = true
  text.textContent = "Dobieranie pytań…"
  try {
    const keep = touched && warmUp && inScope(warmUp) ? warmUp.dataset.question : ""
    const seed = crypto.getRandomValues(new Uint32Array(1))[0]
    const out = await session.call("practice_start", scope.value, Number(size.value), seed, now(), keep)
    if (out.error) { text.textContent = out.error; return }
    practice = out.session
    showCurrent(out.progress, keep)
  } catch {
    text.textContent = "Sesja wymaga Pythona, który nie uruchomił się w tej przeglądarce. Możesz przeglądać pytania z listy."
  }
}

/** Put the session's current question in view, empty unless the candidate began it before. */
function showCurrent(progress, keep = "") {
  showProgress(progress)
  const form = byId.get(progress.current)
  if (form.dataset.question !== keep) {
    form.reset()
    form.querySelector(".sc-feedback").replaceChildren()
    form.querySelector(".sc-feedback").className = "sc-feedback"
    form.classList.remove("sc-question--done")
  }
  toSlot(form)
  nextButton.hidden = true
  form.querySelector("input, select, textarea")?.focus({ preventScroll: true })
  box.scrollIntoView({ block: "nearest" })
}

async function next() {
  const out = await session.call("practice_next", JSON.stringify(practice))
  practice = out.session
  if (!out.progress.done) { showCurrent(out.progress); return }
  showProgress(out.progress)
  for (const [form, home] of homes) { home.replaceWith(form); homes.delete(form); form.hidden = !inScope(form) }
  slot.replaceChildren()
  nextButton.hidden = true
  const parts = [Object.assign(document.createElement("h2"), { textContent: "Podsumowanie sesji" }),
                 Object.assign(document.createElement("p"), { textContent: out.summary.text })]
  if (out.summary.review.length) {
    parts.push(Object.assign(document.createElement("p"), { textContent: "Warto wrócić do kryteriów:" }))
    const items = document.createElement("ul")
    for (const c of out.summary.review) {
      const item = document.createElement("li")
      const link = Object.assign(document.createElement("a"), { textContent: c.id, href: `${session.link("outcomes").href}#${c.anchor}` })
      item.append(link, ` ${c.text}`)
      items.append(item)
    }
    parts.push(items)
  }
  const again = Object.assign(document.createElement("button"), { type: "button", className: "md-button md-button--primary", textContent: "Nowa sesja" })
  again.addEventListener("click", startSession)
  parts.push(again)
  summary.replaceChildren(...parts)
  summary.hidden = false
  summary.focus()
}

for (const form of forms) {
  form.addEventListener("submit", async event => {
    event.preventDefault()
    const feedback = form.querySelector(".sc-feedback")
    feedback.textContent = "Sprawdzanie… (czekamy, aż Python będzie gotowy)"
    feedback.scrollIntoView({ block: "nearest" })
    const inSession = practice && homes.has(form) && form.dataset.question === practice.queue[practice.position]
    try {
      const fields = JSON.stringify(readFields(form))
      const out = inSession
        ? await session.call("practice_check", JSON.stringify(practice), fields, now())
        : await session.call("check", form.dataset.question, fields, now())
      showFeedback(form, out.result)
      form.classList.toggle("sc-question--done", out.result.verdict !== "invalid")
      if (!session.save()) warnNotSaved(feedback, () => session.state)
      if (inSession) {
        practice = out.session
        showProgress(out.progress)
        if (out.result.verdict !== "invalid") { nextButton.hidden = false; nextButton.focus({ preventScroll: true }) }
      }
    } catch (error) {
      feedback.textContent = "Nie można sprawdzić odpowiedzi, bo Python nie działa w tej przeglądarce. Twoja odpowiedź jest zapisana."
    }
    feedback.scrollIntoView({ block: "nearest" })
  })
  // Enter checks the answer from any control, not only from a text field.
  form.addEventListener("keydown", event => {
    if (event.key === "Enter" && !event.isComposing && event.target.matches("input[type=radio], input[type=checkbox], select")) {
      event.preventDefault()
      form.requestSubmit()
    }
  })
  form.addEventListener("input", () => { if (form === warmUp) touched = true })
}

nextButton.addEventListener("click", () => next().catch(() => {}))
$("sc-session-new").addEventListener("click", startSession)
scope.value = new URL(location.href).searchParams.get("zakres") || ""
if (new URL(location.href).searchParams.get("widok") === "lista") $("sc-mode-list").checked = true
scope.addEventListener("change", () => { practice = null; applyScope(); if (!listMode()) session.loaded.then(startSession, () => {}) })
for (const radio of document.querySelectorAll("input[name=mode]")) radio.addEventListener("change", () => {
  applyScope()
  if (!listMode() && !practice) session.loaded.then(startSession, () => {})
})
applyScope()
session.loaded.then(startSession, () => {})

// In the list, a returning candidate sees what they did: the answer last checked and its verdict. A
// draft typed after that check wins (the verdict would not be about it, so none is shown).
session.loaded.then(async () => {
  const { results } = await session.call("answered")
  const drafts = storage.drafts()
  for (const form of forms) {
    const id = form.dataset.question, result = results[id], saved = session.state?.answers?.[id]?.fields
    if (!result || !saved || homes.has(form)) continue
    if (drafts[id] && JSON.stringify(drafts[id]) !== JSON.stringify(saved)) continue
    restoreFields(form, saved)
    showFeedback(form, result)
    form.classList.add("sc-question--done")
  }
}).catch(() => {})

// Last: restoring drafts may meet bad saved data; the form handlers above are already in place.
keepDrafts(forms, session.pageMessage)
