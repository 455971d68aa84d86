"""The cases whose outputs are pinned in this folder: the bundled workbooks as a user runs
them, and in-memory evaluations that reach every isolation method, shared costs, hostile
and overlong text, no costs and no groups.

Each case gives (what the report and JSON summary are made from, how it is named)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from roti_excel import evaluate, load, summary, write_report
from roti_excel.resources import resource_dir
from tests.cases import no_costs_evaluation, no_groups_evaluation, rich_evaluation
from tests.snapshot import dump_report, normalise_messages

FOLDER = Path(__file__).parent
BUNDLED = ("roti_example_en.xlsx", "roti_example_id.xlsx",
           "roti_template_en.xlsx", "roti_template_id.xlsx")
IN_MEMORY: dict[str, Callable[[], Any]] = {
    "rich": rich_evaluation, "no_costs": no_costs_evaluation, "no_groups": no_groups_evaluation,
}


@dataclass(frozen=True)
class Case:
    name: str

    @property
    def golden(self) -> Path:
        return FOLDER / f"{self.name}.json"


def cases() -> list[Case]:
    return [Case(Path(b).stem) for b in BUNDLED] + [Case(n) for n in IN_MEMORY]


def outputs(case: Case, scratch: Path) -> dict[str, Any]:
    """What the tool says and writes for a case, as comparable data."""
    if case.name in IN_MEMORY:
        results = evaluate(IN_MEMORY[case.name]())
        out: dict[str, Any] = {}
    else:
        source = resource_dir("input_templates") / f"{case.name}.xlsx"
        loaded = load(source)
        out = {"ok": loaded.ok, "messages": normalise_messages(loaded.messages(), source)}
        if not loaded.ok or loaded.evaluation is None:
            return out
        results = evaluate(loaded.evaluation)
    out["summary"] = summary(results)
    for lang in ("en", "id"):
        report = write_report(results, scratch / f"{case.name}_{lang}.xlsx", lang)
        out[f"report_{lang}"] = dump_report(report)
    return out
