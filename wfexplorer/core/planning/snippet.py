"""Copy a Planning search as ``wfexplorer.core`` code: a script that runs as pasted and gets the same rows.

    print(core_snippet(client.search_call(record_type_id, request)))

The script builds a ``PlanningClient`` for the same API root and version, reads the access token from the
``WORKFRONT_TOKEN`` environment variable (never the token itself), parses the exact JSON body and query
parameters of the call with the model's own parser (``request_from_v2``/``request_from_v1``) and searches. Relative
dates are already resolved in the call, so the script asks for the same dates whenever it runs; the comment at
its top says which relative date each one stood for.

Generic HTTP snippets (curl, Python ``requests``, JavaScript ``fetch``) are not made here: they take the same
``SearchCall`` (method, ``url``, ``query_pairs()``, JSON ``body``, Bearer ``auth``) through a renderer registered
with ``SnippetRenderers``, so one module renders HTTP for every part of the application.
"""

from __future__ import annotations

import pprint
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from wfexplorer.core.planning.search_call import TOKEN_ENV, SearchCall

#: A renderer of one kind of code for a search call (e.g. curl); returns the snippet's text.
SnippetRenderer = Callable[[SearchCall], str]
CORE_LABEL = "wfexplorer.core"


def core_snippet(call: SearchCall) -> str:
    """A Python script that repeats ``call`` with ``wfexplorer.core`` and prints the records it finds."""
    parser = "request_from_v2" if call.version == 2 else "request_from_v1"
    lines = [f"# Planning API v{call.version}: {call.method} {call.path}"]
    lines += [f"# {resolution.path}: {resolution.relative.expression} resolved to {resolution.value}"
              for resolution in call.resolutions]
    lines += [
        "import os",
        "",
        "from wfexplorer.core.planning import PlanningClient",
        f"from wfexplorer.core.planning.filters import {parser}",
        "",
        f"client = PlanningClient({call.api_root!r}, os.environ[{TOKEN_ENV!r}], version={call.version})",
        f"request = {parser}(",
        _literal(call.body, 4) + ",",
        _literal(call.params, 4) + ",",
        ")",
        f"page = client.search({call.record_type_id!r}, request{', allow_losses=True' if call.losses else ''})",
        'print(f"{page.total} records")',
        "for record in page.records:",
        "    print(record.id, record.data)",
    ]
    return "\n".join(lines) + "\n"


def _literal(value: object, indent: int) -> str:
    text = pprint.pformat(value, indent=1, width=110 - indent, sort_dicts=False)
    return "\n".join(" " * indent + line for line in text.splitlines())


@dataclass
class SnippetRenderers:
    """The kinds of code a search can be copied as: label → renderer, in menu order.

    ``wfexplorer.core`` is always there; the generic HTTP renderers (curl, requests, fetch) are plugged in by
    whoever has them (``register``), so this module never writes them itself.
    """

    renderers: dict[str, SnippetRenderer] = field(default_factory=lambda: {CORE_LABEL: core_snippet})

    @classmethod
    def with_extra(cls, extra: Mapping[str, SnippetRenderer] | None) -> SnippetRenderers:
        """The core renderer followed by ``extra`` (label → renderer)."""
        renderers = cls()
        for label, renderer in (extra or {}).items():
            renderers.register(label, renderer)
        return renderers

    def register(self, label: str, renderer: SnippetRenderer) -> None:
        """Offer ``renderer`` under ``label`` (replacing one of the same label)."""
        self.renderers[label] = renderer

    def render(self, label: str, call: SearchCall) -> str:
        """The snippet of kind ``label`` for ``call`` (``KeyError`` for a label nobody registered)."""
        return self.renderers[label](call)

    def __iter__(self) -> Iterator[str]:
        return iter(self.renderers)

    def __len__(self) -> int:
        return len(self.renderers)
