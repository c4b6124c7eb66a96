"""Portfolio and Program (classic-api.md §7.6-7.7)."""

from __future__ import annotations

from wfexplorer.demo.classic.schema.builder import CURRENCY, act, b, coll, d, define, ref, s
from wfexplorer.demo.classic.schema.objects.shared import CALC_DE, SHARE_ACTION

PORTFOLIO = define(
    "Portfolio", "PORT", "Portfolio",
    aliases=("portfolio",),
    flags=("REPORTABLE", "DATA_EXTENDIBLE", "SHARABLE"),
    fields=[
        s("name", required=True), s("ownerID"), b("isActive", default=True), d("budget", flags=CURRENCY),
        s("currency"), s("alignmentScoreCardID"), b("aligned", read_only=True), b("onBudget", read_only=True),
        b("onTime", read_only=True), d("netValue", read_only=True), d("roi", read_only=True), s("groupID"),
    ],
    references=[ref("owner", "USER"), ref("alignmentScoreCard", "SCORE"), ref("group", "GROUP")],
    collections=[
        coll("projects", "PROJ", portfolioID="ID"),
        coll("programs", "PRGM", portfolioID="ID"),
        coll("documents", "DOCU", objID="ID", constants={"docObjCode": "PORT"}),
        coll("accessRules", "ACSRUL", securityObjID="ID", constants={"securityObjCode": "PORT"}, nested=True),
        coll("documentRequests", "DOCREQ", objID="ID", constants={"docObjCode": "PORT"}),
    ],
    actions=[CALC_DE, act("linkExternalObject"), act("unlinkExternalObject"), SHARE_ACTION],
)

PROGRAM = define(
    "Program", "PRGM", "Program",
    aliases=("program",),
    flags=("REPORTABLE", "DATA_EXTENDIBLE", "SHARABLE"),
    fields=[
        s("name", required=True), s("ownerID"), s("portfolioID"), s("groupID"), b("isActive", default=True),
        s("securityRootID", read_only=True), s("securityRootObjCode", read_only=True),
    ],
    references=[ref("portfolio", "PORT"), ref("owner", "USER"), ref("group", "GROUP")],
    collections=[
        coll("projects", "PROJ", programID="ID"),
        coll("documents", "DOCU", objID="ID", constants={"docObjCode": "PRGM"}),
        coll("accessRules", "ACSRUL", securityObjID="ID", constants={"securityObjCode": "PRGM"}, nested=True),
    ],
    actions=[act("move", ("portfolioID", "string"), ("options", "string[]")), CALC_DE, SHARE_ACTION],
)
