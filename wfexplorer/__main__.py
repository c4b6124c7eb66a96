"""``python -m wfexplorer`` runs the desktop application."""

import sys

from wfexplorer.app import main

sys.exit(main())
