"""Pelican reader for Markdown with Jekyll YAML front matter or ``Key: value`` metadata."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
from pathlib import Path

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.urlwrappers import Author, Category, Tag, URLWrapper

from . import content_links, frontmatter, images, metadata, parsers
from .model import Review, ReviewImage
from .settings import ReviewsSettings

logger = logging.getLogger(__name__)


class ReviewMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, plus YAML front matter and Jekyll semantics."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reviews_settings = ReviewsSettings.from_pelican(self.settings)
        self.content_root = os.path.realpath(self.settings["PATH"])
        self._front_matter_md = None
        # Per build (a reader lives for one build): folders and images repeat.
        self._relative_dirs: dict[str, str] = {}
        self._image_sizes: dict[str, tuple[int, int] | None] = {}

    def read(self, source_path):
        text = self._read_text(source_path)
        try:
            split = frontmatter.split(text)
        except frontmatter.FrontMatterError as error:
            return self._read_broken(source_path, error)
        if split is None:
            if frontmatter.unclosed(text):
                logger.warning(
                    "%s:1: front matter opened by '---' is never closed by a '---' line; reading it as "
                    "Pelican 'Key: value' metadata (add the closing '---' to read it as YAML)",
                    source_path,
                )
            content, pelican_meta = self._read_native(source_path, text)
            raw = {key: _as_text(value, key) for key, value in pelican_meta.items()}
            meta = self._metadata(source_path, raw, yaml_style=False)
        else:
            content = self._render(split.body)
            meta = self._metadata(source_path, split.data, yaml_style=True)
        content = self._inert_script_urls(source_path, "the body", content)
        return content, _with_body_imdb(meta, content)

    def _read_text(self, source_path: str) -> str:
        """The file's text; a file saved in a legacy encoding is read, with a warning, not lost."""
        with open(source_path, "rb") as handle:
            text, problem = frontmatter.decode(handle.read())
        if problem:
            logger.warning("%s %s", source_path, problem)
        return text

    def _read_native(self, source_path: str, text: str):
        """Pelican's own Markdown reading (``Key: value`` metadata), from text already read."""
        self._source_path = source_path
        self._md = Markdown(**self.settings["MARKDOWN"])
        content = self._md.convert(text)
        return content, self._parse_metadata(self._md.Meta) if hasattr(self._md, "Meta") else {}

    def process_metadata(self, name, value):
        # A date Pelican cannot read stays text: the plugin then warns, naming
        # the file, and falls back as it does for front matter.
        if name in ("date", "modified"):
            try:
                return super().process_metadata(name, value)
            except ValueError:
                return value
        return super().process_metadata(name, value)

    def _inert_script_urls(self, source_path: str, where: str, html: str) -> str:
        html, dropped = content_links.inert_script_urls(html)
        for url in dropped:
            logger.warning(
                "%s in %s links to %s, a script URL; the link was made inert (href=\"#\")",
                where, source_path, parsers.shorten(url),
            )
        return html

    def _render(self, body: str) -> str:
        # One Markdown object per reader, reset between files: building one
        # (loading every extension) costs as much as converting a review.
        if self._front_matter_md is None:
            self._front_matter_md = Markdown(**self.settings["MARKDOWN"])
            # The YAML block held the metadata: a body line such as "Update: ..."
            # must stay text, so Markdown's own metadata parsing is switched off.
            if "meta" in self._front_matter_md.preprocessors:
                self._front_matter_md.preprocessors.deregister("meta")
        return self._front_matter_md.reset().convert(body)

    def _read_broken(self, source_path: str, error: frontmatter.FrontMatterError):
        logger.error(
            "%s:%s: the front matter cannot be read (%s); building the post as a "
            "draft from its file name and body until the front matter is fixed",
            source_path,
            error.line if error.line is not None else "?",
            error,
        )
        meta = self._metadata(source_path, {}, yaml_style=True)
        # A draft is written under drafts/ and listed nowhere: the post is not
        # lost, and a `published: false` we could not read stays unpublished.
        meta["status"] = "draft"
        return self._render(error.body), meta

    def _metadata(self, source_path: str, raw: dict, *, yaml_style: bool) -> dict:
        content_root = Path(self.settings["PATH"])
        relative_dir = self._relative_dir(source_path)
        found = metadata.interpret(
            raw,
            source_name=os.path.basename(source_path),
            static_dir=relative_dir,
            settings=self.reviews_settings,
            fallback_date=self._fallback_date(source_path, raw),
            # Jekyll's site-wide permalink is for posts, not pages.
            default_permalink=None if self._is_page(source_path) else self.reviews_settings.permalink,
            timezone=self.settings.get("TIMEZONE", "UTC"),
            article_paths=self.settings.get("ARTICLE_PATHS", ()),
        )
        for problem in found.problems:
            logger.warning(
                "%s %s in %s %s; %s",
                problem.field,
                parsers.shorten(problem.value),
                source_path,
                problem.message,
                problem.fallback,
            )
        result = found.pelican
        result["review"] = _with_image_sizes(found.review, content_root, source_path, self._image_sizes)
        # Pelican's own objects, built from names directly so that a tag
        # such as "Paris, Texas" is not split again on its comma.
        if "category" in result:
            result["category"] = Category(result["category"], self.settings)
        if "tags" in result:
            result["tags"] = [Tag(name, self.settings) for name in result["tags"]]
        if "authors" in result:
            result["authors"] = [Author(name, self.settings) for name in result["authors"]]
        if yaml_style:
            for key in self.settings["FORMATTED_FIELDS"]:
                if key not in result:
                    continue
                if not isinstance(result[key], str):
                    logger.warning(
                        "%s %s in %s is not text; leaving it out", key, parsers.shorten(result.pop(key)), source_path
                    )
                    continue
                result[key] = self._render(result[key])
        for key in self.settings["FORMATTED_FIELDS"]:
            if isinstance(result.get(key), str):
                result[key] = self._inert_script_urls(source_path, key, result[key])
        if "_drafts" in relative_dir.split("/") and result.get("status") != "skip":
            # Jekyll publishes _drafts/ only when asked (--drafts): a draft here.
            result["status"] = "draft"
        return result

    def _fallback_date(self, source_path: str, raw: dict) -> dt.datetime | None:
        """The file's modification time when nothing else dates the post.

        Without a date Pelican skips an article; a post must never be lost.
        """
        given = raw.get("date")
        if metadata.jekyll.parse_date(given)[0] is not None or self.settings.get("DEFAULT_DATE"):
            return None
        if metadata.jekyll.parse_file_name(source_path).date is not None:
            return None
        if self._is_page(source_path):
            return None  # pages need no date
        drafted = "_drafts" in self._relative_dir(source_path).split("/")
        if (given is None or given == "") and not drafted:
            # (A date that is there but unreadable gets its own warning from interpret;
            # a Jekyll draft has no date until it is published.)
            logger.warning(
                "date missing in %s (no date in the front matter or the file name); "
                "using the file's modification time",
                source_path,
            )
        return dt.datetime.fromtimestamp(os.path.getmtime(source_path))

    def _is_page(self, source_path: str) -> bool:
        return metadata.in_folders(self._relative_dir(source_path), self.settings["PAGE_PATHS"])

    def _relative_dir(self, source_path: str) -> str:
        """The post's folder inside the content folder ("" at its top or outside it)."""
        folder = os.path.dirname(source_path)
        if folder not in self._relative_dirs:
            relative = os.path.relpath(os.path.realpath(folder), self.content_root)
            outside = relative == "." or relative.startswith("..")
            self._relative_dirs[folder] = "" if outside else relative.replace(os.sep, "/")
        return self._relative_dirs[folder]


# Text keys a Pelican metadata line may continue on the next lines (Markdown's
# meta extension hands those over as a list of lines).
MULTI_LINE_TEXT_KEYS = frozenset({"title", "synopsis", "description", "image-alt", "image_alt", "slug"})


def _as_text(value, key: str = ""):
    """Pelican's Tag/Category/Author objects back to the text they were made of."""
    if isinstance(value, URLWrapper):
        return value.name
    if isinstance(value, list) and value and all(isinstance(v, URLWrapper) for v in value):
        return [v.name for v in value]
    if key in MULTI_LINE_TEXT_KEYS and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return " ".join(value)
    return value


def _with_body_imdb(meta: dict, content: str) -> dict:
    """Without an ``imdb`` key, the film is the one IMDb title the body links.

    Found once here, so Pelican's content cache keeps it.
    """
    review = meta.get("review")
    if review is not None and review.imdb_url is None and "imdb.com" in content:
        found = content_links.single_imdb_title_url(content)
        if found:
            meta["review"] = dataclasses.replace(review, imdb_url=found)
    return meta


def _with_image_sizes(review: Review, content_root: Path, source_path: str, known: dict) -> Review:
    """Fill in width and height of images that live in the content folder.

    ``known`` remembers sizes already read in this build, by path.
    """
    changes = {}
    warned = set()
    for name in ("social_image", "hero_image", "card_image"):
        image = getattr(review, name)
        if image is None or image.is_absolute:
            continue
        if image.src not in known:
            known[image.src] = images.image_size(content_root / images.file_of(image.src))
        size = known[image.src]
        if size is None and image.src not in warned and not (content_root / images.file_of(image.src)).is_file():
            warned.add(image.src)
            logger.warning(
                "image %s in %s is not in the content folder %s; linking it anyway",
                parsers.shorten(image.src),
                source_path,
                content_root,
            )
        if size:
            changes[name] = dataclasses.replace(image, width=size[0], height=size[1])
    return dataclasses.replace(review, **changes) if changes else review
