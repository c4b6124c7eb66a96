"""The main window of one connection: navigator, detail tabs, docks, status bar, quick open, history."""
