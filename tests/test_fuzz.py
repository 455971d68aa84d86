"""Fuzzing: a valid workbook mutated at random must give a report or a clean error, never
an uncaught exception, and never a change to the input."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from roti_excel import load
from roti_excel.api import process
from tests.workbooks import thesis_workbook

CASES = 60  # bounded: the whole module runs well within a minute
SEED = 20261123


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return thesis_workbook(tmp_path_factory.mktemp("fuzz") / "seed.xlsx").read_bytes()


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in entries.items():
            z.writestr(name, body)
    return buf.getvalue()


def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def drop_entry(rng: random.Random, data: bytes) -> bytes:
    entries = _entries(data)
    entries.pop(rng.choice(sorted(entries)))
    return _zip(entries)


def truncate_xml(rng: random.Random, data: bytes) -> bytes:
    entries = _entries(data)
    name = rng.choice([n for n in entries if n.endswith(".xml")])
    entries[name] = entries[name][: rng.randrange(len(entries[name]))]
    return _zip(entries)


def replace_values(rng: random.Random, data: bytes) -> bytes:
    """Swap numbers in sheet XML for random text, numbers or dates-as-numbers."""
    import re

    entries = _entries(data)
    junk = ["abc", "-1", "1e308", "NaN", "99999999999", "0", "2011-13-45", "", "=1/0", "%"]
    for name in [n for n in entries if n.startswith("xl/worksheets/")]:
        def swap(m: re.Match[bytes]) -> bytes:
            if rng.random() < 0.15:
                value = rng.choice(junk)
                if (value and value[0].isdigit()) or value.startswith("-"):
                    return b"<v>" + value.encode() + b"</v>"
                return b"<v>" + str(rng.randint(-5, 10**6)).encode() + b"</v>"
            return m.group(0)
        entries[name] = re.sub(rb"<v>[^<]*</v>", swap, entries[name])
    if "xl/sharedStrings.xml" in entries:
        entries["xl/sharedStrings.xml"] = re.sub(
            rb"<t>[^<]*</t>",
            lambda m: (b"<t>" + rng.choice(junk).encode() + b"</t>") if rng.random() < 0.2
            else m.group(0), entries["xl/sharedStrings.xml"])
    return _zip(entries)


MUTATIONS = [flip_bytes, drop_entry, truncate_xml, replace_values]


@pytest.mark.parametrize("case", range(CASES))
def test_mutated_workbook_gives_report_or_clean_error(tmp_path: Path, original: bytes,
                                                      case: int) -> None:
    """Each mutant is either processed or refused with located messages; input unchanged."""
    rng = random.Random(SEED + case)
    mutate = MUTATIONS[case % len(MUTATIONS)]
    data = mutate(rng, original)
    source = tmp_path / "mutant.xlsx"
    source.write_bytes(data)
    report = tmp_path / "mutant_report.xlsx"
    outcome = process(source, report)
    assert source.read_bytes() == data
    if outcome.ok:
        assert report.is_file()
    else:
        assert outcome.messages and not report.exists()
        assert all(m.startswith(str(source)) for m in outcome.messages)
        assert not load(source).ok
    leftovers = [p.name for p in tmp_path.iterdir() if p.name not in (source.name, report.name)]
    assert leftovers == []
