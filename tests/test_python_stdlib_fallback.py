"""The worker's fallback for standard-library modules missing from the trimmed stdlib.zip
(sitegen/python_stdlib_fallback.py), here in CPython with a small "full library" of made-up modules.
The build checks it again inside Pyodide (sitegen/python_runtime.mjs), and the browser test in
tests/test_python_runtime_browser.py fetches the real full library through the worker's request."""

from __future__ import annotations

import importlib
import sys
import zipfile

import pytest

from sitegen.python_stdlib_fallback import FullStdlib


@pytest.fixture
def library(tmp_path, monkeypatch):
    """A trimmed library with package `fbpkg` only; the full one adds `fbpkg.extra` and `fbmod`."""
    trimmed = tmp_path / "trimmed"
    (trimmed / "fbpkg").mkdir(parents=True)
    (trimmed / "fbpkg" / "__init__.py").write_text("", encoding="utf-8")
    full = tmp_path / "full.zip"
    with zipfile.ZipFile(full, "w") as archive:
        archive.writestr("fbpkg/__init__.py", "")
        archive.writestr("fbpkg/extra.py", "WHERE = 'full'\n")
        archive.writestr("fbmod.py", "WHERE = 'full'\n")
    fetched = []

    def fetch(url):
        fetched.append(url)
        return full.read_bytes()

    finder = FullStdlib("https://example.test/stdlib-full.zip", frozenset({"fbpkg", "fbmod"}), fetch=fetch,
                        target=str(tmp_path / "fetched.zip"))
    monkeypatch.syspath_prepend(str(trimmed))
    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, finder])
    monkeypatch.setattr(sys, "path", list(sys.path))
    yield finder, fetched
    for name in ("fbpkg", "fbpkg.extra", "fbmod"):
        sys.modules.pop(name, None)
    importlib.invalidate_caches()


def test_a_missing_module_and_a_missing_submodule_come_from_one_fetch_of_the_full_library(library):
    finder, fetched = library
    assert importlib.import_module("fbpkg").__file__.endswith("__init__.py")
    assert fetched == [], "a module the trimmed library has fetched the full one"
    assert importlib.import_module("fbpkg.extra").WHERE == "full"
    assert importlib.import_module("fbmod").WHERE == "full"
    assert fetched == ["https://example.test/stdlib-full.zip"]


def test_a_module_the_full_library_lacks_fails_as_before_without_a_fetch(library):
    _, fetched = library
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("fb_not_in_any_library")
    assert fetched == []


def test_a_failed_fetch_is_an_import_error_tried_once(library, capsys):
    finder, _ = library
    calls = []

    def offline(url):
        calls.append(url)
        raise OSError("brak połączenia")

    finder.fetch = offline
    for _ in range(2):
        with pytest.raises(ModuleNotFoundError):
            importlib.import_module("fbmod")
    assert len(calls) == 1
    assert "pełnej biblioteki standardowej" in capsys.readouterr().err
