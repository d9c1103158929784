"""Documents as JSON, losslessly: ``loads(dumps(doc)) == doc``.

The converter is cattrs' JSON preset, told three things about the model: a ``Decimal`` is a string
(exact, never a float), an enum is its value, and a value typed as a union of attrs classes carries
a ``_type`` tag naming its class. Everything else — nested records, tuples, optional fields — is
derived by cattrs from the attrs classes themselves, so a field added to the model (say
``Document.facts``) is written and read without any change here.

The output is one JSON object: ``format_version`` first, then the fields of :class:`Document`.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

import cattrs
from cattrs.preconf.json import make_converter

from fiscaldoc.errors import FiscalDocError, FormatVersionError
from fiscaldoc.model import Document
from fiscaldoc.model.amount import MAX_DECIMAL_DIGITS, MAX_INTEGER_DIGITS, fits
from fiscaldoc.serialize.typeinfo import (
    FORMAT_VERSION,
    TAG_KEY,
    VERSION_KEY,
    is_tagged_union,
    union_members,
)

__all__ = ["FORMAT_VERSION", "converter", "dumps", "loads"]


def dumps(doc: Document, *, indent: int | None = None) -> str:
    """The document as JSON text (one line unless ``indent`` is given; non-ASCII kept as is)."""
    data = {VERSION_KEY: FORMAT_VERSION, **_CONVERTER.unstructure(doc, Document)}
    return json.dumps(data, ensure_ascii=False, indent=indent)


def loads(text: str | bytes) -> Document:
    """Read a document written by :func:`dumps` (of this or an older version of fiscaldoc).

    Raises :class:`~fiscaldoc.errors.FormatVersionError` when the text was written in a newer major
    version of the format, and :class:`~fiscaldoc.errors.FiscalDocError` when it is not JSON or not
    a fiscaldoc document.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise FiscalDocError(
                f"not JSON: not UTF-8 at byte {error.start}",
                snippet=error.object[error.start : error.start + 8].hex(" "),
            ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FiscalDocError(
            f"not JSON: {error.msg}", line=error.lineno, column=error.colno
        ) from None
    except RecursionError:
        raise FiscalDocError("not a fiscaldoc document: the JSON is nested too deeply") from None
    if not isinstance(data, dict):
        raise FiscalDocError("not a fiscaldoc document: the JSON is not an object")
    _check_version(data.pop(VERSION_KEY, None))
    try:
        return _CONVERTER.structure(data, Document)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as error:
        raise FiscalDocError(f"not a valid fiscaldoc document: {_describe(error)}") from None
    except RecursionError:
        raise FiscalDocError("not a fiscaldoc document: the JSON is nested too deeply") from None


def _check_version(version: object) -> None:
    if not isinstance(version, str):
        raise FormatVersionError(
            f"not a fiscaldoc document: no {VERSION_KEY} field (this fiscaldoc writes "
            f"{FORMAT_VERSION})"
        )
    major, _, _ = version.partition(".")
    supported = int(FORMAT_VERSION.partition(".")[0])
    if not (major.isascii() and major.isdigit()):
        raise FormatVersionError(f"unreadable {VERSION_KEY} {version!r}")
    if int(major) > supported:
        raise FormatVersionError(
            f"the document is in format {version}, newer than this fiscaldoc reads "
            f"({FORMAT_VERSION}): upgrade fiscaldoc to read it"
        )


def _describe(error: Exception) -> str:
    if isinstance(error, cattrs.BaseValidationError):
        notes = cattrs.transform_error(error)
        return "; ".join(notes[:3]) + ("; …" if len(notes) > 3 else "")
    return str(error)


# --- the converter -----------------------------------------------------------------------------


def converter() -> cattrs.Converter:
    """A new cattrs converter with fiscaldoc's encoding rules (for other attrs records, too)."""
    conv = make_converter()
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook_factory(_is_enum, lambda _: _enum_value)
    conv.register_unstructure_hook_factory(is_tagged_union, lambda tp: _tagged_out(conv, tp))
    conv.register_structure_hook_factory(is_tagged_union, lambda tp: _tagged_in(conv, tp))
    return conv


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


def _enum_value(value: enum.Enum) -> Any:
    return value.value


def _structure_decimal(value: object, _: type) -> Decimal:
    if not isinstance(value, str):
        raise TypeError(f"a decimal must be written as a string, not {type(value).__name__}")
    try:
        result = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"not a decimal number: {value!r}") from None
    if not fits(result):
        raise ValueError(
            f"not a finite decimal number of at most {MAX_INTEGER_DIGITS} digits before the point "
            f"and {MAX_DECIMAL_DIGITS} after it: {value!r}"
        )
    return result


def _tagged_out(conv: cattrs.Converter, tp: Any) -> Callable[[Any], Any]:
    def unstructure(value: Any) -> Any:
        if value is None:
            return None
        return {TAG_KEY: type(value).__name__, **conv.unstructure(value, type(value))}

    return unstructure


def _tagged_in(conv: cattrs.Converter, tp: Any) -> Callable[[Any, Any], Any]:
    classes = {member.__name__: member for member in union_members(tp)}

    def structure(data: Any, _: Any) -> Any:
        if data is None:
            return None
        fields = dict(data)
        tag = fields.pop(TAG_KEY, None)
        if tag not in classes:
            raise ValueError(f"{TAG_KEY} must be one of {sorted(classes)}, not {tag!r}")
        return conv.structure(fields, classes[tag])

    return structure


_CONVERTER = converter()
