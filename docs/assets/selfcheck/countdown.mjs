// The clock of a timed test or practical exam. Python words the time left (selfcheck.api.time_left);
// this file asks once a second and shows the answer, and calls `onEnd` once the time is up.
import { now } from "./forms.mjs"

/** Show the time left to `deadline` in `element`; returns a function that stops the clock. */
export function startCountdown(python, element, deadline, onEnd) {
  let stopped = false, asking = false
  const stop = () => { stopped = true; clearInterval(timer) }
  const tick = async () => {
    if (stopped || asking) return
    asking = true  // a slow answer is not asked again on top of itself
    try {
      const left = await python.call("time_left", deadline, now())
      if (stopped) return
      element.textContent = left.text
      if (left.seconds === 0) { stop(); onEnd() }
    } catch {
      // Python not answering: the page has said so in its status line; the deadline still holds in Python.
    } finally {
      asking = false
    }
  }
  const timer = setInterval(tick, 1000)
  tick()
  return stop
}
