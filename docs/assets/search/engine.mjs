// The site search: one qualification's index (sitegen/search_index.py) in MiniSearch, queried the
// Polish way and ranked so that the page that answers comes first. The worker (worker.mjs) runs it
// in the browser; the tests run this same file under Node.
//
// Ranking, in order of weight:
// - every word of the query found (a section that has all of them beats one that has some);
// - where: a section's heading (a page's title) counts 3 times its text, a page's purpose twice;
// - the query's words next to each other, in its order, in the heading or the text (an exact phrase);
// - how: a word's own stem counts 1, a stem the build joined to it (lejek/lejki) 0.8, a synonym from
//   the glossary 0.6, the start of a longer word (the last word, as it is typed) and a typo less.
import MiniSearch from "./minisearch.mjs"
import { language } from "./language.mjs"

const FIELDS = ["heading", "keywords", "text"]
const BOOST = { heading: 3, keywords: 2, text: 1 }
const WEIGHT = { alias: 0.8, synonym: 0.6 }
const PHRASE = { heading: 2.5, text: 1.6 }
const WHOLE_HEADING = 2     // every word of the query in the heading
const SNIPPET_WORDS = 28    // words around the best place in the text

export function createEngine(index) {
  const lang = language(index.language)
  const sections = index.sections.map((section, id) => ({
    ...section, id, heading: section.heading || section.title,
  }))
  const vocabulary = new Set()  // every term of the index
  const search = new MiniSearch({
    fields: FIELDS,
    idField: "id",
    tokenize: text => lang.words(text).filter(word => !word.stop).map(word => (vocabulary.add(word.stem), word.stem)),
    processTerm: term => term,
    searchOptions: { tokenize: text => [text], processTerm: term => term },
  })
  search.addAll(sections)
  const synonyms = index.synonyms.map(group => group.map(entry => entry.split(" ")))
  const tokens = new Map()  // section id -> its heading's and text's words, made when first needed
  const wordsOf = section => {
    if (!tokens.has(section.id)) {
      tokens.set(section.id, { heading: lang.words(section.heading), text: lang.words(section.text) })
    }
    return tokens.get(section.id)
  }

  // Each word of the query that counts, with the index terms that stand for it and their weights.
  function analyse(query) {
    let words = lang.words(query)
    if (words.some(word => !word.stop)) words = words.filter(word => !word.stop)
    const typing = !/\s$/.test(query)
    const asked = words.map((word, i) => {
      const terms = new Map([[word.stem, 1], ...(index.aliases[word.stem] || []).map(alias => [alias, WEIGHT.alias])])
      // A word the index has is a whole word: longer words that start with it, or words one typo
      // away, would only push its own pages down. Only the last word, still being typed, may be a start.
      const known = [...terms.keys()].some(term => vocabulary.has(term))
      return { stem: word.stem, terms, fuzzy: !known && word.stem.length >= 6,
               prefix: !known && typing && i === words.length - 1 && word.stem.length >= 3 }
    })
    const stems = asked.map(word => word.stem)
    for (const group of synonyms) {
      for (const entry of group) {
        for (const at of positions(stems, entry)) {
          for (const other of group) {
            if (other === entry) continue
            for (const term of other) {
              for (let i = at; i < at + entry.length; i++) {
                if (!asked[i].terms.has(term)) asked[i].terms.set(term, WEIGHT.synonym / other.length)
              }
            }
          }
        }
      }
    }
    return asked
  }

  function run(query, { limit = 20 } = {}) {
    const asked = analyse(query)
    if (!asked.length) return { query, total: 0, results: [] }
    const found = new Map()  // section id -> {scores per asked word, terms found}
    asked.forEach((word, i) => {
      const weights = word.terms
      const hits = search.search({ combineWith: "OR", queries: [...weights.keys()] }, {
        boost: BOOST,
        boostTerm: term => weights.get(term) ?? 1,
        prefix: term => word.prefix && term === word.stem,
        fuzzy: term => (word.fuzzy && term === word.stem ? 1 : false),
        weights: { prefix: 0.5, fuzzy: 0.3 },
      })
      for (const hit of hits) {
        const entry = found.get(hit.id) ?? { scores: new Array(asked.length).fill(0), terms: new Set(), fields: new Set() }
        // MiniSearch multiplies by the number of query terms found; here they are one word's stand-ins.
        entry.scores[i] = hit.score / hit.queryTerms.length
        for (const [term, fields] of Object.entries(hit.match)) {
          entry.terms.add(term)
          fields.forEach(field => entry.fields.add(`${i}:${field}`))
        }
        found.set(hit.id, entry)
      }
    })
    const ranked = []
    for (const [id, entry] of found) {
      const section = sections[id]
      const covered = entry.scores.filter(score => score > 0).length
      let score = entry.scores.reduce((a, b) => a + b, 0) * (covered / asked.length) ** 2
      const words = wordsOf(section)
      if (asked.length > 1) {
        const wanted = asked.map(word => word.terms)
        if (hasPhrase(words.heading, wanted)) score *= PHRASE.heading
        else if (hasPhrase(words.text, wanted)) score *= PHRASE.text
      }
      if (asked.every((_, i) => entry.fields.has(`${i}:heading`))) score *= WHOLE_HEADING
      ranked.push({ section, score, terms: entry.terms, whole: covered === asked.length })
    }
    ranked.sort((a, b) => b.score - a.score || a.section.id - b.section.id)
    return {
      query,
      total: ranked.length,
      results: ranked.slice(0, limit).map(({ section, score, terms, whole }) => {
        const words = wordsOf(section)
        const weightOf = foundWords(asked, terms)
        return {
          url: section.url, page: section.page, title: section.title, score, whole,
          heading: section.heading === section.title ? [] : marked(section.heading, words.heading, word => !word.stop && weightOf(word).size > 0),
          snippet: snippet(section.text, words.text, weightOf),
        }
      }),
    }
  }

  return { search: run, count: n => index.messages.count[Math.min(n, index.messages.count.length - 1)], messages: index.messages }
}

// For a word of a result's text: which asked words it stands for, with the weight of its term
// (found terms only: the ones the index matched, a prefix or a typo counted by what it matched).
function foundWords(asked, terms) {
  return word => {
    const out = new Map()
    for (const term of terms) {
      if (word.stem !== term && !(term.length >= 3 && word.stem.startsWith(term))) continue
      // The asked words the term stands for: its own terms, or the start of a longer word; a term
      // found by a typo stands for any of them.
      const claims = asked.map(a => a.terms.get(term) ?? (term.startsWith(a.stem) ? 0.5 : 0))
      const typo = claims.every(weight => !weight)
      claims.forEach((weight, i) => {
        if (weight || typo) out.set(i, Math.max(out.get(i) || 0, weight || 0.3))
      })
    }
    return out
  }
}

// Where the words of `entry` stand in `stems`, one after another.
function positions(stems, entry) {
  const out = []
  for (let i = 0; i + entry.length <= stems.length; i++) {
    if (entry.every((term, j) => stems[i + j] === term)) out.push(i)
  }
  return out
}

// Whether the words that count in `words` hold one of each asked word's terms, one after another.
function hasPhrase(words, wanted) {
  const counted = words.filter(word => !word.stop)
  for (let i = 0; i + wanted.length <= counted.length; i++) {
    if (wanted.every((terms, j) => terms.has(counted[i + j].stem))) return true
  }
  return false
}

// Text as parts [{text, mark}]: `mark` where a word was found. Drawn as text, never as HTML.
function marked(text, words, marks, from = 0, to = text.length) {
  const parts = []
  let at = from
  for (const word of words) {
    if (word.start < from || word.end > to || !marks(word)) continue
    if (word.start > at) parts.push({ text: text.slice(at, word.start), mark: false })
    parts.push({ text: word.text, mark: true })
    at = word.end
  }
  if (at < to) parts.push({ text: text.slice(at, to), mark: false })
  return parts
}

// The part of the text, about SNIPPET_WORDS words long, where the most of the query's words are found
// (each counted once, by its best term: its own word above a synonym), then the most found words.
function snippet(text, words, weightOf) {
  if (!words.length) return []
  const values = words.map(word => (word.stop ? null : weightOf(word)))
  let best = 0
  let bestValue = -1
  for (let start = 0; start < words.length; start += 1) {
    const end = Math.min(words.length, start + SNIPPET_WORDS)
    const byAsked = new Map()
    let found = 0
    for (let i = start; i < end; i++) {
      for (const [asked, weight] of values[i] || []) {
        byAsked.set(asked, Math.max(byAsked.get(asked) || 0, weight))
        found += 1
      }
    }
    const value = [...byAsked.values()].reduce((a, b) => a + b, 0) * 100 + found
    if (value > bestValue) { bestValue = value; best = start }
    if (end === words.length) break
  }
  // Start a little before the first found word, so it is read in its sentence.
  const first = values.findIndex((value, i) => i >= best && value && value.size)
  const start = first < 0 ? best : Math.max(0, Math.min(best, first - 4))
  const end = Math.min(words.length, start + SNIPPET_WORDS)
  const from = start === 0 ? 0 : words[start].start
  const to = end === words.length ? text.length : words[end - 1].end
  const parts = marked(text, words, word => values[words.indexOf(word)]?.size > 0, from, to)
  if (from > 0) parts.unshift({ text: "… ", mark: false })
  if (to < text.length) parts.push({ text: " …", mark: false })
  return parts
}
