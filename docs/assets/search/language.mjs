// Polish words as the search compares them, by the rules the build wrote into the index
// (sitegen/search_forms.py defines them; a test checks both stem every word of the site alike).

export function language(rules) {
  const word = new RegExp(rules.word, "gu")
  const foldMap = rules.fold
  const stopWords = new Set(rules.stop_words)
  const fold = text => text.toLowerCase().replace(/./gu, ch => foldMap[ch] ?? ch)
    .normalize("NFKD").replace(/\p{M}/gu, "")
  const stem = folded => {
    for (const ending of rules.endings) {
      if (folded.endsWith(ending) && folded.length - ending.length >= rules.min_stem) {
        return folded.slice(0, -ending.length)
      }
    }
    return folded
  }
  // A site's text repeats its words: each written form is folded and stemmed once (indexing an
  // index's text is most of the time to a first result).
  const known = new Map()  // written form -> {stem, stop}
  const analysed = written => {
    let found = known.get(written)
    if (!found) {
      const folded = fold(written)
      found = { stem: stem(folded), stop: stopWords.has(folded) }
      known.set(written, found)
    }
    return found
  }
  return {
    // The words of `text` with where they are: [{text, start, end, stem, stop}].
    words(text) {
      return Array.from(text.matchAll(word), match => {
        const { stem, stop } = analysed(match[0])
        return { text: match[0], start: match.index, end: match.index + match[0].length, stem, stop }
      })
    },
    stem: text => stem(fold(text)),
  }
}
