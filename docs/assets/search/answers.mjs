// The search box's answers: the page's own index (engine.mjs) and, in a catalog, the catalog's
// files (sitegen/catalog_search.py) and the other qualifications' indexes. The worker (worker.mjs)
// runs this in the browser; the tests run this same file under Node.
//
// A one-qualification site: one index, one answer per query, as always.
//
// In a catalog, the page's own results come first (a qualification's page: its index; the
// catalog's pages: the catalog's index of names, blurbs and its own pages), then up to
// `limits.others` more: the catalog's (on a qualification's page), then the other qualifications'
// by score, each labelled with its qualification. Exceptions:
// - the catalog's pages serve every qualification: one that has every word of the query comes
//   before the page's own results that have only some ("deklaracja dostępności": the statement
//   before a page that only mentions "dostępny"); another qualification's never does (its fee is
//   not this one's);
// - when the page's qualification has none of the query's words, its results are guesses at a
//   typo: they come after the others'.
//
// The others' indexes are fetched only for the query's words: the term files say which
// qualifications have each word (the last word, still being typed, as the start of one), and the
// indexes of those with the most of the words are fetched, at most `limits.indexes` for a query
// (those whose name or blurb matched first, then in the catalog's order). A query whose files are
// all at hand gets one answer; otherwise a first one at once from what is at hand (`done: false`),
// and the full one when the files have come.
import { createEngine } from "./engine.mjs"
import { language } from "./language.mjs"

const RESULTS = 20      // the page's own results shown
const KEPT_INDEXES = 8  // other qualifications' engines kept (a visitor may search many words)
const BITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// index, catalog: the page's index and the catalog's search file, as URLs (catalog: null outside
// a catalog); load(url) -> a promise of the file's JSON.
export function createSearch({ index, catalog, load }) {
  const files = new Map()    // url -> {value} once loaded, {promise} while loading
  const engines = new Map()  // url of an index -> its engine; the others' in the order last used

  function get(url) {
    let file = files.get(url)
    if (!file) {
      file = { promise: load(url).then(value => { file.value = value; return value },
                                        error => { files.delete(url); throw error }) }
      files.set(url, file)
    }
    return file.promise
  }
  const have = url => files.get(url)?.value

  // The engine of an index whose file has come (made once; the others' dropped when too many).
  function engineOf(url) {
    let engine = engines.get(url)
    if (!engine) {
      const json = have(url)
      if (!json) return null
      engine = createEngine(json)
      if (url !== index && url !== catalog) files.delete(url)  // the engine holds what it needs
    }
    engines.delete(url)
    engines.set(url, engine)
    const others = [...engines.keys()].filter(key => key !== index && key !== catalog)
    for (const old of others.slice(0, Math.max(0, others.length - KEPT_INDEXES))) engines.delete(old)
    return engine
  }
  const ready = url => engines.has(url) || Boolean(have(url))

  // The catalog's file, with its paths as URLs.
  let manifest = null
  function catalogInfo() {
    if (manifest || !have(catalog)) return manifest
    const json = have(catalog)
    const url = path => new URL(path, catalog).href
    manifest = {
      ...json.catalog,
      qualifications: json.catalog.qualifications.map((q, number) => ({ ...q, number, index: url(q.index) })),
      termFiles: json.catalog.terms.files.map(url),
      firsts: json.catalog.terms.first,
      lang: language(json.language),
      messages: json.messages,
    }
    return manifest
  }

  // The query's words that count, as the engine reads them: [{stem, typing}] (typing: the last
  // word, not yet followed by a space, may be the start of a longer one).
  function queryWords(info, query) {
    let words = info.lang.words(query)
    if (words.some(word => !word.stop)) words = words.filter(word => !word.stop)
    const typing = !/\s$/.test(query)
    return words.map((word, i) => ({ stem: word.stem, typing: typing && i === words.length - 1 && word.stem.length >= 3 }))
  }

  // The term files a word's qualifications are in: the file of its stem, and of every term it starts.
  function termFilesOf(info, word) {
    const fileOf = term => {
      let at = 0
      while (at + 1 < info.firsts.length && info.firsts[at + 1] <= term) at += 1
      return at
    }
    const from = fileOf(word.stem)
    const to = word.typing ? fileOf(word.stem + "\uffff") : from
    return info.termFiles.slice(from, to + 1)
  }

  // Which qualifications have the word: their numbers.
  function owners(info, word) {
    const found = new Set()
    for (const url of termFilesOf(info, word)) {
      const terms = have(url).terms
      const add = bits => [...bits].forEach((char, at) => {
        const value = BITS.indexOf(char)
        for (let bit = 0; bit < 6; bit++) if (value & (1 << bit)) found.add(at * 6 + bit)
      })
      if (terms[word.stem]) add(terms[word.stem])
      if (word.typing) for (const term in terms) if (term.startsWith(word.stem)) add(terms[term])
    }
    return found
  }

  // What the catalog's own index finds, and the qualifications it found by name or blurb (their
  // entry: the link to their home page).
  function catalogHits(info, query) {
    const hits = engineOf(catalog).search(query, { limit: index === catalog ? RESULTS : info.limits.others })
    const named = new Set(info.qualifications.filter(q => hits.results.some(r => r.url === q.url)).map(q => q.number))
    return { hits, named }
  }

  // The other qualifications whose indexes answer the query, best first; null until the term files
  // that tell are at hand.
  function chosen(info, query, named) {
    const words = queryWords(info, query)
    if (words.some(word => termFilesOf(info, word).some(url => !have(url)))) return null
    const covered = new Map()
    for (const word of words) {
      for (const number of owners(info, word)) covered.set(number, (covered.get(number) || 0) + 1)
    }
    return info.qualifications
      .filter(q => q.index !== index && covered.has(q.number))
      .sort((a, b) => covered.get(b.number) - covered.get(a.number)
                      || named.has(b.number) - named.has(a.number) || a.number - b.number)
      .slice(0, info.limits.indexes)
  }

  // The files still needed for the query's full answer (none: it can be given now).
  function missing(query) {
    const info = catalogInfo()
    if (!info) return [catalog]
    const words = queryWords(info, query)
    const terms = [...new Set(words.flatMap(word => termFilesOf(info, word)))].filter(url => !have(url))
    if (terms.length) return terms
    const { named } = catalogHits(info, query)
    return chosen(info, query, named).map(q => q.index).filter(url => !ready(url))
  }

  // The answer from what is at hand; `others`: with the other qualifications' results (their
  // files have come), `done`: no other answer follows.
  function compose(query, { others: withOthers, done }) {
    const home = engineOf(index)
    const info = catalogInfo()
    const own = home.search(query, { limit: RESULTS })
    let site = []    // the catalog's own pages and entries (on a qualification's page)
    let others = []  // the other qualifications' sections
    let guesses = false  // the page's own results are guesses at a typo: its qualification has none of the words
    if (info && query.trim()) {
      const { hits, named } = catalogHits(info, query)
      const mine = info.qualifications.find(q => q.index === index)
      guesses = withOthers && Boolean(mine) && queryWords(info, query).every(word => !owners(info, word).has(mine.number))
      const seen = new Set(own.results.map(r => r.url))
      const fresh = r => !seen.has(r.url) && seen.add(r.url)
      const siteHits = index === catalog ? [] : hits.results.filter(fresh)  // the catalog's page: its own
      const otherHits = (withOthers ? chosen(info, query, named) : [])
        .flatMap(q => engineOf(q.index).search(query, { limit: info.limits.others }).results)
        .sort((a, b) => b.score - a.score)
        .filter(fresh)
      const shown = [...siteHits, ...otherHits].slice(0, info.limits.others)
      site = shown.slice(0, siteHits.length)
      others = shown.slice(site.length)
    }
    // In a catalog, each result of a qualification is labelled with its name (but its entry in the
    // catalog's index, which is its name); before the catalog's file, the page's own with its own.
    const ownName = catalog && have(index).qualification?.name
    const nameOf = url => (info ? info.qualifications.find(q => url.startsWith(q.url))?.name : ownName)
    const label = r => {
      const name = nameOf(r.url)
      return name && name !== r.title ? { ...r, label: name } : r
    }
    // The catalog's pages serve every qualification: one that has every word of the query comes
    // before a page of one's own that has only some.
    const whole = list => list.filter(r => r.whole)
    const part = list => list.filter(r => !r.whole)
    const results = guesses && others.length
      ? [...site, ...others, ...own.results]
      : [...whole(own.results), ...whole(site), ...part(own.results), ...part(site), ...others]
    const total = own.total + site.length + others.length
    const messages = info?.messages ?? have(index).messages
    return {
      total, done, results: results.map(label),
      // More found than listed: the count says how many of them the list shows (words from the build).
      count: [messages.count[Math.min(total, messages.count.length - 1)],
              total > results.length ? messages.shown?.[Math.min(results.length, messages.shown.length - 1)] : ""]
        .filter(Boolean).join(", "),
      hint: total || !done ? "" : messages.hint,
    }
  }

  // The answers to a query, in order: the last is the full one (`done`).
  async function* answers(query) {
    if (catalog) get(catalog).catch(() => {})  // fetched beside the page's own index
    if (!engineOf(index)) await get(index)
    if (!catalog || !query.trim()) {
      yield compose(query, { others: false, done: true })
      return
    }
    let needed = missing(query)
    if (!needed.length) {
      yield compose(query, { others: true, done: true })
      return
    }
    yield compose(query, { others: false, done: false })
    try {
      while (needed.length) {
        await Promise.all(needed.map(get))
        needed = missing(query)
      }
    } catch {
      // A file did not come: the answer from what is at hand stands.
      yield compose(query, { others: false, done: true })
      return
    }
    yield compose(query, { others: true, done: true })
  }

  return { answers }
}
