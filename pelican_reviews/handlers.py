"""Signal handlers: fetch from Pelican, call the pure functions, attach the result."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader
from pelican.generators import ArticlesGenerator
from pelican.readers import MarkdownReader

from . import collections, collisions, images, pagewriter
from .reader import review_reader_class
from .settings import ReviewsSettings, ReviewsSettingsError

logger = logging.getLogger(__name__)

PARTIALS_PATH = Path(__file__).parent / "templates"


def check_settings(pelican) -> None:
    """Bad configuration stops the build once, with one clear message."""
    settings = ReviewsSettings.from_pelican(pelican.settings)
    local = _local_social_image(settings, pelican.settings)
    if local is not None and not local.is_file():
        raise ReviewsSettingsError(
            f"REVIEWS_SOCIAL_IMAGE {settings.social_image!r} is not a file in the content folder {pelican.settings['PATH']}"
        )


def _local_social_image(settings: ReviewsSettings, pelican_settings) -> Path | None:
    """The site's default social card as a file, when it is one of the site's own."""
    src = settings.social_image
    if not src or src.startswith(("http://", "https://")):
        return None
    return Path(pelican_settings["PATH"]) / src


def use_review_reader(readers) -> None:
    """Read Markdown with the site's own Markdown reader, extended.

    Whatever class is registered for Markdown (Pelican's, or another plugin's
    such as jinja2content's) is subclassed, not replaced; one a plugin
    registers after us (signal receivers run in no set order) is subclassed
    as it is registered. A site that switched Markdown off keeps it off.
    """
    readers.reader_classes = ExtendingReaderClasses(readers.reader_classes)


class ExtendingReaderClasses(dict):
    """``Readers.reader_classes`` that extends every Markdown reader put in it."""

    def __init__(self, classes):
        super().__init__()
        self.update(classes)

    def __setitem__(self, extension, reader_class):
        if extension in MarkdownReader.file_extensions and isinstance(reader_class, type) \
                and issubclass(reader_class, MarkdownReader):
            reader_class = review_reader_class(reader_class)
        super().__setitem__(extension, reader_class)

    def update(self, *args, **kwargs):
        for extension, reader_class in dict(*args, **kwargs).items():
            self[extension] = reader_class

    def setdefault(self, extension, reader_class=None):
        if extension not in self:
            self[extension] = reader_class
        return self[extension]


def add_partials_and_filters(generator) -> None:
    """Make ``reviews/*.html`` includable from any theme.

    Our folder is searched last, so a theme (or THEME_TEMPLATES_OVERRIDES)
    file of the same name wins.
    """
    generator.env.loader = ChoiceLoader([generator.env.loader, FileSystemLoader(str(PARTIALS_PATH))])
    # Each build makes a new environment, so templates never change under it;
    # without this every {% include %} in a card loop stats its file again.
    generator.env.auto_reload = False
    # {{ image.src|review_src(SITEURL) }}: http(s) URLs as they are, site paths under SITEURL.
    generator.env.filters.setdefault("review_src", images.src_url)


def attach_collections(generator) -> None:
    settings = ReviewsSettings.from_pelican(generator.settings)
    review_articles = collections.reviews(generator.articles)
    generator.context["reviews"] = review_articles
    generator.context["featured_reviews"] = collections.featured(review_articles)
    generator.context["home_articles"] = collections.home_articles(generator.articles)
    generator.context["review_rating_counts"] = collections.rating_counts(review_articles, settings.rating_max)

    related = collections.related(review_articles, settings.related_count)
    by_date = sorted(review_articles, key=lambda a: a.date)
    for index, article in enumerate(by_date):
        article.previous_review = by_date[index - 1] if index > 0 else None
        article.next_review = by_date[index + 1] if index + 1 < len(by_date) else None
        article.related_reviews = related[id(article)]

    _keep_drafts_unpublished(generator)
    _link_local_images(generator, settings)
    _fall_back_to_article_template(generator, settings.template)
    if settings.hide_hidden_from_home:
        _home_without_hidden(generator)


def _keep_drafts_unpublished(generator) -> None:
    """A draft's permalink would publish it; drafts stay under DRAFT_SAVE_AS."""
    for draft in generator.drafts + generator.drafts_translations:
        if getattr(draft, "permalink_url", None):
            for name in ("override_url", "override_save_as"):
                if hasattr(draft, name):
                    delattr(draft, name)


def _link_local_images(generator, settings: ReviewsSettings) -> None:
    """Ask Pelican to copy review images (and the site's social card), as it does for {static} links."""
    content_root = Path(generator.path)
    if _local_social_image(settings, generator.settings) is not None:
        generator.context["static_links"].add(settings.social_image)
    for article in generator.articles + generator.hidden_articles + generator.drafts:
        review = collections.review_of(article)
        if review is None:
            continue
        for image in (review.social_image, review.hero_image, review.card_image):
            if image is not None and not image.is_absolute and (content_root / images.file_of(image.src)).is_file():
                generator.context["static_links"].add(images.file_of(image.src))


def _fall_back_to_article_template(generator, template: str) -> None:
    """A theme without a review template shows reviews with its article template."""
    users = [
        a for a in generator.articles + generator.hidden_articles + generator.drafts
        if getattr(a, "template", None) == template
    ]
    if not users:
        return
    try:
        generator.get_template(template)
    except Exception:  # Pelican raises its own TemplateNotFound subclass
        logger.info(
            "The theme has no %s template; %d review(s) use the article template instead",
            template,
            len(users),
        )
        for article in users:
            article.template = "article"


def _home_without_hidden(generator: ArticlesGenerator) -> None:
    """Paginate the home page over the list without Jekyll-``hidden`` posts.

    Pelican writes the index from the same list as feeds and archives, where
    hidden posts must stay; so only the ``index`` write is given another list.
    The wrapper lives on this build's generator instance and dies with it.
    """
    home = generator.context["home_articles"]
    if len(home) == len(generator.articles):
        return
    home_ids = {id(a) for a in home}
    home_dates = [a for a in generator.dates if id(a) in home_ids]
    original = generator.generate_direct_templates

    def generate_direct_templates(write):
        def write_home_aware(name, template, context, **kwargs):
            if kwargs.get("template_name") == "index":
                kwargs.update(articles=home, dates=home_dates)
            return write(name, template, context, **kwargs)

        return original(write_home_aware)

    generator.generate_direct_templates = generate_direct_templates


def write_reviews_index(generator, writer) -> None:
    """The reviews index page, when the theme has a template for it."""
    settings = ReviewsSettings.from_pelican(generator.settings)
    if not settings.index_save_as:
        return
    try:
        template = generator.get_template(settings.index_template)
    except Exception:  # the theme has no reviews index: nothing to write
        return
    pagewriter.stream_page(
        writer,
        settings.index_save_as,
        template,
        generator.context,
        relative_urls=generator.settings["RELATIVE_URLS"],
        template_name=settings.index_template,
        page_name=os.path.splitext(settings.index_save_as)[0],
        url=settings.index_url,
        reviews_index_url=settings.index_url,
    )


def resolve_collisions(generators) -> None:
    """Report posts sharing an output file; the first (by path) keeps it.

    The others move to a file named after their source, so no post is lost
    and nothing is silently overwritten. A post that claims a page the site
    itself writes (``index.html``, ``tags.html``, the reviews index) moves too.
    """
    contents = [
        item
        for generator in generators
        for name in ("articles", "translations", "hidden_articles", "hidden_translations",
                     "drafts", "drafts_translations", "pages", "hidden_pages", "draft_pages")
        for item in getattr(generator, name, ())
    ]
    owners = list({id(c): c for c in contents}.values())
    settings = next((g.settings for g in generators if hasattr(g, "settings")), {})
    site_pages = collisions.site_pages(settings)
    collided = collisions.find_collisions([(c.save_as, c.source_path) for c in owners])
    claimed = [c for c in owners if c.save_as and os.path.normpath(c.save_as) in site_pages]
    if not collided and not claimed:
        return
    taken = {os.path.normpath(c.save_as) for c in owners if c.save_as} | site_pages.keys()
    by_source = {c.source_path: c for c in owners}
    # (the file, who keeps it, the post that moves); on a site page every claimant moves.
    moves = [
        (save_as, sources[0], source)
        for save_as, sources in collided.items() if save_as not in site_pages
        for source in sources[1:]
    ]
    moves += [(c.save_as, site_pages[os.path.normpath(c.save_as)], c.source_path)
              for c in sorted(claimed, key=lambda c: c.source_path)]
    for save_as, owner, source in moves:
        content = by_source[source]
        moved = collisions.free_path(save_as, source, taken)
        taken.add(os.path.normpath(moved))
        logger.error(
            "output collision: %s and %s both write %s; keeping %s there and "
            "writing %s to %s instead",
            owner, source, save_as, owner, source, moved,
        )
        content.override_save_as = moved
        content.override_url = moved


def add_structured_data(generator) -> None:
    """Jinja globals for the ``reviews/social_meta.html`` and ``reviews/jsonld.html`` partials.

    Absolute URLs come from the settings' SITEURL (the template's SITEURL is
    relative under RELATIVE_URLS). The globals live on this generator's
    environment and die with it.
    """
    from jinja2 import pass_context

    from . import structured_data

    settings = ReviewsSettings.from_pelican(generator.settings)
    local = _local_social_image(settings, generator.settings)
    site = structured_data.site_from_settings(
        generator.settings, settings.social_image, images.image_size(local) if local is not None else None
    )
    # Both partials describe the same post: work its Entry out once per page.
    # Only the post being rendered is kept (compared by identity).
    last: dict = {}

    def entry_of(ctx, site):
        found = structured_data.page_content(ctx)
        if found is None:
            return None
        if last.get("content") is not found[1]:
            last.update(content=found[1], entry=structured_data.entry_from_content(found[1], site, kind=found[0]))
        return last["entry"]

    @pass_context
    def reviews_social(ctx):
        return structured_data.social_tags(ctx, site, entry_of)

    @pass_context
    def reviews_jsonld(ctx):
        return structured_data.jsonld_blocks(ctx, site, entry_of)

    generator.env.globals.update(reviews_social=reviews_social, reviews_jsonld=reviews_jsonld)


def add_reviews_to_feed(context, feed) -> None:
    """Each post's feed entry starts with its image and its rating as text."""
    from . import feeds

    siteurl = str(context.get("SITEURL") or context.get("FEED_DOMAIN") or "")
    by_link = feeds.articles_by_link(context.get("articles") or [], siteurl)
    content_root = Path(context["PATH"]) if context.get("PATH") else None
    for item in feed.items:
        article = by_link.get(feeds.link_key(item.get("link") or ""))
        review = collections.review_of(article) if article is not None else None
        if review is not None:
            item.update(feeds.item_changes(item, review, siteurl, content_root))
