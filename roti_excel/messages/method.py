"""Messages of the method (the findings of the conservative rules): key -> (English,
Indonesian). Values in braces are filled when the message is shown (see
roti_excel.messages.values)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "missing_cost_line": (
        "no {what} cost line: the costs are not fully loaded and the result is provisional; "
        "add the line (a line of 0 with a Description saying why counts when the cost was nil)",
        "tidak ada pos biaya {what}: biaya belum dihitung penuh dan hasilnya sementara; "
        "tambahkan barisnya (baris bernilai 0 dengan Keterangan alasannya dihitung bila "
        "biayanya memang nihil)"),
    "zero_line_unexplained": (
        "the {what} line is 0 with no Description: the costs count as not fully loaded and "
        "the result is provisional; enter the amount, or say in Description why it was nil "
        "(e.g. trained outside working hours)",
        "baris {what} bernilai 0 tanpa Keterangan: biaya dianggap belum penuh dan hasilnya "
        "sementara; isi jumlahnya, atau tulis di Keterangan mengapa nihil (mis. pelatihan di "
        "luar jam kerja)"),
    "missing_cost_line_group": (
        "{group} has no {what} cost line of its own or shared: its costs are not fully loaded, "
        "so its result and the total are provisional; add the line for {group} (a line of 0 "
        "with a Description saying why counts when the cost was nil)",
        "{group} tidak punya pos biaya {what}, sendiri maupun bersama: biayanya belum penuh, "
        "sehingga hasilnya dan total sementara; tambahkan barisnya untuk {group} (baris "
        "bernilai 0 dengan Keterangan alasannya dihitung bila biayanya memang nihil)"),
    "shared_split_equally": (
        "shared costs were split equally: not every group states its Participants",
        "biaya bersama dibagi rata: tidak setiap kelompok mengisi Jumlah peserta"),
    "likely_absent": (
        "{who}: post-test 0 with no status, counted as absent",
        "{who}: post-test 0 tanpa status, dihitung tidak hadir"),
    "no_costs": (
        "total costs are 0: BCR, ROI and payback cannot be computed; enter the cost lines",
        "total biaya 0: BCR, ROI, dan payback tidak dapat dihitung; isi baris biayanya"),
    "roi_review": (
        "{whose}ROI of {roi}\u00a0% is above {limit}\u00a0%: review the benefit data and isolation "
        "before reporting it; the result is provisional",
        "{whose}ROI sebesar {roi}\u00a0% di atas {limit}\u00a0%: tinjau data manfaat dan "
        "isolasinya sebelum melaporkannya; hasilnya sementara"),
    "no_isolation": (
        "{name}: no isolation applied to its Impact rows; the whole change is credited to the "
        "program and the result is provisional",
        "{name}: tidak ada isolasi pada baris Dampaknya; seluruh perubahan dianggap hasil "
        "pelatihan dan hasilnya sementara"),
    "weak_trend_trend": (
        "{name}: the trend line fits the before periods weakly (R² {r2}, below the minimum "
        "{minimum}); the trend-based improvement, being the smaller, is credited; the result "
        "is provisional",
        "{name}: garis tren lemah terhadap periode sebelum (R² {r2}, di bawah minimum "
        "{minimum}); perbaikan menurut tren, yang lebih kecil, yang dihitung; hasilnya "
        "sementara"),
    "weak_trend_plain": (
        "{name}: the trend line fits the before periods weakly (R² {r2}, below the minimum "
        "{minimum}); the plain before-after change, being the smaller, is credited instead of "
        "the trend; the result is provisional",
        "{name}: garis tren lemah terhadap periode sebelum (R² {r2}, di bawah minimum "
        "{minimum}); perubahan sebelum-sesudah biasa, yang lebih kecil, yang dihitung, bukan "
        "tren; hasilnya sementara"),
    "annualised": (
        "{name}: {months} measured month(s) scaled to the {horizon}-month horizon (Annualise = "
        "yes): an assumption, stated on the first page",
        "{name}: {months} bulan yang diukur diperbesar ke horizon {horizon} bulan "
        "(Disetahunkan = ya): sebuah asumsi, dinyatakan di halaman pertama"),
    "coverage": (
        "{name}: {respondents} of {participants} participants gave an estimate; the other "
        "{others} count as no improvement",
        "{name}: {respondents} dari {participants} peserta memberi estimasi; {others} lainnya "
        "dihitung tanpa perbaikan"),
    "coverage_over": (
        "{name}: {respondents} respondents gave an estimate but the group has {participants} "
        "participants; check Participants on the Groups sheet, or whether someone answered "
        "twice",
        "{name}: {respondents} responden memberi estimasi padahal kelompok ini hanya punya "
        "{participants} peserta; periksa Jumlah peserta di lembar Kelompok, atau apakah ada "
        "yang menjawab dua kali"),
    "period_missing": (
        "{name}: a before or after value is missing; the period counts as 0",
        "{name}: nilai sebelum atau sesudah kosong; periode ini dihitung 0"),
    "period_beyond_horizon": (
        "{name}: period {period} is beyond the {horizon}-month benefit horizon and is not "
        "counted",
        "{name}: periode {period} di luar horizon manfaat {horizon} bulan dan tidak dihitung"),
    "period_outlier_excluded": (
        "{name}: After {after} (Before {before}) gives an improvement outside 3 x IQR of the "
        "other periods; excluded",
        "{name}: Sesudah {after} (Sebelum {before}) memberi perbaikan di luar 3 x IQR periode "
        "lainnya; dikeluarkan"),
    "period_outlier_kept": (
        "{name}: After {after} (Before {before}) gives an improvement outside 3 x IQR of the "
        "other periods; kept (Outlier rule = flag)",
        "{name}: Sesudah {after} (Sebelum {before}) memberi perbaikan di luar 3 x IQR periode "
        "lainnya; tetap dihitung (Aturan pencilan = tandai)"),
    "estimate_missing": (
        "{name}: no estimate from {respondent}; counted as 0",
        "{name}: tidak ada estimasi dari {respondent}; dihitung 0"),
    "estimate_outlier_excluded": (
        "{name}: estimate {value} of {respondent} is outside 3 x IQR of the others; excluded",
        "{name}: estimasi {value} dari {respondent} di luar 3 x IQR estimasi lainnya; "
        "dikeluarkan"),
    "estimate_outlier_kept": (
        "{name}: estimate {value} of {respondent} is outside 3 x IQR of the others; kept "
        "(Outlier rule = flag)",
        "{name}: estimasi {value} dari {respondent} di luar 3 x IQR estimasi lainnya; tetap "
        "dihitung (Aturan pencilan = tandai)"),
    "empty_value": ("(empty)", "(kosong)"),
}
