"""The Intangibles sheet: benefits reported as evidence, never converted to money."""

from __future__ import annotations

from roti_excel import model
from roti_excel.reading.parser import Parser


def read_intangibles(p: Parser) -> tuple[model.Intangible, ...]:
    return tuple(model.Intangible(v["benefit"], p.group(t, r, v["group"]), v["evidence"],
                                  v["direction"])
                 for t, r, v, _ in p.rows("intangibles") if v["benefit"])
