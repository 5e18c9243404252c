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
