"""The benchmark corpus (benchmarks/corpus.py) is deterministic and reads cleanly.

No timings here: benchmarks/run.py measures; these tests only check that what
it measures is what it claims (the same reviews, read without warnings, at
the same URLs in both builds).
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import REPO_ROOT, build_site

N = 12


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"benchmarks_{name}", REPO_ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


corpus = _load("corpus")
build_one = _load("build_one")


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    return corpus.generate(root, N)


def test_same_seed_same_files(generated, tmp_path):
    again = corpus.generate(tmp_path, N)
    for style in ("yaml", "native"):
        assert tree(again[style]) == tree(generated[style])


def test_a_smaller_corpus_is_the_start_of_a_larger_one():
    assert corpus.make_reviews(5) == corpus.make_reviews(N)[:5]
    assert corpus.make_reviews(5, seed=1) != corpus.make_reviews(5)


def test_both_styles_hold_the_same_reviews_and_bodies(generated):
    yaml_files = tree(generated["yaml"] / "reviews")
    native_files = tree(generated["native"] / "reviews")
    assert yaml_files.keys() == native_files.keys() and len(yaml_files) == N
    for review in corpus.make_reviews(N):
        assert yaml_files[review.file_name].decode().endswith(review.body)
        assert native_files[review.file_name].decode().endswith(review.body)


def test_images_are_shared_real_jpegs(generated):
    images = sorted((generated["yaml"] / "assets").rglob("*.jpg"))
    assert len(images) == corpus.IMAGE_POOL * len(corpus.IMAGE_VARIANTS)
    from pelican_reviews.images import image_size

    sizes = {image_size(p) for p in images}
    assert sizes == {(w, h) for _variant, w, h in corpus.IMAGE_VARIANTS}


def test_the_plugin_reads_every_front_matter_key_without_problems(generated):
    from pelican_reviews import frontmatter, metadata
    from pelican_reviews.settings import ReviewsSettings

    settings = ReviewsSettings.from_pelican({})
    for review in corpus.make_reviews(N):
        text = (generated["yaml"] / "reviews" / review.file_name).read_text(encoding="utf-8")
        split = frontmatter.split(text)
        found = metadata.interpret(
            split.data, source_name=review.file_name, static_dir="reviews", settings=settings, fallback_date=None
        )
        assert found.problems == [], review.file_name
        meta, parsed = found.pelican, found.review
        assert meta["title"] == review.title
        assert meta["tags"] == list(review.tags)
        assert meta["authors"] == [review.author]
        assert meta["url"] == f"review/{review.slug}"
        assert meta["date"].date() == review.date
        assert parsed.is_review and parsed.rating == review.rating
        assert (parsed.featured, parsed.hidden) == (review.featured, review.hidden)
        assert parsed.comments == (review.comments is not False)
        assert (parsed.trailer is not None) == (review.youtube is not None)
        assert parsed.synopsis == review.synopsis
        assert parsed.card_image.src == review.image("sq")


@pytest.mark.parametrize("mode", ["a", "b"])
def test_each_build_reads_its_corpus_without_warnings(generated, tmp_path, mode):
    content = generated[run_style(mode)]
    settings = build_one.settings_for(mode, content, tmp_path / "out")
    for key in ("PATH", "OUTPUT_PATH"):
        settings.pop(key)
    site = build_site(content, tmp_path / "out", **settings)
    assert site.warning_messages == []
    pages = {p.relative_to(site.output).as_posix() for p in (site.output / "review").glob("*.html")}
    assert pages == {f"review/{r.slug}.html" for r in corpus.make_reviews(N)}
    # The images are copied in both builds (STATIC_PATHS in a, the plugin in b).
    assert (site.output / corpus.image_path(0, "sq")).is_file()


def run_style(mode: str) -> str:
    return {"a": "native", "b": "yaml"}[mode]
