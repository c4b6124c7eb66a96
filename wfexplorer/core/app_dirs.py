"""Where wfexplorer keeps its files on this machine: the user config, cache, log and data directories.

One place decides them (``platformdirs``, under the name ``wfexplorer``); profiles, the metadata cache, the
journal and the drafts all ask here.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "wfexplorer"


def default_config_dir() -> Path:
    """The user config directory of wfexplorer (``$XDG_CONFIG_HOME/wfexplorer`` on Linux)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_cache_dir() -> Path:
    """The user cache directory of wfexplorer (metadata caches and the demo's seeded data live here)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def default_log_dir() -> Path:
    """The user log directory of wfexplorer."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_data_dir() -> Path:
    """The user data directory of wfexplorer (the journal and the drafts live under it)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
