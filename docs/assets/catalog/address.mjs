// The catalog pages keep a reader's choice in the address's query (?prk=5, ?a=…&b=…), so a chosen
// view can be shared as a link, and a reload or the way back to the page finds it as it was left.

/** The value of `name` in the address, "" when it has none. */
export function inAddress(name) {
  return new URLSearchParams(location.search).get(name) ?? ""
}

/** Writes {name: value} into the address; an empty value takes its name out. Other keys stay. */
export function keepInAddress(values) {
  const params = new URLSearchParams(location.search)
  for (const [name, value] of Object.entries(values)) {
    if (value) params.set(name, value)
    else params.delete(name)
  }
  const query = params.toString()
  // Replaced, not pushed: trying choices adds no steps to "back"; the page is left with its choice in the address.
  history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`)
}
