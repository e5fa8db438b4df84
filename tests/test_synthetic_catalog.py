"""The scale benchmark's synthetic qualifications (tests/benchmarks/synthetic_catalog.py) are real data:
they pass `sitegen check` and build, each its own qualification. One small build (N = 3); the timings
themselves are `make bench`'s, never a test's."""

from __future__ import annotations

import html
import os
import subprocess
import sys

import pytest
import yaml

from sitegen.catalog import place
from sitegen.pages import store_id
from tests.benchmarks.synthetic_catalog import FIXTURE, make_catalog
from tests.conftest import ROOT


def run(args: list[str], data: os.PathLike) -> subprocess.CompletedProcess:
    env = {**os.environ, "QUALIFICATION_DIR": str(data), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def qualifications(data) -> tuple[list[dict], list[dict]]:
    entries = yaml.safe_load((data / "publisher.yaml").read_text(encoding="utf-8"))["qualifications"]
    return entries, [yaml.safe_load((data / entry["folder"] / "qualification.yaml").read_text(encoding="utf-8"))
                     for entry in entries]


def test_three_synthetic_qualifications_pass_the_checks_and_build_as_a_catalog(tmp_path):
    data = tmp_path / "data"
    make_catalog(3, data)
    check = run(["sitegen", "check"], data)
    assert check.returncode == 0, check.stdout + check.stderr

    entries, loaded = qualifications(data)
    assert len(entries) == 3
    fixture = yaml.safe_load((FIXTURE / "qualification.yaml").read_text(encoding="utf-8"))
    for one in loaded:  # a copy of the fixture: only its names differ
        assert {k: v for k, v in one.items() if k not in ("name", "short_name")} == \
               {k: v for k, v in fixture.items() if k not in ("name", "short_name")}
    listed = place(entries, data, loaded)
    assert len({one.slug for one in listed}) == 3 and all(one.slug for one in listed)
    assert len({store_id(one) for one in loaded}) == 3

    site = tmp_path / "site"
    build = run(["mkdocs", "build", "--strict", "--site-dir", str(site)], data)
    assert build.returncode == 0, build.stdout + build.stderr
    catalog = (site / "index.html").read_text(encoding="utf-8")
    for one, where in zip(loaded, listed):
        assert (site / where.prefix / "index.html").is_file(), where.prefix
        assert html.escape(one["name"], quote=False) in catalog, one["name"]  # the catalog lists each by name


def test_one_synthetic_qualification_is_a_one_qualification_site(tmp_path):
    make_catalog(1, tmp_path)
    entries, loaded = qualifications(tmp_path)
    assert [one.prefix for one in place(entries, tmp_path, loaded)] == [""]
    check = run(["sitegen", "check"], tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr


def test_it_replaces_only_its_own_output(tmp_path):
    (tmp_path / "notes.txt").write_text("someone else's", encoding="utf-8")
    with pytest.raises(ValueError, match="not made by this script"):
        make_catalog(2, tmp_path)
    assert (tmp_path / "notes.txt").is_file()
    make_catalog(3, tmp_path / "out")
    make_catalog(2, tmp_path / "out")  # a later run replaces an earlier one's
    assert sorted(path.name for path in (tmp_path / "out").iterdir() if path.is_dir()) == ["q001", "q002"]
