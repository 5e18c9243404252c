"""Building a Review from raw metadata: fallbacks, flags and problems."""

import pickle

import pytest

from pelican_reviews.model import Review, ReviewImage, Trailer, build_review, imdb_title_url

SEED = {
    "layout": "review",
    "image": "assets/images/review/red-rooms/red-rooms-gof-og.jpg",
    "review-image": "assets/images/review/red-rooms/red-rooms-gof.jpg",
    "square-image": "assets/images/review/red-rooms/red-rooms-gof-sq.jpg",
    "description": None,
    "featured": True,
    "hidden": True,
    "rating": 4.5,
    "comments": False,
    "synopsis": "The high-profile case of serial killer Ludovic Chevalier has just gone to trial.  ",
    "youtube": "r1sj0OFXbkE?si=Ii7WIPbc6dPVv95_",
}


def build(raw, **kwargs):
    kwargs.setdefault("title", "Red Rooms")
    kwargs.setdefault("categories", ["film review"])
    return build_review(raw, **kwargs)


def test_seed_review():
    review = build(SEED)
    assert review.is_review
    assert review.rating == 4.5
    assert review.rating_text == "4.5 out of 5"
    assert review.stars == ("full",) * 4 + ("half",)
    assert review.synopsis == "The high-profile case of serial killer Ludovic Chevalier has just gone to trial."
    assert review.description == review.synopsis  # empty description falls back
    assert review.trailer == Trailer("r1sj0OFXbkE")
    assert review.trailer.embed_url == "https://www.youtube-nocookie.com/embed/r1sj0OFXbkE?autoplay=1"
    assert review.trailer.watch_url == "https://www.youtube.com/watch?v=r1sj0OFXbkE"
    assert review.social_image.src.endswith("red-rooms-gof-og.jpg")
    assert review.hero_image.src.endswith("red-rooms-gof.jpg")
    assert review.card_image.src.endswith("red-rooms-gof-sq.jpg")
    assert review.hero_image.alt == "Red Rooms"
    assert (review.featured, review.hidden, review.comments) == (True, True, False)
    assert review.categories == ("film review",)
    assert review.problems == ()


def test_review_pickles():
    review = build(SEED)
    assert pickle.loads(pickle.dumps(review)) == review


@pytest.mark.parametrize(
    ("present", "social", "hero", "card"),
    [
        ({"image": "og.jpg"}, "og.jpg", "og.jpg", "og.jpg"),
        ({"review-image": "hero.jpg"}, "hero.jpg", "hero.jpg", "hero.jpg"),
        ({"square-image": "sq.jpg"}, "sq.jpg", "sq.jpg", "sq.jpg"),
        ({"image": "og.jpg", "square-image": "sq.jpg"}, "og.jpg", "og.jpg", "sq.jpg"),
        ({"review-image": "hero.jpg", "square-image": "sq.jpg"}, "hero.jpg", "hero.jpg", "sq.jpg"),
        ({"review_image": "hero.jpg", "square_image": "sq.jpg"}, "hero.jpg", "hero.jpg", "sq.jpg"),
    ],
)
def test_image_fallbacks(present, social, hero, card):
    review = build(present)
    assert (review.social_image.src, review.hero_image.src, review.card_image.src) == (social, hero, card)


def test_no_images():
    review = build({})
    assert review.social_image is review.hero_image is review.card_image is None


def test_bad_image_falls_back_with_a_problem():
    review = build({"image": "javascript:alert(1)", "square-image": "sq.jpg"})
    assert review.social_image.src == "sq.jpg"
    [problem] = review.problems
    assert (problem.field, problem.value) == ("image", "javascript:alert(1)")
    assert "javascript:" in problem.message


def test_static_paths_resolve_from_the_post_folder():
    review = build({"image": "{static}poster.jpg", "square-image": "{static}/images/sq.jpg"}, static_dir="reviews")
    assert review.social_image.src == "reviews/poster.jpg"
    assert review.card_image.src == "images/sq.jpg"


def test_absolute_urls_are_kept():
    review = build({"image": "https://img.example/og.jpg"})
    assert review.social_image == ReviewImage("https://img.example/og.jpg", "Red Rooms")
    assert review.social_image.is_absolute


def test_image_alt_key():
    assert build({"image": "a.jpg", "image-alt": "Kelly-Anne at the trial"}).hero_image.alt == "Kelly-Anne at the trial"


@pytest.mark.parametrize(
    ("raw", "is_review"),
    [({"layout": "review"}, True), ({"layout": "Review"}, True), ({"rating": 3}, True), ({"layout": "post"}, False), ({}, False)],
)
def test_is_review(raw, is_review):
    assert build(raw).is_review is is_review


@pytest.mark.parametrize(
    ("raw", "field", "fallback"),
    [
        ({"rating": "abc"}, "rating", "showing no stars"),
        ({"rating": 9}, "rating", "showing no stars"),
        ({"youtube": "https://vimeo.com/1"}, "youtube", "showing no trailer"),
        ({"featured": "maybe"}, "featured", "not featuring the post"),
        ({"hidden": [1]}, "hidden", "keeping the post on the home page"),
        ({"comments": "sometimes"}, "comments", "leaving comments on"),
        ({"synopsis": {"a": 1}}, "synopsis", "showing no synopsis"),
        ({"imdb": "not-imdb"}, "imdb", "linking no IMDb page"),
        ({"year": "soon"}, "year", "leaving the year out"),
    ],
)
def test_problems_name_field_value_and_fallback(raw, field, fallback):
    review = build(raw)
    [problem] = review.problems
    assert problem.field == field
    assert problem.value == next(iter(raw.values()))
    assert problem.fallback == fallback


def test_rating_max_setting():
    review = build({"rating": 8}, rating_max=10)
    assert review.rating_text == "8 out of 10"
    assert len(review.stars) == 10


@pytest.mark.parametrize(
    ("raw", "url"),
    [
        ("tt22207786", "https://www.imdb.com/title/tt22207786/"),
        ("https://www.imdb.com/title/tt22207786/?ref_=x", "https://www.imdb.com/title/tt22207786/"),
        ("https://m.imdb.com/title/tt0078748", "https://www.imdb.com/title/tt0078748/"),
    ],
)
def test_imdb_key(raw, url):
    assert build({"imdb": raw}).imdb_url == url


@pytest.mark.parametrize(
    ("href", "url"),
    [
        ("https://www.imdb.com/title/tt22207786/", "https://www.imdb.com/title/tt22207786/"),
        ("https://www.imdb.com/name/nm6406290/", None),
        ("https://example.com/title/tt22207786/", None),
    ],
)
def test_imdb_title_url(href, url):
    assert imdb_title_url(href) == url


def test_directors_and_year():
    review = build({"director": ["Daniel Kwan", "Daniel Scheinert"], "year": "2022"})
    assert review.directors == ("Daniel Kwan", "Daniel Scheinert")
    assert review.year == 2022


def test_defaults_are_plain_review():
    assert Review().rating_text == "" and Review().stars == ()


@pytest.mark.parametrize(
    ("rating", "maximum", "percent", "glyphs"),
    [(4.5, 5, 90.0, "★★★★½"), (0, 5, 0.0, "☆☆☆☆☆"), (5, 5, 100.0, "★★★★★"), (7, 10, 70.0, "★★★★★★★☆☆☆"), (None, 5, 0.0, "")],
)
def test_star_fill_and_glyphs(rating, maximum, percent, glyphs):
    review = Review(rating=rating, rating_max=maximum)
    assert (review.rating_percent, review.star_glyphs) == (percent, glyphs)
