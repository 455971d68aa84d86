"""Messages of the guard stage: key -> (English, Indonesian). Values in braces are filled
when the message is shown (see roti_excel.messages.values)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
