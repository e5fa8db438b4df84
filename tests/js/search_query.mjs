// Run the site's search as a page runs it, in Node: the site's search worker
// (assets/javascripts/site-search/worker.js), which fetches the full index and Material's own
// worker (lunr.js) on the first real query. The tests exercise the real pipeline and query
// transform, and the hand-over from the stub index the page fetches to the full one.
// Usage: node search_query.mjs SITE_DIR QUERY [QUERY ...]  -> prints {query: [locations]} as JSON
import { readFileSync, readdirSync } from "node:fs"
import { join } from "node:path"
import vm from "node:vm"

const [site, ...queries] = process.argv.slice(2)
const ORIGIN = "http://site.test/"
const workers = join(site, "assets/javascripts/workers")
const engine = readdirSync(workers).find(name => /^search\..*\.min\.js$/.test(name))
const local = url => {
  const { href } = new URL(url)
  if (!href.startsWith(ORIGIN)) throw new Error(`the search asked another host: ${href}`)
  return join(site, decodeURIComponent(href.slice(ORIGIN.length).split("?")[0]))
}
// What the page does (overrides/main.html): the worker gets the engine's and the full index's address.
const workerUrl = new URL("assets/javascripts/site-search/worker.js", ORIGIN)
workerUrl.searchParams.set("engine", new URL(`assets/javascripts/workers/${engine}`, ORIGIN).href)
workerUrl.searchParams.set("index", new URL("search/search_index.full.json", ORIGIN).href)

// A worker global: one event target for messages, replies collected, files served from SITE_DIR.
const target = new EventTarget()
const replies = []
let waiting = null
const fetched = []
const context = {
  location: { href: workerUrl.href },
  addEventListener: target.addEventListener.bind(target),
  dispatchEvent: target.dispatchEvent.bind(target),
  postMessage: message => { replies.push(message); if (waiting) waiting() },
  importScripts: (...urls) => {
    for (const url of urls) vm.runInContext(readFileSync(local(url), "utf8"), context)
  },
  fetch: async url => {
    fetched.push(new URL(url).pathname)
    const body = readFileSync(local(url), "utf8")
    return { ok: true, status: 200, json: async () => JSON.parse(body) }
  },
  MessageEvent, URL, WeakSet, Promise, console,
}
context.self = context
vm.createContext(context)
vm.runInContext(readFileSync(local(workerUrl.href), "utf8"), context)

// Material's worker message protocol: SETUP = 0, READY = 1, QUERY = 2, RESULT = 3.
const ask = (message, type) => new Promise((resolve, reject) => {
  replies.length = 0
  const timer = setTimeout(() => reject(new Error(`no reply of type ${type} to ${JSON.stringify(message).slice(0, 80)}`)), 30000)
  waiting = () => {
    const reply = replies.find(r => r.type === type)
    if (reply) { clearTimeout(timer); waiting = null; resolve(reply) }
  }
  target.dispatchEvent(new MessageEvent("message", { data: message }))
})

// The page fetches the stub index and adds `options` before handing it to the worker.
const stub = JSON.parse(readFileSync(join(site, "search/search_index.json"), "utf8"))
if (stub.docs.length) throw new Error("the index every page fetches should carry no documents")
await ask({ type: 0, data: { ...stub, options: { suggest: false } } }, 1)
await ask({ type: 2, data: "" }, 3)  // the page's first, empty query: nothing may be loaded for it
if (fetched.length) throw new Error(`an empty query loaded ${fetched}`)
const results = {}
for (const query of queries) {
  const result = await ask({ type: 2, data: query }, 3)
  results[query] = result.data.items.flat().map(item => item.location)
}
console.log(JSON.stringify(results))
