"""Python's cycle collector around the steps that make millions of objects: a large survey
is two million answers, none of them in a reference cycle, and the collector would scan
them again and again for nothing."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No collection while reading: the objects being made are all kept."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextlib.contextmanager
def frozen() -> Iterator[None]:
    """The objects alive now (the evaluation read) left out of every collection until the
    block ends, so computing and writing the report collect only their own objects. They
    are handed back after: a drop-folder worker goes on to the next file."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
