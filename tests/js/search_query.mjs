// Run Material for MkDocs' own search worker in Node against a built site's index, so the
// search tests exercise the real lunr.js pipeline and query transform, not a copy of them.
// Usage: node search_query.mjs SITE_DIR QUERY [QUERY ...]  -> prints {query: [locations]} as JSON
import { readFileSync, readdirSync } from "node:fs"
import { join } from "node:path"
import vm from "node:vm"

const [site, ...queries] = process.argv.slice(2)
const workers = join(site, "assets/javascripts/workers")
const worker = readdirSync(workers).find(name => /^search\..*\.min\.js$/.test(name))
const index = JSON.parse(readFileSync(join(site, "search/search_index.json"), "utf8"))

// Material's worker message protocol: SETUP = 0, READY = 1, QUERY = 2, RESULT = 3.
let onmessage
const replies = []
const context = {
  addEventListener: (type, fn) => { if (type === "message") onmessage = fn },
  postMessage: message => replies.push(message),
  importScripts: () => { throw new Error("the worker tried to load another script") },
  console,
}
context.self = context
vm.createContext(context)
vm.runInContext(readFileSync(join(workers, worker), "utf8"), context)

// The page adds `options` to the index before handing it to the worker.
await onmessage({ data: { type: 0, data: { ...index, options: { suggest: false } } } })
const results = {}
for (const query of queries) {
  replies.length = 0
  await onmessage({ data: { type: 2, data: query } })
  const result = replies.find(reply => reply.type === 3)
  results[query] = result ? result.data.items.flat().map(item => item.location) : null
}
console.log(JSON.stringify(results))
