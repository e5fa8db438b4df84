// The candidate's saved work in this browser: one record per qualification (selfcheck/record.py), kept
// in sections, one storage key each, so a page reads and writes only what it uses:
//   progress  quiz answers, ratings, mock tests, interview practice   (key …:samoocena)
//   work      the practical module's practice state                   (key …:cwiczenia-praktyczne)
//   exam      the practical module's timed exam and its history       (key …:symulacja-praktyczna)
// The renewal form (for certificate holders) is a record of its own, kept by the same helper.
//
// openSection(store, {read, invoke}) is the one way a page changes a section:
//   - calls run one after another, each on the newest stored version: before a call the section is
//     read again if another tab wrote it, and a change that finds the stored text changed while
//     Python worked is made again on the newer version, so no reply overwrites newer work;
//   - another tab's write is seen at once (the storage event) and the page is told (onChange);
//   - a stored text Python cannot read is set aside under a dated key, never dropped;
//   - every write counts only once it is read back (storage.mjs).
// Python checks and words everything; this file only orders calls and moves texts.
import { createBackup } from "./backup.mjs"
import { createStore, NO_STORAGE } from "./storage.mjs"

export const SECTIONS = {
  progress: createStore("samoocena"),
  work: createStore("cwiczenia-praktyczne"),
  exam: createStore("symulacja-praktyczna"),
}

const REPLAYS = 3  // a change made again at most this often when other tabs keep writing meanwhile

/** A section of the record. `read(raw)`: Python's check of a stored text ({ok, state, notes} or
 *  {ok: false, error}); `invoke(type, stateText, args)`: a Python call given the section's state as
 *  its first argument (stateText null: a call that makes a new state from its arguments alone).
 *  `what` names the section in messages ("postępów", "ćwiczeń"…: genitive). */
export function openSection(store, { read, invoke, what }) {
  let state = null
  let base = ""        // the stored text `state` was read from ("" when nothing is stored)
  let queue = Promise.resolve()
  const listeners = new Set()
  const run = task => {
    const result = queue.then(task)
    queue = result.catch(() => {})
    return result
  }

  /** Make `state` the stored version, if another writer changed it: {changed, message, warning}. */
  async function sync() {
    const raw = store.readRaw()
    if (raw === base) return { changed: false }
    if (!raw) {
      state = null
      base = ""
      return { changed: true }
    }
    const out = await read(raw)
    if (out.ok) {
      state = out.state
      base = raw
      return { changed: true, message: (out.notes || []).join(" "), warning: Boolean(out.notes?.length) }
    }
    const { aside } = store.setAside(raw)
    state = null
    base = aside ? "" : raw  // not set aside: the store stays frozen, so the unreadable text is never overwritten
    return {
      changed: true, warning: true,
      message: aside
        ? `Zapisanych ${what} nie da się odczytać (${out.error}) Zachowaliśmy je bez zmian w pamięci przeglądarki ` +
          `pod kluczem „${aside}”, a strona zaczyna od nowa.`
        : `Zapisanych ${what} nie da się odczytać (${out.error}) i nie udało się ich odłożyć, więc zostały bez zmian, ` +
          "a ta strona niczego w przeglądarce nie zapisze, żeby ich nie nadpisać. Zapisuj postępy do pliku.",
    }
  }

  const tell = found => { for (const listener of listeners) listener(found) }

  // Another tab wrote this section (or cleared the storage): read it now, then tell the page.
  addEventListener("storage", event => {
    if (event.key !== store.key && event.key !== null) return
    run(async () => {
      const found = await sync()
      if (found.changed) tell({ ...found, external: true })
    }).catch(() => {})
  })

  const text = () => (state ? JSON.stringify(state) : "")

  return {
    store,
    get state() { return state },
    /** The first read: {message, warning} about what was found (nothing, notes, set aside). */
    open: () => run(async () => {
      if (!store.available()) return { message: NO_STORAGE, warning: true }
      const found = await sync()
      return { message: found.message || "", warning: Boolean(found.warning) }
    }),
    /** A call that only reads the section (a report, a list of results). */
    call: (type, ...args) => run(async () => {
      const found = await sync()
      if (found.changed) tell({ ...found, external: true })
      return invoke(type, text(), args)
    }),
    /** A call that may change the section: made on the newest version and stored (out.saved: kept
     *  by the browser; out.changed: the section is not what it was). `before(out)` runs before
     *  anything is stored; if it throws, nothing is. `fresh`: the call makes a new state (no state in). */
    change: (type, args = [], { before, fresh = false } = {}) => run(async () => {
      for (let round = 0; ; round++) {
        const found = await sync()
        if (found.changed) tell({ ...found, external: true })
        const out = await invoke(type, fresh ? null : text(), args)
        if (!out || !out.state) return out
        if (before) await before(out)
        if (store.readRaw() !== base && round < REPLAYS) continue  // another tab wrote meanwhile: on its version
        const made = JSON.stringify(out.state)
        out.changed = made !== (state ? JSON.stringify(state) : "")
        state = out.state
        if (made === base) {
          out.saved = true  // nothing changed (a screen shown, a check refused): nothing to write
        } else {
          out.saved = store.saveText(made)
          if (out.saved) base = made
        }
        return out
      }
    }),
    /** Run `task()` in turn with the calls (an import, a reset), then read the stored version. */
    exclusive: task => run(async () => {
      const result = await task()
      await sync()
      return result
    }),
    /** `listener({changed, external, message, warning})` after another tab's write was read. */
    onChange(listener) { listeners.add(listener) },
  }
}

/** The copy of the record kept before an import or a reset replaces it (backup.mjs). */
export const backup = createBackup("kopia", SECTIONS)
