"""Editable forms: the editor registry (one editor per field kind), the form bound to an edit state, its dialogs."""
