// Progress kept in this browser (localStorage). Python checks what is read back; anything it
// cannot read is moved aside under its own key and reported, never silently dropped.

// (Private browsing or a full disk makes localStorage throw: the page then works without saving.)
const safe = fn => { try { return fn() } catch { return null } }

/** One saved document under `key`, with its drafts beside it and unreadable copies set aside. */
export function createStore(key) {
  const drafts = `${key}:wersje-robocze`
  const store = {
    readRaw: () => safe(() => localStorage.getItem(key)) || "",
    save: data => safe(() => localStorage.setItem(key, JSON.stringify(data))),
    clear: () => safe(() => { localStorage.removeItem(key); localStorage.removeItem(drafts) }),
    /** Keep an unreadable saved copy under a dated key; returns that key. */
    setAside(raw) {
      const aside = `${key}:nieczytelne:${new Date().toISOString()}`
      safe(() => localStorage.setItem(aside, raw))
      safe(() => localStorage.removeItem(key))
      return aside
    },
    /** Unsent form values, so answers survive a reload or a failed Python start. */
    drafts: () => safe(() => JSON.parse(localStorage.getItem(drafts) || "{}")) || {},
    saveDraft(id, fields) {
      const all = store.drafts()
      all[id] = fields
      safe(() => localStorage.setItem(drafts, JSON.stringify(all)))
    },
  }
  return store
}

/** The candidate's self-check progress. */
export const storage = createStore("kwalifikacja-crm:samoocena")

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
