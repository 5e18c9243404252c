"""The wheel carries the plugin, its partials and the bundled theme."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(REPO)],
        check=True,
    )
    [wheel] = out.glob("pelican_reviews-*.whl")
    return set(zipfile.ZipFile(wheel).namelist())


def test_wheel_ships_the_theme(wheel_names):
    theme_files = {n for n in wheel_names if n.startswith("pelican_reviews/theme/")}
    expected = {
        p.relative_to(REPO / "theme").as_posix()
        for p in (REPO / "theme").rglob("*") if p.is_file() and "__pycache__" not in p.parts
    }
    assert expected, "the theme folder is empty"
    assert {n.removeprefix("pelican_reviews/theme/") for n in theme_files} >= expected


def test_wheel_ships_the_partials_and_modules(wheel_names):
    partials = {p.name for p in (REPO / "pelican_reviews" / "templates" / "reviews").glob("*.html")}
    assert partials
    for name in partials:
        assert f"pelican_reviews/templates/reviews/{name}" in wheel_names
    assert "pelican_reviews/reader.py" in wheel_names


def test_theme_path_points_at_a_theme():
    import pelican_reviews

    assert (Path(pelican_reviews.THEME_PATH) / "templates").is_dir()
