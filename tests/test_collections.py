"""Site-wide lists: reviews, featured, home, rating counts, related reviews."""

import datetime as dt
from types import SimpleNamespace

from pelican_reviews import collections
from pelican_reviews.model import Review


def article(name, day, tags=(), **review):
    return SimpleNamespace(
        title=name, date=dt.datetime(2025, 1, day), tags=list(tags),
        review=Review(**review) if review is not None else None,
    )


def test_lists():
    a = article("a", 3, layout="review", rating=4.0, featured=True)
    b = article("b", 2, layout="review", rating=2.5, hidden=True)
    c = article("c", 1, layout="post")
    plain = SimpleNamespace(title="plain", date=dt.datetime(2025, 1, 1), tags=[])
    articles = [a, b, c, plain]
    assert collections.reviews(articles) == [a, b]
    assert collections.featured(articles) == [a]
    assert collections.home_articles(articles) == [a, c, plain]


def test_rating_counts():
    reviews = [article(str(i), 1, rating=r) for i, r in enumerate([4.5, 4.5, 3.0, 0.0])]
    counts = collections.rating_counts(reviews, 5)
    assert [c.label for c in counts] == ["5", "4.5", "4", "3.5", "3", "2.5", "2", "1.5", "1", "0.5", "0"]
    assert {c.label: c.count for c in counts if c.count} == {"4.5": 2, "3": 1, "0": 1}


def test_related_prefers_most_shared_tags_then_nearest():
    a = article("a", 5, tags=["horror", "1979", "criterion"], rating=4.0)
    b = article("b", 4, tags=["horror", "1979"], rating=4.0)
    c = article("c", 3, tags=["horror"], rating=4.0)
    d = article("d", 2, tags=["comedy"], rating=4.0)
    e = article("e", 1, tags=["horror"], rating=4.0)
    related = collections.related([a, b, c, d, e], 2)
    assert related[id(a)] == [b, c]
    assert related[id(e)] == [c, b]
    # A review sharing no tag, or too few, is topped up by the reviews nearest
    # in date, after those two or more away (its older/newer links show the next ones).
    assert related[id(d)] == [b, a]
    assert collections.related([a, b, c, d, e], 3)[id(d)] == [b, a, c]
    assert collections.related([a, b, c, d, e], 3)[id(b)] == [a, c, e]  # enough share a tag


def test_related_never_lists_the_review_itself_or_twice():
    reviews = [article(str(i), 1 + i, tags=["x"] if i % 2 else [], rating=3.0) for i in range(7)]
    for count in (1, 3, 10):
        for review, picked in zip(reviews, (collections.related(reviews, count)[id(r)] for r in reviews)):
            assert review not in picked
            assert len(picked) == len(set(map(id, picked))) == min(count, len(reviews) - 1)


def test_related_work_is_bounded_per_review():
    many = [article(str(i), 1 + i % 28, tags=["everywhere"], rating=3.0) for i in range(500)]
    related = collections.related(many, 3)
    assert all(len(v) == 3 for v in related.values())
    # only neighbours within the window are candidates
    assert related[id(many[0])] == many[1:4]
