// The site search's worker: fetches one qualification's index on its first message and answers
// queries with the engine (engine.mjs). Messages: {id, query} -> {id, query, total, count, results}
// or {id, error}; the index's address comes in the worker's own address (?index=…).
import { createEngine } from "./engine.mjs"

const indexUrl = new URL(self.location.href).searchParams.get("index")
let engine = null

async function load() {
  const response = await fetch(indexUrl)
  if (!response.ok) throw new Error(`${indexUrl}: HTTP ${response.status}`)
  return createEngine(await response.json())
}

self.addEventListener("message", async ({ data }) => {
  try {
    engine ??= load()
    const search = await engine
    const { total, results } = search.search(data.query, { limit: 20 })
    self.postMessage({ id: data.id, query: data.query, total, count: search.count(total), results,
                       hint: total ? "" : search.messages.hint })
  } catch (error) {
    engine = null  // the next query tries again
    self.postMessage({ id: data.id, error: String(error) })
  }
})
