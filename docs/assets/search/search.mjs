// The search box in the header (overrides/partials/site-search.html): starts the search worker the
// first time the visitor goes to the box or types, sends each query and draws the results (in a
// catalog, each with the name of its qualification).
// Keyboard: "/" or "s" goes to the box; ↓ and ↑ move through the results; Enter opens the first
// result (or the one focused); Escape closes the results, a second Escape leaves the box.
// Results are drawn as text (textContent), never as HTML: the index holds the site's text.
import { el } from "../dom.mjs"

const box = document.querySelector("[data-site-search]")
if (box) setUp(box)

function setUp(box) {
  const input = box.querySelector("input[type=search]")
  const panel = box.querySelector(".site-search__panel")
  const status = box.querySelector(".site-search__status")
  const hint = box.querySelector(".site-search__hint")
  const list = box.querySelector(".site-search__results")
  const base = new URL(box.dataset.base.replace(/\/?$/, "/"), location.href)
  let worker = null
  let asked = 0   // the id of the latest query: older answers are dropped
  let shown = ""  // the query whose results are shown

  function start() {
    if (worker) return
    const url = new URL(box.dataset.worker, location.href)
    url.searchParams.set("index", new URL(box.dataset.index, location.href).href)
    if (box.dataset.catalog) url.searchParams.set("catalog", new URL(box.dataset.catalog, location.href).href)
    worker = new Worker(url, { type: "module" })
    worker.addEventListener("message", ({ data }) => { if (data.id === asked) draw(data) })
    worker.addEventListener("error", () => say(box.dataset.textFailed, ""))
    worker.postMessage({ id: asked, query: "" })  // fetches the index while the visitor types
  }

  function ask() {
    start()
    const query = input.value
    if (!query.trim()) { close(); shown = ""; return }
    asked += 1
    if (!shown) say(box.dataset.textLoading, "")
    worker.postMessage({ id: asked, query })
  }

  function say(text, hintText) {
    panel.hidden = false
    status.textContent = text
    hint.textContent = hintText
    hint.hidden = !hintText
  }

  // In a catalog a query may get two answers: the page's own results at once, then the others'.
  // Each is announced to the page as a "site-search:answer" event (the tests and the benchmark
  // read what was found and fetched).
  let redrawing = false
  function draw(answer) {
    box.dispatchEvent(new CustomEvent("site-search:answer", { detail: answer }))
    if (answer.error) { say(box.dataset.textFailed, ""); return }
    if (!answer.query.trim() || answer.query !== input.value) return
    shown = answer.query
    // The second answer redraws the list: a visitor already on a result stays on it (or on the
    // result now at its place), never thrown back to the page.
    const focused = list.contains(document.activeElement) ? document.activeElement : null
    const links = () => [...list.querySelectorAll("a")]
    const at = focused ? links().indexOf(focused) : -1
    redrawing = true  // the focused link leaves the page with the old list: that is no leaving the box
    list.replaceChildren(...answer.results.map(result))
    redrawing = false
    if (focused) {
      const same = links().find(link => link.href === focused.href)
      ;(same || links()[Math.min(at, links().length - 1)] || input).focus()
    }
    say(answer.done || answer.total ? answer.count : box.dataset.textMore, answer.hint)
  }

  function result(found) {
    const link = el("a", null, { href: new URL(found.url, base).href, className: "site-search__link" })
    if (found.label) link.append(el("span", found.label, { className: "site-search__qualification" }))
    link.append(el("span", found.title, { className: "site-search__page" }))
    if (found.heading.length) link.append(parts(el("span", null, { className: "site-search__heading" }), found.heading))
    if (found.snippet.length) link.append(parts(el("span", null, { className: "site-search__snippet" }), found.snippet))
    link.addEventListener("click", close)  // a link to this same page only moves to the section
    const item = el("li")
    item.append(link)
    return item
  }

  function close() {
    panel.hidden = true
  }

  const links = () => [...list.querySelectorAll("a")]

  input.addEventListener("focus", start, { once: true })
  input.addEventListener("input", ask)
  input.addEventListener("focus", () => { if (shown && input.value === shown) panel.hidden = false })
  box.querySelector("form").addEventListener("submit", event => {
    event.preventDefault()
    const first = links()[0]
    if (first && shown === input.value) first.click()
  })
  box.addEventListener("keydown", event => {
    const all = links()
    const at = all.indexOf(document.activeElement)
    if (event.key === "ArrowDown" && all.length && !panel.hidden) {
      event.preventDefault()
      all[Math.min(at + 1, all.length - 1)].focus()
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault()
      ;(at === 0 ? input : all[at - 1]).focus()
    } else if (event.key === "Escape") {
      // The first Escape closes the results and keeps the query (a search field would clear it).
      if (!panel.hidden) { event.preventDefault(); close(); input.focus() } else input.blur()
    }
  })
  // Leaving the box (Tab away, a tap elsewhere) closes the results.
  box.addEventListener("focusout", event => { if (!redrawing && !box.contains(event.relatedTarget)) close() })
  document.addEventListener("keydown", event => {
    const target = event.target
    const typing = target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName)
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s")) {
      event.preventDefault()
      input.focus()
    }
  })
}

// Text parts [{text, mark}] into `node`: the found words in <mark>.
function parts(node, list) {
  node.append(...list.map(part => (part.mark ? el("mark", part.text) : document.createTextNode(part.text))))
  return node
}
