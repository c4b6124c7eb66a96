"""``python -m wfexplorer.demo`` runs ``wfexplorer-demo``."""

import sys

from wfexplorer.demo.cli import main

sys.exit(main())
