"""The whole site as a folder that an engine only renders: `python -m sitegen stage DIR`.

    DIR/docs/       every page (Markdown with front matter), download, runtime file and static asset
    DIR/overrides/  the theme's template blocks (the project's `theme.custom_dir`)
    DIR/mkdocs.yml  the generated config: the project's engine settings (mkdocs.yml: theme, Markdown
                    extensions, plugins) plus what the data gives (name, description, navigation),
                    without hooks: nothing runs in the engine but the engine and its theme

The same content reaches MkDocs through hooks/qualification.py, which hands `build_content`'s output
and `site_config` to MkDocs in memory. After either engine, `finish_site` (sitegen/finish.py) does
the steps that follow the HTML.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import yaml

from .build import SiteContent
from .page_text import attribute_text

ENGINE_CONFIG = "mkdocs.yml"      # the project's engine settings; holds no fact about the qualification
STAGED_CONFIG = "mkdocs.yml"      # the name an engine looks for in DIR
STAGED_DOCS = "docs"
# Settings that only make sense in the project folder: the adapter and what `serve` watches there.
PROJECT_ONLY = ("hooks", "watch")


def site_config(content: SiteContent) -> dict:
    """What the data gives an engine's config. The theme prints the name and the description as they
    are (MkDocs' Jinja has no autoescape) in some places and escaped in others: the schema keeps the
    name to characters that read the same either way, and the description, printed raw only, is
    given escaped."""
    return {
        "site_name": content.site_name,
        "site_description": attribute_text(content.site_description),
        "nav": content.nav,
        # Every page's head names the accessibility statement (overrides/main.html).
        # The header's search box loads the index of pages without their own, and in a catalog finds the
        # other qualifications through the catalog's search file (overrides/partials/site-search.html).
        # A catalog's pages draw only their own qualification's navigation (overrides/partials/nav.html).
        "extra": {"accessibility_statement": content.accessibility_statement, "search_index": content.search_index,
                  "search_catalog": content.search_catalog, "catalog": content.catalog},
    }


class _Tagged:
    """A YAML value with an engine's tag (`!ENV [SITE_URL, null]`, `!!python/name:…`), kept for the
    engine to resolve: the staged config reads the environment when it is built, not when staged."""

    def __init__(self, tag: str, value):
        self.tag, self.value = tag, value


class _ConfigLoader(yaml.SafeLoader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader, tag, node):
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(tag, loader.construct_sequence(node, deep=True))
    if isinstance(node, yaml.MappingNode):
        return _Tagged(tag, loader.construct_mapping(node, deep=True))
    return _Tagged(tag, loader.construct_scalar(node))


def _represent_tagged(dumper, tagged: _Tagged):
    if isinstance(tagged.value, list):
        return dumper.represent_sequence(tagged.tag, tagged.value, flow_style=True)
    if isinstance(tagged.value, dict):
        return dumper.represent_mapping(tagged.tag, tagged.value)
    return dumper.represent_scalar(tagged.tag, tagged.value)


_ConfigLoader.add_multi_constructor("", _construct_tagged)
_ConfigDumper.add_representer(_Tagged, _represent_tagged)


def staged_config(engine_config: str, content: SiteContent) -> dict:
    """The project's engine settings with the data's values, for a folder laid out by `stage_site`."""
    config = yaml.load(engine_config, Loader=_ConfigLoader)  # noqa: S506 - SafeLoader plus tags kept as values
    for key in PROJECT_ONLY:
        config.pop(key, None)
    config["docs_dir"] = STAGED_DOCS
    generated = site_config(content)
    config["extra"] = {**(config.get("extra") or {}), **generated.pop("extra")}
    config.update(generated)
    return config


def stage_site(content: SiteContent, root: Path, out: Path) -> Path:
    """Write the site's source into `out` (its docs/ and overrides/ replaced); return the config's path."""
    out = out.resolve()
    if out == root.resolve() or root.resolve().is_relative_to(out):
        raise ValueError(f"{out}: katalog projektu; podaj osobny katalog na stronę do zbudowania")
    engine_config = (root / ENGINE_CONFIG).read_text(encoding="utf-8")
    config = staged_config(engine_config, content)
    project = yaml.load(engine_config, Loader=_ConfigLoader)  # noqa: S506
    docs = out / STAGED_DOCS
    shutil.rmtree(docs, ignore_errors=True)
    # Static assets first (stylesheet, page scripts), then everything sitegen makes.
    shutil.copytree(root / project.get("docs_dir", "docs"), docs, ignore=shutil.ignore_patterns("__pycache__"))
    for folder in content.unused_static:
        shutil.rmtree(docs / folder, ignore_errors=True)
    custom_dir = (project.get("theme") or {}).get("custom_dir")
    if custom_dir:
        shutil.rmtree(out / custom_dir, ignore_errors=True)
        shutil.copytree(root / custom_dir, out / custom_dir)
    for path, text in {**content.pages, **content.files}.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    for path, source in content.copies.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        try:  # the runtime files are large and never edited: a hard link where the disk allows it
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)
    config_path = out / STAGED_CONFIG
    header = (f"# Generated by `python -m sitegen stage` from the project's {ENGINE_CONFIG} and the data files.\n"
              "# Build it with any MkDocs-compatible engine: `mkdocs build -f THIS_FILE`. Do not edit: stage again.\n")
    config_path.write_text(header + yaml.dump(config, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False),
                           encoding="utf-8")
    return config_path
