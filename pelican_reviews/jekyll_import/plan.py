"""The plan: everything the import will do, computed without touching a file.

``plan_import`` reads a ``JekyllSite`` snapshot and decides, for each post,
the URL Jekyll gave it (``urls.jekyll_post_url``) and the one the plugin will
give its copy (``urls.plugin_post_output``). Where they differ, the copy's
front matter is pinned to the old URL when a literal permalink can make the
plugin write it; otherwise the old URL gets a redirect page. ``mark_existing``
turns writes onto existing files into skips unless ``--force``.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import unquote

from .. import frontmatter, jekyll, parsers
from ..model import raw_value
from .assets import IMAGE_KEYS, find_references, is_site_file, site_path_of
from .config import PELICAN_MARKDOWN_EXTS, JekyllConfig, parse_config
from .frontmatter_edits import pin_permalink
from .generated import (
    CONTENT,
    DRAFTS_DIR,
    GENERATED_MARK,
    POSTS_DIR,
    REDIRECTS_DIR,
    absolute_url,
    pelican_settings,
    redirect_page,
    render_pelicanconf,
)
from .liquid import Converted, LiquidContext, convert_liquid
from .report import Item, key_line, line_at
from .urls import PostFacts, alternative_url, is_pelican_own, jekyll_post_url, pinnable, plugin_post_output, post_facts


@dataclass(frozen=True)
class JekyllSite:
    """Everything the plan needs from the Jekyll site, read up front."""

    label: str  # the site's path as the user gave it, for messages
    config_text: str | None
    posts: Mapping[str, str]  # path in _posts → text
    drafts: Mapping[str, str]  # path in _drafts → text
    files: frozenset[str]  # every other file, relative to the site root
    unreadable: Mapping[str, str] = field(default_factory=dict)  # site path → why
    posts_dir: str = "_posts"
    pages: tuple[str, ...] = ()  # Jekyll pages (files with front matter outside _ folders)


@dataclass(frozen=True)
class Action:
    """One file the import writes, relative to PELICAN_SITE."""

    dest: str
    kind: str  # "write" (text) or "copy" (from the Jekyll site) or "skip"
    what: str  # post, draft, asset, redirect, settings
    text: str | None = None
    source: str | None = None  # site path for copies
    detail: str = ""


@dataclass(frozen=True)
class Redirect:
    old: jekyll.OutputPath
    target: str  # absolute URL or root-relative path
    why: str


@dataclass(frozen=True)
class Plan:
    actions: tuple[Action, ...]
    items: tuple[Item, ...]
    settings: Mapping[str, object]


@dataclass
class _Post:
    """One post on its way through the plan (mutable while planning)."""

    kind: str  # "post" or "draft"
    path: str  # relative to _posts / _drafts
    dest: str  # relative to PELICAN_SITE
    text: str
    data: dict | None = None
    body_start: int = 0  # offset of the body in text
    broken: bool = False
    published: bool = True
    facts: PostFacts | None = None
    old: jekyll.OutputPath | None = None  # Jekyll's
    new: jekyll.OutputPath | None = None  # the plugin's, after pinning
    pin: str | None = None  # url to pin in the front matter
    items: list[Item] = field(default_factory=list)


def _dest_name(path: str, config: JekyllConfig) -> tuple[str | None, str | None]:
    """The file name a post gets under content/, or why it is not imported."""
    ext = posixpath.splitext(path)[1].lstrip(".").lower()
    if ext in PELICAN_MARKDOWN_EXTS:
        return path, None
    if ext in config.markdown_exts:
        return posixpath.splitext(path)[0] + ".md", None
    return None, f"not imported: .{ext} posts are not Markdown, which is all the plugin reads; convert it by hand"


def plan_import(site: JekyllSite, *, drafts: bool = False, existing_conf: str | None = None) -> Plan:
    """Everything the import will do, computed without touching a file."""
    items: list[Item] = []
    config_label = f"{site.label}/_config.yml"
    config, config_items = parse_config(site.config_text, config_label)
    items += config_items
    for path, why in sorted(site.unreadable.items()):
        items.append(Item(f"{site.label}/{path}", 1, "error", f"not imported: {why}"))

    posts: list[_Post] = []
    for kind, folder, texts in (("post", POSTS_DIR, site.posts), ("draft", DRAFTS_DIR, site.drafts if drafts else {})):
        source_dir = site.posts_dir if kind == "post" else "_drafts"
        for path, text in sorted(texts.items()):
            label = f"{site.label}/{source_dir}/{path}"
            if kind == "post" and not jekyll.POST_FILE_NAME.match(posixpath.basename(path)):
                items.append(Item(label, 1, "warning", "not imported: Jekyll only publishes posts named YYYY-MM-DD-title.ext"))
                continue
            name, problem = _dest_name(path, config)
            if name is None:
                items.append(Item(label, 1, "warning", problem))
                continue
            post = _Post(kind, path, f"{CONTENT}/{folder}/{name}", text)
            if name != path:
                post.items.append(Item(post.dest, 1, "note", f"renamed from {posixpath.basename(path)} (Pelican does not read .{path.rsplit('.', 1)[-1]})"))
            posts.append(post)
    if not site.posts:
        items.append(Item(f"{site.label}/{site.posts_dir}", 1, "warning", "no posts found: is this a Jekyll site?"))
    for page in site.pages:
        if page in ("index.html", "index.md", "index.markdown", "404.html", "404.md"):
            continue  # Pelican writes its own home page (and a 404 is the server's business)
        items.append(Item(f"{site.label}/{page}", 1, "todo",
                          "Jekyll page not imported; move it to content/pages/ by hand to keep its URL"))
    if not drafts and site.drafts:
        items.append(Item(f"{site.label}/_drafts", 1, "note", f"{len(site.drafts)} draft(s) not imported (use --drafts)"))

    # Front matter and the URLs Jekyll gave each post.
    for post in posts:
        _read_front_matter(post)
        if post.kind == "post" and post.published and not post.broken:
            post.facts = post_facts(post.path, post.data or {})
            post.old, problem = jekyll_post_url(post.facts, config)
            if problem:
                post.items.append(Item(post.dest, _front_matter_line(post, "permalink"), "warning", f"no old URL to keep: the post {problem}"))

    _reconcile(posts, config)

    # Liquid, assets, final texts.
    context = LiquidContext(
        baseurl=config.baseurl,
        url=config.url,
        post_links=_post_links(posts),
        file_links={
            **{f"{site.posts_dir}/{p.path}": "{filename}/" + p.dest[len(CONTENT) + 1:] for p in posts if p.kind == "post"},
            **{f"_drafts/{p.path}": "{filename}/" + p.dest[len(CONTENT) + 1:] for p in posts if p.kind == "draft"},
            **{f: config.baseurl + "/" + f for f in site.files if is_site_file(f, site.files)},
        },
    )
    assets: dict[str, str] = {}  # site path → first post that needs it
    actions: list[Action] = []
    for post in posts:
        text = _final_text(post, context, config, site, assets)
        detail = "pinned permalink" if post.pin else ""
        actions.append(Action(post.dest, "write", post.kind, text=text, detail=detail))

    redirects = _redirects(posts, config)
    taken = {a.dest for a in actions} | {f"{CONTENT}/{path}" for path in assets}
    epm: dict[str, dict] = {}
    if drafts and site.drafts:
        epm[DRAFTS_DIR] = {"status": "draft"}
    outputs = {p.new.save_as for p in posts if p.new is not None and p.published} | set(assets)
    kept: list[Redirect] = []
    for redirect in redirects:
        dest = f"{CONTENT}/{REDIRECTS_DIR}/{redirect.old.save_as}"
        if redirect.old.save_as in outputs or dest in taken or is_pelican_own(redirect.old.save_as):
            items.append(Item(dest, 1, "warning", f"no redirect from /{redirect.old.url}: another file is written there"))
            continue
        outputs.add(redirect.old.save_as)
        taken.add(dest)
        kept.append(redirect)
        epm[f"{REDIRECTS_DIR}/{redirect.old.save_as}"] = {"save_as": redirect.old.save_as}
        actions.append(Action(dest, "write", "redirect", text=redirect_page(redirect.target),
                              detail=f"/{redirect.old.url} -> {redirect.target} ({redirect.why})"))
    for path in sorted(assets):
        actions.append(Action(f"{CONTENT}/{path}", "copy", "asset", source=path))

    static_paths = _static_paths(sorted(assets))
    if kept:
        static_paths.append(REDIRECTS_DIR)
    settings = pelican_settings(config, static_paths=static_paths, extra_path_metadata=epm)
    ours = existing_conf is None or existing_conf.startswith(GENERATED_MARK)
    conf_name = "pelicanconf.py" if ours else "pelicanconf.jekyll.py"
    actions.append(Action(conf_name, "write", "settings",
                          text=render_pelicanconf(settings, source=config_label, fragment=not ours)))
    if not ours:
        items.append(Item(conf_name, 1, "todo", "pelicanconf.py is your own: merge these settings into it by hand"))
    if config.paginate and not config.paginates:
        items.append(Item(config_label, key_line(site.config_text or "", "paginate"), "note",
                          "paginate without the jekyll-paginate plugin made no /page2/ pages; Pelican paginates the home page"))
    if config.paginates and config.paginate_path.strip("/").count("/"):
        items.append(Item(config_label, key_line(site.config_text or "", "paginate_path"), "note",
                          f"paginate_path {config.paginate_path} is in a folder: Pelican's first page stays /"))

    for post in posts:
        items += post.items
    return Plan(tuple(actions), tuple(sorted(set(items))), settings)


def _read_front_matter(post: _Post) -> None:
    try:
        split = frontmatter.split(post.text)
    except frontmatter.FrontMatterError as error:
        post.broken = True
        post.body_start = len(post.text) - len(error.body)
        post.items.append(Item(
            post.dest, error.line or 1, "error",
            f"front matter is not valid YAML ({error}); the plugin builds it as a draft until you fix it",
        ))
        return
    if split is None:
        post.data = {}
        post.items.append(Item(post.dest, 1, "warning", "has no front matter ('---' block); imported as it is"))
        return
    post.data = dict(split.data)
    post.body_start = len(post.text) - len(split.body)
    published = post.data.get("published")
    post.published = published is not False
    redirect_to = post.data.get("redirect_to")
    if redirect_to:
        post.items.append(Item(post.dest, _front_matter_line(post, "redirect_to"), "todo",
                               "redirect_to (jekyll-redirect-from) is not carried over; the post is shown instead"))


def _front_matter_line(post: _Post, key: str) -> int:
    return key_line(post.text[: post.body_start], key)


def _reconcile(posts: list[_Post], config: JekyllConfig) -> None:
    """Decide each post's Pelican URL so that every old URL keeps working.

    The plugin's own URL is used when it is Jekyll's; otherwise the copy's
    front matter gets ``permalink: /<old url>`` when that makes the plugin
    write the old file; otherwise the old URL gets a redirect (``_redirects``).
    Two posts on one URL: the one Jekyll wrote last (latest date, then path)
    keeps it, as on the old site, and the other moves to ``...-2``.
    """
    for post in posts:
        if post.kind != "post" or post.broken:
            continue
        facts = post.facts or post_facts(post.path, post.data or {})
        post.new = plugin_post_output(
            facts.data,
            source_name=posixpath.basename(post.dest),
            static_dir=posixpath.dirname(post.dest)[len(CONTENT) + 1:],
            config=config,
        )
        if post.old is None or post.new.save_as == post.old.save_as:
            continue
        if pinnable(post.old.url, post.old):
            post.items.append(Item(post.dest, 1, "note",
                                   f"permalink pinned to /{post.old.url}: the plugin would have used /{post.new.url}"))
            post.pin, post.new = post.old.url, post.old

    # Jekyll writes posts sorted by date then path: the last one owns a URL.
    def written_order(post: _Post):
        date = post.facts.post.date if post.facts and post.facts.post.date else dt.datetime.min
        return (jekyll.site_time(date, config.timezone).replace(tzinfo=None), post.path)

    live = sorted((p for p in posts if p.new is not None and p.published), key=written_order, reverse=True)
    live.sort(key=lambda p: p.old is None or p.new != p.old)  # stable: old URLs first
    used: set[str] = set()
    for post in live:
        own = is_pelican_own(post.new.save_as)
        if post.new.save_as not in used and not own:
            used.add(post.new.save_as)
            continue
        candidate = None
        for number in range(2, 100):
            option = jekyll.output_path("/" + alternative_url(post.new.url, number))
            if option.save_as not in used and not is_pelican_own(option.save_as) and pinnable(option.url, option):
                candidate = option
                break
        clash = "one of Pelican's own pages" if own else "another post"
        if candidate is None:
            post.items.append(Item(post.dest, 1, "error", f"/{post.new.url} is also the URL of {clash}; give the post a permalink"))
            continue
        post.items.append(Item(post.dest, 1, "warning",
                               f"/{post.new.url} is also the URL of {clash}; this post moves to /{candidate.url}"))
        post.pin, post.new = candidate.url, candidate
        used.add(candidate.save_as)


def _post_links(posts: list[_Post]) -> dict[str, str]:
    links: dict[str, str] = {}
    for post in posts:
        if post.kind != "post":
            continue
        target = "{filename}/" + post.dest[len(CONTENT) + 1:]
        stem = posixpath.splitext(post.path)[0]
        links.setdefault(stem, target)
        links.setdefault(posixpath.basename(stem), target)
    return links


def _final_text(post: _Post, context: LiquidContext, config: JekyllConfig, site: JekyllSite,
                assets: dict[str, str]) -> str:
    """The copy's text: front matter (pinned if needed), body with Liquid converted."""
    head, body = post.text[: post.body_start], post.text[post.body_start:]
    if post.pin is not None:
        pinned = pin_permalink(post.text, post.pin)
        if pinned is not None:
            head = pinned[: len(pinned) - len(body)]
        else:
            post.items.append(Item(post.dest, 1, "warning", f"could not add permalink /{post.pin} to the front matter"))
    liquid = post.data is None or post.data.get("render_with_liquid") is not False
    converted = convert_liquid(body, context) if liquid else Converted(body, ())
    head_lines = head.count("\n")
    for note in converted.notes:
        post.items.append(Item(post.dest, head_lines + line_at(converted.text, note.offset), note.level, note.message))

    page_url = post.old.url if post.old is not None else None
    if post.data:
        for key in IMAGE_KEYS:
            value = raw_value(post.data, key)
            found, _ = parsers.classify_image(value)
            if found is None or found[0] == "static":
                continue
            path = site_path_of("/" + found[1] if found[0] == "site" else found[1], page_url=None, config=config)
            _want_asset(post, path, value, key_line(head, key, key.replace("-", "_")), site, assets, image=True)
    for ref in find_references(converted.text):
        path = site_path_of(ref.value, page_url=page_url, config=config)
        _want_asset(post, path, ref.value, head_lines + line_at(converted.text, ref.offset), site, assets,
                    image=ref.is_image)
    return head + converted.text


def _want_asset(post: _Post, path: str | None, value: object, line: int, site: JekyllSite,
                assets: dict[str, str], *, image: bool) -> None:
    if path is None:
        return
    if is_site_file(path, site.files):
        assets.setdefault(path, post.dest)
    elif image:
        post.items.append(Item(post.dest, line, "warning",
                               f"image {parsers.shorten(value)} is not in the Jekyll site ({path}); not copied"))


def _redirects(posts: list[_Post], config: JekyllConfig) -> list[Redirect]:
    """Old URLs no post is written at any more, and ``redirect_from`` entries."""
    live = [p for p in posts if p.kind == "post" and p.new is not None and p.published]
    served = {p.new.save_as for p in live}
    found: list[Redirect] = []
    for post in live:
        target = absolute_url(config.siteurl, post.new.url)
        if post.old is not None and post.old.save_as not in served:
            found.append(Redirect(post.old, target, f"the plugin cannot write /{post.old.url}"))
            post.items.append(Item(post.dest, 1, "note", f"/{post.old.url} redirects to /{post.new.url}"))
        value = (post.data or {}).get("redirect_from")
        for old in [value] if isinstance(value, str) else value if isinstance(value, list) else []:
            if isinstance(old, str) and old.strip():
                found.append(Redirect(jekyll.output_path(jekyll.sanitize_url(unquote(old.strip()))), target, "redirect_from"))
    return found


def _static_paths(assets: list[str]) -> list[str]:
    """Top folders of the copied assets (the files themselves at the top level)."""
    reserved = {POSTS_DIR, DRAFTS_DIR, REDIRECTS_DIR, "pages"}
    paths: list[str] = []
    for path in assets:
        top = path.split("/", 1)[0]
        entry = path if ("/" not in path or top in reserved) else top
        if entry not in paths:
            paths.append(entry)
    return paths


def mark_existing(plan: Plan, existing: frozenset[str], *, force: bool) -> Plan:
    """Writes onto files that exist become skips (reported), unless ``force``."""
    if force or not existing:
        return plan
    actions, items = [], list(plan.items)
    for action in plan.actions:
        if action.dest in existing:
            actions.append(replace(action, kind="skip"))
            items.append(Item(action.dest, 1, "skipped", "exists; not overwritten (--force overwrites)"))
        else:
            actions.append(action)
    return replace(plan, actions=tuple(actions), items=tuple(sorted(set(items))))


def format_plan(plan: Plan) -> str:
    lines = []
    for action in plan.actions:
        source = f"{action.source} -> " if action.source else ""
        detail = f"  ({action.detail})" if action.detail else ""
        lines.append(f"{action.kind:<5} {action.what:<8} {source}{action.dest}{detail}")
    return "\n".join(lines)
