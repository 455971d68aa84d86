"""`roti-excel import`: Google Forms and Microsoft Forms exports into a copy of the input
template, as an HR officer would use it. Each export is made here with known answers; the
level 1 and 3 figures of the imported workbook are checked against a computation of their
own from those answers."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import statistics
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from roti_excel import evaluate, load
from roti_excel.cli import cli
from roti_excel.input_template.workbook import write_template

WORDS_ID = ["Sangat tidak setuju", "Tidak setuju", "Netral", "Setuju", "Sangat setuju"]
QUESTIONS_ID = ["Materi pelatihan relevan dengan pekerjaan saya",
                "Instruktur menjelaskan dengan jelas", "Ruang pelatihan nyaman"]


def template(folder: Path, lang: str = "id") -> Path:
    path = folder / f"template_{lang}.xlsx"
    write_template(path, lang)
    return path


def google_csv(folder: Path, rows: list[list[str]], name: str = "reaksi.csv",
               header: list[str] | None = None) -> Path:
    path = folder / name
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header or ["Stempel waktu", "Alamat email", *QUESTIONS_ID,
                                   "Saran untuk pelatihan berikutnya"])
        writer.writerows(rows)
    return path


def forms_xlsx(folder: Path, rows: list[list[Any]], name: str) -> Path:
    """An export downloaded as a workbook: `rows` (the header first) on its one sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    path = folder / name
    wb.save(path)
    return path


def answers_id(n: int = 38) -> list[list[str]]:
    """n responses: words for two questions, a number for the third, free-text advice."""
    return [[f"{12 + i % 3:02d}/03/2025 16:{i % 60:02d}:32", f"peserta{i}@contoh.co.id",
             WORDS_ID[2 + i % 3], WORDS_ID[1 + (i * 7) % 4], str(3 + i % 3),
             f"saran nomor {i}"] for i in range(n)]


def run_import(*args: str) -> Any:
    return CliRunner().invoke(cli, ["import", *args], catch_exceptions=False)


def fill_as_hr(path: Path, dimension: str = "Materi") -> None:
    """What HR does after importing: names the program, adds a cost line, and chooses each
    imported question's Dimension from the drop-down."""
    wb = openpyxl.load_workbook(path)
    by_key = {ws.title: ws for ws in wb.worksheets}
    program = by_key.get("Program")
    assert program is not None
    for row in program.iter_rows(min_row=4):
        if row[0].value in ("Program name", "Nama program"):
            row[1].value = "Pelatihan K3 dan 5S"
    costs = by_key.get("Biaya") or by_key["Costs"]
    costs.cell(4, 2).value, costs.cell(4, 4).value, costs.cell(4, 5).value = "TM", 100_000, 40
    questions = by_key.get("Pertanyaan") or by_key["Questions"]
    for row in questions.iter_rows(min_row=4):
        if row[0].value and not row[3].value:
            row[3].value = dimension
    wb.save(path)


class TestGoogleForms:
    def test_indonesian_words_import_validate_and_match(self, tmp_path: Path) -> None:
        blank = template(tmp_path)
        before = blank.read_bytes()
        rows = answers_id()
        source = google_csv(tmp_path, rows)
        out = tmp_path / "terisi.xlsx"
        result = run_import(str(source), "--into", str(blank), "-o", str(out))
        assert result.exit_code == 0, result.output
        assert blank.read_bytes() == before  # the template given is never modified
        assert "Kolom sumber | Lembar | Kode | Skala" in result.output
        assert "'Materi pelatihan relevan dengan pekerjaan saya' | Reaksi | P1 | 1-5: " \
               "Sangat tidak setuju; Tidak setuju; Netral; Setuju; Sangat setuju" in result.output
        assert "berisi teks bebas (38 jawaban berbeda)" in result.output  # advice column
        assert "Dimensi P1 belum diisi" in result.output
        loaded, reaction = filled_and_evaluated(out)
        points = {w: i + 1 for i, w in enumerate(WORDS_ID)}
        expected = [points[r[2]] for r in rows] + [points[r[3]] for r in rows] + \
            [int(r[4]) for r in rows]
        assert reaction.respondents == len(rows)
        assert reaction.overall.mean == pytest.approx(statistics.mean(expected))
        # the session dates come from the time stamps, day first as the form wrote them
        dates = sorted({r.date for r in loaded.evaluation.reaction})
        assert dates == [dt.date(2025, 3, 12), dt.date(2025, 3, 13), dt.date(2025, 3, 14)]

    def test_respondents_are_pseudonyms_unless_names_are_kept(self, tmp_path: Path) -> None:
        blank, source = template(tmp_path), google_csv(tmp_path, answers_id(3))
        out = tmp_path / "a.xlsx"
        assert run_import(str(source), "--into", str(blank), "-o", str(out)).exit_code == 0
        values = [c.value for row in openpyxl.load_workbook(out)["Reaksi"].iter_rows()
                  for c in row if c.value is not None]
        assert not any("@" in str(v) for v in values)
        digest = hashlib.sha256(b"peserta0@contoh.co.id").hexdigest()[:8]
        assert f"R-{digest}" in values  # stable: the same person, the same pseudonym
        kept = tmp_path / "b.xlsx"
        assert run_import(str(source), "--into", str(blank), "-o", str(kept),
                          "--keep-names").exit_code == 0
        values = [c.value for row in openpyxl.load_workbook(kept)["Reaksi"].iter_rows()
                  for c in row if c.value is not None]
        assert "peserta0@contoh.co.id" in values

    def test_english_xlsx_numbers_grid_and_application(self, tmp_path: Path) -> None:
        blank = template(tmp_path, "en")
        answers = [[1 + (i % 4), 1 + (i * 3) % 4, 2 + (i % 3)] for i in range(20)]
        source = forms_xlsx(tmp_path, [
            ["Timestamp", "Username", "I use the new procedure [Daily]",
             "I use the new procedure [Weekly]", "My supervisor supports it"],
            *([dt.datetime(2025, 9, 1 + i % 5, 10, 0), f"user{i}", *a]
              for i, a in enumerate(answers))], "followup.xlsx")
        out = tmp_path / "filled.xlsx"
        result = run_import(str(source), "--into", str(blank), "-o", str(out),
                            "--as", "application", "--group", "Warehouse")
        assert result.exit_code == 0, result.output
        assert "'I use the new procedure [Daily]' | Application | A1 | 1-4" in result.output
        filled = openpyxl.load_workbook(out)
        header = [c.value for c in filled["Application"][3]]
        assert header[:5] == ["Group", "Respondent", "A1", "A2", "A3"]
        first = [c.value for c in filled["Application"][4]][:5]
        assert first == ["Warehouse", "R-" + hashlib.sha256(b"user0").hexdigest()[:8],
                         *answers[0]]
        fill_as_hr(out, dimension="Cognitive")
        wbh = openpyxl.load_workbook(out)
        wbh["Groups"].cell(4, 1).value, wbh["Groups"].cell(4, 2).value = "Warehouse", 20
        wbh.save(out)
        loaded = load(out)
        assert loaded.ok, loaded.messages()
        assert loaded.evaluation is not None
        application = evaluate(loaded.evaluation).application
        assert application.overall_mean == pytest.approx(
            statistics.mean(v for a in answers for v in a))


def filled_and_evaluated(path: Path) -> tuple[Any, Any]:
    """The imported workbook once HR has filled it: loaded (valid) and its level 1."""
    fill_as_hr(path)
    loaded = load(path)
    assert loaded.ok, loaded.messages()
    assert loaded.evaluation is not None
    return loaded, evaluate(loaded.evaluation).reaction


class TestMicrosoftForms:
    def test_quiz_columns_are_the_forms_own(self, tmp_path: Path) -> None:
        blank = template(tmp_path, "en")
        source = forms_xlsx(tmp_path, [
            ["ID", "Start time", "Completion time", "Email", "Name", "Total points",
             "Quiz feedback", "The trainer was well prepared",
             "Points - The trainer was well prepared",
             "Feedback - The trainer was well prepared"],
            *([i + 1, dt.datetime(2025, 3, 12, 9), dt.datetime(2025, 3, 12, 9, 5),
               "anonymous", None, 1, None, ["Agree", "Strongly agree"][i % 2], 1, None]
              for i in range(6))], "msforms.xlsx")
        out = tmp_path / "filled.xlsx"
        result = run_import(str(source), "--into", str(blank), "-o", str(out))
        assert result.exit_code == 0, result.output
        assert "(Microsoft Forms)" in result.output
        questions = [r[0] for r in openpyxl.load_workbook(out)["Questions"].iter_rows(
            min_row=4, values_only=True) if r[0]]
        assert questions == ["P1"]  # points and feedback are not questions
        # anonymous responses get a numbered respondent each, not one shared pseudonym
        respondents = [r[4] for r in openpyxl.load_workbook(out)["Reaction"].iter_rows(
            min_row=4, values_only=True) if r[6] is not None]
        assert respondents == [f"R{i:04d}" for i in range(1, 7)]


    def test_indonesian_form_without_quiz_imports_validates_and_matches(
            self, tmp_path: Path) -> None:
        """A plain (not quiz) form downloaded from an Indonesian Microsoft 365: its own
        column names in Indonesian, answers as Likert words, one respondent per email."""
        blank = template(tmp_path, "id")
        answers = [(WORDS_ID[3 + i % 2], WORDS_ID[1 + i % 4]) for i in range(9)]
        source = forms_xlsx(tmp_path, [
            ["ID", "Waktu mulai", "Waktu penyelesaian", "Email", "Nama",
             "Waktu terakhir diubah", *QUESTIONS_ID[:2]],
            *([i + 1, dt.datetime(2025, 3, 12, 9, i), dt.datetime(2025, 3, 12, 9, 9),
               f"peserta{i}@contoh.co.id", f"Peserta {i}", None, first, second]
              for i, (first, second) in enumerate(answers))], "msforms_id.xlsx")
        out = tmp_path / "terisi.xlsx"
        result = run_import(str(source), "--into", str(blank), "-o", str(out))
        assert result.exit_code == 0, result.output
        assert "(Microsoft Forms)" in result.output
        _loaded, reaction = filled_and_evaluated(out)
        points = {w: i + 1 for i, w in enumerate(WORDS_ID)}
        expected = [points[w] for pair in answers for w in pair]
        assert reaction.respondents == len(answers)
        assert reaction.overall.mean == pytest.approx(statistics.mean(expected))
        # names and emails stay out of the workbook: pseudonyms only
        text = " ".join(str(v) for sheet in openpyxl.load_workbook(out).worksheets
                        for row in sheet.iter_rows(values_only=True) for v in row if v)
        assert "peserta0@contoh.co.id" not in text and "Peserta 0" not in text


class TestNeverGuessSilently:
    def test_an_answer_off_the_scale_writes_nothing(self, tmp_path: Path) -> None:
        blank = template(tmp_path)
        rows = answers_id(10)
        rows[4][2] = "Sangat sesuai"
        source = google_csv(tmp_path, rows)
        out = tmp_path / "out.xlsx"
        result = run_import(str(source), "--into", str(blank), "-o", str(out))
        assert result.exit_code == 1
        assert not out.exists()
        assert ("reaksi.csv: baris 6, kolom 'Materi pelatihan relevan dengan pekerjaan saya': "
                "'Sangat sesuai' bukan jawaban pada skala") in result.output
        assert "tidak ada yang ditulis" in result.output
        skipped = run_import(str(source), "--into", str(blank), "-o", str(out),
                             "--skip-bad-rows")
        assert skipped.exit_code == 0, skipped.output
        assert "reaksi.csv: baris 6 dilewati" in skipped.output
        assert "9 jawaban dibaca, 1 dilewati" in skipped.output

    def test_a_duplicate_respondent_is_named(self, tmp_path: Path) -> None:
        rows = answers_id(5)
        rows[3][1] = rows[0][1].upper()  # the same address, typed in capitals
        result = run_import(str(google_csv(tmp_path, rows)), "--into",
                            str(template(tmp_path)), "-o", str(tmp_path / "o.xlsx"))
        assert result.exit_code == 1
        assert "baris 5: responden yang sama dengan baris 2" in result.output

    def test_user_text_is_written_as_text(self, tmp_path: Path) -> None:
        header = ["Timestamp", '=HYPERLINK("http://x","click")']
        source = google_csv(tmp_path, [["2025/03/12 4:15:32 PM GMT+7", "4"]], "f.csv", header)
        out = tmp_path / "o.xlsx"
        assert run_import(str(source), "--into", str(template(tmp_path, "en")), "-o",
                          str(out)).exit_code == 0
        cell = openpyxl.load_workbook(out)["Questions"]["B4"]
        assert cell.value == '=HYPERLINK("http://x","click")' and cell.data_type == "s"


class TestBadSources:
    @pytest.mark.parametrize(("content", "expected"), [
        (b"", "the file is empty"),
        (b"%PDF-1.7\n...", "it looks like a PDF"),
        ("Timestamp,Pertanyaan\n2025-03-12,Sangat baik\n".encode("latin-1")
         + b"\xe9\n", "is not UTF-8"),
        (b"Nama,Nilai\nAni,80\n", "not a Google Forms or Microsoft Forms export"),
        (b"Timestamp,Question one\n", "has a header but no responses"),
        (b"Timestamp,Email Address\n2025-03-12,a@b.c\n", "no question columns"),
    ], ids=["empty", "pdf", "latin-1", "other layout", "header only", "no questions"])
    def test_one_clear_message_and_no_output(self, tmp_path: Path, content: bytes,
                                             expected: str) -> None:
        source = tmp_path / "export.csv"
        source.write_bytes(content)
        out = tmp_path / "o.xlsx"
        result = run_import(str(source), "--into", str(template(tmp_path, "en")), "-o",
                            str(out))
        assert result.exit_code == 1
        assert expected in result.output and "export.csv" in result.output
        assert "Traceback" not in result.output
        assert not out.exists()

    def test_a_title_merged_over_the_header(self, tmp_path: Path) -> None:
        """A sheet someone dressed up: a merged title above the form's header row is
        stepped over; the rows are still named by their number in the export."""
        wb = openpyxl.Workbook()
        ws = wb.active
        assert ws is not None
        ws.append(["Form responses 1"])
        ws.merge_cells("A1:C1")
        ws.append(["Timestamp", "Email Address", "The trainer was clear"])
        ws.append([dt.datetime(2025, 3, 12), "a@b.c", "Agree"])
        ws.append([dt.datetime(2025, 3, 12), "d@e.f", "Bagus"])  # row 4: not on the scale
        source = tmp_path / "dressed.xlsx"
        wb.save(source)
        result = run_import(str(source), "--into", str(template(tmp_path, "en")), "-o",
                            str(tmp_path / "o.xlsx"))
        assert result.exit_code == 1 and not (tmp_path / "o.xlsx").exists()
        # the header is found under the title, and rows keep the export's numbering
        assert "dressed.xlsx: row 4, column 'The trainer was clear': 'Bagus'" in result.output

    def test_an_export_too_large(self, tmp_path: Path) -> None:
        source = tmp_path / "huge.csv"
        with source.open("wb") as f:  # sparse: the size is what is judged, before reading
            f.truncate(201 * 1_000_000)
        result = run_import(str(source), "--into", str(template(tmp_path, "en")), "-o",
                            str(tmp_path / "o.xlsx"))
        assert result.exit_code == 1
        assert "huge.csv: 201 MB is more than the 100 MB an import takes" in result.output

    def test_the_output_may_not_be_the_template(self, tmp_path: Path) -> None:
        blank = template(tmp_path, "en")
        before = blank.read_bytes()
        source = google_csv(tmp_path, answers_id(2))
        result = CliRunner().invoke(cli, ["import", str(source), "--into", str(blank), "-o",
                                          str(blank)])
        assert result.exit_code == 2
        assert blank.read_bytes() == before


PRE = "\n".join([
    "Last name,First name,Email address,State,Started on,Completed,Time taken,Grade/10.00,"
    "Q. 1 /5.00,Q. 2 /5.00",
    "Santoso,Budi,budi@contoh.co.id,Finished,12/03/25 09:00,12/03/25 09:20,20 mins,6.00,3.00,3.00",
    "Lestari,Ani,ani@contoh.co.id,Finished,12/03/25 09:00,12/03/25 09:18,18 mins,4.00,2.00,2.00",
    "Wijaya,Dedi,dedi@contoh.co.id,Finished,12/03/25 09:00,12/03/25 09:25,25 mins,5.00,2.50,2.50",
    "Overall average,,,,,,,5.00,2.50,2.50", ""])
POST = "\n".join([
    "Nama belakang,Nama depan,Alamat email,Status,Dimulai pada,Selesai,"
    "Waktu yang diperlukan,Nilai/10,00",
    'Santoso,Budi,BUDI@contoh.co.id,Selesai,14 Maret 2025,14 Maret 2025,20 menit,"9,00"',
    'Lestari,Ani,ani@contoh.co.id,Selesai,14 Maret 2025,14 Maret 2025,18 menit,"7,50"',
    "Wijaya,Dedi,dedi@contoh.co.id,Belum pernah dikirim,-,-,-,-",
    'Putri,Sari,sari@contoh.co.id,Selesai,14 Maret 2025,14 Maret 2025,18 menit,"8,00"', ""])


class TestMoodle:
    def test_pre_and_post_matched_by_email(self, tmp_path: Path) -> None:
        """An English pre-test report and an Indonesian post-test report (decimal commas,
        "-" for never submitted), matched by email whatever its case."""
        (tmp_path / "pre.csv").write_text(PRE, encoding="utf-8")
        (tmp_path / "post.csv").write_text(POST, encoding="utf-8")
        out = tmp_path / "learn.xlsx"
        result = run_import(str(tmp_path / "pre.csv"), str(tmp_path / "post.csv"), "--as",
                            "learning", "--into", str(template(tmp_path, "en")), "-o", str(out))
        assert result.exit_code == 0, result.output
        assert "pre.csv | Learning | Pre-test | 10" in result.output
        assert "post.csv | Learning | Post-test | 10" in result.output
        assert "row 5: Sari Putri is not in pre.csv" in result.output
        rows = [r for r in openpyxl.load_workbook(out)["Learning"].iter_rows(
            min_row=4, values_only=True) if r[1]]
        assert [(r[3], r[4], r[5], r[7]) for r in rows] == [
            (6, 9, 10, None), (4, 7.5, 10, None), (5, None, 10, "absent"), (None, 8, 10, None)]
        assert not any("@" in str(v) for r in rows for v in r)  # pseudonyms
        fill_as_hr(out)
        loaded = load(out)
        assert loaded.ok, loaded.messages()
        assert loaded.evaluation is not None
        learning = evaluate(loaded.evaluation).learning.overall
        assert (learning.participants, learning.sat, learning.absent) == (4, 3, 1)
        assert learning.mean == pytest.approx(statistics.mean([9.0, 7.5, 8.0]))

    def test_gradebook_columns_are_pre_then_post(self, tmp_path: Path) -> None:
        source = tmp_path / "grades.csv"
        source.write_text(
            "First name,Last name,ID number,Email address,Quiz: Pre-test (Real),"
            "Quiz: Post-test (Real),Course total (Real)\n"
            "Budi,Santoso,,budi@contoh.co.id,5.00,8.00,13.00\n"
            "Ani,Lestari,,ani@contoh.co.id,-,7.00,7.00\n", encoding="utf-8")
        out = tmp_path / "o.xlsx"
        result = run_import(str(source), "--as", "learning", "--into",
                            str(template(tmp_path, "en")), "-o", str(out))
        assert result.exit_code == 0, result.output
        assert "grades.csv: Quiz: Pre-test (Real) | Learning | Pre-test" in result.output
        rows = [r[3:5] for r in openpyxl.load_workbook(out)["Learning"].iter_rows(
            min_row=4, values_only=True) if r[1]]
        assert rows == [(5, 8), (None, 7)]

    def test_a_second_attempt_is_named(self, tmp_path: Path) -> None:
        source = tmp_path / "post.csv"
        source.write_text(POST + 'Santoso,Budi,budi@contoh.co.id,Selesai,,,,"9,50"\n',
                          encoding="utf-8")
        out = tmp_path / "o.xlsx"
        args = [str(source), "--as", "learning", "--into", str(template(tmp_path, "en")),
                "-o", str(out)]
        result = run_import(*args)
        assert result.exit_code == 1 and not out.exists()
        assert "post.csv: row 6: a second attempt of the person of row 2" in result.output
        assert run_import(*args, "--skip-bad-rows").exit_code == 0

    def test_not_a_moodle_export(self, tmp_path: Path) -> None:
        source = google_csv(tmp_path, answers_id(2))
        result = run_import(str(source), "--as", "learning", "--into",
                            str(template(tmp_path, "en")), "-o", str(tmp_path / "o.xlsx"))
        assert result.exit_code == 1
        assert "reaksi.csv: not a Moodle grades export" in result.output


def test_round_trip_forms_and_moodle_to_the_report(tmp_path: Path) -> None:
    """A Google Forms reaction export, then a Moodle pre/post pair into the same workbook,
    HR's own entries, and `run`: the report is written with levels 1 and 2 from them."""
    blank = template(tmp_path)
    step1, step2 = tmp_path / "step1.xlsx", tmp_path / "pelatihan.xlsx"
    assert run_import(str(google_csv(tmp_path, answers_id(12))), "--into", str(blank), "-o",
                      str(step1)).exit_code == 0
    (tmp_path / "pre.csv").write_text(PRE, encoding="utf-8")
    (tmp_path / "post.csv").write_text(POST, encoding="utf-8")
    second = run_import(str(tmp_path / "pre.csv"), str(tmp_path / "post.csv"), "--as",
                        "learning", "--into", str(step1), "-o", str(step2))
    assert second.exit_code == 0, second.output
    fill_as_hr(step2)
    result = CliRunner().invoke(cli, ["run", str(step2), "--json", str(tmp_path / "s.json")])
    assert result.exit_code == 0, result.output
    import json

    levels = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["levels"]
    assert levels["reaction"]["respondents"] == 12
    assert levels["learning"]["sat"] == 3
    assert (tmp_path / "pelatihan_report.xlsx").is_file()


def test_into_the_filled_example_codes_continue_and_labels_keep_the_answers_language(
        tmp_path: Path) -> None:
    """Importing into a workbook that already has questions and answers: the next free code,
    rows under the existing ones, labels of unseen points in the answers' language."""
    example = tmp_path / "example.xlsx"
    write_template(example, "en", example=True)
    header = ["Timestamp", "Email Address", "Overall the course was useful"]
    rows = [[f"2025/03/1{i} 4:15:32 PM GMT+7", f"x{i}@y.z", ["Agree", "Strongly agree"][i % 2]]
            for i in range(4)]
    out = tmp_path / "o.xlsx"
    result = run_import(str(google_csv(tmp_path, rows, "en.csv", header)), "--into",
                        str(example), "-o", str(out), "--group", "Maker")
    assert result.exit_code == 0, result.output
    assert "| Reaction | P6 | 1-5: Strongly disagree; Disagree; Neutral; Agree; " \
           "Strongly agree" in result.output
    # "Agree" and "Strongly agree" alone fit a 4-point scale too: said, not silently chosen
    assert "its answers fit a 4-point and a 5-point scale; read as 1-5 (P6)" in result.output
    before = openpyxl.load_workbook(example)["Reaction"]
    after = openpyxl.load_workbook(out)["Reaction"]
    kept = [[c.value for c in r] for r in before.iter_rows(min_row=4, max_row=before.max_row)]
    assert [[c.value for c in r][:len(kept[0])] for r in after.iter_rows(
        min_row=4, max_row=before.max_row)] == kept  # what was there is untouched
    assert after.max_row == before.max_row + 4
    header_row = [c.value for c in after[3]]
    assert header_row.count("P6") == 1 and header_row.index("P6") > header_row.index("T4")


def test_gradebook_with_more_tests_named_by_pre_and_post(tmp_path: Path) -> None:
    source = tmp_path / "grades.csv"
    source.write_text(
        "First name,Last name,Email address,Quiz: Safety basics (Real),Quiz: Awal 5S (Real),"
        "Quiz: Akhir 5S (Real)\n"
        "Budi,Santoso,budi@contoh.co.id,9.00,4.00,8.00\n"
        "Ani,Lestari,ani@contoh.co.id,8.00,5.00,9.00\n", encoding="utf-8")
    blank, out = template(tmp_path, "en"), tmp_path / "o.xlsx"
    refused = run_import(str(source), "--as", "learning", "--into", str(blank), "-o", str(out))
    assert refused.exit_code == 1 and "3 tests found" in refused.output
    assert "--pre and --post" in refused.output
    result = run_import(str(source), "--as", "learning", "--into", str(blank), "-o", str(out),
                        "--pre", "awal 5s", "--post", "Akhir")
    assert result.exit_code == 0, result.output
    rows = [r[3:5] for r in openpyxl.load_workbook(out)["Learning"].iter_rows(
        min_row=4, values_only=True) if r[1]]
    assert rows == [(4, 8), (5, 9)]
    vague = run_import(str(source), "--as", "learning", "--into", str(blank), "-o", str(out),
                       "--pre", "5S", "--post", "Akhir")
    assert vague.exit_code == 1 and "2 tests match '5S'" in vague.output
