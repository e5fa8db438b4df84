// One quiz page's connection to Python and to the candidate's saved progress (the record's
// "progress" section, record.mjs), the same on every quiz page:
//   const session = openSession(box?)       starts Python, reads the saved progress once; notes about
//                                            it go to `box` (default: a box under the status line)
//   await session.loaded                     the saved progress is known (rejects if Python cannot start)
//   await session.call("answered", ...args)  a call of selfcheck.api that only reads the progress
//   await session.change("check", [...args]) a call that changes it: made on the newest stored version
//                                            and stored; out.saved says whether the browser kept it
//   session.onChange(fn)                     another tab changed the progress: fn() redraws
//   session.saveFile()                       the progress file, with the newest progress in it
//   session.pageMessage()                    the box under the status line for page-wide notes
// Page links come from the status box's data-* attributes (written by the build), never built here.
import { notice } from "./forms.mjs"
import { offerProgressFile, saveRecordFile } from "./progress-file.mjs"
import { startPython } from "./python.mjs"
import { SECTIONS, openSection } from "./record.mjs"

export function openSession(messageBox = null) {
  const python = startPython()
  const status = document.getElementById("sc-status")
  let box = messageBox
  const pageMessage = () => {
    if (!box) { box = document.createElement("div"); status.after(box) }
    return box
  }
  const progress = openSection(SECTIONS.progress, {
    what: "postępów",
    read: raw => python.call("load", raw),
    invoke: (type, state, args) => python.call(type, ...(state === null ? [] : [state]), ...args),
  })
  const loaded = python.ready.then(() => progress.open()).then(({ message, warning }) => {
    if (message) notice(pageMessage(), message, warning ? "warning" : "info")
  })
  loaded.catch(() => {})
  progress.onChange(found => {
    if (found.message) notice(pageMessage(), found.message, found.warning ? "warning" : "info")
  })
  offerProgressFile(python)
  return {
    python,
    loaded,
    pageMessage,
    get state() { return progress.state },
    async call(type, ...args) {
      await loaded
      return progress.call(type, ...args)
    },
    async change(type, args = [], options = {}) {
      await loaded
      return progress.change(type, args, options)
    },
    onChange: listener => progress.onChange(listener),
    /** The progress file with this page's newest progress (for when the browser would not store it). */
    saveFile: () => saveRecordFile(python, { progress: progress.state }),
    /** A page's URL from the status box: data-url-<name> (e.g. "raport", "efekty"). */
    link(name) { return new URL(status.dataset[`url${name[0].toUpperCase()}${name.slice(1)}`] || "", location.href) },
  }
}
