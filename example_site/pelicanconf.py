"""Settings for the example film-review site (local preview)."""

import pelican_reviews

AUTHOR = "robbie"
SITENAME = "Late Show Reviews"
SITESUBTITLE = "Films worth staying up for, reviewed by someone who did."
SITEURL = ""
# Links work from the dev server (`python3 dev.py serve`) and the test server alike;
# the seed's extensionless permalinks need a server that tries `.html`.
RELATIVE_URLS = True

PATH = "content"
ARTICLE_PATHS = ["reviews", "posts"]
PAGE_PATHS = ["pages"]
# Review images under assets/ are copied by the plugin; STATIC_PATHS keeps
# any other asset (a favicon, a PDF) working the way Jekyll served it.
STATIC_PATHS = ["assets"]

TIMEZONE = "America/Toronto"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%B %-d, %Y"

THEME = pelican_reviews.THEME_PATH
PLUGINS = ["pelican_reviews"]

DEFAULT_PAGINATION = 6
PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": None, "author": None}

# Feeds need absolute URLs: publishconf.py turns them on.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# The social card for pages without one of their own (home, lists, About).
REVIEWS_SOCIAL_IMAGE = "assets/images/site/late-show-reviews-og.jpg"

DISPLAY_CATEGORIES_ON_MENU = False
MENUITEMS = [("Reviews", "/reviews/")]
SOCIAL = [("Letterboxd", "https://letterboxd.com/"), ("Mastodon", "https://mastodon.social/")]
