"""The engine's and the simulated CRM's unit tests pass inside real Pyodide (the npm package, under Node) too."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import _hypothesis_globals
import attr
import attrs
import hypothesis
import sortedcontainers

from tests.conftest import ROOT

RUNNER = ROOT / "tests" / "js" / "run_engine_tests_in_pyodide.mjs"


def test_engine_tests_pass_in_pyodide(tmp_path):
    node = shutil.which("node")
    assert node, "Node.js is needed to run Pyodide"
    assert (ROOT / "node_modules" / "pyodide" / "pyodide.mjs").exists(), "run `npm ci` (the Makefile does)"
    # hypothesis and what it needs are pure Python: the same installed copies run in Pyodide.
    libraries = [str(Path(module.__file__).parent) for module in (hypothesis, attr, attrs, sortedcontainers)]
    libraries.append(_hypothesis_globals.__file__)
    # The CRM's data, compiled here (Pyodide has no YAML reader), as the build gives it to the page.
    from tests.practical_crm.given import compiled
    practical = tmp_path / "practical-data.json"
    practical.write_text(json.dumps(compiled(), ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([node, str(RUNNER), str(ROOT), str(practical), *libraries], capture_output=True, text=True,
                            timeout=600, cwd=ROOT)
    output = result.stdout + result.stderr
    assert "on emscripten" in output, output      # it really ran in Pyodide
    assert result.returncode == 0, output
    ran = int(output.split("Ran ")[1].split()[0])
    assert ran >= 150, output  # the core's tests and the CRM's
    assert "test_total_equals_a_day_by_day_count" not in output  # not skipped or failed: unittest is quiet on success
