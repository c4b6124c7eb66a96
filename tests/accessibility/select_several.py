"""Over AT-SPI (system Python): select three navigator rows through the table interface, as a screen reader can.

    /usr/bin/python3 tests/accessibility/select_several.py [seconds to wait]

Prints one JSON object: the rows asked for, the rows the navigator reports selected afterwards, and the tabs
(the row added last is the current one, so it opens).
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi
from build_planning_search import showing, wait_for
from read_explorer import application, walk

WANTED = ("Project (PROJ)", "Task (TASK)", "Issue (OPTASK)")


def main() -> None:
    _app, frame = application(float(sys.argv[1]) if len(sys.argv) > 1 else 40)
    navigator = wait_for(lambda: showing(frame, "tree", name="Navigator"))
    table = navigator.queryTable()
    wait_for(lambda: True if any(table.getAccessibleAt(r, 0).name.startswith(WANTED[-1])
                                 for r in range(table.nRows)) else None)
    rows = [next(r for r in range(table.nRows) if table.getAccessibleAt(r, 0).name.startswith(name))
            for name in WANTED]
    navigator.querySelection().clearSelection()
    added = [bool(table.addRowSelection(row)) for row in rows]
    time.sleep(1.5)
    table = navigator.queryTable()
    # each row's own "selected" state: Qt's getSelectedRows() of a tree counts from one row too early
    cells = [table.getAccessibleAt(row, 0) for row in range(table.nRows)]
    selected = [cell.name for cell in cells if cell is not None and cell.getState().contains(pyatspi.STATE_SELECTED)]
    tabs = [acc.name for acc, _ in walk(frame) if acc.getRoleName() == "page tab"]
    print(json.dumps({"asked": list(WANTED), "added": added, "selected": selected, "tabs": tabs}))


if __name__ == "__main__":
    main()
