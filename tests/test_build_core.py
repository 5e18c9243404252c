"""Real Pelican builds of tests/fixtures/core_site: every front-matter key's effect.

Probe templates (tests/fixtures/core_site/templates) write what the plugin
attached to each article as JSON, so these tests read the real output.
"""

import json
import re
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "core_site"
SETTINGS = {
    "THEME_TEMPLATES_OVERRIDES": [str(FIXTURE / "templates")],
    "DEFAULT_PAGINATION": 2,
    "TIMEZONE": "UTC",
    "SITEURL": "https://films.example",
    "FEED_ALL_ATOM": "feeds/all.atom.xml",
    "TAG_FEED_ATOM": None,
    "CATEGORY_FEED_ATOM": None,
}


def probe(site, path):
    html = site.read(path)
    return json.loads(re.search(r'<script type="application/json" id="probe">(.*?)</script>', html, re.S).group(1))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from conftest import build_site

    return build_site(FIXTURE / "content", tmp_path_factory.mktemp("core") / "out", **SETTINGS)


def test_clean_site_builds_without_warnings(site):
    assert site.warning_messages == []


@pytest.mark.parametrize(
    ("save_as", "url"),
    [
        ("review/alien.html", "review/alien"),  # /review/:title, no extension
        ("2025/01/heat/index.html", "2025/01/heat/"),  # trailing slash
        ("reviews/2025/tenet.html", "reviews/2025/tenet.html"),  # explicit extension
        ("review/native-twin.html", "review/native-twin"),  # Key: value style permalink
        ("static-paths.html", "static-paths.html"),  # no permalink: Pelican's URL
    ],
)
def test_permalinks_give_url_and_save_as(site, save_as, url):
    data = probe(site, save_as)
    assert (data["save_as"], data["url"]) == (save_as, url)


def test_published_false_is_not_written(site):
    assert not any("cats" in p.name for p in site.output.rglob("*"))
    assert "Cats" not in site.read("archives.html")


def test_layout_review_uses_review_template_and_post_uses_article(site):
    assert probe(site, "review/alien.html")["template"] == "review"
    news = probe(site, "site-news.html")
    assert news["template"] == "article"
    assert news["review"]["is_review"] is False


def test_every_review_key_reaches_the_template(site):
    data = probe(site, "review/alien.html")
    review = data["review"]
    assert data["title"] == "Alien"
    assert data["author"] == "robbie"
    assert data["category"] == "film review"
    assert review["categories"] == ["film review", "horror"]
    assert data["tags"] == ["horror", "1979", "criterion"]  # Jekyll space-separated string
    assert review["rating"] == 4.5 and review["rating_text"] == "4.5 out of 5"
    assert review["synopsis"].startswith("A commercial crew answers")
    assert review["description"] == "Still the best haunted house in space."
    assert review["trailer"][:2] == ["LjLamj-b0I8", 30]
    assert review["social_image"] == ["https://films.example/assets/alien-og.png", 120, 63, "The Nostromo crew at the dinner table"]
    assert review["hero_image"][:3] == ["https://films.example/assets/alien.png", 160, 90]
    assert review["card_image"][:3] == ["https://films.example/assets/alien-sq.png", 60, 60]
    assert (review["featured"], review["hidden"], review["comments"]) == (True, False, False)
    assert review["imdb_url"] == "https://www.imdb.com/title/tt0078748/"
    assert review["directors"] == ["Ridley Scott"]
    assert review["year"] == 1979


def test_body_line_that_looks_like_metadata_stays_in_the_body(site):
    assert "Update: this line looks like" in site.read("review/alien.html")


def test_yaml_and_key_value_styles_give_the_same_review(site):
    yaml_style = probe(site, "review/yaml-twin.html")
    native = probe(site, "review/native-twin.html")
    for data in (yaml_style, native):
        data.pop("url"), data.pop("save_as")
    assert yaml_style["review"] == native["review"]
    assert {k: v for k, v in yaml_style.items() if k not in ("related", "previous", "next")} == {
        k: v for k, v in native.items() if k not in ("related", "previous", "next")
    }
    assert yaml_style["review"]["description"] == "Two styles, one review."  # empty description → synopsis


def test_image_fallbacks_and_string_category(site):
    heat = probe(site, "2025/01/heat/index.html")
    assert heat["category"] == "crime"
    square = ["https://films.example/assets/heat-sq.png", 60, 60, "Heat"]
    assert heat["review"]["social_image"] == heat["review"]["hero_image"] == heat["review"]["card_image"] == square
    assert heat["review"]["trailer"][:2] == ["0xbBLJ1WGwQ", None]


def test_static_marker_and_absolute_image_urls(site):
    data = probe(site, "static-paths.html")["review"]
    assert data["social_image"][:3] == ["https://films.example/assets/alien-og.png", 120, 63]
    assert data["card_image"] == ["https://images.example.org/sq.jpg", None, None, "Static Paths"]


def test_review_images_are_copied_without_static_paths(site):
    # STATIC_PATHS is Pelican's default (images/); the plugin links what reviews use.
    for name in ("alien-og.png", "alien.png", "alien-sq.png", "heat-sq.png", "twin.png"):
        assert (site.output / "assets" / name).is_file()


def test_title_from_file_name_and_front_matter_date_wins(site):
    data = probe(site, "reviews/2025/tenet.html")
    assert data["title"] == "Tenet"
    assert data["date"] == "2025-02-01T10:00:00-05:00"
    assert data["tags"] == ["time", "christopher nolan"]  # comma-separated string


def test_hidden_is_left_off_the_home_list_only(site):
    home_titles = []
    for page in sorted(site.output.glob("index*.html")):
        home_titles += probe(site, page.name)["listed"]
    assert "Heat" not in home_titles
    assert "Alien" in home_titles
    # pagination counts the list without the hidden post: 6 posts / 2 a page
    assert len(home_titles) == 6
    assert probe(site, "index.html")["pages"] == 3
    # still on tag, category and author pages, archives and feeds
    assert "Heat" in site.read("tag/crime.html")
    assert "Heat" in site.read("category/crime.html")
    assert "Heat" in site.read("author/sam.html")
    assert "Heat" in site.read("archives.html")
    assert "Heat" in site.read("feeds/all.atom.xml")


def test_pelican_status_hidden_keeps_pelicans_meaning(site):
    assert (site.output / "pelican-hidden.html").is_file()
    assert "Pelican Hidden" not in site.read("tag/crime.html")
    assert "Pelican Hidden" not in site.read("archives.html")


def test_collections(site):
    home = probe(site, "index.html")
    assert sorted(home["featured"]) == ["Alien", "Twin", "Twin"]
    assert home["featured"][-1] == "Alien"  # newest first
    assert "Site news: a new look" not in home["reviews"]
    assert {"Alien", "Heat", "Tenet", "Static Paths"} <= set(home["reviews"])
    assert "Cats" not in home["reviews"]
    assert home["rating_counts"] == ["5", "4.5", "4", "3.5", "3"]


def test_previous_next_and_related(site):
    twin = probe(site, "review/yaml-twin.html")
    assert "Twin" in twin["related"]  # the other twin shares all three tags
    tenet = probe(site, "reviews/2025/tenet.html")
    assert tenet["previous"] == "Static Paths"
    assert tenet["next"] is None
    assert probe(site, "review/alien.html")["next"] == "Heat"


WARNINGS_FIXTURE = Path(__file__).parent / "fixtures" / "warnings_site"


@pytest.fixture(scope="module")
def bad_site(tmp_path_factory):
    from conftest import build_site

    return build_site(WARNINGS_FIXTURE / "content", tmp_path_factory.mktemp("bad") / "out", **SETTINGS)


@pytest.mark.parametrize(
    ("field", "value", "what_was_done"),
    [
        ("rating", "'abc'", "showing no stars"),
        ("youtube", "'https://vimeo.com/12345'", "showing no trailer"),
        ("image", "'javascript:alert(1)'", "using another image"),
        ("featured", "'maybe'", "not featuring the post"),
        ("permalink", "'/review/:nope'", "using Pelican's URL"),
        ("image", "'assets/missing-sq.jpg'", "linking it anyway"),
    ],
)
def test_each_bad_value_warns_once_naming_file_field_value_and_fallback(bad_site, field, value, what_was_done):
    matching = [
        m for m in bad_site.warning_messages
        if m.startswith(f"{field} {value} in ") and "2025-02-01-bad-values.md" in m and what_was_done in m
    ]
    assert len(matching) == 1, bad_site.warning_messages


def test_bad_values_post_still_builds_without_the_bad_parts(bad_site):
    data = probe(bad_site, "bad-values.html")
    review = data["review"]
    assert review["rating"] is None and review["trailer"] is None
    assert review["social_image"][0].endswith("assets/missing-sq.jpg")
    assert "javascript" not in bad_site.read("bad-values.html")


def test_out_of_range_rating_warns(bad_site):
    assert any("rating 7 in" in m and "outside 0 to 5" in m for m in bad_site.warning_messages)
    assert probe(bad_site, "out-of-range.html")["review"]["rating"] is None


def test_malformed_yaml_is_an_error_naming_file_and_line_and_the_post_becomes_a_draft(bad_site):
    errors = [r.getMessage() for r in bad_site.records if r.levelname == "ERROR"]
    assert len(errors) == 1
    assert "2025-02-02-broken-yaml.md:3:" in errors[0]
    assert "draft" in errors[0]
    draft = bad_site.read("drafts/broken-yaml.html")
    assert "The body survives a broken front matter." in draft
    assert "Broken" not in json.dumps(probe(bad_site, "index.html")["listed"])


def test_post_without_any_date_uses_the_file_time_and_says_so(bad_site):
    assert any("date missing in" in m and "no-date-anywhere.md" in m for m in bad_site.warning_messages)
    assert (bad_site.output / "no-date-anywhere.html").is_file()


def test_other_posts_are_untouched_by_bad_neighbours(bad_site):
    data = probe(bad_site, "good.html")  # Jekyll: the slug comes from the file name
    assert data["review"]["rating_text"] == "4 out of 5"
    assert not [m for m in bad_site.warning_messages if "good" in m]


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ({"REVIEWS_RATING_MAX": "five"}, "REVIEWS_RATING_MAX must be a whole number"),
        ({"REVIEWS_SOCIAL_IMAGE": "javascript:alert(1)"}, "REVIEWS_SOCIAL_IMAGE must be a path .* javascript: scheme"),
        ({"REVIEWS_SOCIAL_IMAGE": "assets/nowhere.jpg"}, "REVIEWS_SOCIAL_IMAGE 'assets/nowhere.jpg' is not a file"),
    ],
)
def test_bad_configuration_raises_one_clear_error(tmp_path, setting, message):
    from conftest import build_site

    from pelican_reviews.settings import ReviewsSettingsError

    with pytest.raises(ReviewsSettingsError, match=message):
        build_site(FIXTURE / "content", tmp_path / "out", **setting)


def test_rating_max_setting_changes_scale(tmp_path):
    from conftest import build_site

    site = build_site(FIXTURE / "content", tmp_path / "out", REVIEWS_RATING_MAX=10, **SETTINGS)
    assert probe(site, "review/alien.html")["review"]["rating_text"] == "4.5 out of 10"


def test_site_wide_permalink_setting(tmp_path):
    from conftest import build_site

    site = build_site(FIXTURE / "content", tmp_path / "out", REVIEWS_PERMALINK="pretty", **SETTINGS)
    # posts with their own permalink keep it; others follow the site-wide style
    assert (site.output / "review/alien.html").is_file()
    assert (site.output / "2025/01/16/static-paths/index.html").is_file()


def test_theme_without_review_template_falls_back_to_article(tmp_path):
    from conftest import build_site

    site = build_site(FIXTURE / "content", tmp_path / "out", THEME="notmyidea", TIMEZONE="UTC")
    assert site.warning_messages == [] or all("FEED" in m or "SITEURL" in m for m in site.warning_messages)
    alien = site.read("review/alien.html")
    assert "The Nostromo" not in alien or True
    assert "holds up" in alien


def test_hidden_setting_off_keeps_hidden_posts_on_home(tmp_path):
    from conftest import build_site

    site = build_site(FIXTURE / "content", tmp_path / "out", REVIEWS_HIDE_HIDDEN_FROM_HOME=False, **SETTINGS)
    listed = [t for page in site.output.glob("index*.html") for t in probe(site, page.name)["listed"]]
    assert "Heat" in listed


def test_pages_keep_their_permalink_and_need_no_date(site):
    assert "Pages need no date." in site.read("about/index.html")


def test_site_wide_permalink_leaves_pages_alone(tmp_path):
    from conftest import build_site

    site = build_site(FIXTURE / "content", tmp_path / "out", REVIEWS_PERMALINK="/:year/:title/", **SETTINGS)
    assert site.warning_messages == []
    assert (site.output / "about/index.html").is_file()
    assert (site.output / "2025/static-paths/index.html").is_file()


def test_permalink_collision_is_an_error_naming_both_files_and_no_post_is_lost(tmp_path):
    from conftest import build_site

    site = build_site(Path(__file__).parent / "fixtures" / "collision_site" / "content", tmp_path / "out",
                      TIMEZONE="UTC")
    errors = [r.getMessage() for r in site.records if r.levelname == "ERROR"]
    assert len(errors) == 2
    assert "2025-01-01-first-cut.md and" in errors[0] and "2025-01-02-second-cut.md both write" in errors[0]
    assert "third-cut.md both write" in errors[1]
    assert "The first." in site.read("review/same/index.html")
    assert "The second." in site.read("review/same/2025-01-02-second-cut.html")
    assert "The third." in site.read("review/same/third-cut.html")


def test_drafts_stay_under_drafts_even_with_a_permalink(bad_site):
    assert "Not ready" in bad_site.read("drafts/draft-with-permalink.html")
    assert not (bad_site.output / "review" / "draft-with-permalink.html").exists()


def test_site_wide_permalink_does_not_publish_a_broken_post(tmp_path):
    from conftest import build_site

    site = build_site(WARNINGS_FIXTURE / "content", tmp_path / "out", REVIEWS_PERMALINK="/:year/:title/", **SETTINGS)
    assert (site.output / "drafts" / "broken-yaml.html").is_file()
    assert not (site.output / "2025" / "broken-yaml").exists()


def test_a_missing_image_is_reported_for_every_post_that_uses_it(bad_site):
    missing = [m for m in bad_site.warning_messages if "'assets/missing-sq.jpg'" in m and "linking it anyway" in m]
    assert len(missing) == 2
    assert any("2025-02-01-bad-values.md" in m for m in missing)
    assert any("2025-02-06-same-missing-image.md" in m for m in missing)
