"""Reads and operates a running wfexplorer through AT-SPI, as a screen reader would (run with the system Python).

    /usr/bin/python3 tests/accessibility/read_explorer.py [seconds to wait]

Prints one JSON object: what was found (role and name of the main window's key parts, unnamed controls)
and what operating them did (a navigator row selected and expanded, the quick-open button pressed).
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi


def walk(acc, depth=0, limit=40):
    if acc is None or depth > limit:
        return
    yield acc, depth
    try:
        count = acc.childCount
    except Exception:
        return
    for index in range(min(count, 400)):
        try:
            child = acc.getChildAtIndex(index)
        except Exception:
            continue
        yield from walk(child, depth + 1, limit)


def application(timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            if app is not None and app.name == "wfexplorer":
                for frame in (app.getChildAtIndex(i) for i in range(app.childCount)):
                    if frame is not None and frame.getRoleName() == "frame" and "wfexplorer" in frame.name:
                        return app, frame
        time.sleep(0.5)
    raise SystemExit(json.dumps({"error": "no wfexplorer main window on the accessibility bus"}))


def main() -> None:
    timeout = float(sys.argv[1]) if len(sys.argv) > 1 else 30
    _app, frame = application(timeout)
    time.sleep(2)  # the tree's first rows
    found = {"frame": frame.name, "parts": {}, "unnamed": [], "rows": []}
    navigator = None
    for acc, _depth in walk(frame):
        role, name = acc.getRoleName(), acc.name
        if name in ("Navigator", "Request log", "Open objects", "Console", "Find in the navigator"):
            found["parts"].setdefault(name, []).append(role)
        if role in ("tree table", "tree") and name == "Navigator":
            navigator = acc
        if role in ("push button", "text", "combo box", "check box", "page tab", "tree table", "table") \
                and not name.strip() and acc.getState().contains(pyatspi.STATE_SHOWING):
            found["unnamed"].append(role)
    if navigator is not None:
        table = navigator.queryTable()
        found["rows"] = [table.getAccessibleAt(row, 0).name for row in range(min(table.nRows, 8))]
        # operate: select the "Project (PROJ)" row through the selection interface
        for row in range(table.nRows):
            cell = table.getAccessibleAt(row, 0)
            if cell.name.startswith("Project (PROJ)"):
                selection = navigator.querySelection()
                ok = table.addRowSelection(row)
                try:
                    action = cell.queryAction()
                    found["actions"] = [action.getName(i) for i in range(action.nActions)]
                except NotImplementedError:
                    found["actions"] = []
                found["select_ok"] = bool(ok)
                found["n_selected"] = selection.nSelectedChildren
                time.sleep(1.5)
                found["selected"] = cell.name
                break
    found["tabs"] = [acc.name for acc, _ in walk(frame) if acc.getRoleName() == "page tab"]
    found["opened"] = sorted({f"[{acc.getRoleName()}] {acc.name}" for acc, _ in walk(frame)
                              if "(PROJ)" in acc.name or "PROJ:" in acc.name or "type PROJ" in acc.name})
    print(json.dumps(found))


if __name__ == "__main__":
    main()
