// Run the site's search as the browser runs it, in Node: the built site's own answers
// (assets/search/answers.mjs, with the engine and the MiniSearch copy beside it) on its index files,
// read from disk instead of fetched. The queries share one search, as a visitor's do.
// Usage: node search_query.mjs SITE_DIR INDEX [--catalog CATALOG] QUERY [QUERY ...]
//   INDEX, CATALOG: site paths (the page's index; the catalog's search file, in a catalog)
//   -> prints {query: {total, count, results: [{url, label, heading, snippet}], fetched, steps}} as JSON:
//      each query's last answer (snippets as text, found words in [ ]; fetched: the site paths read for
//      it; steps: each of its answers, {done, labels}: a catalog's first answer may come before the others')
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

const args = process.argv.slice(2)
const [site, indexPath] = args.splice(0, 2)
const catalogAt = args.indexOf("--catalog")
const catalogPath = catalogAt >= 0 ? args.splice(catalogAt, 2)[1] : null
const queries = args
const root = pathToFileURL(join(site, "/"))
const { createSearch } = await import(new URL("assets/search/answers.mjs", root).href)

let read = []
const load = async url => {
  read.push(url.slice(root.href.length))
  return JSON.parse(readFileSync(fileURLToPath(url), "utf8"))
}
const search = createSearch({ index: new URL(indexPath, root).href,
                              catalog: catalogPath && new URL(catalogPath, root).href, load })
const text = parts => parts.map(part => (part.mark ? `[${part.text}]` : part.text)).join("")
const out = {}
for (const query of queries) {
  read = []
  const steps = []
  for await (const answer of search.answers(query)) steps.push(answer)
  const last = steps.at(-1)
  out[query] = { total: last.total, count: last.count, fetched: read,
                 steps: steps.map(step => ({ done: step.done, labels: [...new Set(step.results.map(r => r.label ?? null))] })),
                 results: last.results.map(r => ({ url: r.url, label: r.label ?? null, heading: text(r.heading),
                                                   snippet: text(r.snippet) })) }
}
console.log(JSON.stringify(out))
