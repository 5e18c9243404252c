"""Split a YAML front-matter block (``---`` lines) from the text after it."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from . import simple_yaml

try:  # the C loader is several times faster on large sites
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader

# The opening "---" line, and the first "---" (or "...") line after it.
# Two searches, not one lazy ".*?" pattern: that retries the closing line at
# every character of the block and costs more than reading the YAML.
OPENING = re.compile(r"\ufeff?---[ \t]*\r?\n")
CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.M)


class TextDatesLoader(SafeLoader):
    """PyYAML's safe loader, with timestamps kept as the text they were written as."""


TextDatesLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


class FrontMatterError(ValueError):
    """Malformed YAML; ``line`` is the 1-based line in the source file."""

    def __init__(self, message: str, line: int | None, body: str):
        super().__init__(message)
        self.line = line
        self.body = body  # the text after the block, so the post can still be built


@dataclass(frozen=True)
class Block:
    """Where the front matter is: its YAML is ``text[yaml_start:yaml_end]``
    (without the line break before the closing line); the body starts at ``end``."""

    yaml_start: int
    yaml_end: int
    end: int


def find_block(text: str) -> Block | None:
    opening = OPENING.match(text)
    if opening is None:
        return None
    closing = CLOSING.search(text, opening.end())
    if closing is None:
        return None
    yaml_end = closing.start()
    if yaml_end > opening.end():  # the line break before the closing line
        yaml_end -= 2 if text[yaml_end - 2: yaml_end] == "\r\n" else 1
    return Block(opening.end(), yaml_end, closing.end())


@dataclass(frozen=True)
class Split:
    data: dict
    body: str
    body_line: int  # line number of the body's first line in the file


def decode(data: bytes) -> tuple[str, str | None]:
    """A post file's text, and what was wrong with its encoding, if anything.

    Not UTF-8: read as Windows-1252 (what old Windows editors wrote), so the
    post is built rather than lost; the caller warns.
    """
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        problem = (f"is not UTF-8 (byte 0x{data[error.start]:02x} at position {error.start}); "
                   "reading it as Windows-1252: save it as UTF-8 to be sure every character is right")
        return data.decode("cp1252", errors="replace"), problem


def unclosed(text: str) -> bool:
    """Whether the text opens a ``---`` block that no ``---`` line closes.

    Pelican's Markdown reader accepts such a block as ``Key: value`` lines;
    Jekyll would not see front matter at all. Either way the author meant
    something else, so the reader and ``check`` say so.
    """
    return OPENING.match(text) is not None and find_block(text) is None


def split(text: str) -> Split | None:
    """Front matter and body, or None when the text has no ``---`` block.

    Raises ``FrontMatterError`` when the block is there but is not a YAML
    mapping.
    """
    found = find_block(text)
    if found is None:
        return None
    body = text[found.end:]
    body_line = text.count("\n", 0, found.end) + 1
    block = text[found.yaml_start:found.yaml_end]
    # Plain key: value lines take the fast road; anything else goes to PyYAML.
    data = simple_yaml.load(block)
    if data is not None:
        return Split({k.lower(): v for k, v in data.items()}, body, body_line)
    try:
        try:
            data = yaml.load(block, Loader=SafeLoader)
        except ValueError:
            # A date YAML recognises but the calendar does not (2025-02-30):
            # read dates as text, and the date parser warns about that one value.
            data = yaml.load(block, Loader=TextDatesLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        context = getattr(error, "context", None) or ""
        # An unclosed [list] or "quote" is noticed lines later; point at its start.
        if getattr(error, "context_mark", None) is not None and ("flow" in context or "quoted" in context):
            mark = error.context_mark
        # +2: the YAML starts on the line after the opening '---'.
        line = mark.line + 2 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise FrontMatterError(problem, line, body) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError("front matter is not a set of 'key: value' lines", 2, body)
    # YAML allows non-text keys (`1: x`, `yes: x`); front matter keys are names.
    return Split({str(k).strip().lower(): v for k, v in data.items()}, body, body_line)
