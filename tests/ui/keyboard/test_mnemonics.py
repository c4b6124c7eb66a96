"""Alt+letter: what the explorer window shows never claims a letter of its menu bar, and no two claim one."""

from __future__ import annotations

from shortcut_map import mnemonics
from test_tab_order import project_window


def test_no_two_things_shown_claim_the_same_alt_letter(open_window, run_until):
    window = project_window(open_window, run_until)     # a project's Form, the request log, Changes behind it
    tab = window.current_tab()
    tab.retry_button.show()                 # shown after a failed load, beside the log's buttons
    log = window.docks.log_widget
    log.select_row(0)                       # the log's buttons enabled, the request's details shown
    run_until(lambda: log.reveal_button.isEnabled() and log.detail.isVisible())

    shared = {keys: claims for keys, claims in mnemonics(window).items() if len(claims) > 1}

    assert shared == {}, "\n".join(f"{keys}: {claims}" for keys, claims in shared.items())
