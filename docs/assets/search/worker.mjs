// The site search's worker: answers queries with answers.mjs, from the page's index and, in a
// catalog, the catalog's search file and the other qualifications' indexes (fetched when a query
// needs them). Messages: {id, query} -> {id, query, total, count, results, hint, done, fetched}
// (one or two answers a query: the last has `done`; `fetched`: every file fetched so far, with its
// size, for measuring) or {id, error}. The files' addresses come in the worker's own address
// (?index=…, and ?catalog=… in a catalog).
import { createSearch } from "./answers.mjs"

const params = new URL(self.location.href).searchParams
const fetched = []

async function load(url) {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
  const body = await response.arrayBuffer()
  fetched.push({ url, bytes: body.byteLength })
  return JSON.parse(new TextDecoder().decode(body))
}

const search = createSearch({ index: params.get("index"), catalog: params.get("catalog"), load })
let latest = null  // the latest query's id: an older one's answers are not sent

self.addEventListener("message", async ({ data }) => {
  latest = data.id
  try {
    for await (const answer of search.answers(data.query)) {
      if (data.id !== latest) return
      self.postMessage({ id: data.id, query: data.query, ...answer, fetched: [...fetched] })
    }
  } catch (error) {
    if (data.id === latest) self.postMessage({ id: data.id, error: String(error) })
  }
})
