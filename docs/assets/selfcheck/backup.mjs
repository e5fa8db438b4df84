// The copy kept before an import or a reset replaces saved work ("nothing is deleted unless its copy is
// safely stored"): every section's stored text, with when and why, under one key beside them. Its
// restore button puts it back and keeps what it replaces as the next copy, so a restore can be undone
// the same way. Python describes a copy (selfcheck.api.backup_note); this file only moves texts.
import { now } from "./forms.mjs"
import { createStore } from "./storage.mjs"

/** A copy of `sections` ({name: store}) kept under `name`. */
export function createBackup(name, sections) {
  const store = createStore(name)
  const texts = () => Object.fromEntries(Object.entries(sections).map(([key, section]) => [key, section.readRaw()]))
  const put = copy => Object.entries(sections).every(([key, section]) => copy[key] ? section.saveText(copy[key]) : section.clear())
  return {
    /** The stored copy's text ("" when there is none). */
    text: () => store.readRaw(),
    /** Keep what the sections hold now before `reason` ("import", "reset") replaces it: true when kept
     *  and read back, or when there is nothing to keep (an earlier copy then stays). */
    keep(reason, when) {
      const now = texts()
      return !Object.values(now).some(Boolean) || store.save({ when, reason, sections: now })
    },
    /** Put the copy back: true when every section was written and read back. What the sections hold
     *  becomes the copy first; if a section cannot be written, all are put back as they were. */
    restore(when) {
      const raw = store.readRaw()
      const copy = JSON.parse(raw).sections
      const now = texts()
      if (Object.values(now).some(Boolean) ? !store.save({ when, reason: "restore", sections: now }) : !store.clear()) return false
      if (put(copy)) return true
      put(now)
      store.saveText(raw)
      return false
    },
  }
}

/** In `box` (a <span> for the words, a <button>): the copy as Python describes it, and its restore
 *  button, asked first; `restored(ok)` then says how it went. Hidden when there is no readable copy. */
export async function offerRestore(python, box, backup, restored) {
  if (!box) return
  const raw = backup.text()
  const note = raw ? await python.call("backup_note", raw).catch(() => null) : null
  box.hidden = !note?.ok
  if (!note?.ok) return
  box.querySelector("span").textContent = note.text
  box.querySelector("button").onclick = () => { if (confirm(note.confirm)) restored(backup.restore(now())) }
}
