// "Zapisz postępy do pliku" / "Wczytaj postępy z pliku", on every self-check page: the whole record
// (quiz progress, practical work, the practical exam) as one file, to move it between devices.
//
// Saving asks Python to join the stored sections (selfcheck.api.export_record). Loading asks Python to
// check the file (import_record); its practical sections, and an earlier file of the practical part
// alone, are checked by the practical module (loaded for that only). Nothing is stored until every
// part is checked; what a file holds and what it would replace are said first (in Python's words), and
// the record is kept as a copy before it is replaced ("Przywróć kopię", record.mjs). Then the page is
// opened again, so everything on it comes from the loaded record.
import { chooseFile, downloadJson, notice, now } from "./forms.mjs"
import { offerRestore } from "./backup.mjs"
import { SECTIONS, backup } from "./record.mjs"

const FLASH = "samoocena:po-wczytaniu"  // the note shown after the page opens again (sessionStorage)

let offered = false

export function offerProgressFile(python) {
  const exportButton = document.getElementById("sc-progress-export")
  const message = document.getElementById("sc-progress-message")
  if (offered || !exportButton || !message) return
  offered = true
  showFlash()
  showBackup(python)

  exportButton.addEventListener("click", () => saveRecordFile(python, {}, message))

  chooseFile(document.getElementById("sc-progress-import-button"), document.getElementById("sc-progress-import"),
    async (name, text) => {
      notice(message, `Sprawdzanie pliku „${name}”…`, "info")
      try {
        const sections = await checkFile(python, text)
        if (sections.error) {
          notice(message, `Nie wczytano pliku „${name}”: ${sections.error} Twoje obecne postępy się nie zmieniły.`, "warning")
          return
        }
        if (Object.keys(sections.parts).some(key => SECTIONS[key].readRaw())) {
          const current = await python.call("export_record", ...Object.values(SECTIONS).map(store => store.readRaw()))
          if (!confirm(`Plik „${name}”. ${sections.contents}\n\nZastąpi on to, co jest teraz zapisane w tej przeglądarce. ` +
                       `${current.ok ? current.contents : ""}\n\nObecne postępy zachowamy jako kopię, którą możesz potem ` +
                       "przywrócić przyciskiem „Przywróć kopię”. Wczytać plik?")) {
            notice(message, `Nie wczytano pliku „${name}”; nic się nie zmieniło.`, "info")
            return
          }
        }
        const kept = store(sections.parts)
        if (kept.error) { notice(message, kept.error, "warning"); return }
        reopen(`Wczytano postępy z pliku „${name}”. ${sections.contents}` +
               (sections.notes.length ? ` ${sections.notes.join(" ")}` : ""), sections.notes.length > 0)
      } catch (error) {
        notice(message, `Nie wczytano pliku: ${error.message}. Twoje obecne postępy się nie zmieniły.`, "warning")
      }
    })
}

/** Open the page again, so everything on it comes from the stored record, with `text` said there. */
function reopen(text, warning = false) {
  try { sessionStorage.setItem(FLASH, JSON.stringify({ text, warning })) } catch { /* the page still reopens */ }
  history.scrollRestoration = "manual"  // it opens at the top, where the outcome is said
  location.reload()
}

/** "Przywróć kopię", when a copy of the record kept before an import or a reset is stored (record.mjs). */
export const showBackup = python => offerRestore(python, document.getElementById("sc-progress-backup"), backup, restored => {
  if (restored) reopen("Przywrócono kopię postępów. To, co było zapisane przed chwilą, jest teraz kopią.")
  else notice(document.getElementById("sc-progress-message"), "Przeglądarka nie pozwoliła przywrócić kopii " +
    "(brak miejsca?); obecne postępy i kopia zostały bez zmian. Zapisz postępy do pliku i zwolnij miejsce.", "warning")
})

/** Download the whole record as one file; `overrides` ({section: state}) stand for what the browser
 *  would not store (the page's newest, unsaved state). The outcome is said in `message`. */
export async function saveRecordFile(python, overrides = {}, message = document.getElementById("sc-progress-message")) {
  try {
    const texts = Object.entries(SECTIONS).map(([key, store]) => key in overrides
      ? (overrides[key] ? JSON.stringify(overrides[key]) : "") : store.readRaw())
    const out = await python.call("export_record", ...texts, now())
    if (!out.ok) { notice(message, `Nie udało się zapisać pliku: ${out.error}`, "warning"); return }
    const name = SECTIONS.progress.fileName.replace(/\.json$/, `-${out.date}.json`)
    downloadJson(name, JSON.parse(out.text))
    notice(message, `Postępy zapisano do pliku ${name} (w folderze pobranych plików). ${out.contents}`,
           out.empty ? "warning" : "info")
  } catch (error) {
    notice(message, `Nie udało się zapisać pliku: Python nie działa w tej przeglądarce (${error.message}).`, "warning")
  }
}

/** The file's sections, each checked: {parts: {section: text ("" to clear)}, notes} or {error}. */
async function checkFile(python, text) {
  const core = await python.call("import_record", text)
  if (!core.ok && !core.foreign) return { error: core.error }
  if (!core.ok) {
    // Not a record: perhaps an earlier file of the practice tasks or of the practical exam alone.
    let module
    try {
      module = await python.practical("load", text)
    } catch {
      return { error: core.error }
    }
    if (!module.ok) return { error: module.foreign ? core.error : module.error }
    return { parts: { [module.state.exam ? "exam" : "work"]: JSON.stringify(module.state) }, notes: [], contents: "" }
  }
  const parts = { progress: JSON.stringify(core.progress) }
  for (const key of core.carries.filter(key => key !== "progress")) {
    if (core[key] === null) { parts[key] = ""; continue }  // the file holds none: none after loading it
    const checked = await python.practical("load", JSON.stringify(core[key]))
    if (!checked.ok) return { error: checked.error }
    if (Boolean(checked.state.exam) !== (key === "exam")) return { error: `practical.${key}: zapis innego rodzaju.` }
    parts[key] = JSON.stringify(checked.state)
  }
  return { parts, notes: core.notes || [], contents: core.contents }
}

/** Keep a copy of the record (backup.mjs), then write the file's sections, each read back. */
function store(parts) {
  if (!backup.keep("import", now())) {
    return { error: "Nie wczytano pliku: przeglądarka nie pozwoliła zachować kopii obecnych postępów, więc ich nie " +
                    "zastępujemy. Zwolnij miejsce (np. zapisz postępy do pliku i usuń stare dane witryny) i spróbuj ponownie." }
  }
  for (const [key, text] of Object.entries(parts)) {
    if (!(text ? SECTIONS[key].saveText(text) : SECTIONS[key].clear())) {
      return { error: "Przeglądarka nie pozwoliła zapisać wczytanych danych (brak miejsca?). Poprzednie " +
                      "postępy są zachowane jako kopia: przywrócisz je przyciskiem „Przywróć kopię”." }
    }
  }
  return {}
}

/** After the page opened again: the outcome of the load or restore, under the status line at the top
 *  (where the page opens), focused so it is read first. */
function showFlash() {
  let flash = null
  try {
    flash = JSON.parse(sessionStorage.getItem(FLASH) || "null")
    sessionStorage.removeItem(FLASH)
  } catch { /* no session storage: nothing to show */ }
  if (!flash?.text) return
  const box = Object.assign(document.createElement("div"), { id: "sc-progress-flash", tabIndex: -1 })
  box.setAttribute("role", "status")
  const status = document.getElementById("sc-status")
  if (status) status.after(box)
  else document.getElementById("sc-progress-message").before(box)
  notice(box, flash.text, flash.warning ? "warning" : "info")
  box.scrollIntoView({ block: "nearest" })
  box.focus({ preventScroll: true })
}
