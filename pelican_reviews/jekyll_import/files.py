"""The import's file I/O: reading the Jekyll site, writing the plan, the report."""

from __future__ import annotations

import os
import posixpath
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .config import JEKYLL_MARKDOWN_EXTS, PELICAN_MARKDOWN_EXTS, parse_config
from .plan import JekyllSite, Plan, format_plan, mark_existing, plan_import
from .report import REPORT_MARK, REPORT_NAME, Item, exit_code, format_report

# Folders of a Jekyll site that never hold published files.
SKIPPED_DIRS = frozenset({"_site", ".git", ".jekyll-cache", ".sass-cache", "node_modules", "vendor"})
PAGE_EXTS = frozenset({"md", "markdown", "mkd", "mkdn", "mkdown", "html", "htm"})
# What a file in _posts or _drafts may be called to be read as a post.
POST_EXTS = frozenset(JEKYLL_MARKDOWN_EXTS) | PELICAN_MARKDOWN_EXTS | {"html", "htm", "textile"}


class UsageError(ValueError):
    """Arguments that cannot work (exit code 2)."""


def scan_site(root: Path, *, label: str, exclude: Path | None = None) -> JekyllSite:
    """Read the Jekyll site: config, posts, drafts and the list of other files."""
    config_path = root / "_config.yml"
    if not config_path.is_file() and (root / "_config.yaml").is_file():
        config_path = root / "_config.yaml"
    unreadable: dict[str, str] = {}
    config_text = _read_text(config_path, "_config.yml", unreadable) if config_path.is_file() else None
    config, _ = parse_config(config_text, "_config.yml")  # the plan reports its problems
    collections_dir, excluded_paths = config.collections_dir, config.exclude
    posts_dir = posixpath.join(collections_dir, "_posts") if collections_dir else "_posts"
    drafts_dir = posixpath.join(collections_dir, "_drafts") if collections_dir else "_drafts"
    excluded = exclude.resolve() if exclude is not None else None

    def texts(folder: str) -> dict[str, str]:
        found: dict[str, str] = {}
        base = root / folder
        if not base.is_dir():
            return found
        for path in sorted(base.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                relative = path.relative_to(base).as_posix()
                if posixpath.splitext(relative)[1].lstrip(".").lower() in POST_EXTS:
                    text = _read_text(path, f"{folder}/{relative}", unreadable)
                    if text is not None:
                        found[relative] = text
        return found

    files: set[str] = set()
    pages: list[str] = []
    for directory, dirnames, filenames in os.walk(root):
        here = Path(directory)
        dirnames[:] = [
            d for d in dirnames
            if d not in SKIPPED_DIRS and (excluded is None or (here / d).resolve() != excluded)
        ]
        for name in filenames:
            relative = (here / name).relative_to(root).as_posix()
            files.add(relative)
            if _is_page(root, relative, excluded_paths):
                pages.append(relative)
    return JekyllSite(
        label=label,
        config_text=config_text,
        posts=texts(posts_dir),
        drafts=texts(drafts_dir),
        files=frozenset(files),
        unreadable=unreadable,
        posts_dir=posts_dir,
        pages=tuple(sorted(pages)),
    )


def _is_page(root: Path, relative: str, excluded_paths: tuple[str, ...]) -> bool:
    """A file Jekyll rendered as a page: front matter, outside _ and . folders."""
    if any(part.startswith(("_", ".")) for part in relative.split("/")):
        return False
    if posixpath.splitext(relative)[1].lstrip(".").lower() not in PAGE_EXTS:
        return False
    if any(relative == e or relative.startswith(e + "/") for e in excluded_paths):
        return False
    try:
        with open(root / relative, "rb") as handle:
            return handle.read(5).lstrip(b"\xef\xbb\xbf").startswith(b"---")
    except OSError:
        return False


def _read_text(path: Path, name: str, unreadable: dict[str, str]) -> str | None:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError:
        unreadable[name] = "not UTF-8 text"
    except OSError as error:
        unreadable[name] = error.strerror or str(error)
    return None


def execute(plan: Plan, source: Path, target: Path) -> list[Item]:
    """Write the plan's files; returns items for files that could not be written."""
    problems: list[Item] = []
    for action in plan.actions:
        if action.kind == "skip":
            continue
        dest = target / action.dest
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            if action.kind == "copy":
                shutil.copyfile(source / action.source, dest)
            else:
                with open(dest, "w", encoding="utf-8", newline="") as handle:
                    handle.write(action.text or "")
        except OSError as error:
            problems.append(Item(action.dest, 1, "error", f"could not write: {error.strerror or error}"))
    return problems


@dataclass(frozen=True)
class Result:
    plan: Plan
    items: tuple[Item, ...]
    exit_code: int


def import_jekyll(
    source: Path,
    target: Path,
    *,
    drafts: bool = False,
    dry_run: bool = False,
    force: bool = False,
    echo: Callable[[str], None] = print,
    label: str | None = None,
) -> Result:
    """Run an import; raises ``UsageError`` for arguments that cannot work."""
    if not source.is_dir():
        raise UsageError(f"{source} is not a folder (JEKYLL_SITE must be a Jekyll site's folder)")
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} exists and is not a folder")
    if source.resolve() == target.resolve():
        raise UsageError("JEKYLL_SITE and PELICAN_SITE must be different folders")
    site = scan_site(source, label=label or str(source), exclude=target)
    conf = target / "pelicanconf.py"
    existing_conf = conf.read_text(encoding="utf-8", errors="replace") if conf.is_file() else None
    plan = plan_import(site, drafts=drafts, existing_conf=existing_conf)
    existing = frozenset(a.dest for a in plan.actions if (target / a.dest).exists())
    plan = mark_existing(plan, existing, force=force)
    items = list(plan.items)
    if dry_run:
        echo("Dry run: nothing is written.\n" + format_plan(plan))
    else:
        items += execute(plan, source, target)
        report_path = target / REPORT_NAME
        if report_path.exists() and not force and not _is_ours(report_path, REPORT_MARK):
            items.append(Item(REPORT_NAME, 1, "skipped", "exists and is not an import report; not overwritten"))
        else:
            report_path.write_text(format_report(sorted(set(items)), header=True), encoding="utf-8")
    items = sorted(set(items))
    echo(format_report(items).rstrip("\n"))
    return Result(plan, tuple(items), exit_code(items))


def _is_ours(path: Path, mark: str) -> bool:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read(len(mark)) == mark
    except OSError:
        return False
