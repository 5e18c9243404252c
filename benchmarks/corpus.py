#!/usr/bin/env python3
"""A deterministic corpus of film reviews for benchmarks (seeded random).

    python benchmarks/corpus.py OUT_DIR --reviews 300 [--seed 2025]

writes the same reviews twice, with the same bodies:

    OUT_DIR/yaml/content/reviews/YYYY-MM-DD-slug.md     Jekyll YAML front matter
    OUT_DIR/native/content/reviews/YYYY-MM-DD-slug.md   Pelican ``Key: value`` metadata
    OUT_DIR/*/content/assets/images/review/...          a small pool of real JPEGs

Front matter follows a real post (layout, title, author, categories, tags,
image / review-image / square-image, description, featured, hidden, rating,
comments, synopsis, youtube, permalink ``/review/:title``); bodies are ~600
words with a few Markdown links, IMDb title links among them.

Review ``i`` depends only on the seed and ``i``: the corpus of 300 is the
first 300 reviews of the corpus of 3000. Images are a pool of
``IMAGE_POOL`` films x 3 variants, shared by every review, so a corpus of
thousands of reviews stays a few hundred kilobytes of images.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SEED = 2025
START_DATE = dt.date(2010, 1, 4)
IMAGE_POOL = 4
# (suffix, width, height): social (og), hero (review), card (square).
IMAGE_VARIANTS = (("og", 1200, 630), ("", 1280, 720), ("sq", 600, 600))

AUTHORS = (("robbie", 55), ("sam", 25), ("alex", 12), ("jordan", 8))
CATEGORIES = (("film review", 85), ("tv review", 8), ("retrospective", 7))
FORMATS = (("blu-ray", 50), ("4k", 22), ("streaming", 14), ("dvd", 7), ("theatrical", 5), ("vhs", 2))
LABELS = (
    ("criterion", 14), ("arrow video", 8), ("vinegar syndrome", 6), ("shout factory", 5),
    ("kino lorber", 5), ("a24", 4), ("severin", 3), ("eureka", 3), ("neon", 3),
    ("second sight", 2), ("indicator", 2), ("radiance", 2), ("mubi", 2), ("janus", 1),
    ("grasshopper", 1), ("film movement", 1), ("cohen media", 1), ("umbrella", 1),
)
GENRES = (
    ("horror", 20), ("drama", 18), ("thriller", 12), ("comedy", 9), ("sci-fi", 8),
    ("crime", 7), ("noir", 5), ("documentary", 4), ("western", 3), ("animation", 3),
    ("romance", 3), ("war", 2), ("musical", 2), ("giallo", 2), ("kaiju", 1),
    ("martial arts", 1), ("slasher", 2), ("mystery", 2), ("fantasy", 2), ("satire", 1),
)
THEMES = (
    "french new wave", "slow cinema", "new hollywood", "folk horror", "body horror",
    "neo-noir", "heist", "road movie", "coming of age", "found footage", "erotic thriller",
    "hong kong action", "italian horror", "japanese new wave", "british horror",
    "midnight movie", "cult classic", "festival circuit", "directorial debut", "remake",
    "sequel", "adaptation", "silent era", "pre-code", "technicolor", "restoration",
    "oscar winner", "cannes", "tiff", "sundance", "double feature", "commentary track",
    "steelbook", "boxset", "limited edition", "region b", "rewatch", "first watch",
    "top ten", "guilty pleasure", "overlooked", "one take", "black and white", "anthology",
    "creature feature", "space opera", "time travel", "courtroom", "newsroom", "boxing",
    "chess", "jazz", "heavy metal", "winter", "summer", "halloween", "christmas",
)
WORDS = """
film movie scene shot frame camera light shadow colour grain score sound silence
story plot character performance actor actress director writer cinematographer
editor composer screenplay dialogue image sequence montage close-up wide tracking
handheld static long take cut tension dread beauty violence tenderness humour grief
memory city night street room house window mirror door road car train river sea
forest winter summer rain snow fire blood money power family mother father sister
brother friend lover stranger killer detective witness victim trial case crowd
restoration transfer disc release edition commentary extras booklet packaging
restraint patience rhythm pacing tone mood texture palette frame-rate aspect ratio
haunting beautiful intense quiet loud slow fast strange familiar tender brutal cold
warm bright dark sharp soft patient restless careful reckless honest unreliable
watch feel remember notice return linger follow open close build break hold let
""".split()
LINK_SITES = (
    "https://letterboxd.com/film/{slug}/",
    "https://www.theringer.com/{year}/movies/{slug}",
    "https://youtu.be/{yt}",
    "https://www.criterion.com/films/{num}-{slug}",
    "https://vinegarsyndrome.com/products/{slug}",
    "https://www.rogerebert.com/reviews/{slug}-{year}",
)
TITLE_ADJ = """red blue black white silent hidden last first lost broken burning cold
bright dark endless final golden hollow iron little long lonely midnight naked new
old pale quiet savage secret small strange sweet wild wicked northern southern""".split()
TITLE_NOUN = """rooms road house river night city garden mirror window stranger
hunter winter summer sister brother witness island harbor station tower forest
shadow fire rain storm heart ghost machine mountain valley kingdom tide killer
dance song letter photograph door""".split()
SYLLABLES = "ba be bi bo da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to va ve vi vo".split()
ROMAN = ("II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
YOUTUBE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"


@dataclass(frozen=True)
class FakeReview:
    """One generated review, before it is written in either style."""

    index: int
    title: str
    slug: str
    date: dt.date
    author: str
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    image_pool: int
    description: str
    featured: bool
    hidden: bool
    rating: float
    comments: bool | None  # None: the key is left out
    synopsis: str
    youtube: str | None
    body: str

    @property
    def file_name(self) -> str:
        return f"{self.date.isoformat()}-{self.slug}.md"

    def image(self, variant: str) -> str:
        """``assets/...`` path of this review's image; variant is og, "" or sq."""
        return image_path(self.image_pool, variant)


def image_path(pool: int, variant: str) -> str:
    """Path (from the content root) of one pooled image, as a Jekyll post names it."""
    name = f"film-{pool}"
    suffix = f"-{variant}" if variant else ""
    return f"assets/images/review/{name}/{name}{suffix}.jpg"


def _weighted(rng: random.Random, table) -> str:
    names, weights = zip(*table)
    return rng.choices(names, weights=weights)[0]


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _person(rng: random.Random) -> str:
    return f"{_surname(rng)} {_surname(rng)}"


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _imdb_title(rng: random.Random) -> str:
    return f"tt{rng.randint(10**6, 3 * 10**7):07d}"


def _youtube_id(rng: random.Random) -> str:
    return "".join(rng.choice(YOUTUBE_ALPHABET) for _ in range(11))


def _tags(rng: random.Random, year: int) -> tuple[str, ...]:
    tags = [str(year), _weighted(rng, FORMATS)]
    if rng.random() < 0.55:
        tags.append(_weighted(rng, LABELS))
    for _ in range(rng.choice((1, 1, 2))):
        tags.append(_weighted(rng, GENRES))
    if rng.random() < 0.5:
        # Zipf-like: a few themes are common, most are rare.
        tags.append(THEMES[min(int(rng.paretovariate(0.8)) - 1, len(THEMES) - 1)])
    if rng.random() < 0.35:
        # The long tail: a director tag, mostly used once or twice.
        tags.append(_surname(rng).lower())
    return tuple(dict.fromkeys(tags))


def _body(rng: random.Random, title: str, slug: str, year: int, imdb: str, yt: str) -> str:
    """About 600 words in 5-7 paragraphs, with 4-7 Markdown links."""
    paragraphs = []
    target = rng.randint(500, 560)
    count = rng.randint(5, 7)
    links = [f"[{title}](https://www.imdb.com/title/{imdb}/)"]
    for _ in range(rng.randint(1, 3)):
        links.append(f"[{_person(rng)}](https://www.imdb.com/name/nm{rng.randint(10**6, 2 * 10**7):07d}/)")
    for _ in range(rng.randint(1, 2)):
        site = rng.choice(LINK_SITES)
        links.append(f"[{rng.choice(WORDS)} {rng.choice(WORDS)}]({site.format(slug=slug, year=year, yt=yt, num=rng.randint(100, 9999))})")
    if rng.random() < 0.3:
        links.append(f"[the sequel](https://www.imdb.com/title/{_imdb_title(rng)}/)")
    rng.shuffle(links)
    words_each = target // count
    for p in range(count):
        sentences, written = [], 0
        while written < words_each:
            n = rng.randint(8, 24)
            sentences.append(_sentence(rng, n))
            written += n
        if links and (p < len(links)):
            at = rng.randrange(len(sentences))
            sentences[at] = sentences[at][:-1] + f", as {links[p]} shows."
        if rng.random() < 0.25:
            sentences.append(f"*{title}* earns it.")
        paragraphs.append(" ".join(sentences))
    # Links left over (more links than paragraphs) go in a closing line.
    rest = links[count:]
    if rest:
        paragraphs.append("See also " + ", ".join(rest) + ".")
    return "\n\n".join(paragraphs) + "\n"


def make_reviews(n: int, seed: int = DEFAULT_SEED) -> list[FakeReview]:
    """``n`` reviews; review ``i`` depends only on ``seed`` and ``i``."""
    reviews: list[FakeReview] = []
    seen: dict[str, int] = {}
    date = START_DATE
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")
        pattern = rng.random()
        if pattern < 0.4:
            base = f"{rng.choice(TITLE_ADJ)} {rng.choice(TITLE_NOUN)}".title()
        elif pattern < 0.7:
            base = f"The {rng.choice(TITLE_ADJ)} {rng.choice(TITLE_NOUN)}".title()
        elif pattern < 0.85:
            base = f"{rng.choice(TITLE_NOUN)} of the {rng.choice(TITLE_NOUN)}".title().replace(" Of The ", " of the ")
        else:
            base = f"{_surname(rng)}"
        # Sequels keep titles (and so permalinks) unique.
        seen[base] = seen.get(base, 0) + 1
        title = base if seen[base] == 1 else f"{base} {ROMAN[(seen[base] - 2) % len(ROMAN)]}"
        if seen[base] > len(ROMAN) + 1:
            title = f"{base} {seen[base]}"
        slug = slugify(title)
        date = date + dt.timedelta(days=rng.choice((0, 1, 1, 1, 2, 2, 3, 4)))
        year = rng.choice(range(1950, 2026)) if rng.random() < 0.4 else rng.choice(range(2015, 2026))
        imdb = _imdb_title(rng)
        youtube_id = _youtube_id(rng)
        roll = rng.random()
        youtube = None if roll < 0.15 else youtube_id if roll < 0.6 else f"{youtube_id}?si={_youtube_id(rng)}_{rng.randint(0, 99)}"
        rating = rng.choices([x / 2 for x in range(1, 11)], weights=[1, 1, 2, 3, 5, 8, 12, 14, 9, 4])[0]
        synopsis = " ".join(_sentence(rng, rng.randint(12, 28)) for _ in range(rng.randint(1, 3)))
        reviews.append(
            FakeReview(
                index=i,
                title=title,
                slug=slug,
                date=date,
                author=_weighted(rng, AUTHORS),
                categories=(_weighted(rng, CATEGORIES),),
                tags=_tags(rng, year),
                image_pool=rng.randrange(IMAGE_POOL),
                description=_sentence(rng, rng.randint(12, 22)) if rng.random() < 0.3 else "",
                featured=rng.random() < 0.05,
                hidden=rng.random() < 0.05,
                rating=rating,
                comments=rng.choice((None, True, True, False)),
                synopsis=synopsis,
                youtube=youtube,
                body=_body(rng, title, slug, year, imdb, youtube_id),
            )
        )
    return reviews


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def yaml_text(r: FakeReview) -> str:
    """The review as a Jekyll post: YAML front matter, like the user's own posts."""
    lines = [
        "---",
        "layout: review",
        f"title:  {_q(r.title)}",
        f"author: {r.author}",
        "categories: [ " + ", ".join(_q(c) for c in r.categories) + "]",
        "tags: [" + ", ".join(f"'{t}'" for t in r.tags) + "]",
        f"image: {_q(r.image('og'))}",
        f"review-image: {_q(r.image(''))}",
        f"square-image: {_q(r.image('sq'))}",
        # An empty description is written as the user's posts write it: "description: ".
        "description: " + (_q(r.description) if r.description else ""),
        f"featured: {str(r.featured).lower()}",
        f"hidden: {str(r.hidden).lower()}",
        f"rating: {r.rating:g}",
    ]
    if r.comments is not None:
        lines.append(f"comments: {str(r.comments).lower()}")
    lines.append(f"synopsis: {_q(r.synopsis)}")
    if r.youtube:
        lines.append(f"youtube: {r.youtube}")
    lines += ["permalink: /review/:title", "---"]
    return "\n".join(lines) + "\n" + r.body


def native_text(r: FakeReview) -> str:
    """The same review with Pelican's own ``Key: value`` metadata."""
    lines = [
        f"Title: {r.title}",
        f"Date: {r.date.isoformat()}",
        f"Category: {r.categories[0]}",
        f"Tags: {', '.join(r.tags)}",
        f"Author: {r.author}",
        f"Slug: {r.slug}",
        f"Summary: {r.description or r.synopsis}",
        "Layout: review",
        f"Rating: {r.rating:g}",
        f"Synopsis: {r.synopsis}",
    ]
    if r.description:
        lines.append(f"Description: {r.description}")
    if r.youtube:
        lines.append(f"Youtube: {r.youtube}")
    lines += [
        f"Image: {{static}}/{r.image('og')}",
        f"Review-image: {{static}}/{r.image('')}",
        f"Square-image: {{static}}/{r.image('sq')}",
        f"Featured: {str(r.featured).lower()}",
        f"Hidden: {str(r.hidden).lower()}",
    ]
    if r.comments is not None:
        lines.append(f"Comments: {str(r.comments).lower()}")
    return "\n".join(lines) + "\n\n" + r.body


def jpeg_bytes(width: int, height: int, pool: int, variant: str) -> bytes:
    """A small real JPEG (a two-colour gradient), deterministic for its arguments."""
    from PIL import Image, ImageDraw

    rng = random.Random(f"image:{pool}:{variant}")
    start = tuple(rng.randrange(20, 120) for _ in range(3))
    end = tuple(rng.randrange(120, 240) for _ in range(3))
    # Drawn small and scaled up: smooth gradients compress to a few kilobytes.
    small = Image.new("RGB", (32, 18 if width > height else 32))
    draw = ImageDraw.Draw(small)
    for x in range(small.width):
        t = x / (small.width - 1)
        draw.line([(x, 0), (x, small.height)], fill=tuple(round(a + (b - a) * t) for a, b in zip(start, end)))
    image = small.resize((width, height), Image.BILINEAR)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=60, optimize=True)
    return buffer.getvalue()


def write_images(content: Path) -> list[Path]:
    written = []
    for pool in range(IMAGE_POOL):
        for variant, width, height in IMAGE_VARIANTS:
            path = content / image_path(pool, variant)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(jpeg_bytes(width, height, pool, variant))
            written.append(path)
    return written


STYLES = {"yaml": yaml_text, "native": native_text}


def generate(root: Path, n: int, seed: int = DEFAULT_SEED, styles=("yaml", "native")) -> dict[str, Path]:
    """Write the corpus under ``root``; returns ``{style: content folder}``.

    Folders are emptied first, so the result depends only on ``n`` and ``seed``.
    """
    root = Path(root)
    reviews = make_reviews(n, seed)
    folders = {}
    for style in styles:
        content = root / style / "content"
        if content.exists():
            shutil.rmtree(content)
        posts = content / "reviews"
        posts.mkdir(parents=True)
        render = STYLES[style]
        for review in reviews:
            (posts / review.file_name).write_text(render(review), encoding="utf-8")
        write_images(content)
        folders[style] = content
    return folders


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write yaml/ and native/ into")
    parser.add_argument("--reviews", "-n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--styles", default="yaml,native", help="comma-separated: yaml, native")
    args = parser.parse_args(argv)
    folders = generate(args.out, args.reviews, args.seed, tuple(args.styles.split(",")))
    for style, folder in folders.items():
        print(f"{style}: {args.reviews} reviews in {folder}")


if __name__ == "__main__":
    main()
