"""The written paragraphs of the report: Python computes the facts (already-formatted
strings, counts and flags), the jinja2 templates under ``templates/<lang>/`` only phrase
them. One template per band (its ``text`` and ``actions`` blocks), one per level, plus
the headline, one sentence per group and the data-quality paragraph.

Rounding happens only here, in :func:`format_number` / :func:`format_money`; the
templates never do arithmetic. The output is plain cell text: no markdown, no HTML.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

import jinja2

from roti_excel import schema
from roti_excel.method import application as application_level
from roti_excel.method import learning as learning_level
from roti_excel.method.evaluate import Results
from roti_excel.method.findings import ROI_REVIEW_PCT
from roti_excel.method.impact import OUTLIER_EXCLUDED, EstimateResult, MeasureResult, PeriodResult
from roti_excel.method.roi import HIGH, NEGATIVE, THIN_POSITIVE, Financials
from roti_excel.method.stats import favourable_threshold
from roti_excel.model import Question
from roti_excel.resources import resource_dir

LANGUAGES = ("en", "id")
BANDS = (HIGH, THIN_POSITIVE, NEGATIVE)
LEVELS = ("reaction", "learning", "application", "impact", "roi")

BAND_LABELS: dict[str, dict[str | None, str]] = {
    "en": {HIGH: "High", THIN_POSITIVE: "Thin positive", NEGATIVE: "Negative",
           None: "Not computed"},
    "id": {HIGH: "Tinggi", THIN_POSITIVE: "Positif tipis", NEGATIVE: "Negatif",
           None: "Tidak dapat dihitung"},
}

# Cost codes whose absence means the costs may not be fully loaded (flags.py, principle 5).
FULL_LOAD_CODES = ("L", "TE")

_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
}

Facts = dict[str, Any]


@dataclass(frozen=True)
class Narrative:
    band: str | None  # "high" | "thin_positive" | "negative" | None
    band_label: str
    headline: str
    band_text: str
    actions: tuple[str, ...]
    levels: dict[str, str]  # reaction, learning, application, impact, roi
    groups: dict[str, str]  # group name -> one sentence
    data_quality: str


# -- formatting -------------------------------------------------------------------------

def _check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"language must be 'en' or 'id', not {lang!r}")
    return lang


def format_number(value: float, decimals: int, lang: str) -> str:
    """value rounded half away from zero (as Excel does) to `decimals`; en 1,234.5,
    id 1.234,5. Never prints -0."""
    _check_lang(lang)
    if not math.isfinite(value):
        return "-" if math.isnan(value) else ("-∞" if value < 0 else "∞")
    q = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    if q == 0:
        q = abs(q)
    text = f"{q:,.{decimals}f}"
    if lang == "id":
        text = text.translate(str.maketrans(",.", ".,"))
    return text


def format_compact(value: float, max_decimals: int, lang: str) -> str:
    """Like format_number, without trailing zeros: 25 -> "25", 12.5 -> "12.5"."""
    if not math.isfinite(value):
        return format_number(value, 0, lang)
    for decimals in range(max_decimals + 1):
        scale = 10 ** decimals
        if abs(round(value * scale) - value * scale) < 1e-9 * max(1.0, abs(value * scale)):
            return format_number(value, decimals, lang)
    return format_number(value, max_decimals, lang)


def format_pct(value: float, decimals: int, lang: str) -> str:
    """60.6 % (en) / 60,6 % (id): a space before the sign, as the design writes it."""
    return f"{format_number(value, decimals, lang)} %"


def format_money(value: float, currency: str, lang: str, decimals: int | None = None) -> str:
    """IDR: Rp193,250,240 (en) / Rp193.250.240 (id), whole rupiah unless `decimals` says
    otherwise; other currencies: USD 1,234.56 with 2 decimals. Negative: -Rp1,000."""
    code = currency.strip().upper()
    rupiah = code in ("IDR", "RP")
    places = decimals if decimals is not None else (0 if rupiah else 2)
    digits = format_number(abs(value), places, lang)
    sign = "-" if value < 0 and digits.strip("0.,") else ""
    prefix = "Rp" if rupiah else (f"{code} " if code else "")
    return f"{sign}{prefix}{digits}"


def format_date(value: dt.date, lang: str) -> str:
    return f"{value.day} {_MONTHS[_check_lang(lang)][value.month - 1]} {value.year}"


# -- templates --------------------------------------------------------------------------

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


_SPACE_BEFORE = re.compile(r"\s+([,.;:)])")
_SPACE_AFTER = re.compile(r"\(\s+")


def _paragraph(text: str) -> str:
    """Templates may wrap lines; a paragraph is one line with single spaces and no space
    before punctuation."""
    text = " ".join(text.split())
    return _SPACE_AFTER.sub("(", _SPACE_BEFORE.sub(r"\1", text))


def render_template(lang: str, name: str, facts: Facts) -> str:
    """One template of `lang` rendered with `facts`, as a one-line paragraph."""
    template = environment().get_template(f"{_check_lang(lang)}/{name}")
    return _paragraph(template.render(facts))


def render_band(lang: str, band: str | None, facts: Facts) -> tuple[str, tuple[str, ...]]:
    """The band template's `text` block (a paragraph) and `actions` block (one per line)."""
    template = environment().get_template(f"{_check_lang(lang)}/band_{band or 'none'}.j2")
    context = template.new_context(facts)
    text = "".join(template.blocks["text"](context))
    context = template.new_context(facts)
    actions = "".join(template.blocks["actions"](context))
    lines = (_paragraph(line) for line in actions.splitlines())
    return _paragraph(text), tuple(line for line in lines if line)


# -- facts ------------------------------------------------------------------------------

class _Fmt:
    """Formatting bound to one language and currency."""

    def __init__(self, lang: str, currency: str) -> None:
        self.lang, self.currency = lang, currency

    def money(self, value: float, decimals: int | None = None) -> str:
        return format_money(value, self.currency, self.lang, decimals)

    def num(self, value: float, decimals: int) -> str:
        return format_number(value, decimals, self.lang)

    def compact(self, value: float, max_decimals: int = 1) -> str:
        return format_compact(value, max_decimals, self.lang)

    def pct(self, value: float, decimals: int = 1) -> str:
        return format_pct(value, decimals, self.lang)

    def opt(self, value: float | None, decimals: int) -> str:
        return "" if value is None else self.num(value, decimals)

    def opt_pct(self, value: float | None, decimals: int = 1) -> str:
        return "" if value is None else self.pct(value, decimals)


def _financial_facts(f: Financials, fmt: _Fmt) -> Facts:
    """Money, ratios and the band of one Financials (the total or a group)."""
    roi, bcr, payback = f.roi_pct, f.bcr, f.payback_months
    return {
        "name": f.name,
        "band": f.band or "none",
        "band_label": BAND_LABELS[fmt.lang][f.band],
        "has_costs": f.costs > 0,
        "benefits": fmt.money(f.benefits),
        "costs": fmt.money(f.costs),
        "net": fmt.money(f.net_benefits),
        "net_abs": fmt.money(abs(f.net_benefits)),
        "net_positive": f.net_benefits > 0,
        "bcr": fmt.opt(bcr, 2),
        # "Each Rp1 spent returned Rp1.58": the BCR written as money per unit of cost
        "one": fmt.money(1, 0),
        "bcr_money": "" if bcr is None else fmt.money(bcr, 2),
        "roi": fmt.opt_pct(roi),
        "payback": fmt.opt(payback, 1),
        "has_payback": payback is not None,
        "payback_within_horizon": payback is not None and payback <= f.horizon_months,
        "break_even": f.band == THIN_POSITIVE and roi is not None and abs(roi) < 1e-9,
        "objective": f"{fmt.compact(f.objective_pct)} %",
        "horizon": fmt.compact(f.horizon_months),
    }


def _program_facts(results: Results, fmt: _Fmt) -> Facts:
    program = results.evaluation.program
    start, end = program.evaluation_start, program.evaluation_end
    return {
        "program": program.name.strip(),
        "organization": program.organization.strip(),
        "currency": program.currency,
        "period_start": format_date(start, fmt.lang) if start else "",
        "period_end": format_date(end, fmt.lang) if end else "",
        # without Level 4 data the benefits are 0 by default, not measured as 0
        "benefits_measured": results.impact.evaluated,
        "missing_costs": _missing_cost_labels(results, fmt.lang),
        "no_isolation": [_measure_label(m) for m in results.impact.measures
                         if m.measure.isolation == "none"],
    }


def _total_facts(results: Results, fmt: _Fmt) -> Facts:
    costs = results.costs.total
    return {**_program_facts(results, fmt), **_financial_facts(results.total, fmt),
            "direct": fmt.money(costs.direct), "indirect": fmt.money(costs.indirect),
            "groups_count": len(results.groups)}


def _scale(questions: tuple[Question, ...], fmt: _Fmt) -> tuple[str, Question | None]:
    """"1-5" when all questions share one scale, else ""; and that shared question."""
    scales = {(q.scale_min, q.scale_max) for q in questions}
    if len(scales) != 1:
        return "", None
    lo, hi = scales.pop()
    return f"{fmt.compact(lo)}-{fmt.compact(hi)}", questions[0]


def _choice_label(choices: tuple[schema.Choice, ...], key: str, lang: str) -> str:
    found = next((c for c in choices if c.key == key), None)
    return found.label(lang).lower() if found else key


def _reaction_facts(results: Results, fmt: _Fmt) -> Facts:
    r = results.reaction
    scale, question = _scale(results.evaluation.questions_at(1), fmt)
    favourable_from = ""
    if question is not None:
        favourable_from = fmt.compact(favourable_threshold(question.scale_min,
                                                           question.scale_max))
    return {
        "evaluated": r.evaluated,
        "mean": fmt.opt(r.overall.mean, 2),
        "has_mean": r.overall.mean is not None,
        "favourable": fmt.opt_pct(r.overall.favourable_pct),
        "has_favourable": r.overall.favourable_pct is not None,
        "respondents": fmt.compact(r.respondents),
        "rows": r.rows,
        "weighted": not math.isclose(r.respondents, r.rows),
        "scale": scale,
        "favourable_from": favourable_from,
        "scale_max": fmt.compact(question.scale_max) if question else "",
        "dimensions": [{"label": _choice_label(schema.DIMENSIONS, d.label, fmt.lang),
                        "mean": fmt.opt(d.mean, 2), "favourable": fmt.opt_pct(d.favourable_pct)}
                       for d in r.by_dimension if d.mean is not None],
        "trainers": len(r.by_trainer),
        "out_of_scale": len(r.out_of_scale),
    }


def _learning_facts(results: Results, fmt: _Fmt) -> Facts:
    lr = results.learning
    s = lr.overall
    maxima = {row.max_score for row in results.evaluation.learning if learning_level.sat(row)}
    max_score = maxima.pop() if len(maxima) == 1 else None
    return {
        "evaluated": lr.evaluated,
        "participants": s.participants,
        "sat": s.sat,
        "absent": s.absent,
        "likely_absent": s.likely_absent,
        "has_scores": s.mean is not None,
        "mean": fmt.opt(s.mean, 1),
        "median": "" if s.median is None else fmt.compact(s.median),
        "min": "" if s.min is None else fmt.compact(s.min),
        "max": "" if s.max is None else fmt.compact(s.max),
        "max_score": "" if max_score is None else fmt.compact(max_score),
        "has_pass_rate": s.pass_rate_pct is not None,
        "pass_rate": fmt.opt_pct(s.pass_rate_pct),
        "with_pass_mark": s.with_pass_mark,
        "passed": round((s.pass_rate_pct or 0) * s.with_pass_mark / 100),
        "has_gain": s.mean_gain is not None,
        "gain": fmt.opt(s.mean_gain, 1),
        "has_normalised_gain": s.normalised_gain is not None,
        "normalised_gain": "" if s.normalised_gain is None else fmt.pct(100 * s.normalised_gain),
        "with_pre": s.with_pre,
        "groups": [{"name": g.label, "mean": fmt.opt(g.mean, 1),
                    "pass_rate": fmt.opt_pct(g.pass_rate_pct)}
                   for g in lr.by_group if g.mean is not None],
    }


def _application_facts(results: Results, fmt: _Fmt) -> Facts:
    ap = results.application
    ev = results.evaluation
    questions = ev.questions_at(3)
    scale, _ = _scale(questions, fmt)
    category = ""
    if questions and ap.overall_mean is not None:
        category = application_level.category(ap.overall_mean, questions[0],
                                              ev.program.category_bands, fmt.lang)
    known = [x for x in ap.response if x.sent]
    sent = math.fsum(x.sent or 0 for x in known)
    got = math.fsum(x.respondents for x in known)
    overall_rate = fmt.pct(100 * got / sent) if known and len(known) == len(ap.response) \
        and sent else ""
    return {
        "evaluated": ap.evaluated,
        "mean": fmt.opt(ap.overall_mean, 2),
        "has_mean": ap.overall_mean is not None,
        "category": category,
        "scale": scale,
        "aspects": [{"label": _choice_label(schema.DIMENSIONS, a.label, fmt.lang),
                     "mean": fmt.opt(a.mean, 2), "category": a.category}
                    for a in ap.by_aspect if a.mean is not None],
        "response": [{"group": x.group, "respondents": fmt.compact(x.respondents),
                      "sent": "" if x.sent is None else fmt.compact(x.sent),
                      "rate": fmt.opt_pct(x.rate_pct)} for x in ap.response],
        "respondents": fmt.compact(math.fsum(x.respondents for x in ap.response)),
        "overall_rate": overall_rate,
    }


def _measure_label(m: MeasureResult) -> str:
    return m.measure.name + (f" ({m.group})" if m.group else "")


def _impact_facts(results: Results, fmt: _Fmt) -> Facts:
    im = results.impact
    measures = []
    for m in im.measures:
        improvement = m.improvement
        measure = m.measure
        measures.append({
            "label": _measure_label(m),
            "unit": measure.unit.strip(),
            "better_when": measure.better_when,
            "improved": improvement > 0,
            "unchanged": improvement == 0,
            "improvement": fmt.num(abs(improvement), 2),
            "money": fmt.money(m.benefits),
            "value_per_unit": fmt.money(m.value_per_unit, 2),
            "isolation": measure.isolation,
            "contribution": "" if measure.contribution is None
            else fmt.pct(100 * measure.contribution, 0),
            "confidence": "" if measure.confidence is None
            else fmt.pct(100 * measure.confidence, 0),
            "periods": sum(1 for p in m.periods if p.included),
            "estimates": sum(1 for e in m.estimates if e.included),
        })
    return {
        "evaluated": im.evaluated,
        "measures": measures,
        "benefits": fmt.money(results.total.benefits),
        "horizon": fmt.compact(results.evaluation.program.horizon_months),
        "intangibles": len(results.evaluation.intangibles),
    }


def _missing_cost_labels(results: Results, lang: str) -> list[str]:
    if not any(f.kind == "missing_cost" for f in results.findings):
        return []
    return [f"{_choice_label(schema.COST_CODES, code, lang)} ({code})"
            for code in FULL_LOAD_CODES if code not in results.costs.codes_present]


def _data_quality_facts(results: Results, fmt: _Fmt) -> Facts:
    kinds = [f.kind for f in results.findings]
    items: list[PeriodResult | EstimateResult] = []
    for m in results.impact.measures:
        items.extend(m.periods)
        items.extend(m.estimates)
    outliers = [item.note == OUTLIER_EXCLUDED for item in items if item.outlier]
    excluded = sum(outliers)
    kept = len(outliers) - excluded
    over = [x.group for x in results.application.response
            if x.rate_pct is not None and x.rate_pct > 100 + 1e-9]
    return {
        **_total_facts(results, fmt),
        "zeroed": kinds.count("zeroed"),
        "beyond_horizon": kinds.count("horizon"),
        "outliers_excluded": excluded,
        "outliers_kept": kept,
        "out_of_scale": len(results.reaction.out_of_scale),
        "likely_absent": kinds.count("likely_absent"),
        "allocation_equal": "allocation" in kinds,
        "roi_review": "roi_review" in kinds,
        "review_threshold": fmt.pct(ROI_REVIEW_PCT, 0),
        "no_costs": "no_costs" in kinds,
        "over_responses": over,
        "costs_zero": results.total.costs <= 0,
    }


# -- the narrative ----------------------------------------------------------------------

def render(results: Results, lang: str | None = None) -> Narrative:
    """Every paragraph of the report in `lang` (default: the workbook's Language)."""
    lang = _check_lang(lang if lang is not None else results.evaluation.program.language)
    fmt = _Fmt(lang, results.evaluation.program.currency)
    total = _total_facts(results, fmt)
    band = results.total.band
    band_text, actions = render_band(lang, band, total)
    levels = {
        "reaction": render_template(lang, "reaction.j2", _reaction_facts(results, fmt)),
        "learning": render_template(lang, "learning.j2", _learning_facts(results, fmt)),
        "application": render_template(lang, "application.j2",
                                       _application_facts(results, fmt)),
        "impact": render_template(lang, "impact.j2", _impact_facts(results, fmt)),
        "roi": render_template(lang, "roi.j2", total),
    }
    groups = {g.name: render_template(lang, "group.j2", _financial_facts(g, fmt))
              for g in results.groups}
    return Narrative(
        band=band, band_label=BAND_LABELS[lang][band],
        headline=render_template(lang, "headline.j2", total),
        band_text=band_text, actions=actions, levels=levels, groups=groups,
        data_quality=render_template(lang, "data_quality.j2",
                                     _data_quality_facts(results, fmt)))
