"""Classic create, edit and copy; ``records`` and ``copying`` are the entry points the dispatcher calls.

One job per module: ``records`` (create, edit, bulk create/edit), ``copying`` (``copySourceID`` copies),
``writer`` (apply client values to a record, replace nested collections), ``checks`` (operation, ``$$USER`` ID,
required fields, parent and predecessor loops), ``defaults`` (stamps, work-item defaults, derived links of hours
and notes), ``status`` (status changes through the status rules) and ``outline`` (renumbering after a task moves).
"""
