"""Sheet names and column labels of the report in English and Indonesian, and
:class:`Labels`, the lookup every sheet module uses (longer texts are in `texts.py`)."""

from __future__ import annotations

import re

from roti_excel.domain import LANGUAGES, Language
from roti_excel.report.texts import TEXT

SHEETS: dict[str, tuple[str, str]] = {
    "brief": ("Brief", "Ringkasan eksekutif"),
    "summary": ("Summary", "Ringkasan"),
    "methodology": ("Methodology", "Metodologi"),
    "reaction": ("Level 1 Reaction", "Level 1 Reaksi"),
    "learning": ("Level 2 Learning", "Level 2 Pembelajaran"),
    "application": ("Level 3 Application", "Level 3 Penerapan"),
    "impact": ("Level 4 Impact", "Level 4 Dampak"),
    "roi": ("Level 5 ROI", "Level 5 ROI"),
    "scenarios": ("Scenarios", "Skenario"),
    "costs": ("Costs", "Biaya"),
    "intangibles": ("Intangibles", "Manfaat tak berwujud"),
    "quality": ("Data quality", "Kualitas data"),
    "inputs": ("Input copies", "Salinan input"),
    "inputs_costs": ("Input copies - costs", "Salinan input - biaya"),
    "inputs_rates": ("Input copies - rates", "Salinan input - tarif"),
    "inputs_measures": ("Input copies - measures", "Salinan input - ukuran"),
    "inputs_impact": ("Input copies - impact", "Salinan input - dampak"),
    "inputs_estimates": ("Input copies - estimates", "Salinan input - estimasi"),
}

COLUMNS: dict[str, tuple[str, str]] = {
    "col_source": ("Input sheet and row", "Lembar dan baris input"),
    "col_item": ("Item", "Butir"),
    "col_value": ("Value", "Nilai"),
    "col_objective": ("Objective", "Target"),
    "col_objective_met": ("Objective met", "Target tercapai"),
    "col_note": ("Note", "Catatan"),
    "col_group": ("Group", "Kelompok"),
    "col_participants": ("Participants", "Peserta"),
    "col_surveys_sent": ("Surveys sent", "Survei dikirim"),
    "col_description": ("Description", "Uraian"),
    "col_code": ("Code", "Kode"),
    "col_cost_item": ("Cost item", "Jenis biaya"),
    "col_class": ("Direct / indirect", "Langsung / tidak langsung"),
    "col_unit_cost": ("Unit cost", "Biaya satuan"),
    "col_quantity": ("Quantity", "Kuantitas"),
    "col_duration": ("Duration", "Durasi"),
    "col_proration": ("Proration", "Proporsi"),
    "col_amount": ("Amount", "Jumlah"),
    "col_share": ("Share of the shared costs", "Porsi biaya bersama"),
    "col_own_direct": ("Direct costs of the group", "Biaya langsung kelompok"),
    "col_own_indirect": ("Indirect costs of the group", "Biaya tidak langsung kelompok"),
    "col_shared_direct": ("Shared direct costs (allocated by share)",
                          "Biaya langsung bersama (dialokasikan menurut porsi)"),
    "col_shared_indirect": ("Shared indirect costs (allocated by share)",
                            "Biaya tidak langsung bersama (dialokasikan menurut porsi)"),
    "col_trd": ("TRD: total direct costs", "TRD: total biaya langsung"),
    "col_tri": ("TRI: total indirect costs", "TRI: total biaya tidak langsung"),
    "col_tr": ("TR: total costs (TRD + TRI)", "TR: total biaya (TRD + TRI)"),
    "col_rate": ("Rate", "Tarif"),
    "col_days": ("Days per month", "Hari per bulan"),
    "col_shifts": ("Shifts per day", "Shift per hari"),
    "col_hours": ("Hours per shift", "Jam per shift"),
    "col_measure": ("Measure", "Ukuran"),
    "col_unit": ("Unit", "Satuan"),
    "col_better_when": ("Better when", "Lebih baik bila"),
    "col_isolation": ("Isolation", "Isolasi"),
    "col_value_per_unit": ("Value per unit", "Nilai per satuan"),
    "col_value_source": ("Value source", "Sumber nilai"),
    "col_contribution": ("Contribution", "Kontribusi"),
    "col_confidence": ("Confidence", "Keyakinan"),
    "col_before_period": ("Before period", "Periode sebelum"),
    "col_before": ("Before", "Sebelum"),
    "col_after_period": ("After period", "Periode sesudah"),
    "col_after": ("After", "Sesudah"),
    "col_control_before": ("Control before", "Kontrol sebelum"),
    "col_control_after": ("Control after", "Kontrol sesudah"),
    "col_change": ("Change", "Perubahan"),
    "col_control_change": ("Control group change", "Perubahan kelompok kontrol"),
    "col_x_before": ("x before", "x sebelum"),
    "col_x_after": ("x after", "x sesudah"),
    "col_projection": ("Trend projection", "Proyeksi tren"),
    "col_improvement": ("Improvement", "Perbaikan"),
    "col_factor": ("Contribution x confidence", "Kontribusi x keyakinan"),
    "col_adjusted": ("Adjusted improvement", "Perbaikan disesuaikan"),
    "col_counted": ("Improvement counted", "Perbaikan dihitung"),
    "col_vpu": ("Value per unit", "Nilai per satuan"),
    "col_money": ("Monetary benefit", "Manfaat moneter"),
    "col_respondent": ("Respondent", "Responden"),
    "col_estimate_source": ("Source", "Sumber"),
    "col_annual": ("Annual improvement", "Perbaikan per tahun"),
    "col_horizon_factor": ("Share of a year counted", "Bagian tahun yang dihitung"),
    "mcol_measure": ("Measure", "Ukuran"),
    "mcol_group": ("Group", "Kelompok"),
    "mcol_unit": ("Unit", "Satuan"),
    "mcol_better_when": ("Better when", "Lebih baik bila"),
    "mcol_isolation": ("Isolation", "Isolasi"),
    "mcol_value_source": ("Value source", "Sumber nilai"),
    "mcol_vpu": ("Value per unit", "Nilai per satuan"),
    "mcol_contribution": ("Contribution", "Kontribusi"),
    "mcol_confidence": ("Confidence", "Keyakinan"),
    "mcol_factor": ("Contribution x confidence", "Kontribusi x keyakinan"),
    "mcol_intercept": ("Trend intercept", "Intersep tren"),
    "mcol_slope": ("Trend slope", "Kemiringan tren"),
    "mcol_r2": ("Trend R²", "R² tren"),
    "mcol_respondents": ("Estimates from", "Estimasi dari"),
    "mcol_participants": ("Participants", "Peserta"),
    "mcol_months": ("Months of benefits", "Bulan manfaat"),
    "mcol_annualise": ("Annualise factor", "Faktor disetahunkan"),
    "mcol_target": ("Target improvement", "Target perbaikan"),
    "mcol_improvement_horizon": ("Improvement over the horizon", "Perbaikan selama horizon"),
    "mcol_target_met": ("Target", "Target"),
    "mcol_notes": ("Notes for finance", "Catatan untuk keuangan"),
    "col_discount": ("Discount", "Diskonto"),
    "mcol_improvement_total": ("Improvement counted", "Perbaikan dihitung"),
    "mcol_benefits": ("Monetary benefits", "Manfaat moneter"),
    "col_benefits": ("Monetary benefits", "Manfaat moneter"),
    "col_costs_tr": ("Fully loaded costs", "Biaya penuh"),
    "col_net": ("Net benefits", "Manfaat bersih"),
    "col_bcr": ("Benefit-cost ratio", "Rasio manfaat-biaya"),
    "col_roi": ("ROI", "ROI"),
    "col_payback": ("Payback (months)", "Periode pengembalian (bulan)"),
    "col_band": ("Result band", "Kategori hasil"),
    "col_months": ("Benefit months", "Bulan manfaat"),
    "col_costs_not_loaded": ("Costs (not fully loaded)", "Biaya (belum penuh)"),
    "col_costs_plain": ("Costs", "Biaya"),
    "col_costs_entered": ("Costs entered (not fully loaded)", "Biaya yang diisi (belum penuh)"),
    "col_credibility": ("Credibility", "Kredibilitas"),
    "col_roi_benefits_move": ("ROI when benefits change", "ROI bila manfaat berubah"),
    "col_roi_costs_move": ("ROI when costs change", "ROI bila biaya berubah"),
    "col_level": ("Level", "Level"),
    "col_key_figure": ("Key figure", "Angka utama"),
    "col_result": ("Result", "Hasil"),
    "col_instrument": ("Instrument", "Instrumen"),
    "col_timing": ("Timing", "Waktu"),
    "col_data_source": ("Source", "Sumber"),
    "col_responses": ("Responses", "Tanggapan"),
    "col_non_respondents": ("Non-respondents", "Yang tidak menanggapi"),
    "col_why": ("What it does", "Cara kerjanya"),
    "col_conversion": ("Conversion to money", "Konversi ke uang"),
    "col_notes": ("Notes for finance", "Catatan untuk keuangan"),
    "col_rule": ("Conservative rule", "Aturan konservatif"),
    "col_applied_here": ("In this evaluation", "Dalam evaluasi ini"),
    "col_benefits_reported": ("Benefits (reported)", "Manfaat (dilaporkan)"),
    "col_share_reported": ("Share credited (reported)", "Porsi diakui (dilaporkan)"),
    "col_share_scenario": ("Share credited (scenario)", "Porsi diakui (skenario)"),
    "col_value_reported": ("Value per unit (reported)", "Nilai per satuan (dilaporkan)"),
    "col_value_scenario": ("Value per unit (scenario)", "Nilai per satuan (skenario)"),
    "col_scenario_benefits": ("Benefits (scenario)", "Manfaat (skenario)"),
    "col_assumption": ("Assumption", "Asumsi"),
    "col_reported": ("Reported", "Dilaporkan"),
    "col_scenario": ("Scenario", "Skenario"),
    "col_figure": ("Figure", "Angka"),
    "col_low": ("Low value", "Nilai rendah"),
    "col_high": ("High value", "Nilai tinggi"),
    "col_roi_low": ("ROI at the low value", "ROI pada nilai rendah"),
    "col_roi_high": ("ROI at the high value", "ROI pada nilai tinggi"),
    "col_change_low": ("Change of ROI at the low value (points)",
                       "Perubahan ROI pada nilai rendah (poin)"),
    "col_change_high": ("Change of ROI at the high value (points)",
                        "Perubahan ROI pada nilai tinggi (poin)"),
    "col_role": ("Role", "Peran"),
    "col_name": ("Name", "Nama"),
    "col_signature": ("Signature", "Tanda tangan"),
    "col_date": ("Date", "Tanggal"),
    "col_n": ("n", "n"),
    "col_status": ("Status", "Status"),
    "col_slice": ("By", "Menurut"),
    "col_label": ("Item", "Butir"),
    "col_question": ("Question", "Pertanyaan"),
    "col_dimension": ("Dimension", "Dimensi"),
    "col_aspect": ("Aspect", "Aspek"),
    "col_mean": ("Mean", "Rata-rata"),
    "col_favourable": ("% favourable", "% positif"),
    "col_category": ("Category", "Kategori"),
    "col_respondents": ("Respondents", "Responden"),
    "col_response_rate": ("Response rate", "Tingkat respons"),
    "col_sat": ("Sat the test", "Ikut tes"),
    "col_absent": ("Absent", "Tidak hadir"),
    "col_likely_absent": ("of which 0 with no status", "di antaranya 0 tanpa status"),
    "col_mean_post": ("Mean post-test", "Rata-rata post-test"),
    "col_median": ("Median", "Median"),
    "col_min": ("Min", "Min"),
    "col_max": ("Max", "Maks"),
    "col_pass_rate": ("Pass rate", "Tingkat lulus"),
    "col_mean_gain": ("Mean gain (post - pre)", "Rata-rata kenaikan (post - pre)"),
    "col_norm_gain": ("Normalised gain", "Kenaikan ternormalisasi"),
    "col_score_bin": ("Score", "Nilai"),
    "col_benefit": ("Benefit", "Manfaat"),
    "col_evidence": ("Evidence", "Bukti"),
    "col_direction": ("Direction", "Arah"),
    "col_type": ("Type", "Jenis"),
    "col_kind": ("Kind", "Macam"),
    "col_sheet": ("Sheet", "Lembar"),
    "col_cell": ("Cell", "Sel"),
    "col_message": ("Message", "Pesan"),
    "col_meaning": ("What it means", "Artinya"),
}


def sheet_names(lang: str) -> dict[str, str]:
    i = LANGUAGES.index(Language.of(lang))  # label pairs are in LANGUAGES order
    return {key: names[i] for key, names in SHEETS.items()}


# a count's field and the words after it, ending in "(s)": "{n} question(s)"
_PLURAL = re.compile(r"\{(\w+)\}((?: [a-z-]+)+?)\(s\)")


def _counted(m: re.Match[str], fields: dict[str, object]) -> str:
    """The words after a count, plural unless the count is 1 ("1", "1.0", 1)."""
    count = str(fields.get(m.group(1), "")).replace(",", ".")
    try:
        one = float(count) == 1
    except ValueError:
        one = False
    return "{" + m.group(1) + "}" + m.group(2) + ("" if one else "s")


class Labels:
    """`t("key", field=value)`: the label in the report language, fields filled in."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._i = LANGUAGES.index(Language.of(lang))

    def __call__(self, key: str, **fields: object) -> str:
        entry = COLUMNS.get(key) or TEXT.get(key)
        if entry is None:
            raise KeyError(f"no report label {key!r}")
        text = entry[self._i]
        if "(s)" in text:  # "{n} question(s)": 1 question, 9 questions
            text = _PLURAL.sub(lambda m: _counted(m, fields), text)
        return text.format(**fields) if fields else text

    def get(self, key: str, default: str) -> str:
        return self(key) if key in COLUMNS or key in TEXT else default
