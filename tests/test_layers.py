"""The layers import one way (README, "Architecture"): the core knows no practical module, no loader,
no generator and no command line, and its tests pass with the practical modules out of reach; nothing
generated is kept in git."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import ROOT

ABOVE_THE_CORE = ("practical_modules", "datafiles", "sitegen", "cli", "hooks", "lms")


def imports_of(path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_the_core_imports_nothing_above_it():
    for path in (ROOT / "selfcheck").rglob("*.py"):
        if path.name == "__main__.py":  # only starts the command line (cli/), never imported
            continue
        assert not imports_of(path) & set(ABOVE_THE_CORE), path


def test_a_practical_module_imports_the_core_and_not_the_generator():
    for path in (ROOT / "practical_modules").rglob("*.py"):
        found = imports_of(path)
        assert not found & {"sitegen", "hooks"}, path
        if path.name not in ("compile.py", "cli.py", "loading.py"):  # these run in CPython only
            assert not found & {"datafiles", "cli", "yaml", "jsonschema"}, path


def test_the_lms_formats_import_the_core_and_the_standard_library_only():
    # The formats are read by the command line and the build alike, so they know neither (nor the loaders).
    for path in (ROOT / "lms").rglob("*.py"):
        assert not imports_of(path) & {"practical_modules", "datafiles", "sitegen", "cli", "hooks", "yaml", "jinja2"}, path


def test_the_cores_tests_pass_with_the_practical_modules_out_of_reach():
    hide = (
        "import sys, unittest\n"
        "class Hidden:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'practical_modules':\n"
        "            raise ModuleNotFoundError(name)\n"
        "sys.meta_path.insert(0, Hidden())\n"
        "suite = unittest.defaultTestLoader.discover('tests/engine', top_level_dir='.')\n"
        "result = unittest.TextTestRunner(verbosity=0).run(suite)\n"
        "sys.exit(0 if result.wasSuccessful() and result.testsRun else 1)\n"
    )
    run = subprocess.run([sys.executable, "-c", hide], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Ran " in run.stderr


def test_nothing_generated_is_kept_in_git():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in tracked:
        if name.endswith(".py"):
            head = (ROOT / name).read_text(encoding="utf-8")[:300]
            assert "GENERATED" not in head, name
        assert not name.startswith(("site/", "site.new/")) and not name.endswith(".zip"), name
