"""``session.api``: one Python class per Workfront object type, named as in the API Explorer.

An :class:`APIVersion` holds classes by name (``api.Project``, ``api.Issue``) and by objCode.
Classes come from a generated version module when one is registered for the session's version
(so ``from <module> import Task`` gives the very class ``session.api.Task`` returns), and are
otherwise reflected at run time from the metadata, on first use.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wfexplorer.core.classic import extras, names
from wfexplorer.core.classic.actions import make_action
from wfexplorer.core.classic.metadata import ActionMeta, ObjectMeta
from wfexplorer.core.classic.objects import (
    Collection,
    Field,
    Member,
    Object,
    ObjectType,
    Reference,
    UnknownObject,
)

if TYPE_CHECKING:
    from wfexplorer.core.classic.catalog import MetadataCatalog

#: Generated version modules register their APIVersion here, by version name.
_REGISTRY: dict[str, APIVersion] = {}
_RESERVED = frozenset(name for name in dir(Object) if not name.startswith("__")) | {"session", "fields", "id"}


def register_version(api: APIVersion) -> None:
    """Make ``api`` (a generated module's) the class source for sessions on ``api.version``."""
    _REGISTRY[api.version] = api


def registered_version(version: str) -> APIVersion | None:
    """Return the generated APIVersion registered for ``version``, if any."""
    return _REGISTRY.get(version)


class APIVersion:
    """The object classes of one API version; reflected lazily when a catalog is attached."""

    def __init__(self, version: str, catalog: MetadataCatalog | None = None, static: APIVersion | None = None) -> None:
        self.version = version
        self.by_code: dict[str, type[Object]] = {}
        self._by_name: dict[str, type[Object]] = {}
        self._catalog = catalog
        self._explicit_static = static
        self._lock = threading.RLock()

    @property
    def _static(self) -> APIVersion | None:
        """The generated module's classes for this version (registered at any time), if any."""
        static = self._explicit_static or _REGISTRY.get(self.version)
        return None if static is self else static

    def register(self, cls: type[Object]) -> type[Object]:
        """Add a class (used by generated modules and by reflection); returns it."""
        self._by_name[cls.__name__] = cls
        if cls.code:
            self.by_code[cls.code.upper()] = cls
        return cls

    def __getattr__(self, name: str) -> type[Object]:
        if name.startswith("_"):
            raise AttributeError(name)
        cls = self.class_named(name)
        if cls is None:
            known = self.class_names()
            hint = names.closest(name, known)
            raise AttributeError(f"API {self.version} has no object type {name!r}"
                                 + (f"; did you mean {', '.join(hint)}?" if hint else ""))
        return cls

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(self.class_names()))

    def class_names(self) -> list[str]:
        """Names of every class this version can give (registered or reflectable)."""
        known = set(self._by_name)
        if self._static is not None:
            known |= set(self._static.class_names())
        if self._catalog is not None:
            known |= {summary.class_name for summary in self._catalog.objects().values()}
        return sorted(known)

    def class_named(self, name: str) -> type[Object] | None:
        """Return the class called ``name`` (``Issue``; the metadata name ``OpTask`` works too)."""
        cls = self._by_name.get(name)
        if cls is not None:
            return cls
        if self._static is not None:
            cls = self._static.class_named(name)
            if cls is not None:
                return self.register(cls)
        if self._catalog is None:
            return None
        summary = self._catalog.summary(name)
        if summary is None or name not in (summary.class_name, summary.name, summary.obj_code):
            return None
        return self.class_for(summary.obj_code)

    def class_for(self, code: str | None) -> type[Object] | None:
        """Return the class for an objCode, reflecting it if needed (``None`` when unknown)."""
        if not code:
            return None
        key = code.upper()
        cls = self.by_code.get(key)
        if cls is not None:
            return cls
        with self._lock:
            cls = self.by_code.get(key)
            if cls is not None:
                return cls
            if self._static is not None:
                cls = self._static.by_code.get(key)
                if cls is not None:
                    return self.register(cls)
            if self._catalog is None or self._catalog.summary(key) is None:
                return None
            return self.register(build_class(self._catalog.describe(key)))

    def forget(self) -> None:
        """Drop the reflected classes (after a metadata refresh); objects already made keep theirs."""
        with self._lock:
            self.by_code.clear()
            self._by_name.clear()

    def preload(self, *names_or_codes: str) -> None:
        """Reflect several types at once (their metadata in one batch request when not cached)."""
        if self._catalog is None:
            return
        wanted = [n for n in names_or_codes if self.by_code.get(n.upper()) is None and n not in self._by_name]
        self._catalog.preload(wanted)
        for name in wanted:
            summary = self._catalog.summary(name)
            if summary is not None:
                self.class_for(summary.obj_code)

    def from_data(self, session: Any, data: dict[str, Any], default_code: str | None = None) -> Object:
        """Wrap wire data in the class its ``objCode`` names (or ``default_code``), sharing the dict."""
        code = data.get("objCode") or default_code
        cls = self.by_code.get(code) if code else None  # the common case: a class already built
        if cls is None and code:
            cls = self.class_for(code)
        return (cls or UnknownObject)._from_wire(session, data)


@dataclass(frozen=True)
class ClassPlan:
    """Where each member of a type goes in its class: attribute name → descriptor, and action methods.

    Reflection (:func:`build_class`) and the generator (:mod:`wfexplorer.core.classic.generate`)
    share this plan, so a generated class has exactly the attributes a reflected one has.
    """

    members: tuple[tuple[str, str, str, str | None], ...]  # (attribute, kind, Workfront name, target objCode)
    actions: tuple[tuple[str, ActionMeta], ...]  # (attribute, action)
    extra_names: frozenset[str]  # valid Workfront names without an attribute
    hidden_links: tuple[tuple[str, str, str | None], ...]  # (kind, Workfront name, target) without an attribute


def plan_class(meta: ObjectMeta) -> ClassPlan:
    """Decide the attribute of every field, reference, collection and action of ``meta``."""
    taken: set[str] = set(extras.reserved_names(meta.obj_code))
    members: list[tuple[str, str, str, str | None]] = []
    extra: set[str] = set()
    hidden: list[tuple[str, str, str | None]] = []
    groups: list[tuple[str, Any]] = [("field", meta.fields), ("reference", meta.references),
                                     ("collection", meta.collections)]
    for kind, section in groups:
        for item in section.values():
            python = item.python_name
            target = None if kind == "field" else (item.target_code or None)
            if python and python not in _RESERVED and python not in taken:
                taken.add(python)
                members.append((python, kind, item.name, target))
            else:
                extra.add(item.name)
                if kind != "field":
                    hidden.append((kind, item.name, target))
    actions: list[tuple[str, ActionMeta]] = []
    for action in meta.actions.values():
        python = action.python_name or ""
        if not python or python in _RESERVED or python in taken:
            python = f"{python or 'action'}_action"
        if python in taken:
            continue
        taken.add(python)
        actions.append((python, action))
    return ClassPlan(tuple(members), tuple(actions), frozenset(extra), tuple(hidden))


DESCRIPTORS: dict[str, type[Member]] = {"field": Field, "reference": Reference, "collection": Collection}


def build_class(meta: ObjectMeta) -> type[Object]:
    """Reflect one object type into a class: descriptors for members, methods for actions."""
    plan = plan_class(meta)
    namespace: dict[str, Any] = {
        "__slots__": (),
        "__module__": "wfexplorer.core.classic.reflected",
        "__doc__": f"{meta.label} ({meta.obj_code}), reflected from the metadata.",
        "code": meta.obj_code,
        "object_name": meta.name,
        "meta": meta,
        "extra_names": plan.extra_names,
    }
    for python, kind, workfront, target in plan.members:
        namespace[python] = DESCRIPTORS[kind](workfront, target)
    for python, action in plan.actions:
        namespace[python] = make_action(action)
    cls = ObjectType(meta.class_name, (extras.base_for(meta.obj_code),), namespace)
    assert issubclass(cls, Object)  # for the checker: the metaclass call makes a subclass of its base
    add_hidden_links(cls, plan.hidden_links)
    return cls


def add_hidden_links(cls: type[Object], links: Any) -> None:
    """Register references/collections that have no attribute, so paths through them still validate."""
    for kind, workfront, target in links:
        cls._members[workfront] = DESCRIPTORS[kind](workfront, target)
