"""Bad front matter: one warning per bad value, never a crash, never a lost post."""

import datetime as dt
import pickle
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pelican_reviews import metadata
from pelican_reviews.model import Review
from pelican_reviews.settings import ReviewsSettings

SETTINGS = ReviewsSettings.from_pelican({})
BIG = "x" * 100_000
NESTED = {"nested": {"map": [1, 2]}}


def interpret(raw, name="2025-03-03-red-rooms.md"):
    return metadata.interpret(
        raw, source_name=name, static_dir="reviews", settings=SETTINGS, fallback_date=dt.datetime(2025, 1, 1)
    )


# (key, bad value): each must give exactly one problem, for that key.
BAD_VALUES = [
    *[("rating", v) for v in ["abc", BIG, "４.５x", "<b>4</b>", False, 6, -0.5, NESTED, [4], dt.date(2025, 1, 1), "nan"]],
    *[("synopsis", v) for v in [True, NESTED, ["a", "b"], BIG]],
    *[("description", v) for v in [False, NESTED, [1], BIG]],
    *[("youtube", v) for v in ["nope", BIG, 12345, True, NESTED, ["r1sj0OFXbkE"], "javascript:alert(1)", "https://vimeo.com/1"]],
    *[(key, v) for key in ("image", "review-image", "square-image")
      for v in ["javascript:alert(1)", "data:text/html,x", "vbscript:x", 42, True, NESTED, ["a.jpg"], "a\"onerror=x.jpg", BIG]],
    *[("image-alt", v) for v in [True, NESTED, ["x"], BIG]],
    *[(key, v) for key in ("featured", "hidden", "comments") for v in ["maybe", BIG, 2, NESTED, ["yes"], dt.date(2025, 1, 1)]],
    *[("layout", v) for v in [True, NESTED, ["review"]]],
    *[("imdb", v) for v in ["nope", 22207786, True, NESTED, BIG]],
    *[("director", v) for v in [NESTED, True]],
    *[("year", v) for v in ["soon", 1500, True, NESTED, 20244]],
    *[("date", v) for v in ["yesterday", BIG, True, NESTED, ["2025-01-01"], 20250101]],
    *[("tags", v) for v in [NESTED, True, "\x1b", ["a", "b\x00"]]],
    *[("categories", v) for v in [NESTED, True]],
    *[("published", v) for v in ["maybe", NESTED]],
    *[("permalink", v) for v in ["/review/:nope", "/../../etc", NESTED, ["/a/"], '/a/"><script>']],
    *[("title", v) for v in [True, NESTED, ["a"], "bell\x07"]],
    *[("synopsis", v) for v in ["esc\x1b", "lone\ud800"]],
    *[("slug", v) for v in [True, NESTED]],
    *[("author", v) for v in [NESTED, True]],
    # Keys Pelican itself reads: a wrong type used to lose the post or stop the build.
    *[("modified", v) for v in ["last week", True, NESTED, ["2025-01-01"]]],
    *[(key, v) for key in ("summary", "status", "lang") for v in [True, NESTED, ["a", "b"]]],
    *[("status", v) for v in ["sometimes", 0]],  # Pelican skips a post with a status it does not know
]


def short_id(value):
    return type(value).__name__ + ":" + repr(value)[:20]


@pytest.mark.parametrize(("key", "value"), BAD_VALUES, ids=[f"{k}-{short_id(v)}" for k, v in BAD_VALUES])
def test_each_bad_value_gives_exactly_one_problem_for_its_field(key, value):
    good = {"layout": "review", "title": "Red Rooms", "rating": 4.5, "image": "assets/og.jpg"}
    found = interpret({**good, key: value})
    assert [p.field for p in found.problems] == [key]
    problem = found.problems[0]
    assert problem.value is value
    assert problem.message and problem.fallback
    # the post is still a post
    assert found.pelican["title"] and found.pelican["slug"]
    assert isinstance(found.review, Review)


@pytest.mark.parametrize(
    ("key", "value"),
    [("synopsis", "<script>alert(1)</script>"), ("title", "Amélie — 天使"), ("rating", "  4.5 "),
     ("description", ""), ("youtube", ""), ("tags", "")],
)
def test_odd_but_valid_values_give_no_problem(key, value):
    assert interpret({key: value}).problems == []


def test_html_stays_text_for_templates_to_escape():
    review = interpret({"synopsis": "<script>alert(1)</script>"}).review
    assert review.synopsis == "<script>alert(1)</script>"


# Values of every shape YAML can produce.
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=80), st.dates(), st.datetimes(),
    st.sampled_from(["4.5", "r1sj0OFXbkE?si=x", "https://youtu.be/r1sj0OFXbkE", "javascript:alert(1)",
                     "assets/a.jpg", "{static}/a.jpg", "/review/:title", "pretty", "yes", "no", "tt0078748"]),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=6)
KEYS = sorted(set(metadata.TRANSLATED_KEYS) | {k for k in __import__("pelican_reviews.model", fromlist=["REVIEW_KEYS"]).REVIEW_KEYS})
mappings = st.dictionaries(st.sampled_from(KEYS), values, max_size=len(KEYS))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=mappings, name=st.text(min_size=1, max_size=30).map(lambda t: t.replace("/", "_") + ".md"))
def test_normaliser_never_raises_and_returns_a_valid_review(raw, name):
    found = interpret(raw, name)
    review = found.review
    assert isinstance(review, Review)
    assert review.rating is None or 0 <= review.rating <= SETTINGS.rating_max
    assert review.trailer is None or re.fullmatch(r"[A-Za-z0-9_-]{11}", review.trailer.video_id)
    for image in (review.social_image, review.hero_image, review.card_image):
        if image is not None:
            assert image.src.startswith(("http://", "https://")) or ":" not in image.src.split("/")[0]
    assert isinstance(found.pelican["title"], str) and found.pelican["title"]
    assert found.pelican["slug"]
    assert pickle.loads(pickle.dumps(review)) == review
    for problem in found.problems:
        assert problem.field in KEYS or problem.field in ("image-alt",)


FIXTURE_TEMPLATES = Path(__file__).parent / "fixtures" / "core_site" / "templates"
post_mappings = st.dictionaries(
    st.sampled_from(["rating", "synopsis", "youtube", "image", "featured", "hidden", "tags", "categories",
                     "layout", "date", "comments", "title", "director", "year", "summary", "modified",
                     "status", "lang", "author"]),
    values,
    max_size=8,
)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(posts=st.lists(post_mappings, min_size=1, max_size=5))
def test_generated_sites_build_with_one_page_per_post(tmp_path_factory, posts):
    from conftest import build_site

    root = tmp_path_factory.mktemp("fuzz")
    content = root / "content"
    content.mkdir()
    for number, raw in enumerate(posts):
        front = yaml.safe_dump(raw, allow_unicode=True, default_flow_style=False)
        marker = f"fuzz-body-marker-{number}"
        (content / f"2025-01-{number + 1:02d}-post-{number}.md").write_text(f"---\n{front}---\n{marker}\n", encoding="utf-8")
    site = build_site(content, root / "out", THEME_TEMPLATES_OVERRIDES=[str(FIXTURE_TEMPLATES)], TIMEZONE="UTC")
    pages = [p.read_text(encoding="utf-8") for p in site.html_files()]
    for number in range(len(posts)):
        holding = [page for page in pages if f"fuzz-body-marker-{number}" in page]
        assert len(holding) == 1, site.warning_messages
