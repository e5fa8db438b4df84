// Run the site's search as the browser runs it, in Node: the built site's own engine
// (assets/search/engine.mjs, with the MiniSearch copy beside it) on the built index.
// Usage: node search_query.mjs SITE_DIR INDEX QUERY [QUERY ...]
//   -> prints {query: {total, results: [{url, heading, snippet}]}} as JSON (snippets as text, found words in [ ])
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"

const [site, indexPath, ...queries] = process.argv.slice(2)
const { createEngine } = await import(pathToFileURL(join(site, "assets/search/engine.mjs")).href)
const engine = createEngine(JSON.parse(readFileSync(join(site, indexPath), "utf8")))
const text = parts => parts.map(part => (part.mark ? `[${part.text}]` : part.text)).join("")
const out = {}
for (const query of queries) {
  const { total, results } = engine.search(query, { limit: 10 })
  out[query] = { total, count: engine.count(total),
                 results: results.map(r => ({ url: r.url, heading: text(r.heading), snippet: text(r.snippet) })) }
}
console.log(JSON.stringify(out))
