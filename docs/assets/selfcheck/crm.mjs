// The practice system page: draws the blocks Python sends (practical_modules/crm/ui.py) and sends back what the
// candidate did — a form's id with its fields as the browser holds them, or a task to check. Every
// rule, message and number comes from Python; this file only draws and keeps the state in storage.
import "./guard.mjs"
import { startCountdown } from "./countdown.mjs"
import { el } from "../dom.mjs"
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
const panel = $("crm-panel"), skipToPanel = $("crm-skip-panel")
const outcomes = new URL($("crm").dataset.outcomes, location.href)
const today = () => new Date().toLocaleDateString("sv-SE")  // the visitor's calendar day, as YYYY-MM-DD
const newSeed = () => crypto.getRandomValues(new Uint32Array(1))[0] & 0x7fffffff
const wide = matchMedia("(min-width: 60em)")  // where site.css puts the task panel beside the screen
// The screen shown: coming Back (or Forward) from another page, the one this history entry showed;
// a fresh visit or a reload (an imported file reloads the page) starts at the task list.
const returning = performance.getEntriesByType("navigation")[0]?.type === "back_forward"
let where = (returning && history.state?.crm) || { screen: "tasks", params: {} }
let words = {}  // the task panel's words, as Python sent them with the screen
let unsavedShown = false
let drawnOnce = false  // the first screen of this visit takes the page's own history entry

/** Drawing state of this tab, nothing more (sessionStorage; page memory where the browser refuses):
 *  no rule, no result and no saved work lives here. */
function tabMemory(name, empty) {
  const key = `${section.store.key}:${name}`
  let value = empty
  try { value = JSON.parse(sessionStorage.getItem(key)) ?? empty } catch { /* page memory only */ }
  return {
    get: () => value,
    set(next) {
      value = next
      try { sessionStorage.setItem(key, JSON.stringify(next)) } catch { /* page memory only */ }
    },
  }
}
const chosen = tabMemory("wybrane-zadanie", null)   // the task kept in view beside every screen
const panelOpen = tabMemory("zadanie-rozwiniete", null)  // null: open beside a wide screen, folded on a phone
const drafts = tabMemory("formularze-w-toku", {})   // what was typed into forms not sent yet, by screen and form
const draftKey = (formId, at = where) => `${at.screen} ${JSON.stringify(at.params || {})} ${formId}`
function forgetDrafts() { drafts.set({}) }

/** The first time the browser refuses to keep the work, say so next to `near` and offer the file. */
function notSaved(near) {
  if (unsavedShown) return
  unsavedShown = true
  warnNotSaved(near || message, () => saveRecordFile(python, { [examMode ? "exam" : "work"]: section.state }),
    "Przeglądarka nie pozwala zapisać ćwiczeń (pamięć jest pełna albo zablokowana), więc po zamknięciu strony " +
    "znikną. Zapisz postępy do pliku.")
}

/** Show the screen `where` names (or `body.screen`), or send a form or a check on it: made on the
 *  newest saved work. `history`: "push" a new entry for a new screen, or "none" (Back and Forward
 *  already moved). */
async function request(body, near, { history: how = "push" } = {}) {
  const out = await section.change("page", [JSON.stringify({ ...where, task: chosen.get(), ...body })])
  if (!out.ok) { notice(message, out.error, "warning"); return null }
  if (!out.saved) notSaved(near)
  // A refused form, or one that only shows something (a preview, a report), stays as the candidate
  // filled it, with Python's answer beside it; so does one that asks first (reply.confirm).
  if (out.reply && (!out.reply.ok || !out.changed)) return out
  if (body.form) {  // sent and done: its draft goes
    const kept = { ...drafts.get() }
    delete kept[draftKey(body.form)]
    drafts.set(kept)
  }
  const next = { screen: out.screen.name, params: out.screen.params }
  remember(next, how)
  drawnOnce = true
  where = next
  draw(out.screen)
  return out
}

/** Browser Back and Forward move between the system's screens: each new screen is a history entry;
 *  the first screen of the visit replaces the page's own entry, so Back from it leaves the page. */
function remember(next, how) {
  if (how === "none") return
  const entry = { ...(history.state || {}), crm: next }
  const shown = history.state?.crm
  if (!shown || !drawnOnce || JSON.stringify(shown) === JSON.stringify(next)) history.replaceState(entry, "")
  else history.pushState(entry, "")
}

addEventListener("popstate", async event => {
  const shown = event.state?.crm
  if (!shown || !section.state) return
  if (await request({ screen: shown.screen, params: shown.params }, null, { history: "none" })) {
    screenBox.focus({ preventScroll: true })
    screenBox.scrollIntoView({ block: "start" })
  }
})

function draw(screen) {
  stopClock()  // an exam's clock runs only while its bar is on screen (examBar starts it again)
  words = screen.panel || {}
  nav.replaceChildren(...screen.nav.map(item => {
    const button = el("button", item.label, { type: "button", className: "md-button crm-nav__item" })
    if (item.current) button.setAttribute("aria-current", "page")
    button.addEventListener("click", () => go(item.screen, {}))
    return button
  }))
  context.textContent = screen.context
  const blocks = screen.blocks.map(block)
  const tasks = screen.blocks.filter(b => b.kind === "task")
  if (tasks.length > 1) {  // the way to any task in a few keys: choose it, and it stands beside the screen
    const index = el("nav", undefined, { className: "crm-index" })
    index.setAttribute("aria-label", words.contents)
    const list = el("ol")
    for (const t of tasks) {
      const button = el("button", t.title, { type: "button", className: "crm-index__task" })
      if (t.mark) button.append(" ", el("span", `(${t.mark})`, { className: "crm-index__mark" }))
      button.addEventListener("click", () => choose(t.id))
      list.append(el("li").appendChild(button).parentNode)
    }
    index.append(list)
    blocks.splice(blocks.findIndex(b => b.classList.contains("crm-task")), 0, index)
  }
  screenBox.replaceChildren(el("h2", screen.title, { id: "crm-title" }),
                            el("div", undefined, { className: "crm-reply", id: "crm-screen-reply", role: "status", tabIndex: -1 }),
                            ...blocks)
  drawPanel(screen.panel)
}

async function go(screen, params) {
  if (!wide.matches) panelOpen.set(false)  // on a phone the task folds to its line while moving on
  if (!await request({ screen, params })) return
  screenBox.focus({ preventScroll: true })
  screenBox.scrollIntoView({ block: "start" })
}

/** The chosen task beside the screen (a side panel on a wide screen, a folding card on a phone). */
function drawPanel(p) {
  const chosenTask = p?.task
  if (!chosenTask) {
    if (chosen.get()) chosen.set(null)  // not a task of this practice or exam (a new one began)
    panel.hidden = skipToPanel.hidden = true
    panel.replaceChildren()
    return
  }
  panel.hidden = skipToPanel.hidden = false
  const summary = el("summary")
  summary.append(el("span", p.heading, { className: "crm-panel__heading" }), " ", el("strong", chosenTask.title))
  const body = el("div", undefined, { className: "crm-panel__body" })
  body.append(el("p", chosenTask.brief, { className: "crm-brief" }))
  if (chosenTask.checkable) {
    const result = el("div", undefined, { className: "crm-result", role: "status", tabIndex: -1 })
    if (chosenTask.last) result.append(el("p", chosenTask.last, { className: "sc-hint" }))
    body.append(el("p").appendChild(checkButton(chosenTask.id, () => panel.querySelector(".crm-result"))).parentNode,
                result)
  }
  body.append(criteriaLine(chosenTask.criteria))
  const close = el("button", p.close, { type: "button", className: "md-button crm-panel__close" })
  close.addEventListener("click", () => {
    chosen.set(null)
    drawPanel(null)
    screenBox.focus()
  })
  body.append(el("p").appendChild(close).parentNode)
  panel.replaceChildren(summary, body)
  panel.open = drawnOpen = panelOpen.get() ?? wide.matches
}
// Only the visitor's own folding is remembered. The toggle event comes later than the change that
// caused it: one caused by drawing the panel could otherwise land after moving to another screen
// had folded the task, and open it again.
let drawnOpen = null
panel.addEventListener("toggle", () => {
  if (panel.hidden || panel.open === drawnOpen) return
  drawnOpen = panel.open
  panelOpen.set(panel.open)
})

/** Keep the task `id` in view while working on other screens; focus goes to it. */
async function choose(id) {
  chosen.set(id)
  panelOpen.set(true)
  if (await request({}, null, { history: "none" })) panel.querySelector("summary")?.focus()
}

// The simulator's own skip links: to its menu (the current screen's item), the screen, the task.
for (const link of document.querySelectorAll(".crm-skip a")) {
  link.addEventListener("click", event => {
    event.preventDefault()  // no fragment in the address: Back stays for the screens
    if (link.hash === "#crm-nav") (nav.querySelector("[aria-current]") || nav.querySelector("button"))?.focus()
    else if (link.hash === "#crm-panel" && !panel.hidden) {
      panel.open = true
      panel.querySelector("summary").focus()
    } else screenBox.focus()
  })
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

// A table wider than its box scrolls inside it (site.css shows shadows at the edge that hides more);
// a keyboard reaches a scrolling box with nothing to focus inside by Tab.
const overflow = new ResizeObserver(entries => {
  for (const { target } of entries) {
    const more = target.scrollWidth > target.clientWidth + 1
    target.classList.toggle("crm-scroll--more", more)
    if (more && !target.querySelector("button, a")) {
      Object.assign(target, { tabIndex: 0 })
      target.setAttribute("role", "region")
      target.setAttribute("aria-label", target.querySelector("caption").textContent)
    } else if (target.hasAttribute("tabindex")) {
      target.removeAttribute("tabindex")
      target.removeAttribute("role")
      target.removeAttribute("aria-label")
    }
  }
})

function table(b) {
  const wrap = el("div", undefined, { className: "sc-table-scroll crm-scroll" })
  const t = el("table", undefined, { className: "crm-table" })
  t.append(el("caption", b.caption), el("thead"), el("tbody"))
  // The way into a record comes first, so a phone shows it whatever the table's width.
  const opens = b.rows.find(r => r.open)?.open
  const head = el("tr")
  if (opens) head.append(el("th", opens.label, { scope: "col", className: "crm-table__open" }))
  for (const label of b.columns) head.append(el("th", label, { scope: "col" }))
  t.tHead.append(head)
  if (!b.rows.length) t.tBodies[0].append(el("tr").appendChild(el("td", "brak", { colSpan: b.columns.length + (opens ? 1 : 0) })).parentNode)
  for (const row of b.rows) {
    const tr = el("tr")
    if (opens) {
      const cell = el("td", undefined, { className: "crm-table__open" })
      if (row.open) {
        const button = el("button", row.open.label, { type: "button", className: "md-button crm-open" })
        button.setAttribute("aria-label", `${row.open.label}: ${row.cells[0]}`)
        button.addEventListener("click", () => go(row.open.screen, row.open.params))
        cell.append(button)
      }
      tr.append(cell)
    }
    row.cells.forEach((cell, i) => {
      const text = String(cell ?? "")
      // Short values (a tax number, a date, an amount) keep to one line; long text wraps in a wider column.
      const className = text.length <= 24 ? "crm-cell--short" : text.length > 80 ? "crm-cell--long" : ""
      tr.append(i ? el("td", text, { className }) : el("th", text, { scope: "row" }))
    })
    t.tBodies[0].append(tr)
  }
  wrap.append(t)
  overflow.observe(wrap)
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
      let out = await request({ form: b.id, fields, now: now() })
      if (out?.reply?.confirm) {  // Python asks first (handing in an exam): its question, word for word
        if (!confirm(out.reply.confirm)) {
          reply.textContent = ""
          event.submitter?.focus()
          return
        }
        out = await request({ form: b.id, fields, now: now(), confirmed: true })
      }
      if (out?.reply) showReply(out.reply, b.id)
      else if (out) showScreen()  // another view of the data (a search), or a step to confirm
    } catch (error) {
      notice(reply, `Python nie działa w tej przeglądarce, więc nic nie zmieniono (${error.message}).`, "warning")
    }
  })
  f.dataset.draft = draftKey(b.id)
  if (b.focus) f.dataset.focus = ""
  if (!b.open) f.append(body)
  const restored = keepDraft(f)  // first: a firm typed before filters its people below
  for (const field of b.fields) if (field.filter_by) filterChoices(f, field)
  if (b.open) { f.prepend(el("h3", b.title)); return f }
  const details = el("details", undefined, { className: "crm-details" })
  details.append(el("summary", b.title), f)
  if (restored) details.open = true  // what was typed stands in view
  return details
}

/** A screen drawn by a form that only shows something: the step Python marks (a confirmation) in view
 *  with its first button focused, or else the screen from its top. */
function showScreen() {
  const asked = screenBox.querySelector("form[data-focus]")
  if (asked) {
    asked.scrollIntoView({ block: "center" })
    asked.querySelector("button").focus({ preventScroll: true })
    return
  }
  screenBox.scrollIntoView({ block: "start" })
  screenBox.focus({ preventScroll: true })
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

/** What is typed into a form stays for this tab until the form is sent (request forgets it), so
 *  going to another screen and back, or Back, does not lose it. True when a draft was put back. */
function keepDraft(f) {
  const draft = drafts.get()[f.dataset.draft]
  if (draft) {
    for (const element of f.elements) {
      if (!element.name || element.tagName === "BUTTON") continue
      const values = draft[element.name] || []
      if (element.type === "checkbox" || element.type === "radio") element.checked = values.includes(element.value)
      else element.value = values[0] ?? ""
    }
  }
  const keep = () => drafts.set({ ...drafts.get(), [f.dataset.draft]: readFields(f) })
  f.addEventListener("input", keep)
  f.addEventListener("change", keep)
  return Boolean(draft)
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
  // Focus goes to the first field to correct, or else to the answer: never back to the page's start.
  const first = f.querySelector("[aria-invalid=true]")
  ;(first || box).scrollIntoView({ block: "nearest" })
  if (first) first.focus()
  else {
    box.tabIndex = -1
    box.focus({ preventScroll: true })
  }
}

function criteriaLine(criteria) {
  const line = el("p", "Ćwiczy kryteria: ", { className: "sc-question__criteria" })
  criteria.forEach((c, i) => {
    line.append(el("a", c.id, { href: new URL(`#${c.anchor}`, outcomes).href }), i < criteria.length - 1 ? ", " : "")
  })
  return line
}

/** The button that checks task `id`; `box()` finds where the result goes once the screen is drawn again. */
function checkButton(id, box) {
  const button = el("button", words.check, { type: "button", className: "md-button md-button--primary crm-check" })
  button.addEventListener("click", async () => {
    box().textContent = "Sprawdzanie…"
    try {
      const out = await request({ check: id, now: now() })
      if (out?.result) showResult(box(), out.result)
    } catch (error) {
      notice(box(), `Nie można sprawdzić: Python nie działa w tej przeglądarce (${error.message}).`, "warning")
    }
  })
  return button
}

function task(b) {
  const card = el("section", undefined, { className: "crm-task", id: `zadanie-${b.id}` })
  const choice = el("button", words.choose, { type: "button", className: "md-button crm-choose" })
  choice.addEventListener("click", () => choose(b.id))
  card.append(el("h3", b.title), el("p", b.brief, { className: "crm-brief" }), criteriaLine(b.criteria),
              el("p").appendChild(choice).parentNode)
  if (b.answers) card.append(form(b.answers))
  if (!b.checkable) return card  // in the mock exam nothing is checked before the end
  const result = el("div", undefined, { className: "crm-result", role: "status", tabIndex: -1 })
  if (b.last) result.append(el("p", b.last, { className: "sc-hint" }))
  const button = checkButton(b.id, () => screenBox.querySelector(`#zadanie-${CSS.escape(b.id)} .crm-result`))
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
                             // at the deadline the clock hands in without asking
                             () => request({ form: "exam.finish", fields: {}, now: now(), confirmed: true }).catch(() => {}))
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
  box.focus({ preventScroll: true })  // the result is read first; Tab goes on to the solution
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
  // Arrived by a link to one task (the readiness report's "#zadanie-<id>"): it is chosen, and its card
  // (drawn only now, so the browser could not scroll to it) is shown and focused.
  const linked = location.hash.startsWith("#zadanie-") ? decodeURIComponent(location.hash.slice("#zadanie-".length)) : ""
  if (linked && screenBox.querySelector(`#zadanie-${CSS.escape(linked)}`)) {
    chosen.set(linked)
    await request({}, null, { history: "none" })
    const card = screenBox.querySelector(`#zadanie-${CSS.escape(linked)}`)
    card.tabIndex = -1
    card.scrollIntoView({ block: "start" })
    card.focus({ preventScroll: true })
  }
}).catch(() => {})

// Another tab changed this work: show the newest where the candidate is.
section.onChange(found => {
  request({}, null, { history: "none" }).catch(() => {})
  notice(message, found.message || "Zapis zmieniono w innej karcie tej przeglądarki; widzisz najnowszą wersję.",
         found.warning ? "warning" : "info")
})

/** While a fresh system is made (about two seconds), `button` says so and cannot be pressed twice. */
async function busy(button, work) {
  const label = button.textContent
  button.disabled = true
  if (button.dataset.busy) button.textContent = button.dataset.busy
  $("crm").setAttribute("aria-busy", "true")
  try {
    return await work()
  } finally {
    button.disabled = false
    button.textContent = label
    $("crm").removeAttribute("aria-busy")
  }
}

// The mock exam starts on a fresh variant; the history of earlier exams goes with it.
const startButton = $("crm-exam-start")
startButton?.addEventListener("click", () => {
  if (section.state?.exam && !section.state.exam.finished &&
      !confirm("Symulacja jest w toku. Zacząć nową? Obecna zostanie przerwana bez wyniku.")) return
  return busy(startButton, async () => {
    const out = await section.change("exam_start", [newSeed(), now()])
    if (!out.ok) { notice(message, out.error, "warning"); return }
    if (!out.saved) notSaved(message)
    forgetDrafts()
    await go("tasks", {})
  })
})

$("crm-variant")?.addEventListener("click", async () => {
  if (!confirm("Zacząć nowy wariant z innymi danymi? Obecne ćwiczenia zostaną zastąpione; jeśli chcesz je zachować, najpierw zapisz postępy do pliku.")) return
  const out = await section.change("new", [newSeed(), today()], { fresh: true })
  if (!out.saved) notSaved(message)
  forgetDrafts()
  await go("tasks", {})
  notice(message, "Nowy wariant gotowy.", "info")
})
$("crm-reset")?.addEventListener("click", async () => {
  if (!confirm("Zacząć ten wariant od nowa? Zmiany i wyniki zadań zostaną usunięte; jeśli chcesz je zachować, najpierw zapisz postępy do pliku.")) return
  const out = await section.change("reset")
  if (!out.saved) notSaved(message)
  forgetDrafts()
  await go("tasks", {})
  notice(message, "Wariant zaczęty od nowa.", "info")
})
