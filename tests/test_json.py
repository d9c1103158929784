"""JSON: lossless round trips (seeds, the example, generated documents) and a schema that every
``dumps`` output validates against, checked with a real validator."""

from __future__ import annotations

import datetime
import json
import os
from decimal import Decimal
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

import fiscaldoc
from fiscaldoc.demo import EXAMPLE, example_text
from fiscaldoc.serialize.json import converter
from fiscaldoc.serialize.schema import schema_for
from tests.conftest import SEED_FILES, SEEDS, seed_path
from tests.strategies import documents

_SETTINGS = settings(
    max_examples=int(os.environ.get("FISCALDOC_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = fiscaldoc.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _real_documents() -> list[fiscaldoc.Document]:
    docs = [fiscaldoc.parse_file(seed_path(name)) for name in SEED_FILES]
    budget = SEEDS / "suide-medical-security-budget.pdf.txt"
    if not budget.is_file():
        pytest.fail(f"seed document missing: {budget}")
    docs.append(fiscaldoc.parse_file(budget))
    docs.append(fiscaldoc.parse_bytes(example_text(), source=EXAMPLE))
    return docs


@pytest.fixture(scope="module")
def real_documents() -> list[fiscaldoc.Document]:
    return _real_documents()


def test_seeds_and_example_round_trip_and_validate(
    real_documents: list[fiscaldoc.Document], validator: jsonschema.Draft202012Validator
) -> None:
    for doc in real_documents:
        text = fiscaldoc.dumps(doc)
        assert fiscaldoc.loads(text) == doc
        validator.validate(json.loads(text))
        assert fiscaldoc.loads(fiscaldoc.dumps(doc, indent=2)) == doc


@_SETTINGS
@given(doc=documents())
def test_generated_documents_round_trip_and_validate(doc: fiscaldoc.Document) -> None:
    text = fiscaldoc.dumps(doc)
    assert fiscaldoc.loads(text) == doc
    jsonschema.validate(
        json.loads(text), fiscaldoc.json_schema(), cls=jsonschema.Draft202012Validator
    )


def test_decimals_are_exact_strings_and_enums_their_values() -> None:
    doc = fiscaldoc.parse_bytes(example_text(), source=EXAMPLE)
    data = json.loads(fiscaldoc.dumps(doc))
    assert data["format_version"] == "1.2"
    assert data["meta"]["kind"] == "决算" and data["meta"]["level"] == "部门"
    income = next(t for t in data["tables"] if t["id"] == "income")
    first = income["rows"][0]["cells"][0]
    assert first["value"] == "6202700.70" and first["text"] == "6,202,700.70"
    back = fiscaldoc.loads(fiscaldoc.dumps(doc))
    cell = back.tables[1].rows[0].cells[0]
    assert isinstance(cell.value, Decimal) and cell.value.as_tuple().exponent == -2


def test_a_newer_major_version_is_refused_with_a_clear_error() -> None:
    doc = fiscaldoc.parse_bytes(example_text(), source=EXAMPLE)
    data = json.loads(fiscaldoc.dumps(doc))
    data["format_version"] = "1.7"  # a newer minor version is read
    assert fiscaldoc.loads(json.dumps(data)) == doc
    data["format_version"] = "2.0"
    with pytest.raises(fiscaldoc.FormatVersionError, match=r"format 2\.0.*upgrade fiscaldoc"):
        fiscaldoc.loads(json.dumps(data))
    del data["format_version"]
    with pytest.raises(fiscaldoc.FormatVersionError, match="no format_version"):
        fiscaldoc.loads(json.dumps(data))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not JSON"),
        ("[]", "not an object"),
        ('{"format_version": "1.0"}', "required field missing"),
        ('{"format_version": "1.0", "meta": {"year": "two"}}', "meta.year"),
    ],
)
def test_bad_json_raises_a_fiscaldoc_error(text: str, message: str) -> None:
    with pytest.raises(fiscaldoc.FiscalDocError, match=message):
        fiscaldoc.loads(text)


def test_the_schema_rejects_what_loads_would_misread(
    validator: jsonschema.Draft202012Validator,
) -> None:
    doc = fiscaldoc.parse_bytes(example_text(), source=EXAMPLE)
    data = json.loads(fiscaldoc.dumps(doc))
    data["tables"][0]["rows"][0]["cells"][0]["value"] = 6000000.0  # a float, not a string
    assert not validator.is_valid(data)
    data = json.loads(fiscaldoc.dumps(doc))
    data["tables"][0]["id"] = "not_a_table"
    assert not validator.is_valid(data)


# --- a model grown later: new fields, unions of records, dates ------------------------------


@attrs.frozen
class Money:
    amount: Decimal
    unit: str = "万元"


@attrs.frozen
class Rate:
    percent: Decimal


@attrs.frozen
class Fact:
    text: str
    value: Money | Rate
    when: datetime.date | None = None


@attrs.frozen
class Grown:
    """A record as a later version might have it."""

    meta: fiscaldoc.DocumentMeta
    facts: tuple[Fact, ...] = ()
    counts: dict[str, int] = attrs.Factory(dict)


def test_fields_added_later_need_no_converter_or_schema_code() -> None:
    grown = Grown(
        fiscaldoc.DocumentMeta(unit_name="某局", year=2023, kind=fiscaldoc.DocumentKind.BUDGET),
        (
            Fact("支出决算 1,360.62 万元", Money(Decimal("1360.62"))),
            Fact("完成年初预算的 98.5%", Rate(Decimal("98.5")), datetime.date(2024, 6, 1)),
        ),
        {"tables": 9},
    )
    conv = converter()
    data: Any = json.loads(json.dumps(conv.unstructure(grown)))
    assert data["facts"][1]["value"] == {"_type": "Rate", "percent": "98.5"}
    assert conv.structure(data, Grown) == grown
    schema = schema_for(Grown)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    data["facts"][1]["value"]["_type"] = "Money"
    assert not jsonschema.Draft202012Validator(schema).is_valid(data)


def test_a_document_written_in_format_1_0_is_read_with_the_new_fields_defaulted() -> None:
    doc = fiscaldoc.parse_bytes(example_text(), source=EXAMPLE)
    data = json.loads(fiscaldoc.dumps(doc))
    data["format_version"] = "1.0"
    del data["performance"]  # 1.1 added these fields
    for table in data["tables"]:
        for row in table["rows"]:
            for field in ("government_code", "government_label", "remark", "ordinal"):
                del row[field]
    for unit in data["facts"]["units"]:
        del unit["authorized"], unit["actual"]
    back = fiscaldoc.loads(json.dumps(data))
    assert back == doc
