"""Reading articles: plain text, Markdown, HTML and JSON Lines, with metadata and hashes.

Bad input never stops a run: each problem becomes an ``ArticleProblem`` naming the file,
and every readable article is still returned.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from geomap.errors import ArticleError
from geomap.extract.dates import parse_date, published_from_text
from geomap.records import Article

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
MAX_BYTES = 20 * 1024 * 1024
FALLBACK_ENCODING = "cp1252"
META_SUFFIX = ".meta.json"


@dataclass(frozen=True)
class ArticleProblem:
    """A file that could not be read (or was read with a warning)."""

    path: str
    message: str
    warning: bool = False  # read anyway (e.g. decoded from cp1252): not a failure

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def warnings_of(article: Article) -> list[ArticleProblem]:
    """An article's reading warnings as problems (the article itself was kept)."""
    return [ArticleProblem(article.path, w, warning=True) for w in article.warnings]


def any_failed(problems: Iterable[ArticleProblem]) -> bool:
    """True when some file could not be read at all (warnings do not count)."""
    return any(not p.warning for p in problems)


# Spaces and hyphens as the web writes them: no-break, narrow and other wide spaces read as
# a plain one, zero-width characters and soft hyphens as nothing, Unicode hyphens as "-", a
# run of spaces as one, and a line wrapped before a lower-case word as a space
# ("Spin\u00a0Boldak", "Qala\u2010e\u2010Naw", "officials\nsaid"): place names are found
# in runs of words joined by single spaces or hyphens.
_WIDE_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u2060\ufeff]")
_HYPHENS = re.compile(r"[\u2010\u2011]")
_SPACE_RUN = re.compile(r" {2,}")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_WRAPPED = re.compile(r"(?<=[\w,;]) ?\n(?=[a-z])")


def plain_text(text: str, entities: bool = True) -> str:
    """The text with Unix line ends and plain spaces and hyphens (see above); HTML entities
    left in it are read too unless ``entities`` is false (text an HTML reader decoded)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if entities and _ENTITY.search(text):
        text = html.unescape(text)  # "Spin&nbsp;Boldak" copied out of a web page's source
    text = _HYPHENS.sub("-", _INVISIBLE.sub("", _WIDE_SPACES.sub(" ", text)))
    return _WRAPPED.sub(" ", _SPACE_RUN.sub(" ", text))


def sha256_text(text: str) -> str:
    """Content hash of an article's text (what identifies it across renames)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_from_text(
    text: str,
    path: str = "<text>",
    title: str | None = None,
    published: date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    warnings: tuple[str, ...] = (),
    from_html: bool = False,
) -> Article:
    """Build an ``Article`` from text, taking title and date from the text when not given
    (``from_html``: the text of a page already decoded, whose entities are not read twice)."""
    text = plain_text(text, entities=not from_html)
    digest = sha256_text(text)
    return Article(
        id=digest[:16],
        path=path,
        title=title or _title_from_text(text),
        text=text,
        sha256=digest,
        outlet=outlet,
        published=published or published_from_text(text),
        url=url,
        warnings=warnings,
    )


def _title_from_text(text: str) -> str | None:
    for line in text.split("\n")[:5]:
        line = line.strip().lstrip("#").strip()
        if not line or published_from_text(line) and len(line) < 40:
            continue
        return line[:200] if len(line) <= 200 else None
    return None


def expand_paths(paths: Iterable[str | Path], directories: bool = True) -> Iterator[Path]:
    """Files named, and with ``directories`` the article files inside named folders."""
    for raw in paths:
        path = Path(raw)
        if directories and path.is_dir():
            found = sorted(_files_under(str(path)), key=lambda p: p.split(os.sep))
            yield from map(Path, found)  # in Path order, without sorting Path objects
        else:
            yield path


def _files_under(folder: str) -> Iterator[str]:
    """Article files in a folder tree (``os.scandir``: no extra stat per file)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir():
                yield from _files_under(entry.path)
            elif (
                entry.name.lower().endswith(SUFFIXES)
                and not entry.name.endswith(META_SUFFIX)
                and entry.is_file()
            ):
                yield entry.path


def file_signature(path: Path) -> tuple[int, float] | None:
    """Size and mtime of an article file together with its metadata file (None if absent).

    Editing or adding ``NAME.meta.json`` changes the signature, so the article is read again.
    """
    try:
        found = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(found.st_mode):
        return None
    size, mtime = found.st_size, found.st_mtime
    for meta in _sidecar_names(str(path)):
        try:
            meta_stat = os.stat(meta)
        except OSError:
            continue
        if stat.S_ISREG(meta_stat.st_mode):
            return size + meta_stat.st_size, max(mtime, meta_stat.st_mtime)
    return size, mtime


def read_articles(
    paths: Iterable[str | Path], directories: bool = True, published: date | None = None
) -> tuple[list[Article], list[ArticleProblem]]:
    """Read every path; return the articles and the problems (one per bad file)."""
    articles: list[Article] = []
    problems: list[ArticleProblem] = []
    for path in expand_paths(paths, directories):
        try:
            found, bad_rows = read_article_file(path)
        except ArticleError as err:
            problems.append(ArticleProblem(str(path), str(err)))
            continue
        problems += bad_rows
        for article in found:
            if published is not None:
                article = replace(article, published=published)
            problems += warnings_of(article)
            articles.append(article)
    return articles, problems


def read_article_file(path: Path) -> tuple[list[Article], list[ArticleProblem]]:
    """Read one file (a JSON Lines file may hold many articles, and bad rows).

    Any failure, including one inside a parsing library, is an ``ArticleError`` naming the
    problem, so that one bad file never stops a build of the others.
    """
    try:
        return _read_article_file(path)
    except ArticleError:
        raise
    except Exception as err:  # a parsing library's failure on one file
        msg = f"could not be read ({type(err).__name__}: {err})"
        raise ArticleError(msg) from err


def _read_article_file(path: Path) -> tuple[list[Article], list[ArticleProblem]]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":  # any size: read as a stream (builds take it a batch at a time)
        from geomap.extract.jsonlines import jsonl_batches

        articles: list[Article] = []
        problems: list[ArticleProblem] = []
        for batch, bad in jsonl_batches(path):
            articles += batch
            problems += bad
        return articles, problems
    raw = _read_bytes(path)
    text, warnings = decode(raw)
    meta = _sidecar(path)
    from_html = suffix in (".html", ".htm")
    if from_html:
        text, meta = _html_text(path, text, meta)
    if not text.strip():
        msg = "no article text (empty after reading)"
        raise ArticleError(msg)
    article = article_from_text(
        text,
        str(path),
        title=meta.get("title"),
        published=parse_date(meta["published"]) if meta.get("published") else None,
        outlet=meta.get("outlet"),
        url=meta.get("url"),
        warnings=warnings,
        from_html=from_html,
    )
    return [article], []


def check_file(path: Path, max_bytes: int | None = None) -> int:
    """The file's size; ``ArticleError`` when it is missing, a folder, empty, over
    ``max_bytes`` or binary."""
    if not path.exists():
        msg = "no such file"
        raise ArticleError(msg)
    if path.is_dir():
        msg = "is a directory (name its files, or use `geomap build DIR`)"
        raise ArticleError(msg)
    size = path.stat().st_size
    if size == 0:
        msg = "empty file"
        raise ArticleError(msg)
    if max_bytes is not None and size > max_bytes:
        msg = f"too large ({size / 1e6:.0f} MB; articles over {max_bytes // 2**20} MiB are skipped)"
        raise ArticleError(msg)
    try:
        with path.open("rb") as fh:
            head = fh.read(8192)
    except OSError as err:
        msg = f"cannot read ({err.strerror})"
        raise ArticleError(msg) from err
    if b"\x00" in head:
        msg = "binary file (not text)"
        raise ArticleError(msg)
    return size


def _read_bytes(path: Path) -> bytes:
    check_file(path, MAX_BYTES)
    try:
        raw = path.read_bytes()
    except OSError as err:
        msg = f"cannot read ({err.strerror})"
        raise ArticleError(msg) from err
    return raw


def decode(raw: bytes) -> tuple[str, tuple[str, ...]]:
    """UTF-8 text (a BOM dropped), else cp1252 with a warning saying where UTF-8 failed."""
    try:
        return raw.decode("utf-8-sig"), ()
    except UnicodeDecodeError as err:
        text = raw.decode(FALLBACK_ENCODING, errors="replace")
        return text, (f"not UTF-8 (byte {err.start}); decoded as {FALLBACK_ENCODING}",)


def _sidecar(path: Path) -> dict[str, Any]:
    """Metadata beside an article: ``NAME.meta.json`` with title, published, outlet, url."""
    meta_path = _sidecar_path(path)
    if meta_path is None:
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        msg = f"{meta_path.name}: unreadable metadata ({err})"
        raise ArticleError(msg) from err
    return meta if isinstance(meta, dict) else {}


def _sidecar_names(path: str) -> tuple[str, str]:
    """Where an article's metadata may be: ``NAME.txt.meta.json`` or ``NAME.meta.json``."""
    return path + META_SUFFIX, os.path.splitext(path)[0] + META_SUFFIX


def _sidecar_path(path: Path) -> Path | None:
    for meta_path in map(Path, _sidecar_names(str(path))):
        if meta_path.is_file():
            return meta_path
    return None


def _html_text(path: Path, html: str, meta: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True)
    if extracted is None:
        return "", meta
    data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    merged = {
        "title": data.get("title"),
        "published": data.get("date"),
        "outlet": data.get("sitename"),
        "url": data.get("url"),
    }
    merged.update({k: v for k, v in meta.items() if v})
    return data.get("text") or "", merged
