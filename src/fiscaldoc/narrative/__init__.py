"""The narrative: sentences, sections, lists and glossary of a disclosure as typed records.

Data flows one way: text lines → headings and paragraphs (:mod:`.structure`) → sentences with
their source locations (:mod:`.sentences`) → tokens (:mod:`.lexer`, its vocabulary in
:mod:`.lexicon`) → clauses (:mod:`.clauses`) → trees (``grammars/narrative_*.lark``,
:mod:`.grammar`) → claims (:mod:`.claims`) → facts named from the vocabulary (:mod:`.resolve`,
:mod:`.keys`), one sentence at a time (:mod:`.reading`), in its section's context
(:mod:`.sections`). Lists, the glossary and statements of empty tables are read by
:mod:`.lists`; :mod:`.extract` walks the document.
"""

from fiscaldoc.narrative.extract import extract

__all__ = ["extract"]
