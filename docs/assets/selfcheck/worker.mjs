// Module Web Worker: starts Python (Pyodide), imports the `selfcheck` package, answers messages.
// Messages in: {id, type, args} (a call of selfcheck.api[type]; with `practical: true`, of the
// practical module's api) or {warm: true} (the page is idle: fetch what makes the next visit fast).
// A page that uses the practical module starts this worker as worker.mjs?practical: the module's zip
// and data (runtime.json names them) are then fetched with the rest and its api set up after the
// core's. Other pages fetch them only if a practical call comes (loading a progress file that holds
// practical work), once. Out: {type: "progress" | "ready" | "failed"} or {id, result | error}.
// All checking, scoring and date handling happen in Python; this file only passes messages and
// fetches files.
//
// Which runtime to start comes from runtime.json (written by sitegen/python_runtime.py): one folder
// per build, so files of two builds never mix. Its files are kept in Cache Storage, so a later
// visit downloads nothing. Start-up, fastest first:
//   1. a memory snapshot of Python with selfcheck.api imported (fetched in the background after a
//      first visit): restored in about a second; if it fails in any way, a console note and 2.;
//   2. Pyodide with a small precompiled standard library (stdlib.zip), then `import selfcheck.api`.

const STEPS = 4
let steps = STEPS
let failed = false  // after a failed start, downloads still running report no progress
const progress = (step, label) => failed || postMessage({ type: "progress", step, steps, label })
// The same environment as when the snapshot was made (sitegen/python_runtime.mjs).
const ENV = { LANG: "C.UTF-8", TZ: "UTC" }
const APP = "/home/pyodide/app"
const CACHE_PREFIX = "selfcheck-python-"
const WANTS_PRACTICAL = new URL(import.meta.url).searchParams.has("practical")
// The qualification's data folder (its bank, runtime manifest, practical data), named by the page
// that started this worker (data-base.mjs); the folder of this script when none is named.
const DATA = new URL(new URL(import.meta.url).searchParams.get("data") || "./", import.meta.url)

/** A failure the page can explain: `reason` is "download" (a file did not arrive), "offline",
 *  "wasm" (no WebAssembly) or "other". */
class StartFailure extends Error {
  constructor(reason, message) {
    super(message)
    this.reason = reason
  }
}

const unreachable = path => new StartFailure(navigator.onLine === false ? "offline" : "download", `${path}: brak połączenia`)

async function fetchOk(url, options) {
  const name = String(url).split("/").pop()
  let response
  try {
    response = await fetch(url, options)
  } catch {
    throw unreachable(name)
  }
  if (!response.ok) throw new StartFailure("download", `${name}: HTTP ${response.status}`)
  return response
}

/** "3,1 z 5,4 MB": bytes in megabytes (10^6), one decimal, Polish decimal comma. The only numbers
 *  this file words itself: Python, which words every other, is what is being downloaded. */
function megabytesOf(part, whole) {
  const number = bytes => (bytes / 1e6).toFixed(1).replace(".", ",")
  return `${number(Math.min(part, whole))} z ${number(whole)} MB`
}

/** The runtime's files: from Cache Storage when this browser has them, else from the site (then
 *  stored). Downloads are counted for the progress message, in the bytes the server sends. */
class Files {
  constructor(manifest, cache) {
    this.folder = new URL(manifest.folder, manifest.url)  // the runtime folder, named relative to the manifest
    this.sizes = manifest.files
    this.cache = cache
    this.lockInfo = manifest.lock_info
    this.stdlibFull = manifest.stdlib_full
    this.expected = 0        // bytes (as sent) of what this start downloads
    this.received = 0
    this.onProgress = () => {}
    // Rejects when a download breaks off midway: Pyodide would wait forever for the rest of its wasm.
    this.failed = new Promise((_, reject) => { this.fail = reject })
    this.failed.catch(() => {})
  }

  url(name) {
    return new URL(name, this.folder).href
  }

  async cached(name) {
    try {
      return this.cache ? (await this.cache.match(this.url(name))) || null : null
    } catch {
      return null
    }
  }

  /** A Response for `name`, cached or fetched; a fetched one is stored on the way. */
  async get(name, { store = true, priority = "auto" } = {}) {
    const hit = await this.cached(name)
    if (hit) return hit
    const response = await fetchOk(this.url(name), { priority })
    // Count what arrives: the stream gives bytes as read (after the server's gzip is undone), so
    // scale them to what the server sent for the whole file.
    const size = this.sizes[name] || { bytes: 0, sent: 0 }
    const scale = size.bytes ? size.sent / size.bytes : 1
    const reader = response.body.getReader()
    const counted = new ReadableStream({
      pull: async controller => {
        let chunk
        try {
          chunk = await reader.read()
        } catch (error) {
          this.fail(unreachable(name))
          controller.error(error)
          return
        }
        if (chunk.done) return controller.close()
        this.received += chunk.value.byteLength * scale
        this.onProgress()
        controller.enqueue(chunk.value)
      },
      cancel: reason => reader.cancel(reason),
    })
    const [forPage, forCache] = counted.tee()
    const headers = { "Content-Type": response.headers.get("Content-Type") || "application/octet-stream" }
    if (store && this.cache) {
      this.cache.put(this.url(name), new Response(forCache, { headers }))
        .catch(error => console.info(`Pamięć podręczna: nie zapisano ${name} (${error}).`))
    } else {
      forCache.cancel()
    }
    return new Response(forPage, { headers })
  }

  async bytes(name, options) {
    const response = await this.get(name, options)
    try {
      return new Uint8Array(await response.arrayBuffer())
    } catch {
      throw unreachable(name)  // the connection broke mid-file
    }
  }
}

async function openCache(key) {
  if (typeof caches === "undefined") return null  // no Cache Storage (e.g. not a secure origin): the HTTP cache only
  try {
    for (const name of await caches.keys())
      if (name.startsWith(CACHE_PREFIX) && name !== CACHE_PREFIX + key) await caches.delete(name)  // an older build
    return await caches.open(CACHE_PREFIX + key)
  } catch {
    return null
  }
}

/** Pyodide fetches the wasm itself (and compiles it while it streams in): hand it the response we
 *  already have (so a missing file is known before Pyodide waits for it), cached and counted. */
function routeFetches(url, response) {
  const own = globalThis.fetch
  globalThis.fetch = (input, options) => String(input instanceof Request ? input.url : input) === url
    ? Promise.resolve(response) : own(input, options)
  return () => { globalThis.fetch = own }
}

/** Why loadPyodide() failed, from what it reports: a missing file, no network, or something else. */
function explain(error) {
  if (error instanceof StartFailure) return error
  const text = String(error && error.message || error)
  if (navigator.onLine === false) return new StartFailure("offline", text)
  if (/\b(404|403|410|5\d\d)\b|Failed to fetch|NetworkError|network error|Load failed/i.test(text)) return new StartFailure("download", text)
  return new StartFailure("other", text)
}

/** Every runtime file asked for at once (the network and the server work in parallel, and the
 *  wasm streams into its compiler as it arrives); each promise is used once. */
function fetchRuntime(files) {
  const runtime = {
    loader: import(files.url("pyodide.mjs")).catch(async () => {
      await fetchOk(files.url("pyodide.mjs"), { method: "HEAD", cache: "no-store" })  // names a missing file
      throw new StartFailure("other", "pyodide.mjs nie uruchomił się")
    }),
    // The runtime's JavaScript, imported from the cached copy when there is one.
    script: files.get("pyodide.asm.mjs").then(async response => URL.createObjectURL(
      new Blob([await response.arrayBuffer()], { type: "text/javascript" }))),
    stdlib: files.bytes("stdlib.zip").then(bytes => URL.createObjectURL(new Blob([bytes]))),
    wasm: files.get("pyodide.asm.wasm"),
  }
  for (const promise of Object.values(runtime)) promise.catch(() => {})  // awaited below, or dropped on a failed start
  return runtime
}

async function loadPyodideFrom(files, options, runtime = fetchRuntime(files)) {
  const loader = await runtime.loader
  const script = await runtime.script
  const stdlib = await runtime.stdlib
  const restore = routeFetches(files.url("pyodide.asm.wasm"), await runtime.wasm)
  try {
    const createPyodideModule = (await import(script)).default
    return await Promise.race([files.failed, loader.loadPyodide({
      indexURL: files.folder.href, stdLibURL: stdlib, createPyodideModule, env: { ...ENV },
      lockFileContents: { info: files.lockInfo, packages: {} },
      ...options,
    })])
  } finally {
    restore()
    URL.revokeObjectURL(script)
    URL.revokeObjectURL(stdlib)
  }
}

function unpackApp(pyodide, archive) {
  pyodide.unpackArchive(archive, "zip", { extractDir: APP })
  pyodide.runPython(`import sys\nif ${JSON.stringify(APP)} not in sys.path: sys.path.insert(0, ${JSON.stringify(APP)})`)
  // A standard-library module missing from stdlib.zip is fetched from the full library, not an ImportError.
  const { file, modules } = files.stdlibFull
  pyodide.pyimport("stdlib_fallback").install(files.url(file), pyodide.toPy(modules))
}

/** Python restored from the snapshot, checked; null (with a console note) when anything is wrong. */
async function fromSnapshot(files, app, runtime) {
  const cached = await files.cached("snapshot.bin")
  if (!cached) return null
  try {
    const snapshot = new Uint8Array(await cached.arrayBuffer())
    const pyodide = await loadPyodideFrom(files, { _loadSnapshot: snapshot }, runtime)
    unpackApp(pyodide, app)
    // The snapshot carries its maker's random state: a new one for this visit. (Its clock zone is
    // UTC, which nothing reads: the page sends every moment with the visitor's offset.)
    const check = pyodide.runPython(`
import random, sys
random.seed()
import selfcheck.api
"selfcheck.api" in sys.modules and callable(selfcheck.api.setup)`)
    if (check !== true) throw new Error("selfcheck.api niedostępne po odtworzeniu")
    return pyodide
  } catch (error) {
    console.info(`Python: migawka pamięci nie dała się odtworzyć (${error && error.message || error}); zwykłe uruchomienie.`)
    try { await files.cache?.delete(files.url("snapshot.bin")) } catch { /* nothing to remove */ }
    return null
  }
}

let files = null
let snapshotWanted = false

async function start() {
  if (typeof WebAssembly !== "object") throw new StartFailure("wasm", "WebAssembly niedostępne")
  const manifestUrl = new URL("runtime.json", DATA)
  const manifest = { ...await (await fetchOk(manifestUrl)).json(), url: manifestUrl.href }
  files = new Files(manifest, await openCache(manifest.key))
  const practical = WANTS_PRACTICAL ? manifest.practical : null
  if (WANTS_PRACTICAL && !practical) throw new StartFailure("other", NO_PRACTICAL)
  const needed = ["pyodide.asm.mjs", "pyodide.asm.wasm", "stdlib.zip", "selfcheck.zip", ...(practical ? [practical.zip] : [])]
  const found = await Promise.all([...needed, "snapshot.bin"].map(name => files.cached(name)))
  const missing = needed.filter((_, n) => !found[n])
  const hasSnapshot = Boolean(found.at(-1))
  snapshotWanted = !hasSnapshot && Boolean(files.cache)

  if (missing.length) {
    files.expected = missing.reduce((sum, name) => sum + (manifest.files[name]?.sent || 0), 0)
    const say = () => progress(1, `Pobieranie środowiska Python: ${megabytesOf(files.received, files.expected)} ` +
                                  "(tylko za pierwszym razem)…")
    let last = 0
    files.onProgress = () => {  // at most one message per 100 kB
      if (files.received - last >= 1e5) { last = files.received; say() }
    }
    say()
  } else {
    progress(1, "Uruchamianie Pythona…")
  }
  const runtime = fetchRuntime(files)
  const [app, module, texts] = await Promise.all([
    files.bytes("selfcheck.zip"),
    practical ? practicalFiles(practical) : null,
    Promise.all(["../../dane/qualification.json", "bank.json"].map(async path =>
      (await fetchOk(new URL(path, DATA))).text())),
  ])

  let pyodide = hasSnapshot ? await fromSnapshot(files, app, runtime) : null
  if (!pyodide) {
    try {
      // After a failed restore the files are fetched again (from the cache by now): each is used once.
      pyodide = await loadPyodideFrom(files, {}, hasSnapshot ? fetchRuntime(files) : runtime)
    } catch (error) {
      throw explain(error)
    }
    files.onProgress = () => {}
    progress(2, "Uruchamianie modułu samooceny…")
    unpackApp(pyodide, app)
  }
  const api = pyodide.pyimport("selfcheck.api")
  progress(3, "Wczytywanie pytań…")
  api.setup(texts[0], texts[1])
  const started = { pyodide, api, manifest, qualification: texts[0], practicalApi: null }
  if (practical) started.practicalApi = setUpPractical(started, module)
  progress(4, "Gotowe.")
  return started
}

const NO_PRACTICAL = "ta kwalifikacja nie ma części praktycznej"

/** The practical module's zip and its data (JSON text). */
async function practicalFiles(practical) {
  return Promise.all([files.bytes(practical.zip), fetchOk(new URL(practical.data, DATA)).then(r => r.text())])
}

function setUpPractical({ pyodide, manifest, qualification }, [zip, data]) {
  pyodide.unpackArchive(zip, "zip", { extractDir: APP })
  const practicalApi = pyodide.pyimport(`${manifest.practical.package}.api`)
  const answer = JSON.parse(practicalApi.setup(qualification, data))
  if (!answer.ok) throw new StartFailure("other", answer.error)
  return practicalApi
}

/** The practical module's api, loaded now if this page did not start with it. */
let practicalLoading = null
async function practicalApi(started) {
  if (started.practicalApi) return started.practicalApi
  if (!started.manifest.practical) throw new Error(NO_PRACTICAL)
  practicalLoading ||= practicalFiles(started.manifest.practical).then(parts => (started.practicalApi = setUpPractical(started, parts)))
  return practicalLoading
}

/** After a first visit, when the page is idle: fetch the snapshot (gzipped on the server, kept
 *  unpacked here) at low priority, so the next visit starts in about a second. */
async function warm() {
  if (!snapshotWanted || !files) return
  snapshotWanted = false
  try {
    const packed = await fetchOk(files.url("snapshot.bin.gz"), { priority: "low" })
    const body = packed.body.pipeThrough(new DecompressionStream("gzip"))
    await files.cache.put(files.url("snapshot.bin"), new Response(body, { headers: { "Content-Type": "application/octet-stream" } }))
    console.info("Python: migawka pamięci zapisana; następna wizyta uruchomi Pythona szybciej.")
  } catch (error) {
    console.info(`Python: migawka pamięci nie została zapisana (${error && error.message || error}); następna wizyta uruchomi Pythona zwykłą drogą.`)
    try { await files.cache.delete(files.url("snapshot.bin")) } catch { /* nothing stored */ }
  }
}

const ready = start()
ready.then(() => postMessage({ type: "ready" }),
           error => (failed = true) && postMessage({ type: "failed", reason: error.reason || "other", message: String(error && error.message || error) }))

addEventListener("message", async ({ data }) => {
  if (data.warm) {
    ready.then(warm, () => {})
    return
  }
  const { id, type, args, practical } = data
  try {
    const started = await ready
    const target = practical ? await practicalApi(started) : started.api
    if (!target || typeof target[type] !== "function") throw new Error(`Nieznana funkcja „${type}”.`)
    postMessage({ id, result: JSON.parse(target[type](...args)) })
  } catch (error) {
    postMessage({ id, error: String(error && error.message || error) })
  }
})
