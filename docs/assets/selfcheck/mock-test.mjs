// Mock test: Python draws the questions; the answers are checked once, when the test is handed in.
// Test answers are kept apart from practice answers (drafts "test:<id>"), so a test starts empty.
import "./guard.mjs"
import { startCountdown } from "./countdown.mjs"
import { el } from "../dom.mjs"
import { keepDrafts, notice, now, readFields, showFeedback, warnNotSaved } from "./forms.mjs"
import { FormsUnavailable, eachForm, formsOf, loadedForm } from "./question-forms.mjs"
import { openSession } from "./session.mjs"
import { storage } from "./storage.mjs"

const session = openSession()
const $ = id => document.getElementById(id)
const settings = $("sc-test-settings"), waiting = $("sc-test-waiting"), testBox = $("sc-test"), list = $("sc-test-list")
const result = $("sc-result"), timer = $("sc-timer"), progress = $("sc-test-progress"), finishButton = $("sc-finish")
const after = $("sc-test-after")
const draftKey = id => `test:${id}`
let questions = [], stopClock = () => {}, finished = false, progressAsked = 0
let started = ""  // the shown test's start: which saved test a hand-in is for

$("sc-to-report").href = session.link("report").href

// Settings appear only once it is known whether a test is open: starting a new one must never
// replace an open test without a word.
session.loaded.then(async () => {
  const open = await session.call("open_attempt")
  waiting.hidden = true
  if (open.attempt) await show(open.attempt.questions, open.deadline, open.attempt.started, open.note)
  else settings.hidden = false
  session.onChange(() => otherTabChanged().catch(() => {}))
}).catch(error => {
  if (error instanceof FormsUnavailable) { notice(waiting, error.message, "warning"); return }
  // Without Python the status box says why; with it, a failure here is unexpected: say it, never silently.
  session.python.ready.then(() => notice(waiting, `Nie udało się odczytać zapisanych postępów (${error.message}), więc ` +
    "test jest wstrzymany, żeby ich nie nadpisać. Odśwież stronę; zapisane postępy się nie zmieniły.", "warning"),
  () => { waiting.hidden = true })
})

settings.addEventListener("submit", async event => {
  event.preventDefault()
  const button = $("sc-start")
  button.disabled = true
  try {
    const seed = crypto.getRandomValues(new Uint32Array(1))[0]
    const limit = settings.limit.value ? Number(settings.limit.value) : null
    let forms
    // A test whose questions cannot be shown is not started, nor saved: the forms come before it is stored.
    const out = await session.change("start_test", [Number(settings.size.value), seed, limit, now()],
                                     { before: async drawn => { forms = await formsOf(drawn.questions) } })
    if (out.error) { notice(result, out.error, "warning"); result.hidden = false; return }
    if (out.resumed) { await show(out.questions, out.deadline, out.started, out.note); return }  // opened in another tab
    for (const form of forms) {  // every drawn question starts empty
      form.reset()
      storage.saveDraft(draftKey(form.dataset.question), {})
    }
    await show(out.questions, out.deadline, out.started)
    if (!out.saved) warnNotSaved(progress.parentElement, session.saveFile)
  } catch (error) {
    notice(result, error instanceof FormsUnavailable ? error.message : "Test wymaga Pythona, który nie uruchomił się w tej przeglądarce.", "warning")
    result.hidden = false
  } finally {
    button.disabled = false
  }
})

/** Another tab changed the progress: a test it started is shown here too (never a second one started
 *  beside it), and the test shown here, if handed in or replaced there, is said to be. */
async function otherTabChanged() {
  if (finished) return  // its result is shown; a new start meets an open test in Python (start_test)
  const open = await session.call("open_attempt", testBox.hidden ? "" : started, true)
  if (testBox.hidden && open.attempt) await show(open.attempt.questions, open.deadline, open.attempt.started, open.note)
  else if (!testBox.hidden && open.note) say(open.note, "warning")
}

/** A note about the test, in view where the candidate is. */
function say(text, kind) {
  notice(result, text, kind)
  result.hidden = false
  result.focus({ preventScroll: true })
  result.scrollIntoView({ block: "nearest" })
}

async function show(ids, deadline, start, note = "") {
  const forms = await formsOf(ids)
  questions = ids
  started = start
  finished = false
  list.replaceChildren(...forms.map(form => {
    const item = document.createElement("li")
    form.querySelector(".sc-feedback").replaceChildren()
    for (const element of form.elements) element.disabled = false
    item.append(form)
    return item
  }))
  settings.hidden = true
  result.hidden = true
  after.hidden = true
  finishButton.hidden = false
  testBox.hidden = false
  notice(result, note, "info")
  result.hidden = !note
  startTimer(deadline)
  updateProgress()
  list.querySelector("input, select, textarea")?.focus()
}

/** "Odpowiedziano na 3 z 20 pytań." in the sticky bar, as Python counts it. */
async function updateProgress() {
  const asked = ++progressAsked
  try {
    const out = await session.call("test_progress", JSON.stringify(responses()))
    if (asked === progressAsked && !finished) progress.textContent = out.text
  } catch {}
}
list.addEventListener("change", updateProgress)
list.addEventListener("input", updateProgress)

const responses = () => Object.fromEntries(questions.map(id => [id, readFields(loadedForm(id))]))

function startTimer(deadline) {
  stopClock()
  timer.hidden = !deadline
  if (deadline) stopClock = startCountdown(session.python, timer, deadline, () => finish(true))
}

async function finish(timeUp = false) {
  if (finished) return
  finished = true
  stopClock()
  finishButton.disabled = true
  try {
    const out = await session.change("finish_test", [JSON.stringify(responses()), now(), started])
    if (out.error) throw new Error(out.error)
    progress.textContent = "Test oceniony."
    timer.hidden = true
    finishButton.hidden = true
    after.hidden = false
    out.results.forEach(r => showFeedback(loadedForm(r.question_id), r))
    for (const id of questions) for (const element of loadedForm(id).elements) element.disabled = true
    drawResult(out, timeUp)
    if (out.state && !out.saved) warnNotSaved(result, session.saveFile)
    result.focus({ preventScroll: true })
    result.scrollIntoView({ block: "start" })  // its heading first, below the sticky header (site.css)
  } catch (error) {
    finished = false
    say(`Nie udało się ocenić testu: ${error.message.replace(/\.$/, "")}. Odpowiedzi są zapisane.`, "warning")
  } finally {
    finishButton.disabled = false
  }
}

function drawResult(out, timeUp) {
  const table = el("table")
  table.append(el("caption", "Wynik według efektów uczenia się"), el("thead"), el("tbody"))
  const head = el("tr")
  for (const title of ["Efekt", "Punkty", "Wynik"]) head.append(Object.assign(el("th", title), { scope: "col" }))
  table.tHead.append(head)
  for (const row of out.by_outcome) {
    const tr = el("tr")
    tr.append(Object.assign(el("th", `${row.id} ${row.text}`), { scope: "row" }), el("td", row.points), el("td", row.percent))
    table.tBodies[0].append(tr)
  }
  const wrap = Object.assign(el("div"), { className: "sc-table-scroll" })
  wrap.append(table)
  const links = after.cloneNode(true)
  links.hidden = false
  links.removeAttribute("id")
  links.querySelector("a").removeAttribute("id")
  result.className = "sc-result"
  result.replaceChildren(el("h2", "Wynik testu"), el("p", `${timeUp ? "Czas minął. " : ""}${out.summary} ` +
    "Poniżej przy każdym pytaniu jest poprawna odpowiedź i wyjaśnienie."), wrap, links)
  result.hidden = false
  bindNewTest(links.querySelector(".sc-new-test"))
}

function bindNewTest(button) {
  button.addEventListener("click", () => {
    settings.hidden = false
    settings.scrollIntoView({ block: "start" })
    $("sc-size").focus()
  })
}
bindNewTest(after.querySelector(".sc-new-test"))

finishButton.addEventListener("click", async () => {
  let question = "Oddać test do oceny? Po oddaniu nie można zmienić odpowiedzi."
  try { question = (await session.call("test_progress", JSON.stringify(responses()))).confirm || question } catch {}
  if (confirm(question)) finish()
})

// Last: restoring drafts may meet bad saved data; the handlers above are already in place. Forms
// arrive when a test starts or resumes; a test's forms are checked on hand-in only (no button).
keepDrafts([], result)
eachForm(form => {
  form.querySelector(".sc-check")?.closest("p")?.remove()
  form.addEventListener("submit", event => event.preventDefault())
  keepDrafts([form], null, form => draftKey(form.dataset.question))
})
