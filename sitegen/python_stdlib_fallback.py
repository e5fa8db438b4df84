"""The rest of the standard library, fetched the first time Python in the browser needs it.

The worker starts Python on a trimmed standard library: only the modules the self-check loaded when
the runtime was built (sitegen/python_runtime.mjs). A later change that imports another module,
or a code path the build never ran, would fail with ImportError in a candidate's browser. This
finder, consulted after every other, notices a standard-library module that is not there, fetches
Pyodide's full standard library once (the worker ships it as stdlib-full.zip, never fetched
otherwise) and imports the module from it. The fetch is synchronous because an import cannot wait;
workers allow that.

Shipped in selfcheck.zip as the top-level module `stdlib_fallback` (sitegen/build.py) and installed
by the worker (docs/assets/selfcheck/worker.mjs). Standard library only, like selfcheck/.
"""

from __future__ import annotations

import importlib.machinery
import sys

TARGET = "/lib/python_stdlib_full.zip"


def fetch_sync(url: str) -> bytes:
    """The file at `url`, by a synchronous XMLHttpRequest (allowed in a worker, not in a page)."""
    from js import Uint8Array, XMLHttpRequest  # Pyodide only

    request = XMLHttpRequest.new()
    request.open("GET", url, False)
    request.responseType = "arraybuffer"
    request.send()
    if request.status != 200:
        raise OSError(f"{url}: HTTP {request.status}")
    return Uint8Array.new(request.response).to_bytes()


class FullStdlib:
    """A meta path finder for standard-library modules missing from the trimmed library."""

    def __init__(self, url: str, names: frozenset[str], fetch=fetch_sync, target: str = TARGET):
        self.url = url
        self.fetch = fetch
        self.target = target
        self.names = names
        self.failed: str | None = None

    def _ensure(self) -> bool:
        if self.target in sys.path:
            return True
        if self.failed:  # one attempt per start: a failed fetch is not repeated for every import
            return False
        try:
            data = self.fetch(self.url)
            with open(self.target, "wb") as file:
                file.write(data)
        except Exception as error:  # no network, no file: the import fails as it would have
            self.failed = str(error)
            print(f"Python: nie udało się pobrać pełnej biblioteki standardowej ({error}).", file=sys.stderr)
            return False
        sys.path.append(self.target)
        importlib.invalidate_caches()
        return True

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] not in self.names or not self._ensure():
            return None
        # A top-level module: the full library is on sys.path now. A submodule of a package the
        # trimmed library has (its __path__ points there): look in the same package of the full one.
        parent, _, _ = name.rpartition(".")
        where = [f"{self.target}/{parent.replace('.', '/')}"] if parent else None
        return importlib.machinery.PathFinder.find_spec(name, where)


def install(url: str, modules) -> FullStdlib:
    """Add the finder once, after all others. `modules`: the top-level names the full library has
    (runtime.json); only their absence fetches it, not an optional import of a module Pyodide lacks."""
    for finder in sys.meta_path:
        if isinstance(finder, FullStdlib):
            return finder
    finder = FullStdlib(url, names=frozenset(modules))
    sys.meta_path.append(finder)
    return finder
