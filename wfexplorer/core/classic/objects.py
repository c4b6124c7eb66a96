"""The object model: :class:`Object` and its :class:`Field`, :class:`Reference`, :class:`Collection` descriptors.

An object keeps the fields it has loaded in ``fields`` (Workfront names → wire values, nested
references and collections as the server sent them) and the names changed since in a dirty set.
Reading a field that is not loaded raises :class:`FieldNotLoaded`. Reading a reference or
collection that is not loaded fetches it with one request when the session is lazy (scripts), and
raises :class:`FieldNotLoaded` otherwise (the GUI, which loads explicitly through
:mod:`wfexplorer.core.classic.loading`). Linked objects *share* their nested dict with the parent,
so a later bulk load that merges deeper data into the parent is visible through them at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, overload

from wfexplorer.core import errors
from wfexplorer.core.classic import names, paths
from wfexplorer.core.classic.exceptions import FieldNotLoaded, UnknownFieldError

if TYPE_CHECKING:
    from wfexplorer.core.classic.metadata import ObjectMeta

MISSING: Any = object()
T = TypeVar("T")
ObjectT = TypeVar("ObjectT", bound="Object")
ALWAYS_VALID = frozenset({"ID", "objCode", "parameterValues"})


class Member:
    """Base of the descriptors: knows its Workfront name, its Python name and (for links) the target objCode."""

    kind: ClassVar[str] = "field"

    def __init__(self, workfront_name: str, target: str | None = None) -> None:
        self.workfront_name = workfront_name
        self.target = target
        self.python_name: str | None = None
        self.__doc__ = f"{type(self).__name__} for ``{workfront_name}``"

    def __set_name__(self, owner: type, name: str) -> None:
        self.python_name = name

    def __repr__(self) -> str:
        target = f", {self.target!r}" if self.target else ""
        return f"{type(self).__name__}({self.workfront_name!r}{target})"


class Field(Member, Generic[T]):
    """A scalar field: reading gives the loaded value or raises FieldNotLoaded; setting marks it modified.

    ``Field[str | None]("name")`` (as generated modules write it) tells type checkers the value type.
    """

    @overload
    def __get__(self, instance: None, owner: type) -> Field[T]: ...

    @overload
    def __get__(self, instance: Object, owner: type) -> T: ...

    def __get__(self, instance: Object | None, owner: type) -> Any:
        if instance is None:
            return self
        value = instance.fields.get(self.workfront_name, MISSING)
        if value is MISSING:
            raise FieldNotLoaded(self.workfront_name)
        return value

    def __set__(self, instance: Object, value: T) -> None:
        instance._set(self.workfront_name, value)


class Reference(Member, Generic[ObjectT]):
    """A reference: the referenced object or ``None``; it cannot be set (set the ``…_id`` field instead)."""

    kind: ClassVar[str] = "reference"

    @overload
    def __get__(self, instance: None, owner: type) -> Reference[ObjectT]: ...

    @overload
    def __get__(self, instance: Object, owner: type) -> ObjectT | None: ...

    def __get__(self, instance: Object | None, owner: type) -> Any:
        if instance is None:
            return self
        return instance._linked_value(self.workfront_name, False, self.target)

    def __set__(self, instance: Object, value: Any) -> None:
        raise AttributeError(
            f"{self.workfront_name} is a reference and cannot be set; set its ID field "
            f"({self.workfront_name}ID) instead"
        )


class Collection(Member, Generic[ObjectT]):
    """A collection: an immutable tuple of objects (empty when there are none); it cannot be set."""

    kind: ClassVar[str] = "collection"

    @overload
    def __get__(self, instance: None, owner: type) -> Collection[ObjectT]: ...

    @overload
    def __get__(self, instance: Object, owner: type) -> tuple[ObjectT, ...]: ...

    def __get__(self, instance: Object | None, owner: type) -> Any:
        if instance is None:
            return self
        return instance._linked_value(self.workfront_name, True, self.target)

    def __set__(self, instance: Object, value: Any) -> None:
        raise AttributeError(f"{self.workfront_name} is a collection and cannot be set")


class ObjectType(type):
    """Metaclass of objects: gives every class ``__slots__ = ()`` and indexes its descriptors by name."""

    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any) -> ObjectType:
        namespace.setdefault("__slots__", ())
        cls = super().__new__(mcs, name, bases, namespace, **kwargs)
        members: dict[str, Member] = {}
        for base in reversed(cls.__mro__[1:]):
            members.update(getattr(base, "_members", {}))
        for value in namespace.values():
            if isinstance(value, Member):
                members[value.workfront_name] = value
        cls._members = members  # type: ignore[attr-defined]
        cls._python_names = {  # type: ignore[attr-defined]
            member.python_name: wf for wf, member in members.items() if member.python_name
        }
        return cls


class Object(metaclass=ObjectType):
    """Base class of every Workfront object type (``api.Project``, ``api.Task``, ``api.Issue`` …).

    ``Object(session, **fields)`` makes a new object (names in Workfront or Python spelling);
    :meth:`save` creates it, or sends only the modified fields of an existing one.
    """

    __slots__ = ("_dirty", "_linked", "fields", "session")

    #: objCode of the type (``"PROJ"``), its metadata name and metadata (when reflected).
    code: ClassVar[str] = ""
    object_name: ClassVar[str] = ""
    meta: ClassVar[ObjectMeta | None] = None
    #: Valid Workfront names that have no descriptor (``ID``, ``DE:`` fields, clashing names).
    extra_names: ClassVar[frozenset[str]] = frozenset()
    #: Whether unknown names are refused (``False`` only for the stand-in of unknown types).
    strict: ClassVar[bool] = True
    _members: ClassVar[dict[str, Member]]
    _python_names: ClassVar[dict[str, str]]

    def __init__(self, session: Any = None, **fields: Any) -> None:
        self.session = session
        self.fields: dict[str, Any] = {}
        self._dirty: set[str] | None = None
        self._linked: dict[str, Any] | None = None
        for key, value in fields.items():
            name = self._workfront_name(key)
            member = self._members.get(name)
            if member is not None and member.kind != "field":
                raise AttributeError(f"{name} is a {member.kind} and cannot be set")
            self.fields[name] = value

    @classmethod
    def _from_wire(cls, session: Any, data: dict[str, Any]) -> Object:
        """Wrap a dict the server sent, without copying it (nested dicts stay shared)."""
        obj = cls.__new__(cls)
        obj.session = session
        obj.fields = data
        obj._dirty = None
        obj._linked = None
        return obj

    # -- names -------------------------------------------------------------------------------

    @classmethod
    def _workfront_name(cls, name: Any) -> str:
        """Return the Workfront name for a Workfront name, Python name or descriptor; refuse unknown names."""
        direct = paths.workfront_name_of(name)
        if direct is not None:
            return direct
        if name in cls._members or name in ALWAYS_VALID or name in cls.extra_names:
            return str(name)
        mapped = cls._python_names.get(name)
        if mapped is not None:
            return mapped
        if name == "id":
            return "ID"
        if not isinstance(name, str):
            raise errors.ValidationError(f"Not a field name: {name!r}")
        if name.startswith("DE:") or not cls.strict:
            return name
        candidates = [*cls._members, *cls._python_names, *cls.extra_names]
        raise UnknownFieldError(name, cls.__name__, names.closest(name, candidates))

    @classmethod
    def convert_name(cls, name: Any) -> str:
        """Return the Workfront name for any spelling (python-workfront compatible)."""
        return cls._workfront_name(name)

    @classmethod
    def field_spec(cls, *field_names: Any, api: Any = None) -> str:
        """Return the ``fields=`` value for names in any spelling, colon paths included."""
        return paths.field_spec(api, cls, field_names)

    # -- identity ----------------------------------------------------------------------------

    @property
    def id(self) -> str | None:
        """The object's ID, or ``None`` while it has not been saved."""
        return self.fields.get("ID")

    def api_url(self) -> str:
        """Return ``/{objCode}/{ID}``; the object must have been saved."""
        object_id = self.fields.get("ID")
        if not object_id:
            raise ValueError(f"{type(self).__name__} has no ID")
        return f"/{self.code}/{object_id}"

    def __repr__(self) -> str:
        shown = ", ".join(f"{key}={value!r}" for key, value in sorted(self.fields.items()))
        return f"<{type(self).__name__}: {shown}>"

    # -- values ------------------------------------------------------------------------------

    def __getitem__(self, name: Any) -> Any:
        """Return a loaded value by any spelling (the way to read ``DE:`` custom fields); no request."""
        key = self._workfront_name(name)
        member = self._members.get(key)
        if member is not None and member.kind != "field":
            return self.cached(key)
        value = self.fields.get(key, MISSING)
        if value is MISSING:
            raise FieldNotLoaded(key)
        return value

    def __setitem__(self, name: Any, value: Any) -> None:
        key = self._workfront_name(name)
        member = self._members.get(key)
        if member is not None and member.kind != "field":
            raise AttributeError(f"{key} is a {member.kind} and cannot be set")
        self._set(key, value)

    def _set(self, name: str, value: Any) -> None:
        self.fields[name] = value
        if self._dirty is None:
            self._dirty = set()
        self._dirty.add(name)

    def is_loaded(self, name: Any) -> bool:
        """Tell whether a field, reference or collection is loaded (never sends a request)."""
        return self._workfront_name(name) in self.fields

    def cached(self, name: Any) -> Any:
        """Return what is loaded for ``name`` (objects for links) or raise FieldNotLoaded; never a request."""
        key = self._workfront_name(name)
        member = self._members.get(key)
        if member is None or member.kind == "field":
            value = self.fields.get(key, MISSING)
            if value is MISSING:
                raise FieldNotLoaded(key)
            return value
        if key not in self.fields:
            raise FieldNotLoaded(key)
        return self._linked_value(key, member.kind == "collection", member.target)

    def changes(self) -> dict[str, Any]:
        """Return the modified fields and their new values (what :meth:`save` would send)."""
        return {key: self.fields[key] for key in sorted(self._dirty or ()) if key in self.fields}

    def _linked_value(self, name: str, many: bool, target: str | None) -> Any:
        raw = self.fields.get(name, MISSING)
        linked = self._linked
        if linked is not None:
            entry = linked.get(name)
            # Cached objects stay valid as long as the raw data they wrap is the same object.
            if entry is not None and entry[0] is raw:
                return entry[1]
        if raw is MISSING:
            if self.session is None or not getattr(self.session, "lazy", True) or not self.id:
                raise FieldNotLoaded(name)
            self.load(name)
            raw = self.fields.get(name)
        api = None if self.session is None else self.session.api
        if many:
            value: Any = tuple(_wrap(api, self.session, item, target) for item in (raw or ()))
        else:
            value = None if raw is None else _wrap(api, self.session, raw, target)
        if self._linked is None:
            self._linked = {}
        self._linked[name] = (raw, value)
        return value

    def _merge(self, data: Mapping[str, Any], *, overwrite: Iterable[str] = ()) -> None:
        """Merge loaded data into ``fields`` (deep, by ID, keeping shared nested dicts).

        A field modified locally keeps its unsaved value (loading never loses an edit) unless it
        is named in ``overwrite`` (an explicit :meth:`load` of it), which makes it clean again.
        """
        fields = self.fields
        dirty = self._dirty
        forced = set(overwrite) if dirty else set()
        for key, value in data.items():
            if dirty and key in dirty:
                if key not in forced:
                    continue
                dirty.discard(key)
            fields[key] = merge_value(fields.get(key, MISSING), value)

    # -- requests ----------------------------------------------------------------------------

    def _require_session(self) -> Any:
        if self.session is None:
            raise ValueError(f"{type(self).__name__} has no session")
        return self.session

    def load(self, *field_names: Any) -> None:
        """Load more fields (any spelling, colon paths allowed) with one request."""
        session = self._require_session()
        spec = paths.field_spec(session.api, type(self), field_names)
        data = session.get(self.api_url(), {"fields": spec} if spec else None)
        if isinstance(data, dict):
            self._merge(data, overwrite={path.split(":", 1)[0] for path in spec.split(",")} if spec else ())

    def save(self) -> None:
        """Create the object (all set fields) or send only the modified fields; one request, or none."""
        session = self._require_session()
        if not self.fields.get("ID"):
            data = session.post(f"/{self.code}", {"updates": dict(self.fields)})
        else:
            dirty = self.changes()
            if not dirty:
                return
            data = session.put(self.api_url(), {"updates": dirty})
        self._dirty = None
        if isinstance(data, dict):
            self._merge(data)

    def delete(self, force: bool = False) -> None:
        """Delete the object (``force=True`` also removes what depends on it)."""
        session = self._require_session()
        session.delete(self.api_url(), {"force": True} if force else None)

    def _call_action(self, action: str, arguments: Mapping[str, Any]) -> Any:
        """Run a Workfront action on this object (or on the type, when unsaved) and return its result."""
        session = self._require_session()
        params = {name: value for name, value in arguments.items() if value is not None}
        if self.fields.get("ID"):
            data = session.put(f"{self.api_url()}/{action}", params)
        else:
            data = session.put(f"/{self.code}", {"action": action, **params})
        if isinstance(data, dict):
            if "result" in data:
                return data["result"]
            return data or None
        return data

    def add_comment(self, text: str) -> Object:
        """Add a comment (a Note) to this object and return it, already saved."""
        session = self._require_session()
        note: Object = session.api.Note(session, noteText=text, noteObjCode=self.code, objID=self.id)
        note.save()
        return note


class UnknownObject(Object):
    """Stand-in for an object type the metadata does not describe; accepts any name."""

    strict = False


def _wrap(api: Any, session: Any, data: Any, target: str | None) -> Any:
    if not isinstance(data, dict):
        return data
    if api is None:
        return UnknownObject._from_wire(session, data)
    return api.from_data(session, data, target)


def merge_value(old: Any, new: Any) -> Any:
    """Merge newly loaded data into what is already held: dicts in place when they are the same object."""
    if isinstance(new, dict) and isinstance(old, dict):
        if old.get("ID") == new.get("ID") or "ID" not in new:
            for key, value in new.items():
                old[key] = merge_value(old.get(key, MISSING), value)
            return old
        return new
    if isinstance(new, list) and isinstance(old, list) and old and isinstance(old[0], dict):
        by_id = {item.get("ID"): item for item in old if isinstance(item, dict) and item.get("ID")}
        return [merge_value(by_id.get(item.get("ID"), MISSING), item) if isinstance(item, dict) else item
                for item in new]
    return new


def objects_by_id(objects: Iterable[Object]) -> dict[str, list[Object]]:
    """Group objects by ID (the same ID may appear in several objects)."""
    grouped: dict[str, list[Object]] = {}
    for obj in objects:
        if obj.id:
            grouped.setdefault(obj.id, []).append(obj)
    return grouped
