// Renewal: the holder's issue date and evidence periods, assessed by Python (selfcheck.renewal).
// This module only fills and reads the form, stores it, and draws what Python returns.
import "./guard.mjs"
import { createBackup, offerRestore } from "./backup.mjs"
import { el } from "../dom.mjs"
import { chooseFile, downloadJson, notice, now, warnNotSaved } from "./forms.mjs"
import { startPython } from "./python.mjs"
import { createStore } from "./storage.mjs"

const store = createStore("odnowienie")
const backup = createBackup("odnowienie:kopia", { renewal: store })  // kept before an import or a clear
const FIELDS = ["start", "end", "organisation", "role", "tasks", "document"]
const $ = id => document.getElementById(id)
const form = $("rn-form"), list = $("rn-periods"), result = $("rn-result"), message = $("rn-message")
const FORMAT = JSON.parse(form.dataset.saveFormat)  // {format, version}: defined in selfcheck.renewal_state
const python = startPython()
const today = () => new Date().toLocaleDateString("sv-SE")  // the visitor's calendar day, as YYYY-MM-DD

function addPeriod(values = {}) {
  const item = $("rn-period-template").content.firstElementChild.cloneNode(true)
  list.append(item)
  const n = list.children.length
  item.querySelector(".rn-period__number").textContent = n
  for (const input of item.querySelectorAll("[data-field]")) {
    const id = `rn-p${n}-${input.dataset.field}`
    input.id = id
    item.querySelector(`label[data-for="${input.dataset.field}"]`).htmlFor = id
    const error = item.querySelector(`[data-error-for="${input.dataset.field}"]`)
    if (error) { error.id = `${id}-error`; input.setAttribute("aria-describedby", error.id) }
  }
  for (const field of FIELDS) {
    const input = item.querySelector(`[data-field="${field}"]`)
    if (field === "end" && values.end === "ongoing") item.querySelector('[data-field="ongoing"]').checked = true
    else if (values[field]) input.value = values[field]
  }
  syncOngoing(item)
  return item
}

function syncOngoing(item) {
  const ongoing = item.querySelector('[data-field="ongoing"]').checked
  const end = item.querySelector('[data-field="end"]')
  end.disabled = ongoing
  if (ongoing) end.value = ""
}

function renumber() {
  ;[...list.children].forEach((item, i) => item.querySelector(".rn-period__number").textContent = i + 1)
}

function readForm() {
  return {
    ...FORMAT,
    issued: $("rn-issued").value,
    periods: [...list.children].map(item => Object.fromEntries(FIELDS.map(field => {
      if (field === "end" && item.querySelector('[data-field="ongoing"]').checked) return ["end", "ongoing"]
      return [field, item.querySelector(`[data-field="${field}"]`).value]
    }))),
    checklist: [...document.querySelectorAll("#rn-checklist input:checked")].map(input => Number(input.value)),
  }
}

function fillForm(data) {
  $("rn-issued").value = data.issued || ""
  list.replaceChildren()
  ;(data.periods?.length ? data.periods : [{}]).forEach(addPeriod)
  for (const input of document.querySelectorAll("#rn-checklist input")) input.checked = (data.checklist || []).includes(Number(input.value))
}

const NOT_SAVED = "Przeglądarka nie pozwala zapisać tego formularza (pamięć jest pełna albo zablokowana), więc po " +
  "zamknięciu strony zniknie. Zapisz zestawienie do pliku."

/** Store the form; true when the browser kept it. The first time it does not, say so right below
 *  `where` (the field or buttons the candidate used, so the note is in view) and offer a file. */
let unsavedShown = false
function save(where) {
  if (store.save(readForm())) return true
  if (!unsavedShown && where) {
    unsavedShown = true
    const slot = document.createElement("div")
    where.after(slot)
    warnNotSaved(slot, () => downloadJson(store.fileName, readForm()), NOT_SAVED)
  }
  return false
}
/** The row of the control an event came from: where a note about it belongs. */
const rowOf = element => element?.closest("p, li") || form

function clearErrors() {
  for (const slot of document.querySelectorAll(".rn-error")) slot.textContent = ""
  for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid")
}

function showErrors(problems) {
  let first = null
  for (const [field, text] of Object.entries(problems)) {
    const match = field.match(/^periods\[(\d+)\]\.(\w+)$/)
    const scope = match ? list.children[Number(match[1]) - 1] : document
    const name = match ? match[2] : field
    const input = match ? scope.querySelector(`[data-field="${name}"]`) : $("rn-issued")
    const slot = match ? scope.querySelector(`[data-error-for="${name}"]`) : $("rn-issued-error")
    if (slot) slot.textContent = text
    input?.setAttribute("aria-invalid", "true")
    first ||= input
  }
  result.replaceChildren(Object.assign(document.createElement("p"), {
    className: "sc-message sc-message--warning",
    textContent: `Popraw ${Object.keys(problems).length === 1 ? "zaznaczone pole" : "zaznaczone pola"} i spróbuj ponownie.`,
  }))
  first?.focus()
}


function showAssessment({ assessment: a, timeline }) {
  const parts = [el("h2", a.verdict.title, { id: "wynik" }), el("p", a.verdict.text, { className: `rn-verdict rn-verdict--${a.verdict.key}` })]
  // A new validation ahead: where and when to take it (the build gives the address when the data has it).
  const whereToTake = $("sc-status").dataset.urlWhereToTake
  if (a.verdict.retake && whereToTake) {
    const link = el("p", undefined, { className: "rn-retake" })
    link.append(el("a", a.verdict.retake_text, { href: new URL(whereToTake, location.href).href }))
    parts.push(link)
  }
  const facts = el("dl")
  for (const [label, value] of a.facts) facts.append(el("dt", label), el("dd", value))
  parts.push(facts)
  for (const note of a.notes) parts.push(el("p", note, { className: "rn-note" }))
  const figure = el("figure", undefined, { className: "rn-figure" })
  figure.innerHTML = timeline  // SVG made by selfcheck.timeline from the assessment
  parts.push(figure)
  const table = el("table", undefined, { className: "rn-evidence" })
  table.append(el("caption", "Zestawienie dowodów"))
  const headings = ["Nr", "Okres", "Pracodawca / rola", "Zadania", "Dokument", "Dni liczone"]
  const head = el("tr")
  for (const h of headings) head.append(el("th", h, { scope: "col" }))
  table.append(el("thead"), el("tbody"))
  table.tHead.append(head)
  for (const p of a.periods) {
    const row = el("tr")
    const cells = [String(p.number), p.period_text, [p.organisation, p.role].filter(Boolean).join(", "), p.tasks, p.document,
                   p.counted_text]
    // On a phone each row is a card: every cell carries its column's name.
    cells.forEach((cell, i) => { const td = el("td", cell); td.dataset.label = headings[i]; row.append(td) })
    table.tBodies[0].append(row)
  }
  parts.push(table, el("p", a.certifying_body_decides, { className: "rn-note" }))
  result.replaceChildren(...parts)
  $("rn-print-issued").textContent = a.issued_text
  $("rn-print-prepared").textContent = a.prepared_text
  result.focus({ preventScroll: true })
  result.scrollIntoView({ block: "start" })
}

async function check() {
  clearErrors()
  save(rowOf($("rn-check")))
  result.textContent = "Liczenie…"
  try {
    const out = await python.call("renewal", JSON.stringify(readForm()), today())
    out.ok ? showAssessment(out) : showErrors(out.problems)
  } catch {
    result.textContent = "Nie można policzyć okresów, bo Python nie działa w tej przeglądarce. Wpisane dane są zapisane."
  }
}

// Restore saved data: Python checks it first; an unreadable copy is kept aside and reported.
const raw = store.readRaw()
fillForm({})
python.ready.then(async () => {
  if (!raw) return
  const loaded = await python.call("load_renewal", raw)
  if (loaded.ok) {
    fillForm(loaded.input)
    if (loaded.notes?.length) notice(message, loaded.notes.join(" "), "warning")
    if (loaded.input.issued) await check()
    return
  }
  const { aside } = store.setAside(raw)
  notice(message, aside
    ? `Zapisanego zestawienia nie da się odczytać (${loaded.error}) Zachowaliśmy je pod kluczem „${aside}”.`
    : `Zapisanego zestawienia nie da się odczytać (${loaded.error}) ani odłożyć, więc zostało bez zmian, a ta strona ` +
      "niczego nie zapisze, żeby go nie nadpisać. Zapisuj zestawienie do pliku.", "warning")
}, () => { try { fillForm(JSON.parse(raw)) } catch {} })

// Another tab saved the form: show its version here (this tab's last input was saved before it).
addEventListener("storage", async event => {
  if (event.key !== store.key) return
  const raw = store.readRaw()
  if (!raw) return
  const loaded = await python.call("load_renewal", raw).catch(() => null)
  if (!loaded?.ok) return
  fillForm(loaded.input)
  notice(message, "Zestawienie zmieniono w innej karcie tej przeglądarki; widzisz najnowszą wersję.", "info")
  if (loaded.input.issued) await check()
})

form.addEventListener("submit", event => { event.preventDefault(); check() })
form.addEventListener("input", event => save(rowOf(event.target)))
form.addEventListener("change", event => {
  if (event.target.dataset.field === "ongoing") syncOngoing(event.target.closest(".rn-period"))
  save(rowOf(event.target))
})
$("rn-checklist").addEventListener("change", event => save(rowOf(event.target)))
$("rn-add").addEventListener("click", () => { addPeriod().querySelector("input").focus(); save(rowOf($("rn-add"))) })
list.addEventListener("click", event => {
  if (!event.target.classList.contains("rn-remove")) return
  const item = event.target.closest(".rn-period")
  item.remove()
  if (!list.children.length) addPeriod()
  renumber()
  save(rowOf($("rn-add")))
  $("rn-add").focus()
})
$("rn-print").addEventListener("click", () => print())
$("rn-export").addEventListener("click", () => {
  downloadJson(store.fileName, readForm())
  notice(message, `Zestawienie zapisano do pliku ${store.fileName} (w folderze pobranych plików).`, "info")
})
chooseFile($("rn-import-button"), $("rn-import"), async (name, text) => {
  try {
    const loaded = await python.call("load_renewal", text)
    if (!loaded.ok) {
      notice(message, `Nie wczytano pliku „${name}”: ${loaded.error} Formularz się nie zmienił.`, "warning")
      return
    }
    // What the file replaces is said first and kept as a copy (backup.mjs), restored with one button.
    if (store.readRaw() && !confirm(`Plik „${name}” zastąpi zestawienie zapisane w tej przeglądarce. Obecne zachowamy ` +
                                    "jako kopię, którą możesz potem przywrócić przyciskiem „Przywróć kopię”. Wczytać plik?")) return
    if (!backup.keep("import", now())) {
      notice(message, "Nie wczytano pliku: przeglądarka nie pozwoliła zachować kopii obecnego zestawienia, więc go " +
                      "nie zastępujemy. Zapisz je do pliku i spróbuj ponownie.", "warning")
      return
    }
    fillForm(loaded.input)
    const kept = save()
    const notes = loaded.notes?.length ? ` ${loaded.notes.join(" ")}` : ""
    notice(message, (kept ? `Wczytano zestawienie z pliku „${name}”.`
      : `Wczytano zestawienie z pliku „${name}”, ale przeglądarka nie pozwoliła go zapisać.`) + notes,
      kept && !notes ? "info" : "warning")
    if (!kept) warnNotSaved(message, () => downloadJson(store.fileName, readForm()), NOT_SAVED)
    await showRestore()
    await check()
  } catch (error) {
    notice(message, `Nie wczytano pliku: ${error.message}. Formularz się nie zmienił.`, "warning")
  }
})
$("rn-reset").addEventListener("click", () => {
  if (!confirm("Wyczyścić formularz i zapisane zestawienie? Zachowamy je jako kopię, którą możesz potem przywrócić " +
               "przyciskiem „Przywróć kopię”.")) return
  if (!backup.keep("reset", now()) || !store.clear()) {
    notice(message, "Nie udało się usunąć zapisanego zestawienia; nic się nie zmieniło.", "warning")
    return
  }
  fillForm({})
  result.replaceChildren()
  notice(message, "Formularz wyczyszczony. Poprzednie zestawienie przywrócisz przyciskiem „Przywróć kopię”.", "info")
  showRestore()
})

/** "Przywróć kopię" under the buttons while a copy is kept; restoring fills the form from it. */
async function showRestore() {
  await offerRestore(python, $("rn-backup"), backup, async restored => {
    if (!restored) {
      notice(message, "Przeglądarka nie pozwoliła przywrócić kopii (brak miejsca?); zestawienie i kopia zostały bez zmian.", "warning")
      return
    }
    const loaded = await python.call("load_renewal", store.readRaw() || "{}").catch(() => null)
    fillForm(loaded?.ok ? loaded.input : {})
    result.replaceChildren()
    if (loaded?.ok && loaded.input.issued) await check()
    await showRestore()
    // Said, and focused, next to the button just pressed (a check would move the focus to its result).
    notice(message, "Przywrócono kopię zestawienia.", "info")
    message.tabIndex = -1
    message.focus()
  })
}
python.ready.then(showRestore, () => {})
