"""Splitting YAML front matter from the body, and naming the line of a YAML error."""

import datetime as dt
import os
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pelican_reviews import frontmatter, simple_yaml


REPO = Path(__file__).resolve().parents[1]
SITE_SEED = REPO / "example_site" / "content" / "reviews" / "2025-03-03-red-rooms.md"
USER_SEED = REPO.parent / "shared" / "seed" / "red-rooms.md"


def test_the_users_post_is_in_the_example_site_unchanged():
    if not USER_SEED.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{USER_SEED} is missing: CI runs with ../shared beside the checkout")
        pytest.skip("../shared/seed is not beside this checkout")
    assert SITE_SEED.read_bytes() == USER_SEED.read_bytes()


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


# The block as one regular expression: the plain statement of what
# find_block finds (with two cheaper searches).
REFERENCE_BLOCK = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(?P<yaml>.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["---", "...", "----", "--- ", "\ufeff---", "a: 1", "", " ", "\r", "x---"]), max_size=7),
       st.sampled_from(["\n", "\r\n"]))
def test_find_block_matches_the_reference_pattern(lines, newline):
    text = newline.join(lines)
    expected = REFERENCE_BLOCK.match(text)
    found = frontmatter.find_block(text)
    if expected is None:
        assert found is None
    else:
        assert (found.yaml_start, found.yaml_end, found.end) == (*expected.span("yaml"), expected.end())


def test_non_mapping_is_an_error():
    with pytest.raises(frontmatter.FrontMatterError):
        frontmatter.split("---\n- a\n- b\n---\nBody")


# ---------------------------------------------------------------- the fast reader
# simple_yaml reads plain "key: value" blocks without PyYAML; whenever it
# answers, the answer must be PyYAML's, types included (True is not 1).


TRICKY_VALUES = [
    "", "4", "4.5", "-1", "+3", "0x1F", "0o17", "017", "1_000", "1:30", "1e3", ".5", "4.", ".nan", ".inf",
    "2025-03-03", "2025-03-03 10:00:00 -0500", "2025-3-3", "yes", "No", "on", "OFF", "y", "true", "False",
    "null", "Null", "~", "=", "<<", "'it''s'", '"a\\"b"', '"tab\\tbed"', '"plain"', "'single'", '"a" b',
    "[]", "[ ]", "['a', \"b\"]", "[a, b]", "[a,]", "[a,,b]", "[a: b]", "[1, 2.5, yes, null]", "[ \"film review\"]",
    "{a: 1}", "|", "> x", "- x", "-x", "&a x", "*a", "!!str 1", "a # c", "a#c", "a: b", "a:", "a :b",
    "http://x.y/z?a=b", "/review/:title", "r1sj0OFXbkE?si=Ii7WIPbc6dPVv95_", "It's", "é", "a\tb", "...", "---",
    "%x", "@x", "`x`", "?x", "? x", ",x", "Paris, Texas", "4/5", "\u0085x", "\x07", "2025-02-30",
    "2025-13-01 10:00:00",
]
KEYS = ["title", "rating", "tags", "review-image", "square_image", "yes", "No", "on", "null", "True", "x", "1", "a b"]
SEPARATORS = ["", " ", "  ", "\t", " \t"]


@st.composite
def front_matter_lines(draw):
    key = draw(st.sampled_from(KEYS) | st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,8}", fullmatch=True))
    value = draw(st.sampled_from(TRICKY_VALUES) | st.text(alphabet=" a1:#'\"[]{},-.?!&*|>%@`\\\t~=é_/", max_size=12))
    line = key + ":" + draw(st.sampled_from(SEPARATORS)) + value + draw(st.sampled_from(["", " ", "\t"]))
    return draw(st.sampled_from(["", "", "", " ", "# note\n", "\n"])) + line


def pyyaml(text):
    """What frontmatter.split gets from PyYAML (dates the calendar lacks stay text)."""
    try:
        return yaml.load(text, Loader=yaml.CSafeLoader)
    except ValueError:
        return yaml.load(text, Loader=frontmatter.TextDatesLoader)


@settings(max_examples=1500, deadline=None)
@given(st.lists(front_matter_lines(), max_size=6))
def test_fast_reader_agrees_with_pyyaml(lines):
    text = "\n".join(lines)
    fast = simple_yaml.load(text)
    if fast is None:
        return  # left to PyYAML
    expected = pyyaml(text) or {}
    assert repr(fast) == repr(expected)


@pytest.mark.parametrize("value", TRICKY_VALUES)
@pytest.mark.parametrize("separator", SEPARATORS)
def test_fast_reader_agrees_on_each_value(value, separator):
    text = f"title: x\nkey:{separator}{value}\nrating: 4.5"
    fast = simple_yaml.load(text)
    try:
        expected = pyyaml(text)
    except yaml.YAMLError:
        assert fast is None
        return
    assert fast is None or repr(fast) == repr(expected)


def test_fast_reader_takes_the_seed_and_declines_the_rest():
    seed = SITE_SEED.read_text(encoding="utf-8")
    block = seed.split("---\n")[1]
    assert simple_yaml.load(block) == yaml.safe_load(block)
    for text in ("title: x\n  more: y", "# comment\ntitle: x", "title: |\n  text", "tags:\n  - a", "a: &x 1"):
        assert simple_yaml.load(text) is None


@pytest.mark.parametrize(
    "text",
    ["---\ndate: 2025-02-30\n---\n", "---\n# a comment sends this block to PyYAML\ndate: 2025-02-30\n---\n"],
)
def test_a_date_the_calendar_lacks_stays_text_for_the_date_parser_to_refuse(text):
    assert frontmatter.split(text).data == {"date": "2025-02-30"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("---\ntitle: x\n\nBody", True), ("---\ntitle: x\n---\nBody", False), ("Title: x\n\nBody", False)],
)
def test_unclosed_block(text, expected):
    assert frontmatter.unclosed(text) is expected
