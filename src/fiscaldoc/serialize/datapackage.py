"""A Frictionless Data Package (``datapackage.json``) describing CSV exports and their types.

Readers of a CSV guess its types from its text: ``208`` becomes a number, an empty year a
float. The package names each column's type (codes are ``string``, years ``integer``, amounts
``number`` read as exact decimals by Frictionless), so ``frictionless validate`` checks the file
and a reader can take the types from it instead of guessing. One package may describe several
CSV files in one folder (cells and facts, say): writing one adds or replaces its resource.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fiscaldoc.serialize.parquet import Kind

__all__ = ["PACKAGE_FILE", "add_resource", "resource", "table_schema"]

PACKAGE_FILE = "datapackage.json"

_TYPES: dict[str, str] = {
    "string": "string",
    "category": "string",
    "int": "integer",
    "decimal": "number",
    "computed": "number",
    "bool": "boolean",
}


def table_schema(columns: Mapping[str, Kind]) -> dict[str, Any]:
    """The Table Schema of a CSV written with these typed columns (an empty field: missing)."""
    fields: list[dict[str, Any]] = []
    for name, kind in columns.items():
        field: dict[str, Any] = {"name": name, "type": _TYPES[kind]}
        if kind == "bool":
            field |= {"trueValues": ["true"], "falseValues": ["false"]}
        fields.append(field)
    return {"fields": fields, "missingValues": [""]}


def resource(path: str, columns: Mapping[str, Kind], *, bom: bool = False) -> dict[str, Any]:
    """The package's entry for one CSV file (``path`` relative to the package)."""
    return {
        "name": Path(path).stem.lower().replace(" ", "-") or "records",
        "path": path,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig" if bom else "utf-8",
        "dialect": {"delimiter": ",", "lineTerminator": "\n", "header": True},
        "schema": table_schema(columns),
    }


def add_resource(folder: Path, entry: Mapping[str, Any]) -> Path:
    """Write ``folder/datapackage.json`` with ``entry`` among its resources (replacing one of
    the same path); returns the package's path."""
    package_path = folder / PACKAGE_FILE
    package: dict[str, Any] = {"profile": "tabular-data-package", "resources": []}
    if package_path.is_file():
        try:
            read = json.loads(package_path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            read = None
        if isinstance(read, dict) and isinstance(read.get("resources"), list):
            package = read
    kept = [r for r in package["resources"] if not _same(r, entry)]
    package["resources"] = [*kept, dict(entry)]
    package.setdefault("name", _package_name(folder))
    package_path.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return package_path


def _same(one: Any, other: Mapping[str, Any]) -> bool:
    return isinstance(one, dict) and (
        one.get("path") == other["path"] or one.get("name") == other["name"]
    )


def _package_name(folder: Path) -> str:
    name = "".join(c if c.isascii() and c.isalnum() else "-" for c in folder.resolve().name.lower())
    return name.strip("-") or "fiscaldoc-export"
