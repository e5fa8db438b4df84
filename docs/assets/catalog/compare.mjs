// Two qualifications side by side: fills the table the build wrote with the cells it wrote for the
// two chosen in the selects (data-qualifications: sitegen/catalog_pages.py compare_cells). The two
// are kept in the address (?a=…&b=…, address.mjs); a link from the catalog names one (?a=…).

import { el } from "../dom.mjs"
import { inAddress, keepInAddress } from "./address.mjs"

const root = document.querySelector("[data-compare]")
if (root) start(root)

function start(root) {
  const qualifications = new Map(JSON.parse(root.dataset.qualifications).map((q) => [q.slug, q]))
  const selects = [...root.querySelectorAll("select")]
  const heads = [...root.querySelectorAll("[data-compare-column]")]
  const rows = [...root.querySelectorAll("[data-compare-row]")]
  const message = root.querySelector("[data-compare-message]")

  const named = (select) => qualifications.has(inAddress(select.name))

  function fromAddress() {
    for (const select of selects) {
      if (named(select)) select.value = inAddress(select.name)
    }
    // Where the address names only one and the other's default is the same, the other becomes the first that differs.
    const [first, second] = selects
    const free = !named(second) ? second : !named(first) ? first : null
    const fixed = free === first ? second : first
    if (free && first.value === second.value) free.value = [...qualifications.keys()].find((slug) => slug !== fixed.value)
  }

  const item = (one) => one.href ? el("a", one.text, { href: one.href }) : document.createTextNode(one.text)

  function cell(items) {
    if (items.length === 1) return [item(items[0])]
    const listed = el("ul")
    listed.append(...items.map((one) => {
      const entry = el("li")
      entry.append(item(one))
      return entry
    }))
    return [listed]
  }

  function draw() {
    const chosen = selects.map((select) => qualifications.get(select.value))
    chosen.forEach((q, column) => {
      heads[column].replaceChildren(el("a", q.name, { href: q.url }))
      for (const row of rows) row.cells[column].replaceChildren(...cell(q.cells[row.dataset.compareRow]))
    })
    const same = chosen[0] === chosen[1] ? message.dataset.same : ""
    if (message.textContent !== same) message.textContent = same
  }

  root.addEventListener("change", () => {
    draw()
    keepInAddress(Object.fromEntries(selects.map((select) => [select.name, select.value])))
  })
  fromAddress()
  draw()
  root.dataset.ready = ""
}
