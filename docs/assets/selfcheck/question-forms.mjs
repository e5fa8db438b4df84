// Question forms, fetched as they are needed. The build writes every question's form once, in one
// file per learning outcome (assets/selfcheck/questions/<outcome>.html, sitegen/pages.py), and lists
// where each question is in the page (#sc-question-index, data-index): a tool page holds only the forms it shows,
// never the whole bank. Forms already in the page (the practice page's first question) count as
// loaded. Parsed by DOMParser, which runs nothing; the files are the build's own output.
import { dataUrl } from "./data-base.mjs"

const where = document.getElementById("sc-question-index")

/** Every question in bank order: {id, set, outcome, criteria: [ids], part}. */
export const questions = where ? JSON.parse(where.dataset.index) : []
const partOf = new Map(questions.map(q => [q.id, q.part]))
const forms = new Map()    // id -> its form
const parts = new Map()    // part -> Promise of its forms being in `forms`
const arrivals = []        // callbacks for each form as it arrives

for (const form of document.querySelectorAll("form.sc-question[data-question]")) forms.set(form.dataset.question, form)

/** Run `callback(form)` for every form: those loaded already and each one that arrives later. */
export function eachForm(callback) {
  arrivals.push(callback)
  for (const form of forms.values()) callback(form)
}

/** The form of question `id` if it is loaded, else undefined. */
export const loadedForm = id => forms.get(id)

function load(part) {
  const promise = fetch(dataUrl(`questions/${part}.html`)).then(response => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    return response.text()
  }).then(html => {
    const parsed = new DOMParser().parseFromString(html, "text/html")
    for (const form of parsed.querySelectorAll("form.sc-question[data-question]")) {
      if (forms.has(form.dataset.question)) continue  // already in the page: keep that one and its answer
      const adopted = document.adoptNode(form)
      forms.set(adopted.dataset.question, adopted)
      for (const callback of arrivals) callback(adopted)
    }
  })
  parts.set(part, promise)
  promise.catch(() => parts.delete(part))  // the next call tries again
  return promise
}

/** A question file could not be fetched; the message is for the candidate. */
export class FormsUnavailable extends Error {}

/** The forms of the questions `ids`, in that order, fetching the files that hold them. Rejects with
 *  a sentence for the candidate when a file cannot be fetched. */
export async function formsOf(ids) {
  const needed = new Set(ids.filter(id => !forms.has(id) && partOf.has(id)).map(id => partOf.get(id)))
  try {
    await Promise.all([...needed].map(part => parts.get(part) || load(part)))
  } catch (error) {
    throw new FormsUnavailable("Nie udało się wczytać pytań (brak połączenia z witryną?). Odśwież stronę, gdy połączenie wróci; " +
                    `zapisane odpowiedzi się nie zmieniły. (${error.message})`)
  }
  return ids.map(id => forms.get(id)).filter(Boolean)
}
