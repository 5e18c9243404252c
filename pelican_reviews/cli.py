"""The ``pelican-reviews`` command.

Each subcommand is one ``add_*`` function that registers its parser and sets
``handler``: a function taking the parsed arguments and returning the exit
code. To add a subcommand (``check``, ``new``), write its ``add_*`` function
and list it in ``SUBCOMMANDS``.

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


SUBCOMMANDS: list[Callable] = [add_import_jekyll]


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
