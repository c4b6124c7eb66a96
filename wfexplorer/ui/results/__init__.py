"""The results table shared by the Planning and classic search builders."""
