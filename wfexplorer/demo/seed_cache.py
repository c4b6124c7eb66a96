"""A kept copy of freshly seeded demo data, so a simulator in memory (``wfexplorer --demo``) starts without seeding.

    cache = SeedCache(Path("~/.cache/wfexplorer"), scale=0.5)
    if not cache.restore(store):      # False: no copy made by this code at this scale yet
        seed_all(context, 0.5)
        cache.keep(store)

Seeding takes about half a second at the demo's scale, every start; copying a database takes a few
milliseconds. The seed is deterministic (fixed dates, fixed random seed) and its sessions never expire by age,
so a copy stays good until the simulator's code changes: the copy's name carries the scale and a
fingerprint of the ``wfexplorer.demo`` sources (their paths, sizes and modification times) and the
package version. The copy holds the demo's passwords, API keys and tokens: it is written readable by its
owner only, like the simulator's own database.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path

from wfexplorer import __version__
from wfexplorer.demo.datadir import make_private
from wfexplorer.demo.store import Store

log = logging.getLogger(__name__)

PREFIX = "demo-seed-"


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

    def __init__(self, folder: Path, scale: float) -> None:
        self.folder = folder
        self._stem = f"{PREFIX}{scale:g}-"
        self.path = folder / f"{self._stem}{fingerprint()}.sqlite"

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
