"""The catalog as open data: catalog.json and catalog.csv at the site's root, one record per
qualification, and its schema.org description (JSON-LD) for the catalog page's head.

Links are relative to the site's root, where both files lie: the build does not know the address
the site will be published at, and a relative link stays right wherever it is.
"""

from __future__ import annotations

import csv
import io
import json

from .structured_data import credential_json_ld

# The fields of a record, in the CSV's column order, each from a catalog entry
# (sitegen/catalog_pages.py catalog_entry). The catalog page describes them (catalog.md.j2).
FIELDS = {
    "name": lambda e: e["name"],
    "slug": lambda e: e["slug"],
    "kind": lambda e: e["kind"],
    "prk_level": lambda e: e["prk_level"],
    "sector_framework_level": lambda e: e["sector_level"],
    "hours": lambda e: e["hours"],
    "sets": lambda e: e["sets"],
    "outcomes": lambda e: e["outcomes"],
    "validity_years": lambda e: e["validity_years"],
    "cost_pln": lambda e: e["cost_pln"],
    "validation_methods": lambda e: e["methods"],
    "register_entry_url": lambda e: e["register_entry_url"],
    "page": lambda e: e["url"],
    "data_yaml": lambda e: e["data_files"]["yaml"],
    "data_json": lambda e: e["data_files"]["json"],
    "data_schema": lambda e: e["data_files"]["schema"],
    "self_check_page": lambda e: e["self_check"],
    "practical_tasks_page": lambda e: e["practical"],
    "renewal_page": lambda e: e["renewal"],
}


def catalog_records(entries: list[dict]) -> list[dict]:
    return [{field: value(entry) for field, value in FIELDS.items()} for entry in entries]


def catalog_json(publisher: dict, entries: list[dict]) -> bytes:
    document = {"site_name": publisher["site_name"], "publisher": publisher.get("name") or None,
                "qualifications": catalog_records(entries)}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def csv_cell(value) -> str:
    """A cell no spreadsheet runs: text starting with = + - @, a tab or a carriage return gets a leading
    apostrophe (OWASP "CSV injection"). A list is one cell, its items joined by commas."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = ", ".join(value)
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def catalog_csv(entries: list[dict]) -> bytes:
    """Semicolons and a byte order mark, as spreadsheets set to Polish expect (they read UTF-8
    only after a BOM and split on commas only where the comma is not the decimal sign)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(FIELDS)
    for record in catalog_records(entries):
        writer.writerow([csv_cell(value) for value in record.values()])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def catalog_json_ld(entries: list[dict], data: list[dict]) -> dict:
    """schema.org ItemList of the qualifications' EducationalOccupationalCredential (each entry with its
    data). Each item is described by its catalog blurb and leaves out its criteria (competencyRequired):
    its own page's description has them all, and the catalog page stays light however many it lists."""
    items = []
    for position, (entry, one) in enumerate(zip(entries, data), start=1):
        credential = {key: value for key, value in credential_json_ld(one).items()
                      if key not in ("@context", "competencyRequired")} | {"description": entry["blurb"]}
        items.append({"@type": "ListItem", "position": position, "url": entry["url"],
                      "item": {**credential, "url": entry["url"]}})
    return {"@context": "https://schema.org", "@type": "ItemList", "name": "Katalog kwalifikacji",
            "numberOfItems": len(items), "itemListElement": items}
