"""The one definition of the input workbook: sheets, columns, types, defaults, allowed
values and their English and Indonesian names.

The reader, the validator and the template generator all read this module; no other
module hard-codes a header. Names here are the public contract (docs/contract.md): add
columns or aliases, never rename.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Kind(Enum):
    """How a cell's value is read and validated."""

    TEXT = "text"
    NUMBER = "number"  # any real number
    NONNEGATIVE = "nonnegative"  # number >= 0
    POSITIVE = "positive"  # number > 0
    FRACTION = "fraction"  # percentage stored as a fraction in [0, 1]
    DATE = "date"
    CHOICE = "choice"  # one of Column.choices
    PERIOD = "period"  # free label such as 2009-01; a date is accepted too


class _Named:
    """Names in both languages, shared by choices, columns and sheets."""

    key: str
    en: str
    id: str
    aliases: tuple[str, ...]

    def name(self, lang: str) -> str:
        return self.id if lang == "id" else self.en

    def spellings(self) -> tuple[str, ...]:
        """Every accepted spelling: key, English, Indonesian and aliases."""
        return (self.key, self.en, self.id, *self.aliases)


class _Helped(_Named):
    help_en: str
    help_id: str

    def help(self, lang: str) -> str:
        return self.help_id if lang == "id" else self.help_en


@dataclass(frozen=True)
class Choice(_Named):
    """An allowed value: its key (used in code), display names and accepted spellings."""

    key: str
    en: str
    id: str
    aliases: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.name(lang)


# Sane magnitudes of the numbers read (docs/contract.md, "Numbers"). A nonzero value closer
# to 0 than TINY is refused too: it cannot be meant, and dividing by it overflows.
MONEY_LIMIT = 1e15
COUNT_LIMIT = 1e9
TINY = 1e-9


@dataclass(frozen=True)
class Column(_Helped):
    """One column of an input sheet (or one field of the Program sheet)."""

    key: str
    en: str
    id: str
    kind: Kind = Kind.TEXT
    required: bool = False
    default: Any = None
    choices: tuple[Choice, ...] = ()
    help_en: str = ""
    help_id: str = ""
    example: str = ""  # shown in error messages: "enter a number such as ..."
    aliases: tuple[str, ...] = ()
    # The header is required, but a blank cell is judged by the row's rules (e.g. an absent
    # participant has no score; a missing after-value counts as no improvement).
    blank_allowed: bool = False
    # A number's magnitude must stay below this: money and measure values below MONEY_LIMIT,
    # counts, durations and scores below COUNT_LIMIT (a 1e308 unit cost is a typing slip
    # or a damaged file, and would overflow the sums).
    limit: float = MONEY_LIMIT


@dataclass(frozen=True)
class Sheet(_Helped):
    key: str
    en: str
    id: str
    columns: tuple[Column, ...]
    help_en: str = ""
    help_id: str = ""
    # Extra columns named by the data (question codes, scale points) are allowed.
    open_columns: bool = False
    aliases: tuple[str, ...] = field(default=())

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(f"{self.key} has no column {key!r}")


_UNIT = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]\s*$")
_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=4096)
def _normalise_text(text: str) -> str:
    s = _SPACE.sub(" ", text.replace("\u00a0", " ")).strip()
    s = _UNIT.sub("", s).strip()
    return s.casefold()


def normalise(text: object) -> str:
    """Header/label matching key: case-insensitive, spaces folded, trailing unit in
    brackets dropped, so `Unit cost (IDR)` matches `unit cost`."""
    return _normalise_text(str(text))


def _choice(key: str, en: str, id_: str, *aliases: str) -> Choice:
    return Choice(key, en, id_, aliases)


# -- allowed values -----------------------------------------------------------------

DIRECT_CODES: tuple[Choice, ...] = (
    _choice("EC", "External consultants / providers", "Konsultan / penyedia eksternal"),
    _choice("VR", "Venue rental", "Sewa tempat"),
    _choice("TM", "Training materials", "Materi pelatihan"),
    _choice("AV", "Audio-visual", "Audio visual"),
    _choice("C", "Catering", "Konsumsi"),
    _choice("A", "Accommodation and travel", "Akomodasi dan perjalanan"),
    _choice("T", "Trainer salaries and benefits", "Gaji dan tunjangan trainer"),
    _choice("L", "Learner salaries and benefits", "Gaji dan tunjangan peserta"),
    _choice("AM", "Administration staff", "Staf administrasi"),
    _choice("M", "Miscellaneous", "Lain-lain"),
)
INDIRECT_CODES: tuple[Choice, ...] = (
    _choice("NA", "Needs analysis", "Analisis kebutuhan pelatihan"),
    _choice("TE", "Evaluation", "Evaluasi pelatihan"),
    _choice("PL", "Productivity lost while away", "Produktivitas hilang selama pelatihan"),
    _choice("RE", "Replacement staff", "Staf pengganti"),
    _choice("PD", "Program design", "Desain program"),
)
COST_CODES = DIRECT_CODES + INDIRECT_CODES
DIRECT_CODE_KEYS = frozenset(c.key for c in DIRECT_CODES)

BETTER_WHEN = (
    _choice("lower", "lower", "lebih rendah", "rendah", "lower is better", "down"),
    _choice("higher", "higher", "lebih tinggi", "tinggi", "higher is better", "up"),
)
ISOLATION = (
    _choice("none", "none", "tidak ada", "no isolation", "tanpa isolasi"),
    _choice("control group", "control group", "kelompok kontrol", "control"),
    _choice("trend line", "trend line", "garis tren", "trend", "tren"),
    _choice("estimate", "estimate", "estimasi", "estimation", "perkiraan"),
)
MEASURE_TYPE = (
    _choice("hard", "hard", "keras", "hard data", "data keras"),
    _choice("soft", "soft", "lunak", "soft data", "data lunak"),
)
LEVEL = (
    _choice("1", "1", "1", "1.0", "level 1", "reaction", "reaksi"),
    _choice("3", "3", "3", "3.0", "level 3", "application", "behaviour", "behavior", "penerapan"),
)
REACTION_DIMENSIONS = (
    _choice("material", "Material", "Materi"),
    _choice("trainer", "Trainer", "Trainer", "pelatih", "instruktur"),
    _choice("facility", "Facility", "Fasilitas"),
    _choice("overall", "Overall", "Keseluruhan", "umum"),
)
APPLICATION_DIMENSIONS = (
    _choice("cognitive", "Cognitive", "Kognitif", "knowledge", "pengetahuan"),
    _choice("affective", "Affective", "Afektif", "attitude", "sikap"),
    _choice("psychomotor", "Psychomotor", "Psikomotorik", "skills", "keterampilan", "psikomotor"),
    _choice("other", "Other", "Lainnya", "lain-lain"),
)
DIMENSIONS = REACTION_DIMENSIONS + APPLICATION_DIMENSIONS
ESTIMATE_SOURCE = (
    _choice("participant", "participant", "peserta"),
    _choice("supervisor", "supervisor", "atasan", "penyelia"),
    _choice("manager", "manager", "manajer"),
    _choice("expert", "expert", "ahli", "pakar"),
)
STATUS = (
    _choice("attended", "attended", "hadir", "present", "sat"),
    _choice("absent", "absent", "tidak hadir", "absen"),
)
LANGUAGE = (
    _choice("en", "en", "en", "english", "inggris", "bahasa inggris"),
    _choice("id", "id", "id", "indonesian", "indonesia", "bahasa indonesia", "in"),
)
OUTLIER_RULE = (
    _choice("flag", "flag", "tandai"),
    _choice("exclude", "exclude", "kecualikan", "keluarkan"),
)
YES_NO = (
    _choice("no", "no", "tidak", "n", "false", "0"),
    _choice("yes", "yes", "ya", "y", "true", "1"),
)


def _col(key: str, en: str, id_: str, kind: Kind = Kind.TEXT, **kw: Any) -> Column:
    return Column(key, en, id_, kind, **kw)


GROUP = _col(
    "group", "Group", "Kelompok", aliases=("unit", "cohort"),
    help_en="Unit or cohort evaluated separately, as named in Groups; blank = whole program",
    help_id="Unit atau angkatan yang dievaluasi terpisah, seperti di Kelompok; kosong = seluruh "
            "program",
)

# -- the Program sheet: one field per row ---------------------------------------------

PROGRAM_FIELDS: tuple[Column, ...] = (
    _col("program_name", "Program name", "Nama program", required=True,
         help_en="Name of the training program", help_id="Nama program pelatihan",
         example="Protos 70 operator training"),
    _col("organization", "Organization", "Organisasi", aliases=("organisation", "perusahaan"),
         help_en="Company or unit that ran it", help_id="Perusahaan atau unit penyelenggara"),
    _col("currency", "Currency", "Mata uang", default="IDR",
         help_en="Currency code, e.g. IDR or USD", help_id="Kode mata uang, mis. IDR atau USD",
         example="IDR"),
    _col("language", "Language", "Bahasa", Kind.CHOICE, default="en", choices=LANGUAGE,
         help_en="Report language: en or id", help_id="Bahasa laporan: en atau id"),
    _col("roi_objective", "ROI objective", "Target ROI", Kind.FRACTION, default=0.25,
         help_en="ROI % the program must reach to count as high (25 % = 0.25)",
         help_id="ROI % minimal agar dinilai tinggi (25 % = 0,25)", example="25%"),
    _col("benefit_horizon", "Benefit horizon", "Horizon manfaat", Kind.POSITIVE, default=12,
         limit=COUNT_LIMIT,
         help_en="Months of benefits counted (first year = 12)",
         help_id="Jumlah bulan manfaat yang dihitung (tahun pertama = 12)", example="12"),
    _col("evaluation_start", "Evaluation start", "Awal evaluasi", Kind.DATE,
         help_en="First day of the evaluation period", help_id="Tanggal awal periode evaluasi",
         example="2011-01-01"),
    _col("evaluation_end", "Evaluation end", "Akhir evaluasi", Kind.DATE,
         help_en="Last day of the evaluation period", help_id="Tanggal akhir periode evaluasi",
         example="2011-12-31"),
    _col("prepared_by", "Prepared by", "Disusun oleh",
         help_en="Who filled in this workbook", help_id="Penyusun workbook ini"),
    _col("outlier_rule", "Outlier rule", "Aturan pencilan", Kind.CHOICE, default="flag",
         choices=OUTLIER_RULE,
         help_en="Extreme values (outside 3 x IQR): flag them, or exclude them from benefits",
         help_id="Nilai ekstrem (di luar 3 x IQR): tandai saja, atau kecualikan dari manfaat"),
    _col("category_bands", "Category bands", "Batas kategori",
         help_en="Optional level 3 labels for the mean, e.g. '2.5 Poor; 3.25 Fair; 4 Good' "
                 "(upper bound then label); blank = the question's scale labels",
         help_id="Opsional: label rata-rata level 3, mis. '2,5 Kurang; 3,25 Cukup; 4 Baik' "
                 "(batas atas lalu label); kosong = label skala pertanyaan"),
    # docs/method.md, "The benefit period"
    _col("annualise", "Annualise", "Disetahunkan", Kind.CHOICE, default="no", choices=YES_NO,
         aliases=("annualize", "annualised", "annualized"),
         help_en="yes: scale benefits measured over fewer months than the horizon up to it "
                 "(stated as an assumption); no: count only the months measured",
         help_id="ya: manfaat yang diukur kurang dari horizon diperbesar sampai horizon "
                 "(dinyatakan sebagai asumsi); tidak: hanya bulan yang diukur"),
    _col("discount_rate", "Discount rate", "Tingkat diskonto", Kind.FRACTION,
         help_en="Yearly rate finance uses to discount benefits after month 12; required "
                 "when the horizon exceeds 12 months (10 % = 0.1)",
         help_id="Tingkat diskonto per tahun untuk manfaat setelah bulan ke-12; wajib bila "
                 "horizon lebih dari 12 bulan (10 % = 0,1)", example="10%"),
    _col("trend_r2_minimum", "Trend R2 minimum", "R2 minimum tren", Kind.FRACTION,
         default=0.5, aliases=("trend r² minimum", "r2 minimum"),
         help_en="Trend line isolation: below this R² the trend is weak and the smaller of "
                 "the trend and the plain before-after change is credited",
         help_id="Isolasi garis tren: di bawah R² ini tren lemah dan yang lebih kecil antara "
                 "tren dan perubahan sebelum-sesudah yang dihitung", example="0.5"),
    # docs/method.md, "Objectives at every level"
    _col("reaction_objective", "Reaction objective", "Target reaksi", Kind.POSITIVE,
         limit=COUNT_LIMIT,
         help_en="Level 1: minimum mean score, on the questions' scale (e.g. 4 on 1-5)",
         help_id="Level 1: skor rata-rata minimal, pada skala pertanyaan (mis. 4 pada 1-5)",
         example="4"),
    _col("learning_objective", "Learning objective", "Target pembelajaran", Kind.FRACTION,
         help_en="Level 2: minimum pass rate (80 % = 0.8)",
         help_id="Level 2: tingkat kelulusan minimal (80 % = 0,8)", example="80%"),
    _col("application_objective", "Application objective", "Target penerapan", Kind.POSITIVE,
         limit=COUNT_LIMIT,
         help_en="Level 3: minimum mean score, on the questions' scale (e.g. 3 on 1-4)",
         help_id="Level 3: skor rata-rata minimal, pada skala pertanyaan (mis. 3 pada 1-4)",
         example="3"),
    _col("reviewed_by", "Reviewed by", "Diperiksa oleh",
         help_en="Who reviewed the figures (e.g. finance)",
         help_id="Pemeriksa angka (mis. bagian keuangan)"),
    _col("approved_by", "Approved by", "Disetujui oleh",
         help_en="Who approved the report", help_id="Penyetuju laporan"),
)

FIELD_COLUMNS = (
    _col("field", "Field", "Isian", required=True, aliases=("kolom", "item")),
    _col("value", "Value", "Nilai", required=True, aliases=("isi",)),
)

# -- data sheets ----------------------------------------------------------------------

PROGRAM = Sheet(
    "program", "Program", "Program", FIELD_COLUMNS,
    help_en="Facts about the program: one field per row.",
    help_id="Data program: satu isian per baris.",
)

GROUPS = Sheet(
    "groups", "Groups", "Kelompok",
    (
        _col("group", "Group", "Kelompok", required=True, aliases=("unit", "cohort"),
             help_en="Name of the unit or cohort", help_id="Nama unit atau angkatan"),
        _col("participants", "Participants", "Peserta", Kind.NONNEGATIVE, limit=COUNT_LIMIT,
             aliases=("jumlah peserta",),
             help_en="Number trained; used to share costs with a blank Group",
             help_id="Jumlah peserta; dipakai membagi biaya bersama", example="30"),
        _col("surveys_sent", "Surveys sent", "Kuesioner dikirim", Kind.NONNEGATIVE,
             limit=COUNT_LIMIT,
             help_en="Follow-up questionnaires sent (level 3 response rate); blank = Participants",
             help_id="Kuesioner tindak lanjut yang dikirim; kosong = jumlah peserta", example="30"),
        _col("description", "Description", "Keterangan", aliases=("deskripsi",),
             help_en="What this group is", help_id="Penjelasan kelompok"),
    ),
    help_en="Units or cohorts evaluated separately.",
    help_id="Unit atau angkatan yang dievaluasi terpisah.",
)

COSTS = Sheet(
    "costs", "Costs", "Biaya",
    (
        GROUP,
        _col("code", "Code", "Kode", Kind.CHOICE, required=True, choices=COST_CODES,
             aliases=("jenis biaya", "cost code"),
             help_en="Cost type: EC VR TM AV C A T L AM M (direct) or NA TE PL RE PD (indirect)",
             help_id="Jenis biaya: EC VR TM AV C A T L AM M (langsung) atau NA TE PL RE PD (tak "
                     "langsung)"),
        _col("description", "Description", "Keterangan", aliases=("uraian",),
             help_en="What was paid for", help_id="Untuk apa biaya ini"),
        _col("unit_cost", "Unit cost", "Biaya satuan", Kind.NONNEGATIVE, required=True,
             aliases=("harga satuan",),
             help_en="Cost of one unit, in the program's currency",
             help_id="Biaya per satuan, dalam mata uang program", example="1500000"),
        # "Kuantitas", not "Jumlah": Indonesian readers take "jumlah" for a total
        _col("quantity", "Quantity", "Kuantitas", Kind.NONNEGATIVE, limit=COUNT_LIMIT,
             default=1.0, aliases=("qty", "jumlah", "banyaknya"),
             help_en="How many units (people, books, ...); blank = 1",
             help_id="Banyaknya satuan (orang, buku, ...); kosong = 1", example="30"),
        _col("duration", "Duration", "Durasi", Kind.NONNEGATIVE, limit=COUNT_LIMIT, default=1.0,
             aliases=("lama",),
             help_en="How many days/weeks/months the unit cost applies; blank = 1",
             help_id="Berapa hari/minggu/bulan biaya satuan berlaku; kosong = 1", example="15"),
        _col("proration", "Proration", "Proporsi", Kind.FRACTION, default=1.0,
             aliases=("prorata", "alokasi"),
             help_en="Share charged to this program (100 % = all); blank = 100 %",
             help_id="Bagian yang dibebankan ke program ini (100 % = semua); kosong = 100 %",
             example="50%"),
    ),
    help_en="Every cost of the program, direct and indirect (fully loaded).",
    help_id="Semua biaya program, langsung dan tak langsung.",
)

QUESTIONS = Sheet(
    "questions", "Questions", "Pertanyaan",
    (
        _col("code", "Code", "Kode", required=True,
             help_en="Short code used as a column in Reaction or Application, e.g. P1",
             help_id="Kode singkat yang menjadi kolom di Reaksi atau Penerapan, mis. P1",
             example="P1"),
        _col("question", "Question", "Pertanyaan", help_en="The question as asked",
             help_id="Bunyi pertanyaan"),
        _col("level", "Level", "Level", Kind.CHOICE, required=True, choices=LEVEL,
             help_en="1 = reaction, 3 = application", help_id="1 = reaksi, 3 = penerapan"),
        _col("dimension", "Dimension", "Dimensi", Kind.CHOICE, required=True, choices=DIMENSIONS,
             aliases=("aspect", "aspek"),
             help_en="Level 1: Material, Trainer, Facility, Overall; level 3: Cognitive, "
                     "Affective, Psychomotor, Other",
             help_id="Level 1: Materi, Trainer, Fasilitas, Keseluruhan; level 3: Kognitif, "
                     "Afektif, Psikomotorik, Lainnya"),
        _col("scale_min", "Scale min", "Skala min", Kind.NUMBER, limit=COUNT_LIMIT, default=1.0,
             help_en="Lowest answer; blank = 1", help_id="Jawaban terendah; kosong = 1",
             example="1"),
        _col("scale_max", "Scale max", "Skala maks", Kind.NUMBER, limit=COUNT_LIMIT, default=5.0,
             aliases=("skala max",),
             help_en="Highest answer; blank = 5", help_id="Jawaban tertinggi; kosong = 5",
             example="5"),
        _col("labels", "Labels", "Label",
             help_en="Optional answer labels, ';'-separated, lowest first",
             help_id="Label jawaban (opsional), dipisah ';', dari terendah"),
    ),
    help_en="The survey questions of levels 1 and 3.",
    help_id="Pertanyaan survei level 1 dan 3.",
)

REACTION = Sheet(
    "reaction", "Reaction", "Reaksi",
    (
        GROUP,
        _col("session", "Session", "Sesi", aliases=("class", "kelas"),
             help_en="Class or session", help_id="Kelas atau sesi"),
        _col("trainer", "Trainer", "Trainer", aliases=("instruktur", "pelatih"),
             help_en="Trainer of the session", help_id="Trainer sesi ini"),
        _col("date", "Date", "Tanggal", Kind.DATE, help_en="Date of the session",
             help_id="Tanggal sesi", example="2010-03-15"),
        _col("respondent", "Respondent", "Responden", help_en="Respondent id (optional)",
             help_id="Id responden (opsional)"),
        _col("weight", "Weight", "Bobot", Kind.POSITIVE, limit=COUNT_LIMIT, default=1.0,
             help_en="Respondents this row stands for (session averages); blank = 1",
             help_id="Jumlah responden yang diwakili baris ini; kosong = 1", example="10"),
    ),
    open_columns=True,
    help_en="Level 1: one row per respondent or per session average; one column per question code.",
    help_id="Level 1: satu baris per responden atau rata-rata sesi; satu kolom per kode "
            "pertanyaan.",
)

LEARNING = Sheet(
    "learning", "Learning", "Pembelajaran",
    (
        GROUP,
        _col("participant", "Participant", "Peserta", required=True,
             aliases=("participant id", "id peserta", "nik", "no"),
             help_en="Participant id", help_id="Id peserta"),
        _col("name", "Name", "Nama", help_en="Participant name", help_id="Nama peserta"),
        _col("pre_test", "Pre-test", "Pre-test", Kind.NONNEGATIVE, limit=COUNT_LIMIT,
             aliases=("pretest", "pre test", "nilai awal"),
             help_en="Score before training (optional)",
             help_id="Nilai sebelum pelatihan (opsional)",
             example="6"),
        _col("post_test", "Post-test", "Post-test", Kind.NONNEGATIVE, required=True,
             limit=COUNT_LIMIT,
             blank_allowed=True,
             aliases=("posttest", "post test", "nilai akhir", "nilai"),
             help_en="Score after training; leave blank or set Status absent if not sat",
             help_id="Nilai sesudah pelatihan; kosongkan atau Status tidak hadir jika tidak ikut",
             example="8"),
        _col("max_score", "Max score", "Nilai maks", Kind.POSITIVE, limit=COUNT_LIMIT,
             aliases=("maximum score", "nilai maksimal", "nilai max"),
             help_en="Highest possible score", help_id="Nilai tertinggi yang mungkin",
             example="10"),
        _col("pass_mark", "Pass mark", "Batas lulus", Kind.NONNEGATIVE, limit=COUNT_LIMIT,
             aliases=("passing score", "nilai lulus"),
             help_en="Score needed to pass", help_id="Nilai minimal lulus", example="7"),
        _col("status", "Status", "Status", Kind.CHOICE, choices=STATUS,
             help_en="attended or absent; blank = attended (a 0 score is then read as absent)",
             help_id="hadir atau tidak hadir; kosong = hadir (nilai 0 dianggap tidak hadir)"),
    ),
    help_en="Level 2: one row per participant.",
    help_id="Level 2: satu baris per peserta.",
)

APPLICATION = Sheet(
    "application", "Application", "Penerapan",
    (
        GROUP,
        _col("respondent", "Respondent", "Responden", help_en="Respondent id",
             help_id="Id responden"),
    ),
    open_columns=True,
    help_en="Level 3: follow-up answers, one row per respondent, one column per question code.",
    help_id="Level 3: jawaban tindak lanjut, satu baris per responden, satu kolom per kode.",
)

APPLICATION_COUNTS = Sheet(
    "application_counts", "Application counts", "Jumlah penerapan",
    (
        GROUP,
        _col("code", "Code", "Kode", required=True, help_en="Level 3 question code",
             help_id="Kode pertanyaan level 3", example="A1"),
    ),
    open_columns=True,
    aliases=("penerapan (jumlah)",),
    help_en="Level 3 when only counts are known: one column per scale point (1, 2, ...).",
    help_id="Level 3 jika hanya jumlah jawaban diketahui: satu kolom per titik skala.",
)

RATES = Sheet(
    "rates", "Rates", "Tarif",
    (
        _col("rate", "Rate", "Tarif", required=True, help_en="Name of the derived value",
             help_id="Nama tarif", example="Operator wage"),
        _col("amount", "Amount", "Nominal", Kind.NONNEGATIVE, required=True,
             aliases=("nilai", "jumlah"),
             help_en="Amount per month (or per period), e.g. a monthly wage",
             help_id="Jumlah per bulan, mis. gaji bulanan", example="3500000"),
        _col("days_per_month", "Days per month", "Hari per bulan", Kind.POSITIVE, default=1.0,
             limit=COUNT_LIMIT,
             help_en="Divide by; blank = 1", help_id="Pembagi; kosong = 1", example="30"),
        _col("shifts_per_day", "Shifts per day", "Shift per hari", Kind.POSITIVE, default=1.0,
             limit=COUNT_LIMIT,
             help_en="Divide by; blank = 1", help_id="Pembagi; kosong = 1", example="2"),
        _col("hours_per_shift", "Hours per shift", "Jam per shift", Kind.POSITIVE, default=1.0,
             limit=COUNT_LIMIT,
             help_en="Divide by; blank = 1", help_id="Pembagi; kosong = 1", example="8"),
    ),
    help_en="Derived unit values, e.g. monthly wage / 30 / 2 / 8 = value per hour.",
    help_id="Nilai satuan turunan, mis. gaji bulanan / 30 / 2 / 8 = nilai per jam.",
)

MEASURES = Sheet(
    "measures", "Measures", "Ukuran",
    (
        GROUP,
        _col("measure", "Measure", "Ukuran", required=True, aliases=("indikator",),
             help_en="Business measure, e.g. Working time",
             help_id="Ukuran bisnis, mis. Working time"),
        _col("unit", "Unit", "Satuan", help_en="Unit of the measure, e.g. hours",
             help_id="Satuan ukuran, mis. jam"),
        _col("type", "Type", "Jenis", Kind.CHOICE, choices=MEASURE_TYPE,
             help_en="hard (output, time, cost, quality) or soft", help_id="keras atau lunak"),
        _col("better_when", "Better when", "Lebih baik jika", Kind.CHOICE, required=True,
             choices=BETTER_WHEN,
             help_en="lower (time, errors, overtime) or higher (output, revenue)",
             help_id="lebih rendah (waktu, kesalahan) atau lebih tinggi (output, pendapatan)"),
        _col("value_per_unit", "Value per unit", "Nilai per satuan", Kind.NUMBER,
             help_en="Money per unit of improvement; or name a Rate instead",
             help_id="Nilai uang per satuan perbaikan; atau isi Tarif", example="7291.67"),
        _col("rate", "Rate", "Tarif", help_en="Name of a row in Rates, instead of Value per unit",
             help_id="Nama baris di Tarif, pengganti Nilai per satuan", example="Operator wage"),
        _col("value_source", "Value source", "Sumber nilai",
             help_en="Where the value comes from (standard value, historical cost, expert)",
             help_id="Asal nilai (nilai standar, biaya historis, ahli)"),
        _col("isolation", "Isolation", "Isolasi", Kind.CHOICE, required=True, choices=ISOLATION,
             help_en="none, control group, trend line or estimate",
             help_id="tidak ada, kelompok kontrol, garis tren atau estimasi"),
        _col("contribution", "Contribution", "Kontribusi", Kind.FRACTION,
             help_en="Isolation = estimate: share of the improvement due to the program",
             help_id="Isolasi = estimasi: bagian perbaikan karena pelatihan", example="60%"),
        _col("confidence", "Confidence", "Keyakinan", Kind.FRACTION,
             help_en="Isolation = estimate: confidence in that share",
             help_id="Isolasi = estimasi: tingkat keyakinan", example="80%"),
        _col("target_improvement", "Target improvement", "Target perbaikan", Kind.NUMBER,
             help_en="Objective: improvement in the measure's unit over the horizon",
             help_id="Target: perbaikan dalam satuan ukuran selama horizon", example="1000"),
        _col("notes", "Notes", "Catatan", help_en="Anything finance should know",
             help_id="Catatan untuk bagian keuangan"),
    ),
    help_en="Level 4 business measures and how each converts to money.",
    help_id="Ukuran bisnis level 4 dan cara mengubahnya ke nilai uang.",
)

IMPACT = Sheet(
    "impact", "Impact", "Dampak",
    (
        GROUP,
        _col("measure", "Measure", "Ukuran", required=True, help_en="A measure named in Measures",
             help_id="Ukuran yang ada di Ukuran"),
        _col("before_period", "Before period", "Periode sebelum", Kind.PERIOD,
             help_en="e.g. 2009-01", help_id="mis. 2009-01", example="2009-01"),
        _col("before", "Before", "Sebelum", Kind.NUMBER, required=True, blank_allowed=True,
             help_en="Value of the measure before training", help_id="Nilai sebelum pelatihan",
             example="8944"),
        _col("after_period", "After period", "Periode sesudah", Kind.PERIOD,
             help_en="e.g. 2011-01", help_id="mis. 2011-01", example="2011-01"),
        _col("after", "After", "Sesudah", Kind.NUMBER, required=True, blank_allowed=True,
             help_en="Value of the measure after training", help_id="Nilai sesudah pelatihan",
             example="5124.35"),
        _col("control_before", "Control before", "Kontrol sebelum", Kind.NUMBER,
             help_en="Control group, before (Isolation = control group)",
             help_id="Kelompok kontrol, sebelum"),
        _col("control_after", "Control after", "Kontrol sesudah", Kind.NUMBER,
             help_en="Control group, after (Isolation = control group)",
             help_id="Kelompok kontrol, sesudah"),
    ),
    help_en="Level 4: one row per pair of periods compared (month m before vs month m after).",
    help_id="Level 4: satu baris per pasangan periode (bulan m sebelum vs bulan m sesudah).",
)

ESTIMATES = Sheet(
    "estimates", "Estimates", "Estimasi",
    (
        GROUP,
        _col("measure", "Measure", "Ukuran", required=True, help_en="A measure named in Measures",
             help_id="Ukuran yang ada di Ukuran"),
        _col("respondent", "Respondent", "Responden", required=True,
             help_en="Who estimated", help_id="Siapa yang memperkirakan"),
        _col("source", "Source", "Sumber", Kind.CHOICE, choices=ESTIMATE_SOURCE,
             help_en="participant, supervisor, manager or expert",
             help_id="peserta, atasan, manajer atau ahli"),
        _col("annual_improvement", "Annual improvement", "Perbaikan per tahun", Kind.NUMBER,
             required=True, blank_allowed=True,
             help_en="Improvement over a year, in the measure's unit",
             help_id="Perbaikan selama setahun, dalam satuan ukuran", example="120"),
        _col("contribution", "Contribution", "Kontribusi", Kind.FRACTION, required=True,
             help_en="Share due to the program (60 % = 0.6)", help_id="Bagian karena pelatihan",
             example="60%"),
        _col("confidence", "Confidence", "Keyakinan", Kind.FRACTION, required=True,
             help_en="Confidence in the estimate", help_id="Tingkat keyakinan", example="80%"),
    ),
    help_en="Per-person estimates of improvement, adjusted for contribution and confidence.",
    help_id="Estimasi perbaikan per orang, disesuaikan kontribusi dan keyakinan.",
)

INTANGIBLES = Sheet(
    "intangibles", "Intangibles", "Manfaat tak berwujud",
    (
        GROUP,
        _col("benefit", "Benefit", "Manfaat", required=True,
             help_en="Benefit that cannot credibly be put in money",
             help_id="Manfaat yang tidak dapat diuangkan secara kredibel"),
        _col("evidence", "Evidence", "Bukti", help_en="How we know", help_id="Buktinya"),
        _col("direction", "Direction", "Arah", help_en="e.g. improved, fewer, more",
             help_id="mis. meningkat, berkurang"),
    ),
    aliases=("intangible", "tak berwujud"),
    help_en="Benefits reported in words, never converted to money.",
    help_id="Manfaat yang dilaporkan dalam kata-kata, tidak diuangkan.",
)

SHEETS: tuple[Sheet, ...] = (
    PROGRAM, GROUPS, COSTS, QUESTIONS, REACTION, LEARNING, APPLICATION, APPLICATION_COUNTS,
    RATES, MEASURES, IMPACT, ESTIMATES, INTANGIBLES,
)
REQUIRED_SHEETS = ("program", "costs")


def sheet(key: str) -> Sheet:
    for s in SHEETS:
        if s.key == key:
            return s
    raise KeyError(key)


def match_sheet(name: str) -> Sheet | None:
    """The schema sheet a workbook tab name stands for, in either language."""
    wanted = normalise(name)
    for s in SHEETS:
        if any(normalise(n) == wanted for n in s.spellings()):
            return s
    return None


_COLUMN_INDEX: dict[str, dict[str, Column]] = {}


def _column_index(sheet_: Sheet) -> dict[str, Column]:
    # keyed by the sheet's key: hashing a whole Sheet (every column) per lookup is slow
    found = _COLUMN_INDEX.get(sheet_.key)
    if found is None:
        found = _COLUMN_INDEX[sheet_.key] = _build_column_index(sheet_)
    return found


def _build_column_index(sheet_: Sheet) -> dict[str, Column]:
    """Normalised spelling -> column. A column's own names win over another column's
    alias: on Measures, `Unit` is the Unit column, not Group (whose aliases include
    "unit"); among equals the first column listed wins."""
    index: dict[str, Column] = {}
    for col in reversed(sheet_.columns):
        for alias in col.aliases:
            index[normalise(alias)] = col
    for col in reversed(sheet_.columns):
        for name in (col.key, col.en, col.id):
            index[normalise(name)] = col
    return index


def match_column(sheet_: Sheet, header: object) -> Column | None:
    wanted = normalise(header)
    return _column_index(sheet_).get(wanted) if wanted else None


def match_choice(choices: tuple[Choice, ...], value: object) -> Choice | None:
    """Accepts a key or label in either language, or a drop-down entry such as
    `TM - Training materials`."""
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    candidates = [text]
    for sep in (" - ", " \u2013 ", " \u2014 ", ":"):
        if sep in text:
            candidates.append(text.split(sep, 1)[0])
    for cand in candidates:
        wanted = normalise(cand)
        for ch in choices:
            if any(normalise(s) == wanted for s in ch.spellings()):
                return ch
    return None


def choice_list(choices: tuple[Choice, ...], lang: str) -> str:
    return ", ".join(c.label(lang) for c in choices)


# -- template helpers: never read -------------------------------------------------------
# Sheets and columns the input template adds for the people filling it in. They are not in
# SHEETS, and their names match no column of the sheet they sit on, so the reader ignores
# them (template.py checks this when it writes a workbook).

INSTRUCTIONS = Sheet(
    "instructions", "Instructions", "Petunjuk", (),
    help_en="How to fill in this workbook (not read).",
    help_id="Cara mengisi workbook ini (tidak dibaca).",
)
LISTS = Sheet(
    "lists", "Lists", "Daftar", (),
    help_en="Allowed values of the drop-down lists (for reference; not read).",
    help_id="Nilai yang diperbolehkan di daftar pilihan (sebagai acuan; tidak dibaca).",
)
TEMPLATE_SHEETS: tuple[Sheet, ...] = (INSTRUCTIONS, LISTS)

HELP_COLUMN = _col(
    "help", "Help", "Keterangan",
    help_en="What to enter in Value (not read)", help_id="Apa yang diisi di Nilai (tidak dibaca)",
)
# Read-only helpers after a sheet's columns: a formula over the row, shown grey.
COMPUTED_COLUMNS: dict[str, Column] = {
    "costs": _col(
        "total_cost", "Total cost (computed)", "Total biaya (dihitung)", Kind.NUMBER,
        help_en="Unit cost x Quantity x Duration x Proration, blanks as their defaults; "
                "computed for you, not read",
        help_id="Biaya satuan x Jumlah x Durasi x Proporsi, kosong = nilai bawaan; "
                "dihitung otomatis, tidak dibaca",
    ),
    "rates": _col(
        "value_per_unit", "Value per unit (computed)", "Nilai per satuan (dihitung)", Kind.NUMBER,
        help_en="Amount / Days per month / Shifts per day / Hours per shift, blanks as 1; "
                "computed for you, not read",
        help_id="Nominal / Hari per bulan / Shift per hari / Jam per shift, kosong = 1; "
                "dihitung otomatis, tidak dibaca",
    ),
}
