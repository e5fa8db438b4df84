"""Shared fixtures: a real strict build of the project, and throwaway project copies.

`ENGINE` (as in `make site ENGINE=…`) chooses the engine the session's `site` and `served_site` are built
with: `mkdocs` (the default: MkDocs 1.6.1 + Material through hooks/qualification.py) or `mkdocs-ng`
(MkDocs NG + its Material fork in .venv-mkdocs-ng, from `python -m sitegen stage`). `make test` runs the
suite with the default and the engine-dependent files again with `ENGINE=mkdocs-ng`.

QUALIFICATION_DIR (and, for a catalog, CATALOG_QUALIFICATION) choose the data, as tests/data.py says:
`site` and `served_site.url` are the qualification under test's part of the site (its subtree in a
catalog), `site_root` and `served_site.site_url` the whole site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ENGINES = ("mkdocs", "mkdocs-ng")
ENGINE = os.environ.get("ENGINE") or "mkdocs"
assert ENGINE in ENGINES, f"ENGINE={ENGINE}: choose one of {', '.join(ENGINES)}"
# The second engine's own virtualenv, made by the Makefile from requirements-mkdocs-ng.txt.
ENGINE_PYTHON = {"mkdocs": Path(sys.executable), "mkdocs-ng": ROOT / ".venv-mkdocs-ng" / "bin" / "python"}
# What a project needs to build; copied for tests that break the data on purpose.
PROJECT_FILES = ["mkdocs.yml", "qualification.yaml", "glossary.yaml", "publisher.yaml", "practical",
                 "docs", "hooks", "overrides", "schemas", "sitegen", "selfcheck", "practical_modules", "datafiles", "cli", "lms"]


def run_mkdocs_build(project: Path, site_dir: Path, *, site_url: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    if project.resolve() != ROOT:
        env.pop("QUALIFICATION_DIR", None)  # a project copy holds its own data (see project_copy)
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


def run_staged_build(project: Path, site_dir: Path, *, site_url: str | None = None,
                     engine_python: Path = ENGINE_PYTHON["mkdocs-ng"]) -> subprocess.CompletedProcess:
    """Build as `make site ENGINE=mkdocs-ng` does: `sitegen stage`, the engine on the staged folder
    (no hooks, nothing of ours imported), then `sitegen finish`. Returns the first step that fails, or the last."""
    assert engine_python.exists(), f"{engine_python} missing: `make {engine_python.parent.parent.name}/.installed` makes it"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    if project.resolve() != ROOT:
        env.pop("QUALIFICATION_DIR", None)
    stage = site_dir.with_name(site_dir.name + ".stage")
    steps = [
        [sys.executable, "-m", "sitegen", "stage", str(stage)],
        [str(engine_python), "-m", "mkdocs", "build", "--strict", "--config-file", str(stage / "mkdocs.yml"),
         "--site-dir", str(site_dir)],
        [sys.executable, "-m", "sitegen", "finish", str(site_dir)],
    ]
    for step in steps:
        step_env = {**env, "SITE_URL": site_url} if site_url and step[0] == str(engine_python) else env
        result = subprocess.run(step, cwd=project, env=step_env, capture_output=True, text=True, timeout=300)
        if result.returncode != 0:
            break
    return result


def build_site(project: Path, site_dir: Path, *, site_url: str | None = None, engine: str = ENGINE):
    """Build `project` into `site_dir` with `engine` (by default the session's ENGINE)."""
    if engine == "mkdocs":
        return run_mkdocs_build(project, site_dir, site_url=site_url)
    return run_staged_build(project, site_dir, site_url=site_url, engine_python=ENGINE_PYTHON[engine])


@pytest.fixture(scope="session")
def site_root(tmp_path_factory) -> Path:
    """The whole site as `make site ENGINE=…` builds it, built once per test session."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site_dir)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def site(site_root) -> Path:
    """The qualification under test's part of the site: the whole site, or its subtree in a catalog
    (tests/data.py). Site-wide files (sitemap.xml, the shared assets/) are in `site_root`."""
    from tests.data import PREFIX
    return site_root / PREFIX


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project whose data files a test may edit."""
    for name in PROJECT_FILES:
        source = ROOT / name
        target = tmp_path / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)
    # The data under test (this project's, or QUALIFICATION_DIR's) replaces the copied data files;
    # of a catalog, the qualification under test, as a one-qualification site of the same publisher.
    from tests.data import CATALOG, DATA_DIR, GLOSSARY, PUBLISHER, SITE_DIR
    if SITE_DIR != ROOT:
        shutil.copy2(SITE_DIR / "publisher.yaml", tmp_path / "publisher.yaml")
        if CATALOG:
            alone = {key: value for key, value in PUBLISHER.items() if key != "qualifications"}
            (tmp_path / "publisher.yaml").write_text(yaml.safe_dump(alone, allow_unicode=True, sort_keys=False),
                                                     encoding="utf-8")
    if DATA_DIR != ROOT:
        shutil.copy2(DATA_DIR / "qualification.yaml", tmp_path / "qualification.yaml")
        if (DATA_DIR / "glossary.yaml").is_file():
            shutil.copy2(DATA_DIR / "glossary.yaml", tmp_path / "glossary.yaml")
        shutil.rmtree(tmp_path / "selfcheck" / "bank")
        shutil.copytree(DATA_DIR / "selfcheck" / "bank", tmp_path / "selfcheck" / "bank")
        shutil.rmtree(tmp_path / "practical")
        if (DATA_DIR / "practical").is_dir():
            shutil.copytree(DATA_DIR / "practical", tmp_path / "practical")
    if yaml.safe_load((tmp_path / "glossary.yaml").read_text(encoding="utf-8")) != GLOSSARY:  # with a catalog's shared terms
        (tmp_path / "glossary.yaml").write_text(yaml.safe_dump(GLOSSARY, allow_unicode=True, sort_keys=False),
                                                encoding="utf-8")
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")  # Pyodide for the build; large, read only
    return tmp_path


# --- Browser harness: the site under a GitHub-Pages-like sub-path, in the system Chromium. ---

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "test-artifacts"


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    assert Path(path).exists(), (
        f"Chromium not found at {path}: install Debian's `chromium` package or set CHROMIUM")
    return path


@dataclass(frozen=True)
class ServedSite:
    """A site being served, as the tests meet it."""
    site_url: str  # the site's root: http://127.0.0.1:PORT/kwalifikacja-crm/
    url: str       # the qualification under test: the site's root, or its subtree in a catalog (tests/data.py)


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """The site built for, and served under, http://127.0.0.1:PORT/kwalifikacja-crm/."""
    from tests.data import PREFIX
    from tests.site_server import BASE_PATH, SiteServer, free_port

    port = free_port()
    site_url = f"http://127.0.0.1:{port}{BASE_PATH}"
    site_dir = tmp_path_factory.mktemp("served-site")
    result = build_site(ROOT, site_dir, site_url=site_url)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    with SiteServer(site_dir, port) as server:
        assert server.url == site_url
        yield ServedSite(site_url, site_url + PREFIX)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
