"""The workbook's parts: content types (macros), relationships, workbook.xml (sheets in
order, hidden or not, external links), then each sheet's scan and every other XML part."""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import BinaryIO
from urllib.parse import unquote

from roti_excel.issues import Issue, error, warning
from roti_excel.messages import msg
from roti_excel.reading.guard.common import Refused, damaged
from roti_excel.reading.guard.limits import Limits, SheetFacts
from roti_excel.reading.guard.sheetscan import (
    SharedStrings,
    SheetScan,
    long_shared_strings,
    scan_sheet,
    sheet_issues,
)
from roti_excel.reading.guard.xmlcheck import elements, no_dtd
from roti_excel.reading.guard.zipcheck import entry_chunks, entry_issues, other_zip_kind


def _part_name(base: str, target: str) -> str:
    """A relationship target resolved against the part `base` (zip names, lower case)."""
    target = unquote(target.strip()).replace("\\", "/")
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/")).lower()
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target)).lower()


@dataclass
class State:
    """What inspecting one file has found so far."""

    issues: list[Issue]
    sheets: list[SheetFacts]
    macro: bool = False


def _relationships(fh: BinaryIO, info: zipfile.ZipInfo | None, base: str,
                   limits: Limits) -> dict[str, tuple[str, str]]:
    """{Id: (type's last word, part name)} of a .rels part (empty when absent)."""
    rels: dict[str, tuple[str, str]] = {}
    if info is None:
        return rels
    for name, attrs in elements(fh, info, limits):
        if name == "Relationship" and "Id" in attrs:
            kind = attrs.get("Type", "").rsplit("/", 1)[-1].lower()
            target = attrs.get("Target", "")
            external = attrs.get("TargetMode", "").lower() == "external"
            rels[attrs["Id"]] = (kind, "" if external else _part_name(base, target))
    return rels


_WORKBOOK = "xl/workbook.xml"
_WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
_CONTENT_TYPES = "[content_types].xml"

_Declared = tuple[str, str, str | None]  # sheet name, state, relationship id


@dataclass(frozen=True)
class _Zip:
    """The open file: its handle, its entries by lower-case name, and the limits."""

    fh: BinaryIO
    by_name: dict[str, zipfile.ZipInfo]
    limits: Limits


@dataclass
class _Sheets:
    """Shared by the scans of the declared sheets, in order."""

    rels: dict[str, tuple[str, str]]  # workbook.xml's relationships
    shared: SharedStrings
    read: set[str]  # the parts read so far (lower case)
    scans: dict[str, SheetScan] = field(default_factory=dict)  # by part: scanned once
    names_seen: dict[str, str] = field(default_factory=dict)  # casefolded -> as written


def _entries(infos: list[zipfile.ZipInfo], limits: Limits,
             state: State) -> dict[str, zipfile.ZipInfo] | None:
    """The entries by lower-case name; None (with the issue noted) when the entries are
    unsafe or the zip is some other kind of file."""
    problems = entry_issues(infos, limits)
    if problems:
        state.issues.extend(problems)
        return None
    by_name = {info.filename.lower(): info for info in infos}
    other = other_zip_kind(set(by_name))
    if other is not None:
        state.issues.append(other)
        return None
    return by_name


def _check_macros(z: _Zip, state: State) -> None:
    """Macro-enabled by content type or by a VBA project: warn that macros never run."""
    for name, attrs in elements(z.fh, z.by_name[_CONTENT_TYPES], z.limits):
        if name in ("Override", "Default") and "macroenabled" in attrs.get(
                "ContentType", "").lower():
            state.macro = True
    if "xl/vbaproject.bin" in z.by_name:
        state.macro = True
    if state.macro:
        state.issues.append(warning(msg("macro_enabled")))


def _read_workbook(z: _Zip) -> tuple[list[_Declared], bool]:
    """workbook.xml's sheets in order (hidden or not), and whether it declares external
    references."""
    declared: list[_Declared] = []
    external = False
    for name, attrs in elements(z.fh, z.by_name[_WORKBOOK], z.limits):
        if name == "sheet":
            declared.append((attrs.get("name", ""), attrs.get("state", "visible"),
                             attrs.get("id")))
        elif name in ("externalReferences", "externalReference"):
            external = True
    return declared, external


def _warn_external_links(z: _Zip, rels: dict[str, tuple[str, str]], state: State, *,
                         referenced: bool) -> None:
    """External links (parts, references in workbook.xml or relationships) are never
    followed: say that the stored values are used, and how to refresh them."""
    external = any(n.startswith("xl/externallinks/") for n in z.by_name) or referenced
    if any(kind == "externallink" for kind, _ in rels.values()):
        external = True
    if external:
        state.issues.append(warning(msg("external_links")))


def _shared_strings(z: _Zip, rels: dict[str, tuple[str, str]],
                    state: State) -> tuple[SharedStrings, zipfile.ZipInfo | None]:
    """The shared strings counted, and those over Excel's length, so the sheets can check
    their text cells and name the cells using them; with the shared-strings part (None when
    there is none: then no text cell may point at one)."""
    shared = [part for kind, part in rels.values() if kind == "sharedstrings"]
    sst = z.by_name.get(shared[0] if shared else "xl/sharedstrings.xml")
    if sst is None:
        return SharedStrings(), None
    try:
        return long_shared_strings(z.fh, sst, z.limits), sst
    except Refused as refused:
        state.issues.append(refused.issue)
        return SharedStrings(count=None), sst


def _note_duplicate_name(sheet_name: str, sheets: _Sheets, state: State) -> None:
    """Two sheets with one name (Excel ignores case) mean a damaged file."""
    key = sheet_name.casefold()
    if key in sheets.names_seen:
        state.issues.append(error(damaged("sheet_name_twice", sheet=sheet_name), sheet_name))
    sheets.names_seen[key] = sheet_name


def _scan_once(z: _Zip, sheets: _Sheets, part: str, info: zipfile.ZipInfo) -> SheetScan:
    """The scan of a sheet part; a part named by several sheets is scanned once."""
    scan = sheets.scans.get(part) or scan_sheet(z.fh, info, z.limits, sheets.shared)
    sheets.scans[part] = scan
    return scan


def _inspect_sheet(z: _Zip, sheets: _Sheets, sheet: _Declared, state: State) -> None:
    """One declared sheet's facts and issues: missing, refused, or scanned.

    Hidden sheets are facts here; the reader warns for those whose data it uses."""
    sheet_name, sheet_state, rid = sheet
    hidden = sheet_state.lower() in ("hidden", "veryhidden")
    kind, part = sheets.rels.get(rid or "", ("", ""))
    kind = kind or "worksheet"
    info = z.by_name.get(part) if part else None
    _note_duplicate_name(sheet_name, sheets, state)
    if info is None:
        state.issues.append(error(damaged("sheet_part_missing", sheet=sheet_name), sheet_name))
        state.sheets.append(SheetFacts(sheet_name, hidden, None, (), kind))
        return
    sheets.read.add(info.filename.lower())
    try:
        scan = _scan_once(z, sheets, part, info)
    except Refused as refused:
        state.issues.append(replace(refused.issue, sheet=sheet_name, cell=None))
        state.sheets.append(SheetFacts(sheet_name, hidden, None, (), kind))
        return
    state.sheets.append(SheetFacts(sheet_name, hidden, scan.dimension, tuple(scan.merged),
                                   kind, tuple(scan.no_value), scan.no_value_total,
                                   tuple(scan.errors), tuple(scan.hidden_rows),
                                   tuple(scan.aggregates)))
    state.issues.extend(sheet_issues(sheet_name, scan, z.limits))


def _check_other_parts(z: _Zip, infos: list[zipfile.ZipInfo], done: set[str],
                       state: State) -> None:
    """The other XML parts (styles, drawings, comments...) are read by the parsers too:
    no DTD there either, and each must unpack to exactly its declared size. Stops at the
    first refused part."""
    for info in infos:
        name = info.filename.lower()
        if name in done or not name.endswith((".xml", ".rels", ".vml")):
            continue
        try:
            for _chunk in no_dtd(entry_chunks(z.fh, info, z.limits.max_entry_bytes),
                                 info.filename):
                pass
        except Refused as refused:
            state.issues.append(refused.issue)
            return


def _sheet_parts(z: _Zip, rels: dict[str, tuple[str, str]], declared: list[_Declared]
                 ) -> set[str]:
    """The parts (lower case) of the declared sheets that the file holds."""
    parts = {rels.get(rid or "", ("", ""))[1] for _, _, rid in declared}
    return {part for part in parts if part in z.by_name}


def inspect_zip(zf: zipfile.ZipFile, fh: BinaryIO, limits: Limits, state: State,
                cleared: Callable[[str], None] | None = None) -> None:
    """Judge the workbook's parts; every part but the sheets first, then the sheets in
    order. `cleared` is told each sheet's name as soon as it and everything before it
    are found safe (no error so far), so a parser may start on it while the guard goes on."""
    infos = zf.infolist()
    by_name = _entries(infos, limits, state)
    if by_name is None:
        return
    z = _Zip(fh, by_name, limits)
    _check_macros(z, state)
    rels = _relationships(fh, by_name.get(_WORKBOOK_RELS), _WORKBOOK, limits)
    declared, referenced = _read_workbook(z)
    _warn_external_links(z, rels, state, referenced=referenced)
    if not declared:
        state.issues.append(error(damaged("no_sheets")))
        return
    shared, sst = _shared_strings(z, rels, state)
    sheets = _Sheets(rels, shared, {sst.filename.lower()} if sst is not None else set())
    # what a parser reads on opening the workbook is judged before any sheet is cleared
    _check_other_parts(z, infos, {_CONTENT_TYPES, _WORKBOOK_RELS, _WORKBOOK, *sheets.read,
                                  *_sheet_parts(z, rels, declared)}, state)
    for sheet in declared:
        _inspect_sheet(z, sheets, sheet, state)
        if cleared is not None and not any(i.is_error for i in state.issues):
            cleared(sheet[0])
