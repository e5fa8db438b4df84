"""The Python runtime the self-check's worker starts, as built files for the site.

Stock Pyodide spends seconds compiling and unpacking a standard library the self-check mostly never
uses. `python_runtime.mjs` (run under Node, in the same Pyodide) builds instead:

- stdlib.zip: only the modules the self-check loads, precompiled (first visit: less to fetch, nothing
  to compile);
- snapshot.bin.gz: Python's memory after start-up and `import selfcheck.api` (the practical module,
  used by its own pages only, is imported after a restore), which a later visit
  restores in about a second (the worker fetches it in the background after a first visit).

Both are checked at build time against stock Pyodide and cached, keyed by everything they are made
from (the Pyodide files, the builder script and the package's code; not the data: setup() runs in
the browser). The cache lives in node_modules/.cache/, next to the Pyodide it was made with, so
copies of the project that link node_modules (the tests do) share it, and git never sees it.

Every runtime file goes into one folder named after the key, assets/pyodide/<key>/: a new build
gets new URLs, so no browser mixes files of two builds, and a cached visit can trust what it has.
The worker learns the folder and the files' sizes from assets/selfcheck/runtime.json, which each
qualification of a catalog has in its own subtree, all naming the one shared folder.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from datafiles.problems import DataError, Problem

BUILDER = Path(__file__).resolve().with_name("python_runtime.mjs")
# What the worker loads from the npm package; pyodide.mjs is the loader, the rest loadPyodide() takes.
PYODIDE_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"]
MANIFEST = "assets/selfcheck/runtime.json"
RUNTIME_ROOT = "assets/pyodide"
STDLIB_FULL = "stdlib-full.zip"
KEEP_CACHED = 6  # builds kept in the cache (a few branches or data folders side by side)


@dataclass(frozen=True)
class PracticalRuntime:
    """A qualification's practical module, for the pages that use it."""
    module: str     # its name in practical/module.yaml, e.g. "crm"
    package: str    # e.g. "practical_modules.crm"
    zip: bytes      # selfcheck_content.module_zip
    data: bytes     # its compiled data (JSON), for the build's check of the module's calls

    @property
    def zip_name(self) -> str:
        return f"practical-{self.module}.zip"


def _problem(text: str) -> DataError:
    return DataError([Problem("node_modules/pyodide", None, "", text)])


def _key(pyodide: Path, app_zip: bytes, module: PracticalRuntime | None) -> str:
    digest = hashlib.sha256()
    for path in [*(pyodide / name for name in [*PYODIDE_FILES, "python_stdlib.zip", "pyodide-lock.json"]), BUILDER]:
        digest.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    digest.update(b"app\0" + hashlib.sha256(app_zip).digest())
    if module:
        digest.update(module.package.encode() + b"\0" + hashlib.sha256(module.zip).digest())
    return digest.hexdigest()[:16]


def _build(pyodide: Path, target: Path, app_zip: bytes, qualification_json: bytes, bank_json: bytes,
           module: PracticalRuntime | None) -> None:
    """Run the builder into a fresh folder, then move it into place (a failed build leaves nothing)."""
    node = shutil.which("node")
    if not node:
        raise _problem("brak Node.js: jest potrzebny, by zbudować środowisko Python samooceny")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix="building-") as work:
        work_path = Path(work)
        inputs = {"app": app_zip, "qualification": qualification_json, "bank": bank_json}
        if module:
            inputs.update(module=module.zip, practical=module.data)
        for name, data in inputs.items():
            (work_path / f"{name}.in").write_bytes(data)
        out = work_path / "out"
        arguments = {"pyodide": str(pyodide), "out": str(out), **{n: str(work_path / f"{n}.in") for n in inputs},
                     "package": module.package if module else ""}
        result = subprocess.run([node, str(BUILDER), json.dumps(arguments)], capture_output=True, text=True,
                                timeout=600)
        if result.returncode != 0:
            raise _problem("nie udało się zbudować środowiska Python samooceny:\n"
                           + (result.stderr or result.stdout)[-3000:])
        with open(out / "snapshot.bin", "rb") as raw, open(out / "snapshot.bin.gz", "wb") as file, \
                gzip.GzipFile(fileobj=file, mode="wb", compresslevel=6, mtime=0) as packed:
            shutil.copyfileobj(raw, packed)
        (out / "snapshot.bin").unlink()
        # Sizes, for the worker's progress: `bytes` as the browser reads them, `sent` as a server that
        # compresses (GitHub Pages gzips these types) sends them. The snapshot is stored gzipped and
        # unpacked by the worker, so it needs no help from the server.
        sizes = {name: _sizes((pyodide if name.startswith("pyodide") else out) / name)
                 for name in ["pyodide.asm.mjs", "pyodide.asm.wasm", "stdlib.zip"]}
        snapshot = (out / "snapshot.bin.gz").stat().st_size
        sizes["snapshot.bin.gz"] = {"bytes": snapshot, "sent": snapshot}
        (out / "sizes.json").write_text(json.dumps(sizes), encoding="utf-8")
        out.rename(target)
    # Older builds go, newest kept.
    builds = sorted((p for p in target.parent.iterdir() if p.is_dir() and not p.name.startswith("building-")),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for old in builds[KEEP_CACHED:]:
        shutil.rmtree(old, ignore_errors=True)


def _sizes(path: Path | bytes) -> dict:
    data = path if isinstance(path, bytes) else path.read_bytes()
    return {"bytes": len(data), "sent": min(len(data), len(gzip.compress(data, 6, mtime=0)))}


def _top_level_modules(stdlib_zip: Path) -> list[str]:
    """The modules and packages at the top of a standard-library zip: the only names for which the
    worker's fallback fetches it (an optional import of a module Pyodide lacks must not)."""
    with zipfile.ZipFile(stdlib_zip) as archive:
        names = {name.split("/")[0].removesuffix(".py") for name in archive.namelist()
                 if name.endswith(".py") or "/" in name}
    return sorted(name for name in names if name.isidentifier())


@dataclass
class Runtime:
    """The site's Python runtime: one folder, shared by every qualification of the site (the browser
    caches it once), and what each qualification's manifest says about it."""
    key: str
    copies: dict[str, Path]   # site path: file copied as it is
    files: dict[str, bytes]   # site path: file written
    sizes: dict
    lock_info: dict
    stdlib_full: dict

    def manifest(self, module: PracticalRuntime | None, prefix: str = "") -> tuple[str, bytes]:
        """(site path, JSON) of the manifest for a qualification whose pages are under `prefix`
        ("" or "<slug>/"). The worker reads it from the qualification's data folder and finds the
        runtime folder relative to it."""
        up = "../" * (MANIFEST.count("/") + prefix.count("/"))
        practical = None
        if module:
            practical = {"module": module.module, "package": module.package, "zip": module.zip_name, "data": "practical.json"}
        manifest = {"key": self.key, "folder": f"{up}{RUNTIME_ROOT}/{self.key}/", "files": self.sizes,
                    "lock_info": self.lock_info, "practical": practical, "stdlib_full": self.stdlib_full}
        return prefix + MANIFEST, (json.dumps(manifest, indent=1) + "\n").encode("utf-8")


def runtime_files(root: Path, app_zip: bytes, qualification_json: bytes, bank_json: bytes,
                  modules: list[PracticalRuntime] = (), exercised: PracticalRuntime | None = None) -> Runtime:
    """The runtime folder, built (or taken from the cache) with the engine and every practical module
    the site's qualifications use; checked on one qualification's data (`exercised`: its module)."""
    pyodide = root / "node_modules" / "pyodide"
    missing = [name for name in [*PYODIDE_FILES, "python_stdlib.zip", "pyodide-lock.json"] if not (pyodide / name).is_file()]
    if missing:
        raise _problem(f"brak plików Pyodide ({', '.join(missing)}); uruchom `npm ci` albo `make site`")
    packages = sorted({module.package for module in modules})
    if len(packages) > 1:
        # The builder checks one module's calls; a second module's would go unchecked.
        raise _problem(f"kwalifikacje strony używają różnych modułów części praktycznej ({', '.join(packages)}); "
                       "jedna strona może dziś mieć tylko jeden")
    module = exercised or (modules[0] if modules else None)
    key = _key(pyodide, app_zip, module)
    cached = root / "node_modules" / ".cache" / "selfcheck-python" / key
    if not (cached / "sizes.json").is_file():
        _build(pyodide, cached, app_zip, qualification_json, bank_json, module)
    folder = f"{RUNTIME_ROOT}/{key}"
    copies = {f"{folder}/{name}": pyodide / name for name in PYODIDE_FILES}
    copies[f"{folder}/stdlib.zip"] = cached / "stdlib.zip"
    copies[f"{folder}/snapshot.bin.gz"] = cached / "snapshot.bin.gz"
    # The full standard library, fetched only if Python imports a module stdlib.zip lacks.
    copies[f"{folder}/{STDLIB_FULL}"] = pyodide / "python_stdlib.zip"
    files = {f"{folder}/selfcheck.zip": app_zip}

    sizes = json.loads((cached / "sizes.json").read_text(encoding="utf-8"))
    sizes["selfcheck.zip"] = _sizes(app_zip)
    if module:
        files[f"{folder}/{module.zip_name}"] = module.zip
        sizes[module.zip_name] = _sizes(module.zip)
    # The lock file's header only: the self-check loads no packages, so the 120 kB list stays home.
    lock_info = json.loads((pyodide / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    return Runtime(key, copies, files, sizes, lock_info,
                   {"file": STDLIB_FULL, "modules": _top_level_modules(pyodide / "python_stdlib.zip")})
