// On a landing page of the self-check tools: once the page is idle, fetch the Python runtime at low
// priority into the Cache Storage the worker reads (docs/assets/selfcheck/worker.mjs), so the tool
// opened next starts without downloading it. Nothing runs; a failure only means that page downloads it.
// The snapshot is not fetched here: the worker fetches it after Python has started once.

import { dataUrl } from "./data-base.mjs"

const CACHE_PREFIX = "selfcheck-python-"  // the worker's cache names: this prefix and the runtime's key
const FILES = ["pyodide.asm.wasm", "pyodide.asm.mjs", "stdlib.zip", "selfcheck.zip"]  // what a first start needs

async function warmUp() {
  if (typeof caches === "undefined" || navigator.connection?.saveData) return  // no cache, or the visitor saves data
  const manifestUrl = dataUrl("runtime.json")
  const manifest = await (await fetch(manifestUrl)).json()
  const cache = await caches.open(CACHE_PREFIX + manifest.key)
  const folder = new URL(manifest.folder, manifestUrl)  // named relative to the manifest
  for (const name of FILES) {  // one at a time: the page's own requests come first
    const url = new URL(name, folder).href
    if (await cache.match(url)) continue
    const response = await fetch(url, { priority: "low" })
    if (!response.ok) return
    await cache.put(url, new Response(response.body, {
      headers: { "Content-Type": response.headers.get("Content-Type") || "application/octet-stream" } }))
  }
  console.info("Python: środowisko pobrane zawczasu; narzędzia samooceny uruchomią się szybciej.")
}

const idle = callback => "requestIdleCallback" in globalThis ? requestIdleCallback(callback, { timeout: 5_000 })
  : setTimeout(callback, 2_000)
idle(() => warmUp().catch(error => console.info(`Python: nie pobrano środowiska zawczasu (${error}).`)))
