// The one helper the tool pages and the site search draw with: an element with its properties and its text (never HTML).

/** `el("p", "text", {className: "x"})`: the text, when given, is set as textContent. */
export function el(tag, text, attrs = {}) {
  const node = Object.assign(document.createElement(tag), attrs)
  if (text !== undefined && text !== null) node.textContent = text
  return node
}
