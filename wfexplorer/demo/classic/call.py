"""One classic API call being served: route, parameters, effective method, caller and write scope.

A call is what the handlers work on; ``/batch`` builds one per ``uri`` that shares its parent's
caller (and, when atomic, its parent's transaction).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from werkzeug.datastructures import FileStorage, MultiDict

from wfexplorer.demo.classic import objcats
from wfexplorer.demo.classic.access.sharing import Access, access_for
from wfexplorer.demo.classic.credentials import Caller
from wfexplorer.demo.classic.params import Params
from wfexplorer.demo.classic.queryenv import QueryEnv
from wfexplorer.demo.classic.routing import Route
from wfexplorer.demo.classic.versions import api_model_name
from wfexplorer.demo.context import DemoContext
from wfexplorer.demo.store import Transaction


@dataclass
class ClassicCall:
    """Everything a handler needs about the request it serves."""

    context: DemoContext
    route: Route
    params: Params
    method: str
    caller: Caller | None = None
    files: MultiDict[str, FileStorage] = field(default_factory=MultiDict)
    tx: Transaction | None = None
    access: Access | None = None
    """The caller's access level and project rights, computed on first use (``access.guard``)."""

    @property
    def version(self) -> str:
        """Canonical version (``v21.0``, ``internal``, ``unsupported``)."""
        return self.route.version

    @property
    def api_model(self) -> str:
        """The version token of error texts (``V21_0``)."""
        return api_model_name(self.route.version)

    @property
    def user_id(self) -> str | None:
        """The calling user's ID (``None`` before authentication)."""
        return None if self.caller is None else self.caller.user_id

    def caller_access(self) -> Access | None:
        """The caller's access level and project rights, computed once (``None`` before sign-in)."""
        if self.caller is None:
            return None
        if self.access is None or self.access.user_id != self.caller.user_id:
            self.access = access_for(self.context.store, self.caller.user_id)
        return self.access

    def env(self) -> QueryEnv:
        """Return the query environment (store, version token, user, zone, now, visibility) of this call."""
        env = QueryEnv.from_context(self.context, api_model=self.api_model, user_id=self.user_id)
        access = self.caller_access()
        if access is not None and not access.is_admin:
            env.visible = access.can_see
        return env

    def base_api_url(self) -> str:
        """Return the absolute URL of this version's root (for metadata ``url`` members)."""
        return f"{self.context.base_url}{self.route.prefix}"

    @contextmanager
    def write(self) -> Iterator[Transaction]:
        """Open a write scope: the enclosing atomic transaction if any, else a new one.

        Before a new one commits, the OBJCAT rows follow the ``categoryID`` changes it made.
        """
        if self.tx is not None:
            yield self.tx
            return
        with self.context.store.transaction() as tx:
            self.tx = tx
            try:
                yield tx
                objcats.sync(tx, self.context.store, self.context.clock())
            finally:
                self.tx = None

    def reader(self) -> Any:
        """Return what reads should go through: the open transaction (sees pending writes) or the store."""
        return self.tx if self.tx is not None else self.context.store
