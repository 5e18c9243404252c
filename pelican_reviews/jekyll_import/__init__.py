"""``pelican-reviews import-jekyll``: move a Jekyll blog into a Pelican site.

The work is split in three steps, and only the first and last touch files:

1. ``scan_site`` (``files``) reads the Jekyll site into a ``JekyllSite``
   snapshot (config text, post texts, the list of every other file).
2. ``plan_import`` (``plan``, pure) turns the snapshot into a ``Plan``: files
   to copy or write, the settings, and report ``Item``s. ``mark_existing``
   (pure) turns writes onto existing files into skips unless ``--force``.
3. ``execute`` (``files``) writes the plan; ``import_jekyll`` runs the three
   steps.

One module per concern: ``report`` (report lines), ``config``
(``_config.yml``), ``urls`` (old and new URLs; Jekyll's rules themselves are
``pelican_reviews.jekyll``, the plugin's own), ``liquid``, ``assets`` (files
posts reference), ``frontmatter_edits`` (pinning a permalink), ``generated``
(pelicanconf.py, redirect pages), ``plan`` and ``files``.

Where things go in PELICAN_SITE:

* ``content/posts/<path in _posts>``: posts, front matter and body as they were
  except for converted Liquid. The plugin builds URLs by Jekyll's rules, so
  only when it would still compute another URL than Jekyll did (two posts
  on one URL: ``plan._reconcile``) is a ``permalink:`` line pinned to the
  old URL added to the copy's front matter.
* ``content/drafts/<path in _drafts>`` (with ``--drafts``): drafts, untouched
  front matter; ``EXTRA_PATH_METADATA = {"drafts": {"status": "draft"}}``
  makes Pelican treat the whole folder as drafts.
* ``content/<site path>``: every asset a post references, at the path it had
  in the Jekyll site, so its URL is unchanged (``STATIC_PATHS`` lists them).
* ``content/jekyll-redirects/<old file>``: a meta-refresh page for each old
  URL that cannot be kept (a ``redirect_from`` entry, or a URL the plugin
  cannot write); ``EXTRA_PATH_METADATA`` saves each at its old path.
* ``pelicanconf.py`` (``pelicanconf.jekyll.py`` when a pelicanconf.py of the
  user's own exists) and ``import-report.txt``. Existing files are never
  overwritten without ``--force``, except an earlier run's import-report.txt
  (recognised by its first line), which each run replaces.

Report lines read ``file:line: level: what``. Levels ``error``, ``warning``,
``todo`` (Liquid a human must rewrite) and ``skipped`` need attention (exit
code 1); ``note`` does not (exit code 0).
"""

from __future__ import annotations

from .assets import find_references, site_path_of
from .config import JekyllConfig, parse_config
from .files import Result, UsageError, execute, import_jekyll, scan_site
from .frontmatter_edits import pin_permalink
from .generated import pelican_settings, redirect_page, render_pelicanconf
from .liquid import LiquidContext, convert_liquid
from .plan import Action, JekyllSite, Plan, Redirect, format_plan, mark_existing, plan_import
from .report import Item, exit_code, format_report
from .urls import jekyll_post_url, plugin_post_output, post_facts

__all__ = [
    "Action", "Item", "JekyllConfig", "JekyllSite", "LiquidContext", "Plan", "Redirect", "Result",
    "UsageError", "convert_liquid", "execute", "exit_code", "find_references", "format_plan",
    "format_report", "import_jekyll", "jekyll_post_url", "mark_existing", "parse_config",
    "pelican_settings", "pin_permalink", "plan_import", "plugin_post_output", "post_facts",
    "redirect_page", "render_pelicanconf", "scan_site", "site_path_of",
]
