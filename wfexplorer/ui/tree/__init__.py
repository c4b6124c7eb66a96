"""The navigator: a thin Qt model over core's browse tree, and the view around it."""
