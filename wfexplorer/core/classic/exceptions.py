"""Errors specific to the classic client, all inside the library's one error tree.

``FieldNotLoaded`` is also an ``AttributeError`` so ``hasattr`` and ``getattr(obj, name, default)``
behave; ``UnknownFieldError`` is a local ``ValidationError`` raised before any request is sent.
"""

from __future__ import annotations

from collections.abc import Sequence

from wfexplorer.core import errors


class FieldNotLoaded(AttributeError):  # noqa: N818 - python-workfront's name
    """A field was read that has not been loaded; its Workfront name is the message."""

    def __init__(self, workfront_name: str) -> None:
        super().__init__(workfront_name)
        self.workfront_name = workfront_name


class UnknownFieldError(errors.ValidationError):
    """A field, reference, collection or action name that the object type does not have.

    ``suggestions`` lists the closest valid names.
    """

    def __init__(self, name: str, object_name: str, suggestions: Sequence[str] = ()) -> None:
        hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"{object_name} has no field {name!r}{hint}", field_errors={name: ["unknown field"]})
        self.name = name
        self.object_name = object_name
        self.suggestions = list(suggestions)
