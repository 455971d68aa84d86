"""Where the bundled folders (templates/, input_templates/) are: inside the installed
package (the wheel force-includes them) or at the top of a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """The folder `name` shipped with the package; raises if neither place has it."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"roti_excel is missing its '{name}' folder; reinstall it")
