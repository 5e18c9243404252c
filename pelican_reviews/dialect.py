"""Which way a Markdown file's metadata is written: Pelican's, or Jekyll's YAML.

Python-Markdown's meta extension, which Pelican uses, accepts ``Key: value``
lines between ``---`` fences too, and many Pelican blogs write them so. Such a
block is often valid YAML as well. The plugin gives a block Jekyll's meaning
only when Pelican could not read it as its author meant: a line Pelican's
grammar stops at (a ``- item`` list, a nested key, a comment), a value in
YAML-only syntax (quotes, ``[lists]``, ``|`` blocks, anchors), or a key only
Jekyll has. Everything else is read exactly as Pelican reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import frontmatter

# Python-Markdown's own grammar for metadata lines (markdown/extensions/meta.py).
META_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE = re.compile(r"^[ ]{4,}(?P<value>.*)")

# Keys that mean something in Jekyll and nothing in Pelican.
JEKYLL_KEYS = frozenset({"layout", "permalink", "categories", "published"})

# The start of a value Pelican would keep as literal YAML syntax: quotes,
# flow collections, block scalars, anchors, aliases, tags.
YAML_VALUE_START = re.compile(r"""^(?:["'\[{|>&*!])""")


@dataclass(frozen=True)
class Dialect:
    """``kind`` is ``"none"`` (no ``---`` block), ``"pelican"`` (Pelican reads it),
    ``"yaml"`` (Jekyll front matter, in ``split``) or ``"broken"`` (YAML that
    cannot be read and is not Pelican metadata either, in ``error``)."""

    kind: str
    split: frontmatter.Split | None = None
    error: frontmatter.FrontMatterError | None = None


def pelican_reads_whole(block: str) -> bool:
    """Whether Python-Markdown's meta extension takes every line of the block as metadata."""
    lines = block.split("\n")
    if not lines or not META_LINE.match(lines[0]):
        return block.strip() == ""
    return all(META_LINE.match(line) or META_MORE.match(line) for line in lines)


def jekyll_only(block: str) -> bool:
    """Whether a block Pelican can read holds YAML syntax or a key only Jekyll gives meaning to."""
    for line in block.split("\n"):
        match = META_LINE.match(line)
        if match is None:
            continue
        if match["key"] in JEKYLL_KEYS or YAML_VALUE_START.match(match["value"].strip()):
            return True
    return False


def classify(text: str, *, force_yaml: bool = False) -> Dialect:
    """How to read ``text``; ``force_yaml`` (a setting) gives every ``---`` block Jekyll's meaning."""
    block = frontmatter.find_block(text)
    if block is None:
        return Dialect("none")
    yaml_text = text[block.yaml_start:block.yaml_end].replace("\r\n", "\n")
    pelican_style = pelican_reads_whole(yaml_text) and not jekyll_only(yaml_text)
    if pelican_style and not force_yaml:
        return Dialect("pelican")
    try:
        split = frontmatter.split(text)
    except frontmatter.FrontMatterError as error:
        if pelican_style:
            # Not YAML (`Title: Part 1: Basics`), but good Pelican metadata.
            return Dialect("pelican")
        return Dialect("broken", error=error)
    return Dialect("yaml", split=split)
