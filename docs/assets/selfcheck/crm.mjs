// The practice system page: draws the blocks Python sends (practical_modules/crm/ui.py) and sends back what the
// candidate did — a form's id with its fields as the browser holds them, or a task to check. Every
// rule, message and number comes from Python; this file only draws and keeps the state in storage.
import "./guard.mjs"
import { startCountdown } from "./countdown.mjs"
import { el } from "./dom.mjs"
import { notice, now, readFields, warnNotSaved } from "./forms.mjs"
import { offerProgressFile, saveRecordFile } from "./progress-file.mjs"
import { startPython } from "./python.mjs"
import { SECTIONS, openSection } from "./record.mjs"

const $ = id => document.getElementById(id)
// The same page script serves the practice system and the timed practical mock exam (data-mode="exam"),
// each its own section of the candidate's record (record.mjs).
const examMode = $("crm").dataset.mode === "exam"
const python = startPython({ practical: true })
const section = openSection(examMode ? SECTIONS.exam : SECTIONS.work, {
  what: examMode ? "danych symulacji" : "ćwiczeń",
  read: raw => python.practical("load", raw),
  invoke: (type, state, args) => python.practical(type, ...(state === null ? [] : [state]), ...args),
})
offerProgressFile(python)
const nav = $("crm-nav"), context = $("crm-context"), screenBox = $("crm-screen"), message = $("crm-message")
const outcomes = new URL($("crm").dataset.outcomes, location.href)
const today = () => new Date().toLocaleDateString("sv-SE")  // the visitor's calendar day, as YYYY-MM-DD
const newSeed = () => crypto.getRandomValues(new Uint32Array(1))[0] & 0x7fffffff
let where = { screen: "tasks", params: {} }
let unsavedShown = false

/** The first time the browser refuses to keep the work, say so next to `near` and offer the file. */
function notSaved(near) {
  if (unsavedShown) return
  unsavedShown = true
  warnNotSaved(near || message, () => saveRecordFile(python, { [examMode ? "exam" : "work"]: section.state }),
    "Przeglądarka nie pozwala zapisać ćwiczeń (pamięć jest pełna albo zablokowana), więc po zamknięciu strony " +
    "znikną. Zapisz postępy do pliku.")
}

/** Show the screen `where` names, or send a form or a check on it: made on the newest saved work. */
async function request(body, near) {
  const out = await section.change("page", [JSON.stringify({ ...where, ...body })])
  if (!out.ok) { notice(message, out.error, "warning"); return null }
  if (!out.saved) notSaved(near)
  // A refused form, or one that only shows something (a preview, a report), stays as the candidate
  // filled it, with Python's answer beside it.
  if (out.reply && (!out.reply.ok || !out.changed)) return out
  where = { screen: out.screen.name, params: out.screen.params }
  draw(out.screen)
  return out
}

function draw(screen) {
  stopClock()  // an exam's clock runs only while its bar is on screen (examBar starts it again)
  nav.replaceChildren(...screen.nav.map(item => {
    const button = el("button", item.label, { type: "button", className: "md-button crm-nav__item" })
    if (item.current) button.setAttribute("aria-current", "page")
    button.addEventListener("click", () => go(item.screen, {}))
    return button
  }))
  context.textContent = screen.context
  screenBox.replaceChildren(el("h2", screen.title, { id: "crm-title" }),
                            el("div", undefined, { className: "crm-reply", id: "crm-screen-reply", role: "status" }),
                            ...screen.blocks.map(block))
}

async function go(screen, params) {
  where = { screen, params }
  await request({})
  screenBox.focus({ preventScroll: true })
  screenBox.scrollIntoView({ block: "start" })
}

function block(b) {
  if (b.kind === "text") return el("p", b.text)
  if (b.kind === "facts") {
    const list = el("dl", undefined, { className: "crm-facts" })
    for (const [label, value] of b.items) list.append(el("dt", label), el("dd", value || "—"))
    return list
  }
  if (b.kind === "table") return table(b)
  if (b.kind === "form") return form(b)
  if (b.kind === "task") return task(b)
  if (b.kind === "exam") return examBar(b)
  if (b.kind === "links") return links(b)
  return el("p", "")
}

/** Buttons to other screens (a task's opportunity, a record's firm). */
function links(b) {
  const p = el("p", undefined, { className: "crm-links" })
  for (const item of b.items) {
    const button = el("button", item.label, { type: "button", className: "md-button" })
    button.addEventListener("click", () => go(item.screen, item.params))
    p.append(button, " ")
  }
  return p
}

function table(b) {
  const wrap = el("div", undefined, { className: "sc-table-scroll" })
  const t = el("table", undefined, { className: "crm-table" })
  t.append(el("caption", b.caption), el("thead"), el("tbody"))
  const head = el("tr")
  for (const label of b.columns) head.append(el("th", label, { scope: "col" }))
  if (b.rows.some(r => r.open)) head.append(el("th", "", { scope: "col" }))
  t.tHead.append(head)
  if (!b.rows.length) t.tBodies[0].append(Object.assign(el("tr"), {}).appendChild(el("td", "brak", { colSpan: b.columns.length })).parentNode)
  for (const row of b.rows) {
    const tr = el("tr")
    row.cells.forEach((cell, i) => tr.append(i ? el("td", cell) : el("th", cell, { scope: "row" })))
    if (row.open) {
      const button = el("button", row.open.label, { type: "button", className: "md-button crm-open" })
      button.setAttribute("aria-label", `${row.open.label}: ${row.cells[0]}`)
      button.addEventListener("click", () => go(row.open.screen, row.open.params))
      tr.append(Object.assign(el("td"), {}).appendChild(button).parentNode)
    }
    t.tBodies[0].append(tr)
  }
  wrap.append(t)
  return wrap
}

let formCount = 0
function form(b) {
  const n = ++formCount
  const f = el("form", undefined, { className: "crm-form" + (b.danger ? " crm-form--danger" : "") })
  f.noValidate = true
  f.dataset.form = b.id
  const body = b.open ? f : el("div")
  for (const field of b.fields) body.append(input(field, n))
  if (b.note) body.append(el("p", b.note, { className: "sc-hint" }))
  const buttons = el("p")
  buttons.append(el("button", b.submit, { type: "submit", className: "md-button md-button--primary" }))
  if (b.second) buttons.append(" ", el("button", b.second, { type: "submit", className: "md-button", name: "_second", value: "1" }))
  body.append(buttons, el("div", undefined, { className: "crm-reply", role: "status" }))
  f.addEventListener("submit", async event => {
    event.preventDefault()
    const fields = readFields(f)
    if (event.submitter?.name === "_second") fields._second = ["1"]
    const reply = f.querySelector(".crm-reply")
    reply.textContent = "Zapisywanie…"
    try {
      const out = await request({ form: b.id, fields, now: now() })
      if (out?.reply) showReply(out.reply, b.id)
    } catch (error) {
      notice(reply, `Python nie działa w tej przeglądarce, więc nic nie zmieniono (${error.message}).`, "warning")
    }
  })
  if (!b.open) f.append(body)
  for (const field of b.fields) if (field.filter_by) filterChoices(f, field)
  if (b.open) { f.prepend(el("h3", b.title)); return f }
  const details = el("details", undefined, { className: "crm-details" })
  details.append(el("summary", b.title), f)
  return details
}

/** A select whose choices Python put in groups (`group`) shows those of the group chosen in the field
 *  `filter_by` of the same form (all of them while that field is empty), e.g. the firm's people. */
function filterChoices(f, field) {
  const select = f.elements.namedItem(field.key), by = f.elements.namedItem(field.filter_by)
  if (!select || !by) return
  const show = () => {
    for (const option of select.options) {
      option.hidden = option.disabled = !!by.value && !!option.dataset.group && option.dataset.group !== by.value
    }
    if (select.selectedOptions[0]?.disabled) select.value = ""
  }
  by.addEventListener("change", show)
  show()
}

function input(field, n) {
  const id = `crm-${n}-${field.key.replace(/[^a-z0-9_-]/gi, "-")}`
  const row = el("p", undefined, { className: "crm-field" })
  const error = el("span", "", { className: "crm-error", id: `${id}-error` })
  error.dataset.errorFor = field.error_key || field.key
  if (field.kind === "checkbox") {
    const box = el("input", undefined, { type: "checkbox", id, name: field.key, checked: !!field.value, value: "1" })
    box.setAttribute("aria-describedby", error.id)
    row.append(box, " ", el("label", field.label, { htmlFor: id }), error)
    return row
  }
  if (field.kind === "checkboxes") {
    const set = el("fieldset", undefined, { className: "crm-field" })
    set.append(el("legend", field.label))
    field.choices.forEach((c, i) => {
      const box = el("input", undefined, { type: "checkbox", id: `${id}-${i}`, name: field.key, value: c.id,
                                           checked: (field.value || []).includes(c.id) })
      set.append(el("span", undefined, { className: "crm-option" }))
      set.lastChild.append(box, " ", el("label", c.label, { htmlFor: `${id}-${i}` }))
    })
    set.append(error)
    return set
  }
  const label = el("label", field.label + (field.required ? " (wymagane)" : ""), { htmlFor: id })
  let control
  if (field.kind === "select") {
    control = el("select", undefined, { id, name: field.key })
    for (const c of field.choices) {
      const option = el("option", c.label, { value: c.id, selected: c.id === field.value })
      if (c.group) option.dataset.group = c.group
      control.append(option)
    }
  } else if (field.kind === "long_text") {
    control = el("textarea", undefined, { id, name: field.key, rows: 4, value: field.value ?? "" })
  } else {
    control = el("input", undefined, { id, name: field.key, type: field.kind === "date" ? "date" : "text", value: field.value ?? "" })
    control.autocomplete = "off"
  }
  const described = [error.id]
  row.append(label, el("br"), control)
  if (field.hint) {
    const hint = el("span", field.hint, { className: "sc-hint", id: `${id}-hint` })
    row.append(" ", hint)
    described.push(hint.id)
  }
  control.setAttribute("aria-describedby", described.join(" "))
  row.append(el("br"), error)
  return row
}

/** Python's answer to a form, next to that form: messages, or the reason per field. */
function showReply(reply, formId) {
  // The form may be gone (a won opportunity has no "win" form): then the note goes under the screen's title.
  const f = screenBox.querySelector(`form[data-form="${CSS.escape(formId)}"]`) || screenBox
  const box = f === screenBox ? $("crm-screen-reply") : f.querySelector(".crm-reply")
  const fold = f.closest("details")
  if (fold) fold.open = true  // the answer stands next to the form the candidate used
  box.replaceChildren()
  for (const slot of f.querySelectorAll(".crm-error")) slot.textContent = ""
  for (const input of f.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid")
  for (const [key, text] of Object.entries(reply.errors || {})) {
    const slot = f.querySelector(`[data-error-for="${CSS.escape(key)}"]`)
    if (slot) {
      slot.textContent = text
      slot.closest(".crm-field")?.querySelector("input, select, textarea")?.setAttribute("aria-invalid", "true")
    } else box.append(el("p", text, { className: "sc-message sc-message--warning" }))
  }
  for (const text of reply.messages || []) box.append(el("p", text, { className: "sc-message sc-message--info" }))
  if (reply.data?.text) {
    box.append(el("p", reply.data.subject, { className: "crm-offer__subject" }), el("pre", reply.data.text, { className: "crm-offer" }))
  }
  if (reply.data?.headers) box.append(reportTable(reply.data))
  const first = f.querySelector("[aria-invalid=true]")
  ;(first || box).scrollIntoView({ block: "nearest" })
  first?.focus()
}

function task(b) {
  const card = el("section", undefined, { className: "crm-task", id: `zadanie-${b.id}` })
  card.append(el("h3", b.title), el("p", b.brief, { className: "crm-brief" }))
  const criteria = el("p", "Ćwiczy kryteria: ", { className: "sc-question__criteria" })
  b.criteria.forEach((c, i) => {
    criteria.append(el("a", c.id, { href: new URL(`#${c.anchor}`, outcomes).href }), i < b.criteria.length - 1 ? ", " : "")
  })
  card.append(criteria)
  if (b.answers) card.append(form(b.answers))
  if (!b.checkable) return card  // in the mock exam nothing is checked before the end
  const button = el("button", "Sprawdź zadanie", { type: "button", className: "md-button md-button--primary" })
  const result = el("div", undefined, { className: "crm-result", role: "status" })
  if (b.last) result.append(el("p", b.last, { className: "sc-hint" }))
  button.addEventListener("click", async () => {
    result.textContent = "Sprawdzanie…"
    try {
      const out = await request({ check: b.id, now: now() })
      if (out?.result) showResult(screenBox.querySelector(`#zadanie-${CSS.escape(b.id)} .crm-result`), out.result)
    } catch (error) {
      notice(result, `Nie można sprawdzić: Python nie działa w tej przeglądarce (${error.message}).`, "warning")
    }
  })
  card.append(el("p").appendChild(button).parentNode, result)
  if (b.reset) card.append(form(b.reset))
  return card
}

let stopClock = () => {}
/** The open exam: its rule and the time left, kept in view; at the deadline the exam is handed in. */
function examBar(b) {
  const bar = el("div", undefined, { className: "sc-test__bar crm-exam-bar" })
  const time = el("p", "", { className: "sc-timer", role: "timer" })
  bar.append(el("p", b.text), time)
  stopClock()
  stopClock = startCountdown(python, time, b.deadline,
                             () => request({ form: "exam.finish", fields: {}, now: now() }).catch(() => {}))
  return bar
}

/** A report or export from Python: its table, its chart (SVG made by practical_modules.crm.report_charts
 *  from escaped text) and its CSV as a download. */
function reportTable(data) {
  const part = el("div", undefined, { className: "crm-report" })
  part.append(table({ caption: data.title, columns: data.headers, rows: data.rows.map(cells => ({ cells })) }))
  if (data.summary) part.append(el("p", data.summary))
  if (data.chart) {
    const figure = el("figure", undefined, { className: "crm-chart" })
    figure.innerHTML = data.chart
    part.append(figure)
  }
  if (data.csv) {
    // The byte-order mark tells Excel the file is UTF-8; without it Polish letters come out wrong.
    const file = new Blob(["\ufeff", data.csv], { type: "text/csv;charset=utf-8" })
    const link = el("a", "Pobierz CSV", { className: "md-button", download: "raport.csv", href: URL.createObjectURL(file) })
    part.append(el("p").appendChild(link).parentNode)
  }
  return part
}

function showResult(box, r) {
  box.replaceChildren(el("p", `Wynik zadania: ${r.percent}`, { className: "crm-result__score" }))
  const list = el("ul", undefined, { className: "crm-checks" })
  for (const c of r.checks) {
    const item = el("li", undefined, { className: c.passed ? "crm-check--ok" : "crm-check--no" })
    item.append(el("span", c.passed ? "✔ " : "✘ ", { ariaHidden: "true" }), el("strong", c.label))
    if (c.feedback) item.append(` — ${c.feedback}`)
    list.append(item)
  }
  box.append(list)
  if (r.hint) box.append(el("p", `Wskazówka: ${r.hint}`, { className: "sc-message sc-message--info" }))
  if (r.solution) {
    const details = el("details")
    details.append(el("summary", "Pokaż przykładowe rozwiązanie"), el("p", r.solution))
    box.append(details)
  }
  box.scrollIntoView({ block: "nearest" })
}

// Start: the saved work, checked by Python (an unreadable copy is set aside and said); the practice
// system starts a fresh variant when there is none.
python.ready.then(() => section.open()).then(async ({ message: found, warning }) => {
  if (found) notice(message, found, warning ? "warning" : "info")
  if (examMode) {
    $("crm-exam-start").disabled = false
    if (section.state) await request({})
    return
  }
  if (!section.state) await section.change("new", [newSeed(), today()], { fresh: true })
  await request({})
}).catch(() => {})

// Another tab changed this work: show the newest where the candidate is.
section.onChange(found => {
  request({}).catch(() => {})
  notice(message, found.message || "Zapis zmieniono w innej karcie tej przeglądarki; widzisz najnowszą wersję.",
         found.warning ? "warning" : "info")
})

// The mock exam starts on a fresh variant; the history of earlier exams goes with it.
$("crm-exam-start")?.addEventListener("click", async () => {
  if (section.state?.exam && !section.state.exam.finished &&
      !confirm("Symulacja jest w toku. Zacząć nową? Obecna zostanie przerwana bez wyniku.")) return
  const out = await section.change("exam_start", [newSeed(), now()])
  if (!out.ok) { notice(message, out.error, "warning"); return }
  if (!out.saved) notSaved(message)
  await go("tasks", {})
})

$("crm-variant")?.addEventListener("click", async () => {
  if (!confirm("Zacząć nowy wariant z innymi danymi? Obecne ćwiczenia zostaną zastąpione; jeśli chcesz je zachować, najpierw zapisz postępy do pliku.")) return
  const out = await section.change("new", [newSeed(), today()], { fresh: true })
  if (!out.saved) notSaved(message)
  await go("tasks", {})
  notice(message, "Nowy wariant gotowy.", "info")
})
$("crm-reset")?.addEventListener("click", async () => {
  if (!confirm("Zacząć ten wariant od nowa? Zmiany i wyniki zadań zostaną usunięte; jeśli chcesz je zachować, najpierw zapisz postępy do pliku.")) return
  const out = await section.change("reset")
  if (!out.saved) notSaved(message)
  await go("tasks", {})
  notice(message, "Wariant zaczęty od nowa.", "info")
})
