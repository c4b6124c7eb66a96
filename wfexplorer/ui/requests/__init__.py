"""The request log dock, the API console and their pieces (standalone widgets the main window docks)."""

from wfexplorer.ui.requests.console import ConsoleWidget
from wfexplorer.ui.requests.log_model import RequestLogModel
from wfexplorer.ui.requests.log_widget import RequestLogDock, RequestLogWidget

__all__ = ["ConsoleWidget", "RequestLogDock", "RequestLogModel", "RequestLogWidget"]
