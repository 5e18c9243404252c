"""``pelican-reviews check``: lint review front matter without building.

One line per problem, ``file:line: field: message``, for bloggers' CI.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from . import collisions, frontmatter, images, jekyll, metadata, model, parsers
from .settings import ReviewsSettings

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")
NATIVE_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)$")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


def native_metadata(text: str) -> tuple[dict[str, object], dict[str, int]]:
    """Pelican's ``Key: value`` header as a mapping, and the line of each key."""
    values: dict[str, object] = {}
    lines: dict[str, int] = {}
    key = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = NATIVE_LINE.match(line)
        if match:
            key = match["key"].lower()
            values[key] = match["value"].strip()
            lines[key] = number
        elif key and line.startswith("    ") and line.strip():
            values[key] = f"{values[key]} {line.strip()}"
        else:
            break
    return values, lines


def key_lines(text: str, first_line: int = 2) -> dict[str, int]:
    """The line of each top-level key in a YAML front-matter block."""
    found = {}
    for number, line in enumerate(text.splitlines()[first_line - 1:], start=first_line):
        if line.strip() in ("---", "..."):
            break
        match = re.match(r"^([A-Za-z0-9_-]+)\s*:", line)
        if match:
            found.setdefault(match[1].lower(), number)
    return found


@dataclass(frozen=True)
class Output:
    """Where a post's permalink writes it, and the line that says so."""

    save_as: str
    line: int


def check_file(path: Path, content_root: Path, pelican_settings: Mapping[str, object]) -> tuple[list[Finding], Output | None]:
    """Problems in one file, and where its permalink puts it (if it has one).

    ``pelican_settings`` are the site's (Pelican's defaults when it has none):
    REVIEWS_*, TIMEZONE, ARTICLE_PATHS and PAGE_PATHS, so that permalinks come
    out as the build makes them.
    """
    settings = ReviewsSettings.from_pelican(pelican_settings)
    label = str(path)
    text, encoding_problem = frontmatter.decode(path.read_bytes())
    early = [Finding(label, 1, "file", encoding_problem)] if encoding_problem else []
    try:
        split = frontmatter.split(text)
    except frontmatter.FrontMatterError as error:
        return [*early, Finding(label, error.line or 1, "front matter", f"not valid YAML: {error}")], None
    if split is None:
        if frontmatter.unclosed(text):
            early.append(Finding(label, 1, "front matter", "opened by '---' but never closed by a '---' line; "
                                 "read as Pelican 'Key: value' metadata"))
        raw, lines = native_metadata(text)
    else:
        raw, lines = split.data, key_lines(text)
    relative_dir = path.parent.relative_to(content_root).as_posix() if path.parent != content_root else ""
    is_page = metadata.in_folders(relative_dir, pelican_settings.get("PAGE_PATHS", ["pages"]))
    found = metadata.interpret(
        raw,
        source_name=path.name,
        static_dir=relative_dir,
        settings=settings,
        fallback_date=dt.datetime.fromtimestamp(path.stat().st_mtime),
        default_permalink=None if is_page else settings.permalink,
        timezone=pelican_settings.get("TIMEZONE") or "UTC",
        article_paths=pelican_settings.get("ARTICLE_PATHS", ()),
    )
    findings = early + [
        Finding(label, lines.get(p.field, lines.get(p.field.replace("-", "_"), 1)), p.field,
                f"{parsers.shorten(p.value)} {p.message}; {p.fallback}")
        for p in found.problems
    ]
    undated = "date" not in raw and jekyll.parse_file_name(path.name).date is None
    if undated and not (is_page or pelican_settings.get("DEFAULT_DATE") or "_drafts" in relative_dir.split("/")):
        findings.append(Finding(label, 1, "date", "missing (no date in the front matter or the file name); "
                                "the build uses the file's modification time"))
    for key in ("image", "review-image", "square-image"):
        kind_and_path, _ = parsers.classify_image(model.raw_value(raw, key))
        if kind_and_path is None or kind_and_path[0] == "url":
            continue
        src = model.resolve_image(kind_and_path, "", relative_dir).src
        if not (content_root / images.file_of(src)).is_file():
            findings.append(Finding(label, lines.get(key, 1), key, f"{parsers.shorten(src)} is not in {content_root}"))
    save_as = found.pelican.get("save_as")
    return findings, Output(save_as, lines.get("permalink", 1)) if save_as else None


def check_folder(content_root: Path, pelican_settings: Mapping[str, object]) -> list[Finding]:
    findings: list[Finding] = []
    outputs: dict[str, Output] = {}
    for path in sorted(p for p in content_root.rglob("*") if p.suffix.lower() in MARKDOWN_SUFFIXES and p.is_file()):
        file_findings, output = check_file(path, content_root, pelican_settings)
        findings.extend(sorted(file_findings, key=lambda f: f.line))
        if output:
            outputs[str(path)] = output
    pairs = [(output.save_as, source) for source, output in outputs.items()]
    for save_as, sources in collisions.find_collisions(pairs).items():
        for source in sources[1:]:
            findings.append(Finding(source, outputs[source].line, "permalink", f"writes {save_as}, as {sources[0]} does"))
    return findings
