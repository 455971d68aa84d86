"""The written paragraphs of the report: Python computes the facts (already-formatted
strings, counts and flags), the jinja2 templates under ``templates/<lang>/`` only phrase
them. One template per band (its ``text`` and ``actions`` blocks), one per level, plus
the headline, one sentence per group and the data-quality paragraph.

The facts are in :mod:`facts`, the formatting in :mod:`numbers` (the only place that
rounds); the templates never do arithmetic. The output is plain cell text: no markdown, no
HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import jinja2

from roti_excel.domain import Band, language_named
from roti_excel.method.evaluate import Results
from roti_excel.narrative.actions import action_facts
from roti_excel.narrative.facts import (
    Facts,
    application_facts,
    data_quality_facts,
    financial_facts,
    impact_facts,
    learning_facts,
    reaction_facts,
    total_facts,
)
from roti_excel.narrative.numbers import Formatter
from roti_excel.resources import resource_dir

LEVELS = ("reaction", "learning", "application", "impact", "roi")


@dataclass(frozen=True)
class Narrative:
    band: Band | None
    band_label: str
    headline: str
    credibility: str  # the status and its reasons, beside the band on the first page
    band_text: str
    actions: tuple[str, ...]
    levels: dict[str, str]  # reaction, learning, application, impact, roi
    groups: dict[str, str]  # group name -> one sentence
    data_quality: str



def _no_none(value: object) -> object:
    """Printing None is a missing fact too: fail instead of writing "None" in a cell."""
    if value is None:
        raise jinja2.UndefinedError("a template printed a fact that is None")
    return value


@cache
def environment() -> jinja2.Environment:
    """The template environment: StrictUndefined, no autoescape (plain cell text)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resource_dir("templates"))),
        undefined=jinja2.StrictUndefined, autoescape=False, trim_blocks=True,
        lstrip_blocks=True, keep_trailing_newline=False, finalize=_no_none)


# the template's own white space; a no-break space (60.6 %, 1 November 2010) is kept
_SPACES = re.compile(r"[ \t\r\n]+")
_SPACE_BEFORE = re.compile(r"[ \t\r\n]+([,.;:)])")
_SPACE_AFTER = re.compile(r"\([ \t\r\n]+")


def _paragraph(text: str) -> str:
    """Templates may wrap lines; a paragraph is one line with single spaces and no space
    before punctuation."""
    text = _SPACES.sub(" ", text).strip(" ")
    return _SPACE_AFTER.sub("(", _SPACE_BEFORE.sub(r"\1", text))


def render_template(lang: str, name: str, facts: Facts) -> str:
    """One template of `lang` rendered with `facts`, as a one-line paragraph."""
    template = environment().get_template(f"{language_named(lang)}/{name}")
    return _paragraph(template.render(facts))


def _block(lang: str, name: str, block: str, facts: Facts) -> str:
    """One block of a template, rendered with `facts`, as written (lines kept)."""
    template = environment().get_template(f"{language_named(lang)}/{name}")
    return "".join(template.blocks[block](template.new_context(facts)))


def _lines(text: str) -> tuple[str, ...]:
    """One action per non-empty line, each a paragraph."""
    return tuple(line for line in (_paragraph(x) for x in text.splitlines()) if line)


def band_template(band: Band | None, *, monetised: bool) -> str:
    """The band's template; a program claiming no monetary benefit has its own."""
    return f"band_{band or 'none'}.j2" if monetised else "band_not_monetised.j2"


def render_band(lang: str, band: Band | None, facts: Facts) -> tuple[str, tuple[str, ...]]:
    """The band template's `text` block (a paragraph) and the actions, one per line: the
    steps that would make a provisional result credible first, then the band's guidance,
    then what the data point at (actions.j2)."""
    name = band_template(band, monetised=bool(facts.get("monetised", True)))
    text = _block(lang, name, "text", facts)
    actions = (*_lines(_block(lang, "actions.j2", "first", facts)),
               *_lines(_block(lang, name, "actions", facts)),
               *_lines(_block(lang, "actions.j2", "after", facts)))
    return _paragraph(text), actions


def render(results: Results, lang: str | None = None) -> Narrative:
    """Every paragraph of the report in `lang` (default: the workbook's Language)."""
    lang = language_named(lang if lang is not None else results.evaluation.program.language)
    fmt = Formatter(lang, results.evaluation.program.currency)
    total = {**total_facts(results, fmt), **action_facts(results, fmt)}
    band = results.total.band
    band_text, actions = render_band(lang, band, total)
    levels = {
        "reaction": render_template(lang, "reaction.j2", reaction_facts(results, fmt)),
        "learning": render_template(lang, "learning.j2", learning_facts(results, fmt)),
        "application": render_template(lang, "application.j2",
                                       application_facts(results, fmt)),
        "impact": render_template(lang, "impact.j2", impact_facts(results, fmt)),
        "roi": render_template(lang, "roi.j2", total),
    }
    groups = {g.name: render_template(lang, "group.j2", financial_facts(g, fmt))
              for g in results.groups}
    return Narrative(
        band=band, band_label=str(total["band_label"]),
        headline=render_template(lang, "headline.j2", total),
        credibility=render_template(lang, "credibility.j2", total),
        band_text=band_text, actions=actions, levels=levels, groups=groups,
        data_quality=render_template(lang, "data_quality.j2",
                                     data_quality_facts(results, fmt)))
