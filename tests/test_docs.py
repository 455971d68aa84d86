"""The documentation in docs/ and the README stay true to the code (after sqlite-utils'
docs tests): every command and option is documented, the README's library example runs,
and every relative link between the docs points at a file that exists."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import click
import pytest

from roti_excel.cli import cli
from roti_excel.resources import resource_dir

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CONTRACT = DOCS / "contract.md"
README = ROOT / "README.md"

# [text](target) with an optional "title"; images too (the leading ! is not needed here)
LINK = re.compile(r"\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
EXTERNAL = ("http://", "https://", "mailto:", "ftp://")


def long_options(command: click.Command) -> list[str]:
    """Every long option string (`--out-dir`, `--help`, ...) a command accepts."""
    context = click.Context(command, info_name=command.name)
    found: list[str] = []
    for param in command.get_params(context):
        if isinstance(param, click.Option):
            found += [o for o in (*param.opts, *param.secondary_opts) if o.startswith("--")]
    return found


def subcommands() -> list[tuple[str, click.Command]]:
    """The commands of the `roti-excel` group, by name."""
    assert isinstance(cli, click.Group)
    return sorted(cli.commands.items())


def documented_names() -> list[tuple[str, str]]:
    """(command, option) pairs to look for in contract.md; option "" stands for the
    command itself."""
    pairs: list[tuple[str, str]] = [("", option) for option in long_options(cli)]
    for name, command in subcommands():
        pairs.append((name, ""))
        pairs += [(name, option) for option in long_options(command)]
    return pairs


def relative_links() -> list[tuple[str, str]]:
    """(docs file, link target) for every link in docs/*.md that is not a web address or an
    anchor on the same page."""
    found: list[tuple[str, str]] = []
    for page in sorted(DOCS.glob("*.md")):
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if target.startswith(EXTERNAL) or target.startswith("#"):
                continue
            found.append((page.name, target))
    return found


class TestCommandsDocumented:
    def test_the_cli_has_commands_and_options(self) -> None:
        """The introspection below sees the real group: it finds commands and options, so
        the parametrised checks cannot pass vacuously."""
        names = [name for name, _ in subcommands()]
        assert "run" in names and "validate" in names
        assert "--out-dir" in long_options(cli.commands["run"])

    @pytest.mark.parametrize(("command", "option"), documented_names())
    def test_every_command_and_option_is_in_contract(self, command: str, option: str) -> None:
        """Every command of `roti-excel` appears in docs/contract.md as `roti-excel NAME`, and
        every long option of the group and of each command appears there too: a new command
        or option without documentation fails here."""
        text = CONTRACT.read_text(encoding="utf-8")
        if not option:
            assert f"roti-excel {command}" in text, f"command {command!r} not in contract.md"
        else:
            where = f"roti-excel {command}".strip()
            assert option in text, f"option {option} of {where!r} not in contract.md"


class TestReadmeExample:
    def test_library_snippet_runs(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                  ) -> None:
        """The ```python block of README.md runs as written in a folder holding the bundled
        example as program.xlsx, and writes program_report.xlsx there."""
        blocks = PYTHON_BLOCK.findall(README.read_text(encoding="utf-8"))
        assert len(blocks) == 1, "README.md should have exactly one ```python block"
        example = resource_dir("input_templates") / "roti_example_en.xlsx"
        shutil.copyfile(example, tmp_path / "program.xlsx")
        monkeypatch.chdir(tmp_path)
        exec(compile(blocks[0], str(README), "exec"), {"__name__": "readme_example"})
        assert (tmp_path / "program_report.xlsx").is_file()


class TestLinks:
    def test_docs_have_links(self) -> None:
        """The docs index links to the other pages, so the link check below has work."""
        targets = [target for page, target in relative_links() if page == "README.md"]
        assert "method.md" in targets and "contract.md" in targets and "report.md" in targets

    @pytest.mark.parametrize(("page", "target"), relative_links())
    def test_relative_link_points_at_a_file(self, page: str, target: str) -> None:
        """Every relative link in docs/*.md (anchor removed) names a file that exists,
        relative to the page that holds it."""
        path = target.split("#", 1)[0]
        assert (DOCS / path).exists(), f"docs/{page} links to {target}, which does not exist"
