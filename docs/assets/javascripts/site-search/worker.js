// Site search that costs nothing until the visitor searches (issue 13: content pages stay light).
//
// Material's page script starts its search worker on every page and hands it the search index at
// once. The build ships a stub index in the usual place (configuration only, no documents: see
// sitegen/search_index.py) and points the page at this worker instead (overrides/main.html). It
// answers like Material's worker until the visitor goes to the search field or types a query; only
// then does it fetch the full index and Material's own worker, hand the index over and let that
// worker answer from then on.
// No search logic lives here: ranking, Polish word forms and highlighting stay Material's and the
// build's.
//
// It lives one folder below assets/javascripts/ because Material's worker loads lunr's language
// files from "../lunr", relative to the worker script.
"use strict"

// Material's SearchMessageType (src/templates/assets/javascripts/integrations/search/worker/message)
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3

const here = new URL(self.location.href)
const engineUrl = here.searchParams.get("engine")  // Material's worker, fingerprinted
const indexUrl = here.searchParams.get("index")    // the full index with every page's text
const send = self.postMessage.bind(self)

let options = {}      // what the page adds to the index (Material's search features)
let loading = null    // the engine being set up, once a real query came
let live = false      // true once Material's worker answers every message itself
let latest = null     // the newest query while the engine loads: the only one still worth answering
const handed = new WeakSet()  // messages this script hands to the engine itself

function hand(data) {
  handed.add(data)
  self.dispatchEvent(new MessageEvent("message", { data }))
}

async function start() {
  const response = await fetch(indexUrl)
  if (!response.ok) throw new Error(`${indexUrl}: HTTP ${response.status}`)
  const index = await response.json()
  await new Promise(resolve => {
    // The engine says READY once its index is built; the page heard READY long ago.
    self.postMessage = message => (message && message.type === READY ? resolve() : send(message))
    importScripts(engineUrl)
    hand({ type: SETUP, data: { ...index, options } })
  })
  live = true
}

addEventListener("message", event => {
  // What this script hands over is for the engine.
  if (handed.has(event.data)) return
  const { type, data } = event.data
  if (type === SETUP) {
    // The page's own setup carries the stub index: never for the engine, even when it comes after
    // the engine was loaded (the visitor went to the search field before the stub arrived).
    event.stopImmediatePropagation()
    options = data.options || {}
    send({ type: READY })
    return
  }
  if (live) return  // Material's worker answers every query from now on
  event.stopImmediatePropagation()
  if (type === QUERY) {
    if (!String(data).trim()) {
      // The page asks with an empty query as soon as it is ready: nothing to find, nothing to load.
      send({ type: RESULT, data: { items: [] } })
      return
    }
    latest = data
    load().then(() => {
      if (latest === null) return
      const query = latest
      latest = null
      hand({ type: QUERY, data: query })
    }, () => send({ type: RESULT, data: { items: [] } }))
  }
})

function load() {
  loading ??= start().catch(error => {
    loading = null  // the next query tries again
    console.warn("Wyszukiwarka: nie udało się wczytać indeksu", error)
    throw error
  })
  return loading
}

// The page says when the visitor goes to the search field (overrides/main.html names itself with a
// random id in this worker's address): loading starts then, so results are ready when a word is.
const page = here.searchParams.get("page")
if (page && typeof BroadcastChannel === "function") {
  new BroadcastChannel("site-search").addEventListener("message", ({ data }) => {
    if (data === page) load().catch(() => {})
  })
}
