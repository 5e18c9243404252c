"""``pelican-reviews new "Title"``: a review file with every key, ready to fill in."""

from __future__ import annotations

import datetime as dt
import json

from .jekyll import slugify


def review_file_name(title: str, today: dt.date) -> str:
    return f"{today.isoformat()}-{slugify(title) or 'review'}.md"


def review_template(title: str, author: str, today: dt.date) -> str:
    """Front matter in the Jekyll style the plugin reads, every key present."""
    slug = slugify(title) or "review"
    image_dir = f"assets/images/review/{slug}"
    quoted = json.dumps(title, ensure_ascii=False)  # JSON strings are valid YAML
    return f"""---
layout: review
title: {quoted}
author: {json.dumps(author, ensure_ascii=False)}
date: {today.isoformat()}
categories: ["film review"]
tags: []
image: "{image_dir}/{slug}-og.jpg"
review-image: "{image_dir}/{slug}.jpg"
square-image: "{image_dir}/{slug}-sq.jpg"
image-alt:
description:
featured: false
hidden: false
rating:
comments: true
synopsis:
youtube:
imdb:
director:
year:
published: true
permalink: /review/:title
---
Write your review here.
"""
