// Run the engine's unit tests (tests/engine, standard-library unittest) inside real Pyodide
// under Node: the same files that CPython runs, against the same selfcheck package.
// Usage: node run_engine_tests_in_pyodide.mjs PROJECT_ROOT [PURE_PYTHON_PACKAGE_DIR ...]
//   The package directories and modules (e.g. hypothesis from the test virtualenv) are copied into
//   Pyodide's site-packages, so the property-based tests run there too. Exit code 0 when all pass.
import { readdirSync, readFileSync, statSync } from "node:fs"
import { basename, join } from "node:path"
import { loadPyodide } from "pyodide"

const [root, ...libraries] = process.argv.slice(2)
const pyodide = await loadPyodide()
pyodide.setStdout({ batched: line => console.log(line) })
pyodide.setStderr({ batched: line => console.error(line) })

// Copy the package (with its subpackages, e.g. selfcheck/crm) and the tests into Pyodide's file
// system, keeping their paths.
copyTree(join(root, "selfcheck"), "/project/selfcheck")
for (const dir of ["tests", "tests/engine"]) {
  pyodide.FS.mkdirTree(`/project/${dir}`)
  for (const name of readdirSync(join(root, dir)).filter(n => n.endsWith(".py")))
    if (dir !== "tests" || name === "__init__.py")
      pyodide.FS.writeFile(`/project/${dir}/${name}`, readFileSync(join(root, dir, name)))
}

function copyTree(from, to) {
  pyodide.FS.mkdirTree(to)
  for (const name of readdirSync(from)) {
    if (name === "__pycache__") continue
    const path = join(from, name)
    statSync(path).isDirectory() ? copyTree(path, `${to}/${name}`) : pyodide.FS.writeFile(`${to}/${name}`, readFileSync(path))
  }
}
pyodide.FS.mkdirTree("/libraries")
for (const library of libraries)
  statSync(library).isDirectory() ? copyTree(library, `/libraries/${basename(library)}`)
    : pyodide.FS.writeFile(`/libraries/${basename(library)}`, readFileSync(library))

const failures = pyodide.runPython(`
import sys, unittest
sys.path.insert(0, "/project")
sys.path.insert(1, "/libraries")
print("Python", sys.version.split()[0], "on", sys.platform)
suite = unittest.defaultTestLoader.discover("/project/tests/engine", top_level_dir="/project")
result = unittest.TextTestRunner(stream=sys.stdout, verbosity=1).run(suite)
len(result.failures) + len(result.errors) + (0 if result.testsRun else 1)
`)
process.exit(failures ? 1 : 0)
