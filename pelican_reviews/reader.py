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
from pelican.utils import pelican_open

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
        with pelican_open(source_path) as text:
            try:
                split = frontmatter.split(text)
            except frontmatter.FrontMatterError as error:
                return self._read_broken(source_path, error)
        if split is None:
            content, pelican_meta = super().read(source_path)
            raw = {key: _as_text(value) for key, value in pelican_meta.items()}
            return content, _with_body_imdb(self._metadata(source_path, raw, yaml_style=False), content)
        content = self._render(split.body)
        return content, _with_body_imdb(self._metadata(source_path, split.data, yaml_style=True), content)

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
            "%s:%s: the front matter is not valid YAML (%s); building the post as a "
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
            for key in ("status", "modified"):
                if isinstance(result.get(key), str):
                    result[key] = self.process_metadata(key, result[key])
            for key in self.settings["FORMATTED_FIELDS"]:
                if isinstance(result.get(key), str):
                    result[key] = self._render(result[key])
        return result

    def _fallback_date(self, source_path: str, raw: dict) -> dt.datetime | None:
        """The file's modification time when nothing else dates the post.

        Without a date Pelican skips an article; a post must never be lost.
        """
        if raw.get("date") or self.settings.get("DEFAULT_DATE"):
            return None
        if metadata.jekyll.parse_file_name(source_path).date is not None:
            return None
        if self._is_page(source_path):
            return None  # pages need no date
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


def _as_text(value):
    """Pelican's Tag/Category/Author objects back to the text they were made of."""
    if isinstance(value, URLWrapper):
        return value.name
    if isinstance(value, list) and value and all(isinstance(v, URLWrapper) for v in value):
        return [v.name for v in value]
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
            known[image.src] = images.image_size(content_root / image.src)
        size = known[image.src]
        if size is None and image.src not in warned and not (content_root / image.src).is_file():
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
