"""Table grammars, the post-lexer in front of them, and the transform to table records."""

from fiscaldoc.tables.build import BuiltTable, build_table

__all__ = ["BuiltTable", "build_table"]
