// Practice, two ways: a session that asks one question at a time (Python chooses them and counts the
// progress), or every question of the chosen scope as a list. Both check each answer at once and show
// the explanation; on return the list shows the last verdict of every question answered before.
// The page holds the first question only; the others' forms are fetched by outcome when shown.
import "./guard.mjs"
import { keepDrafts, notice, now, readFields, restoreFields, showFeedback, warnNotSaved } from "./forms.mjs"
import { eachForm, formsOf, loadedForm, questions } from "./question-forms.mjs"
import { openSession } from "./session.mjs"
import { storage } from "./storage.mjs"

const session = openSession()
const $ = id => document.getElementById(id)
const scope = $("sc-scope"), count = $("sc-count"), list = $("sc-questions"), box = $("sc-session")
const slot = $("sc-session-slot"), text = $("sc-session-text"), bar = $("sc-session-bar")
const nextButton = $("sc-session-next"), summary = $("sc-session-summary"), size = $("sc-session-size")
let practice = null          // the session as Python last returned it
let warmUp = null            // the question shown before Python was ready
let touched = false          // whether the candidate began answering it
let answered = null          // {question id: last result} once saved progress is read
let current = null           // the session's progress as last shown
let shown = 0                // which call of applyScope is the latest (an older one's forms are dropped)

const inScope = question => {
  const [kind, id] = (scope.value || ":").split(":")
  return !kind || (kind === "set" && question.set === id) || (kind === "outcome" && question.outcome === id) ||
    (kind === "criterion" && question.criteria.includes(id))
}
const listMode = () => $("sc-mode-list").checked
const inSlot = form => slot.contains(form)

/** Forms for the page, or null with the reason said where the candidate looks. */
async function formsFor(ids, where) {
  try {
    return await formsOf(ids)
  } catch (error) {
    notice(where, error.message, "warning")
    return null
  }
}

async function applyScope() {
  const call = ++shown
  const ids = questions.filter(inScope).map(question => question.id)
  count.className = "sc-filter__count"  // no longer a warning, if the last scope's forms did not come
  count.textContent = `Pytań w wybranym zakresie: ${ids.length}.`
  const url = new URL(location.href)
  scope.value ? url.searchParams.set("zakres", scope.value) : url.searchParams.delete("zakres")
  listMode() ? url.searchParams.set("widok", "lista") : url.searchParams.delete("widok")
  history.replaceState(null, "", url)
  list.hidden = !listMode()
  box.hidden = listMode()
  $("sc-session-settings").hidden = listMode()
  if (listMode()) {
    // The list is the scope's questions in bank order; busy until their forms are here.
    list.setAttribute("aria-busy", "true")
    const forms = await formsFor(ids, count)
    if (call !== shown) return
    list.setAttribute("aria-busy", "false")
    if (!forms) return
    for (const form of forms) form.hidden = false
    list.replaceChildren(...forms)
  } else if (practice && current && !current.done) {
    await showCurrent(current, current.current)  // back from the list: the session's question, as left
  } else if (!practice) {
    const [first] = ids.length ? await formsFor([ids[0]], text) || [] : []
    if (call !== shown || !first || practice) return
    warmUp = first
    first.hidden = false
    slot.replaceChildren(first)
  }
}

function showProgress(progress) {
  text.textContent = progress.text
  nextButton.textContent = progress.next
  bar.max = progress.total
  bar.value = progress.done ? progress.total : progress.number - 1
}

/** The question shown before the session, if the candidate began answering it (since the script
 *  came, or before: it is answerable at once) and it is in the scope; else "". */
function begunQuestion() {
  const begun = warmUp && (touched || Object.values(readFields(warmUp)).flat().some(value => value !== ""))
  return begun && idInScope(warmUp.dataset.question) ? warmUp.dataset.question : ""
}
const idInScope = id => questions.some(q => q.id === id && inScope(q))

/** The question on screen before the session, kept first when begun or never answered before: the
 *  candidate may be reading it, and an unanswered question is what a session asks first anyway. */
function shownQuestion() {
  const id = warmUp?.dataset.question
  if (!id || !idInScope(id)) return ""
  return begunQuestion() || (session.state?.answers?.[id] ? "" : id)
}

/** Start a session. `auto`: the page started it (Python became ready, the scope changed), so focus
 *  and scrolling stay where the candidate has them; a button press moves them to the question. */
async function startSession({ auto = false } = {}) {
  if (listMode()) return
  box.dataset.loading = ""  // until the session's question is in place (tests wait for it)
  summary.hidden = true
  nextButton.hidden = true
  text.textContent = "Dobieranie pytań…"
  try {
    const keep = shownQuestion()
    const seed = crypto.getRandomValues(new Uint32Array(1))[0]
    const out = await session.call("practice_start", scope.value, Number(size.value), seed, now(), keep)
    if (out.error) { text.textContent = out.error; return }
    await formsFor([out.progress.current], text)  // here before it replaces the question on screen
    // The candidate began the question on screen while Python chose: keep it and choose again.
    if (!keep && begunQuestion() && begunQuestion() !== out.progress.current) return await startSession({ auto })
    practice = out.session
    await showCurrent(out.progress, keep || begunQuestion(), { move: !auto })  // begun and chosen first anyway: not emptied
    warmUp = null  // it served this session; a new session chooses freely
    touched = false
  } catch {
    text.textContent = "Sesja wymaga Pythona, który nie uruchomił się w tej przeglądarce. Możesz przeglądać pytania z listy."
  } finally {
    delete box.dataset.loading
  }
}

/** Put the session's current question in view, empty unless the candidate began it before. */
async function showCurrent(progress, keep = "", { move = true } = {}) {
  current = progress
  const [form] = await formsFor([progress.current], text) || []
  if (!form) return
  showProgress(progress)  // with the question it counts, not before it is here
  if (form.dataset.question !== keep) {
    form.reset()
    form.querySelector(".sc-feedback").replaceChildren()
    form.querySelector(".sc-feedback").className = "sc-feedback"
    form.classList.remove("sc-question--done")
  }
  form.hidden = false
  slot.replaceChildren(form)
  nextButton.hidden = true
  if (!move) return
  form.querySelector("input, select, textarea")?.focus({ preventScroll: true })
  box.scrollIntoView({ block: "nearest" })
}

async function next() {
  const out = await session.call("practice_next", JSON.stringify(practice))
  practice = out.session
  if (!out.progress.done) { await showCurrent(out.progress); return }
  showProgress(out.progress)
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
  again.addEventListener("click", () => startSession())
  parts.push(again)
  summary.replaceChildren(...parts)
  summary.hidden = false
  summary.focus()
}

function prepare(form) {
  form.addEventListener("submit", async event => {
    event.preventDefault()
    const feedback = form.querySelector(".sc-feedback")
    feedback.textContent = "Sprawdzanie… (czekamy, aż Python będzie gotowy)"
    feedback.scrollIntoView({ block: "nearest" })
    const inSession = practice && inSlot(form) && form.dataset.question === practice.queue[practice.position]
    try {
      const fields = JSON.stringify(readFields(form))
      const out = inSession
        ? await session.change("practice_check", [JSON.stringify(practice), fields, now()])
        : await session.change("check", [form.dataset.question, fields, now()])
      showFeedback(form, out.result)
      form.classList.toggle("sc-question--done", out.result.verdict !== "invalid")
      if (!out.saved) warnNotSaved(feedback, session.saveFile)
      if (inSession) {
        practice = out.session
        showProgress(out.progress)
        if (out.result.verdict !== "invalid") {
          nextButton.hidden = false
          nextButton.focus({ preventScroll: true })
        }
      }
    } catch (error) {
      feedback.textContent = "Nie można sprawdzić odpowiedzi, bo Python nie działa w tej przeglądarce. Twoja odpowiedź jest zapisana."
    }
    feedback.scrollIntoView({ block: "nearest" })
    // In a session focus is on "Dalej", just below the feedback: that button in view too.
    if (document.activeElement === nextButton) nextButton.scrollIntoView({ block: "nearest" })
  })
  // Enter checks the answer from any control, not only from a text field.
  form.addEventListener("keydown", event => {
    if (event.key === "Enter" && !event.isComposing && event.target.matches("input[type=radio], input[type=checkbox], select")) {
      event.preventDefault()
      form.requestSubmit()
    }
  })
  form.addEventListener("input", () => { if (form === warmUp) touched = true })
  // Restoring a draft, or a verdict, may meet bad saved data: the handlers above are in place first.
  keepDrafts([form], null)
  showAnswered(form)
}

nextButton.addEventListener("click", () => next().catch(() => {}))
$("sc-session-new").addEventListener("click", () => startSession())
scope.value = new URL(location.href).searchParams.get("zakres") || ""
if (new URL(location.href).searchParams.get("widok") === "lista") $("sc-mode-list").checked = true
const autoStart = () => startSession({ auto: true })
scope.addEventListener("change", () => { practice = null; applyScope(); if (!listMode()) session.loaded.then(autoStart, () => {}) })
for (const radio of document.querySelectorAll("input[name=mode]")) radio.addEventListener("change", () => {
  applyScope()
  if (!listMode() && !practice) session.loaded.then(autoStart, () => {})
})
applyScope()
if (!listMode()) box.dataset.loading = ""  // the session is chosen once Python is ready
session.loaded.then(autoStart, () => {})

// In the list, a returning candidate sees what they did: the answer last checked and its verdict. A
// draft typed after that check wins (the verdict would not be about it, so none is shown).
function showAnswered(form) {
  const id = form.dataset.question, result = answered?.[id], saved = session.state?.answers?.[id]?.fields
  if (!result || !saved || inSlot(form)) return
  const draft = storage.drafts()[id]
  if (draft && JSON.stringify(draft) !== JSON.stringify(saved)) return
  restoreFields(form, saved)
  showFeedback(form, result)
  form.classList.add("sc-question--done")
}

// Drafts that cannot be read are said once, for the page; then every form, as it arrives.
keepDrafts([], session.pageMessage)
eachForm(prepare)
async function showAllAnswered() {
  answered = (await session.call("answered")).results
  for (const question of questions) {
    const form = loadedForm(question.id)
    if (form) showAnswered(form)
  }
}
session.loaded.then(showAllAnswered).catch(() => {})
// Answers checked in another tab show here too.
session.onChange(() => showAllAnswered().catch(() => {}))
