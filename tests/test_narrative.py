"""The written paragraphs: bands and their actions in both languages, the figures as
formatted, level paragraphs, groups, data-quality caveats, and the template rules."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest

from roti_excel import load_valid, model
from roti_excel.domain import Attendance, Direction, Isolation, Language, OutlierRule
from roti_excel.method.evaluate import Results, evaluate
from roti_excel.narrative import render as narrative
from roti_excel.narrative.facts import total_facts
from roti_excel.narrative.numbers import Formatter, format_money, format_number
from roti_excel.narrative.render import render
from roti_excel.resources import resource_dir
from tests.workbooks import thesis_workbook

MILLION = 1_000_000.0


def case(benefits: float | None, costs: float, *, objective: float = 0.25, lang: str = "en",
         **fields: object) -> Results:
    """One group "Unit A", one cost line and one measure worth `benefits` in money."""
    measures: tuple[model.Measure, ...] = ()
    impact: tuple[model.ImpactRow, ...] = ()
    if benefits is not None:
        measures = (model.Measure("Output", Direction.HIGHER, Isolation.CONTROL_GROUP,
                                  unit="units", value_per_unit=MILLION),)
        impact = (model.ImpactRow("Output", 0.0, benefits / MILLION, group="Unit A",
                                  control_before=0.0, control_after=0.0),)
    costs_lines = (model.CostLine("EC", costs, group="Unit A"),
                   model.CostLine("L", 0.0, description="coached in working hours: no wage"),
                   model.CostLine("TE", 0.0, description="done by HR")) if costs else ()
    ev = model.Evaluation(
        model.Program("Sales coaching", language=Language(lang), roi_objective=objective),
        groups=(model.Group("Unit A", participants=10),), costs=costs_lines,
        measures=measures, impact=impact, **fields)  # type: ignore[arg-type]
    return evaluate(ev)


@pytest.fixture(scope="module")
def thesis(tmp_path_factory: pytest.TempPathFactory) -> Results:
    path = thesis_workbook(tmp_path_factory.mktemp("thesis") / "thesis.xlsx")
    return evaluate(load_valid(path))


def everything(n: narrative.Narrative) -> list[str]:
    return [n.band_label, n.headline, n.band_text, *n.actions, *n.levels.values(),
            *n.groups.values(), n.data_quality]


class TestFormatting:
    """format_number / format_money: separators per language, rounding only here."""

    def test_rupiah_whole(self):
        """IDR is written Rp with no decimals: , thousands in en, . thousands in id."""
        assert format_money(193_250_239.58, "IDR", "en") == "Rp193,250,240"
        assert format_money(193_250_239.58, "IDR", "id") == "Rp193.250.240"

    def test_other_currency(self):
        """Other currencies: code, a space, two decimals in the language's style."""
        assert format_money(1234.56, "USD", "en") == "USD 1,234.56"
        assert format_money(1234.56, "USD", "id") == "USD 1.234,56"

    def test_negative_money(self):
        """A negative amount gets its sign before the currency; a rounded 0 gets none."""
        assert format_money(-20 * MILLION, "IDR", "en") == "-Rp20,000,000"
        assert format_money(-0.2, "IDR", "id") == "Rp0"

    def test_money_with_decimals(self):
        """Rupiah per rupiah (the BCR as money) can ask for decimals."""
        assert format_money(1.5759, "IDR", "en", 2) == "Rp1.58"
        assert format_money(7291.666, "IDR", "id", 2) == "Rp7.291,67"

    def test_number_id(self):
        """Indonesian numbers use . for thousands and , for decimals."""
        assert format_number(26502.89, 2, "id") == "26.502,89"
        assert format_number(60.63796, 1, "id") == "60,6"
        assert format_number(60.63796, 1, "en") == "60.6"

    def test_half_up(self):
        """Halves round away from zero as Excel displays them, and -0 never shows."""
        assert format_number(2.675, 2, "en") == "2.68"
        assert format_number(-2.5, 0, "en") == "-3"
        assert format_number(-0.04, 1, "en") == "0.0"

    def test_unknown_language(self):
        """A language other than en or id is refused."""
        with pytest.raises(ValueError):
            format_number(1.0, 0, "fr")


class TestTemplates:
    """The jinja2 environment and the template files themselves."""

    NAMES = ("headline.j2", "group.j2", "data_quality.j2", "reaction.j2", "learning.j2",
             "application.j2", "impact.j2", "roi.j2", "band_high.j2", "band_thin_positive.j2",
             "band_negative.j2", "band_none.j2")

    def test_environment(self):
        """StrictUndefined, no autoescape, trim_blocks and lstrip_blocks."""
        env = narrative.environment()
        assert env.undefined is jinja2.StrictUndefined
        assert env.autoescape is False
        assert env.trim_blocks and env.lstrip_blocks

    def test_same_files_both_languages(self):
        """en and id hold the same template files, all the ones narrative needs."""
        root = resource_dir("templates")
        en = sorted(p.name for p in (root / "en").glob("*.j2"))
        assert en == sorted(p.name for p in (root / "id").glob("*.j2"))
        assert set(self.NAMES) <= set(en)

    @pytest.mark.parametrize("lang", ["en", "id"])
    @pytest.mark.parametrize("name", NAMES)
    def test_missing_fact_raises(self, lang, name):
        """Rendering any template without its facts fails instead of printing blanks."""
        with pytest.raises(jinja2.UndefinedError):
            if name.startswith("band_"):
                narrative.render_band(lang, name[5:-3].replace("none", "") or None, {})
            else:
                narrative.render_template(lang, name, {})

    def test_missing_single_fact_raises(self):
        """Dropping one fact from a complete set is enough to fail."""
        results = case(200 * MILLION, 100 * MILLION)
        fmt = Formatter("en", "IDR")
        facts = total_facts(results, fmt)
        narrative.render_template("en", "headline.j2", facts)
        del facts["bcr"]
        with pytest.raises(jinja2.UndefinedError):
            narrative.render_template("en", "headline.j2", facts)

    def test_none_fact_raises(self):
        """A fact that is None must not print as "None"."""
        results = case(200 * MILLION, 100 * MILLION)
        facts = total_facts(results, Formatter("en", "IDR"))
        facts["roi"] = None
        with pytest.raises(jinja2.UndefinedError):
            narrative.render_template("en", "roi.j2", facts)

    @pytest.mark.parametrize("lang", ["en", "id"])
    def test_plain_text(self, lang, thesis):
        """Every paragraph is one line of plain text: no markup, no template leftovers."""
        for text in everything(render(thesis, lang)):
            assert text and text == text.strip()
            assert "\n" not in text
            for mark in ("{{", "{%", "**", "<", ">", "#", "  ", " ,", " .", "None"):
                assert mark not in text, (mark, text)

    @pytest.mark.parametrize("lang", ["en", "id"])
    def test_no_line_break_inside_a_figure(self, lang, thesis):
        """A wrapped paragraph never puts the % sign or a date's month at the start of a
        line: the space before them is a no-break space (the thesis's user texts, such as
        "87.5\u00a0% of Protos 70 respondents", left as typed)."""
        typed = " ".join(i.benefit for i in thesis.evaluation.intangibles)
        seen = 0
        for text in everything(render(thesis, lang)):
            for found in re.finditer(r"\d[ \u00a0](%|[A-Z][a-z]+ \d{4}|[A-Z][a-z]+\u00a0\d{4})",
                                     text):
                seen += 1
                assert found.group(0)[1] == "\u00a0" or found.group(0) in typed, (found, text)
                assert " " not in found.group(0)[2:], (found, text)
        assert seen


class TestBands:
    """Each ROI band: its label, interpretation paragraph and actions, in both languages."""

    def test_high_en(self):
        """High: keep, scale to other units, raise budget; figures and objective shown."""
        n = render(case(200 * MILLION, 100 * MILLION))
        assert (n.band, n.band_label) == ("high", "High")
        assert "ROI 100.0\u00a0%" in n.headline and "BCR 2.00" in n.headline
        assert "Each Rp1 spent returned Rp2.00 in benefits" in n.headline
        assert "net benefits Rp100,000,000" in n.headline
        assert "25\u00a0% objective" in n.band_text
        actions = " ".join(n.actions)
        assert "Keep the program" in actions
        assert "other units" in actions
        assert "budget" in actions

    def test_high_id(self):
        """Tinggi: pertahankan, perluas ke unit lain, tambah anggaran; angka gaya Indonesia."""
        n = render(case(200 * MILLION, 100 * MILLION), "id")
        assert (n.band, n.band_label) == ("high", "Tinggi")
        assert "ROI 100,0\u00a0%" in n.headline and "BCR 2,00" in n.headline
        assert "Setiap Rp1 biaya menghasilkan manfaat Rp2,00" in n.headline
        assert "Rp100.000.000" in n.headline
        assert "target 25\u00a0%" in n.band_text
        actions = " ".join(n.actions)
        assert "Pertahankan" in actions and "unit atau departemen lain" in actions
        assert "anggaran" in actions

    def test_thin_positive_en(self):
        """Thin positive: below the objective; cost leaks, processes, vendors, workflow."""
        n = render(case(110 * MILLION, 100 * MILLION))
        assert (n.band, n.band_label) == ("thin_positive", "Thin positive")
        assert "ROI 10.0\u00a0%" in n.headline and "BCR 1.10" in n.headline
        assert "below the 25\u00a0% objective" in n.band_text
        assert "break-even" not in n.band_text
        actions = " ".join(n.actions)
        for words in ("cost leaks", "inefficient processes", "vendors", "workflow blockers"):
            assert words in actions

    def test_thin_positive_id(self):
        """Positif tipis: kebocoran biaya, proses tidak efisien, vendor, alur kerja."""
        n = render(case(110 * MILLION, 100 * MILLION), "id")
        assert (n.band, n.band_label) == ("thin_positive", "Positif tipis")
        assert "ROI 10,0\u00a0%" in n.headline
        assert "di bawah target 25\u00a0%" in n.band_text
        actions = " ".join(n.actions)
        for words in ("kebocoran biaya", "tidak efisien", "vendor", "alur kerja"):
            assert words in actions

    @pytest.mark.parametrize(("lang", "word", "roi"), [("en", "break-even", "0.0\u00a0%"),
                                                        ("id", "impas", "0,0\u00a0%")])
    def test_break_even(self, lang, word, roi):
        """An ROI of exactly 0 is thin positive and is called break-even."""
        n = render(case(100 * MILLION, 100 * MILLION), lang)
        assert n.band == "thin_positive"
        assert word in n.headline and word in n.band_text
        assert f"ROI {roi}" in n.headline
        assert n.actions

    def test_negative_en(self):
        """Negative: check the evaluation window first, then stop or redesign."""
        n = render(case(80 * MILLION, 100 * MILLION))
        assert (n.band, n.band_label) == ("negative", "Negative")
        assert "ROI -20.0\u00a0%" in n.headline and "BCR 0.80" in n.headline
        assert "exceed the benefits by Rp20,000,000" in n.band_text
        assert "evaluation window was long enough" in n.band_text
        assert "25\u00a0% objective" in n.band_text
        assert "extend the measurement: the benefits were measured over 1 month," in \
            n.actions[0]
        assert any("stop the program or redesign" in a for a in n.actions)

    def test_negative_id(self):
        """Negatif: pastikan jangka waktu evaluasi cukup, lalu hentikan atau desain ulang."""
        n = render(case(80 * MILLION, 100 * MILLION), "id")
        assert (n.band, n.band_label) == ("negative", "Negatif")
        assert "ROI -20,0\u00a0%" in n.headline and "BCR 0,80" in n.headline
        assert "selisih Rp20.000.000" in n.band_text
        assert "jangka waktu evaluasi" in n.band_text
        assert "perpanjang pengukuran" in n.actions[0]
        assert any("hentikan program atau desain ulang" in a for a in n.actions)

    def test_negative_evaluation_period(self):
        """The negative band names the evaluation period when the workbook gives it."""
        import datetime as dt
        ev = case(80 * MILLION, 100 * MILLION).evaluation
        program = model.Program("P", evaluation_start=dt.date(2011, 1, 1),
                                evaluation_end=dt.date(2011, 12, 31))
        results = evaluate(model.Evaluation(program, ev.groups, ev.costs,
                                            measures=ev.measures, impact=ev.impact))
        assert "1 January 2011 to 31 December 2011" in render(results, "en").band_text.replace(
            "\u00a0", " ")
        assert "1 Januari 2011 sampai 31 Desember 2011" in render(results, "id").band_text.replace(
            "\u00a0", " ")

    def test_without_impact_data_is_not_monetised(self):
        """With no Level 4 data no money is claimed: no ROI, no -100 %, no "stop"."""
        n = render(case(None, 100 * MILLION))
        assert n.band is None
        assert "claims no monetary benefit" in n.headline
        assert "-100" not in n.headline and "stop" not in " ".join(n.actions).lower()
        assert n.data_quality.startswith("No adjustments or cautions: no monetary benefit")

    @pytest.mark.parametrize(("lang", "label", "words"), [
        ("en", "Not computed", "cannot be computed"),
        ("id", "Tidak dapat dihitung", "tidak dapat dihitung")])
    def test_no_costs(self, lang, label, words):
        """Costs 0: band None, a clear message, the benefits still shown, never an error."""
        n = render(case(50 * MILLION, 0), lang)
        assert (n.band, n.band_label) == (None, label)
        assert words in n.headline
        assert ("Rp50,000,000" if lang == "en" else "Rp50.000.000") in n.headline
        assert any("TRD" in a for a in n.actions)
        assert words.replace("cannot be", "not") in n.levels["roi"] or words in n.levels["roi"]
        assert "0" in n.data_quality

    def test_objective_from_program(self):
        """The band text names the program's own objective, not a fixed 25 %."""
        n = render(case(140 * MILLION, 100 * MILLION, objective=0.5))
        assert n.band == "thin_positive"
        assert "50\u00a0% objective" in n.band_text
        n = render(case(140 * MILLION, 100 * MILLION, objective=0.125))
        assert n.band == "high" and "12.5\u00a0% objective" in n.band_text

    def test_language_from_program(self):
        """Without lang the workbook's Language picks the texts; a bad lang is refused."""
        assert render(case(200 * MILLION, 100 * MILLION, lang="id")).band_label == "Tinggi"
        assert render(case(200 * MILLION, 100 * MILLION, lang="id"), "en").band_label == "High"
        with pytest.raises(ValueError):
            render(case(200 * MILLION, 100 * MILLION), "fr")

    def test_usd(self):
        """Another currency is written with its code and cents."""
        results = case(200 * MILLION, 100 * MILLION)
        ev = results.evaluation
        usd = model.Evaluation(model.Program("P", currency="USD"), ev.groups, ev.costs,
                               measures=ev.measures, impact=ev.impact)
        n = render(evaluate(usd))
        assert "Each USD 1 spent returned USD 2.00 in benefits" in n.headline
        assert "USD 100,000,000.00" in n.headline


def level_case(**fields: object) -> Results:
    ev = model.Evaluation(model.Program("Levels"), costs=(model.CostLine("EC", 1000.0),),
                          **fields)  # type: ignore[arg-type]
    return evaluate(ev)


class TestLevels:
    """One paragraph per level with its key figures, or "not evaluated"."""

    @pytest.mark.parametrize(("lang", "words"), [("en", "not evaluated"),
                                                 ("id", "tidak dievaluasi")])
    def test_not_evaluated(self, lang, words):
        """Levels 1-4 without data say so; all five keys are always there."""
        n = render(level_case(), lang)
        assert set(n.levels) == {"reaction", "learning", "application", "impact", "roi"}
        for key in ("reaction", "learning", "application", "impact"):
            assert words in n.levels[key], key

    def test_reaction(self):
        """Reaction: mean, % favourable, n and the dimensions."""
        qs = (model.Question("Q1", 1, "material"), model.Question("Q2", 1, "trainer"))
        rows = model.Survey.of({"Q1": 5, "Q2": 4}, {"Q1": 3, "Q2": 4}, {"Q1": 4, "Q2": 9})
        results = level_case(questions=qs, reaction=rows)
        en = render(results, "en").levels["reaction"]
        assert "4.00 on average on a 1-5 scale (n = 3)" in en
        assert "80.0\u00a0% of the answers were favourable (4 or higher)" in en
        assert ("material 4.00 (66.7\u00a0% favourable), trainer 4.00 "
                "(100.0\u00a0% favourable)") in en
        assert "1 answer outside the scale" in en
        id_ = render(results, "id").levels["reaction"]
        assert "rata-rata 4,00 pada skala 1-5 (n = 3)" in id_
        assert "materi 4,00 (66,7\u00a0% positif)" in id_

    def test_learning(self):
        """Learning: mean post score, pass rate, who sat and who was absent, gains."""
        rows = (
            model.LearningRow("1", 80, pre_test=60, max_score=100, pass_mark=70),
            model.LearningRow("2", 65, pre_test=50, max_score=100, pass_mark=70),
            model.LearningRow("3", 95, pre_test=70, max_score=100, pass_mark=70),
            model.LearningRow("4", None, max_score=100, pass_mark=70, status=Attendance.ABSENT),
            model.LearningRow("5", 0, max_score=100, pass_mark=70),
        )
        en = render(level_case(learning=rows), "en").levels["learning"]
        assert "Of 5 participants, 3 sat the post-test and 2 were absent" in en
        assert "mean post-test score was 80.0 out of 100 (median 80, range 65 to 95)" in en
        assert "2 of 3 passed, a pass rate of 66.7\u00a0%" in en
        assert "mean gain was 20.0 points (normalised gain 54.4\u00a0%)" in en
        assert "1 score of 0 with no status was read as absence" in en
        id_ = render(level_case(learning=rows), "id").levels["learning"]
        assert "Dari 5 peserta, 3 mengikuti post-test dan 2 tidak hadir" in id_
        assert "tingkat kelulusan 66,7\u00a0%" in id_

    def test_application(self):
        """Application: mean, category per aspect, response rate; a scale the tool knows
        in both languages speaks the report's language, whichever it was typed in."""
        labels = ("tidak bermanfaat", "kurang bermanfaat", "bermanfaat", "sangat bermanfaat")
        qs = (model.Question("A1", 3, "cognitive", scale_max=4, labels=labels),
              model.Question("A2", 3, "affective", scale_max=4, labels=labels))
        counts = (model.ApplicationCount("A1", ((3.0, 6.0), (4.0, 2.0)), group="G"),
                  model.ApplicationCount("A2", ((2.0, 4.0), (3.0, 4.0)), group="G"))
        results = level_case(questions=qs, application_counts=counts,
                             groups=(model.Group("G", participants=10),))
        en = render(results, "en").levels["application"]
        assert "mean score was 2.88 on a 1-4 scale (useful)" in en
        assert "cognitive 3.25 (very useful), affective 2.50 (useful)" in en
        assert "Response rate: G 8 of 10 (80.0\u00a0%); overall 80.0\u00a0%" in en
        id_ = render(results, "id").levels["application"]
        assert "kognitif 3,25 (sangat bermanfaat), afektif 2,50 (bermanfaat)" in id_
        assert "Tingkat respons: G 8 dari 10 (80,0\u00a0%)" in id_

    def test_application_labels_of_its_own_kept_as_typed(self):
        """A question's own scale words (no set the tool knows) are shown as typed in
        either language; without labels, the generic words of the report's language."""
        own = ("jarang", "kadang", "sering", "selalu")
        counts = (model.ApplicationCount("A1", ((3.0, 6.0), (4.0, 2.0))),)
        for labels, en, id_ in ((own, "(selalu)", "(selalu)"),
                               ((), "(very good)", "(sangat baik)")):
            qs = (model.Question("A1", 3, "cognitive", scale_max=4, labels=labels),)
            results = level_case(questions=qs, application_counts=counts)
            assert en in render(results, "en").levels["application"]
            assert id_ in render(results, "id").levels["application"]

    def test_impact(self):
        """Impact: each measure's improvement in its unit, its money and its isolation."""
        measure = model.Measure("Overtime", Direction.LOWER, Isolation.ESTIMATE, unit="hours",
                                value_per_unit=50_000, contribution=0.6, confidence=0.8)
        rows = (model.ImpactRow("Overtime", 300, 200), model.ImpactRow("Overtime", 300, 250))
        results = level_case(measures=(measure,), impact=rows,
                             intangibles=(model.Intangible("Morale"),))
        en = render(results, "en").levels["impact"]
        assert "Overtime improved by 72.00 hours (lower is better) over 2 periods" in en
        assert "worth Rp3,600,000 at a value of Rp50,000.00 per unit" in en
        assert "contribution of the program (60\u00a0%) and the confidence" in en
        assert "(80\u00a0%)" in en
        assert "1 intangible benefit is listed" in en
        id_ = render(results, "id").levels["impact"]
        assert "Overtime membaik sebesar 72,00 hours (makin rendah makin baik)" in id_
        assert "senilai Rp3.600.000" in id_

    @pytest.mark.parametrize(("isolation", "words"), [
        ("none", "no isolation was applied"), ("control group", "control group"),
        ("trend line", "trend line")])
    def test_impact_isolation(self, isolation, words):
        """The isolation method of each measure is named."""
        measure = model.Measure("Output", Direction.HIGHER, Isolation(isolation),
                                value_per_unit=1.0)
        rows = tuple(model.ImpactRow("Output", 10, 12, before_period=f"2020-0{i}",
                                     after_period=f"2021-0{i}", control_before=10,
                                     control_after=11) for i in range(1, 4))
        text = render(level_case(measures=(measure,), impact=rows)).levels["impact"]
        assert words in text

    def test_roi(self):
        """ROI: benefits, costs with TRD/TRI, net, BCR, ROI and payback months."""
        text = render(case(200 * MILLION, 100 * MILLION)).levels["roi"]
        assert "fully loaded costs of Rp100,000,000 (direct Rp100,000,000, indirect Rp0)" in text
        assert "BCR) of 2.00 and an ROI of 100.0\u00a0%" in text
        assert "over 1 month, the costs are paid back in 0.5 months" in text
        text = render(case(50 * MILLION, 100 * MILLION)).levels["roi"]
        assert "the costs are not recovered within the 1 month the benefits cover" in text
        assert "24.0" not in text


class TestGroups:
    """One sentence per group with its own ROI."""

    def test_group_sentence(self, thesis):
        """Each group's sentence names it with its BCR, ROI, band and payback."""
        en = render(thesis, "en").groups
        assert list(en) == ["Maker", "Packer"]
        assert en["Maker"].startswith("Maker: ")
        assert "BCR 1.58 and ROI 57.6\u00a0%, high against the 25\u00a0% objective" in en["Maker"]
        assert "paid back in 7.6 months" in en["Maker"]
        assert "ROI 64,7\u00a0%" in render(thesis, "id").groups["Packer"]

    def test_group_without_costs(self):
        """A group without costs gets a sentence, not a division error."""
        ev = case(200 * MILLION, 100 * MILLION).evaluation
        ev2 = model.Evaluation(ev.program, (*ev.groups, model.Group("Unit B")), ev.costs,
                               measures=ev.measures, impact=ev.impact)
        n = render(evaluate(ev2))
        assert "ROI was not computed" in n.groups["Unit B"]


class TestDataQuality:
    """The caveats paragraph: isolation, full loading, adjustments, review, no costs."""

    def test_clean(self):
        """Nothing to report says so."""
        n = render(case(200 * MILLION, 100 * MILLION))
        assert n.data_quality.startswith("No adjustments or cautions")
        assert render(case(200 * MILLION, 100 * MILLION), "id").data_quality.startswith(
            "Tidak ada penyesuaian")

    def test_thesis(self, thesis):
        """The thesis: no isolation on both measures, no learner salaries, an off-scale answer."""
        dq = render(thesis, "en").data_quality
        assert "No isolation was applied to Working time (Maker) and Working time (Packer)" in dq
        assert "learner salaries and benefits (L)" in dq
        assert "1 reaction answer outside the scale" in dq
        dq = render(thesis, "id").data_quality
        assert "Tidak ada isolasi" in dq and "gaji dan tunjangan peserta (L)" in dq

    def test_zeroed_and_review(self):
        """Zeroed periods are counted, an ROI above 500 % is sent for review."""
        measure = model.Measure("Output", Direction.HIGHER, Isolation.CONTROL_GROUP,
                                value_per_unit=MILLION)
        rows = (model.ImpactRow("Output", 0, 700, control_before=0, control_after=0),
                model.ImpactRow("Output", 0, None))
        ev = model.Evaluation(model.Program("P"), costs=(model.CostLine("EC", 100 * MILLION),),
                              measures=(measure,), impact=rows)
        dq = render(evaluate(ev)).data_quality
        assert "1 period or estimate with a missing value was counted as 0" in dq
        assert "The ROI of 600.0\u00a0% is above 500\u00a0%" in dq
        assert "learner salaries and benefits (L) or evaluation (TE)" in dq
        assert "ROI sebesar 600,0\u00a0% berada di atas 500\u00a0%" in render(
            evaluate(ev), "id").data_quality

    @pytest.mark.parametrize(("rule", "words"), [("exclude", "was excluded from the benefits"),
                                                  ("flag", "was flagged but kept")])
    def test_adjustments(self, rule, words):
        """Trimmed periods, outliers, equal cost split and likely absentees are each named."""
        measure = model.Measure("Output", Direction.HIGHER, Isolation.CONTROL_GROUP,
                                value_per_unit=1.0)
        rows = tuple(model.ImpactRow("Output", 0, after, control_before=0, control_after=0)
                     for after in (1, 2, 1, 2, 100, 1, 2, 1, 2, 1))
        ev = model.Evaluation(
            model.Program("P", horizon_months=9, outlier_rule=OutlierRule(rule)),
            groups=(model.Group("A"), model.Group("B")),
            costs=(model.CostLine("EC", 10.0),), measures=(measure,), impact=rows,
            learning=(model.LearningRow("1", 0), model.LearningRow("2", 80)))
        results = evaluate(ev)
        dq = render(results).data_quality
        assert "1 period beyond the 9-month benefit horizon was not counted" in dq
        assert f"1 extreme value (outside 3 x IQR) {words}" in dq
        assert "Shared costs were split equally" in dq
        assert "1 post-test score of 0 with no status was counted as absence" in dq
        dq = render(results, "id").data_quality
        assert "Sebanyak 1 periode di luar horizon manfaat 9 bulan tidak dihitung" in dq
        assert "Biaya bersama dibagi rata" in dq

    def test_no_costs(self):
        """Costs 0 is a caveat in both languages."""
        assert "total costs are 0" in render(case(50 * MILLION, 0)).data_quality.lower()
        assert "Total biaya 0" in render(case(50 * MILLION, 0), "id").data_quality


class TestThesis:
    """The thesis workbook, read and evaluated, in both languages."""

    def test_headline_en(self, thesis):
        """The English headline gives BCR 1.61 and ROI 60.6 % with the rupiah figures."""
        n = render(thesis, "en")
        assert n.band == "high" and n.band_label == "High"
        assert "BCR 1.61" in n.headline and "ROI 60.6\u00a0%" in n.headline
        assert "Rp346,324,198" in n.headline and "Rp215,593,000" in n.headline
        assert "Each Rp1 spent returned Rp1.61 in benefits; net benefits Rp130,731,198" \
            in n.headline
        assert "7.5 months" in n.headline

    def test_headline_id(self, thesis):
        """The Indonesian headline gives BCR 1,61 and ROI 60,6 % in Indonesian style."""
        n = render(thesis, "id")
        assert n.band_label == "Tinggi"
        assert "BCR 1,61" in n.headline and "ROI 60,6\u00a0%" in n.headline
        assert "Rp346.324.198" in n.headline and "manfaat bersih Rp130.731.198" in n.headline

    def test_default_language(self, thesis):
        """The thesis workbook says Language en, so render without lang is English."""
        assert render(thesis) == render(thesis, "en")

    def test_levels(self, thesis):
        """The thesis level paragraphs carry its key figures."""
        levels = render(thesis, "en").levels
        assert "4.35" in levels["reaction"] and "88.8\u00a0%" in levels["reaction"]
        assert "43 sat the post-test and 6 were absent" in levels["learning"]
        assert "3.05 on a 1-4 scale" in levels["application"]
        assert "26,502.89 hours" in levels["impact"]
        assert "7.5 months" in levels["roi"]


def test_templates_folder_found() -> None:
    """The templates folder resolves from the package (source checkout here)."""
    assert Path(resource_dir("templates"), "en", "headline.j2").is_file()
