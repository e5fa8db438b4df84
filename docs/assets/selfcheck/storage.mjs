// Progress kept in this browser (localStorage). Python checks what is read back; anything it
// cannot read is moved aside under its own key and reported, never silently dropped.
//
// A write counts only once it is read back: full or blocked storage makes save() return false,
// and the page then says so where the candidate acted and offers a file instead. When
// localStorage itself is forbidden (private modes, SecurityError on access) every call simply
// reports failure. An unreadable copy is removed only after its copy set aside is read back;
// if that fails, the store stops writing that key, so the unreadable copy is never overwritten.

import { dataBase } from "./data-base.mjs"

/** localStorage, or null where the browser forbids it (reading the property itself may throw). */
function storageArea() {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

function read(key) {
  try {
    return storageArea()?.getItem(key) ?? null
  } catch {
    return null
  }
}

/** Write and read back; true only when the browser really kept the text. */
function write(key, text) {
  const area = storageArea()
  if (!area) return false
  try {
    area.setItem(key, text)
    return area.getItem(key) === text
  } catch {
    return false
  }
}

function remove(key) {
  try {
    storageArea()?.removeItem(key)
  } catch {
    // nothing to do: the caller checks with read()
  }
}

/** This site's identity: the qualification (set by the build on #sc-status) and the path of its
 *  pages, so two sites on one origin (org.github.io/a/ and /b/), or two qualifications of a catalog,
 *  never share progress. */
export function siteIdentity() {
  const name = document.getElementById("sc-status")?.dataset.store || "samoocena"
  const path = new URL("../../", dataBase).pathname  // its assets/selfcheck/ is two levels below its pages' root
  return { name, key: `${name}@${path}` }
}

/** { field name: [texts] } — the only shape a draft may have. */
const isFields = value => value && typeof value === "object" && !Array.isArray(value) &&
  Object.values(value).every(list => Array.isArray(list) && list.every(item => typeof item === "string"))

/** One saved document under `name`, with its drafts beside it and unreadable copies set aside. */
export function createStore(name) {
  const site = siteIdentity()
  const key = `${site.key}:${name}`
  const draftsKey = `${key}:wersje-robocze`
  const frozen = new Set()  // keys whose unreadable copy could not be set aside: never written over
  let draftsNote = ""

  const setAside = (storedKey, raw) => {
    const aside = `${storedKey}:nieczytelne:${new Date().toISOString()}`
    if (write(aside, raw)) {
      remove(storedKey)
      frozen.delete(storedKey)
      return aside
    }
    frozen.add(storedKey)
    return null
  }

  const store = {
    key,
    fileName: `${name}-${site.name}.json`,
    /** Whether the browser lets this page keep anything at all. */
    available: () => storageArea() !== null,
    readRaw: () => read(key) || "",
    /** true when stored and read back. */
    save: data => !frozen.has(key) && write(key, JSON.stringify(data)),
    /** The same for a text already made (JSON from Python, or a file's section). */
    saveText: text => !frozen.has(key) && write(key, text),
    clear() {
      remove(key)
      remove(draftsKey)
      return read(key) === null
    },
    /** Keep an unreadable saved copy under a dated key: {aside} when kept, {aside: null} when the copy
     *  could not be stored (the original then stays where it is, untouched). */
    setAside: raw => ({ aside: setAside(key, raw) }),
    /** Unsent form values, so answers survive a reload or a failed Python start. Drafts of a wrong
     *  shape are set aside (with a note in draftsProblem()), so a bad entry never stops a page. */
    drafts() {
      const raw = read(draftsKey)
      if (!raw) return {}
      let data
      try {
        data = JSON.parse(raw)
      } catch {
        data = null
      }
      const entries = data && typeof data === "object" && !Array.isArray(data) ? Object.entries(data) : null
      const good = entries ? Object.fromEntries(entries.filter(([, value]) => isFields(value))) : {}
      if (!entries || Object.keys(good).length !== entries.length) {
        const aside = setAside(draftsKey, raw)
        draftsNote = aside
          ? `Część niewysłanych odpowiedzi zapisanych w przeglądarce była nieczytelna. Odłożyliśmy je bez zmian pod kluczem „${aside}”.`
          : "Część niewysłanych odpowiedzi zapisanych w przeglądarce jest nieczytelna i nie dało się ich odłożyć; zostały bez zmian."
        if (aside) write(draftsKey, JSON.stringify(good))
      }
      return good
    },
    draftsProblem: () => draftsNote,
    /** true when stored and read back. */
    saveDraft(id, fields) {
      const all = store.drafts()  // first: it may find the stored drafts unreadable and freeze them
      if (frozen.has(draftsKey)) return false
      all[id] = fields
      return write(draftsKey, JSON.stringify(all))
    },
  }
  return store
}

/** The candidate's self-check progress. */
export const storage = createStore("samoocena")

export const NO_STORAGE = "Ta przeglądarka nie pozwala stronie niczego zapisać (np. tryb prywatny albo zablokowane " +
  "dane witryn). Możesz ćwiczyć, ale postępy znikną po zamknięciu strony — zapisuj je do pliku."
