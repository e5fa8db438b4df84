"""The self-check's build products: the question bank as JSON and the Python package as a zip for
the browser (the Python runtime itself: sitegen/python_runtime.py)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

ASSETS = "assets/selfcheck"


STDLIB_FALLBACK = Path(__file__).resolve().with_name("python_stdlib_fallback.py")


def bank_json(files: list[dict], practical: dict | None) -> bytes:
    """The bank for the worker: the checked source data only (the pages already show the questions),
    and the practical part's catalog ({"module", "tasks"}, or null), which the readiness report reads."""
    return json.dumps({"files": files, "practical": practical}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _zip(sources: dict[str, Path]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, path in sorted(sources.items()):
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))  # same bytes every build
            archive.writestr(info, path.read_bytes(), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def package_zip(root: Path) -> bytes:
    """The engine, selfcheck/**/*.py, as a zip that the worker unpacks into Pyodide's file system
    (not __main__.py: the command line never runs in the browser).

    Beside the package, the top-level module `stdlib_fallback` (sitegen/python_stdlib_fallback.py),
    which the worker installs: Python in the browser runs on a trimmed standard library."""
    package = root / "selfcheck"
    sources = {f"selfcheck/{path.relative_to(package).as_posix()}": path for path in package.rglob("*.py")
               if path.name != "__main__.py"}
    sources["stdlib_fallback.py"] = STDLIB_FALLBACK
    return _zip(sources)


def module_zip(root: Path, package: str) -> bytes:
    """A practical module for the pages that use it: practical_modules/__init__.py and the module's
    package, without its CPython-only files (compile.py, cli.py)."""
    from practical_modules import CPYTHON_ONLY

    folder = root.joinpath(*package.split("."))
    sources = {"practical_modules/__init__.py": root / "practical_modules" / "__init__.py"}
    sources.update({f"{package.replace('.', '/')}/{path.relative_to(folder).as_posix()}": path
                    for path in folder.rglob("*.py") if path.name not in CPYTHON_ONLY})
    return _zip(sources)
