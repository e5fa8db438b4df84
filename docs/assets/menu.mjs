// Escape leaves the theme's navigation drawer on a narrow screen. Material shows the drawer when the
// menu button is pressed, or while keyboard focus is inside it, but no key closes it: a keyboard user
// who tabbed into a long menu had to tab through all of it to reach the page again.

const drawer = document.getElementById("__drawer")
const sidebar = document.querySelector(".md-sidebar--primary")
// Material's own breakpoint: below it the primary sidebar is a drawer over the page.
const narrow = matchMedia("(max-width: 76.234375em)")

addEventListener("keydown", event => {
  if (event.key !== "Escape" || event.defaultPrevented || !drawer || !sidebar || !narrow.matches) return
  const inside = sidebar.contains(document.activeElement)
  if (!drawer.checked && !inside) return
  if (drawer.checked) drawer.click()  // as the menu button does, so the theme's own state follows
  if (inside || document.activeElement === document.body) {
    // Back where the skip link leads: the page's heading.
    const heading = document.querySelector(".md-content h1")
    if (heading) {
      heading.tabIndex = -1
      heading.focus()
    }
  }
})
