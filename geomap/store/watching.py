"""Watching a folder for new or changed articles (watchdog), with a quiet-period debounce."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from geomap.extract.articles import META_SUFFIX, SUFFIXES


class _Changes(FileSystemEventHandler):
    def __init__(self) -> None:
        self.pending = threading.Event()
        self.last = 0.0

    def on_any_event(self, event: FileSystemEvent) -> None:
        name = str(event.dest_path or event.src_path)
        if (name.endswith(SUFFIXES) or name.endswith(META_SUFFIX)) and not Path(
            name
        ).name.startswith("."):
            self.last = time.monotonic()
            self.pending.set()


def watch_folder(
    folder: Path,
    rebuild: Callable[[], object],
    interval: float = 1.0,
    stop: threading.Event | None = None,
) -> None:
    """Call ``rebuild`` after articles in ``folder`` change and ``interval`` s pass quietly."""
    changes = _Changes()
    observer = Observer()
    observer.schedule(changes, str(folder), recursive=True)
    observer.start()
    stop = stop or threading.Event()
    try:
        while not stop.is_set():
            if changes.pending.wait(0.2) and time.monotonic() - changes.last >= interval:
                changes.pending.clear()
                rebuild()
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        observer.join()
