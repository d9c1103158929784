"""Intersphinx inventories of the outside names these pages refer to, written at build time.

Intersphinx would download each project's ``objects.inv``; the machines that build these docs
have no network, so the names the API reference and the guides use (``Decimal``, ``Path``,
``pandas.DataFrame``...) are listed here with their pages, and written as inventories that
``intersphinx_mapping`` reads from disk. A name missing here shows as an unresolved reference
under ``sphinx-build -n``: add it with its page.
"""

from __future__ import annotations

import zlib
from pathlib import Path

_PYTHON_CLASSES = {
    "decimal.Decimal": "library/decimal.html",
    "os.PathLike": "library/os.html",
    "pathlib.Path": "library/pathlib.html",
    "types.ModuleType": "library/types.html",
    "typing.BinaryIO": "library/typing.html",
    "typing.TextIO": "library/typing.html",
    "concurrent.futures.ProcessPoolExecutor": "library/concurrent.futures.html",
    "str": "library/stdtypes.html",
    "int": "library/functions.html",
    "bool": "library/functions.html",
    "float": "library/functions.html",
    "bytes": "library/stdtypes.html",
    "dict": "library/stdtypes.html",
    "tuple": "library/stdtypes.html",
    "list": "library/stdtypes.html",
    **{
        f"collections.abc.{name}": "library/collections.abc.html"
        for name in ("Callable", "Iterable", "Iterator", "Mapping", "Sequence")
    },
}
_PYTHON_EXCEPTIONS = ("Exception", "ImportError", "KeyError", "OSError", "ValueError")
_PANDAS_CLASSES = ("DataFrame", "StringDtype", "Int64Dtype", "BooleanDtype", "CategoricalDtype")
_PYARROW_CLASSES = ("Table", "Schema")

INVENTORIES: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "python": (
        "https://docs.python.org/3/",
        [(name, "py:class", f"{page}#$") for name, page in _PYTHON_CLASSES.items()]
        + [(name, "py:exception", "library/exceptions.html#$") for name in _PYTHON_EXCEPTIONS]
        + [
            ("typing.Any", "py:data", "library/typing.html#$"),
            ("difflib.get_close_matches", "py:function", "library/difflib.html#$"),
        ],
    ),
    "attrs": (
        "https://www.attrs.org/en/stable/",
        [(f"attrs.{name}", "py:function", "api.html#$") for name in ("define", "frozen", "evolve")],
    ),
    "pandas": (
        "https://pandas.pydata.org/docs/",
        [(f"pandas.{n}", "py:class", f"reference/api/pandas.{n}.html#$") for n in _PANDAS_CLASSES],
    ),
    "pyarrow": (
        "https://arrow.apache.org/docs/",
        [
            (f"pyarrow.{n}", "py:class", f"python/generated/pyarrow.{n}.html#$")
            for n in _PYARROW_CLASSES
        ]
        + [("pyarrow.decimal128", "py:function", "python/generated/pyarrow.decimal128.html#$")],
    ),
    "distributed": (
        "https://distributed.dask.org/en/stable/",
        [("dask.distributed.LocalCluster", "py:class", "api.html#distributed.LocalCluster")],
    ),
}


def write_inventories(folder: Path) -> dict[str, tuple[str, str]]:
    """Write one ``objects.inv`` per project into ``folder``; returns ``intersphinx_mapping``."""
    mapping = {}
    for project, (url, entries) in INVENTORIES.items():
        lines = "".join(f"{name} {role} 1 {uri} -\n" for name, role, uri in entries)
        header = (
            "# Sphinx inventory version 2\n"
            f"# Project: {project}\n# Version: \n"
            "# The remainder of this file is compressed using zlib.\n"
        )
        path = folder / f"{project}.inv"
        path.write_bytes(header.encode() + zlib.compress(lines.encode()))
        mapping[project] = (url, str(path))
    return mapping
