"""The Changes dock: the journal of every write, and "Undo this change"."""
