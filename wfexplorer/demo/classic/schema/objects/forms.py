"""Custom forms: Category, Parameter, CategoryParameter, ParameterOption (classic-api.md §7.16-7.17).

How the store holds a form: a CTGY row (``catObjCode``) has CTGYPA rows (``categoryID``,
``parameterID``, ``displayOrder``) linking PARAM rows (``name``, ``dataType``, ``displayType``),
whose choices are POPT rows (``parameterID``, ``value``, ``label``). Which form an object has is
also served as OBJCAT rows (``objectCategories``, from v5.0). See
:mod:`wfexplorer.demo.classic.customforms`.
"""

from __future__ import annotations

from wfexplorer.demo.classic.schema import enums
from wfexplorer.demo.classic.schema.builder import act, b, coll, define, enum, i, ref, s, sl
from wfexplorer.demo.classic.versions import OBJECT_CATEGORIES_SINCE

CATEGORY = define(
    "Category", "CTGY", "Custom Form",
    aliases=("category",),
    default_fields=("ID", "name", "objCode", "catObjCode"),
    drop=("categoryID", "category"),
    fields=[
        s("name", required=True),
        enum("catObjCode", "com.attask.common.constants.CategoryObjCodeEnum", enums.CATEGORY_OBJ_CODE,
             required=True),
        s("groupID"),
        b("hasCalculatedFields", read_only=True, default=False),
        sl("accessorIDs", read_only=True),
    ],
    references=[ref("group", "GROUP")],
    collections=[
        coll("categoryParameters", "CTGYPA", categoryID="ID"),
        coll("parameters", "PARAM", through=("CTGYPA", "categoryID", "parameterID")),
        coll("otherGroups", "GROUP", through=("CTGYGP", "categoryID", "groupID")),
    ],
    actions=[
        act("assignCategory", ("objID", "string"), ("objCode", "string"), ("categoryID", "string"),
            needs_object=False),
        act("assignCategories", ("objID", "string"), ("objCode", "string"), ("categoryIDs", "string[]"),
            needs_object=False),
        act("unassignCategory", ("objID", "string"), ("objCode", "string"), ("categoryID", "string"),
            needs_object=False),
        act("unassignCategories", ("objID", "string"), ("objCode", "string"), ("categoryIDs", "string[]"),
            needs_object=False),
        act("reorderCategories", ("objID", "string"), ("objCode", "string"), ("categoryIDs", "string[]"),
            needs_object=False),
        act("getFilteredCategories", ("objCode", "string"), ("objectID", "string"), ("objectMap", "map"),
            result="string[]", needs_object=False),
    ],
)

PARAMETER = define(
    "Parameter", "PARAM", "Custom Field",
    aliases=("parameter",),
    default_fields=("ID", "name", "objCode", "dataType", "displayType"),
    drop=("categoryID", "category"),
    fields=[
        s("name", required=True),
        enum("dataType", "com.attask.common.constants.ParameterDataTypeEnum", enums.PARAM_DATA_TYPE, default="TEXT"),
        enum("displayType", "com.attask.common.constants.ParameterDisplayTypeEnum", enums.PARAM_DISPLAY_TYPE,
             default="TEXT"),
        i("displaySize"),
        s("formatConstraint"),
        b("isRequired", default=False),
    ],
    collections=[coll("parameterOptions", "POPT", parameterID="ID")],
)

CATEGORY_PARAMETER = define(
    "CategoryParameter", "CTGYPA", "Category Parameter",
    secondary=True,
    default_fields=("ID", "objCode", "categoryID", "parameterID", "displayOrder"),
    drop=("name", "description", "categoryID", "category"),
    fields=[
        s("categoryID", required=True), s("parameterID", required=True), i("displayOrder", default=0),
        b("isRequired", default=False), b("isInvalidExpression", read_only=True, default=False),
        s("viewSecurityLevel"), s("securityLevel"),
    ],
    references=[ref("category", "CTGY"), ref("parameter", "PARAM")],
)

PARAMETER_OPTION = define(
    "ParameterOption", "POPT", "Parameter Option",
    secondary=True,
    default_fields=("ID", "objCode", "label", "value"),
    drop=("name", "description", "categoryID", "category"),
    fields=[
        s("parameterID", required=True), s("label"), s("value", required=True), i("displayOrder", default=0),
        b("isDefault", default=False), b("isHidden", default=False),
    ],
    references=[ref("parameter", "PARAM")],
)

OBJECT_CATEGORY = define(
    "ObjectCategory", "OBJCAT", "Object Category",
    since=OBJECT_CATEGORIES_SINCE,
    operations=("count", "get", "report", "search"),
    default_fields=("ID", "objCode", "categoryID", "categoryOrder", "objID", "objObjCode"),
    drop=("name", "description", "entryDate", "enteredByID", "lastUpdateDate", "lastUpdatedByID", "extRefID",
          "enteredBy", "lastUpdatedBy"),
    fields=[
        s("categoryID", required=True), i("categoryOrder", default=0), s("objID", required=True),
        enum("objObjCode", "com.attask.common.constants.CategoryObjCodeEnum", enums.CATEGORY_OBJ_CODE,
             required=True),
    ],
    references=[ref("category", "CTGY")],
)
"""Which custom form an object has: one row per (object, form), kept from the object's ``categoryID``.

Read-only through the API (attach forms with ``categoryID`` or ``assignCategory``); see
:mod:`wfexplorer.demo.classic.objcats`.
"""
