"""Over AT-SPI (system Python): page the task list with Enter until its older rows fold, then read the range row.

    /usr/bin/python3 tests/accessibility/page_into_ranges.py [seconds to wait]

Selects "Task (TASK)" through the table interface, opens it with Right, then selects its "Load 200 more" row
and presses Enter (xdotool) until a "Rows 1 to …" row appears. Prints one JSON object: the rows around the
range row, its role, states, description and Details cell, the selected rows and the Load more row's text.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pyatspi
from build_planning_search import showing, wait_for
from read_explorer import application


def main() -> None:
    _app, frame = application(float(sys.argv[1]) if len(sys.argv) > 1 else 40)
    navigator = wait_for(lambda: showing(frame, "tree", name="Navigator"))
    table = navigator.queryTable()

    def names() -> list[str]:
        """The rows' names; a row the app is still laying out reads as empty (the next look finds it)."""
        cells = [table.getAccessibleAt(row, 0) for row in range(table.nRows)]
        return [cell.name if cell is not None else "" for cell in cells]

    def row_of(start: str) -> int | None:
        return next((row for row, name in enumerate(names()) if name.startswith(start)), None)

    def choose(row: int) -> None:
        navigator.querySelection().clearSelection()
        table.addRowSelection(row)
        time.sleep(0.5)

    def press(key: str) -> None:
        navigator.queryComponent().grabFocus()
        subprocess.run(["xdotool", "key", key], check=True)

    tasks = wait_for(lambda: row_of("Task (TASK)"))
    choose(tasks)
    subprocess.run(["xdotool", "search", "--name", "wfexplorer", "windowactivate", "--sync"], capture_output=True)
    press("Right")
    more = wait_for(lambda: row_of("Load 200 more"))
    for _page in range(4):
        if row_of("Rows 1 to") is not None:
            break
        choose(more)
        before = names()[more]
        press("Return")
        more = wait_for(lambda before=before: (lambda row: row if row is not None and names()[row] != before
                                               else None)(row_of("Load 200 more")))
    folded = row_of("Rows 1 to")
    found: dict[str, object] = {"more": names()[more] if more is not None else None}
    if folded is not None:
        cell = table.getAccessibleAt(folded, 0)
        found.update({
            "around": names()[folded - 1:folded + 2],
            "role": cell.getRoleName(),
            "states": sorted(pyatspi.stateToString(state) for state in cell.getState().getStates()),
            "description": cell.description,
            "details": table.getAccessibleAt(folded, 1).name,
        })
    cells = [table.getAccessibleAt(row, 0) for row in range(table.nRows)]
    found["selected"] = [cell.name for cell in cells
                         if cell is not None and cell.getState().contains(pyatspi.STATE_SELECTED)]
    print(json.dumps(found))


if __name__ == "__main__":
    main()
