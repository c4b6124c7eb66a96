"""A whole record search: filter tree, sort, group, projection, paging and the version-specific extras.

One ``SearchRequest`` describes a search independently of the API version. ``Paging`` is kept as an
offset/limit pair (what v1 sends); v2's ``page``/``size`` are derived from it, and ``Paging.of_page()`` builds it
from them, so both versions round-trip exactly whenever the offset is a multiple of the limit.
"""

from __future__ import annotations

from dataclasses import dataclass

from wfexplorer.core.planning.filters.model import Group
from wfexplorer.core.planning.filters.vocabulary import Direction


@dataclass(frozen=True, slots=True)
class SortKey:
    """One sort or group key: a field ID or alias and a direction."""

    field: str
    direction: Direction = Direction.ASC

    def __post_init__(self) -> None:
        object.__setattr__(self, "direction", Direction(str(self.direction).lower()))


@dataclass(frozen=True, slots=True)
class Paging:
    """Which slice of the results: ``offset`` records skipped, at most ``limit`` returned."""

    offset: int = 0
    limit: int = 100

    @classmethod
    def of_page(cls, page: int, size: int) -> Paging:
        """The paging of zero-based ``page`` with ``size`` records per page (v2)."""
        return cls(offset=page * size, limit=size)

    @property
    def page(self) -> int:
        """The zero-based v2 page number (exact only when ``is_page_aligned``)."""
        return self.offset // self.limit if self.limit > 0 else 0

    @property
    def size(self) -> int:
        """The v2 page size."""
        return self.limit

    @property
    def is_page_aligned(self) -> bool:
        """True when v2 page/size can express this slice exactly."""
        return self.limit > 0 and self.offset % self.limit == 0


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """A record search in version-neutral form. ``None`` means "not sent; the server's default applies".

    ``filter`` is the root group (an empty root group is stored as None: no filter). ``field_ids`` and
    ``field_aliases`` are v2 projection; ``attributes`` is v1 projection of top-level record properties.
    ``scope_workspace_ids`` and ``global_record_type_workspace_field_id`` exist only in v2; ``row_order_view_id``
    only in v1.
    """

    filter: Group | None = None
    sort: tuple[SortKey, ...] = ()
    group: tuple[SortKey, ...] = ()
    field_ids: tuple[str, ...] | None = None
    field_aliases: tuple[str, ...] | None = None
    attributes: tuple[str, ...] | None = None
    paging: Paging | None = None
    record_type_id: str | None = None
    record_type_alias: str | None = None
    aliased: bool = False
    scope_workspace_ids: tuple[str, ...] | None = None
    global_record_type_workspace_field_id: str | None = None
    row_order_view_id: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.filter, Group) and not self.filter.children:
            object.__setattr__(self, "filter", None)
        object.__setattr__(self, "sort", tuple(self.sort))
        object.__setattr__(self, "group", tuple(self.group))
        for name in ("field_ids", "field_aliases", "attributes", "scope_workspace_ids"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, tuple(value))
