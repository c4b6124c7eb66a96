"""While a sign-in runs every input of the dialog is greyed alike, the address shown included."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel


def _darkest_text(label: QLabel) -> float:
    """The lightness (0 black … 1 white) of the darkest pixel the label draws: its text colour on a light theme."""
    image = label.grab().toImage()
    return min(QColor(image.pixel(x, y)).lightnessF() for x in range(image.width()) for y in range(image.height()))


def test_the_address_is_greyed_like_every_other_input_while_signing_in(
    login_dialog, demo_server, demo_faults, run_until, qtbot
):
    demo_faults.latency_ms = 1500
    login_dialog.add_profile()
    login_dialog.profile_name.setText("Busy")
    login_dialog.environment.setCurrentIndex(login_dialog.environment.findData("custom"))
    login_dialog.custom_url.setText(demo_server.base_url)
    login_dialog.password_tab.username.setText("admin")
    login_dialog.password_tab.password.setText("demo")
    address = login_dialog.address
    caption = login_dialog.fields.layout().labelForField(address)
    idle_address, idle_caption = _darkest_text(address), _darkest_text(caption)

    qtbot.mouseClick(login_dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert login_dialog.busy
    busy_address, busy_caption = _darkest_text(address), _darkest_text(caption)
    login_dialog.cancel_sign_in()
    run_until(lambda: not login_dialog.busy)

    assert busy_caption > idle_caption  # the other inputs grey out …
    assert busy_address > idle_address  # … and so does the address
    assert abs(busy_address - busy_caption) < 0.05, (busy_address, busy_caption)  # to the same grey
    assert _darkest_text(address) == idle_address  # and it comes back afterwards
