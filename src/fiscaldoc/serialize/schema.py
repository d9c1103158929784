"""The JSON Schema (draft 2020-12) of the document format that :func:`~fiscaldoc.dumps` writes.

Generated, not written by hand: every attrs class reachable from :class:`~fiscaldoc.Document`
becomes one entry of ``$defs``, built from its fields and their types, with the class docstring as
its description. A field added to the model appears in the schema by itself, encoded the way the
converter encodes it (the shared rules are in :mod:`fiscaldoc.serialize.typeinfo`).
"""

from __future__ import annotations

import datetime
import enum
import inspect
import typing
from decimal import Decimal
from typing import Any

import attrs

from fiscaldoc.model import Document
from fiscaldoc.serialize.typeinfo import (
    DECIMAL_PATTERN,
    FORMAT_VERSION,
    TAG_KEY,
    VERSION_KEY,
    field_types,
    is_tagged_union,
    is_union,
    union_members,
)

__all__ = ["SCHEMA_ID", "json_schema", "schema_for"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = f"https://fiscaldoc.invalid/schema/document-{FORMAT_VERSION}.json"
Schema = dict[str, Any]

_SCALARS: dict[Any, Schema] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    type(None): {"type": "null"},
    Decimal: {"type": "string", "pattern": DECIMAL_PATTERN},
    datetime.date: {"type": "string", "format": "date"},
    datetime.datetime: {"type": "string", "format": "date-time"},
}


def json_schema() -> Schema:
    """The schema of a serialized :class:`~fiscaldoc.Document`, ``format_version`` included."""
    schema = schema_for(Document, title="fiscaldoc document")
    schema["$id"] = SCHEMA_ID
    root = schema["$defs"][Document.__name__]
    version = {
        "description": f"Format version, major.minor; this schema describes {FORMAT_VERSION}.",
        "type": "string",
        "pattern": r"^\d+\.\d+$",
    }
    schema["$defs"][Document.__name__] = {
        **root,
        "properties": {VERSION_KEY: version, **root["properties"]},
        "required": [VERSION_KEY, *root["required"]],
    }
    return schema


def schema_for(cls: type, *, title: str = "") -> Schema:
    """A standalone draft 2020-12 schema of the JSON form of the attrs class ``cls``."""
    defs: dict[str, Schema] = {}
    ref = _Builder(defs).of(cls)
    return {"$schema": DRAFT, "title": title or cls.__name__, **ref, "$defs": defs}


class _Builder:
    """Walks the types, collecting one ``$defs`` entry per attrs class."""

    def __init__(self, defs: dict[str, Schema]) -> None:
        self.defs = defs

    def of(self, tp: Any) -> Schema:
        if tp in _SCALARS:
            return dict(_SCALARS[tp])
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [member.value for member in tp]}
        if attrs.has(tp):
            return self._ref(tp)
        if is_tagged_union(tp):
            return self._tagged(tp)
        if is_union(tp):
            options = [self.of(arg) for arg in typing.get_args(tp)]
            return {"anyOf": options}
        return self._generic(tp)

    def _generic(self, tp: Any) -> Schema:
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is typing.Literal:
            return {"enum": list(args)}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.of(args[0])}
        if origin is tuple:
            items = [self.of(arg) for arg in args]
            return {
                "type": "array",
                "prefixItems": items,
                "items": False,
                "minItems": len(items),
            }
        if origin in (list, frozenset, set) or origin is typing.Sequence:
            unique = {"uniqueItems": True} if origin in (frozenset, set) else {}
            return {"type": "array", "items": self.of(args[0]), **unique}
        if origin is dict and args and args[0] is str:
            return {"type": "object", "additionalProperties": self.of(args[1])}
        raise TypeError(f"no JSON Schema mapping for the type {tp!r}")

    def _ref(self, cls: type) -> Schema:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: recursive types refer to it while it is built
            self.defs[name] = self._object(cls)
        return {"$ref": f"#/$defs/{name}"}

    def _object(self, cls: type) -> Schema:
        properties: dict[str, Schema] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            properties[field.name] = self.of(field_types(cls)[field.name])
            if field.default is attrs.NOTHING:
                required.append(field.name)
        schema: Schema = {"type": "object"}
        doc = inspect.getdoc(cls)
        if doc:
            schema["description"] = doc.split("\n\n")[0].replace("\n", " ")
        return {
            **schema,
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }

    def _tagged(self, tp: Any) -> Schema:
        options: list[Schema] = []
        for member in union_members(tp):
            ref = self._ref(member)
            definition = self.defs[member.__name__]
            definition["properties"].setdefault(TAG_KEY, {"const": member.__name__})
            options.append(
                {**ref, "properties": {TAG_KEY: {"const": member.__name__}}, "required": [TAG_KEY]}
            )
        if type(None) in typing.get_args(tp):
            options.append({"type": "null"})
        return {"oneOf": options}
