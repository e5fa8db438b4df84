// The catalog's filters and orders: shows, hides and orders the entries the build wrote, by their
// data-filter-<name> and data-rank-<order> attributes, and says how many are shown with the line
// the build wrote for that number. The choice is kept in the address (address.mjs).

import { inAddress, keepInAddress } from "./address.mjs"

const form = document.querySelector("[data-catalog-filters]")
const list = document.querySelector("[data-catalog-list]")
if (form && list) start(form, list)

function start(form, list) {
  const items = [...list.children]
  const controls = [...form.elements].filter((control) => control.name)
  const sort = form.querySelector("[data-catalog-sort]")
  const count = form.querySelector("[data-catalog-count]")
  const messages = JSON.parse(count.dataset.messages)

  // A control's value when something is chosen; "" when it leaves the list as built (its first option).
  const chosen = (control) => control.type === "checkbox"
    ? (control.checked ? control.value : "")
    : (control.selectedIndex > 0 ? control.value : "")

  function setControls(value) {
    for (const control of controls) {
      if (control.type === "checkbox") control.checked = value(control) === control.value
      else control.selectedIndex = Math.max(0, [...control.options].findIndex((option) => option.value === value(control)))
    }
  }

  function show() {
    const filters = controls.filter((control) => control !== sort && chosen(control))
    let shown = 0
    for (const item of items) {
      item.hidden = !filters.every((control) => item.getAttribute(`data-filter-${control.name}`) === chosen(control))
      if (!item.hidden) shown += 1
    }
    const rank = (item) => Number(item.getAttribute(`data-rank-${sort.value}`))
    list.append(...[...items].sort((a, b) => rank(a) - rank(b)))
    // The status line is announced when its text changes: only then.
    if (count.textContent !== messages[shown]) count.textContent = messages[shown]
  }

  function changed() {
    show()
    keepInAddress(Object.fromEntries(controls.map((control) => [control.name, chosen(control)])))
  }

  form.addEventListener("change", changed)
  form.addEventListener("submit", (event) => event.preventDefault())
  form.querySelector("[data-catalog-reset]").addEventListener("click", () => {
    setControls(() => "")
    changed()
  })
  setControls((control) => inAddress(control.name))
  show()
  form.dataset.ready = ""
}
