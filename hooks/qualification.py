"""MkDocs adapter: hand what `sitegen` makes to a MkDocs-compatible engine (MkDocs, MkDocs NG, ProperDocs).

All knowledge of the qualification lives in `sitegen`; this file only translates between its output
and MkDocs events. An engine without hooks builds the same site from `python -m sitegen stage DIR`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # hooks are loaded by file path; make `sitegen` importable
    sys.path.insert(0, str(ROOT))

from datafiles.problems import DataError  # noqa: E402
from sitegen.build import SiteContent, build_content  # noqa: E402
from sitegen.finish import finish_site  # noqa: E402
from sitegen.stage import site_config  # noqa: E402

_content: SiteContent | None = None


def on_config(config):
    global _content
    try:
        _content = build_content(ROOT)
    except DataError as error:
        # PluginError makes MkDocs stop with this message and no traceback.
        raise PluginError(error.report()) from None
    generated = site_config(_content)  # name, description, navigation: from the data
    config.extra.update(generated.pop("extra"))
    for key, value in generated.items():
        config[key] = value
    return config


def on_files(files: Files, config) -> Files:
    for file in [f for f in files if any(f.src_uri.startswith(f"{folder}/") for folder in _content.unused_static)]:
        files.remove(file)
    for path, markdown in _content.pages.items():
        files.append(File.generated(config, path, content=markdown))
    for path, data in _content.files.items():
        files.append(File.generated(config, path, content=data))
    for path, source in _content.copies.items():
        files.append(File.generated(config, path, abs_src_path=str(source)))
    return files


def on_serve(server, config, builder):
    for path in _content.sources:
        server.watch(str(path))
    return server


def on_post_build(config):
    finish_site(Path(config.site_dir), _content)
