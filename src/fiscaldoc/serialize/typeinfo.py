"""What the JSON converter and the JSON Schema generator both need to know about model types.

The converter (:mod:`fiscaldoc.serialize.json`) and the schema (:mod:`fiscaldoc.serialize.schema`)
are derived from the same attrs classes; the few encoding decisions they must agree on live here,
so the schema cannot drift from what ``dumps`` writes.
"""

from __future__ import annotations

import functools
import types
import typing
from typing import Any

import attrs

FORMAT_VERSION = "1.2"
"""The version of the JSON document format: ``major.minor``. A reader accepts any minor version of
its major version (fields are only ever added, with defaults) and refuses a newer major one."""

VERSION_KEY = "format_version"
TAG_KEY = "_type"
"""Key naming the class of a value whose declared type is a union of several attrs classes."""

DECIMAL_PATTERN = r"^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$"
"""Decimals are written as strings (``str(Decimal)``), so no digit is ever lost to a float."""


def is_union(tp: Any) -> bool:
    """True for ``X | Y`` and ``Optional[X]`` in either spelling."""
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


def union_members(tp: Any) -> tuple[Any, ...]:
    """The members of a union, ``None`` excluded."""
    return tuple(arg for arg in typing.get_args(tp) if arg is not type(None))


def is_tagged_union(tp: Any) -> bool:
    """A union of two or more attrs classes (``None`` allowed): written with a ``_type`` tag."""
    if not is_union(tp):
        return False
    members = union_members(tp)
    return len(members) > 1 and all(attrs.has(member) for member in members)


@functools.cache
def field_types(cls: type) -> dict[str, Any]:
    """The resolved type of every attrs field of ``cls`` (annotations are strings in the model)."""
    hints = typing.get_type_hints(cls)
    return {field.name: hints[field.name] for field in attrs.fields(cls)}
