"""A kept copy of freshly seeded demo data, so a simulator in memory (``wfexplorer --demo``) starts without seeding.

    cache = SeedCache(Path("~/.cache/wfexplorer"), scale=0.5)
    cache.begin_seeding()             # no copy yet: another process starts seeding now (else nothing happens)
    if not cache.restore(store):      # False: no copy made by this code at this scale yet
        if not (cache.seed_elsewhere() and cache.restore(store)):  # waits for that process
            seed_all(context, 0.5)    # the other process could not: here, then
            cache.keep(store)
    cache.end_seeding()

Seeding takes about half a second at the demo's scale, every start; copying a database takes a few
milliseconds. The first start seeds in a process of its own (:meth:`SeedCache.seed_elsewhere`), which makes
the copy: in this one, the seed's Python would share the interpreter lock with the application starting
beside it, and take about a second.

The seed is deterministic (fixed dates, fixed random seed) and its sessions never expire by age, so a copy
stays good until the simulator's code changes: the copy's name carries the scale and a
fingerprint of the ``wfexplorer.demo`` sources (their paths, sizes and modification times) and the
package version. The copy holds the demo's passwords, API keys and tokens: it is written readable by its
owner only, like the simulator's own database.
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from wfexplorer import __version__
from wfexplorer.demo.datadir import make_private
from wfexplorer.demo.store import Store

log = logging.getLogger(__name__)

PREFIX = "demo-seed-"
#: How long the first start waits for the seeding process before it seeds itself.
SEED_TIMEOUT = 60.0
#: The frozen application's first argument that makes it the seeding process (see ``wfexplorer/__main__.py``).
SEED_ARGUMENT = "--seed-demo-data"


def fingerprint() -> str:
    """A short hash of this simulator's code: a changed source file gives another one."""
    digest = hashlib.sha256(__version__.encode())
    root = Path(__file__).parent
    for path in sorted(root.rglob("*.py")):
        stat = path.stat()
        digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:16]


class SeedCache:
    """The seeded database for one scale, kept in ``folder``."""

    def __init__(self, folder: Path, scale: float, path: Path | None = None) -> None:
        self.folder = folder
        self.scale = scale
        self._stem = f"{PREFIX}{scale:g}-"
        self.path = path or folder / f"{self._stem}{fingerprint()}.sqlite"
        self._seeding: subprocess.Popen[str] | None = None

    def begin_seeding(self) -> None:
        """Start seeding in a new process now if there is no copy yet (:meth:`seed_elsewhere` waits for it).

        The process (:func:`seed_command`) imports the seed and nothing of the application.
        """
        if self._seeding is not None or self.path.is_file():
            return
        package_root = str(Path(__file__).resolve().parents[2])  # where ``wfexplorer`` is importable from
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
        try:
            command = [*seed_command(), str(self.folder), repr(self.scale), str(self.path)]
            self._seeding = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                             text=True, creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        except OSError as error:
            log.warning("could not seed the demo data in a process of its own (%s); seeding here", error)

    def seed_elsewhere(self) -> bool:
        """Seed in a new process (or let the one :meth:`begin_seeding` started finish), which keeps the copy
        here; True once it has (then :meth:`restore`)."""
        self.begin_seeding()
        process, self._seeding = self._seeding, None
        if process is None:
            return False
        try:
            _out, errors = process.communicate(timeout=SEED_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            log.warning("the process seeding the demo data took too long; seeding here")
            return False
        if process.returncode != 0:
            log.warning("the process seeding the demo data failed (%s); seeding here", errors.strip()[-500:])
        return process.returncode == 0 and self.path.is_file()

    def end_seeding(self) -> None:
        """Reap the seeding process :meth:`begin_seeding` started, ending it if it still runs (its copy, if
        made, is complete: it is renamed into place whole)."""
        process, self._seeding = self._seeding, None
        if process is not None:
            if process.poll() is None:
                process.kill()
            process.communicate()

    def restore(self, store: Store) -> bool:
        """Fill ``store`` from the kept copy; False when there is none (or it cannot be read)."""
        if not self.path.is_file():
            return False
        try:
            store.load_copy(self.path)
        except Exception as error:
            log.warning("the kept demo data %s could not be read (%s); seeding again", self.path, error)
            store.clear()
            return False
        return True

    def keep(self, store: Store) -> None:
        """Keep a copy of ``store`` (just seeded) for the next start, replacing copies made by other code."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=PREFIX, suffix=".part", dir=self.folder)
            os.close(handle)  # mkstemp made it 0600
            part = Path(name)
            try:
                store.save_copy(part)
                make_private(part)
                part.replace(self.path)
            finally:
                part.unlink(missing_ok=True)
            for old in self.folder.glob(f"{self._stem}*.sqlite"):  # this scale's copies made by older code
                if old != self.path:
                    old.unlink(missing_ok=True)
        except OSError as error:
            log.warning("could not keep the demo data in %s: %s", self.folder, error)


def seed_command() -> list[str]:
    """How to start the seeding process: this Python on this module, or the frozen app given ``SEED_ARGUMENT``."""
    if getattr(sys, "frozen", False):
        return [sys.executable, SEED_ARGUMENT]
    return [sys.executable, "-m", __name__]


def main(argv: Sequence[str]) -> int:
    """The seeding process: ``FOLDER SCALE PATH``; seeds a database in memory and keeps its copy at PATH."""
    from wfexplorer.demo.context import DemoContext
    from wfexplorer.demo.seed import seed_all

    folder, scale, path = argv
    store = Store(":memory:")
    try:
        seed_all(DemoContext(store=store), float(scale))
        SeedCache(Path(folder), float(scale), Path(path)).keep(store)
    finally:
        store.close()
    return 0 if Path(path).is_file() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
