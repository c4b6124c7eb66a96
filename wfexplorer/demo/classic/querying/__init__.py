"""The classic search compiler: :mod:`.search` parses a search and runs it (``/search``, ``/count``, ``/report``).

One job per module: ``search`` (parameters → a compiled query; run, count, match), ``params`` (request
parameters → filter items), ``groups`` (``OR:``/``AND:``/``EXISTS:`` prefixes), ``conditions`` (one
``field=value`` → predicate), ``exists`` (``EXISTS:`` blocks), ``paths`` (colon paths through references and
collections), ``modifiers`` (the ``_Mod`` table), ``textmatch`` (text modifiers, LIKE, Soundex), ``coercion``
(stored and filter values by field type), ``sorting`` (``_Sort``) and ``paging`` (``$$LIMIT``/``$$FIRST``).
"""
