"""The Nu Html Checker (vnu.jar from npm, run with Java) finds no error we are responsible for."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import yaml

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ALLOWLIST = yaml.safe_load((ROOT / "tests" / "html-validity-allowlist.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def vnu_errors(site) -> list[dict]:
    java = shutil.which("java")
    assert java, "Java is needed for the Nu Html Checker (Debian package default-jre-headless)"
    assert VNU.exists(), "vnu-jar is missing: run `npm ci` (the Makefile does)"
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
                            capture_output=True, text=True, timeout=600)
    return json.loads(result.stderr or result.stdout)["messages"]


def allowed_by(error: dict) -> dict | None:
    return next((entry for entry in ALLOWLIST
                 if entry["message"] in error["message"] and entry["extract"] in error.get("extract", "")), None)


def test_built_pages_have_no_html_errors_of_ours(vnu_errors):
    ours = [f"{e['url'].split('/site')[-1]}:{e.get('lastLine')}: {e['message']}" for e in vnu_errors if not allowed_by(e)]
    assert ours == [], "\n".join(ours)


def test_every_allowlisted_error_still_occurs(vnu_errors):
    for entry in ALLOWLIST:
        assert any(allowed_by(e) is entry for e in vnu_errors), f"stale allow-list entry: {entry['message']}"
        assert entry["reason"].strip()
