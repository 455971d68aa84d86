"""The workbook's parts: content types (macros), relationships, workbook.xml (sheets in
order, hidden or not, external links), then each sheet's scan and every other XML part."""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from typing import BinaryIO
from urllib.parse import unquote

from roti_excel.issues import Issue, error, warning
from roti_excel.reading.guard.common import DAMAGED, NEW_COPY, Refused
from roti_excel.reading.guard.limits import Limits, SheetFacts
from roti_excel.reading.guard.sheetscan import (
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


def inspect_zip(zf: zipfile.ZipFile, fh: BinaryIO, limits: Limits, state: State) -> None:
    infos = zf.infolist()
    problems = entry_issues(infos, limits)
    if problems:
        state.issues.extend(problems)
        return
    by_name = {info.filename.lower(): info for info in infos}
    other = other_zip_kind(set(by_name))
    if other is not None:
        state.issues.append(other)
        return

    # Content types: macro-enabled or not.
    for name, attrs in elements(fh, by_name["[content_types].xml"], limits):
        if name in ("Override", "Default") and "macroenabled" in attrs.get(
                "ContentType", "").lower():
            state.macro = True
    if "xl/vbaproject.bin" in by_name:
        state.macro = True
    if state.macro:
        state.issues.append(warning(
            "macro-enabled workbook: macros are never run; only the values stored in the "
            "file are read"))

    workbook = "xl/workbook.xml"
    rels = _relationships(fh, by_name.get("xl/_rels/workbook.xml.rels"), workbook, limits)

    # workbook.xml: the sheets in order, hidden or not; external references.
    declared: list[tuple[str, str, str | None]] = []  # name, state, relationship id
    external = any(n.startswith("xl/externallinks/") for n in by_name)
    for name, attrs in elements(fh, by_name[workbook], limits):
        if name == "sheet":
            declared.append((attrs.get("name", ""), attrs.get("state", "visible"),
                             attrs.get("id")))
        elif name in ("externalReferences", "externalReference"):
            external = True
    if any(kind == "externallink" for kind, _ in rels.values()):
        external = True
    if external:
        state.issues.append(warning(
            "the workbook links to other workbooks; external links are not followed: the "
            "values stored in this file are used. To refresh them, open it in Excel, update "
            "the links (Data > Edit Links) and save"))
    if not declared:
        state.issues.append(error(f"{DAMAGED}: it has no sheets; {NEW_COPY}"))
        return

    # Shared strings over Excel's length, so the sheets can name the cells using them.
    long_shared: dict[int, tuple[int, bool]] = {}
    shared = [part for kind, part in rels.values() if kind == "sharedstrings"]
    sst = by_name.get(shared[0] if shared else "xl/sharedstrings.xml")
    if sst is not None:
        try:
            long_shared = long_shared_strings(fh, sst, limits)
        except Refused as refused:
            state.issues.append(refused.issue)

    read = {sst.filename.lower()} if sst is not None else set()
    scans: dict[str, SheetScan] = {}  # a part named by several sheets is scanned once
    names_seen: dict[str, str] = {}
    for sheet_name, sheet_state, rid in declared:
        hidden = sheet_state.lower() in ("hidden", "veryhidden")
        kind, part = rels.get(rid or "", ("", ""))
        info = by_name.get(part) if part else None
        key = sheet_name.casefold()
        if key in names_seen:
            state.issues.append(error(
                f"{DAMAGED}: two sheets are named '{sheet_name}'; {NEW_COPY}", sheet_name))
        names_seen[key] = sheet_name
        # Hidden sheets are facts here; the reader warns for those whose data it uses.
        if info is None:
            state.issues.append(error(
                f"{DAMAGED}: sheet '{sheet_name}' is missing from the file; {NEW_COPY}",
                sheet_name))
            state.sheets.append(SheetFacts(sheet_name, hidden, None, (), kind or "worksheet"))
            continue
        read.add(info.filename.lower())
        try:
            scan = scans.get(part) or scan_sheet(fh, info, limits, long_shared)
            scans[part] = scan
        except Refused as refused:
            state.issues.append(Issue(refused.issue.severity, refused.issue.message,
                                      sheet_name, None))
            state.sheets.append(SheetFacts(sheet_name, hidden, None, (), kind or "worksheet"))
            continue
        state.sheets.append(SheetFacts(sheet_name, hidden, scan.dimension,
                                       tuple(scan.merged), kind or "worksheet",
                                       tuple(scan.no_value), scan.no_value_total))
        state.issues.extend(sheet_issues(sheet_name, scan, limits))

    # The other XML parts (styles, drawings, comments...) are read by the parsers too:
    # no DTD there either, and each must unpack to exactly its declared size.
    done = {"[content_types].xml", "xl/_rels/workbook.xml.rels", workbook}
    done.update(read)
    for info in infos:
        name = info.filename.lower()
        if name in done or not name.endswith((".xml", ".rels", ".vml")):
            continue
        try:
            for _chunk in no_dtd(entry_chunks(fh, info, limits.max_entry_bytes), info.filename):
                pass
        except Refused as refused:
            state.issues.append(refused.issue)
            return

