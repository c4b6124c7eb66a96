"""Classic Workfront API client: python-workfront's surface, plus what a GUI and scripts need.

    from wfexplorer.core.classic import Session
    session = Session("acme", api_key="…")                 # https://acme.my.workfront.com/attask/api/unsupported
    api = session.api
    projects = session.search(api.Project, name="Launch", name_Mod="cicontains", fields=["owner:*", "tasks"])
    projects[0].tasks                                        # already loaded: no request

Modules: ``session`` (Session), ``objects`` (Object and descriptors), ``api`` (classes by version,
reflection), ``metadata``/``catalog``/``cache`` (metadata objects and their disk cache),
``loading`` (explicit loading for the GUI), ``paths`` (names and parameters), ``envelope``
(responses and errors), ``factory`` (sign-in), ``generate`` (typed version modules).
"""

from wfexplorer.core.classic.api import APIVersion, register_version
from wfexplorer.core.classic.exceptions import FieldNotLoaded, UnknownFieldError
from wfexplorer.core.classic.factory import SignIn, open_session
from wfexplorer.core.classic.loading import CollectionPage
from wfexplorer.core.classic.metadata import (
    ActionMeta,
    ArgumentMeta,
    EnumValue,
    FieldMeta,
    LinkMeta,
    ObjectMeta,
    ObjectSummary,
    QueryMeta,
)
from wfexplorer.core.classic.objects import Collection, Field, Object, Reference
from wfexplorer.core.classic.session import Session
from wfexplorer.core.classic.templates import (
    DEFAULT_TEMPLATE,
    MY_WORKFRONT_TEMPLATE,
    ONDEMAND_TEMPLATE,
    SANDBOX_TEMPLATE,
)

__all__ = [
    "DEFAULT_TEMPLATE",
    "MY_WORKFRONT_TEMPLATE",
    "ONDEMAND_TEMPLATE",
    "SANDBOX_TEMPLATE",
    "APIVersion",
    "ActionMeta",
    "ArgumentMeta",
    "Collection",
    "CollectionPage",
    "EnumValue",
    "Field",
    "FieldMeta",
    "FieldNotLoaded",
    "LinkMeta",
    "Object",
    "ObjectMeta",
    "ObjectSummary",
    "QueryMeta",
    "Reference",
    "Session",
    "SignIn",
    "UnknownFieldError",
    "open_session",
    "register_version",
]
