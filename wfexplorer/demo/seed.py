"""Seed a fresh database: classic data, Planning data, OAuth apps and the demo credentials."""

from __future__ import annotations

import json

from wfexplorer.demo.classic.seed import LEVEL_USERS, seed_classic
from wfexplorer.demo.context import DemoContext
from wfexplorer.demo.oauth.clients import seed_oauth_clients
from wfexplorer.demo.planning.seed import seed_planning

CREDENTIALS_META = "credentials"
ADMIN_USERNAME = "admin"
DEMO_PASSWORD = "demo"


def seed_all(context: DemoContext, scale: float = 1.0) -> None:
    """Build the deterministic demo dataset at ``scale`` and record the demo credentials."""
    seed_classic(context, scale)
    seed_planning(context, scale)
    oauth = seed_oauth_clients(context)
    admin = context.sessions.find_user(ADMIN_USERNAME)
    if admin is None:
        raise RuntimeError("the classic seed must create the 'admin' user")
    api_key = context.sessions.generate_api_key(admin["ID"])
    token = context.sessions.create(admin["ID"], origin="demo").token
    credentials = {
        "username": ADMIN_USERNAME,
        "password": DEMO_PASSWORD,
        "api_key": api_key,
        "access_token": token,
        "users": _level_users(context, api_key),
        **oauth,
    }
    context.store.set_meta(CREDENTIALS_META, json.dumps(credentials))
    context.store.set_meta("scale", str(scale))


def _level_users(context: DemoContext, admin_key: str) -> list[dict[str, str]]:
    """One entry per access level: username, password, level, user ID and an API key of their own."""
    admin = context.sessions.find_user(ADMIN_USERNAME)
    assert admin is not None
    entries = [{"username": ADMIN_USERNAME, "password": DEMO_PASSWORD, "access_level": "System Administrator",
                "user_id": str(admin["ID"]), "api_key": admin_key}]
    for username, _first, level, _licence, _right in LEVEL_USERS:
        user = context.sessions.find_user(username)
        if user is None:
            raise RuntimeError(f"the classic seed must create the {level} user {username!r}")
        entries.append({"username": username, "password": DEMO_PASSWORD, "access_level": level,
                        "user_id": str(user["ID"]), "api_key": context.sessions.generate_api_key(user["ID"])})
    return entries
