"""Tables for Jekyll's file names, dates and permalinks."""

import datetime as dt

import pytest

from pelican_reviews import jekyll


@pytest.mark.parametrize(
    ("path", "slug", "date"),
    [
        ("_posts/2025-03-03-red-rooms.md", "red-rooms", dt.date(2025, 3, 3)),
        ("2024-1-5-paris-texas.markdown", "paris-texas", dt.date(2024, 1, 5)),
        ("red-rooms.md", "red-rooms", None),
        ("2025-02-30-bad-date.md", "2025-02-30-bad-date", None),
        ("Café Society.md", "café-society", None),
        ("天使.md", "天使", None),
        (":.md", "", None),
    ],
)
def test_file_name(path, slug, date):
    assert jekyll.parse_file_name(path) == jekyll.FileName(slug, date)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-03-03", dt.datetime(2025, 3, 3)),
        ("2025-03-03 10:00:00", dt.datetime(2025, 3, 3, 10)),
        ("2025-03-03 10:00", dt.datetime(2025, 3, 3, 10)),
        ("2025-03-03 10:00:00 -0500", dt.datetime(2025, 3, 3, 10, tzinfo=dt.timezone(dt.timedelta(hours=-5)))),
        ("2025-03-03T10:00:00Z", dt.datetime(2025, 3, 3, 10, tzinfo=dt.timezone.utc)),
        ("2025-03-03T10:00:00+01:00", dt.datetime(2025, 3, 3, 10, tzinfo=dt.timezone(dt.timedelta(hours=1)))),
        (dt.date(2025, 3, 3), dt.datetime(2025, 3, 3)),
        (dt.datetime(2025, 3, 3, 9), dt.datetime(2025, 3, 3, 9)),
        ("March 3, 2025", dt.datetime(2025, 3, 3)),
    ],
)
def test_date(raw, expected):
    assert jekyll.parse_date(raw) == (expected, None)


@pytest.mark.parametrize("raw", ["yesterday", "2025-13-01", 20250303, ["2025-03-03"]])
def test_bad_date(raw):
    assert jekyll.parse_date(raw)[0] is None
    assert "is not a date" in jekyll.parse_date(raw)[1]


DATE = dt.datetime(2025, 3, 3, 10, 5, 9)


@pytest.mark.parametrize(
    ("pattern", "url", "save_as"),
    [
        ("/review/:title", "review/red-rooms", "review/red-rooms.html"),
        ("/review/:title/", "review/red-rooms/", "review/red-rooms/index.html"),
        ("/review/:title.html", "review/red-rooms.html", "review/red-rooms.html"),
        ("/:year/:month/:day/:title/", "2025/03/03/red-rooms/", "2025/03/03/red-rooms/index.html"),
        ("/:short_year/:i_month/:i_day/:slug", "25/3/3/red-rooms", "25/3/3/red-rooms.html"),
        ("/:categories/:title/", "film-review/horror/red-rooms/", "film-review/horror/red-rooms/index.html"),
        ("pretty", "film-review/horror/2025/03/03/red-rooms/", "film-review/horror/2025/03/03/red-rooms/index.html"),
        ("date", "film-review/horror/2025/03/03/red-rooms.html", "film-review/horror/2025/03/03/red-rooms.html"),
        ("ordinal", "film-review/horror/2025/062/red-rooms.html", "film-review/horror/2025/062/red-rooms.html"),
        ("none", "film-review/horror/red-rooms.html", "film-review/horror/red-rooms.html"),
        ("/:year/:hour:minute:second-:title", "2025/100509-red-rooms", "2025/100509-red-rooms.html"),
    ],
)
def test_permalink(pattern, url, save_as):
    path, problem = jekyll.expand_permalink(
        pattern, title_slug="red-rooms", slug="red-rooms", date=DATE, categories=["film review", "Horror"]
    )
    assert problem is None
    assert path == jekyll.OutputPath(url, save_as)


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("/review/:nope", "uses :nope, which is not a Jekyll placeholder"),
        ("/../../:title", "does not name a page inside the site"),
        ("/", "does not name a page inside the site"),
        ('/x/:title"><script>', "has characters that do not belong in a URL path"),
        (42, "is not a permalink pattern"),
    ],
)
def test_bad_permalink(pattern, problem):
    assert jekyll.expand_permalink(pattern, title_slug="t", slug="t", date=DATE, categories=[]) == (None, problem)


def test_title_from_slug():
    assert jekyll.title_from_slug("red-rooms") == "Red Rooms"
