// Readiness report drawn from Python's numbers, plus the candidate's data: export, import, reset, print.
import "./guard.mjs"
import { chooseFile, downloadJson, notice, now, warnNotSaved } from "./forms.mjs"
import { openSession } from "./session.mjs"
import { createStore, storage } from "./storage.mjs"

// The practical tasks and the practical mock exam keep their own saved states (crm.mjs); the report
// counts their results too (Python reads only their results: selfcheck.practical).
const practical = createStore("cwiczenia-praktyczne")
const practicalExam = createStore("symulacja-praktyczna")

const $ = id => document.getElementById(id)
const box = $("sc-report"), message = $("sc-data-message")
const session = openSession(message)
const outcomesPage = session.link("outcomes")

const loaded = session.loaded.then(draw)
loaded.catch(() => box.replaceChildren())

const el = (tag, text, attrs = {}) => {
  const node = Object.assign(document.createElement(tag), attrs)
  if (text !== undefined) node.textContent = text
  return node
}

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
  const report = await session.call("report", practical.readRaw(), practicalExam.readRaw())
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

$("sc-export").addEventListener("click", () => {
  // The state Python last checked; before that, the stored text as it is (never lost for being unreadable).
  let data = session.state
  if (!data) try { data = JSON.parse(storage.readRaw() || "null") } catch { data = storage.readRaw() }
  downloadJson(storage.fileName, data || {})
  notice(message, `Postępy zapisano do pliku ${storage.fileName} (w folderze pobranych plików).`, "info")
})

chooseFile($("sc-import-button"), $("sc-import"), async (name, text) => {
  try {
    await loaded
    const out = await session.python.call("load", text)
    if (!out.ok) {
      notice(message, `Nie wczytano pliku „${name}”: ${out.error} Twoje obecne postępy się nie zmieniły.`, "warning")
      return
    }
    session.replace(out.state)
    await draw()
    const notes = (out.notes || []).join(" ")
    if (session.save()) {
      notice(message, `Wczytano postępy z pliku „${name}”.${notes ? ` ${notes}` : ""}`, notes ? "warning" : "info")
    } else {
      notice(message, `Plik „${name}” jest wczytany i raport go pokazuje, ale przeglądarka nie pozwoliła go zapisać.${notes ? ` ${notes}` : ""}`,
             "warning")
      warnNotSaved(message, () => session.state)
    }
  } catch (error) {
    notice(message, `Nie wczytano pliku: ${error.message}. Twoje obecne postępy się nie zmieniły.`, "warning")
  }
})

$("sc-print").addEventListener("click", () => print())
// On paper every closed list is open.
addEventListener("beforeprint", () => { for (const details of box.querySelectorAll("details")) details.open = true })

$("sc-reset").addEventListener("click", async () => {
  if (!confirm("Usunąć wszystkie odpowiedzi, oceny i wyniki zapisane w tej przeglądarce? Tego nie można cofnąć. " +
               "Jeśli chcesz je zachować, najpierw zapisz postępy do pliku.")) return
  if (!storage.clear()) {
    notice(message, "Nie udało się usunąć postępów z przeglądarki; nic się nie zmieniło.", "warning")
    return
  }
  session.replace(null)
  try { await draw() } catch {}
  notice(message, "Postępy usunięte. Zaczynasz od nowa.", "info")
})
