"""The ``fiscaldoc`` command line: a thin layer over the public API.

Commands that read documents take files, directories, glob patterns and ``-`` (standard input),
parse them in ``--jobs`` processes and go on past a bad file: each failure prints one line on
stderr (``fiscaldoc: FILE: reason``), and the run exits with status 2 when any file failed. User
mistakes never print a traceback. Output is safe in pipelines: a reader that stops early
(``| head``) ends the run quietly with status 0, and a file given with ``-o`` is complete or not
written at all.

To add a command: a subparser in :func:`fiscaldoc.cli.arguments.parser`, a module-level function
``Document -> result`` in :mod:`fiscaldoc.cli.commands` (exports) or
:mod:`fiscaldoc.cli.checking` (validation; imported only when such a command runs) — it runs in
worker processes, so it must be picklable — and a handler in ``COMMANDS`` that writes the
results of ``Run(args).results(function)``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from fiscaldoc.cli.arguments import (
    EXIT_FINDINGS,
    EXIT_INPUT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
)
from fiscaldoc.cli.arguments import parser as _parser
from fiscaldoc.cli.commands import COMMANDS, summarise
from fiscaldoc.cli.running import say, silence_stdout
from fiscaldoc.serialize.extras import MissingExtraError

if TYPE_CHECKING:
    from fiscaldoc.demo import EXAMPLE, example_text

__all__ = [
    "EXAMPLE",
    "EXIT_FINDINGS",
    "EXIT_INPUT_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "example_text",
    "main",
    "summarise",
]


def __getattr__(name: str) -> Any:
    """``EXAMPLE`` and ``example_text``, from :mod:`fiscaldoc.demo` on first use (PEP 562): a
    command that does not show the example does not import it."""
    if name in ("EXAMPLE", "example_text"):
        from fiscaldoc import demo  # noqa: PLC0415

        return getattr(demo, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        status = COMMANDS[args.command](args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return status
    except BrokenPipeError:  # the reader stopped early (| head): what it read is complete
        silence_stdout()
        return EXIT_OK
    except MissingExtraError as error:
        say(str(error))
    except OSError as error:  # the output cannot be written
        say(f"{error.filename or 'output'}: {error.strerror or error}")
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return EXIT_INPUT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
