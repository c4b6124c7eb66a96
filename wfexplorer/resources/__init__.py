"""Package data: the app icon and the style sheet (read with importlib.resources, so they ship in wheels)."""
