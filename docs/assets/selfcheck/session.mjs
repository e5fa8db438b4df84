// One page's connection to Python and to the candidate's saved progress (the same on every tool page):
//   const session = openSession(box?)       starts Python, reads the saved progress once; notes about
//                                            it go to `box` (default: a box under the status line)
//   await session.loaded                     the saved progress is known (rejects if Python cannot start)
//   await session.call("check", ...args)     calls selfcheck.api with the saved state as its first argument;
//                                            the state Python returns becomes the page's state
//   session.save()                           stores it; false when the browser did not keep it
//   session.pageMessage()                    the box under the status line for page-wide notes
// Page links come from the status box's data-* attributes (written by the build), never built here.
import { notice } from "./forms.mjs"
import { startPython } from "./python.mjs"
import { loadState, storage } from "./storage.mjs"

export function openSession(messageBox = null) {
  const python = startPython()
  const status = document.getElementById("sc-status")
  let state = null, box = messageBox
  const pageMessage = () => {
    if (!box) { box = document.createElement("div"); status.after(box) }
    return box
  }
  const loaded = python.ready.then(() => loadState(python)).then(({ state: saved, message, warning }) => {
    state = saved
    if (message) notice(pageMessage(), message, warning ? "warning" : "info")
  })
  loaded.catch(() => {})
  return {
    python,
    loaded,
    pageMessage,
    get state() { return state },
    /** Replace the page's state with one Python checked (an imported file), or null to start afresh. */
    replace(checked) { state = checked },
    async call(type, ...args) {
      await loaded
      const out = await python.call(type, state ? JSON.stringify(state) : "", ...args)
      if (out.state) state = out.state
      return out
    },
    save() { return storage.save(state) },
    /** A page's URL from the status box: data-url-<name> (e.g. "raport", "efekty"). */
    link(name) { return new URL(status.dataset[`url${name[0].toUpperCase()}${name.slice(1)}`] || "", location.href) },
  }
}
