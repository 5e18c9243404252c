"""Tables for Jekyll's file names, dates and permalinks.

The expected values follow Jekyll 4's code (UrlDrop, URL, Document#destination,
Utils.slugify), not the plugin's: see pelican_reviews/jekyll.py.
"""

import datetime as dt

import pytest

from pelican_reviews import jekyll

UTC = dt.timezone.utc
PLUS_2 = dt.timezone(dt.timedelta(hours=2))


@pytest.mark.parametrize(
    ("path", "slug", "date"),
    [
        ("_posts/2025-03-03-red-rooms.md", "red-rooms", dt.date(2025, 3, 3)),
        ("2024-1-5-paris-texas.markdown", "paris-texas", dt.date(2024, 1, 5)),
        ("red-rooms.md", "red-rooms", None),
        ("2025-02-30-bad-date.md", "2025-02-30-bad-date", None),
        ("Café Society.md", "café-society", None),
        ("Cafe\u0301 Society.md", "cafe\u0301-society", None),  # decomposed: the accent is kept, not composed
        ("天使.md", "天使", None),
        (":.md", "", None),
    ],
)
def test_file_name(path, slug, date):
    assert jekyll.parse_file_name(path) == jekyll.FileName(slug, date)


@pytest.mark.parametrize(
    ("path", "slug"),
    [
        ("2025-03-03-red-rooms.md", "red-rooms"),
        ("reviews/2024-1-5-Paris, Texas.markdown", "Paris, Texas"),
        ("25-01-05-two-digit-year.md", "two-digit-year"),
        ("2024-01-01-b.v2.md", "b.v2"),
        ("2024-01-01-trailing..md", "trailing"),  # Jekyll drops the dots before the extension
        ("no-date.md", "no-date"),
    ],
)
def test_file_slug(path, slug):
    assert jekyll.file_slug(path) == slug


@pytest.mark.parametrize(
    ("text", "pretty", "cased", "slug"),
    [
        # Utils.slugify's own documented examples
        ("The _config.yml file", False, False, "the-config-yml-file"),
        ("The _config.yml file", True, False, "the-_config.yml-file"),
        ("The _config.yml file", True, True, "The-_config.yml-file"),
        ("Past-Lives", True, True, "Past-Lives"),
        ("Past-Lives", False, False, "past-lives"),
        ("don't look up!", True, True, "don't-look-up!"),
        ("don't look up!", False, False, "don-t-look-up"),
        ("a+b=c@d~e$f&g(h),i;j", True, True, "a+b=c@d~e$f&g(h),i;j"),
        ("100% <fun>", True, True, "100-fun"),
        ("--a  --  b--", False, False, "a-b"),
        ("!!!", False, False, ""),
        ("हिन्दी फ़िल्म", False, False, "हिन्दी-फ़िल्म"),  # vowel signs are marks: kept
        ("x² ½", False, False, "x"),  # only decimal digits count as digits
        ("ÉTÉ", False, False, "été"),
    ],
)
def test_slugify(text, pretty, cased, slug):
    assert jekyll.slugify(text, pretty=pretty, cased=cased) == slug


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-03-03", dt.datetime(2025, 3, 3)),
        ("2025-03-03 10:00:00", dt.datetime(2025, 3, 3, 10)),
        ("2025-03-03 10:00", dt.datetime(2025, 3, 3, 10)),
        ("2025-03-03 10:00:00 -0500", dt.datetime(2025, 3, 3, 10, tzinfo=dt.timezone(dt.timedelta(hours=-5)))),
        ("2025-03-03T10:00:00Z", dt.datetime(2025, 3, 3, 10, tzinfo=UTC)),
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


@pytest.mark.parametrize(
    ("date", "timezone", "expected"),
    [
        (dt.datetime(2024, 6, 1, 1, 30, tzinfo=PLUS_2), "UTC", dt.datetime(2024, 5, 31, 23, 30)),
        (dt.datetime(2024, 6, 1, 1, 30, tzinfo=PLUS_2), "Asia/Tokyo", dt.datetime(2024, 6, 1, 8, 30)),
        (dt.datetime(2024, 6, 1, 1, 30, tzinfo=PLUS_2), "America/New_York", dt.datetime(2024, 5, 31, 19, 30)),
        (dt.datetime(2024, 6, 1, 1, 30, tzinfo=PLUS_2), None, dt.datetime(2024, 6, 1, 1, 30)),
        (dt.datetime(2024, 6, 1, 1, 30, tzinfo=PLUS_2), "Mars/Olympus", dt.datetime(2024, 6, 1, 1, 30)),
        (dt.datetime(2024, 6, 1, 1, 30), "Asia/Tokyo", dt.datetime(2024, 6, 1, 1, 30)),  # no offset: site time
    ],
)
def test_site_time(date, timezone, expected):
    assert jekyll.site_time(date, timezone).replace(tzinfo=None) == expected


# A Monday: day 62 of 2025, ISO week 10.
DATE = dt.datetime(2025, 3, 3, 10, 5, 9)
POST = jekyll.Post(path="reviews/2025-03-03-Red_Rooms!.md", date=DATE, categories=("Film Review", "Horror"))

EVERY_PLACEHOLDER = {
    "title": "Red_Rooms!",
    "slug": "red-rooms",
    "name": "2025-03-03-red-rooms",
    "path": "/reviews/2025-03-03-Red_Rooms!",
    "collection": "posts",
    "categories": "film review/horror",
    "slugified_categories": "film-review/horror",
    "output_ext": ".html",
    "year": "2025",
    "short_year": "25",
    "month": "03",
    "i_month": "3",
    "short_month": "MAR",
    "long_month": "March",
    "day": "03",
    "i_day": "3",
    "y_day": "062",
    "w_year": "2025",
    "week": "10",
    "w_day": "1",
    "short_day": "MON",
    "long_day": "Monday",
    "hour": "10",
    "minute": "05",
    "second": "09",
}


def test_every_placeholder_is_in_the_table():
    assert set(jekyll.placeholders(POST)) == set(EVERY_PLACEHOLDER)


@pytest.mark.parametrize(("name", "value"), sorted(EVERY_PLACEHOLDER.items()))
def test_placeholder(name, value):
    url, problem = jekyll.jekyll_url(f"/x/:{name}/", POST)
    assert (url, problem) == (jekyll.sanitize_url(f"/x/{value}/"), None)


@pytest.mark.parametrize(
    ("date", "w_year", "week", "w_day", "short_day", "y_day"),
    [
        (dt.datetime(2024, 12, 30), "2025", "01", "1", "MON", "365"),  # ISO year ahead of the calendar
        (dt.datetime(2021, 1, 3), "2020", "53", "7", "SUN", "003"),  # and behind it
        (dt.datetime(2024, 12, 31), "2025", "01", "2", "TUE", "366"),  # leap year
    ],
)
def test_week_dates(date, w_year, week, w_day, short_day, y_day):
    url, _ = jekyll.jekyll_url("/:w_year/:week/:w_day/:short_day/:y_day", jekyll.Post("2000-01-01-x.md", date))
    assert url == f"/{w_year}/{week}/{w_day}/{short_day}/{y_day}"


@pytest.mark.parametrize(
    ("style", "url", "save_as"),
    [
        ("date", "film review/horror/2025/03/03/Red_Rooms!.html", "film review/horror/2025/03/03/Red_Rooms!.html"),
        ("pretty", "film review/horror/2025/03/03/Red_Rooms!/", "film review/horror/2025/03/03/Red_Rooms!/index.html"),
        ("ordinal", "film review/horror/2025/062/Red_Rooms!.html", "film review/horror/2025/062/Red_Rooms!.html"),
        ("weekdate", "film review/horror/2025/W10/MON/Red_Rooms!.html", "film review/horror/2025/W10/MON/Red_Rooms!.html"),
        ("none", "film review/horror/Red_Rooms!.html", "film review/horror/Red_Rooms!.html"),
    ],
)
def test_site_wide_styles(style, url, save_as):
    assert jekyll.expand_permalink(style, POST, site_wide=True) == (jekyll.OutputPath(url, save_as), None)
    assert jekyll.jekyll_url(style, POST, site_wide=True) == ("/" + url, None)


def expand(pattern, *, path="2025-03-03-red-rooms.md", date=DATE, slug=None, categories=(), **options):
    return jekyll.expand_permalink(pattern, jekyll.Post(path, date, slug, tuple(categories)), **options)


@pytest.mark.parametrize(
    ("pattern", "post", "options", "url", "save_as"),
    [
        # plain patterns
        ("/review/:title", {}, {}, "review/red-rooms", "review/red-rooms.html"),
        ("/review/:title/", {}, {}, "review/red-rooms/", "review/red-rooms/index.html"),
        ("/review/:title.html", {}, {}, "review/red-rooms.html", "review/red-rooms.html"),
        ("/:year/:month/:day/:title/", {}, {}, "2025/03/03/red-rooms/", "2025/03/03/red-rooms/index.html"),
        ("/:short_year/:i_month/:i_day/:slug", {}, {}, "25/3/3/red-rooms", "25/3/3/red-rooms.html"),
        ("/:year/:hour:minute:second-:title", {}, {}, "2025/100509-red-rooms", "2025/100509-red-rooms.html"),
        ("/:year_:month/:title", {}, {}, "2025_03/red-rooms", "2025_03/red-rooms.html"),
        # 1. :title keeps the file name's case and ._~!$&'()+,;=@; :slug is slugified; slug: overrides both
        ("/review/:title", {"path": "2024-02-14-Past-Lives.md"}, {}, "review/Past-Lives", "review/Past-Lives.html"),
        ("/review/:slug", {"path": "2024-02-14-Past-Lives.md"}, {}, "review/past-lives", "review/past-lives.html"),
        ("/:title/", {"path": "2024-01-01-my_film_(2024).md"}, {}, "my_film_(2024)/", "my_film_(2024)/index.html"),
        ("/:year/:title", {"slug": "Red Rooms!"}, {}, "2025/Red-Rooms!", "2025/Red-Rooms!.html"),
        ("/:year/:slug", {"slug": "Red Rooms!"}, {}, "2025/red-rooms", "2025/red-rooms.html"),
        # 2. :categories only lower-cased; :slugified_categories slugified
        ("/:categories/:title/", {"categories": ["Horror Classics", "IMAX"]}, {},
         "horror classics/imax/red-rooms/", "horror classics/imax/red-rooms/index.html"),
        ("/:slugified_categories/:title/", {"categories": ["Horror Classics"]}, {},
         "horror-classics/red-rooms/", "horror-classics/red-rooms/index.html"),
        ("/:categories/:title/", {"categories": ["Horror", "horror"]}, {}, "horror/red-rooms/", "horror/red-rooms/index.html"),
        # 3. a date with an offset is read in the site's time zone
        ("/:year/:month/:day/:title", {"date": dt.datetime(2024, 6, 1, 1, 30, tzinfo=PLUS_2)}, {"timezone": "UTC"},
         "2024/05/31/red-rooms", "2024/05/31/red-rooms.html"),
        ("/:year/:month/:day/:hour/:title", {"date": dt.datetime(2024, 6, 1, 1, 30, tzinfo=PLUS_2)},
         {"timezone": "Asia/Tokyo"}, "2024/06/01/08/red-rooms", "2024/06/01/08/red-rooms.html"),
        ("/:year/:month/:day/:title", {"date": dt.datetime(2024, 6, 1, 1, 30)}, {"timezone": "America/New_York"},
         "2024/06/01/red-rooms", "2024/06/01/red-rooms.html"),
        # 4. :short_month and :short_day are upper case (strftime "%^b", "%^a")
        ("/:short_month/:short_day/:title", {}, {}, "MAR/MON/red-rooms", "MAR/MON/red-rooms.html"),
        # 5. the placeholders the plugin lacked
        ("/:long_month/:w_year/:w_day/:collection/:name", {}, {},
         "March/2025/1/posts/2025-03-03-red-rooms", "March/2025/1/posts/2025-03-03-red-rooms.html"),
        (":path:output_ext", {"path": "reviews/2025-03-03-red-rooms.md"}, {},
         "reviews/2025-03-03-red-rooms.html", "reviews/2025-03-03-red-rooms.html"),
        # 6. a last segment that does not end in .html gets .html on disk only
        ("/a/b.v2", {}, {}, "a/b.v2", "a/b.v2.html"),
        ("/a/:title.htm", {}, {}, "a/red-rooms.htm", "a/red-rooms.htm.html"),
        ("/a/feed.xml", {}, {}, "a/feed.xml", "a/feed.xml.html"),
        # 7. style names are patterns only site-wide; in front matter they are paths
        ("pretty", {}, {}, "pretty", "pretty.html"),
        ("pretty", {}, {"site_wide": True}, "2025/03/03/red-rooms/", "2025/03/03/red-rooms/index.html"),
        ("/:title/", {}, {"site_wide": True}, "red-rooms/", "red-rooms/index.html"),
        # 8. an apostrophe is a URL character
        ("/reviews/:title.html", {"path": "2021-01-15-don't-look-up.md"}, {},
         "reviews/don't-look-up.html", "reviews/don't-look-up.html"),
        # Jekyll's clean-up: ".." → "/", "./" dropped, runs of "/" made one; %-escapes name the file
        ("//a/./b//:title", {}, {}, "a/b/red-rooms", "a/b/red-rooms.html"),
        ("/:title/", {"slug": "wait..what"}, {}, "wait/what/", "wait/what/index.html"),
        ("/caf%C3%A9/:title/", {}, {}, "café/red-rooms/", "café/red-rooms/index.html"),
        ("/:categories/:title", {}, {}, "red-rooms", "red-rooms.html"),  # no categories
    ],
)
def test_permalink(pattern, post, options, url, save_as):
    assert expand(pattern, **post, **options) == (jekyll.OutputPath(url, save_as), None)


@pytest.mark.parametrize(
    ("pattern", "post", "problem"),
    [
        ("/review/:nope", {}, "uses :nope, which is not a Jekyll placeholder"),
        ("/review/:titles", {}, "uses :titles, which is not a Jekyll placeholder"),
        ("/review/:title__", {}, "uses :title__, which is not a Jekyll placeholder"),
        ("/:year/:title", {"date": None}, "uses :year, but the page has no date"),
        ("/:short_day_/:title", {"date": None}, "uses :short_day, but the page has no date"),
        ("/../../:title", {}, "does not name a page inside the site"),
        ("/a/..", {}, "does not name a page inside the site"),
        ("/:title/", {"slug": ".."}, "does not name a page inside the site"),
        ("/", {}, "does not name a page inside the site"),
        ("/a/.", {}, "does not name a page inside the site"),
        ('/x/:title"><script>', {}, "has characters that do not belong in a URL path"),
        ("/x/:title?page=2", {}, "has characters that do not belong in a URL path"),
        ("/x/:title#top", {}, "has characters that do not belong in a URL path"),
        ("/x/`:title`", {}, "has characters that do not belong in a URL path"),
        ("/x\\:title", {}, "has characters that do not belong in a URL path"),
        ("/x/:title\x7f", {}, "has characters that do not belong in a URL path"),
        ("/x/%0A:title", {}, "has characters that do not belong in a URL path"),
        ("/:categories/:title", {"categories": ["C#"]}, "has characters that do not belong in a URL path"),
        (42, {}, "is not a permalink pattern"),
        ("   ", {}, "is not a permalink pattern"),
        (None, {}, "is not a permalink pattern"),
    ],
)
def test_bad_permalink(pattern, post, problem):
    assert expand(pattern, **post) == (None, problem)


@pytest.mark.parametrize(
    ("pattern", "post", "url"),
    [
        # what Jekyll itself builds, where the plugin refuses to write a page
        ("/../../:title", {}, "/red-rooms"),
        ("/:categories/:title", {"categories": ["C#"]}, "/c#/red-rooms"),
        ("/", {}, "/"),
    ],
)
def test_jekyll_url_is_what_jekyll_builds(pattern, post, url):
    assert jekyll.jekyll_url(pattern, jekyll.Post("2025-03-03-red-rooms.md", DATE, **post)) == (url, None)


@pytest.mark.parametrize(
    ("url", "clean"),
    [
        ("a/b", "/a/b"),
        ("//a///b//", "/a/b/"),
        ("/a/../b", "/a/b"),
        ("/a..b", "/a/b"),
        ("/a/./b/.", "/a/b/."),
        ("/.../x", "/x"),
    ],
)
def test_sanitize_url(url, clean):
    assert jekyll.sanitize_url(url) == clean


@pytest.mark.parametrize(
    ("url", "save_as"),
    [("/a/b/", "a/b/index.html"), ("/a/b", "a/b.html"), ("/a/b.html", "a/b.html"), ("/a/b.v2", "a/b.v2.html"),
     ("/a/b.HTML", "a/b.HTML.html")],
)
def test_output_path(url, save_as):
    assert jekyll.output_path(url) == jekyll.OutputPath(url.lstrip("/"), save_as)


@pytest.mark.parametrize(
    ("front", "categories"),
    [
        ({"categories": "Film reviews"}, ("Film", "reviews")),
        ({"categories": ["Film Reviews", "IMAX"]}, ("Film Reviews", "IMAX")),
        ({"category": "Film Reviews"}, ("Film Reviews",)),
        ({"categories": ["a"], "category": "b c"}, ("a", "b c")),
        ({"categories": ["a", "a", 2024, True, None, {"x": 1}]}, ("a", "2024", "true")),
        ({}, ()),
    ],
)
def test_post_categories(front, categories):
    assert jekyll.post_categories(front) == categories


@pytest.mark.parametrize(
    ("value", "text"),
    [("Red Rooms", "Red Rooms"), (2001, "2001"), ("", None), (None, None), (True, None), (["a"], None)],
)
def test_slug_text(value, text):
    assert jekyll.slug_text(value) == text


@pytest.mark.parametrize(
    ("folder", "posts_folders", "path"),
    [
        ("posts/reviews", ["posts", "drafts"], "reviews/x.md"),
        ("posts", ["posts"], "x.md"),
        ("postscript", ["posts"], "postscript/x.md"),
        ("blog/posts/a", ["blog", "blog/posts"], "a/x.md"),
        ("reviews", [""], "reviews/x.md"),
        ("", [], "x.md"),
    ],
)
def test_post_path(folder, posts_folders, path):
    assert jekyll.post_path(folder, "x.md", posts_folders) == path


def test_post_from_front_matter():
    post = jekyll.post_from_front_matter("2025-03-03-red-rooms.md", {"slug": "Red", "categories": "a b"})
    assert post == jekyll.Post("2025-03-03-red-rooms.md", dt.datetime(2025, 3, 3), "Red", ("a", "b"))
    dated = jekyll.post_from_front_matter("2025-03-03-red-rooms.md", {"date": "2024-06-01 01:30:00 +0200"})
    assert dated.date == dt.datetime(2024, 6, 1, 1, 30, tzinfo=PLUS_2)


def test_title_from_slug():
    assert jekyll.title_from_slug("red-rooms") == "Red Rooms"
