"""An AT-SPI client runs an action: finds the action list, chooses "Mark Done", presses Run, answers Yes.

Run with the system Python (``python3-pyatspi``), inside ``run_action_atspi.sh``. Exits 0 when every step found
its control by role and name.
"""

from __future__ import annotations

import sys
import time

import pyatspi  # type: ignore[import-not-found]


def find(node, role: str, name: str | None = None, depth: int = 0):
    if node is None or depth > 40:
        return None
    if node.getRoleName() == role and (name is None or node.name == name):
        return node
    for index in range(node.childCount):
        found = find(node.getChildAtIndex(index), role, name, depth + 1)
        if found is not None:
            return found
    return None


def app() -> object:
    for _ in range(300):
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            child = desktop.getChildAtIndex(index)
            if child is not None and child.name == "wfexplorer":
                return child
        time.sleep(0.1)
    sys.exit("the app is not on the accessibility bus")


def wait_for(root_of, role: str, name: str | None = None, seconds: float = 10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        found = find(root_of(), role, name)
        if found is not None:
            return found
        time.sleep(0.1)
    sys.exit(f"no [{role}] {name!r} found")


def main() -> None:
    actions = wait_for(app, "list", "Actions of this object")
    items = [actions.getChildAtIndex(i) for i in range(actions.childCount)]
    print("actions:", [item.name for item in items])
    row = next(i for i, item in enumerate(items) if item.name == "Mark Done")
    actions.querySelection().selectChild(row)
    time.sleep(0.5)
    editor = wait_for(app, "filler", "Status")  # the argument's editor, named by its label
    status = find(editor, "combo box")
    assert status is not None, "the Status argument has no list of values"
    print("argument:", editor.name, "→", status.getRoleName(), repr(status.name))
    run = wait_for(app, "push button", "Run the chosen action")
    run.queryAction().doAction(0)
    yes = wait_for(app, "push button", "Yes")
    yes.queryAction().doAction(0)
    print("pressed Run and Yes")


if __name__ == "__main__":
    main()
