// Imported first by every tool page, and with no imports of its own: whatever happens later in
// the page's modules (bad saved data, a failed import), a form never falls back to the browser's
// own submission, which would reload the page and lose what the candidate typed.
document.addEventListener("submit", event => {
  if (event.target.closest(".md-content")) event.preventDefault()
}, true)
