"""The ``pelican-reviews`` command.

Each subcommand is one ``add_*`` function that registers its parser and sets
``handler``: a function taking the parsed arguments and returning the exit
code. To add a subcommand, write its ``add_*`` function and list it in
``SUBCOMMANDS``.

Exit codes: 0 success; 1 the command ran but something needs attention (for
``import-jekyll``: a report line at level error, warning, todo or skipped);
2 usage errors (bad arguments, JEKYLL_SITE not a folder, ...).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

EXIT_OK = 0
EXIT_ATTENTION = 1
EXIT_USAGE = 2


def add_import_jekyll(subparsers) -> None:
    parser = subparsers.add_parser(
        "import-jekyll",
        help="copy a Jekyll blog's posts, assets and settings into a Pelican site",
        description=(
            "Copy _posts (and _drafts with --drafts) into PELICAN_SITE/content, with the "
            "images they use, convert common Liquid, keep every old URL working (redirect "
            "pages where a URL cannot be kept) and write pelicanconf.py. A report of what "
            "needs a human is printed and written to PELICAN_SITE/import-report.txt."
        ),
        epilog="Exit codes: 0 everything imported, 1 something needs attention or was skipped, 2 usage error.",
    )
    parser.add_argument("jekyll_site", metavar="JEKYLL_SITE", type=Path, help="the Jekyll site's folder (with _config.yml)")
    parser.add_argument("pelican_site", metavar="PELICAN_SITE", type=Path, help="the Pelican site's folder (created if missing)")
    parser.add_argument("--drafts", action="store_true", help="also import _drafts, as Pelican drafts")
    parser.add_argument("--dry-run", action="store_true", help="print the plan and the report; write nothing")
    parser.add_argument("--force", action="store_true", help="overwrite files that already exist")
    parser.set_defaults(handler=run_import_jekyll)


def run_import_jekyll(args: argparse.Namespace) -> int:
    from . import jekyll_import

    try:
        result = jekyll_import.import_jekyll(
            args.jekyll_site,
            args.pelican_site,
            drafts=args.drafts,
            dry_run=args.dry_run,
            force=args.force,
        )
    except jekyll_import.UsageError as error:
        print(f"pelican-reviews import-jekyll: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    return result.exit_code


def add_check(subparsers) -> None:
    parser = subparsers.add_parser(
        "check",
        help="lint review front matter without building",
        description="Read every Markdown file under CONTENT_DIR the way the plugin does and print "
        "one line per problem: file:line: field: message.",
        epilog="Exit codes: 0 no problem, 1 problems found, 2 usage error.",
    )
    parser.add_argument("content_dir", metavar="CONTENT_DIR", type=Path, nargs="?", default=Path("content"),
                        help="the content folder (default: content)")
    parser.add_argument("-s", "--settings", type=Path, help="the site's pelicanconf.py, for REVIEWS_* settings, "
                        "TIMEZONE and ARTICLE_PATHS")
    parser.set_defaults(handler=run_check)


def run_check(args: argparse.Namespace) -> int:
    from pelican.settings import DEFAULT_CONFIG, read_settings

    from . import lint
    from .settings import ReviewsSettingsError

    if not args.content_dir.is_dir():
        print(f"pelican-reviews check: error: {args.content_dir} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    try:
        settings = read_settings(str(args.settings)) if args.settings else dict(DEFAULT_CONFIG)
        findings = lint.check_folder(args.content_dir, settings)
    except (OSError, ReviewsSettingsError) as error:
        print(f"pelican-reviews check: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    for finding in findings:
        print(finding)
    return EXIT_ATTENTION if findings else EXIT_OK


def add_new(subparsers) -> None:
    parser = subparsers.add_parser(
        "new",
        help="write a new review file with every key, ready to fill in",
        epilog="Exit codes: 0 written, 1 the file exists already (it is left alone), 2 usage error.",
    )
    parser.add_argument("title", metavar="TITLE", help="the film's title")
    parser.add_argument("--dir", type=Path, default=Path("content/reviews"), help="where to write it (default: content/reviews)")
    parser.add_argument("--author", default="", help="the author's name")
    parser.add_argument("--date", type=_iso_date, default=None, help="the review's date, YYYY-MM-DD (default: today)")
    parser.set_defaults(handler=run_new)


def _iso_date(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date such as 2025-03-03") from None


def run_new(args: argparse.Namespace) -> int:
    import datetime as dt

    from . import scaffold

    today = args.date or dt.date.today()
    path = args.dir / scaffold.review_file_name(args.title, today)
    if path.exists():
        print(f"pelican-reviews new: {path} exists already; leaving it alone", file=sys.stderr)
        return EXIT_ATTENTION
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(scaffold.review_template(args.title, args.author, today), encoding="utf-8")
    print(path)
    return EXIT_OK


SUBCOMMANDS: list[Callable] = [add_import_jekyll, add_check, add_new]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pelican-reviews", description="Tools for pelican-reviews sites.")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in SUBCOMMANDS:
        add(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse exits 2 on bad usage, 0 on --help
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    return args.handler(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
