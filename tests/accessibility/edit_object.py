"""Over AT-SPI (system Python): open a project from the navigator, change its name on the Edit page, save.

    /usr/bin/python3 tests/accessibility/edit_object.py [seconds to wait]

Prints one JSON object: the project opened, the field typed into, and its name read back after the save
(the tab's heading, and the navigator's row).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pyatspi
from build_planning_search import focus, key, press, showing, wait_for
from read_explorer import application, walk

SUFFIX = " (AT-SPI)"


def name_field(frame):
    return next((a for a, _ in walk(frame) if a.getRoleName() == "text" and a.name == "Name"
                 and a.getState().contains(pyatspi.STATE_SHOWING)), None)


def main() -> None:
    _app, frame = application(float(sys.argv[1]) if len(sys.argv) > 1 else 40)
    out = {}
    navigator = wait_for(lambda: showing(frame, "tree", name="Navigator"))
    table = navigator.queryTable()
    row = next(r for r in range(table.nRows) if table.getAccessibleAt(r, 0).name.startswith("Project (PROJ)"))
    table.addRowSelection(row)
    focus(navigator)
    key("Right")  # expand "Project (PROJ)"

    def first_project():
        table = navigator.queryTable()
        cell = table.getAccessibleAt(row + 1, 0) if table.nRows > row + 2 else None
        return cell if cell is not None and cell.name and not cell.name.startswith(("Loading", "Task (")) else None

    wait_for(first_project)
    time.sleep(0.5)
    table = navigator.queryTable()
    out["project"] = table.getAccessibleAt(row + 1, 0).name
    navigator.querySelection().clearSelection()
    table.addRowSelection(row + 1)  # opens the project
    edit = wait_for(lambda: showing(frame, "page tab", name="Edit"))
    out["edit_page"] = edit is not None
    tabs = edit.parent
    tabs.querySelection().selectChild([tabs.getChildAtIndex(i) for i in range(tabs.childCount)].index(edit))
    field = wait_for(lambda: name_field(frame))
    out["field"] = field.name if field else None
    focus(field)
    key("End")
    subprocess.run(["xdotool", "type", "--delay", "20", SUFFIX], check=False)
    time.sleep(0.5)
    out["typed"] = field.queryText().getText(0, -1)
    save = showing(frame, "push button", name="Save")
    out["save"] = save.description if save else None
    press(save)
    time.sleep(1)
    heading = wait_for(lambda: next((a for a, _ in walk(frame) if a.getRoleName() == "label"
                                     and a.name.endswith(SUFFIX) and a.getState().contains(pyatspi.STATE_SHOWING)),
                                    None), 15)
    out["heading_after"] = heading.name if heading else None
    if "--debug" in sys.argv:
        field = name_field(frame)
        out["field_now"] = field.queryText().getText(0, -1) if field else None
        out["labels"] = [a.name for a, _ in walk(frame) if a.getRoleName() == "label" and a.name
                         and a.getState().contains(pyatspi.STATE_SHOWING)][-25:]
    navigator_rows = navigator.queryTable()
    out["navigator_rows"] = [navigator_rows.getAccessibleAt(r, 0).name for r in range(min(navigator_rows.nRows, 12))
                             if navigator_rows.getAccessibleAt(r, 0) is not None]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
