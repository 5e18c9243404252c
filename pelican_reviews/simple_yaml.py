"""A fast reader for the plain front matter nearly every post has.

Front matter is almost always one ``key: value`` per line, with quoted
strings, numbers, booleans, dates and ``[ "a", "b" ]`` lists. PyYAML spends
more time on such a block than Pelican spends on the rest of the post's
metadata, most of it building and walking its node graph in Python. This
module reads exactly that subset and nothing else: ``load`` returns None for
any block that uses more of YAML (comments, indentation, escapes, anchors,
block scalars, nested maps...), and the caller hands it to PyYAML.

Plain values are typed by PyYAML's own resolver and constructors, so
``no``, ``4.5``, ``2025-03-03`` and ``1:30`` mean what they mean in PyYAML;
``tests/test_frontmatter.py`` checks the two agree on generated blocks.
"""

from __future__ import annotations

import functools
import re

from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

# One line: a key, then nothing, a "double" or 'single' quoted string with
# no escapes, a [flow, list], or a plain value. A plain value starts with a
# letter, digit, "_", "." or "/", and holds no comment ("#") and no tab.
LINE = re.compile(
    r"""([A-Za-z][A-Za-z0-9_-]*):"""
    r"""(?: +(?:"([^"\\]*)"|'([^']*)'|(\[.*\])|([A-Za-z0-9_./][^#\t]*?)))? *\Z"""
)
# One item of a [flow, list] and the comma after it: quoted, or a plain word.
FLOW_ITEM = re.compile(r""" *(?:"([^"\\]*)"|'([^']*)'|([A-Za-z0-9_][A-Za-z0-9 _.-]*?)) *(,|\Z)""")
# What YAML accepts in a stream (PyYAML's Reader.NON_PRINTABLE).
NOT_PRINTABLE = re.compile("[^\x09\x0a\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
STR_TAG = "tag:yaml.org,2002:str"

_resolver = Resolver()
_constructor = SafeConstructor()


class _NotSimple(Exception):
    """The block uses YAML this module does not read."""


def load(text: str) -> dict | None:
    """The mapping in ``text``, or None when it is not plain ``key: value`` lines."""
    if NOT_PRINTABLE.search(text):
        return None
    data: dict = {}
    try:
        for line in text.split("\n"):
            match = LINE.match(line)
            if match is None:
                if line.strip(" "):
                    return None
                continue
            key, double, single, flow, plain = match.groups()
            if _tag(key) != STR_TAG:
                return None
            if plain is not None:
                if ": " in plain or plain.endswith(":"):
                    return None
                data[key] = _scalar(plain)
            elif flow is not None:
                data[key] = _flow_list(flow)
            else:
                data[key] = double if double is not None else single
    except _NotSimple:
        return None
    return data


def _flow_list(text: str) -> list:
    inner = text[1:-1]  # LINE matched the brackets
    if not inner.strip(" "):
        return []
    items, position = [], 0
    while position < len(inner):
        match = FLOW_ITEM.match(inner, position)
        if match is None:
            raise _NotSimple
        double, single, plain, comma = match.groups()
        if plain is not None:
            items.append(_scalar(plain))
        else:
            items.append(double if double is not None else single)
        position = match.end()
        if comma == "," and position == len(inner):
            raise _NotSimple  # a trailing comma: leave it to PyYAML
    return items


@functools.lru_cache(maxsize=4096)
def _tag(text: str) -> str:
    # Keys and values such as "rating" or "true" repeat on every post.
    return _resolver.resolve(ScalarNode, text, (True, False))


def _scalar(text: str):
    """A plain value typed as PyYAML types it (int, float, bool, null, date, str)."""
    tag = _tag(text)
    if tag == STR_TAG:
        return text
    if tag not in _constructor.yaml_constructors:
        raise _NotSimple  # e.g. "=", which PyYAML resolves but cannot build
    try:
        return _constructor.yaml_constructors[tag](_constructor, ScalarNode(tag, text))
    except ValueError:
        return text  # a date the calendar does not have (2025-02-30), as frontmatter.TextDatesLoader keeps it
