"""Liquid in post bodies: the common tags and outputs converted, the rest noted."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from .report import snippet

LIQUID = re.compile(
    r"\{%-?\s*(?P<tag>[A-Za-z_][\w-]*)(?P<args>.*?)-?%\}"
    r"|\{\{-?(?P<expr>.*?)-?\}\}",
    re.S,
)
# Tags that only close or continue a block: the opening tag is reported.
QUIET_TAGS = frozenset({"else", "elsif", "when", "break", "continue"})


def _end_tag(name: str) -> re.Pattern:
    return re.compile(r"\{%-?\s*" + name + r"\s*-?%\}")


END_RAW = _end_tag("endraw")
END_HIGHLIGHT = _end_tag("endhighlight")
END_COMMENT = _end_tag("endcomment")


@dataclass(frozen=True)
class LiquidContext:
    """What Liquid conversion needs to know about the site."""

    baseurl: str = ""
    url: str = ""
    # {% post_url NAME %} → Pelican link target, by NAME (stem or path in _posts).
    post_links: Mapping[str, str] = field(default_factory=dict)
    # {% link PATH %} → Pelican link target, by path from the site root.
    file_links: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class LiquidNote:
    offset: int  # in the converted text
    level: str
    message: str


@dataclass(frozen=True)
class Converted:
    text: str
    notes: tuple[LiquidNote, ...]


def convert_liquid(text: str, context: LiquidContext, *, in_code: bool = False) -> Converted:
    """Turn the common Liquid into what Pelican understands; note the rest.

    Converted: ``{% highlight %}`` (fenced code), ``{% raw %}`` (kept
    literally), ``{% post_url %}`` and ``{% link %}`` (Pelican ``{filename}``
    links), ``{% comment %}`` (HTML comment), ``{{ site.baseurl }}``,
    ``{{ site.url }}`` and ``{{ 'path' | relative_url }}`` (their values).
    Everything else is left as it is and noted with its position.
    """
    out: list[str] = []
    size = 0
    notes: list[LiquidNote] = []
    pos = 0
    # A run of adjacent {{ site.url }}{{ site.baseurl }} substitutions: where it
    # started in the output and where it ended in the input.
    chain_start: int | None = None
    chain_end = -1

    def emit(piece: str) -> None:
        nonlocal size
        out.append(piece)
        size += len(piece)

    def note(level: str, message: str, at: int | None = None) -> None:
        notes.append(LiquidNote(size if at is None else at, level, message))

    def block_end(end_tag: re.Pattern, name: str) -> re.Match | None:
        """Where the block opened by ``match`` ends; None (noted, kept as text) when it never does."""
        end = end_tag.search(text, match.end())
        if end is None:
            note("todo", f"{shown} has no {{% {name} %}}; left as it is")
            emit(source)
        return end

    while True:
        match = LIQUID.search(text, pos)
        if match is None:
            emit(text[pos:])
            break
        emit(text[pos:match.start()])
        source = match.group(0)
        shown = snippet(source)
        if match.start() != chain_end:
            chain_start = None
        pos = match.end()
        tag = (match["tag"] or "").lower()
        args = (match["args"] or "").strip()

        if tag == "raw":
            end = END_RAW.search(text, match.end())
            if end is None:
                note("todo", f"{shown} has no {{% endraw %}}; the rest of the file is kept as it is")
                emit(text[match.start():])
                break
            emit(text[match.end():end.start()])
            pos = end.end()
            continue

        if in_code:
            if match["tag"] is None or not (tag.startswith("end") or tag in QUIET_TAGS):
                note("todo", f"{shown} inside a highlight block: Jekyll ran it, Pelican shows it as written")
            emit(source)
            continue

        if match["tag"] is None:
            value = _output_value(match["expr"], context)
            if value is None:
                note("todo", _output_message(match["expr"], shown))
                emit(source)
            else:
                if chain_start is None:
                    chain_start = size
                emit(value)
                chain_end = match.end()
            continue

        if tag == "highlight":
            end = block_end(END_HIGHLIGHT, "endhighlight")
            if end is None:
                continue
            words = args.split()
            language = words[0].strip("\"'") if words else ""
            code = re.sub(r"\A[\r\n]+|[\r\n]+\Z", "", text[match.end():end.start()])
            inner = convert_liquid(code, context, in_code=True)
            longest = max((len(run) for run in re.findall(r"`+", inner.text)), default=0)
            fence = "`" * max(3, longest + 1)
            if size and not "".join(out).endswith("\n"):
                emit("\n")
            head = f"{fence}{language}\n"
            for inner_note in inner.notes:
                notes.append(replace(inner_note, offset=size + len(head) + inner_note.offset))
            if len(words) > 1:
                note("note", f"{shown}: options {' '.join(words[1:])} dropped")
            emit(head + inner.text + "\n" + fence)
            if not text.startswith(("\n", "\r\n"), end.end()) and end.end() < len(text):
                emit("\n")
            pos = end.end()
            continue

        if tag == "comment":
            end = block_end(END_COMMENT, "endcomment")
            if end is None:
                continue
            inside = text[match.end():end.start()].replace("--", "- -")
            emit(f"<!--{inside}-->")
            pos = end.end()
            continue

        if tag in ("post_url", "link"):
            name = args.strip("\"' ")
            targets = context.post_links if tag == "post_url" else context.file_links
            target = targets.get(name.lstrip("/"))
            if target is None:
                what = "no post" if tag == "post_url" else "no imported file"
                note("todo", f"{shown} names {what}; fix the link by hand")
                emit(source)
                continue
            if chain_start is not None and match.start() == chain_end:
                # {{ site.baseurl }}{% post_url x %}: Pelican's link is complete.
                joined = "".join(out)[:chain_start]
                out[:] = [joined]
                size = len(joined)
            emit(target)
            continue

        if tag in ("include", "include_relative"):
            note("todo", f"{shown}: Liquid include not converted; paste the HTML it produced, or remove it")
        elif tag.startswith("end") or tag in QUIET_TAGS:
            pass
        else:
            note("todo", f"{shown}: Liquid tag left as text; rewrite it by hand")
        emit(source)

    return Converted("".join(out), tuple(notes))


def _output_value(expr: str, context: LiquidContext) -> str | None:
    """The value of ``{{ expr }}`` when the import can know it, else None."""
    parts = [p.strip() for p in expr.strip().split("|")]
    head, filters = parts[0], [re.sub(r"\s+", "", f) for f in parts[1:]]
    if not filters and head == "site.baseurl":
        return context.baseurl
    if not filters and head == "site.url":
        return context.url
    literal = re.fullmatch(r"""(['"])(.*)\1""", head)
    if literal and filters in (["relative_url"], ["absolute_url"]):
        path = literal.group(2)
        if re.match(r"^[a-z][a-z0-9+.-]*:", path, re.I):
            return path  # Jekyll leaves absolute URLs alone
        joined = context.baseurl + "/" + path.lstrip("/")
        return joined if filters == ["relative_url"] else context.url + joined
    return None


def _output_message(expr: str, shown: str) -> str:
    head = expr.strip().split("|")[0].strip()
    if head.startswith("site."):
        return f"{shown}: site variable not converted; write its value by hand"
    if head.startswith("page."):
        return f"{shown}: page variable not converted; write its value by hand"
    return f"{shown}: Liquid output not converted; rewrite it by hand"
