"""Classic Workfront API client: python-workfront's surface, plus what a GUI and scripts need.

Scripts (python-workfront style; references and collections load on first read)::

    from wfexplorer.core.classic import Session
    session = Session("acme", api_key="…")                 # https://acme.my.workfront.com/attask/api/unsupported
    api = session.api
    projects = session.search(api.Project, name="Launch", name_Mod="cicontains", fields=["owner:*", "tasks"])
    projects[0].tasks                                        # already loaded: no request

The GUI path (``lazy=False``: an unloaded reference raises FieldNotLoaded instead of fetching). Signing in is
:mod:`wfexplorer.core.auth`'s (a profile and one credential: password, API key, OAuth), and the session comes
with the :class:`~wfexplorer.core.connection.Connection` it returns, renewed by the one renewal policy::

    signed_in = Authenticator().sign_in_with_api_key(profile, key)   # the key proves itself: one request
    session = Connection(signed_in).session                          # session.user_id set
    session.metadata.objects()                              # object types (ObjectSummary), cached on disk
    session.metadata.describe("TASK")                       # ObjectMeta: fields, references, collections, actions
    session.custom_forms("PROJ")                            # DE: fields as FieldMeta (one request)
    session.api.preload("Project", "Task")                  # classes for several types, one batch request
    page = session.search_page(api.Task, first=0, limit=200, fields=[...])   # one request, stable order
    session.fetch_reference(task, "project", fields=["owner:name"])   # ≤ 1 request
    session.fetch_collection(project, "tasks", fields=["status"], first=0, limit=100)  # ≤ 1 request
    session.load_fields(tasks, "project:owner:name")        # many objects, one request
    obj.cached("project"), obj.is_loaded("tasks"), obj.changes(), obj.save()
    session.subscribe(listener)                             # RequestEvent per HTTP attempt (redacted)

Modules: ``session`` (Session), ``objects`` (Object and descriptors), ``api`` (classes by version,
reflection), ``metadata``/``catalog``/``cache`` (metadata objects and their disk cache),
``loading`` (explicit loading for the GUI), ``paths`` (names and parameters), ``envelope``
(responses and errors), ``writes`` (bulk, batch, upload), ``customforms``, ``extras``
(python-workfront's conveniences), ``access`` (what the signed-in user may do to an object, read ahead),
``generate`` (typed version modules),
``search_model`` (the search builder's model: conditions, OR groups, the query string both ways, runs,
reports, copy as code, saved searches).
"""

from wfexplorer.core.classic.api import APIVersion, register_version
from wfexplorer.core.classic.customforms import CustomForm
from wfexplorer.core.classic.exceptions import FieldNotLoaded, UnknownFieldError
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
    "CustomForm",
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
    "UnknownFieldError",
    "register_version",
]
