"""The report's version: a short hash of the input file, so that a signed report can be
matched to the exact workbook it was made from and a changed input gives a new version."""

from __future__ import annotations

import hashlib
from pathlib import Path

from roti_excel.model import Evaluation

SHORT = 8  # hex digits shown as the report version


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in blocks (inputs may be tens of megabytes)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def input_sha256(evaluation: Evaluation) -> str:
    """The input file's SHA-256; for an evaluation built in memory (no file), the hash of
    its content, which changes whenever an input value does."""
    if evaluation.fingerprint:
        return evaluation.fingerprint
    return hashlib.sha256(repr(evaluation).encode("utf-8")).hexdigest()


def report_version(evaluation: Evaluation) -> str:
    """The version printed on the brief: the first digits of the input's SHA-256."""
    return input_sha256(evaluation)[:SHORT]
