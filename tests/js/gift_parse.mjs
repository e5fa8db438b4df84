// Parse a GIFT file with gift-pegjs (the npm package, a PEG grammar of GIFT) and print what it read.
// Usage: node gift_parse.mjs FILE
//   -> prints the parser's questions as JSON ({type, title, id, tags, stem, choices, …}; see its index.d.ts),
//      or exits 1 with the line and column of the first syntax error.
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
const { parse } = require("gift-pegjs")
const text = readFileSync(process.argv[2], "utf8")
try {
  process.stdout.write(JSON.stringify(parse(text)))
} catch (error) {
  const where = error.location ? `${error.location.start.line}:${error.location.start.column}` : "?"
  process.stderr.write(`${process.argv[2]}:${where}: ${error.message}\n`)
  process.exit(1)
}
