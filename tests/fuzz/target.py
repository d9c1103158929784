"""The contract every input is held to, for the fuzzers and for replaying their finds.

:func:`check` runs bytes through the whole public path — ``parse_bytes`` → ``validate`` →
``dumps`` → ``loads`` → ``render`` — and raises :class:`ContractBrokenError` when anything but a
:class:`~fiscaldoc.FiscalDocError` comes out, when the JSON does not read back to the same
document, or when the input took more than :data:`SECONDS_PER_MB` per MB (at least one second).
"""

from __future__ import annotations

import time

import fiscaldoc
from fiscaldoc import FiscalDocError

SECONDS_PER_MB = 2.0


class ContractBrokenError(AssertionError):
    """An input broke the contract; the message says how."""


def check(data: bytes, *, timed: bool = True) -> None:
    """Hold ``data`` to the contract (see the module docstring)."""
    start = time.process_time()
    try:
        doc = fiscaldoc.parse_bytes(data)
    except FiscalDocError:
        return
    except Exception as error:  # the contract: nothing else may come out
        raise ContractBrokenError(f"parse_bytes raised {type(error).__name__}: {error}") from error
    try:
        fiscaldoc.validate(doc)
        written = fiscaldoc.dumps(doc)
        written.encode("utf-8")
        again = fiscaldoc.loads(written)
        fiscaldoc.render(doc)
    except Exception as error:
        raise ContractBrokenError(
            f"a parsed document broke {type(error).__name__}: {error}"
        ) from error
    if again != doc:
        raise ContractBrokenError("dumps/loads did not give the same document back")
    spent = time.process_time() - start
    if timed and spent > max(1.0, SECONDS_PER_MB * len(data) / 1e6):
        raise ContractBrokenError(f"{len(data)} bytes took {spent:.2f} s")
