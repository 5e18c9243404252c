"""``pelican-reviews import-jekyll``: a Jekyll blog in, a Pelican site out.

The fixture (tests/fixtures/jekyll_site) is a small Jekyll film blog: a
site-wide ``/:categories/:year/:month/:day/:title:output_ext`` permalink,
per-post permalinks (extensionless ``/review/:title``, trailing slash,
``.html``), a mixed-case file name, a category with a space, a date whose
offset moves it to the previous day in the site's time zone, an apostrophe
in a file name, a category with a ``#`` (a URL the plugin will not write:
redirected), two posts with one permalink (the older one moves and is
pinned), ``redirect_from``, Liquid of every kind, a draft, an unpublished
post and a post with broken YAML.

The old site's URLs are computed here from Jekyll's documented rules, not
with the importer's code; the import then runs for real, the generated
pelicanconf.py is built by Pelican in-process, and every old URL must find
a file in the output.
"""

from __future__ import annotations

import datetime as dt
import math
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import pytest
import yaml
from conftest import build_site

from pelican_reviews import jekyll
from pelican_reviews import jekyll_import as ji
from pelican_reviews.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "jekyll_site"
SITEURL = "https://reviews.example.org"
REPORT_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<level>[a-z]+): (?P<message>.*)$")


# ---------------------------------------------------------------------------
# Jekyll's URLs, from Jekyll's rules (independent of the importer)

STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "none": "/:categories/:title:output_ext",
}


def split_front_matter(text: str) -> dict | None:
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    try:
        return yaml.safe_load(match.group(1)) or {} if match else {}
    except yaml.YAMLError:
        return None


def jekyll_url(file_name: str, front: dict, config: dict) -> str:
    """A post's URL: :title keeps the file name's case (and ' ( ) ! ...),
    :categories are lowered and joined with '/', dates are read in the
    site's time zone, no trailing slash or extension → Jekyll adds .html
    to the file, not to the URL."""
    year, month, day, slug = re.match(r"(\d{4})-(\d\d)-(\d\d)-(.*)\.[a-z]+$", file_name).groups()
    date = dt.datetime(int(year), int(month), int(day))
    if "date" in front:
        given = dt.datetime.strptime(str(front["date"]), "%Y-%m-%d %H:%M:%S %z")
        date = given.astimezone(ZoneInfo(config.get("timezone", "UTC")))
    categories = front.get("categories", [])
    categories = categories.split() if isinstance(categories, str) else list(categories)
    if "category" in front:
        categories.append(front["category"])
    values = {
        "year": f"{date:%Y}", "month": f"{date:%m}", "day": f"{date:%d}",
        "title": re.sub(r"[^A-Za-z0-9._~!$&'()+,;=@]+", "-", slug).strip("-"),
        "categories": "/".join(c.lower() for c in categories),
        "output_ext": ".html",
    }
    pattern = front.get("permalink") or STYLES.get(config.get("permalink", "date"), config.get("permalink"))
    url = re.sub(r":([a-z_]+?)(?=[^a-z_]|$)", lambda m: values[m.group(1)], pattern)
    return "/" + re.sub(r"/+", "/", url).lstrip("/")


def old_site_urls(site: Path) -> dict[str, str]:
    """Every URL of the Jekyll site a visitor or a link may use → why it existed."""
    config = yaml.safe_load((site / "_config.yml").read_text())
    urls: dict[str, str] = {"/": "home page", "/feed.xml": "jekyll-feed"}
    published = 0
    for path in sorted((site / "_posts").iterdir()):
        front = split_front_matter(path.read_text())
        if front is None:  # broken YAML: not a URL anyone can know
            continue
        if front.get("published") is False:
            continue
        published += 1
        urls[jekyll_url(path.name, front, config)] = path.name
        redirects = front.get("redirect_from", [])
        for old in [redirects] if isinstance(redirects, str) else redirects:
            urls[old] = f"redirect_from in {path.name}"
        body = path.read_text().split("---\n", 2)[2]
        for key in ("image", "review-image", "square-image"):
            if key in front:
                urls["/" + front[key].lstrip("/")] = f"{key} of {path.name}"
        for ref in re.findall(r"(?:\]\(|src=\")(?:\{\{ site.baseurl \}\})?([^)\"]+\.png)", body):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(jekyll_url(path.name, front, config)) + "/", ref))
            if (site / resolved.lstrip("/")).is_file():
                urls[resolved] = f"image in {path.name}"
    for page in range(2, math.ceil(published / config["paginate"]) + 1):
        urls[config["paginate_path"].replace(":num", str(page))] = "jekyll-paginate"
    return urls


# The post URLs above, worked out by hand, so the rules above are checked too.
EXPECTED_POST_URLS = {
    "2018-03-09-annihilation.md": "/reviews/2018/annihilation/",
    "2019-04-26-avengers-endgame.md": "/#1 at the box office/2019/04/26/avengers-endgame.html",
    # 2019-09-06-it-chapter-two.md has the same permalink: Jekyll wrote the newer post last
    "2019-09-08-it-chapter-two-second-look.md": "/reviews/it-chapter-two/",
    "2021-01-15-don't-look-up.md": "/reviews/2021/01/15/don't-look-up.html",
    "2022-10-31-the-thing.md": "/horror classics/2022/10/31/the-thing.html",
    "2023-07-21-oppenheimer.markdown": "/reviews/imax/2023/07/21/oppenheimer.html",
    "2023-12-31-best-of-the-year.md": "/2023/best-of/",
    "2024-02-14-Past-Lives.md": "/review/Past-Lives",
    "2024-06-01-perfect-days.md": "/reviews/2024/05/31/perfect-days.html",
    "2024-12-31-best-of-the-year.md": "/lists/2024/12/31/best-of-the-year.html",
    "2025-03-03-red-rooms.md": "/reviews/2025/03/03/red-rooms.html",
}
OLD_URLS = old_site_urls(FIXTURE)


def output_files(url: str) -> list[str]:
    """What serves ``url`` on a static host: x/ → x/index.html; x → x.html or x/index.html."""
    path = unquote(url).lstrip("/")
    if url.endswith("/"):
        return [path + "index.html"]
    if posixpath.splitext(path)[1]:
        return [path]
    return [path + ".html", path + "/index.html"]


def test_the_old_urls_follow_jekylls_rules():
    posts = {why: url for url, why in OLD_URLS.items() if " " not in why and why.endswith((".md", ".markdown"))}
    assert posts == EXPECTED_POST_URLS
    assert {"/page2/", "/page3/", "/best-of-2024/", "/2024/top-ten.html"} <= set(OLD_URLS)


# ---------------------------------------------------------------------------
# One real import and build of the fixture, shared by the tests below


def run(argv: list, capsys=None) -> tuple[int, str]:
    code = main([str(a) for a in argv])
    out = capsys.readouterr().out if capsys is not None else ""
    return code, out


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    target = tmp_path_factory.mktemp("imported") / "pelican_site"
    code = main(["import-jekyll", "--drafts", str(FIXTURE), str(target)])
    return target, code


@pytest.fixture(scope="module")
def built(imported):
    target, _ = imported
    return build_site(target / "content", target.parent / "output", target / "pelicanconf.py")


def report(target: Path) -> list[dict]:
    lines = (target / "import-report.txt").read_text().splitlines()
    return [m.groupdict() for m in map(REPORT_LINE.match, lines) if m]


def test_every_old_url_resolves_in_the_built_site(built):
    missing = {
        url: why for url, why in OLD_URLS.items()
        if not any((built.output / f).is_file() for f in output_files(url))
    }
    assert missing == {}
    assert len(OLD_URLS) >= 20


@pytest.mark.parametrize("url", sorted(OLD_URLS))
def test_old_url(built, url):
    assert any((built.output / f).is_file() for f in output_files(url)), OLD_URLS[url]


def test_posts_that_moved_redirect_to_a_built_page(built):
    """The "#1 at the box office" post: the plugin does not write "#" into URLs, so a redirect page is there."""
    page = (built.output / "#1 at the box office/2019/04/26/avengers-endgame.html").read_text()
    target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', page).group(1)
    assert f'<link rel="canonical" href="{target}">' in page
    assert f'<a href="{target}">' in page
    assert target.startswith(SITEURL + "/")
    assert (built.output / target[len(SITEURL) + 1:]).is_file()


@pytest.mark.parametrize("old", ["best-of-2024/index.html", "2024/top-ten.html"])
def test_redirect_from_pages_lead_to_the_post(built, old):
    page = (built.output / old).read_text()
    assert f"url={SITEURL}/lists/2024/12/31/best-of-the-year.html" in page


def test_the_older_of_two_posts_on_one_url_is_built_at_its_pinned_url(built):
    assert "Twenty-seven years later" in (built.output / "reviews/it-chapter-two-2/index.html").read_text()
    assert "copied from the first review" in (built.output / "reviews/it-chapter-two/index.html").read_text()


def test_internal_links_resolve_to_the_new_urls(built):
    past_lives = (built.output / "review/Past-Lives.html").read_text()
    assert f'href="{SITEURL}/reviews/2025/03/03/red-rooms.html"' in past_lives
    oppenheimer = (built.output / "reviews/imax/2023/07/21/oppenheimer.html").read_text()
    assert f'href="{SITEURL}/2023/best-of/"' in oppenheimer


def test_the_draft_is_a_pelican_draft_and_unpublished_posts_stay_out(built):
    listed = (built.output / "archives.html").read_text() + (built.output / "index.html").read_text()
    assert "Red Rooms" in listed
    assert "Dune Part Three" not in listed  # from _drafts
    assert "Broken" not in listed  # a draft until its front matter is fixed
    assert any("Dune Part Three" in p.read_text() for p in built.html_files())
    assert not [p for p in built.output.rglob("*") if "tenet" in p.name]


def test_highlight_becomes_code_and_raw_stays_literal(built):
    best_of = (built.output / "2023/best-of/index.html").read_text()
    assert "<pre" in best_of and "ranking" in best_of
    assert "{{ page.title }}" in best_of and "{% include card.html %}" in best_of


# ---------------------------------------------------------------------------
# What the import wrote and reported


def test_exit_code_is_1_when_something_needs_attention(imported):
    assert imported[1] == 1


def test_files_written(imported):
    target, _ = imported
    written = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    assert "pelicanconf.py" in written and "import-report.txt" in written
    assert sum(p.startswith("content/posts/") for p in written) == 14  # every post, broken one too
    assert "content/drafts/dune-part-three.md" in written
    assert "content/assets/images/dune.png" in written
    assert "content/assets/images/missing.png" not in written
    for image in (FIXTURE / "assets/images").iterdir():
        assert (target / "content/assets/images" / image.name).read_bytes() == image.read_bytes()


def test_posts_are_copied_as_they_are_except_liquid_and_pins(imported):
    target, _ = imported
    untouched = "2018-03-09-annihilation.md"
    assert (target / "content/posts" / untouched).read_text() == (FIXTURE / "_posts" / untouched).read_text()
    past_lives = (target / "content/posts/2024-02-14-Past-Lives.md").read_text()
    assert "permalink: /review/:title\n" in past_lives  # the plugin builds Jekyll's /review/Past-Lives itself
    assert "({filename}/posts/2025-03-03-red-rooms.md)" in past_lives
    pinned = (target / "content/posts/2019-09-06-it-chapter-two.md").read_text()
    assert 'permalink: "/reviews/it-chapter-two-2/"' in pinned
    assert "permalink: /reviews/it-chapter-two/\n" not in pinned
    draft = (target / "content/drafts/dune-part-three.md").read_text()
    assert draft == (FIXTURE / "_drafts/dune-part-three.md").read_text()


def test_generated_pelicanconf(imported):
    target, _ = imported
    settings = {}
    exec((target / "pelicanconf.py").read_text(), settings)
    import pelican_reviews

    expected = {
        "SITENAME": "Midnight Screenings",
        "SITEURL": SITEURL,
        "AUTHOR": "Ada Critic",
        "TIMEZONE": "UTC",
        "DEFAULT_PAGINATION": 4,
        "PLUGINS": ["pelican_reviews"],
        "THEME": pelican_reviews.THEME_PATH,
        "REVIEWS_PERMALINK": "/:categories/:year/:month/:day/:title:output_ext",
        "FEED_ALL_ATOM": "feed.xml",
    }
    assert {key: settings.get(key) for key in expected} == expected
    assert settings["STATIC_PATHS"] == ["assets", "jekyll-redirects"]
    assert settings["EXTRA_PATH_METADATA"]["drafts"] == {"status": "draft"}


@pytest.mark.parametrize(
    ("file", "line", "level", "text"),
    [
        ("content/posts/2025-03-03-red-rooms.md", 13, "todo", '{% include youtube.html id="dQw4w9WgXcQ" %}'),
        ("content/posts/2025-03-03-red-rooms.md", 15, "todo", "{{ page.title }}"),
        ("content/posts/2025-03-03-red-rooms.md", 15, "todo", "{{ site.title }}"),
        ("content/posts/2023-07-21-oppenheimer.markdown", 6, "todo", "{% if page.rating %}"),
        ("content/posts/2023-07-21-oppenheimer.markdown", 6, "todo", "{{ page.rating }}"),
        ("content/posts/2022-10-31-the-thing.md", 9, "todo", "{{ page.title }}"),  # no pinned line above it any more
        ("content/posts/2023-07-21-oppenheimer.markdown", 8, "warning", "/assets/images/missing.png"),
        ("content/posts/2019-05-05-broken.md", 2, "error", "not valid YAML"),
        ("content/posts/2019-09-06-it-chapter-two.md", 1, "warning", "this post moves to /reviews/it-chapter-two-2/"),
        ("content/posts/2019-04-26-avengers-endgame.md", 1, "note", "redirects to /avengers-endgame.html"),
    ],
)
def test_report_lines(imported, file, line, level, text):
    target, _ = imported
    found = [i for i in report(target) if i["file"] == file and i["level"] == level and text in i["message"]]
    assert [int(i["line"]) for i in found] == [line]
    if level == "todo":  # the line number points at the Liquid in the copied file
        assert text in (target / file).read_text().splitlines()[line - 1]


def test_report_leaves_out_what_was_converted(imported):
    target, _ = imported
    items = report(target)
    assert not [i for i in items if "endif" in i["message"] or "endhighlight" in i["message"]]
    assert not [i for i in items if "best-of-the-year" in i["file"] and i["level"] == "todo"]
    assert not [i for i in items if "{% post_url" in i["message"] or "site.baseurl" in i["message"]]


def test_report_is_printed_too(tmp_path, capsys):
    code, out = run(["import-jekyll", FIXTURE, tmp_path / "site"], capsys)
    assert code == 1
    printed = [line for line in out.splitlines() if REPORT_LINE.match(line)]
    written = [line for line in (tmp_path / "site/import-report.txt").read_text().splitlines() if REPORT_LINE.match(line)]
    assert printed == written and len(printed) >= 8


def test_without_drafts_flag_drafts_are_left_out(tmp_path):
    assert main(["import-jekyll", str(FIXTURE), str(tmp_path / "site")]) == 1
    assert not (tmp_path / "site/content/drafts").exists()
    assert not (tmp_path / "site/content/assets/images/dune.png").exists()
    assert "draft(s) not imported" in (tmp_path / "site/import-report.txt").read_text()


# ---------------------------------------------------------------------------
# Dry run, existing files, partial sites, usage errors


def test_dry_run_writes_nothing(tmp_path, capsys):
    target = tmp_path / "site"
    code, out = run(["import-jekyll", "--drafts", "--dry-run", FIXTURE, target], capsys)
    assert code == 1
    assert not target.exists()
    assert "Dry run" in out
    assert "content/posts/2025-03-03-red-rooms.md" in out
    assert "content/assets/images/red-rooms.png" in out
    assert "redirect" in out and "/best-of-2024/" in out
    assert "pelicanconf.py" in out


def test_existing_files_are_not_overwritten_without_force(tmp_path):
    target = tmp_path / "site"
    main(["import-jekyll", str(FIXTURE), str(target)])
    post = target / "content/posts/2025-03-03-red-rooms.md"
    post.write_text("my edits")
    conf_before = (target / "pelicanconf.py").read_text()

    assert main(["import-jekyll", str(FIXTURE), str(target)]) == 1
    assert post.read_text() == "my edits"
    assert (target / "pelicanconf.py").read_text() == conf_before
    skipped = [i for i in report(target) if i["level"] == "skipped"]
    assert {"file": "content/posts/2025-03-03-red-rooms.md", "line": "1", "level": "skipped",
            "message": "exists; not overwritten (--force overwrites)"} in skipped

    main(["import-jekyll", "--force", str(FIXTURE), str(target)])
    assert "Red Rooms" in post.read_text()
    assert not [i for i in report(target) if i["level"] == "skipped"]


def test_an_own_pelicanconf_is_kept_and_a_fragment_written(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    (target / "pelicanconf.py").write_text("AUTHOR = 'me'\n")
    main(["import-jekyll", "--force", str(FIXTURE), str(target)])
    assert (target / "pelicanconf.py").read_text() == "AUTHOR = 'me'\n"
    fragment = (target / "pelicanconf.jekyll.py").read_text()
    assert "REVIEWS_PERMALINK" in fragment and "copy the ones you want" in fragment
    assert any(i["file"] == "pelicanconf.jekyll.py" and i["level"] == "todo" for i in report(target))


def make_site(root: Path, config: str | None, posts: dict[str, str], files: dict[str, bytes] = {}) -> Path:
    (root / "_posts").mkdir(parents=True)
    if config is not None:
        (root / "_config.yml").write_text(config)
    for name, text in posts.items():
        (root / "_posts" / name).write_text(text)
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


PNG = (FIXTURE / "assets/images/red-rooms.png").read_bytes()


def test_a_clean_site_imports_with_exit_0_and_builds(tmp_path):
    site = make_site(
        tmp_path / "jekyll",
        "title: Clean\nurl: https://clean.example\nbaseurl: /blog\npermalink: pretty\ntimezone: Europe/Paris\n",
        {"2024-05-01-challengers.md": "---\ntitle: Challengers\ncategories: [Tennis]\nimage: /img/c.png\n---\n"
                                      "![Court]({{ site.baseurl }}/img/court.png)\n"},
        {"img/c.png": PNG, "img/court.png": PNG},
    )
    target = tmp_path / "pelican"
    assert main(["import-jekyll", str(site), str(target)]) == 0
    assert "Everything was imported." in (target / "import-report.txt").read_text()
    copied = (target / "content/posts/2024-05-01-challengers.md").read_text()
    assert "![Court](/blog/img/court.png)" in copied
    conf = (target / "pelicanconf.py").read_text()
    assert "SITEURL = 'https://clean.example/blog'" in conf and "TIMEZONE = 'Europe/Paris'" in conf
    assert "REVIEWS_PERMALINK = 'pretty'" in conf and "DEFAULT_PAGINATION = False" in conf
    result = build_site(target / "content", tmp_path / "output", target / "pelicanconf.py")
    for url in ("/tennis/2024/05/01/challengers/", "/img/c.png", "/img/court.png"):
        assert any((result.output / f).is_file() for f in output_files(url)), url


def test_a_missing_config_is_an_error_but_posts_are_imported(tmp_path):
    site = make_site(tmp_path / "jekyll", None, {"2024-05-01-challengers.md": "---\ntitle: Challengers\n---\nText.\n"})
    target = tmp_path / "pelican"
    assert main(["import-jekyll", str(site), str(target)]) == 1
    items = report(target)
    assert [i["level"] for i in items if i["file"].endswith("_config.yml")] == ["error"]
    assert (target / "content/posts/2024-05-01-challengers.md").is_file()
    assert "REVIEWS_PERMALINK = 'date'" in (target / "pelicanconf.py").read_text()


def test_a_broken_post_is_reported_and_the_rest_imported(tmp_path):
    site = make_site(tmp_path / "jekyll", "title: T\n", {
        "2024-01-01-good.md": "---\ntitle: Good\n---\nFine.\n",
        "2024-01-02-bad.md": "---\ntitle: [unclosed\n---\nBody.\n",
        "notes.md": "---\ntitle: Not a post\n---\n",
    })
    target = tmp_path / "pelican"
    assert main(["import-jekyll", str(site), str(target)]) == 1
    items = report(target)
    assert {(i["file"], i["level"]) for i in items if i["level"] in ("error", "warning")} == {
        ("content/posts/2024-01-02-bad.md", "error"),
        (f"{site}/_posts/notes.md", "warning"),
    }
    assert (target / "content/posts/2024-01-01-good.md").is_file()
    assert (target / "content/posts/2024-01-02-bad.md").is_file()  # the plugin builds it as a draft
    assert not (target / "content/posts/notes.md").exists()


def test_jekyll_pages_and_an_empty_posts_folder_are_reported(tmp_path):
    site = make_site(tmp_path / "jekyll", "title: T\nexclude: [drafts-of-pages]\n", {}, {
        "about.md": b"---\ntitle: About\n---\nHi\n",
        "index.html": b"---\nlayout: home\n---\n",
        "drafts-of-pages/x.md": b"---\ntitle: X\n---\n",
        "README.md": b"# no front matter\n",
        "assets/site.css": b"body {}",
    })
    assert main(["import-jekyll", str(site), str(tmp_path / "pelican")]) == 1
    items = {(i["file"].removeprefix(f"{site}/"), i["level"]) for i in report(tmp_path / "pelican")}
    assert items == {("about.md", "todo"), ("_posts", "warning")}


def test_crlf_front_matter_stays_crlf_when_pinned():
    pinned = ji.pin_permalink("---\r\ntitle: A\r\n---\r\nBody\r\n", "x/")
    assert pinned == '---\r\ntitle: A\r\npermalink: "/x/"  # the Jekyll URL, kept by import-jekyll\r\n---\r\nBody\r\n'


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["import-jekyll"],
        ["import-jekyll", "only-one-folder"],
        ["import-jekyll", "/no/such/jekyll/site", "out"],
        ["import-jekyll", "--no-such-flag", str(FIXTURE), "out"],
        ["no-such-command"],
    ],
)
def test_usage_errors_exit_2(argv, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert not (tmp_path / "out").exists()


def test_pelican_site_that_is_a_file_is_a_usage_error(tmp_path):
    (tmp_path / "file").write_text("")
    assert main(["import-jekyll", str(FIXTURE), str(tmp_path / "file")]) == 2


def test_help_exits_0(capsys):
    assert main(["import-jekyll", "--help"]) == 0
    assert "--dry-run" in capsys.readouterr().out


# ---------------------------------------------------------------------------
# Pure parts: Liquid, Jekyll URLs, plans

CONTEXT = ji.LiquidContext(
    baseurl="/blog",
    url="https://ex.org",
    post_links={"2025-03-03-red-rooms": "{filename}/posts/2025-03-03-red-rooms.md"},
    file_links={"_posts/2025-03-03-red-rooms.md": "{filename}/posts/2025-03-03-red-rooms.md"},
)


@pytest.mark.parametrize(
    ("source", "expected", "todos"),
    [
        ("{% highlight python %}\nx = 1\n{% endhighlight %}\n", "```python\nx = 1\n```\n", 0),
        ("Text\n{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}", "Text\n```ruby\nputs 1\n```", 0),
        ("{% highlight md %}\n```\n{% endhighlight %}\n", "````md\n```\n````\n", 0),
        ("{%- highlight sh -%}\nls\n{%- endhighlight -%}\n", "```sh\nls\n```\n", 0),
        ("{% highlight liquid %}\n{% raw %}{{ x }}{% endraw %}\n{% endhighlight %}\n", "```liquid\n{{ x }}\n```\n", 0),
        ("{% highlight liquid %}\n{{ page.url }}\n{% endhighlight %}\n", "```liquid\n{{ page.url }}\n```\n", 1),
        ("{% raw %}{{ a }} {% if b %}{% endraw %}", "{{ a }} {% if b %}", 0),
        ("{%- raw -%}{{ a }}{%- endraw -%}", "{{ a }}", 0),
        ("[R]({% post_url 2025-03-03-red-rooms %})", "[R]({filename}/posts/2025-03-03-red-rooms.md)", 0),
        ("[R]({{ site.baseurl }}{% post_url 2025-03-03-red-rooms %})", "[R]({filename}/posts/2025-03-03-red-rooms.md)", 0),
        ("[R]({{ site.url }}{{ site.baseurl }}{% post_url 2025-03-03-red-rooms %})", "[R]({filename}/posts/2025-03-03-red-rooms.md)", 0),
        ("[R]({% link _posts/2025-03-03-red-rooms.md %})", "[R]({filename}/posts/2025-03-03-red-rooms.md)", 0),
        ("[X]({% post_url 1999-01-01-gone %})", "[X]({% post_url 1999-01-01-gone %})", 1),
        ("![]({{ site.baseurl }}/assets/x.jpg)", "![](/blog/assets/x.jpg)", 0),
        ("![]({{ site.url }}{{ site.baseurl }}/x.jpg)", "![](https://ex.org/blog/x.jpg)", 0),
        ("![]({{ '/assets/x.jpg' | relative_url }})", "![](/blog/assets/x.jpg)", 0),
        ('<a href="{{ "about/" | absolute_url }}">', '<a href="https://ex.org/blog/about/">', 0),
        ("{% comment %}secret{% endcomment %}", "<!--secret-->", 0),
        ("{% include video.html id=1 %}", "{% include video.html id=1 %}", 1),
        ("{{ page.title }} on {{ site.title }}", "{{ page.title }} on {{ site.title }}", 2),
        ("{% if x %}a{% else %}b{% endif %}", "{% if x %}a{% else %}b{% endif %}", 1),
        ("{% for p in site.posts %}{{ p.title }}{% endfor %}", "{% for p in site.posts %}{{ p.title }}{% endfor %}", 2),
        ("{{ site.baseurl | prepend: site.url }}", "{{ site.baseurl | prepend: site.url }}", 1),
        ("{% raw %}never closed", "{% raw %}never closed", 1),
        ("No Liquid at all: {not} {{not", "No Liquid at all: {not} {{not", 0),
    ],
)
def test_liquid_conversion(source, expected, todos):
    converted = ji.convert_liquid(source, CONTEXT)
    assert converted.text == expected
    assert sum(n.level == "todo" for n in converted.notes) == todos


def test_liquid_note_offsets_point_at_the_tag():
    text = "one\ntwo {% include a.html %}\n{% highlight py %}\n{{ page.x }}\n{% endhighlight %}\n"
    converted = ji.convert_liquid(text, CONTEXT)
    lines = converted.text.splitlines()
    for note in converted.notes:
        line = converted.text.count("\n", 0, note.offset)
        assert "{" in lines[line], (note, lines[line])
    assert [converted.text.count("\n", 0, n.offset) + 1 for n in converted.notes if n.level == "todo"] == [2, 4]


MONDAY = "2025-03-03-red-rooms.md"


@pytest.mark.parametrize(
    ("pattern", "front", "expected"),
    [
        ("date", {"categories": ["reviews"]}, "/reviews/2025/03/03/red-rooms.html"),
        ("pretty", {"categories": ["reviews"]}, "/reviews/2025/03/03/red-rooms/"),
        ("ordinal", {"categories": ["reviews"]}, "/reviews/2025/062/red-rooms.html"),
        ("weekdate", {"categories": ["reviews"]}, "/reviews/2025/W10/MON/red-rooms.html"),
        ("none", {"categories": ["reviews"]}, "/reviews/red-rooms.html"),
        ("none", {}, "/red-rooms.html"),
        ("date", {"categories": "Film reviews"}, "/film/reviews/2025/03/03/red-rooms.html"),
        ("date", {"categories": ["Film Reviews"]}, "/film reviews/2025/03/03/red-rooms.html"),
        ("date", {"category": "Film Reviews"}, "/film reviews/2025/03/03/red-rooms.html"),
        ("/:short_month/:long_month/:i_month/:i_day/:short_year/:title", {}, "/MAR/March/3/3/25/red-rooms"),
        ("/:w_year/:w_day/:y_day/:slug/", {}, "/2025/1/062/red-rooms/"),
        ("/:slugified_categories/:title/", {"categories": ["Film Reviews"]}, "/film-reviews/red-rooms/"),
        ("/:year/:title", {"slug": "Red Rooms!"}, "/2025/Red-Rooms!"),
        ("/:year/:slug", {"slug": "Red Rooms!"}, "/2025/red-rooms"),
        ("/:year/:month/:day/:title.html", {"date": "2025-03-03 23:30:00 -0500"}, "/2025/03/04/red-rooms.html"),
        ("/:year_:month/:title", {}, "/2025_03/red-rooms"),
        ("//a/./b//:title", {}, "/a/b/red-rooms"),
    ],
)
def test_jekyll_post_urls(pattern, front, expected):
    data = dict(front)
    if pattern not in jekyll.PERMALINK_STYLES:
        data["permalink"] = pattern
    config = ji.JekyllConfig(permalink=pattern if pattern in jekyll.PERMALINK_STYLES else "date")
    output, problem = ji.jekyll_post_url(ji.post_facts(MONDAY, data), config)
    assert problem is None
    assert "/" + output.url == expected
    assert output == jekyll.output_path(expected)


@pytest.mark.parametrize(
    ("url", "save_as"),
    [("/a/b/", "a/b/index.html"), ("/a/b", "a/b.html"), ("/a/b.html", "a/b.html"), ("/a/b.v2", "a/b.v2.html")],
)
def test_where_jekyll_writes_a_url(url, save_as):
    assert jekyll.output_path(url).save_as == save_as


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        # a site-wide style name is a pattern...
        ("permalink: pretty\n", "/2025/03/03/red-rooms/"),
        # ...but a permalink from front matter defaults is front matter: "pretty" is a path
        ("defaults:\n  - scope: {type: posts}\n    values: {permalink: pretty}\n", "/pretty"),
        ("defaults:\n  - scope: {path: ''}\n    values: {permalink: '/:title/'}\n", "/red-rooms/"),
    ],
)
def test_site_permalink_and_front_matter_defaults(config, expected):
    parsed, _ = ji.parse_config(config, "_config.yml")
    output, _ = ji.jekyll_post_url(ji.post_facts(MONDAY, {}), parsed)
    assert "/" + output.url == expected


def test_unknown_placeholder_has_no_old_url():
    output, problem = ji.jekyll_post_url(ji.post_facts(MONDAY, {"permalink": "/:nope/:title"}), ji.JekyllConfig())
    assert output is None and ":nope" in problem


def in_memory_site(posts: dict[str, str], config: str = "permalink: pretty\n", files=()) -> ji.JekyllSite:
    return ji.JekyllSite(label="site", config_text=config, posts=posts, drafts={}, files=frozenset(files))


def test_two_posts_on_one_url_the_newest_keeps_it_as_in_jekyll():
    plan = ji.plan_import(in_memory_site({
        "2020-01-01-old.md": "---\npermalink: /same/\n---\nOld.\n",
        "2021-01-01-new.md": "---\npermalink: /same/\n---\nNew.\n",
    }))
    texts = {a.dest: a.text for a in plan.actions if a.what == "post"}
    assert "permalink: /same/" in texts["content/posts/2021-01-01-new.md"]
    assert 'permalink: "/same-2/"' in texts["content/posts/2020-01-01-old.md"]
    assert [i.level for i in plan.items if i.file == "content/posts/2020-01-01-old.md"] == ["warning"]


def test_a_post_on_one_of_pelicans_own_pages_moves():
    plan = ji.plan_import(in_memory_site({"2020-01-01-archives.md": "---\npermalink: /archives.html\n---\n"}))
    text = next(a.text for a in plan.actions if a.what == "post")
    assert 'permalink: "/archives-2.html"' in text


def test_a_url_the_plugin_cannot_write_gets_a_redirect():
    site = in_memory_site({"2020-01-01-c-sharp.md": "---\ntitle: C#\ncategories: ['C#']\n---\n"}, "url: https://x.org\n")
    plan = ji.plan_import(site)
    redirect = next(a for a in plan.actions if a.what == "redirect")
    assert redirect.dest == "content/jekyll-redirects/c#/2020/01/01/c-sharp.html"
    assert "url=https://x.org/c-sharp.html" in redirect.text  # Pelican's own URL for the post
    assert plan.settings["EXTRA_PATH_METADATA"] == {
        "jekyll-redirects/c#/2020/01/01/c-sharp.html": {"save_as": "c#/2020/01/01/c-sharp.html"}
    }
    assert "jekyll-redirects" in plan.settings["STATIC_PATHS"]


def test_where_the_plugin_follows_jekyll_nothing_is_pinned_or_redirected():
    """Case and ' in :title, spaces in :categories, dates moved to the site's zone, .html added."""
    site = in_memory_site({
        "2020-01-01-it's.md": "---\ntitle: It's\n---\n",
        "2024-02-14-Past-Lives.md": "---\npermalink: /review/:title\n---\n",
        "2022-10-31-the-thing.md": "---\ncategories: [Horror Classics]\n---\n",
        "2024-06-01-perfect-days.md": "---\ndate: 2024-06-01 01:30:00 +0200\n---\n",
        "2024-06-02-v2.md": "---\npermalink: /a/b.v2\n---\n",
        "2024-06-03-pretty.md": "---\npermalink: pretty\n---\n",
    }, "url: https://x.org\ntimezone: America/New_York\n")
    plan = ji.plan_import(site)
    assert [a.dest for a in plan.actions if a.what == "redirect"] == []
    assert [a.dest for a in plan.actions if a.detail == "pinned permalink"] == []
    assert [i for i in plan.items if "pinned" in i.message or "redirect" in i.message] == []


def test_render_with_liquid_false_is_left_alone():
    plan = ji.plan_import(in_memory_site({"2020-01-01-a.md": "---\nrender_with_liquid: false\n---\n{% include x %}\n"}))
    assert "{% include x %}" in next(a.text for a in plan.actions if a.what == "post")
    assert not [i for i in plan.items if i.level == "todo"]


@pytest.mark.parametrize(
    ("reference", "page_url", "expected"),
    [
        ("/assets/x.png", None, "assets/x.png"),
        ("/blog/assets/x.png", None, "assets/x.png"),
        ("https://ex.org/blog/assets/x.png?v=2#top", None, "assets/x.png"),
        ("x.png", "2020/01/01/post/", "2020/01/01/post/x.png"),
        ("../x.png", "2020/01/01/post.html", "2020/01/x.png"),
        ("/assets/a%20b.png", None, "assets/a b.png"),
        ("https://elsewhere.org/x.png", None, None),
        ("mailto:a@b.c", None, None),
        ("#notes", None, None),
        ("{filename}/posts/x.md", None, None),
        ("../../../../x.png", "a/b.html", "x.png"),  # browsers stop at the root
    ],
)
def test_asset_references(reference, page_url, expected):
    config = ji.JekyllConfig(url="https://ex.org", baseurl="/blog")
    assert ji.site_path_of(reference, page_url=page_url, config=config) == expected


def test_references_found_in_markdown_and_html():
    text = '![a](/a.png "t")\n[b](/b.pdf)\n[c]: /c.png\n<img src="/d.png" srcset="/e.png 2x, /f.png 3x">\n<video poster="/g.jpg">'
    assert [(r.value, r.is_image) for r in ji.find_references(text)] == [
        ("/a.png", True), ("/b.pdf", False), ("/c.png", True),
        ("/d.png", True), ("/e.png", True), ("/f.png", True), ("/g.jpg", True),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntitle: A\n---\nBody\n", '---\ntitle: A\npermalink: "/x/"'),
        ("---\npermalink: /:title/\ntitle: A\n---\nBody\n", '---\npermalink: "/x/"'),
        ("---\n---\nBody\n", '---\npermalink: "/x/"'),
    ],
)
def test_pin_permalink(text, expected):
    pinned = ji.pin_permalink(text, "x/")
    assert pinned.startswith(expected) and pinned.endswith("---\nBody\n")
