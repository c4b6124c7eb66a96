"""Over AT-SPI (system Python): open the Planning filter builder, add a condition, type its value, run it.

    /usr/bin/python3 tests/accessibility/build_planning_search.py [seconds to wait]

Keys go in through xdotool, as a person's would; everything else (finding, reading, pressing) through
AT-SPI. Prints one JSON object with what it read at each step.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pyatspi
from read_explorer import application, walk


def showing(root, role, name=None, start=None):
    for acc, _ in walk(root):
        if acc.getRoleName() != role or not acc.getState().contains(pyatspi.STATE_SHOWING):
            continue
        if (name is not None and acc.name == name) or (start is not None and acc.name.startswith(start)):
            return acc
    return None


def wait_for(find, timeout=15.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        found = find()
        if found is not None:
            return found
        time.sleep(0.3)
    return None


def key(*keys):
    windows = subprocess.run(["xdotool", "search", "--name", "wfexplorer$"], capture_output=True,
                             text=True).stdout.split()
    for window in windows:  # no window manager: give the keyboard to the app's window first
        subprocess.run(["xdotool", "windowfocus", "--sync", window], check=False)
    subprocess.run(["xdotool", "key", *keys], check=False)


def focus(acc):
    action = acc.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    if "SetFocus" in names:
        action.doAction(names.index("SetFocus"))
    else:
        acc.queryComponent().grabFocus()
    time.sleep(0.3)


def text_of(acc):
    """What a label shows: its text, else its description (a label named by setAccessibleName)."""
    try:
        return acc.queryText().getText(0, -1)
    except NotImplementedError:
        return acc.description or ""


def press(acc):
    acc.queryAction().doAction(0)


def main() -> None:
    _app, frame = application(float(sys.argv[1]) if len(sys.argv) > 1 else 40)
    out = {}
    navigator = wait_for(lambda: showing(frame, "tree", name="Navigator"))
    focus(navigator)
    key("ctrl+shift+k")
    builder_run = wait_for(lambda: showing(frame, "push button", name="Run the search"))
    out["builder"] = builder_run is not None
    time.sleep(1.5)  # the first record type and its fields
    add = showing(frame, "push button", start="Add a condition") or showing(frame, "push button", start="Add condition")
    out["add_button"] = add.name if add else None
    if add is None:
        out["buttons"] = sorted({a.name for a, _ in walk(frame) if a.getRoleName() == "push button"
                                 and a.getState().contains(pyatspi.STATE_SHOWING)})
        print(json.dumps(out))
        return
    press(add)
    time.sleep(1)
    value = wait_for(lambda: next((a for a, _ in walk(frame) if a.getRoleName() == "text"
                                   and a.getState().contains(pyatspi.STATE_SHOWING)
                                   and a.name.endswith(": value")), None))
    out["value_field"] = value.name if value else None
    if value is not None:
        focus(value)
        subprocess.run(["xdotool", "type", "--delay", "30", "a"], check=False)  # focus stays on the field
        time.sleep(1)
    press(builder_run)
    results = wait_for(lambda: showing(frame, "tree", name="Results"))

    def rows() -> int:
        return results.queryTable().nRows if results is not None else 0

    wait_for(lambda: True if rows() > 0 else None, 15)
    out["result_rows"] = rows()
    table = results.queryTable() if results is not None else None
    out["results"] = [table.getAccessibleAt(row, column).name for row in range(rows())
                      for column in range(table.nColumns)] if table is not None else []
    if "--debug" in sys.argv:
        out["value_text"] = text_of(value) if value is not None else None
        out["labels"] = [f"{a.name}={text_of(a)[:60]}" for a, _ in walk(frame) if a.getRoleName() == "label"
                         and a.getState().contains(pyatspi.STATE_SHOWING)][:40]
        out["tables"] = [f"[{a.getRoleName()}] {a.name}" for a, _ in walk(frame) if a.getRoleName() in
                         ("table", "tree table", "tree") and a.getState().contains(pyatspi.STATE_SHOWING)]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
