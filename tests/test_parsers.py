"""Tables for the single-value parsers."""

import math

import pytest

from pelican_reviews import parsers


@pytest.mark.parametrize(
    ("raw", "rating", "problem"),
    [
        (4, 4.0, None),
        (4.5, 4.5, None),
        ("4.5", 4.5, None),
        (" 3 ", 3.0, None),
        ("3,5", 3.5, None),
        ("4/5", 4.0, None),
        ("8/10", 4.0, None),
        (0, 0.0, None),
        (5, 5.0, None),
        (None, None, None),
        ("", None, None),
        ("abc", None, "is not a number"),
        (True, None, "is not a number"),
        ([4], None, "is not a number"),
        ({"a": 1}, None, "is not a number"),
        (5.5, None, "is outside 0 to 5"),
        (-1, None, "is outside 0 to 5"),
        ("nan", None, "is outside 0 to 5"),
        ("inf", None, "is outside 0 to 5"),
        ("4/0", None, "is outside 0 to 5"),
    ],
)
def test_rating(raw, rating, problem):
    assert parsers.parse_rating(raw, 5) == (rating, problem)


def test_rating_respects_the_maximum():
    assert parsers.parse_rating(9, 10) == (9.0, None)
    assert parsers.parse_rating(9, 5)[0] is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("r1sj0OFXbkE?si=Ii7WIPbc6dPVv95_", ("r1sj0OFXbkE", None)),
        ("r1sj0OFXbkE", ("r1sj0OFXbkE", None)),
        ("https://www.youtube.com/watch?v=r1sj0OFXbkE", ("r1sj0OFXbkE", None)),
        ("https://www.youtube.com/watch?v=r1sj0OFXbkE&t=30s", ("r1sj0OFXbkE", 30)),
        ("https://www.youtube.com/watch?feature=share&v=r1sj0OFXbkE&t=1m5s", ("r1sj0OFXbkE", 65)),
        ("https://m.youtube.com/watch?v=r1sj0OFXbkE", ("r1sj0OFXbkE", None)),
        ("youtube.com/watch?v=r1sj0OFXbkE", ("r1sj0OFXbkE", None)),
        ("https://youtu.be/r1sj0OFXbkE", ("r1sj0OFXbkE", None)),
        ("https://youtu.be/r1sj0OFXbkE?si=abc&t=90", ("r1sj0OFXbkE", 90)),
        ("https://www.youtube.com/embed/r1sj0OFXbkE?start=12", ("r1sj0OFXbkE", 12)),
        ("https://www.youtube-nocookie.com/embed/r1sj0OFXbkE", ("r1sj0OFXbkE", None)),
        ("https://www.youtube.com/shorts/r1sj0OFXbkE", ("r1sj0OFXbkE", None)),
        ("https://www.youtube.com/live/r1sj0OFXbkE?feature=shared", ("r1sj0OFXbkE", None)),
        ("http://www.youtube.com/v/r1sj0OFXbkE", ("r1sj0OFXbkE", None)),
        ("https://www.youtube.com/watch?v=r1sj0OFXbkE&t=1h2m3s", ("r1sj0OFXbkE", 3723)),
        ('<iframe width="560" height="315" src="https://www.youtube.com/embed/r1sj0OFXbkE?si=x&amp;start=7" '
         'title="YouTube video player" frameborder="0" allowfullscreen></iframe>', ("r1sj0OFXbkE", 7)),
        ("<iframe src='https://www.youtube-nocookie.com/embed/r1sj0OFXbkE'>", ("r1sj0OFXbkE", None)),
    ],
)
def test_youtube_forms(raw, expected):
    assert parsers.parse_youtube(raw) == (expected, None)


@pytest.mark.parametrize(
    "raw",
    [
        "short",
        "https://vimeo.com/12345678",
        "https://www.youtube.com/watch?v=tooshort",
        "https://evil.example/watch?v=r1sj0OFXbkE",
        "javascript:alert(1)",
        '<iframe src="https://evil.example/embed/r1sj0OFXbkE"></iframe>',
        '<iframe src="javascript:alert(1)"></iframe>',
        "r1sj0OFXbkE<script>",
        12345678901,
        ["r1sj0OFXbkE"],
        "https://www.youtube.com/channel/UCabcdefghijk",
    ],
)
def test_youtube_rejects(raw):
    assert parsers.parse_youtube(raw) == (None, "is not a YouTube id or URL")


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_youtube_empty_is_silent(raw):
    assert parsers.parse_youtube(raw) == (None, None)


@pytest.mark.parametrize(
    ("raw", "default", "expected"),
    [
        (True, False, (True, None)),
        (False, True, (False, None)),
        ("true", False, (True, None)),
        ("Yes", False, (True, None)),
        ("off", True, (False, None)),
        ("", True, (True, None)),
        (None, True, (True, None)),
        (1, False, (True, None)),
        ("maybe", False, (False, "is not true or false")),
        ([True], False, (False, "is not true or false")),
        (2, True, (True, "is not true or false")),
    ],
)
def test_bool(raw, default, expected):
    assert parsers.parse_bool(raw, default) == expected


@pytest.mark.parametrize(
    ("raw", "split_spaces", "expected"),
    [
        (["2024", "blu-ray", "vinegar syndrome"], True, (["2024", "blu-ray", "vinegar syndrome"], None)),
        ("horror 1979 criterion", True, (["horror", "1979", "criterion"], None)),
        ("drama, slow cinema", True, (["drama", "slow cinema"], None)),
        ("film review", False, (["film review"], None)),
        ("a; b", False, (["a", "b"], None)),
        ([2024, "x", "x"], True, (["2024", "x"], None)),
        (None, True, ([], None)),
        (["ok", {"nested": 1}], True, (["ok"], "has entries that are not text")),
        ({"a": 1}, True, ([], "is not a list or a string")),
    ],
)
def test_string_list(raw, split_spaces, expected):
    assert parsers.parse_string_list(raw, split_spaces=split_spaces) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("assets/images/a.jpg", (("site", "assets/images/a.jpg"), None)),
        ("/assets/images/a.jpg", (("site", "assets/images/a.jpg"), None)),
        ("https://cdn.example/a.jpg", (("url", "https://cdn.example/a.jpg"), None)),
        ("//cdn.example/a.jpg", (("url", "https://cdn.example/a.jpg"), None)),
        ("{static}/images/a.jpg", (("static", "/images/a.jpg"), None)),
        ("{attach}a.jpg", (("static", "a.jpg"), None)),
        (None, (None, None)),
        ("", (None, None)),
        ("javascript:alert(1)", (None, "uses the javascript: scheme, which is not allowed")),
        ("JaVaScRiPt:alert(1)", (None, "uses the javascript: scheme, which is not allowed")),
        ("data:image/png;base64,AAAA", (None, "uses the data: scheme, which is not allowed")),
        ('a.jpg" onerror="x', (None, "has characters that do not belong in a path")),
        ("../../etc/passwd", (None, "climbs out of the site with '..'")),
        (42, (None, "is not an image path or URL")),
    ],
)
def test_classify_image(raw, expected):
    assert parsers.classify_image(raw) == expected


@pytest.mark.parametrize(
    ("rating", "maximum", "stars"),
    [
        (4.5, 5, ("full",) * 4 + ("half",)),
        (4, 5, ("full",) * 4 + ("empty",)),
        (0, 5, ("empty",) * 5),
        (0.5, 5, ("half",) + ("empty",) * 4),
        (3.74, 5, ("full",) * 3 + ("half", "empty")),
        (3.75, 5, ("full",) * 4 + ("empty",)),
        (5, 5, ("full",) * 5),
        (7, 10, ("full",) * 7 + ("empty",) * 3),
    ],
)
def test_star_kinds(rating, maximum, stars):
    assert parsers.star_kinds(rating, maximum) == stars


@pytest.mark.parametrize(("rating", "label"), [(4.0, "4"), (4.5, "4.5"), (3.75, "3.75"), (0.0, "0")])
def test_format_rating(rating, label):
    assert parsers.format_rating(rating) == label


@pytest.mark.parametrize(
    ("raw", "text", "problem"),
    [
        ("  two\n  lines ", "two lines", None),
        (1984, "1984", None),
        (None, "", None),
        (True, "", "is a true/false value, not text"),
        ({"a": 1}, "", "is not text"),
        (["a", "b"], "", "is a list, not text"),
    ],
)
def test_text(raw, text, problem):
    assert parsers.parse_text(raw) == (text, problem)


def test_shorten_cuts_long_values():
    assert len(parsers.shorten("x" * 100_000)) == 60
    assert parsers.shorten("abc") == "'abc'"
    assert not math.isnan(len(parsers.shorten(float("nan"))))


@pytest.mark.parametrize(
    ("raw", "text"),
    [("bell\x07here", "bellhere"), ("esc\x1b", "esc"), ("lone\ud800surrogate", "lonesurrogate"), ("c1\x9bx", "c1x")],
)
def test_text_loses_unwritable_characters_with_a_problem(raw, text):
    assert parsers.parse_text(raw) == (text, parsers.CONTROL_PROBLEM)


@pytest.mark.parametrize(
    ("raw", "items"),
    [("\x1b", []), ("drama\x00, horror", ["drama", "horror"]), (["ok", "bad\x1b"], ["ok", "bad"])],
)
def test_lists_lose_unwritable_characters_with_a_problem(raw, items):
    assert parsers.parse_string_list(raw, split_spaces=True) == (items, parsers.CONTROL_PROBLEM)
