"""The simulator's data directory: files only the owner can read, and one simulator at a time.

The SQLite database (and the WAL and shared-memory files SQLite creates beside it, with the database's
permissions) holds passwords, API keys, tokens and the OAuth client secret, so it is created 0600.
A lock file (``wfexplorer-demo.lock``, holding the process ID) keeps a second simulator from opening the
same directory: it would not see the first one's writes.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import IO

LOCK_NAME = "wfexplorer-demo.lock"
PRIVATE = 0o600


class DataDirInUseError(OSError):
    """Another simulator holds the data directory."""


def make_private(path: Path) -> None:
    """Create ``path`` empty if missing, and let only its owner read or write it."""
    descriptor = os.open(path, os.O_CREAT | os.O_RDWR, PRIVATE)
    os.close(descriptor)
    with contextlib.suppress(OSError):  # a file system without modes (FAT) keeps its own
        path.chmod(PRIVATE)


class DirectoryLock:
    """An exclusive lock on a data directory, held from :meth:`acquire` to :meth:`release`."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / LOCK_NAME
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock, or raise :class:`DataDirInUseError` naming the process that holds it."""
        if self._file is not None:
            return
        handle = open(self.path, "a+", encoding="ascii")  # noqa: SIM115 - held until release()
        try:
            _lock(handle)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise DataDirInUseError(
                f"the demo data in {self.path.parent} is in use by process {holder} (stop it, or use another --data)"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._file = handle

    def release(self) -> None:
        """Let the lock go (the file stays; the next simulator takes it over)."""
        if self._file is None:
            return
        with contextlib.suppress(OSError):
            self._file.seek(0)
            self._file.truncate()
            _unlock(self._file)
        self._file.close()
        self._file = None


try:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
