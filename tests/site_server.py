"""Serve a built site on 127.0.0.1 under a sub-path, the way GitHub Pages serves a project site.

GitHub Pages gives `https://ORG.github.io/REPO/`: every page lives under `/REPO/`, directory
URLs redirect to their trailing-slash form, a missing page gets the site's 404.html with status
404, and no custom headers are set. This server does the same, so tests catch absolute paths
and anything else that breaks under a sub-path.
"""

from __future__ import annotations

import gzip
import mimetypes
import threading
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

# The types GitHub Pages sends for what this site ships (Python's table may lack some).
mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("application/json", ".json")
mimetypes.add_type("application/yaml", ".yaml")

BASE_PATH = "/kwalifikacja-crm/"


# What GitHub Pages compresses (the benchmark asks for it; tests use plain responses).
COMPRESSIBLE = ("text/", "application/json", "application/javascript", "application/wasm", "image/svg+xml",
                "application/yaml", "application/zip")


class _Handler(BaseHTTPRequestHandler):
    def __init__(self, *args, root: Path, base: str, cache_seconds: int | None = None, gzip_files: bool = False,
                 **kwargs):
        self.root, self.base = root, base
        self.cache_seconds, self.gzip_files = cache_seconds, gzip_files
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):  # keep test output quiet
        pass

    def do_HEAD(self):
        self._respond(head=True)

    def do_GET(self):
        self._respond(head=False)

    def _respond(self, head: bool):
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.base):
            return self._send_404(head)
        relative = path[len(self.base):]
        target = (self.root / relative).resolve()
        if self.root not in target.parents and target != self.root:
            return self._send_404(head)
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", path + "/")
                self.end_headers()
                return
            target = target / "index.html"
        if not target.is_file():
            return self._send_404(head)
        self._send_file(target, HTTPStatus.OK, head)

    def _send_404(self, head: bool):
        page = self.root / "404.html"
        if page.is_file():
            self._send_file(page, HTTPStatus.NOT_FOUND, head)
        else:
            self.send_error(HTTPStatus.NOT_FOUND)

    def _send_file(self, path: Path, status: HTTPStatus, head: bool):
        body = path.read_bytes()
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type in ("application/json", "application/yaml"):
            content_type += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if self.gzip_files and content_type.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = _gzipped(path, body)
            self.send_header("Content-Encoding", "gzip")
        if self.cache_seconds is not None:
            self.send_header("Cache-Control", f"max-age={self.cache_seconds}")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)


_GZIP_CACHE: dict[Path, bytes] = {}


def _gzipped(path: Path, body: bytes) -> bytes:
    if path not in _GZIP_CACHE:
        _GZIP_CACHE[path] = gzip.compress(body, compresslevel=6, mtime=0)
    return _GZIP_CACHE[path]


class SiteServer:
    """`with SiteServer(site_dir, port) as server: server.url` -> http://127.0.0.1:PORT/kwalifikacja-crm/

    `cache_seconds` and `gzip_files` add what GitHub Pages also sends (Cache-Control: max-age=600,
    gzip), for the benchmark; the tests leave them off."""

    def __init__(self, root: Path, port: int = 0, base: str = BASE_PATH, *, cache_seconds: int | None = None,
                 gzip_files: bool = False):
        handler = partial(_Handler, root=root.resolve(), base=base, cache_seconds=cache_seconds, gzip_files=gzip_files)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{base}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "SiteServer":
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)


def free_port() -> int:
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
