// Question forms: read and restore their fields, and show Python's feedback.
// The forms are built at build time; this file knows field names only, not question types.

import { storage } from "./storage.mjs"

/** {field name: [values]} of a question form, exactly as the form holds them. */
export function readFields(form) {
  const fields = {}
  for (const [name, value] of new FormData(form)) (fields[name] ||= []).push(String(value))
  return fields
}

export function restoreFields(form, fields) {
  for (const element of form.elements) {
    const values = fields?.[element.name]
    if (!Array.isArray(values)) continue
    if (element.type === "radio" || element.type === "checkbox") element.checked = values.includes(element.value)
    else if ("value" in element) element.value = values[0] ?? ""
  }
}

/** Keep every change as a draft, so nothing typed is lost before Python checks it. Drafts that
 *  cannot be read are set aside by the store; `messageBox` (an element, or a function making one)
 *  then says so. A draft that cannot be stored is said next to the form, once. `draftKey` names a
 *  form's draft: the mock test keeps its answers apart from practice ("test:<id>"). */
export function keepDrafts(forms, messageBox, draftKey = form => form.dataset.question) {
  const drafts = storage.drafts()
  if (storage.draftsProblem()) {
    notice(typeof messageBox === "function" ? messageBox() : messageBox, storage.draftsProblem(), "warning")
  }
  for (const form of forms) {
    restoreFields(form, drafts[draftKey(form)])
    const keep = () => {
      if (storage.saveDraft(draftKey(form), readFields(form)) || form.dataset.unsaved) return
      form.dataset.unsaved = "tak"
      warnNotSaved(form.querySelector(".sc-feedback"), null,
                   "Tej odpowiedzi nie udało się zapamiętać w przeglądarce (pamięć jest pełna albo zablokowana): " +
                   "po odświeżeniu strony zniknie.")
    }
    form.addEventListener("change", keep)
    form.addEventListener("input", keep)
  }
}

export const NOT_SAVED = "Nie udało się zapisać tego w przeglądarce (pamięć jest pełna albo zablokowana), więc po " +
  "zamknięciu strony zniknie. Zapisz postępy do pliku, żeby ich nie stracić."

/** Say next to where the candidate acted that the browser did not keep it, and offer the progress file
 *  (`saveFile()` downloads it; without it, only the message). */
export function warnNotSaved(box, saveFile, text = NOT_SAVED) {
  if (!box) return
  const note = document.createElement("p")
  note.className = "sc-message sc-message--warning sc-not-saved"
  note.append(text)
  if (saveFile) {
    const button = Object.assign(document.createElement("button"), {
      type: "button", className: "md-button", textContent: "Zapisz postępy do pliku",
    })
    button.addEventListener("click", saveFile)
    note.append(" ", button)
  }
  box.append(note)
  note.scrollIntoView({ block: "nearest" })
}

const VERDICTS = {
  correct: ["✔", "Dobrze"], partial: ["◐", "Częściowo dobrze"], wrong: ["✘", "Źle"],
  unanswered: ["–", "Bez odpowiedzi"], invalid: ["!", "Nie można sprawdzić"],
}

/** Show one result from Python in the question's feedback area; the text, not colour, says it. */
export function showFeedback(form, result) {
  const box = form.querySelector(".sc-feedback")
  box.replaceChildren()
  box.className = `sc-feedback sc-feedback--${result.verdict}`
  const [icon, label] = VERDICTS[result.verdict] || ["", ""]
  const head = document.createElement("p")
  head.className = "sc-feedback__verdict"
  head.innerHTML = `<span aria-hidden="true">${icon}</span> <strong></strong> `
  head.querySelector("strong").textContent = `${label}.`
  // Python's message adds what the label cannot say: the share of a point, or why it could not check.
  if (result.verdict === "partial" || result.verdict === "invalid" || result.verdict === "unanswered") head.append(result.message)
  box.append(head)
  if (result.verdict === "invalid") return
  // The question type's own notes (e.g. which rows of a matching were wrong), as Python wrote them.
  if (result.details?.length) {
    const list = document.createElement("ul")
    list.className = "sc-feedback__details"
    for (const text of result.details) list.append(Object.assign(document.createElement("li"), { textContent: text }))
    box.append(list)
  }
  for (const [title, text] of [["Poprawna odpowiedź", result.correct_answer], ["Wyjaśnienie", result.explanation],
                               ["Źródło", result.reference]]) {
    if (!text) continue
    const p = document.createElement("p")
    p.innerHTML = "<strong></strong>: "
    p.querySelector("strong").textContent = title
    p.append(text)
    box.append(p)
  }
}

/** Show `message` in `element`, keeping the element's own classes: other code finds it by them
 *  (a form's .sc-feedback, for one). */
export function notice(element, message, kind = "info") {
  if (!element) return
  element.textContent = message
  element.classList.remove("sc-message--info", "sc-message--warning")
  element.classList.add("sc-message", `sc-message--${kind}`)
  element.hidden = !message
}

/** This moment as ISO 8601 with the visitor's UTC offset ("2026-11-25T08:05:00+01:00"): Python shows
 *  saved times as the visitor's clock read them. */
export function now() {
  const moment = new Date(), offset = -moment.getTimezoneOffset(), size = Math.abs(offset)
  const local = new Date(moment.getTime() + offset * 60000).toISOString().slice(0, 19)
  const pad = n => String(n).padStart(2, "0")
  return `${local}${offset < 0 ? "-" : "+"}${pad(Math.floor(size / 60))}:${pad(size % 60)}`
}

/** Offer `data` as a JSON file download. */
export function downloadJson(filename, data) {
  const link = Object.assign(document.createElement("a"), {
    href: URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" })), download: filename,
  })
  document.body.append(link)
  link.click()
  link.remove()
}

/** A button that opens the hidden file input; `onText(name, text)` gets the chosen file's text. */
export function chooseFile(button, input, onText) {
  button.addEventListener("click", () => input.click())
  input.addEventListener("change", async () => {
    const file = input.files[0]
    input.value = ""  // choosing the same file again must fire "change" again
    if (file) await onText(file.name, await file.text())
  })
}
