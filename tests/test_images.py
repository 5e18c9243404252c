"""Reading image sizes from file headers."""

import pytest
from PIL import Image

from pelican_reviews.images import image_size


@pytest.mark.parametrize(
    ("fmt", "options"),
    [
        ("JPEG", {}),
        ("JPEG", {"progressive": True}),
        ("PNG", {}),
        ("GIF", {}),
        ("WEBP", {}),
        ("WEBP", {"lossless": True}),
    ],
)
def test_sizes(tmp_path, fmt, options):
    path = tmp_path / f"image.{fmt.lower()}"
    Image.new("RGB", (321, 123), "purple").save(path, fmt, **options)
    assert image_size(path) == (321, 123)


def test_webp_with_alpha_uses_extended_header(tmp_path):
    path = tmp_path / "alpha.webp"
    Image.new("RGBA", (640, 360), (1, 2, 3, 100)).save(path, "WEBP")
    assert image_size(path) == (640, 360)


@pytest.mark.parametrize("data", [b"", b"not an image", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n"])
def test_unreadable(tmp_path, data):
    path = tmp_path / "bad.jpg"
    path.write_bytes(data)
    assert image_size(path) is None


def test_missing_file(tmp_path):
    assert image_size(tmp_path / "none.jpg") is None
