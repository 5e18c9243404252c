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


def has_front_matter(text: str) -> bool:
    return find_block(text) is not None


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
        data = yaml.load(block, Loader=SafeLoader)
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
