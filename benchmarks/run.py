#!/usr/bin/env python3
"""Benchmark pelican-reviews against plain Pelican on the same generated corpus.

    .venv/bin/python benchmarks/run.py --sizes 300,1000,3000 --pairs 3
    .venv/bin/python benchmarks/run.py --rebuild --sizes 3000 --pairs 3
    .venv/bin/python benchmarks/run.py --profile --sizes 1000

Default mode: for each size N, the same N reviews (benchmarks/corpus.py) are
built (a) by plain Pelican with its ``notmyidea`` theme from ``Key: value``
metadata, no plugin, and (b) by ``pelican_reviews`` with its bundled theme
from YAML front matter. Each build runs in a fresh process
(benchmarks/build_one.py) into an empty output folder; a and b alternate
(a b, b a, a b ...). Reported: median wall time and peak memory over the
pairs, the median of the per-pair ratios b/a, and ms per review.

``--rebuild``: with Pelican's content cache on (CACHE_CONTENT +
LOAD_CONTENT_CACHE) at each ``--layers`` layer, a cold build (empty cache)
and a rebuild after one review's body was edited; reports rebuild/cold.

``--profile``: one cProfile'd build of a and b at each size; prints where
the time goes (cumulative time of the main steps, as a share of the build)
and keeps the .prof files in the work folder.

Timings are wall-clock seconds of the whole ``python build_one.py`` process
(interpreter start, imports, build), what a user waits for.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

STYLE = {"a": "native", "b": "yaml"}
GOALS = {"time_ratio": 1.00, "rss_ratio": 1.15, "rebuild_ratio": 0.35}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


FEEDS = False  # --feeds: Pelican's default feeds in both builds


def build(mode: str, content: Path, work: Path, *, cache_dir=None, cache_layer=None,
          profile=None, profile_out=None, clean_output=True) -> dict:
    """One build in a fresh process; returns build_one's JSON plus ``wall_s``.

    Stops the benchmark when the build read fewer posts than the corpus holds
    (a broken plugin is fast, and its numbers mean nothing).
    """
    output = work / f"out-{mode}"
    result_file = work / f"result-{mode}.json"
    if clean_output and output.exists():
        shutil.rmtree(output)
    result_file.unlink(missing_ok=True)
    command = [sys.executable, str(HERE / "build_one.py"), "--mode", mode, "--content", str(content),
               "--output", str(output), "--result", str(result_file)]
    if cache_dir is not None:
        command += ["--cache-dir", str(cache_dir), "--cache-layer", cache_layer]
    if profile:
        command += ["--profile", profile, "--profile-out", str(profile_out)]
    if FEEDS:
        command.append("--feeds")
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"build {mode} of {content} failed:\n{done.stderr}")
    result = json.loads(result_file.read_text())
    result["wall_s"] = wall
    if result["warnings"]:
        log(f"  ! build {mode}: {len(result['warnings'])} warning(s), first: {result['warnings'][0]}")
    expected = len(list((content / "reviews").glob("*.md")))
    if result["articles"] != expected:
        raise SystemExit(f"build {mode} of {content} read {result['articles']} posts of {expected}; "
                         f"first warnings: {result['warnings'][:3]}")
    return result


def prepare(work: Path, n: int, seed: int) -> dict[str, Path]:
    start = time.perf_counter()
    folders = corpus.generate(work / f"corpus-{n}", n, seed)
    log(f"corpus of {n} reviews written in {time.perf_counter() - start:.1f}s")
    return folders


def compare(work: Path, sizes: list[int], pairs: int, seed: int) -> list[dict]:
    rows = []
    # Untimed warm-up: byte-compiles modules, fills the OS file cache.
    warm = prepare(work, 20, seed)
    for mode in "ab":
        build(mode, warm[STYLE[mode]], work)
    for n in sizes:
        folders = prepare(work, n, seed)
        runs = {"a": [], "b": []}
        for pair in range(pairs):
            for mode in ("ab" if pair % 2 == 0 else "ba"):
                result = build(mode, folders[STYLE[mode]], work)
                runs[mode].append(result)
                log(f"N={n} pair {pair + 1}/{pairs} {mode}: {result['wall_s']:.2f}s, "
                    f"{result['peak_rss_mb']:.0f} MB")
        rows.append(summarise(n, runs))
        shutil.rmtree(work / f"corpus-{n}")
    return rows


def summarise(n: int, runs: dict[str, list[dict]]) -> dict:
    med = statistics.median
    a, b = runs["a"], runs["b"]
    row = {
        "reviews": n,
        "pairs": len(a),
        "a_s": med(r["wall_s"] for r in a),
        "b_s": med(r["wall_s"] for r in b),
        "time_ratio": med(rb["wall_s"] / ra["wall_s"] for ra, rb in zip(a, b)),
        "a_mb": med(r["peak_rss_mb"] for r in a),
        "b_mb": med(r["peak_rss_mb"] for r in b),
        "rss_ratio": med(rb["peak_rss_mb"] / ra["peak_rss_mb"] for ra, rb in zip(a, b)),
        "a_cpu_s": med(r["cpu_s"] for r in a),
        "b_cpu_s": med(r["cpu_s"] for r in b),
        "cpu_ratio": med(rb["cpu_s"] / ra["cpu_s"] for ra, rb in zip(a, b)),
        # On a shared machine noise only ever adds time: the fastest build of
        # each is the least disturbed, and the spread shows how noisy it was.
        "a_min_s": min(r["wall_s"] for r in a),
        "b_min_s": min(r["wall_s"] for r in b),
        "a_max_s": max(r["wall_s"] for r in a),
        "b_max_s": max(r["wall_s"] for r in b),
        "phases": {
            mode: {k: med(r["phases_s"].get(k, 0.0) for r in runs[mode]) for k in runs[mode][0]["phases_s"]}
            for mode in "ab"
        },
        "warnings": {mode: sum(len(r["warnings"]) for r in runs[mode]) for mode in "ab"},
    }
    row["a_ms_per_review"] = row["a_s"] / n * 1000
    row["b_ms_per_review"] = row["b_s"] / n * 1000
    return row


def markdown_table(rows: list[dict]) -> str:
    lines = [
        "| Reviews | Plain Pelican (a) | pelican-reviews (b) | Time b/a | Peak memory a | Peak memory b | Memory b/a | ms per review a / b |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['reviews']:,} | {r['a_s']:.2f} s | {r['b_s']:.2f} s | {r['time_ratio']:.2f} | "
            f"{r['a_mb']:.0f} MB | {r['b_mb']:.0f} MB | {r['rss_ratio']:.2f} | "
            f"{r['a_ms_per_review']:.1f} / {r['b_ms_per_review']:.1f} |"
        )
    if len(rows) >= 2:
        first, last = rows[0], rows[-1]
        span = last["reviews"] - first["reviews"]
        marginal = {m: (last[f"{m}_s"] - first[f"{m}_s"]) / span * 1000 for m in "ab"}
        lines.append("")
        lines.append(
            f"Marginal cost per review from {first['reviews']:,} to {last['reviews']:,} reviews: "
            f"a {marginal['a']:.1f} ms, b {marginal['b']:.1f} ms."
        )
    return "\n".join(lines)


def phase_table(rows: list[dict]) -> str:
    lines = ["| Reviews | Build | CPU (user + sys) | read articles | write articles | static | rest (start-up, settings, plugins) |",
             "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        for mode in "ab":
            p = r["phases"][mode]
            total = r[f"{mode}_s"]
            static = p.get("read static", 0) + p.get("write static", 0)
            main = p.get("read articles", 0) + p.get("write articles", 0) + static + p.get("read pages", 0) + p.get("write pages", 0)
            lines.append(f"| {r['reviews']:,} | {mode} | {r[f'{mode}_cpu_s']:.2f} s | {p.get('read articles', 0):.2f} s | "
                         f"{p.get('write articles', 0):.2f} s | {static:.2f} s | {total - main:.2f} s |")
    return "\n".join(lines)


def goals(rows: list[dict]) -> list[str]:
    out = []
    last = rows[-1]
    ok = last["time_ratio"] <= GOALS["time_ratio"]
    out.append(f"time b/a at N={last['reviews']}: {last['time_ratio']:.2f} (goal <= {GOALS['time_ratio']:.2f}): "
               + ("met" if ok else "NOT met") + f"; CPU time b/a {last['cpu_ratio']:.2f}")
    for r in rows:
        out.append(f"N={r['reviews']}: fastest b / fastest a {r['b_min_s'] / r['a_min_s']:.2f}; "
                   f"builds ranged a {r['a_min_s']:.2f}-{r['a_max_s']:.2f} s, b {r['b_min_s']:.2f}-{r['b_max_s']:.2f} s "
                   f"(the spread is the machine's noise)")
    worst = max(r["rss_ratio"] for r in rows)
    out.append(f"peak memory b/a, worst size: {worst:.2f} (goal <= {GOALS['rss_ratio']:.2f}): "
               + ("met" if worst <= GOALS["rss_ratio"] else "NOT met"))
    if len(rows) >= 2:
        for mode in "ab":
            costs = [r[f"{mode}_ms_per_review"] for r in rows]
            growth = costs[-1] / costs[0]
            out.append(f"ms per review {mode}: " + " -> ".join(f"{c:.1f}" for c in costs)
                       + f" (x{growth:.2f} from smallest to largest; flat means <= 1.10): "
                       + ("met" if growth <= 1.10 else "NOT met"))
    return out


# ---------------------------------------------------------------- rebuild


def edit_one_review(content: Path) -> Path:
    """Append a sentence to the body of the middle review (by file name)."""
    files = sorted((content / "reviews").glob("*.md"))
    target = files[len(files) // 2]
    target.write_text(target.read_text(encoding="utf-8") + "\nAn edit: one more sentence after a rewatch.\n",
                      encoding="utf-8")
    return target


def rebuild(work: Path, sizes: list[int], pairs: int, seed: int, layers: list[str], modes: str) -> list[dict]:
    rows = []
    for n in sizes:
        for mode in modes:
            for layer in layers:
                cold, warm, plain = [], [], []
                for run in range(pairs):
                    folders = prepare(work, n, seed)
                    content = folders[STYLE[mode]]
                    cache = work / f"cache-{mode}"
                    shutil.rmtree(cache, ignore_errors=True)
                    plain.append(build(mode, content, work))
                    cold.append(build(mode, content, work, cache_dir=cache, cache_layer=layer))
                    edited = edit_one_review(content)
                    # Same output folder, as `pelican` and `pelican --autoreload` leave it.
                    warm.append(build(mode, content, work, cache_dir=cache, cache_layer=layer, clean_output=False))
                    log(f"N={n} {mode} {layer} run {run + 1}/{pairs}: no cache {plain[-1]['wall_s']:.2f}s, "
                        f"cold {cold[-1]['wall_s']:.2f}s, rebuild after editing {edited.name} "
                        f"{warm[-1]['wall_s']:.2f}s")
                    shutil.rmtree(work / f"corpus-{n}")
                med = statistics.median
                rows.append({
                    "reviews": n, "mode": mode, "layer": layer, "runs": pairs,
                    "plain_s": med(r["wall_s"] for r in plain),
                    "cold_s": med(r["wall_s"] for r in cold),
                    "rebuild_s": med(r["wall_s"] for r in warm),
                    "ratio": med(w["wall_s"] / c["wall_s"] for c, w in zip(cold, warm)),
                    "ratio_plain": med(w["wall_s"] / p["wall_s"] for p, w in zip(plain, warm)),
                    "rebuild_phases": {k: med(r["phases_s"].get(k, 0.0) for r in warm) for k in warm[0]["phases_s"]},
                })
    return rows


def rebuild_table(rows: list[dict]) -> str:
    lines = ["| Reviews | Build | Cache layer | No cache | Cold (writes the cache) | Rebuild after editing one review | Rebuild / cold | Rebuild / no cache |",
             "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        lines.append(f"| {r['reviews']:,} | {r['mode']} | {r['layer']} | {r['plain_s']:.2f} s | {r['cold_s']:.2f} s | "
                     f"{r['rebuild_s']:.2f} s | {r['ratio']:.0%} | {r['ratio_plain']:.0%} |")
    return "\n".join(lines)


# ---------------------------------------------------------------- profile

# (label, file name fragment, function name): cumulative time of these steps.
STEPS = (
    ("read articles (all of it)", "pelican/generators.py", "generate_context", "ArticlesGenerator"),
    ("  Readers.read_file", "pelican/readers.py", "read_file", None),
    ("    Markdown() instances", "markdown/core.py", "__init__", None),
    ("    Markdown.convert", "markdown/core.py", "convert", None),
    ("    YAML front matter", "pelican_reviews/frontmatter.py", "split", None),
    ("    plugin metadata (interpret + review)", "pelican_reviews/reader.py", "_metadata", None),
    ("    image sizes", "pelican_reviews/images.py", "image_size", None),
    ("    Pelican metadata parsing", "pelican/readers.py", "process_metadata", None),
    ("    Article() objects", "pelican/contents.py", "__init__", None),
    ("  plugin collections (signal)", "pelican_reviews/handlers.py", "attach_collections", None),
    ("write articles (all of it)", "pelican/generators.py", "generate_output", "ArticlesGenerator"),
    ("  article pages", "pelican/generators.py", "generate_articles", None),
    ("  index, tags, categories, authors, archives", "pelican/generators.py", "generate_direct_templates", None),
    ("  tag pages", "pelican/generators.py", "generate_tags", None),
    ("  category pages", "pelican/generators.py", "generate_categories", None),
    ("  author pages", "pelican/generators.py", "generate_authors", None),
    ("  reviews index (plugin)", "pelican_reviews/handlers.py", "write_reviews_index", None),
    ("  Jinja Template.render", "jinja2/environment.py", "render", None),
    ("  Jinja get_template (cache, up-to-date stat, compile)", "jinja2/environment.py", "_load_template", None),
    ("  summary truncation (truncate_html_words)", "pelican/utils.py", "truncate_html_words", None),
    ("  content link replacement (_update_content)", "pelican/contents.py", "_update_content", None),
    ("  file writes (Writer._write_file)", "pelican/writers.py", "_write_file", None),
    ("  Paginator", "pelican/paginator.py", "page", None),
    ("static files (copy)", "pelican/generators.py", "generate_output", "StaticGenerator"),
)


def profile_steps(prof: Path) -> tuple[float, list[tuple[str, float]]]:
    import pstats

    stats = pstats.Stats(str(prof)).stats
    total = sum(tt for (_cc, _nc, tt, _ct, _callers) in stats.values())
    out = []
    for label, fragment, name, owner in STEPS:
        cum = 0.0
        for (filename, line, func), (_cc, _nc, _tt, ct, _callers) in stats.items():
            if func == name and filename.replace(os.sep, "/").endswith(fragment):
                if owner and not _defined_in(filename, line, owner):
                    continue
                cum += ct
        out.append((label, cum))
    return total, out


def _defined_in(filename: str, line: int, owner: str) -> bool:
    """Whether the function at ``filename:line`` is a method of class ``owner``."""
    import ast

    tree = ast.parse(Path(filename).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == owner:
            return any(getattr(child, "lineno", None) == line for child in node.body)
    return False


def top_functions(prof: Path, count: int = 25) -> list[str]:
    import io
    import pstats

    stream = io.StringIO()
    stats = pstats.Stats(str(prof), stream=stream)
    stats.sort_stats("tottime").print_stats(count)
    return stream.getvalue().splitlines()


def profile_pyinstrument(work: Path, sizes: list[int], seed: int) -> str:
    report = []
    for n in sizes:
        folders = prepare(work, n, seed)
        for mode in "ab":
            out = work / f"pyinstrument-{mode}-{n}.txt"
            build(mode, folders[STYLE[mode]], work, profile="pyinstrument", profile_out=out)
            report.append(f"{mode}, N={n}: call tree in {out}")
        shutil.rmtree(work / f"corpus-{n}")
    return "\n".join(report)


def profile(work: Path, sizes: list[int], seed: int) -> str:
    report = []
    for n in sizes:
        folders = prepare(work, n, seed)
        totals = {}
        for mode in "ab":
            prof = work / f"profile-{mode}-{n}.prof"
            build(mode, folders[STYLE[mode]], work, profile="cprofile", profile_out=prof)
            totals[mode] = profile_steps(prof)
        report.append(f"\n### Where the time goes, N={n} (cProfile, cumulative; % of the profiled build)\n")
        report.append("| Step | a: plain Pelican | b: pelican-reviews |")
        report.append("| --- | ---: | ---: |")
        (ta, sa), (tb, sb) = totals["a"], totals["b"]
        report.append(f"| whole build (profiled) | {ta:.2f} s | {tb:.2f} s |")
        for (label, ca), (_label, cb) in zip(sa, sb):
            report.append(f"| {label.replace('  ', '&nbsp;&nbsp;')} | {ca:.2f} s ({ca / ta:.0%}) | {cb:.2f} s ({cb / tb:.0%}) |")
        for mode in "ab":
            report.append(f"\nTop functions by own time, {mode}, N={n}:\n```")
            lines = top_functions(work / f"profile-{mode}-{n}.prof")
            start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
            report.extend(lines[start:])
            report.append("```")
        shutil.rmtree(work / f"corpus-{n}")
    return "\n".join(report)


# ---------------------------------------------------------------- main


def default_workdir() -> Path:
    shm = Path("/dev/shm")
    base = shm if shm.is_dir() and os.access(shm, os.W_OK) else Path(os.environ.get("TMPDIR", "/tmp"))
    return base / "pelican-reviews-bench"


def warm_bytecode() -> None:
    """Compile the plugin's modules to bytecode, as pip does for an installed package.

    Pelican and the other installed packages already have their ``.pyc``
    files; a checkout's plugin (an editable install) may not, and where
    PYTHONDONTWRITEBYTECODE is set every build would compile it again.
    """
    import compileall

    import pelican_reviews

    compileall.compile_dir(str(Path(pelican_reviews.__file__).parent), quiet=1)


def machine() -> str:
    return (f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
            f"{platform.machine()}, {dt.date.today().isoformat()}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--sizes", default="300,1000,3000", help="comma-separated review counts")
    parser.add_argument("--pairs", type=int, default=3, help="a/b pairs per size (median); 3 or more")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument("--workdir", type=Path, default=default_workdir(),
                        help="corpus and output folder (default: in /dev/shm when there is one, "
                             "so disk speed does not blur the comparison)")
    parser.add_argument("--feeds", action="store_true", help="Pelican's default feeds in both builds")
    parser.add_argument("--rebuild", action="store_true", help="cached rebuild after one edit vs cold build")
    parser.add_argument("--layers", default="reader,generator", help="--rebuild: CONTENT_CACHING_LAYER values to try")
    parser.add_argument("--modes", default="b", help="--rebuild: builds to measure (a, b or ab)")
    parser.add_argument("--profile", action="store_true", help="one cProfile'd build of a and b per size")
    parser.add_argument("--profiler", choices=("cprofile", "pyinstrument"), default="cprofile",
                        help="--profile: cProfile (step table, .prof files) or pyinstrument (call trees; "
                             "pip install pyinstrument)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)

    global FEEDS
    FEEDS = args.feeds
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    work = args.workdir.resolve()
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    warm_bytecode()
    print(f"pelican-reviews benchmark: {machine()}; seed {args.seed}; work folder {work}; "
          f"feeds {'on' if FEEDS else 'off'}\n")

    if args.profile:
        if args.profiler == "pyinstrument":
            print(profile_pyinstrument(work, sizes, args.seed))
        else:
            print(profile(work, sizes, args.seed))
        results = {"profile": [str(p) for p in sorted(work.glob("profile-*.prof"))]}
    elif args.rebuild:
        rows = rebuild(work, sizes, args.pairs, args.seed, args.layers.split(","), args.modes)
        print(rebuild_table(rows))
        best = {}
        for r in rows:
            key = (r["reviews"], r["mode"])
            if key not in best or r["rebuild_s"] < best[key]["rebuild_s"]:
                best[key] = r
        print()
        for (n, mode), r in best.items():
            print(f"N={n} {mode}: fastest rebuild with CONTENT_CACHING_LAYER = {r['layer']!r}: "
                  f"{r['ratio']:.0%} of a cold build (goal <= {GOALS['rebuild_ratio']:.0%}): "
                  + ("met" if r["ratio"] <= GOALS["rebuild_ratio"] else "NOT met"))
        results = {"rebuild": rows}
    else:
        if args.pairs < 3:
            log("note: fewer than 3 pairs; medians are not robust")
        rows = compare(work, sizes, args.pairs, args.seed)
        print(markdown_table(rows))
        print("\nTime by step (medians; seconds):\n")
        print(phase_table(rows))
        print()
        for line in goals(rows):
            print("- " + line)
        warned = {m: sum(r["warnings"][m] for r in rows) for m in "ab"}
        if any(warned.values()):
            print(f"\nwarnings during builds: a {warned['a']}, b {warned['b']} (see stderr)")
        results = {"compare": rows}
    results["machine"] = machine()
    results["seed"] = args.seed
    results["command"] = " ".join([Path(sys.argv[0]).name, *(argv if argv is not None else sys.argv[1:])])
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    print(f"\n(total benchmark time {time.perf_counter() - started:.0f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
