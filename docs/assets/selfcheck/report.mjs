// Readiness report drawn from Python's numbers, plus the candidate's data: export, import, reset, print.
import "./guard.mjs"
import { el } from "../dom.mjs"
import { notice, now } from "./forms.mjs"
import { showBackup } from "./progress-file.mjs"
import { SECTIONS, backup } from "./record.mjs"
import { openSession } from "./session.mjs"

// The record's practical sections (practice tasks, the practical exam) count too: Python reads only
// their results (selfcheck.practical), so this page needs no practical module.

const $ = id => document.getElementById(id)
const box = $("sc-report"), message = $("sc-data-message")
const session = openSession(message)
const outcomesPage = session.link("outcomes")
const practicePage = session.link("practice"), practicalPage = session.link("practical")

const loaded = session.loaded.then(draw)
loaded.catch(() => box.replaceChildren())
// Another tab changed the progress: the report shows the newest.
session.onChange(() => draw().catch(() => {}))
addEventListener("storage", event => {
  if (event.key === SECTIONS.work.key || event.key === SECTIONS.exam.key) draw().catch(() => {})
})

/** A link to a practical task's card on the practice system's page. */
const taskLink = task => el("a", task.text, { href: new URL(`#${task.anchor}`, practicalPage).href })

/** A criterion: its description's link, its level, and where to practise it (Python says which
 *  questions, by the practice page's scope, and which practical tasks). */
function criterionItem(c) {
  const item = el("li")
  item.append(el("a", c.id, { href: new URL(`#${c.anchor}`, outcomesPage).href }), ` ${c.text}`)
  if (c.level) item.append(` — ${c.level.text}`)
  const ways = []
  if (c.practice) {
    const url = new URL(practicePage)
    url.searchParams.set("zakres", c.practice.scope)  // the practice page's scope (practice.mjs)
    ways.push(el("a", c.practice.text, { href: url.href }))
  }
  for (const task of c.tasks || []) ways.push(taskLink(task))
  if (ways.length) {
    const list = el("ul", undefined, { className: "sc-report__practice" })
    for (const way of ways) {
      const entry = el("li")
      entry.append(way)
      list.append(entry)
    }
    item.append(list)
  }
  return item
}

function table(caption, head, rows) {
  const t = el("table")
  t.append(el("caption", caption))
  const tr = el("tr")
  head.forEach(h => tr.append(el("th", h, { scope: "col" })))
  t.append(el("thead"), el("tbody"))
  t.tHead.append(tr)
  for (const row of rows) {
    const r = el("tr")
    row.forEach((cell, i) => r.append(el(i ? "td" : "th", cell, i ? {} : { scope: "row" })))
    t.tBodies[0].append(r)
  }
  return t
}

/** A table inside a box that scrolls sideways on a narrow screen, so no column is cut off. */
function scrolling(t) {
  const wrap = el("div", undefined, { className: "sc-table-scroll" })
  wrap.append(t)
  return wrap
}

async function draw() {
  const report = await session.call("report", SECTIONS.work.readRaw(), SECTIONS.exam.readRaw())
  if (report.notes?.length) notice(message, report.notes.join(" "), "warning")
  // The printout's heading says when the report was made (worded by Python, the visitor's clock).
  $("sc-report-date").textContent = `, stan na ${(await session.python.call("moment_text", now())).text}`
  const t = report.texts  // every heading and sentence of the report, worded by Python
  const parts = []
  parts.push(el("h2", t.overall, { id: "ogolna" }))
  parts.push(el("p", report.overall.text, { className: "sc-report__overall" }))

  parts.push(el("h2", t.charts, { id: "wykresy" }))
  for (const svg of [report.charts.sets, report.charts.outcomes]) {
    const figure = el("figure", undefined, { className: "sc-report__chart" })
    figure.innerHTML = svg  // SVG markup made by selfcheck.chart from the engine's numbers
    parts.push(figure)
  }
  parts.push(scrolling(table(t.outcomes_caption, t.outcomes_columns,
    report.outcomes.map(o => [`${o.id} ${o.text}`, o.level.text, o.coverage_text]))))

  parts.push(el("h2", t.weakest, { id: "najslabsze" }))
  if (report.weakest.length) {
    const list = el("ol", undefined, { className: "sc-report__weakest" })
    report.weakest.forEach(c => list.append(criterionItem(c)))
    parts.push(list)
  } else parts.push(el("p", t.weakest_empty))
  if (report.without_data.length) {
    const details = el("details", undefined, { className: "sc-report__without" })
    details.append(el("summary", t.without_data))
    const list = el("ul")
    report.without_data.forEach(c => list.append(criterionItem(c)))
    details.append(list)
    parts.push(details)
  }

  if (t.unfinished_heading) {
    parts.push(el("h2", t.unfinished_heading, { id: "niedokonczone" }))
    if (report.unfinished.length) {
      const list = el("ul", undefined, { className: "sc-report__unfinished" })
      for (const task of report.unfinished) {
        const item = el("li")
        item.append(taskLink(task), ` — ${task.score_text}`)
        list.append(item)
      }
      parts.push(list)
    } else parts.push(el("p", t.unfinished_empty))
  }

  parts.push(el("h2", t.history, { id: "historia" }))
  parts.push(report.history.length
    ? scrolling(table(t.history_caption, t.history_columns,
        report.history.map(h => [String(h.number), h.started_text, String(h.questions), h.result_text])))
    : el("p", t.history_empty))
  box.replaceChildren(...parts)
}

$("sc-print").addEventListener("click", () => print())
// On paper every closed list is open.
addEventListener("beforeprint", () => { for (const details of box.querySelectorAll("details")) details.open = true })

$("sc-reset").addEventListener("click", async () => {
  const current = await session.python.call("export_record", ...Object.values(SECTIONS).map(store => store.readRaw()))
  if (!current.ok || current.empty) { notice(message, "W tej przeglądarce nie ma żadnych postępów do usunięcia.", "info"); return }
  if (!confirm(`Usunąć wszystkie postępy zapisane w tej przeglądarce? ${current.contents}\n\nZachowamy je jako kopię, ` +
               "którą możesz potem przywrócić przyciskiem „Przywróć kopię” (zastąpi ona wcześniejszą kopię).")) return
  // Nothing is removed unless its copy is stored first.
  if (!backup.keep("reset", now())) {
    notice(message, "Nie udało się zachować kopii postępów, więc niczego nie usunęliśmy. Zapisz postępy do pliku.", "warning")
    return
  }
  if (!Object.values(SECTIONS).every(store => store.clear())) {
    notice(message, "Nie udało się usunąć wszystkich postępów z przeglądarki; kopia jest zachowana.", "warning")
    return
  }
  for (const said of [$("sc-progress-message"), $("sc-progress-flash")]) notice(said, "")  // a file loaded, say: no longer true
  await showBackup(session.python)
  try { await draw() } catch {}
  notice(message, "Postępy usunięte. Zaczynasz od nowa; kopię możesz przywrócić przyciskiem „Przywróć kopię”.", "info")
})
