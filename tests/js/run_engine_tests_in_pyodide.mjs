// Run the engine's unit tests (tests/engine) and the simulated CRM's (tests/practical_crm), standard-library
// unittest, inside real Pyodide under Node: the same files that CPython runs, against the same packages.
// Usage: node run_engine_tests_in_pyodide.mjs PROJECT_ROOT PRACTICAL_DATA_JSON [PURE_PYTHON_PACKAGE_DIR ...]
//   PRACTICAL_DATA_JSON: the project's qualification and compiled practical data, which CPython made
//   (there is no YAML reader here); the CRM's tests read it (tests/practical_crm/given.py).
//   The package directories and modules (e.g. hypothesis from the test virtualenv) are copied into
//   Pyodide's site-packages, so the property-based tests run there too. Exit code 0 when all pass.
import { readdirSync, readFileSync, statSync } from "node:fs"
import { basename, join } from "node:path"
import { loadPyodide } from "pyodide"

const [root, practicalData, ...libraries] = process.argv.slice(2)
const pyodide = await loadPyodide()
pyodide.setStdout({ batched: line => console.log(line) })
pyodide.setStderr({ batched: line => console.error(line) })

// Copy the packages and the tests into Pyodide's file system, keeping their paths.
copyTree(join(root, "selfcheck"), "/project/selfcheck")
copyTree(join(root, "practical_modules"), "/project/practical_modules")
pyodide.FS.writeFile("/project/practical-data.json", readFileSync(practicalData))
for (const dir of ["tests", "tests/engine", "tests/practical_crm"]) {
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
import os, sys, unittest
os.environ["PRACTICAL_TEST_DATA"] = "/project/practical-data.json"
sys.path.insert(0, "/project")
sys.path.insert(1, "/libraries")
print("Python", sys.version.split()[0], "on", sys.platform)
suite = unittest.TestSuite(unittest.defaultTestLoader.discover(f"/project/tests/{folder}", top_level_dir="/project")
                           for folder in ("engine", "practical_crm"))
result = unittest.TextTestRunner(stream=sys.stdout, verbosity=1).run(suite)
len(result.failures) + len(result.errors) + (0 if result.testsRun else 1)
`)
process.exit(failures ? 1 : 0)
