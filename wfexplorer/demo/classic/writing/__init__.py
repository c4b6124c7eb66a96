"""The pieces of classic create/edit/copy; the HTTP-facing entry points are in :mod:`wfexplorer.demo.classic.writes`.

One job per module: ``writer`` (apply client values to a record, replace nested collections),
``checks`` (operation, ``$$USER`` ID, required fields, parent and predecessor loops), ``defaults``
(stamps, work-item defaults, derived links of hours and notes), ``status`` (status changes through
the status rules), ``outline`` (renumbering after a task moves) and ``copying`` (``copySourceID`` copies).
"""
