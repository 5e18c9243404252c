"""Site-wide review lists, computed from the published articles.

Every function is linear (or ``n log n``) in the number of articles, so a
site of thousands of reviews costs the same per review as a site of ten.
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass

# How many date-neighbours per shared tag are considered for "related":
# keeps the work per review constant when one tag is on every review.
RELATED_WINDOW = 24


def review_of(article):
    """The ``Review`` on an article, or None for articles the plugin did not read."""
    return getattr(article, "review", None)


def reviews(articles: list) -> list:
    """Articles that are reviews, in the order given (Pelican's: newest first)."""
    return [a for a in articles if review_of(a) is not None and review_of(a).is_review]


def featured(articles: list) -> list:
    return [a for a in articles if review_of(a) is not None and review_of(a).featured]


def home_articles(articles: list) -> list:
    """The home page's main list: everything but Jekyll's ``hidden: true`` posts."""
    return [a for a in articles if review_of(a) is None or not review_of(a).hidden]


@dataclass(frozen=True)
class RatingCount:
    rating: float
    label: str
    count: int


def rating_counts(review_articles: list, rating_max: int) -> list[RatingCount]:
    """How many reviews have each rating, in half-star steps, highest first."""
    counts = Counter(round(review_of(a).rating * 2) for a in review_articles if review_of(a).rating is not None)
    steps = range(rating_max * 2, -1, -1)
    return [RatingCount(s / 2, f"{s / 2:g}", counts.get(s, 0)) for s in steps]


def related(review_articles: list, count: int) -> dict[int, list]:
    """For each review (by ``id``), up to ``count`` others sharing the most tags.

    Ties go to the review closest in date. Only the ``RELATED_WINDOW``
    neighbours on each side within each tag are looked at. When fewer than
    ``count`` share a tag, the reviews closest in date fill the list.
    """
    tags_of = [[str(tag) for tag in getattr(article, "tags", ()) or ()] for article in review_articles]
    by_tag: dict[str, list[int]] = defaultdict(list)
    for index, names in enumerate(tags_of):
        for name in names:
            by_tag[name].append(index)
    position = {name: {i: p for p, i in enumerate(indexes)} for name, indexes in by_tag.items()}
    result = {}
    for index, article in enumerate(review_articles):
        scores: dict[int, int] = {}
        for name in tags_of[index]:
            indexes = by_tag[name]
            here = position[name][index]
            for other in indexes[max(0, here - RELATED_WINDOW): here + RELATED_WINDOW + 1]:
                scores[other] = scores.get(other, 0) + 1
        scores.pop(index, None)
        best = heapq.nsmallest(count, scores, key=lambda other: (-scores[other], abs(other - index), other))
        best += _nearest(index, len(review_articles), count - len(best), set(best))
        result[id(article)] = [review_articles[other] for other in best]
    return result


def _nearest(index: int, total: int, wanted: int, taken: set[int]) -> list[int]:
    """Up to ``wanted`` list positions near ``index`` (the newer first on a tie), not in ``taken``.

    Fills the related list when too few reviews share a tag, as Jekyll's
    ``related_posts`` falls back to recent posts, so a review never ends on an
    empty or lone "related" row while the site has other reviews. The very
    next and previous reviews come last: the page links them already.
    """
    found: list[int] = []
    for distance in itertools.chain(range(2, total), (1,)):
        for other in (index - distance, index + distance):
            if len(found) >= wanted:
                return found
            if 0 <= other < total and other not in taken:
                found.append(other)
    return found
