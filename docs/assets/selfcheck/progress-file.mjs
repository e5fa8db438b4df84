// "Zapisz postępy do pliku" / "Wczytaj postępy z pliku", on every self-check page: the whole record
// (quiz progress, practical work, the practical exam) as one file, to move it between devices.
//
// Saving asks Python to join the stored sections (selfcheck.api.export_record). Loading asks Python to
// check the file (import_record); its practical sections, and an earlier file of the practical part
// alone, are checked by the practical module (loaded for that only). Nothing is stored until every
// part is checked; what a file would replace is named first, and kept under a dated key before it
// is replaced. Then the page is opened again, so everything on it comes from the loaded record.
import { chooseFile, downloadJson, notice } from "./forms.mjs"
import { SECTIONS } from "./record.mjs"

const FLASH = "samoocena:po-wczytaniu"  // the note shown after the page opens again (sessionStorage)
const NAMES = { progress: "odpowiedzi, oceny i testy", work: "zadania praktyczne", exam: "symulację części praktycznej" }

let offered = false

export function offerProgressFile(python) {
  const exportButton = document.getElementById("sc-progress-export")
  const message = document.getElementById("sc-progress-message")
  if (offered || !exportButton || !message) return
  offered = true
  showFlash(message)

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
        const replaced = Object.keys(sections.parts).filter(key => SECTIONS[key].readRaw())
        if (replaced.length && !confirm(
          `Plik „${name}” zastąpi to, co jest zapisane w tej przeglądarce: ${replaced.map(key => NAMES[key]).join(", ")}. ` +
          "Obecne dane zachowamy w pamięci przeglądarki pod osobnym kluczem (a jeśli chcesz je mieć w pliku, " +
          "anuluj i najpierw zapisz postępy do pliku). Wczytać plik?")) {
          notice(message, `Nie wczytano pliku „${name}”; nic się nie zmieniło.`, "info")
          return
        }
        const kept = store(sections.parts)
        if (kept.error) { notice(message, kept.error, "warning"); return }
        sessionStorage.setItem(FLASH, JSON.stringify({
          text: `Wczytano postępy z pliku „${name}”.${kept.copies.length ? ` Poprzednie dane zachowaliśmy pod kluczem ${kept.copies.map(k => `„${k}”`).join(", ")}.` : ""}` +
                (sections.notes.length ? ` ${sections.notes.join(" ")}` : ""),
          warning: sections.notes.length > 0,
        }))
        location.reload()
      } catch (error) {
        notice(message, `Nie wczytano pliku: ${error.message}. Twoje obecne postępy się nie zmieniły.`, "warning")
      }
    })
}

/** Download the whole record as one file; `overrides` ({section: state}) stand for what the browser
 *  would not store (the page's newest, unsaved state). The outcome is said in `message`. */
export async function saveRecordFile(python, overrides = {}, message = document.getElementById("sc-progress-message")) {
  try {
    const texts = Object.entries(SECTIONS).map(([key, store]) => key in overrides
      ? (overrides[key] ? JSON.stringify(overrides[key]) : "") : store.readRaw())
    const out = await python.call("export_record", ...texts)
    if (!out.ok) { notice(message, `Nie udało się zapisać pliku: ${out.error}`, "warning"); return }
    const name = SECTIONS.progress.fileName
    downloadJson(name, JSON.parse(out.text))
    notice(message, `Postępy zapisano do pliku ${name} (w folderze pobranych plików).`, "info")
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
    return { parts: { [module.state.exam ? "exam" : "work"]: JSON.stringify(module.state) }, notes: [] }
  }
  const parts = { progress: JSON.stringify(core.progress) }
  for (const key of core.carries.filter(key => key !== "progress")) {
    if (core[key] === null) { parts[key] = ""; continue }  // the file holds none: none after loading it
    const checked = await python.practical("load", JSON.stringify(core[key]))
    if (!checked.ok) return { error: checked.error }
    if (Boolean(checked.state.exam) !== (key === "exam")) return { error: `practical.${key}: zapis innego rodzaju.` }
    parts[key] = JSON.stringify(checked.state)
  }
  return { parts, notes: core.notes || [] }
}

/** Keep a copy of every section the file replaces, then write the file's sections, each read back. */
function store(parts) {
  const copies = []
  for (const key of Object.keys(parts)) {
    const copy = SECTIONS[key].keepCopy()
    if (copy === null) {
      return { error: "Nie wczytano pliku: przeglądarka nie pozwoliła zachować kopii obecnych postępów, więc ich nie " +
                      "zastępujemy. Zwolnij miejsce (np. zapisz postępy do pliku i usuń stare dane witryny) i spróbuj ponownie." }
    }
    if (copy) copies.push(copy)
  }
  for (const [key, text] of Object.entries(parts)) {
    const ok = text ? SECTIONS[key].saveText(text) : SECTIONS[key].clear()
    if (!ok) {
      return { error: `Przeglądarka nie pozwoliła zapisać wczytanych danych (${NAMES[key]}); poprzednie są zachowane ` +
                      `pod kluczem ${copies.map(k => `„${k}”`).join(", ") || "—"}. Zwolnij miejsce i spróbuj ponownie.` }
    }
  }
  return { copies }
}

function showFlash(message) {
  let flash = null
  try {
    flash = JSON.parse(sessionStorage.getItem(FLASH) || "null")
    sessionStorage.removeItem(FLASH)
  } catch { /* no session storage: nothing to show */ }
  if (flash?.text) notice(message, flash.text, flash.warning ? "warning" : "info")
}
