"""`python -m selfcheck export --format moodle|gift|… [--out DIR]`: the question bank as a file a
learning platform imports (lms/, one module per format; the formats are those of `lms.FORMATS`).

The file is named after the qualification as a catalog names its address when publisher.yaml gives
none (sitegen.catalog.default_slug: the short name, else the name, cut at a word), e.g.
"zarzadzanie-…-moodle.xml"; the "Dla nauczycieli" page publishes the same names. It replaces an
earlier export of the same name (it is made from the data, like the site), written to a temporary
file first, so an interrupted export never leaves half a file under the real name.
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile
from pathlib import Path

from lms import FORMATS, Export
from selfcheck import polish
from sitegen.catalog import default_slug


def add_command(commands) -> None:
    export = commands.add_parser("export", help="bank pytań do zaimportowania w Moodle i innych platformach (LMS)")
    export.add_argument("--format", required=True, choices=list(FORMATS), dest="lms_format",
                        help="format pliku: " + "; ".join(f"{name} — {f.label}" for name, f in FORMATS.items()))
    export.add_argument("--out", type=Path, default=Path("."), metavar="KATALOG",
                        help="katalog, w którym zapisać plik (domyślnie bieżący)")


def run(args, qualification: dict, bank, out=sys.stdout, err=sys.stderr) -> int:
    chosen = FORMATS[args.lms_format]
    folder: Path = args.out
    target = folder / chosen.file_name(default_slug(qualification))
    if folder.exists() and not folder.is_dir():
        print(f"{folder}: to plik, a potrzebny jest katalog (--out KATALOG).", file=err)
        return 1
    if target.is_dir():
        print(f"{target}: to katalog o nazwie pliku eksportu; usuń go albo wskaż inny katalog.", file=err)
        return 1
    data = chosen.render(Export.from_data(qualification, bank))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write(target, data)
    except OSError as error:
        print(f"{folder}: {_why(error)}", file=err)
        return 1
    print(f"Zapisano plik {chosen.label}: {target} ({polish.file_size(len(data))}).", file=out)
    print(f"Zachowuje: {chosen.keeps}.", file=out)
    print(f"Ograniczenia: {chosen.loses}.", file=out)
    return 0


def _write(target: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temporary, 0o644)  # mkstemp makes a private file; an export is meant to be shared
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _why(error: OSError) -> str:
    """A file-system error in Polish (the system's own words would be English)."""
    if isinstance(error, PermissionError):
        return "brak uprawnień do zapisu w tym katalogu."
    if isinstance(error, (NotADirectoryError, FileExistsError)):
        return "część tej ścieżki jest plikiem, a nie katalogiem."
    if isinstance(error, FileNotFoundError):
        return "nie ma takiego katalogu i nie można go utworzyć."
    if error.errno == errno.ENOSPC:
        return "brak miejsca na dysku."
    return f"nie można zapisać pliku (błąd systemu nr {error.errno})."
