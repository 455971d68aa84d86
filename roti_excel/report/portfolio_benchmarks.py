"""The portfolio's Benchmarks sheet: each program's key figure per level against the
organisation's own programs (median, and where the program stands among them), colour-coded.

A figure is compared only with the same figure of the same organisation's programs, and only
when at least MIN_PEERS of them have it; level 3's mean only among programs that asked on
the same scale (a 3.0 on a 1-4 scale is not a 3.0 on a 1-5 one)."""

from __future__ import annotations

import bisect
import statistics
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from roti_excel.domain import Band
from roti_excel.report.palette import BAND_COLOURS, NOTE_FONT

if TYPE_CHECKING:
    from roti_excel.report.portfolio import ProgramRow

MIN_PEERS = 3  # programs of one organisation with the figure, the program itself included

# (key, header in English, in Indonesian, number format, the figure of a row)
FIGURES: tuple[tuple[str, str, str, str, Callable[[ProgramRow], float | None]], ...] = (
    ("l1", "L1 favourable %", "L1 % setuju", "0.0%",
     lambda p: None if p.l1_favourable_pct is None else p.l1_favourable_pct / 100),
    ("l2", "L2 pass rate %", "L2 % lulus", "0.0%",
     lambda p: None if p.l2_pass_rate_pct is None else p.l2_pass_rate_pct / 100),
    ("l3", "L3 mean", "L3 rata-rata", "0.00", lambda p: p.l3_mean),
    ("l4", "L4 benefits", "L4 manfaat", "#,##0", lambda p: p.benefits if p.net is not None
     else None),
    ("l5", "L5 ROI %", "L5 ROI %", "0.0%",
     lambda p: None if p.roi_pct is None else p.roi_pct / 100),
)

WORDS: dict[str, tuple[str, str]] = {
    "sheet": ("Benchmarks", "Pembanding"),
    "note": ("Each program's key figure per level against the other programs of its "
             "organisation in this folder's ledger: the median (with how many programs) and "
             "where the program stands. Green: top quarter; light green: at or above the "
             "median; yellow: below it; red: bottom quarter. Compared only with at least "
             f"{MIN_PEERS} programs; level 3 only on the same answer scale.",
             "Angka kunci tiap level setiap program dibandingkan dengan program lain dari "
             "organisasi yang sama dalam buku catatan folder ini: median (dengan jumlah "
             "program) dan posisi program. Hijau: seperempat teratas; hijau muda: pada atau "
             "di atas median; kuning: di bawah median; merah: seperempat terbawah. Hanya "
             f"dibandingkan bila ada sedikitnya {MIN_PEERS} program; level 3 hanya pada "
             "skala jawaban yang sama."),
    "value": ("Value", "Nilai"), "median": ("Median", "Median"), "n": ("n", "n"),
    "position": ("Position", "Posisi"),
    "top": ("top quarter", "seperempat teratas"),
    "above": ("at or above median", "pada/di atas median"),
    "below": ("below median", "di bawah median"),
    "bottom": ("bottom quarter", "seperempat terbawah"),
    "few": ("too few to compare", "terlalu sedikit untuk dibandingkan"),
}
_POSITION_COLOURS = {"top": BAND_COLOURS[Band.HIGH], "above": ("#E2EFDA", "#375623"),
                     "below": BAND_COLOURS[Band.THIN_POSITIVE],
                     "bottom": BAND_COLOURS[Band.NEGATIVE], "few": ("#FFFFFF", NOTE_FONT)}


def word(key: str, lang: str) -> str:
    return WORDS[key][1 if lang == "id" else 0]


@dataclass(frozen=True)
class Standing:
    """One figure of one program among its organisation's."""

    value: float | None
    median: float | None
    peers: int  # programs compared, this one included
    position: str  # a key of _POSITION_COLOURS; "few" when not compared


def standings(programs: Sequence[ProgramRow]) -> list[list[Standing]]:
    """Per program (in the given order), per figure of FIGURES, its standing. Each group of
    peers is sorted once: a program's place is two binary searches (n log n in all)."""
    grouped: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    for p in programs:
        for key, *_rest, figure in FIGURES:
            value = figure(p)
            if value is not None and _comparable(p, key):
                grouped[_peer_key(p, key)].append(value)
    peers = {k: _Peers(sorted(v)) for k, v in grouped.items()}
    none = _Peers([])
    return [[(peers.get(_peer_key(p, key), none) if _comparable(p, key) else none).place(
        figure(p)) for key, *_rest, figure in FIGURES] for p in programs]


def _comparable(p: ProgramRow, figure: str) -> bool:
    """Level 3's mean compares only when its scale is known (older summaries lack it)."""
    return figure != "l3" or bool(p.l3_scale)


def _peer_key(p: ProgramRow, figure: str) -> tuple[str, str, str]:
    """Who a program's figure is compared with: its organisation (and currency for money,
    the scale for level 3)."""
    detail = p.l3_scale if figure == "l3" else p.currency if figure == "l4" else ""
    return (p.organisation.casefold().strip(), figure, detail)


class _Peers:
    """One figure of one organisation's programs, sorted."""

    def __init__(self, values: list[float]) -> None:
        self.values = values
        self.median = statistics.median(values) if values else None

    def place(self, value: float | None) -> Standing:
        values, median = self.values, self.median
        if value is None or median is None or len(values) < MIN_PEERS:
            return Standing(value, None, len(values), "few")
        below = bisect.bisect_left(values, value)
        ties = bisect.bisect_right(values, value) - below
        rank = (below + ties / 2) / len(values)  # the share of the programs it stands above
        if value >= median:
            position = "top" if rank >= 0.75 and value > median else "above"
        else:
            position = "bottom" if rank <= 0.25 else "below"
        return Standing(value, median, len(values), position)


def write_benchmarks(wb: Any, programs: Sequence[ProgramRow], fmt: Any) -> None:
    """The Benchmarks sheet, one row per program in the given order, in the portfolio's
    language and formats (`fmt`: lang, title, note, head)."""
    lang, head = fmt.lang, fmt.head
    ws = wb.add_worksheet(word("sheet", lang))
    ws.write_string(0, 0, word("sheet", lang), fmt.title)
    ws.write_string(1, 0, word("note", lang), fmt.note)
    ws.write_string(3, 0, "Program", head)
    ws.write_string(3, 1, "Organisasi" if lang == "id" else "Organisation", head)
    ws.set_column(0, 0, 36)
    ws.set_column(1, 1, 22)
    numbers = {fmt: wb.add_format({"num_format": fmt}) for *_r, fmt, _f in FIGURES}
    coloured = {(pos, fmt): wb.add_format({"num_format": fmt, "bg_color": fill,
                                           "font_color": font})
                for pos, (fill, font) in _POSITION_COLOURS.items() for *_r, fmt, _f in FIGURES}
    for i, (_key, en, idn, _fmt, _figure) in enumerate(FIGURES):
        col = 2 + 4 * i
        ws.merge_range(2, col, 2, col + 3, idn if lang == "id" else en, head)
        for offset, key in enumerate(("value", "median", "n", "position")):
            ws.write_string(3, col + offset, word(key, lang), head)
        ws.set_column(col, col + 1, 13)
        ws.set_column(col + 2, col + 2, 5)
        ws.set_column(col + 3, col + 3, 16)
    for r, (program, row) in enumerate(zip(programs, standings(programs), strict=True), 4):
        ws.write_string(r, 0, program.program)
        ws.write_string(r, 1, program.organisation)
        for i, standing in enumerate(row):
            col, fmt = 2 + 4 * i, FIGURES[i][3]
            write_maybe(ws, r, col, standing.value, coloured[(standing.position, fmt)])
            write_maybe(ws, r, col + 1, standing.median, numbers[fmt])
            ws.write_number(r, col + 2, standing.peers)
            if standing.value is not None:
                ws.write_string(r, col + 3, word(standing.position, lang),
                                coloured[(standing.position, fmt)])
    ws.freeze_panes(4, 1)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(2, 3)


def write_maybe(ws: Any, r: int, c: int, value: float | None, cell_format: Any) -> None:
    """A number, or a blank (formatted) when it is unknown."""
    if value is None:
        ws.write_blank(r, c, None, cell_format)
    else:
        ws.write_number(r, c, value, cell_format)
