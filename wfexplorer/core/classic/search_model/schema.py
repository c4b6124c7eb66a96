"""What a classic search may name: object types, fields, reference paths, ``DE:`` fields — from metadata.

:class:`SearchSchema` wraps a session's :class:`~wfexplorer.core.classic.catalog.MetadataCatalog`
and its custom-form fields. :meth:`SearchSchema.resolve` follows a colon path through references and
collections (``assignedTo:homeGroup:name``, ``assignments:assignedTo:name``, ``project:DE:Budget``) to
its last member and says what it is; :meth:`SearchSchema.complete` offers the next segments of a path
being typed; :meth:`SearchSchema.filter_fields` lists the fields of a type a condition can use.

Each call may ask the server (a type's metadata the first time, the custom forms of a type once):
call it off the GUI thread, or :meth:`SearchSchema.preload` first. Answers are cached.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from wfexplorer.core import errors
from wfexplorer.core.classic import customforms, names
from wfexplorer.core.classic.metadata import FieldMeta, LinkMeta, ObjectMeta, ObjectSummary
from wfexplorer.core.classic.search_model.vocabulary import FieldKind, kind_of, object_code_of

#: Workfront follows at most this many segments in a path (classic-api.md §4).
MAX_DEPTH = 4
#: Members every object has although metadata may not list them.
IMPLICIT_FIELDS: Mapping[str, FieldMeta] = {
    "ID": FieldMeta("ID", "ID", "string", flags=("READ_ONLY",)),
    "objCode": FieldMeta("objCode", "Object code", "string", flags=("READ_ONLY",)),
}

#: Members only a list of fields to return may name (every custom field of the object, as a map).
RETURN_ONLY_FIELDS: Mapping[str, FieldMeta] = {
    "parameterValues": FieldMeta("parameterValues", "Custom fields", "map", flags=("READ_ONLY",)),
}

CustomFields = Callable[[str], Mapping[str, FieldMeta]]


class Catalog(Protocol):
    """What the schema needs from a metadata catalog."""

    def describe(self, name_or_code: str) -> ObjectMeta: ...

    def summary(self, name_or_code: str) -> ObjectSummary | None: ...

    def preload(self, names_or_codes: Any) -> None: ...


class PathError(errors.ValidationError):
    """A path that names nothing on its type; ``segment`` is the 0-based index of the segment at fault."""

    def __init__(self, message: str, segment: int, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.segment = segment
        self.suggestions = suggestions


@dataclass(frozen=True)
class ResolvedPath:
    """A path and what its last segment is: a field (``field``) or a reference/collection (``link``)."""

    path: str
    owner_code: str  # the objCode the last segment belongs to
    labels: tuple[str, ...]  # one label per segment
    field: FieldMeta | None = None
    link: LinkMeta | None = None
    link_is_collection: bool = False
    through_collection: bool = False  # a collection is crossed on the way (values come as lists)

    @property
    def kind(self) -> FieldKind | None:
        """The field's kind, ``None`` when the path ends in a reference, collection or ``*``."""
        return None if self.field is None else kind_of(self.field)

    @property
    def label(self) -> str:
        """Readable form: ``Assigned To > Home Group > Name``."""
        return " > ".join(self.labels)


@dataclass(frozen=True)
class Completion:
    """A next segment for a path being typed: the completed path, its label, and whether it goes on (``:``)."""

    path: str
    label: str
    member: str  # "field", "reference", "collection" or "custom"
    continues: bool


@dataclass(frozen=True)
class FilterField:
    """A field a condition can use, with its kind and (for enums) the values to offer."""

    path: str
    label: str
    kind: FieldKind
    meta: FieldMeta


def split_path(path: str) -> list[str]:
    """``project:portfolio:DE:Budget Code`` → ``["project", "portfolio", "DE:Budget Code"]``."""
    parts = path.split(":")
    for index, part in enumerate(parts):
        if part == "DE" and index + 1 < len(parts):
            return [*parts[:index], "DE:" + ":".join(parts[index + 1 :])]
    return parts


class SearchSchema:
    """Object types and members for building and checking classic searches (thread-safe, cached)."""

    def __init__(self, catalog: Catalog, custom_fields: CustomFields | None = None) -> None:
        self.catalog = catalog
        self._custom_source = custom_fields
        self._custom: dict[str, Mapping[str, FieldMeta]] = {}
        self._lock = threading.Lock()

    @classmethod
    def of_session(cls, session: Any) -> SearchSchema:
        """The schema of a classic :class:`~wfexplorer.core.classic.Session` (its metadata and custom forms)."""
        return cls(session.metadata, lambda code: customforms.custom_fields(session, code))

    # -- types ---------------------------------------------------------------------------------

    def object_code(self, name: str) -> str:
        """The objCode of a type given by objCode, metadata name, class name or URL alias; raises NotFoundError."""
        summary = self.catalog.summary(name) or self.catalog.summary(object_code_of(name))
        if summary is None:
            raise errors.NotFoundError(f"No object type {name!r} in the metadata")
        return summary.obj_code.upper()

    def class_name(self, code: str) -> str:
        """The Python class name of a type (``OPTASK`` → ``Issue``), as python-workfront names it."""
        summary = self.catalog.summary(code)
        return summary.class_name if summary is not None else names.class_name(code.title())

    def describe(self, code: str) -> ObjectMeta:
        """The metadata of a type (may send one request the first time)."""
        return self.catalog.describe(code)

    def custom_fields(self, code: str) -> Mapping[str, FieldMeta]:
        """The ``DE:`` fields the custom forms of a type define (one request the first time; none without a source)."""
        key = code.upper()
        with self._lock:
            cached = self._custom.get(key)
        if cached is not None:
            return cached
        found = dict(self._custom_source(key)) if self._custom_source is not None else {}
        with self._lock:
            self._custom[key] = found
        return found

    def preload(self, codes: Any) -> None:
        """Fetch the metadata of several types at once (one batch request)."""
        self.catalog.preload(codes)

    # -- paths ---------------------------------------------------------------------------------

    def resolve(self, code: str, path: str, *, link_end: bool = False, star: bool = False) -> ResolvedPath:
        """Follow ``path`` from type ``code``; raise :class:`PathError` saying which segment names nothing.

        By default the path must end in a field (what conditions, sorts and groupings need);
        ``link_end`` also allows a reference or collection at the end and ``star`` a final ``*``
        (what ``fields=`` allows).
        """
        segments = split_path(path)
        if not path or any(not segment for segment in segments):
            raise PathError(f"{path!r} has an empty segment", next((i for i, s in enumerate(segments) if not s), 0))
        if len(segments) > MAX_DEPTH + (1 if segments[-1] == "*" else 0):
            raise PathError(f"{path!r} goes {len(segments)} levels deep; Workfront follows at most {MAX_DEPTH}",
                            MAX_DEPTH)
        owner = self.describe(code)
        labels: list[str] = []
        through = False
        for index, segment in enumerate(segments):
            last = index == len(segments) - 1
            if segment == "*":
                if not (star and last):
                    raise PathError(f"'*' may only end a list of fields: {path!r}", index)
                return ResolvedPath(path, owner.obj_code, (*labels, "All fields"), through_collection=through)
            if segment.startswith("DE:"):
                return self._custom_end(path, owner, segment, index, last, labels, through)
            if link_end and last and segment in RETURN_ONLY_FIELDS:
                field = RETURN_ONLY_FIELDS[segment]
                return ResolvedPath(path, owner.obj_code, (*labels, field.label), field=field,
                                    through_collection=through)
            member = self._member(owner, segment)
            if isinstance(member, FieldMeta):
                if not last:
                    raise PathError(f"{segment!r} of {owner.label} is a field, so {path!r} cannot go through it",
                                    index)
                return ResolvedPath(path, owner.obj_code, (*labels, member.label), field=member,
                                    through_collection=through)
            if member is None:
                suggestions = tuple(names.closest(segment, [*owner.member_names(), *IMPLICIT_FIELDS]))
                hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
                raise PathError(f"{owner.label} has no field {segment!r}{hint}", index, suggestions)
            link, is_collection = member
            labels.append(link.label)
            if last:
                if not link_end:
                    kind = "collection" if is_collection else "reference"
                    raise PathError(f"{segment!r} is a {kind}; pick one of its fields ({path}:name, …)", index)
                return ResolvedPath(path, owner.obj_code, tuple(labels), link=link, link_is_collection=is_collection,
                                    through_collection=through)
            through = through or is_collection
            if not link.target_code:
                raise PathError(f"{segment!r} of {owner.label} has no target type to follow", index)
            owner = self.describe(link.target_code)
        raise PathError(f"{path!r} names nothing", 0)  # pragma: no cover - the loop always returns

    def _custom_end(self, path: str, owner: ObjectMeta, segment: str, index: int, last: bool, labels: list[str],
                    through: bool) -> ResolvedPath:
        if not last:  # pragma: no cover - split_path keeps DE: at the end
            raise PathError(f"{segment!r} must end the path", index)
        if segment == "DE:*":
            raise PathError("no such field: '*' (ask for the custom fields one by one, or parameterValues)", index)
        custom = self.custom_fields(owner.obj_code)
        field = custom.get(segment)
        if field is None:
            suggestions = tuple(names.closest(segment, list(custom)))
            hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
            raise PathError(f"No custom form of {owner.label} has a field {segment[3:]!r}{hint}", index, suggestions)
        return ResolvedPath(path, owner.obj_code, (*labels, field.label), field=field, through_collection=through)

    @staticmethod
    def _member(owner: ObjectMeta, segment: str) -> FieldMeta | tuple[LinkMeta, bool] | None:
        field = owner.fields.get(segment) or IMPLICIT_FIELDS.get(segment)
        if field is not None:
            return field
        if segment in owner.references:
            return owner.references[segment], False
        if segment in owner.collections:
            return owner.collections[segment], True
        return None

    # -- choices for a builder -----------------------------------------------------------------

    def filter_fields(self, code: str, *, custom: bool = True) -> list[FilterField]:
        """The fields of a type a condition can use (metadata order, then ``DE:`` fields)."""
        meta = self.describe(code)
        fields = {**{name: field for name, field in IMPLICIT_FIELDS.items() if name not in meta.fields},
                  **meta.fields}
        if custom:
            fields.update(self.custom_fields(meta.obj_code))
        return [FilterField(name, field.label, kind_of(field), field) for name, field in fields.items()]

    def complete(self, code: str, partial: str, *, custom: bool = True) -> list[Completion]:
        """The paths that continue ``partial`` (``"assignedTo:ho"`` → ``assignedTo:homeGroup``, ``…:homeGroupID``).

        Everything before the last ``:`` must resolve to a reference or collection (else there is
        nothing to offer); the last part is matched as a case-insensitive prefix, or anywhere in the
        name when nothing starts with it. References and collections come with ``continues=True``
        (the builder may add ``:`` after them, or keep them whole in a list of fields to return).
        """
        head, colon, tail = partial.rpartition(":")
        if head == "DE" or head.endswith(":DE"):  # completing a custom field name
            head, colon, tail = head[:-3], ":" if len(head) > 2 else "", f"DE:{tail}"
        owner_code = code
        if colon:
            resolved = self.resolve(code, head, link_end=True)
            if resolved.link is None:
                return []
            owner_code = resolved.link.target_code
        meta = self.describe(owner_code)
        prefix = f"{head}:" if colon else ""
        options = [Completion(prefix + name, field.label, "field", False)
                   for name, field in {**IMPLICIT_FIELDS, **meta.fields}.items()]
        options += [Completion(prefix + name, link.label, "reference", True) for name, link in meta.references.items()]
        options += [Completion(prefix + name, link.label, "collection", True)
                    for name, link in meta.collections.items()]
        if custom:
            options += [Completion(prefix + name, field.label, "custom", False)
                        for name, field in self.custom_fields(meta.obj_code).items()]
        wanted = tail.lower()
        starting = [option for option in options if option.path[len(prefix):].lower().startswith(wanted)]
        chosen = starting or [option for option in options if wanted in option.path[len(prefix):].lower()]
        return sorted(chosen, key=lambda option: option.path.lower())
