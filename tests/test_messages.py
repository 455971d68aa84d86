"""Every message in both languages: the catalogue is complete and consistent, the code makes
no message outside it, and a workbook's problems are shown in its own language."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from roti_excel import load
from roti_excel.issues import error
from roti_excel.messages import Text, msg
from roti_excel.messages.catalogue import CATALOGUE
from roti_excel.messages.values import number
from tests.workbooks import write_workbook

PACKAGE = Path(__file__).resolve().parents[1] / "roti_excel"


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_each_message_has_both_languages_with_the_same_values(key: str) -> None:
    en, id_ = CATALOGUE[key]
    assert en.strip() and id_.strip(), key
    assert fields(en) == fields(id_), key


def test_indonesian_is_not_the_english_copied() -> None:
    """A message may read the same in both (a quoted value) but not a sentence."""
    same = [k for k, (en, id_) in CATALOGUE.items() if en == id_ and len(fields(en)) == 0
            and len(en.split()) > 2]
    assert not same


def _message_calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name) and node.func.id in ("error", "warning")
            and node.args]


def test_no_message_is_made_outside_the_catalogue() -> None:
    """error() and warning() are never given an English string: every message goes
    through msg(), so it has an Indonesian wording."""
    plain: list[str] = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in _message_calls(tree):
            first = call.args[0]
            if isinstance(first, ast.Constant | ast.JoinedStr | ast.BinOp):
                plain.append(f"{path.relative_to(PACKAGE)}:{call.lineno}")
    assert not plain, plain


def test_a_value_shows_per_language() -> None:
    assert number(1_500_000.5, "en") == "1,500,000.5"
    assert number(1_500_000.5, "id") == "1.500.000,5"
    assert number(7291.67, "id") == "7.291,67"
    assert number(27_000_000, "en") == "27,000,000"


def test_unknown_key_fails_where_the_message_is_made() -> None:
    with pytest.raises(KeyError):
        msg("no such message")


def test_issue_keeps_english_and_words_itself_in_either_language() -> None:
    issue = error(msg("group_twice", name="Maker"), "Kelompok", "A3")
    assert issue.message == "Group 'Maker' is listed twice; keep one row"
    assert issue.in_language("id") == "Kelompok 'Maker' tercantum dua kali; sisakan satu baris"
    assert issue.format("f.xlsx", "id").startswith("f.xlsx: Kelompok!A3: Kelompok 'Maker'")
    assert isinstance(issue.text, Text) and issue.key == "group_twice"


def indonesian_workbook(tmp_path: Path, **sheets: list[dict[str, object]]) -> Path:
    """A workbook laid out with the Indonesian sheet and column names, Language blank."""
    return write_workbook(tmp_path / "id.xlsx", [("Nama program", "Pelatihan K3")], sheets)


class TestShownInTheWorkbooksLanguage:
    def test_indonesian_sheet_names_give_indonesian_messages(self, tmp_path: Path) -> None:
        path = indonesian_workbook(tmp_path, Biaya=[
            {"Kode": "TM", "Biaya satuan": "abc"},
            {"Kode": "XX", "Biaya satuan": 1000}])
        loaded = load(path)
        assert loaded.language == "id"
        text = "\n".join(loaded.messages())
        assert "Biaya!B3: Biaya satuan berisi 'abc'; isi angka seperti 1500000" in text
        assert "Biaya!A4: Kode berisi 'XX'; isi salah satu: " in text
        assert "Konsultan / penyedia eksternal" in text  # the drop-down words, in Indonesian
        assert "enter" not in text and "is empty" not in text

    def test_language_field_wins_over_sheet_names(self, tmp_path: Path) -> None:
        path = write_workbook(tmp_path / "en.xlsx", [("Nama program", "K3"), ("Bahasa", "en")],
                              {"Biaya": [{"Kode": "TM", "Biaya satuan": "abc"}]})
        loaded = load(path)
        assert loaded.language == "en"
        assert any("Unit cost is 'abc'; enter a number" in m for m in loaded.messages())

    def test_a_missing_required_sheet_in_indonesian(self, tmp_path: Path) -> None:
        path = indonesian_workbook(tmp_path, Ukuran=[
            {"Ukuran": "Scrap", "Lebih baik jika": "lebih rendah", "Nilai per satuan": 1,
             "Isolasi": "tidak ada"}])
        messages = load(path).messages()
        assert any("lembar wajib 'Biaya' (bahasa Inggris: 'Costs') tidak ada" in m
                   for m in messages), messages

    def test_numbers_in_messages_use_the_languages_separators(self, tmp_path: Path) -> None:
        path = indonesian_workbook(tmp_path, Biaya=[{"Kode": "TM", "Biaya satuan": 1e16}])
        messages = load(path).messages()
        assert any("isi angka di bawah 1.000.000.000.000.000" in m for m in messages), messages

    def test_cli_lang_overrides(self, tmp_path: Path) -> None:
        path = indonesian_workbook(tmp_path, Biaya=[{"Kode": "TM", "Biaya satuan": "abc"}])
        assert any("Unit cost is 'abc'" in m for m in load(path).messages("en"))


class TestOnScreen:
    def test_validate_speaks_the_workbooks_language_and_quiet_hides_warnings(
            self, tmp_path: Path) -> None:
        from click.testing import CliRunner

        from roti_excel.cli import cli
        from roti_excel.resources import resource_dir

        example = resource_dir("input_templates") / "roti_example_id.xlsx"
        shown = CliRunner().invoke(cli, ["validate", str(example)])
        assert shown.exit_code == 0
        assert "peringatan: jawaban 0 untuk P1 di luar skalanya 1-5" in shown.stderr
        english = CliRunner().invoke(cli, ["validate", "--lang", "en", str(example)])
        assert "warning: answer 0 to P1 is outside its scale 1-5" in english.stderr
        quiet = CliRunner().invoke(cli, ["validate", "--quiet", str(example)])
        assert quiet.exit_code == 0 and quiet.stderr == ""

    def test_run_quiet_shows_errors_only(self, tmp_path: Path) -> None:
        from click.testing import CliRunner

        from roti_excel.cli import cli

        path = indonesian_workbook(tmp_path, Biaya=[{"Kode": "TM", "Biaya satuan": "abc"}])
        result = CliRunner().invoke(cli, ["run", "--quiet", str(path)])
        assert result.exit_code == 1
        assert "Biaya satuan berisi 'abc'" in result.stderr
        assert "peringatan" not in result.stderr


@pytest.mark.parametrize("typed", ["Rp", "rp", "Rupiah", "IDR", " idr "])
def test_rupiah_however_typed(tmp_path: Path, typed: str) -> None:
    path = write_workbook(tmp_path / "rp.xlsx", [("Program name", "K3"), ("Currency", typed)],
                          {"Costs": [{"Code": "TM", "Unit cost": 1000}]})
    loaded = load(path)
    assert loaded.evaluation is not None and loaded.evaluation.program.currency == "IDR"


class TestSheetsAndFiles:
    def test_deleted_questions_sheet_is_one_error_per_survey(self, tmp_path: Path) -> None:
        import openpyxl

        from roti_excel.resources import resource_dir

        wb = openpyxl.load_workbook(resource_dir("input_templates") / "roti_example_id.xlsx")
        del wb["Pertanyaan"]
        path = tmp_path / "noq.xlsx"
        wb.save(path)
        errors = [m for m in load(path).messages() if ": peringatan: " not in m]
        assert len(errors) == 2, errors  # Reaksi and Jumlah penerapan, once each
        assert all("lembar Pertanyaan tidak ada" in m for m in errors)

    def test_xlsx_renamed_xls_is_read_with_a_warning(self, tmp_path: Path) -> None:
        import shutil

        from roti_excel.resources import resource_dir

        path = tmp_path / "renamed.xls"
        shutil.copy(resource_dir("input_templates") / "roti_example_en.xlsx", path)
        loaded = load(path)
        assert loaded.ok
        assert any("is named .xls but is an Excel workbook (.xlsx)" in m
                   for m in loaded.messages())


@pytest.mark.parametrize(("lang", "typed", "read"), [
    ("id", "1.500", 1500.0), ("id", "1,5", 1.5), ("id", "7.291,67", 7291.67),
    ("id", "1.500.000", 1_500_000.0),
    ("en", "1,500", 1500.0), ("en", "1.5", 1.5), ("en", "1,500,000", 1_500_000.0)])
def test_text_numbers_read_the_workbooks_way(tmp_path: Path, lang: str, typed: str,
                                             read: float) -> None:
    """One separator before three digits is the thousands separator of the workbook's
    language; both languages agree on the unambiguous forms."""
    path = write_workbook(tmp_path / "n.xlsx", [("Program name", "K3"), ("Language", lang)],
                          {"Costs": [{"Code": "TM", "Unit cost": typed}]})
    loaded = load(path)
    assert loaded.evaluation is not None, loaded.messages()
    assert loaded.evaluation.costs[0].unit_cost == pytest.approx(read)


def test_one_point_five_hundred_in_english_is_one_and_a_half(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "n.xlsx", [("Program name", "K3"), ("Language", "en")],
                          {"Costs": [{"Code": "TM", "Unit cost": "1.500"}]})
    loaded = load(path)
    assert loaded.evaluation is not None
    assert loaded.evaluation.costs[0].unit_cost == pytest.approx(1.5)
