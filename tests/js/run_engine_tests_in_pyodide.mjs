// Run the engine's unit tests (tests/engine, standard-library unittest) inside real Pyodide
// under Node: the same files that CPython runs, against the same selfcheck package.
// Usage: node run_engine_tests_in_pyodide.mjs PROJECT_ROOT   (exit code 0 when all pass)
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { loadPyodide } from "pyodide"

const root = process.argv[2]
const pyodide = await loadPyodide()
pyodide.setStdout({ batched: line => console.log(line) })
pyodide.setStderr({ batched: line => console.error(line) })

// Copy the package and the tests into Pyodide's file system, keeping their paths.
for (const dir of ["selfcheck", "tests", "tests/engine"]) {
  pyodide.FS.mkdirTree(`/project/${dir}`)
  for (const name of readdirSync(join(root, dir)).filter(n => n.endsWith(".py")))
    if (dir !== "tests" || name === "__init__.py")
      pyodide.FS.writeFile(`/project/${dir}/${name}`, readFileSync(join(root, dir, name)))
}

const failures = pyodide.runPython(`
import sys, unittest
sys.path.insert(0, "/project")
print("Python", sys.version.split()[0], "on", sys.platform)
suite = unittest.defaultTestLoader.discover("/project/tests/engine", top_level_dir="/project")
result = unittest.TextTestRunner(stream=sys.stdout, verbosity=1).run(suite)
len(result.failures) + len(result.errors) + (0 if result.testsRun else 1)
`)
process.exit(failures ? 1 : 0)
