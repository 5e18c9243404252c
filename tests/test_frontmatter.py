"""Splitting YAML front matter from the body, and naming the line of a YAML error."""

import datetime as dt

import pytest

from pelican_reviews import frontmatter


def test_seed_shape():
    text = "---\nlayout: review\ntitle:  \"Red Rooms\"\nrating: 4.5\ndescription: \n---\nBody line\n"
    split = frontmatter.split(text)
    assert split.data == {"layout": "review", "title": "Red Rooms", "rating": 4.5, "description": None}
    assert split.body == "Body line\n"
    assert split.body_line == 7


@pytest.mark.parametrize(
    "text",
    ["Title: Native\n\nBody", "Body only", "--- not a block\n", "\n---\ntitle: late\n---\n"],
)
def test_no_front_matter(text):
    assert frontmatter.split(text) is None


def test_yaml_types_survive():
    split = frontmatter.split("---\ndate: 2025-03-03\ntags: [a, b]\nfeatured: yes\n---\n")
    assert split.data == {"date": dt.date(2025, 3, 3), "tags": ["a", "b"], "featured": True}


def test_crlf_and_bom():
    split = frontmatter.split("\ufeff---\r\ntitle: X\r\n---\r\nBody\r\n")
    assert split.data == {"title": "X"}
    assert split.body == "Body\r\n"


def test_empty_block():
    assert frontmatter.split("---\n---\nBody").data == {}


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\ntitle: ok\nrating: [4\n---\nBody", 3),
        ("---\ntitle: ok\n  bad: indent\n---\nBody", 3),
        ("---\ntitle: \"unclosed\n---\nBody", 2),
    ],
)
def test_malformed_yaml_names_the_line(text, line):
    with pytest.raises(frontmatter.FrontMatterError) as caught:
        frontmatter.split(text)
    assert caught.value.line == line
    assert caught.value.body == "Body"


def test_non_mapping_is_an_error():
    with pytest.raises(frontmatter.FrontMatterError):
        frontmatter.split("---\n- a\n- b\n---\nBody")
