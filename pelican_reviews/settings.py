"""Every ``REVIEWS_*`` setting with its default, read once into a typed object."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

from . import parsers

DEFAULTS: dict[str, object] = {
    # Highest rating; 0..max is valid, half stars are drawn.
    "REVIEWS_RATING_MAX": 5,
    # Leave `hidden: true` posts out of the home page's main list.
    "REVIEWS_HIDE_HIDDEN_FROM_HOME": True,
    # Template used for posts with `layout: review`.
    "REVIEWS_TEMPLATE": "review",
    # Site-wide Jekyll permalink for posts without their own (None: Pelican's URLs).
    "REVIEWS_PERMALINK": None,
    # How many related reviews (most shared tags) each review gets.
    "REVIEWS_RELATED_COUNT": 3,
    # The reviews index page; an empty REVIEWS_INDEX_SAVE_AS turns it off.
    "REVIEWS_INDEX_SAVE_AS": "reviews/index.html",
    "REVIEWS_INDEX_URL": "reviews/",
    "REVIEWS_INDEX_TEMPLATE": "reviews",
    # giscus comments (repo, repo_id, category, category_id, ...); None: off.
    "REVIEWS_GISCUS": None,
    # Social card image for pages without one of their own (home, listings,
    # static pages): a path in the content folder or an http(s) URL.
    "REVIEWS_SOCIAL_IMAGE": None,
    # How a `---` block is read: "auto" gives Jekyll's meaning only to YAML
    # Pelican cannot read as meant; "jekyll" to every `---` block.
    "REVIEWS_FRONT_MATTER": "auto",
}


class ReviewsSettingsError(ValueError):
    """A REVIEWS_* setting that cannot work; raised once, at start-up."""


@dataclass(frozen=True)
class ReviewsSettings:
    rating_max: int
    hide_hidden_from_home: bool
    template: str
    permalink: str | None
    related_count: int
    index_save_as: str
    index_url: str
    index_template: str
    giscus: dict | None
    social_image: str | None
    front_matter: str

    @classmethod
    def from_pelican(cls, settings: Mapping[str, object]) -> ReviewsSettings:
        values = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
        rating_max = values["REVIEWS_RATING_MAX"]
        if isinstance(rating_max, bool) or not isinstance(rating_max, int) or not 1 <= rating_max <= 10:
            raise ReviewsSettingsError(
                f"REVIEWS_RATING_MAX must be a whole number from 1 to 10, not {rating_max!r}"
            )
        related = values["REVIEWS_RELATED_COUNT"]
        if isinstance(related, bool) or not isinstance(related, int) or related < 0:
            raise ReviewsSettingsError(
                f"REVIEWS_RELATED_COUNT must be a whole number of 0 or more, not {related!r}"
            )
        permalink = values["REVIEWS_PERMALINK"]
        if permalink is not None and not isinstance(permalink, str):
            raise ReviewsSettingsError(
                f"REVIEWS_PERMALINK must be a Jekyll permalink string or None, not {permalink!r}"
            )
        for key in ("REVIEWS_TEMPLATE", "REVIEWS_INDEX_SAVE_AS", "REVIEWS_INDEX_URL", "REVIEWS_INDEX_TEMPLATE"):
            if not isinstance(values[key], str):
                raise ReviewsSettingsError(f"{key} must be a string, not {values[key]!r}")
        giscus = values["REVIEWS_GISCUS"]
        required = {"repo", "repo_id", "category", "category_id"}
        if giscus is not None and (not isinstance(giscus, dict) or not required <= giscus.keys()):
            raise ReviewsSettingsError(
                f"REVIEWS_GISCUS must be None or a dict with {', '.join(sorted(required))}, not {giscus!r}"
            )
        social_image = values["REVIEWS_SOCIAL_IMAGE"]
        if social_image is not None:
            found, problem = parsers.classify_image(social_image)
            if found is None:
                raise ReviewsSettingsError(
                    f"REVIEWS_SOCIAL_IMAGE must be a path in the content folder or an http(s) URL, not "
                    f"{social_image!r}" + (f" (it {problem})" if problem else "")
                )
            kind, location = found
            values["REVIEWS_SOCIAL_IMAGE"] = location if kind == "url" else location.lstrip("/")
        if values["REVIEWS_FRONT_MATTER"] not in ("auto", "jekyll"):
            raise ReviewsSettingsError(
                f"REVIEWS_FRONT_MATTER must be 'auto' or 'jekyll', not {values['REVIEWS_FRONT_MATTER']!r}"
            )
        names = [f.name for f in fields(cls)]
        return cls(*(values["REVIEWS_" + name.upper()] for name in names))
