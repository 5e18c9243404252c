"""Reading Markdown: whatever reader the site uses, plus Jekyll's YAML front matter.

The plugin does not replace Pelican's Markdown reader (nor one another plugin
registered, such as jinja2content's): ``review_reader_class`` subclasses the
reader registered at the time. A file whose metadata Pelican can read is read
by that reader exactly as without the plugin; only when it is a review does
the plugin add its ``review`` data. A file with Jekyll front matter is read by
the same reader too, with a Markdown extension that takes the YAML block off
(so the body goes through every extension and plugin as usual); the plugin
then gives its keys Jekyll's meaning.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import tempfile
from pathlib import Path

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from pelican.urlwrappers import Author, Category, Tag, URLWrapper

from . import content_links, dialect, frontmatter, images, metadata, parsers
from .model import Review, build_review
from .settings import ReviewsSettings

logger = logging.getLogger(__name__)

def review_reader_class(base: type) -> type:
    """``base`` (the Markdown reader the site has) with Jekyll front matter and reviews added."""
    if issubclass(base, ReviewReaderMixin):
        return base
    return type(f"Reviews{base.__name__}", (ReviewReaderMixin, base), {"__module__": __name__})


class _StripFrontMatter(Preprocessor):
    """Takes the YAML block off the top of the text, so only the body is Markdown."""

    def run(self, lines):
        if not lines or lines[0].lstrip("\ufeff").rstrip() != "---":
            return lines
        for index in range(1, len(lines)):
            if lines[index].rstrip() in ("---", "..."):
                return lines[index + 1:]
        return lines


class FrontMatterExtension(Extension):
    """Active only while its reader reads a file with YAML front matter.

    Markdown objects are made per file (as Pelican makes them), so no state
    is shared between files, or with other extensions' per-document state.
    """

    def __init__(self, reader):
        self.reader = reader
        super().__init__()

    def __reduce__(self):
        # Pelican's caches pickle settings; the reader stays behind.
        return (FrontMatterExtension, (None,))

    def extendMarkdown(self, md):
        if self.reader is None or not self.reader._reading_yaml:
            return
        # The YAML block held the metadata: a body line such as "Update: ..."
        # must stay text, so the stripper takes the place (and name, which
        # Pelican deregisters later) of Markdown's own metadata parsing.
        md.preprocessors.register(_StripFrontMatter(md), "meta", 27)


class ReviewReaderMixin:
    """Placed before the site's Markdown reader class by ``review_reader_class``."""

    def __init__(self, settings, *args, **kwargs):
        super().__init__(settings, *args, **kwargs)
        # Our extension goes on this reader's own copy of the settings only;
        # Pelican's objects (tags, categories) keep the site's, which pickle.
        self.site_settings = self.settings
        self.settings = dict(self.settings)
        markdown = dict(self.settings.get("MARKDOWN") or {})
        markdown["extensions"] = [*markdown.get("extensions", []), FrontMatterExtension(self)]
        self.settings["MARKDOWN"] = markdown
        self.reviews_settings = ReviewsSettings.from_pelican(self.settings)
        self.content_root = os.path.realpath(self.settings["PATH"])
        self._reading_yaml = False
        # Per build (a reader lives for one build): folders and images repeat.
        self._relative_dirs: dict[str, str] = {}
        self._image_sizes: dict[str, tuple[int, int] | None] = {}

    def read(self, source_path):
        with open(source_path, "rb") as handle:
            text, encoding_problem = frontmatter.decode(handle.read())
        if encoding_problem:
            logger.warning("%s %s", source_path, encoding_problem)
        found = dialect.classify(text, force_yaml=self.reviews_settings.front_matter == "jekyll")
        if found.kind in ("none", "pelican"):
            content, meta = self._read_as_pelican(source_path, text, encoding_problem)
            return self._with_review(source_path, text, content, meta)
        if found.kind == "broken":
            return self._read_broken(source_path, text, encoding_problem, found.error)
        content, base_meta = self._read_as_pelican(source_path, text, encoding_problem, yaml=True)
        meta = {**base_meta, **self._metadata(source_path, found.split.data)}
        content = self._inert_script_urls(source_path, "the body", content)
        return content, _with_body_imdb(meta, content)

    def _read_as_pelican(self, source_path: str, text: str, encoding_problem, *, yaml: bool = False):
        """The site's own reader's result; with ``yaml`` the front matter is taken off the body."""
        self._reading_yaml = yaml
        try:
            if encoding_problem is None:
                return super().read(source_path)
            # Pelican reads UTF-8 only: give it the text already decoded.
            with tempfile.TemporaryDirectory() as folder:
                copy = os.path.join(folder, os.path.basename(source_path))
                with open(copy, "w", encoding="utf-8") as handle:
                    handle.write(text)
                return super().read(copy)
        finally:
            self._reading_yaml = False

    def process_metadata(self, name, value):
        # A date Pelican cannot read stays text: the plugin warns, naming the
        # file, and falls back (Pelican would lose the post).
        if name in ("date", "modified"):
            try:
                return super().process_metadata(name, value)
            except (ValueError, OverflowError):
                return value
        return super().process_metadata(name, value)

    def _with_review(self, source_path: str, text: str, content: str, meta: dict):
        """Pelican's reading of a file, plus review data when the file is a review.

        A file that is not a review comes back exactly as Pelican read it.
        """
        meta = self._readable_dates(source_path, meta)
        raw = {key: _as_text(value, key) for key, value in meta.items()}
        review = build_review(raw, title=str(raw.get("title") or ""), categories=[])
        if not review.is_review:
            return content, meta
        if frontmatter.unclosed(text):
            logger.warning(
                "%s:1: front matter opened by '---' is never closed by a '---' line; reading it as "
                "Pelican 'Key: value' metadata (add the closing '---' to read it as YAML)",
                source_path,
            )
        found = self._interpret(source_path, raw, native=True)
        undated = "date" not in meta and metadata.jekyll.parse_file_name(source_path).date is None
        if undated and "date" in found and not self._is_page(source_path):
            meta["date"] = found["date"]  # a review is never lost for want of a date
        meta["review"] = found["review"]
        for key in ("template", "url", "save_as", "permalink_url"):
            if key in found and key not in meta:
                meta[key] = found[key]
        if "_drafts" in self._relative_dir(source_path).split("/") and meta.get("status") != "skip":
            meta["status"] = "draft"  # Jekyll publishes _drafts/ only when asked
        content = self._inert_script_urls(source_path, "the body", content)
        return content, _with_body_imdb(meta, content)

    def _readable_dates(self, source_path: str, meta: dict) -> dict:
        """A ``Date:`` Pelican could not read is left out with a warning, not a lost post."""
        for key in ("date", "modified"):
            value = meta.get(key)
            if not isinstance(value, str):
                continue
            meta = {k: v for k, v in meta.items() if k != key}
            fallback = "leaving it out"
            if key == "date" and not self._is_page(source_path) and not self.settings.get("DEFAULT_DATE"):
                if metadata.jekyll.parse_file_name(source_path).date is None:
                    meta["date"] = dt.datetime.fromtimestamp(os.path.getmtime(source_path))
                    fallback = "using the file's date (its modification time)"
                else:
                    fallback = "using the date in the file name"
            logger.warning("%s %s in %s is not a date Pelican can read; %s",
                           key, parsers.shorten(value), source_path, fallback)
        return meta

    def _inert_script_urls(self, source_path: str, where: str, html: str) -> str:
        html, dropped = content_links.inert_script_urls(html)
        for url in dropped:
            logger.warning(
                "%s in %s links to %s, a script URL; the link was made inert (href=\"#\")",
                where, source_path, parsers.shorten(url),
            )
        return html

    def _render(self, text: str) -> str:
        """A metadata value as Markdown, with the extensions the body had."""
        md = getattr(self, "_md", None)
        if md is None:
            from markdown import Markdown

            md = Markdown(**self.settings["MARKDOWN"])
        if "meta" in md.preprocessors:
            md.preprocessors.deregister("meta")
        return md.reset().convert(text)

    def _read_broken(self, source_path: str, text: str, encoding_problem, error: frontmatter.FrontMatterError):
        logger.error(
            "%s:%s: the front matter cannot be read (%s); building the post as a "
            "draft from its file name and body until the front matter is fixed",
            source_path,
            error.line if error.line is not None else "?",
            error,
        )
        content, _ = self._read_as_pelican(source_path, text, encoding_problem, yaml=True)
        meta = self._metadata(source_path, {})
        # A draft is written under drafts/ and listed nowhere: the post is not
        # lost, and a `published: false` we could not read stays unpublished.
        meta["status"] = "draft"
        return content, meta

    def _interpret(self, source_path: str, raw: dict, *, native: bool = False) -> dict:
        """``metadata.interpret`` for this file, its problems logged, its images sized.

        ``native``: Pelican read the file and owns its title, slug, date and
        the like; only problems with the review's own keys are reported.
        """
        found = metadata.interpret(
            raw,
            source_name=os.path.basename(source_path),
            static_dir=self._relative_dir(source_path),
            settings=self.reviews_settings,
            fallback_date=self._fallback_date(source_path, raw),
            # Jekyll's site-wide permalink is for posts, not pages.
            default_permalink=None if self._is_page(source_path) else self.reviews_settings.permalink,
            timezone=self.settings.get("TIMEZONE", "UTC"),
            article_paths=self.settings.get("ARTICLE_PATHS", ()),
        )
        pelican_owned = metadata.TRANSLATED_KEYS - {"permalink", "template"} if native else frozenset()
        for problem in found.problems:
            if problem.field in pelican_owned:
                continue
            logger.warning(
                "%s %s in %s %s; %s",
                problem.field, parsers.shorten(problem.value), source_path, problem.message, problem.fallback,
            )
        result = found.pelican
        result["review"] = _with_image_sizes(
            found.review, Path(self.settings["PATH"]), source_path, self._image_sizes
        )
        return result

    def _metadata(self, source_path: str, raw: dict) -> dict:
        """Pelican metadata from Jekyll front matter."""
        result = self._interpret(source_path, raw)
        # Pelican's own objects, built from names directly so that a tag
        # such as "Paris, Texas" is not split again on its comma.
        if "category" in result:
            result["category"] = Category(result["category"], self.site_settings)
        if "tags" in result:
            result["tags"] = [Tag(name, self.site_settings) for name in result["tags"]]
        if "authors" in result:
            result["authors"] = [Author(name, self.site_settings) for name in result["authors"]]
        for key in self.settings["FORMATTED_FIELDS"]:
            if key not in result:
                continue
            if not isinstance(result[key], str):
                logger.warning(
                    "%s %s in %s is not text; leaving it out", key, parsers.shorten(result.pop(key)), source_path
                )
                continue
            result[key] = self._inert_script_urls(source_path, key, self._render(result[key]))
        relative_dir = self._relative_dir(source_path)
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
