// Progress kept in this browser (localStorage). Python checks what is read back; anything it
// cannot read is moved aside under its own key and reported, never silently dropped.

const KEY = "kwalifikacja-crm:samoocena"
const DRAFTS = "kwalifikacja-crm:samoocena:wersje-robocze"
const ASIDE = "kwalifikacja-crm:samoocena:nieczytelne"

const safe = fn => { try { return fn() } catch { return null } }

export const storage = {
  readRaw: () => safe(() => localStorage.getItem(KEY)) || "",
  save: state => safe(() => localStorage.setItem(KEY, JSON.stringify(state))),
  clear: () => safe(() => { localStorage.removeItem(KEY); localStorage.removeItem(DRAFTS) }),
  /** Keep unreadable saved progress under a dated key; returns that key. */
  setAside(raw) {
    const key = `${ASIDE}:${new Date().toISOString()}`
    safe(() => localStorage.setItem(key, raw))
    safe(() => localStorage.removeItem(KEY))
    return key
  },
  /** Unsent form values per question, so answers survive a reload or a failed Python start. */
  drafts: () => safe(() => JSON.parse(localStorage.getItem(DRAFTS) || "{}")) || {},
  saveDraft(questionId, fields) {
    const drafts = storage.drafts()
    drafts[questionId] = fields
    safe(() => localStorage.setItem(DRAFTS, JSON.stringify(drafts)))
  },
}

/** Load saved progress through Python. Returns the state and, if the saved copy was unreadable, a message. */
export async function loadState(python) {
  const raw = storage.readRaw()
  if (!raw) return { state: null, message: "" }
  const loaded = await python.call("load", raw)
  if (loaded.ok) return { state: loaded.state, message: "" }
  const key = storage.setAside(raw)
  return {
    state: null,
    message: `Zapisanych postępów nie da się odczytać (${loaded.error}) Zachowaliśmy je bez zmian w pamięci ` +
      `przeglądarki pod kluczem „${key}”, a strona zaczyna od pustych postępów.`,
  }
}
