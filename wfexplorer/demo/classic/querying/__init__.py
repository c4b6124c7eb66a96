"""The pieces of the classic search compiler; import the public API from :mod:`wfexplorer.demo.classic.query`.

One job per module: ``params`` (request parameters → filter items), ``groups`` (``OR:``/``AND:``/
``EXISTS:`` prefixes), ``conditions`` (one ``field=value`` → predicate), ``exists`` (``EXISTS:`` blocks),
``paths`` (colon paths through references and collections), ``modifiers`` (the ``_Mod`` table),
``textmatch`` (text modifiers, LIKE, Soundex), ``coercion`` (stored and filter values by field type),
``sorting`` (``_Sort``) and ``paging`` (``$$LIMIT``/``$$FIRST``).
"""
