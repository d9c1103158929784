"""The reference pages cover what exists: every grammar, every command and option.

The docs' examples themselves run under ``sphinx-build -b doctest`` (see .ci/run).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fiscaldoc.cli.arguments import parser as _parser

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def test_every_grammar_is_shown_in_the_grammar_reference() -> None:
    page = (DOCS / "grammars.rst").read_text(encoding="utf-8")
    for grammar in sorted((ROOT / "grammars").glob("*.lark")):
        assert f".. literalinclude:: ../grammars/{grammar.name}" in page, (
            f"docs/grammars.rst does not show {grammar.name}: add a section saying what it covers"
        )


def test_every_command_and_option_is_in_the_cli_reference() -> None:
    from fiscaldoc.cli.arguments import reference_rst

    page = (DOCS / "cli.rst").read_text(encoding="utf-8")
    assert ".. include:: cli-reference.inc" in page
    assert "reference_rst()" in (DOCS / "conf.py").read_text(encoding="utf-8")
    generated = reference_rst()
    commands = next(
        action for action in _parser()._actions if isinstance(action, argparse._SubParsersAction)
    )
    for name, command in commands.choices.items():
        assert f"``{name}``" in page, f"docs/cli.rst does not describe the command {name}"
        for action in command._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert option in page, f"docs/cli.rst does not mention {name} {option}"
                    assert option in generated.split(f"``fiscaldoc {name}``")[1]


def test_the_rule_catalogue_is_generated_into_the_docs() -> None:
    from fiscaldoc.validation import RULES
    from fiscaldoc.validation.registry import catalogue_rst

    page = (DOCS / "validation.rst").read_text(encoding="utf-8")
    assert ".. include:: rules.inc" in page
    assert "catalogue_rst(examples_rst())" in (DOCS / "conf.py").read_text(encoding="utf-8")
    catalogue = catalogue_rst()
    for rule in RULES:
        assert f"``{rule.id}`` ({rule.severity.value})" in catalogue
        assert rule.rationale in catalogue


def test_every_family_of_rules_shows_an_example_finding_of_its_own() -> None:
    import sys

    from fiscaldoc.validation import FAMILIES

    sys.path.insert(0, str(DOCS))
    try:
        from rule_examples import examples_rst
    finally:
        sys.path.remove(str(DOCS))
    examples = examples_rst()  # raises when an example gives no finding of its family
    assert set(examples) == set(FAMILIES)
    for family, block in examples.items():
        assert f" {family}." in block, family
