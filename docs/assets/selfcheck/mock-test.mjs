// Mock test: Python draws the questions; the answers are checked once, when the test is handed in.
import "./guard.mjs"
import { keepDrafts, notice, now, readFields, showFeedback, warnNotSaved } from "./forms.mjs"
import { startPython } from "./python.mjs"
import { loadState, storage } from "./storage.mjs"

const python = startPython()
const $ = id => document.getElementById(id)
const settings = $("sc-test-settings"), testBox = $("sc-test"), list = $("sc-test-list"), result = $("sc-result")
const timer = $("sc-timer"), progress = $("sc-test-progress"), finishButton = $("sc-finish")
const bank = new Map([...document.querySelectorAll("#sc-bank .sc-question")].map(form => [form.dataset.question, form]))
let state = null, questions = [], countdown = null, finished = false

const loaded = python.ready.then(() => loadState(python)).then(async ({ state: saved, message, warning }) => {
  state = saved
  if (message) notice(result, message, warning ? "warning" : "info")
  const open = await python.call("open_attempt", state ? JSON.stringify(state) : "")
  if (open.attempt) show(open.attempt.questions, open.deadline, true)
})
loaded.catch(error => {
  settings.querySelector("button").disabled = true  // a new test would overwrite progress not yet read
  // Without Python the status box says why; with it, a failure here is unexpected: say it, never silently.
  python.ready.then(() => notice(result, `Nie udało się odczytać zapisanych postępów (${error.message}), więc test ` +
    "jest wstrzymany, żeby ich nie nadpisać. Odśwież stronę; zapisane postępy się nie zmieniły.", "warning"), () => {})
})

settings.addEventListener("submit", async event => {
  event.preventDefault()
  const button = $("sc-start")
  button.disabled = true
  progress.textContent = "Losowanie pytań…"
  try {
    await loaded
    const seed = crypto.getRandomValues(new Uint32Array(1))[0]
    const limit = settings.limit.value ? Number(settings.limit.value) : null
    const out = await python.call("start_test", state ? JSON.stringify(state) : "", Number(settings.size.value), seed, limit, now())
    if (out.error) { notice(result, out.error, "warning"); return }
    state = out.state
    show(out.questions, out.deadline, false)
    if (!storage.save(state)) warnNotSaved(progress.parentElement, () => state)
  } catch {
    notice(result, "Test wymaga Pythona, który nie uruchomił się w tej przeglądarce.", "warning")
  } finally {
    button.disabled = false
  }
})

function show(ids, deadline, resumed) {
  questions = ids
  finished = false
  list.replaceChildren(...ids.map(id => {
    const item = document.createElement("li")
    const form = bank.get(id)
    form.querySelector(".sc-feedback").replaceChildren()
    for (const element of form.elements) element.disabled = false
    item.append(form)
    return item
  }))
  settings.hidden = true
  result.hidden = true
  testBox.hidden = false
  progress.textContent = resumed ? `Wracasz do rozpoczętego testu: ${ids.length} pytań.` : `Test ma ${ids.length} pytań. Powodzenia!`
  startTimer(deadline)
  list.querySelector("input, select")?.focus()
}

function startTimer(deadline) {
  clearInterval(countdown)
  timer.hidden = !deadline
  if (!deadline) return
  const tick = () => {
    const left = Math.max(0, Math.round((Date.parse(deadline) - Date.now()) / 1000))
    timer.textContent = `Pozostały czas: ${Math.floor(left / 60)} min ${String(left % 60).padStart(2, "0")} s`
    if (left === 0) { clearInterval(countdown); finish(true) }
  }
  tick()
  countdown = setInterval(tick, 1000)
}

async function finish(timeUp = false) {
  if (finished) return
  finished = true
  clearInterval(countdown)
  finishButton.disabled = true
  const responses = Object.fromEntries(questions.map(id => [id, readFields(bank.get(id))]))
  try {
    const out = await python.call("finish_test", JSON.stringify(state), JSON.stringify(responses), now())
    state = out.state
    const kept = storage.save(state)
    out.results.forEach(r => showFeedback(bank.get(r.question_id), r))
    for (const form of bank.values()) for (const element of form.elements) element.disabled = true
    result.hidden = false
    result.innerHTML = "<h2>Wynik testu</h2><p></p><p></p>"
    const [score, next] = result.querySelectorAll("p")
    score.textContent = `${timeUp ? "Czas minął. " : ""}Wynik: ${out.percent} (${out.points} z ${questions.length} pkt). ` +
      "Poniżej przy każdym pytaniu jest poprawna odpowiedź i wyjaśnienie."
    next.innerHTML = '<a href="../raport/">Zobacz raport gotowości</a> albo <a href="">rozpocznij nowy test</a>.'
    testBox.before(result)
    if (!kept) warnNotSaved(result, () => state)
    progress.textContent = "Test oceniony."
    finishButton.hidden = true
    result.focus()
  } catch (error) {
    finished = false
    notice(result, `Nie udało się ocenić testu: ${error.message}. Odpowiedzi są zapisane.`, "warning")
    result.hidden = false
  } finally {
    finishButton.disabled = false
  }
}

finishButton.addEventListener("click", () => {
  if (confirm("Oddać test do oceny? Po oddaniu nie można zmienić odpowiedzi.")) finish()
})

// Last: restoring drafts may meet bad saved data; the handlers above are already in place.
keepDrafts(bank.values(), result)
