"""Rewrite the goldens of tests/test_unchanged.py from the current code:

    python -m tests.golden.regenerate

Only when a change of behaviour is intended; the diff of the goldens is then the change."""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.golden.cases import cases, outputs
from tests.snapshot import canonical


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        for case in cases():
            case.golden.write_text(canonical(outputs(case, Path(scratch))), encoding="utf-8")
            print(f"wrote {case.golden}")


if __name__ == "__main__":
    main()
