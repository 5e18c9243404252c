"""Report items (``file:line: level: message``) and the line numbers they name."""

from __future__ import annotations

import re
from dataclasses import dataclass

REPORT_MARK = "# pelican-reviews import-jekyll report"
REPORT_NAME = "import-report.txt"

ATTENTION_LEVELS = frozenset({"error", "warning", "todo", "skipped"})


@dataclass(frozen=True, order=True)
class Item:
    """One report line: ``file:line: level: message``.

    ``file`` is relative to PELICAN_SITE for files the import writes there
    (``content/posts/...``), and starts with the Jekyll site's path for files
    only the Jekyll site has. Whole-file items use line 1.
    """

    file: str
    line: int
    level: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.level}: {self.message}"


def exit_code(items: list[Item] | tuple[Item, ...]) -> int:
    """0: everything imported; 1: something needs attention or was skipped."""
    return 1 if any(item.level in ATTENTION_LEVELS for item in items) else 0


def format_report(items: tuple[Item, ...] | list[Item], *, header: bool = False) -> str:
    lines = [REPORT_MARK, ""] if header else []
    lines += [str(item) for item in items]
    attention = sum(1 for item in items if item.level in ATTENTION_LEVELS)
    lines.append(f"{attention} item(s) need attention." if attention else "Everything was imported.")
    return "\n".join(lines) + "\n"


def snippet(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters, for a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def key_offset(text: str, *keys: str) -> int | None:
    """Where the first of ``keys`` starts a ``key:`` line in ``text``, or None."""
    for key in keys:
        match = re.search(rf"^{re.escape(key)}[ \t]*:", text, re.M)
        if match:
            return match.start()
    return None


def key_line(text: str, *keys: str) -> int:
    """The line of the first ``key:`` line found (1 when there is none)."""
    offset = key_offset(text, *keys)
    return 1 if offset is None else line_at(text, offset)
