"""Command line: check the data files, or write the site for a site engine to render.

    python -m sitegen check          # exit 1 with a list of problems, 0 if the data is sound
    python -m sitegen render DIR     # write pages and downloads into DIR
    python -m sitegen stage DIR      # write everything an engine renders: DIR/docs/, DIR/overrides/ and
                                     # DIR/mkdocs.yml (no hooks); then `mkdocs build -f DIR/mkdocs.yml`
    python -m sitegen finish SITE    # after the engine: the steps on its HTML (sitegen/finish.py)
    python -m sitegen bank-schema    # rewrite schemas/question-bank.schema.json from the question types
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import ROOT, build_content
from datafiles.problems import DataError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitegen", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="folder with qualification.yaml")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="sprawdź pliki danych")
    render = commands.add_parser("render", help="zapisz wygenerowane strony do katalogu")
    render.add_argument("out", type=Path)
    stage = commands.add_parser("stage", help="zapisz stronę do zbudowania (strony, pliki, konfigurację) do katalogu")
    stage.add_argument("out", type=Path)
    finish = commands.add_parser("finish", help="dokończ zbudowaną stronę (kroki po silniku)")
    finish.add_argument("site", type=Path)
    commands.add_parser("bank-schema", help="zapisz schemat banku pytań z typów pytań (po dodaniu typu)")
    args = parser.parse_args(argv)

    if args.command == "bank-schema":
        from datafiles.bank_schema import SCHEMA_PATH, composed_text

        SCHEMA_PATH.write_text(composed_text(), encoding="utf-8")
        print(f"Zapisano {SCHEMA_PATH.name}")
        return 0

    try:
        content = build_content(args.root)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    if args.command == "check":
        print(f"Dane są poprawne: {len(content.pages)} stron do zbudowania.")
        return 0
    if args.command == "stage":
        from .stage import stage_site

        config = stage_site(content, args.root, args.out)
        print(f"Zapisano {len(content.pages)} stron i {len(content.files) + len(content.copies)} plików do "
              f"{args.out}; konfiguracja: {config}")
        return 0
    if args.command == "finish":
        from .finish import finish_site

        if not (args.site / "index.html").is_file():
            print(f"{args.site}: brak zbudowanej strony (index.html)", file=sys.stderr)
            return 1
        finish_site(args.site, content)
        return 0
    for path, text in {**content.pages, **content.files}.items():
        target = args.out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    print(f"Zapisano {len(content.pages)} stron i {len(content.files)} plików do {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
