"""The grammar cache: built LALR tables are kept between runs, and a bad cache is never fatal."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from fiscaldoc.cache import CACHE_ENV, cache_directory
from fiscaldoc.grammar import cached_lark
from tests.conftest import seed_path

GRAMMAR = 'start: WORD+\nWORD: /[a-z]+/\n%ignore " "\n'


def test_a_built_parser_is_saved_and_loaded_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    built = cached_lark(GRAMMAR, parser="lalr")
    entries = list(tmp_path.glob("*.lark"))
    assert len(entries) == 1
    loaded = cached_lark(GRAMMAR, parser="lalr")
    assert loaded is not built
    assert loaded.parse("two words") == built.parse("two words")
    assert list(tmp_path.iterdir()) == entries  # no temporary file left behind


def test_another_grammar_or_option_gets_its_own_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    cached_lark(GRAMMAR, parser="lalr")
    cached_lark(GRAMMAR.replace("a-z", "a-y"), parser="lalr")
    cached_lark(GRAMMAR, parser="lalr", propagate_positions=True)
    assert len(list(tmp_path.glob("*.lark"))) == 3


def test_a_damaged_entry_is_rebuilt_and_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    cached_lark(GRAMMAR, parser="lalr")
    (entry,) = tmp_path.glob("*.lark")
    entry.write_bytes(b"half a file from a process that was killed")
    parser = cached_lark(GRAMMAR, parser="lalr")
    assert parser.parse("still parses").children[1] == "parses"
    assert entry.read_bytes() != b"half a file from a process that was killed"


def test_a_cache_that_cannot_be_written_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    assert cached_lark(GRAMMAR, parser="lalr").parse("fine").children == ["fine"]


def test_an_empty_setting_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, "")
    assert cache_directory() is None


def test_the_default_is_the_users_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if sys.platform not in ("win32", "darwin"):
        assert cache_directory() == tmp_path / "fiscaldoc"


def test_a_document_reads_the_same_from_built_loaded_and_uncached_grammars(
    tmp_path: Path,
) -> None:
    """The real grammars (custom stream lexers included) survive the cache unchanged."""
    program = (
        "import sys, fiscaldoc; doc = fiscaldoc.parse_file(sys.argv[1]); "
        "sys.stdout.write(fiscaldoc.dumps(doc) + repr(fiscaldoc.validate(doc).findings))"
    )

    def run(cache: str) -> str:
        environment = {**os.environ, CACHE_ENV: cache}
        command = [sys.executable, "-c", program, str(seed_path("yulin"))]
        done = subprocess.run(command, env=environment, capture_output=True, check=True)
        return done.stdout.decode("utf-8")

    built, loaded, uncached = run(str(tmp_path)), run(str(tmp_path)), run("")
    assert len(list(tmp_path.glob("*.lark"))) >= 5
    assert built == loaded == uncached


def test_the_lexers_first_characters_are_kept_and_a_bad_entry_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fiscaldoc.narrative import lexer

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    lexer._first_characters_of_entries.cache_clear()
    built = lexer._first_characters_of_entries()
    (saved,) = tmp_path.glob("lexer-*.json")
    lexer._first_characters_of_entries.cache_clear()
    assert lexer._first_characters_of_entries() == built
    saved.write_bytes(b'["only one"')
    lexer._first_characters_of_entries.cache_clear()
    assert lexer._first_characters_of_entries() == built
    assert any(chars is None for chars in built)  # an entry that may start with any Han
    assert any(chars is not None and "1" in chars for chars in built)  # the figures
    assert lexer.lex("支出合计 12.5 万元")[1].value == Decimal("12.5")


def test_compiled_patterns_are_kept_and_a_bad_file_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fiscaldoc import cache

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(cache._Kept, "patterns", None)
    pattern = cache.compiled(r"(?P<num>\d+(?:\.\d+)?)\s*万元")
    cache._save_patterns()
    (saved,) = tmp_path.glob("patterns-*.pickle")
    monkeypatch.setattr(cache._Kept, "patterns", None)
    loaded = cache.compiled(r"(?P<num>\d+(?:\.\d+)?)\s*万元")
    assert loaded is not pattern and loaded.pattern == pattern.pattern
    found = loaded.search("支出 12.5 万元")
    assert found is not None and found["num"] == "12.5"
    saved.write_bytes(b"not a pickle")
    monkeypatch.setattr(cache._Kept, "patterns", None)
    assert cache.compiled(r"\d+").match("42") is not None
