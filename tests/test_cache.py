"""Pelican's content cache (both layers) gives the same output as a clean build."""

from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "core_site"
SETTINGS = {
    "THEME_TEMPLATES_OVERRIDES": [str(FIXTURE / "templates")],
    "TIMEZONE": "UTC",
    "SITEURL": "https://films.example",
}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("layer", ["reader", "generator"])
def test_cached_rebuild_is_byte_identical(tmp_path, layer):
    from conftest import build_site

    clean = build_site(FIXTURE / "content", tmp_path / "clean", **SETTINGS)
    cache = dict(SETTINGS, CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True, CONTENT_CACHING_LAYER=layer,
                 CACHE_PATH=str(tmp_path / "cache"))
    first = build_site(FIXTURE / "content", tmp_path / "first", **cache)
    assert any((tmp_path / "cache").iterdir()), "the cache was not written"
    second = build_site(FIXTURE / "content", tmp_path / "second", **cache)
    assert snapshot(first.output) == snapshot(clean.output)
    assert snapshot(second.output) == snapshot(clean.output)


@pytest.mark.parametrize("layer", ["reader", "generator"])
def test_editing_one_review_leaves_nothing_stale(tmp_path, layer):
    import shutil

    from conftest import build_site

    content = tmp_path / "content"
    shutil.copytree(FIXTURE / "content", content)
    cache = dict(SETTINGS, CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True, CONTENT_CACHING_LAYER=layer,
                 CACHE_PATH=str(tmp_path / "cache"))
    build_site(content, tmp_path / "out", **cache)
    before = snapshot(tmp_path / "out")

    alien = content / "reviews" / "2025-01-10-alien.md"
    alien.write_text(alien.read_text().replace('rating: "4.5"', "rating: 2").replace("featured: true", "featured: false"))
    rebuilt = build_site(content, tmp_path / "out", **cache)
    clean = build_site(content, tmp_path / "clean", **SETTINGS)

    after = snapshot(rebuilt.output)
    assert after == snapshot(clean.output)
    assert '"rating_text": "2 out of 5"' in rebuilt.read("review/alien.html")
    changed = {path for path in after if before.get(path) != after[path]}
    assert "review/alien.html" in changed and "index.html" in changed  # the review and the lists showing it
