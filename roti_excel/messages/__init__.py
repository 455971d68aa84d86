"""Every message the product shows a user, in English and Indonesian.

A message is made where the problem is found as a :class:`Text`: a catalogue key and its
values. It is put into words only when shown, in the language of the workbook (or the one
`--lang` names): the same problem reads "Costs has no cost lines" to one user and "Biaya
tidak berisi baris biaya" to another. Values are shown per language too: schema names
(sheets, columns, drop-down words) by their name in that language, numbers and dates with
Babel (1.500.000,5 and 12 Maret 2025 in Indonesian).

The catalogue is split by stage (:mod:`.guard`, :mod:`.reading`, :mod:`.method`); each key
lives in one of them, with both languages side by side."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from roti_excel.messages.catalogue import CATALOGUE
from roti_excel.messages.values import show


@dataclass(frozen=True)
class Text:
    """A message not yet put into words: its catalogue key and its values."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    def render(self, lang: str) -> str:
        en, id_ = CATALOGUE[self.key]
        template = id_ if lang == "id" else en
        return template.format(**{name: show(value, lang) for name, value in self.params})


def msg(key: str, **params: Any) -> Text:
    """The message `key` with its values; a key missing from the catalogue fails here, where
    the message is made, not later when it is shown."""
    if key not in CATALOGUE:
        raise KeyError(f"no message {key!r} in the catalogue")
    return Text(key, tuple(params.items()))
