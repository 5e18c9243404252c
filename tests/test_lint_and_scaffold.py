"""`pelican-reviews check` and `pelican-reviews new`, as functions and as commands."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from pelican_reviews import frontmatter, lint, metadata, scaffold
from pelican_reviews.settings import ReviewsSettings

BROKEN = Path(__file__).parent / "fixtures" / "broken_posts"
CORE = Path(__file__).parent / "fixtures" / "core_site" / "content"
SETTINGS = ReviewsSettings.from_pelican({})
PELICAN_DEFAULTS = {"TIMEZONE": "UTC", "ARTICLE_PATHS": [""], "PAGE_PATHS": ["pages"]}


def lines_for(folder):
    return [str(f).replace(str(folder) + "/", "") for f in lint.check_folder(folder, PELICAN_DEFAULTS)]


def test_check_reports_file_line_field_and_message():
    assert lines_for(BROKEN) == [
        "2025-02-01-bad-values.md:4: rating: 'abc' is not a number; showing no stars",
        "2025-02-01-bad-values.md:5: youtube: 'https://vimeo.com/12345' is not a YouTube id or URL; showing no trailer",
        "2025-02-01-bad-values.md:6: image: 'javascript:alert(1)' uses the javascript: scheme, which is not allowed; using another image of the post, if any",
        "2025-02-01-bad-values.md:7: square-image: 'assets/missing-sq.jpg' is not in " + str(BROKEN),
        "2025-02-01-bad-values.md:8: featured: 'maybe' is not true or false; not featuring the post",
        "2025-02-01-bad-values.md:9: permalink: '/review/:nope' uses :nope, which is not a Jekyll placeholder; using Pelican's URL for the post",
        "2025-02-02-broken-yaml.md:3: front matter: not valid YAML: did not find expected ',' or ']'",
        "native-bad.md:3: rating: '11' is outside 0 to 5; showing no stars",
        "native-bad.md:4: youtube: 'not-a-trailer' is not a YouTube id or URL; showing no trailer",
        "native-bad.md:5: permalink: writes review/bad-values.html, as 2025-02-07-fine.md does",
    ]


def test_check_is_quiet_on_a_clean_folder():
    assert lint.check_folder(CORE, PELICAN_DEFAULTS) == []


def test_check_command_exit_codes(tmp_path):
    broken = subprocess.run([sys.executable, "-m", "pelican_reviews.cli", "check", str(BROKEN)], capture_output=True, text=True)
    assert broken.returncode == 1
    assert broken.stdout.count("\n") == 10
    assert "2025-02-01-bad-values.md:4: rating:" in broken.stdout
    clean = subprocess.run([sys.executable, "-m", "pelican_reviews.cli", "check", str(CORE)], capture_output=True, text=True)
    assert (clean.returncode, clean.stdout) == (0, "")


@pytest.mark.parametrize(
    ("text", "values", "lines"),
    [
        ("Title: A\nRating: 4\n\nBody: not metadata", {"title": "A", "rating": "4"}, {"title": 1, "rating": 2}),
        ("Title: A\n    continued\nTags: x\n", {"title": "A continued", "tags": "x"}, {"title": 1, "tags": 3}),
        ("No metadata here", {}, {}),
    ],
)
def test_native_metadata(text, values, lines):
    assert lint.native_metadata(text) == (values, lines)


def test_new_review_has_every_key_and_reads_cleanly():
    text = scaffold.review_template('Heat: "Director\'s" Cut', "robbie", dt.date(2025, 3, 3))
    data = frontmatter.split(text).data
    for key in ("layout", "title", "author", "categories", "tags", "image", "review-image", "square-image",
                "description", "featured", "hidden", "rating", "comments", "synopsis", "youtube", "permalink"):
        assert key in data
    assert data["title"] == 'Heat: "Director\'s" Cut'
    found = metadata.interpret(data, source_name=scaffold.review_file_name(data["title"], dt.date(2025, 3, 3)),
                               static_dir="", settings=SETTINGS, fallback_date=None)
    assert found.problems == []
    assert found.pelican["save_as"] == "review/heat-director-s-cut.html"


def test_new_command_writes_once_and_refuses_to_overwrite(tmp_path):
    command = [sys.executable, "-m", "pelican_reviews.cli", "new", "Red Rooms", "--dir", str(tmp_path), "--date", "2025-03-03"]
    first = subprocess.run(command, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    written = tmp_path / "2025-03-03-red-rooms.md"
    assert written.is_file() and str(written) in first.stdout
    written.write_text(written.read_text() + "My words.\n")
    second = subprocess.run(command, capture_output=True, text=True)
    assert second.returncode == 1
    assert "exists" in second.stderr
    assert written.read_text().endswith("My words.\n")


def test_check_with_the_sites_settings_passes_the_example_site():
    repo = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-m", "pelican_reviews.cli", "check", "example_site/content", "-s", "example_site/pelicanconf.py"],
        capture_output=True, text=True, cwd=repo,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_check_usage_errors(tmp_path):
    missing = subprocess.run([sys.executable, "-m", "pelican_reviews.cli", "check", str(tmp_path / "nope")],
                             capture_output=True, text=True)
    assert missing.returncode == 2 and "is not a folder" in missing.stderr
