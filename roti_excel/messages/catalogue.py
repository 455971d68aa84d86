"""The whole catalogue: every stage's messages, each key once."""

from __future__ import annotations

from roti_excel.messages import cli, dropfolder, guard, importing, method, reading

Entry = tuple[str, str]  # (English, Indonesian)


def _merged(*parts: dict[str, Entry]) -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for part in parts:
        clash = set(out) & set(part)
        if clash:
            raise ValueError(f"message keys defined twice: {sorted(clash)}")
        out.update(part)
    return out


CATALOGUE: dict[str, Entry] = _merged(guard.MESSAGES, reading.MESSAGES, method.MESSAGES,
                                      cli.MESSAGES, importing.MESSAGES, dropfolder.MESSAGES)
