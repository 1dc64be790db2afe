"""Data sets: manifests, installing from the public source or a local mirror, hash checks.

Data files are never part of the package. ``fetch`` copies each file named by a manifest
into the data directory, from a mirror folder when one is given (air-gapped machines, CI)
or else from its public URL, and refuses any file whose SHA-256 differs from the manifest.
"""

from __future__ import annotations

import functools
import hashlib
import shutil
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geomap.errors import (
    DataNotInstalledError,
    DownloadError,
    GeomapError,
    HashMismatchError,
    ManifestError,
)
from geomap.settings import Settings, default_settings
from geomap.tomlfile import read_toml

_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # the geomap package
_DOWNLOAD_TIMEOUT_S = 30


@dataclass(frozen=True)
class DataFile:
    """One file of a data set, with where to get it and its expected hash."""

    name: str
    url: str
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """A data set as declared in a TOML manifest (see ``boundaries/*.toml``)."""

    name: str
    title: str
    licence: str
    attribution: str
    mirror_path: str
    files: tuple[DataFile, ...]
    path: Path
    homepage: str = ""
    country: str = "AF"
    default: bool = False
    format: str = ""  # how a gazetteer's files are read (geomap.geo.sources)
    layers: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def is_boundaries(self) -> bool:
        """True when the manifest declares district polygons."""
        return "districts" in self.layers


def manifest_dirs(settings: Settings | None = None) -> list[Path]:
    """Folders searched for manifests, later ones overriding earlier ones by name."""
    settings = settings or default_settings()
    return [
        _PACKAGE_DIR / "_manifests",  # installed wheel
        _PACKAGE_DIR.parent / "boundaries",  # source checkout or editable install
        settings.data_dir / "manifests",  # a user's own, e.g. another country
    ]


def load_manifest(path: Path) -> Manifest:
    """Parse one TOML manifest; raise ``ManifestError`` naming the file and the problem."""
    raw = read_toml(path, ("name", "mirror_path", "files"), ManifestError, "manifest")
    try:
        files = tuple(
            DataFile(f["name"], f.get("url", ""), f["sha256"].lower()) for f in raw["files"]
        )
    except (KeyError, TypeError, AttributeError) as err:
        msg = f"{path}: every [[files]] entry needs name and sha256 ({err})"
        raise ManifestError(msg) from err
    layers = {
        k: raw[k] for k in ("districts", "provinces", "outline") if isinstance(raw.get(k), dict)
    }
    for layer, spec in layers.items():
        if "file" not in spec:
            msg = f"{path}: [{layer}] needs a 'file'"
            raise ManifestError(msg)
    return Manifest(
        name=raw["name"],
        title=raw.get("title", raw["name"]),
        licence=raw.get("licence", "unknown"),
        attribution=raw.get("attribution", raw["name"]),
        mirror_path=raw["mirror_path"],
        files=files,
        path=path,
        homepage=raw.get("homepage", ""),
        country=raw.get("country", "AF"),
        default=bool(raw.get("default", False)),
        format=raw.get("format", ""),
        layers=layers,
    )


def manifests(settings: Settings | None = None) -> dict[str, Manifest]:
    """Every known data set by name: the gazetteers (``geo/*.toml``) and boundary manifests."""
    paths = []
    for folder in [_PACKAGE_DIR / "geo", *manifest_dirs(settings)]:
        paths += sorted(folder.glob("*.toml")) if folder.is_dir() else []
    return dict(_read_manifests(tuple((path, path.stat().st_mtime_ns) for path in paths)))


@functools.lru_cache(maxsize=16)
def _read_manifests(files: tuple[tuple[Path, int], ...]) -> dict[str, Manifest]:
    """The manifests in ``files`` (path, mtime): parsed again only when one changes."""
    found = {}
    for path, _mtime in files:
        m = load_manifest(path)
        found[m.name] = m
    return found


def get_manifest(name: str, settings: Settings | None = None) -> Manifest:
    """Return one manifest by name or raise ``ManifestError`` listing the known names."""
    known = manifests(settings)
    if name not in known:
        msg = f"unknown data set {name!r}; known: {', '.join(sorted(known))}"
        raise ManifestError(msg)
    return known[name]


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def dataset_dir(name: str, settings: Settings | None = None) -> Path:
    """Folder of an installed data set; raise ``DataNotInstalledError`` if it is incomplete."""
    settings = settings or default_settings()
    manifest = get_manifest(name, settings)
    folder = settings.data_dir / name
    missing = [f.name for f in manifest.files if not (folder / f.name).is_file()]
    if missing:
        msg = (
            f"data set {name!r} is not installed in {folder} (missing {missing[0]}"
            f"{' and more' if len(missing) > 1 else ''}): run `geomap data fetch`, or "
            "`geomap data fetch --from DIR` to copy it from a local mirror"
        )
        raise DataNotInstalledError(msg)
    return folder


Progress = Callable[[str], None]


def fetch(
    names: Iterable[str] | None = None,
    mirror: Path | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
    force: bool = False,
) -> list[Path]:
    """Install data sets (all by default) and return the paths written or verified.

    Files come from ``mirror`` (or ``settings.mirror``) when given, else from their URLs.
    Every file is checked against its manifest hash before it is moved into place.
    """
    settings = settings or default_settings()
    mirror = mirror or settings.mirror
    say = progress or (lambda _msg: None)
    known = manifests(settings)
    chosen = list(names) if names else list(known)
    for name in chosen:
        if name not in known:
            msg = f"unknown data set {name!r}; known: {', '.join(sorted(known))}"
            raise ManifestError(msg)
    written: list[Path] = []
    folders = [settings.data_dir, *(settings.data_dir / name for name in chosen)]
    new_folders = [folder for folder in folders if not folder.exists()]
    for name in chosen:
        manifest = known[name]
        target_dir = settings.data_dir / name
        target_dir.mkdir(parents=True, exist_ok=True)
        try:
            written += _install(manifest, target_dir, mirror, say, force)
        except GeomapError:
            for folder in reversed(new_folders):  # a failed first install leaves nothing
                if folder.is_dir() and not any(folder.iterdir()):
                    folder.rmdir()
            raise
        shutil.copy2(manifest.path, target_dir / "manifest.toml")
    return written


def _install(
    manifest: Manifest, target_dir: Path, mirror: Path | None, say: Progress, force: bool
) -> list[Path]:
    """Install one data set's files into ``target_dir``, each checked before it moves in."""
    name = manifest.name
    written: list[Path] = []
    for data_file in manifest.files:
        target = target_dir / data_file.name
        if not force and target.is_file() and sha256_file(target) == data_file.sha256:
            say(f"{name}/{data_file.name}: already installed")
            written.append(target)
            continue
        origin = _copy_to_temp(manifest, data_file, mirror, target_dir)
        actual = sha256_file(origin)
        if actual != data_file.sha256:
            origin.unlink(missing_ok=True)
            msg = (
                f"{name}/{data_file.name}: SHA-256 is {actual}, the manifest expects "
                f"{data_file.sha256}; the file was refused (is the mirror a different release?)"
            )
            raise HashMismatchError(msg)
        origin.replace(target)
        say(f"{name}/{data_file.name}: installed")
        written.append(target)
    return written


def _copy_to_temp(
    manifest: Manifest, data_file: DataFile, mirror: Path | None, folder: Path
) -> Path:
    """Bring one file into a temporary file beside its target (same file system)."""
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{data_file.name}.", suffix=".part")
    tmp = Path(tmp_name)
    with open(fd, "wb") as out:
        if mirror is not None:
            source = Path(mirror) / manifest.mirror_path / data_file.name
            if not source.is_file():
                tmp.unlink(missing_ok=True)
                msg = f"{source}: not in the mirror (expected layout DIR/{manifest.mirror_path}/)"
                raise DataNotInstalledError(msg)
            with source.open("rb") as src:
                shutil.copyfileobj(src, out)
        else:
            try:
                with urllib.request.urlopen(data_file.url, timeout=_DOWNLOAD_TIMEOUT_S) as resp:
                    shutil.copyfileobj(resp, out)
            except (urllib.error.URLError, OSError, ValueError) as err:
                tmp.unlink(missing_ok=True)
                msg = (
                    f"could not download {manifest.name}/{data_file.name} from {data_file.url} "
                    f"({getattr(err, 'reason', err)}). Without internet, copy the data from a "
                    "local mirror: `geomap data fetch --from DIR` or set GEOMAP_MIRROR=DIR, where "
                    f"DIR holds {manifest.mirror_path}/{data_file.name}"
                )
                raise DownloadError(msg) from err
    return tmp


def status(settings: Settings | None = None) -> list[dict[str, Any]]:
    """One row per data set: name, installed?, folder, licence, attribution."""
    settings = settings or default_settings()
    rows = []
    for name, m in manifests(settings).items():
        try:
            folder = dataset_dir(name, settings)
            installed = True
        except DataNotInstalledError:
            folder, installed = settings.data_dir / name, False
        rows.append(
            {
                "name": name,
                "installed": installed,
                "folder": str(folder),
                "licence": m.licence,
                "attribution": m.attribution,
                "title": m.title,
            }
        )
    return rows


def credits(settings: Settings | None = None) -> tuple[str, ...]:
    """Attribution for every data set a map of the settings' theatre draws on."""
    from geomap.theatre import boundary_set, load_theatre

    settings = settings or default_settings()
    theatre = load_theatre(settings=settings)
    names = [boundary_set(settings), *([theatre.gazetteer] if theatre.gazetteer else [])]
    return (
        *(get_manifest(name, settings).attribution for name in names),
        "Towns: GeoNames (CC BY 4.0)",
        "Map: geomap",
    )
