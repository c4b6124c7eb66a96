"""Where to connect: profile name, environment, domain or server address, API versions, the address shown."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from wfexplorer.core.auth.profiles import uses_domain
from wfexplorer.ui import resources
from wfexplorer.ui.login.form import CUSTOM, DEMO, LoginForm

DEMO_LABEL = "Demo (local simulator)"


class ConnectionFields(QWidget):
    """The connection half of the sign-in form; the choices (environments, versions) come from the backend.

    Signals:
        changed(): the user changed where to connect (the dialog then updates the address and hint).
    """

    changed = Signal()

    def __init__(self, environments: list[tuple[str, str]], classic_versions: list[str],
                 planning_versions: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile_name = QLineEdit()
        self.profile_name.setObjectName("profile_name")
        self.profile_name.setPlaceholderText("A name for this connection")
        self.environment = QComboBox()
        self.environment.setObjectName("environment")
        for key, label in environments:
            self.environment.addItem(label, key)
        self.domain = QLineEdit()
        self.domain.setObjectName("domain")
        self.domain.setPlaceholderText("yourcompany")
        self.custom_url = QLineEdit()
        self.custom_url.setObjectName("custom_url")
        self.classic_version = QComboBox()
        self.classic_version.setObjectName("classic_version")
        self.classic_version.setEditable(True)
        self.classic_version.addItems(classic_versions)
        self.planning_version = QComboBox()
        self.planning_version.setObjectName("planning_version")
        self.planning_version.addItems(planning_versions)
        versions = QHBoxLayout()
        versions.addWidget(self.classic_version, 1)
        planning_label = QLabel("P&lanning API:")
        planning_label.setBuddy(self.planning_version)
        versions.addWidget(planning_label)
        versions.addWidget(self.planning_version, 1)
        self.address = QLabel()
        self.address.setObjectName("address")
        self.address.setWordWrap(True)
        resources.set_role(self.address, "note")
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        resources.set_role(self.hint, "hint")
        self.hint.hide()

        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addRow("&Name:", self.profile_name)
        layout.addRow("&Environment:", self.environment)
        layout.addRow("Do&main:", self.domain)
        layout.addRow("Server &address:", self.custom_url)
        classic_label = QLabel("&Classic API:")
        classic_label.setBuddy(self.classic_version)
        layout.addRow(classic_label, versions)
        layout.addRow("Address:", self.address)
        layout.addRow(self.hint)
        self._layout = layout

        self.environment.currentIndexChanged.connect(self._environment_changed)
        self.domain.textChanged.connect(self.changed)
        self.custom_url.textChanged.connect(self._custom_url_changed)
        self.classic_version.currentTextChanged.connect(self.changed)

    def fill(self, form: LoginForm) -> None:
        """Show the connection of ``form`` (the demo's fields are fixed)."""
        demo = form.is_demo
        self.profile_name.setText(DEMO_LABEL if demo else form.profile_name)
        self.profile_name.setEnabled(not demo)
        demo_index = self.environment.findData(DEMO)
        if demo and demo_index < 0:
            self.environment.addItem("Local simulator", DEMO)
        elif not demo and demo_index >= 0:
            self.environment.removeItem(demo_index)
        self.environment.setCurrentIndex(max(0, self.environment.findData(form.environment)))
        self.environment.setEnabled(not demo)
        self.domain.setText(form.domain)
        self.custom_url.setText(form.custom_url)
        if form.classic_version:
            self.classic_version.setCurrentText(form.classic_version)
        self.planning_version.setCurrentIndex(max(0, self.planning_version.findText(form.planning_version)))
        self._show_rows()

    def read(self, form: LoginForm) -> None:
        """Copy the connection into ``form``."""
        form.environment = self.environment.currentData() or ""
        form.profile_name = self.profile_name.text().strip() if form.environment != DEMO else ""
        form.domain = self.domain.text().strip()
        form.custom_url = self.custom_url.text().strip()
        form.classic_version = self.classic_version.currentText().strip()
        form.planning_version = self.planning_version.currentText()

    def show_address(self, address: str | None, hint: str | None) -> None:
        """Show where the form points (``None``: not complete yet) and the sandbox hint, if any."""
        self.address.setText(address or "—")
        self.hint.setText(hint or "")
        self.hint.setVisible(bool(hint))

    def _custom_url_changed(self) -> None:
        self._show_rows()  # a template with {domain} needs the domain
        self.changed.emit()

    def _environment_changed(self) -> None:
        self._show_rows()
        self.changed.emit()

    def _show_rows(self) -> None:
        environment = self.environment.currentData()
        self._layout.setRowVisible(self.domain, uses_domain(environment or "", self.custom_url.text()))
        self._layout.setRowVisible(self.custom_url, environment == CUSTOM)
