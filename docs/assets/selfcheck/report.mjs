// Readiness report drawn from Python's numbers, plus the candidate's data: export, import, reset, print.
import "./guard.mjs"
import { el } from "./dom.mjs"
import { notice, now } from "./forms.mjs"
import { showBackup } from "./progress-file.mjs"
import { SECTIONS, keepBackup } from "./record.mjs"
import { openSession } from "./session.mjs"

// The record's practical sections (practice tasks, the practical exam) count too: Python reads only
// their results (selfcheck.practical), so this page needs no practical module.

const $ = id => document.getElementById(id)
const box = $("sc-report"), message = $("sc-data-message")
const session = openSession(message)
const outcomesPage = session.link("outcomes")

const loaded = session.loaded.then(draw)
loaded.catch(() => box.replaceChildren())
// Another tab changed the progress: the report shows the newest.
session.onChange(() => draw().catch(() => {}))
addEventListener("storage", event => {
  if (event.key === SECTIONS.work.key || event.key === SECTIONS.exam.key) draw().catch(() => {})
})

/** "64% (prawie gotowe)", or "brak danych" when there is nothing to show. */
const describe = level => level.key === "brak" ? "brak danych" : `${level.percent} (${level.label.toLowerCase()})`

function criterionItem(c) {
  const item = el("li")
  item.append(el("a", c.id, { href: new URL(`#${c.anchor}`, outcomesPage).href }), ` ${c.text}`)
  if (c.level) item.append(` — ${describe(c.level)}`)
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
  const parts = []
  parts.push(el("h2", "Gotowość ogólna", { id: "ogolna" }))
  parts.push(el("p", report.overall.value === null
    ? "Brak danych: rozwiąż kilka pytań albo oceń swoje umiejętności."
    : `${report.overall.level.percent} — ${report.overall.level.label.toLowerCase()}; ${report.overall.coverage_text}.`,
    { className: "sc-report__overall" }))

  parts.push(el("h2", "Według zestawów i efektów", { id: "wykresy" }))
  for (const svg of [report.charts.sets, report.charts.outcomes]) {
    const figure = el("figure", undefined, { className: "sc-report__chart" })
    figure.innerHTML = svg  // SVG markup made by selfcheck.chart from the engine's numbers
    parts.push(figure)
  }
  parts.push(scrolling(table("Gotowość według efektów uczenia się", ["Efekt", "Gotowość", "Kryteria z danymi"],
    report.outcomes.map(o => [`${o.id} ${o.text}`, describe(o.level), o.coverage_text]))))

  parts.push(el("h2", "Najsłabsze kryteria", { id: "najslabsze" }))
  if (report.weakest.length) {
    const list = el("ol", undefined, { className: "sc-report__weakest" })
    report.weakest.forEach(c => list.append(criterionItem(c)))
    parts.push(list)
  } else parts.push(el("p", "Jeszcze nie ma danych o żadnym kryterium."))
  if (report.without_data.length) {
    const details = el("details", undefined, { className: "sc-report__without" })
    details.append(el("summary", `Kryteria bez danych (${report.without_data.length})`))
    const list = el("ul")
    report.without_data.forEach(c => list.append(criterionItem(c)))
    details.append(list)
    parts.push(details)
  }

  parts.push(el("h2", "Historia testów próbnych", { id: "historia" }))
  parts.push(report.history.length
    ? scrolling(table("Podejścia do testu próbnego", ["Nr", "Rozpoczęty", "Pytań", "Wynik"],
        report.history.map(h => [String(h.number), h.started_text, String(h.questions), h.result_text])))
    : el("p", "Nie ma jeszcze żadnego testu próbnego."))
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
  if (!keepBackup("reset", now())) {
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
