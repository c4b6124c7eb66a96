"""Connection profiles: addresses per environment, validation, and a readable file in the config dir."""

from __future__ import annotations

import json

import pytest

from wfexplorer.core import errors
from wfexplorer.core.auth import AuthMethod, Environment, Profile, ProfileStore, TokenService, demo_profile


@pytest.mark.parametrize(
    ("environment", "base"),
    [
        (Environment.PRODUCTION, "https://acme.my.workfront.com"),
        (Environment.PREVIEW, "https://acme.preview.workfront.com"),
        (Environment.LEGACY, "https://acme.attask-ondemand.com"),
    ],
)
def test_each_environment_has_its_host_template(environment, base):
    profile = Profile(name="Acme", environment=environment, domain="acme", classic_version="v19.0")

    assert profile.base_url == base
    assert profile.classic_url == f"{base}/attask/api/v19.0"
    assert profile.planning_url == f"{base}/maestro/api/v2"
    assert profile.authorize_url == f"{base}/integrations/oauth2/authorize"
    assert profile.token_url == f"{base}/integrations/oauth2/api/v1/token"
    assert profile.ims_url == "https://ims-na1.adobelogin.com/ims/token/v3"


def test_a_custom_template_may_use_the_domain_and_a_port():
    profile = Profile(name="On-prem", environment=Environment.CUSTOM, domain="acme",
                      custom_url="https://{domain}.workfront.example:8443/", planning_version="v1")

    assert profile.base_url == "https://acme.workfront.example:8443"
    assert profile.host == "acme.workfront.example:8443"
    assert profile.planning_url == "https://acme.workfront.example:8443/maestro/api/v1"
    assert profile.ims_url == "https://acme.workfront.example:8443/ims/token/v3"


def test_the_demo_profile_is_a_built_in_custom_profile_for_the_simulator():
    profile = demo_profile("http://127.0.0.1:5000")

    assert profile.builtin
    assert profile.environment is Environment.CUSTOM
    assert profile.classic_url == "http://127.0.0.1:5000/attask/api/v21.0"
    assert profile.problems() == {}


def test_client_credentials_go_to_ims_or_workfront_as_the_profile_says():
    profile = Profile(name="S2S", domain="acme", auth_method=AuthMethod.OAUTH_CLIENT_CREDENTIALS, client_id="x")

    assert profile.client_credentials_url == profile.token_url
    assert profile.with_changes(token_service=TokenService.IMS).client_credentials_url == profile.ims_url


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": " "}, "name"),
        ({"domain": ""}, "domain"),
        ({"domain": "acme.my.workfront.com"}, "domain"),
        ({"domain": "-acme"}, "domain"),
        ({"classic_version": "17"}, "classic_version"),
        ({"planning_version": "v3"}, "planning_version"),
        ({"auth_method": AuthMethod.OAUTH_BROWSER}, "client_id"),
        ({"environment": Environment.CUSTOM, "custom_url": "ftp://host"}, "custom_url"),
        ({"environment": Environment.CUSTOM, "custom_url": ""}, "custom_url"),
    ],
)
def test_an_incomplete_profile_names_each_problem(changes, field):
    profile = Profile(name="Acme", domain="acme").with_changes(**changes)

    assert field in profile.problems()
    with pytest.raises(errors.ValidationError) as raised:
        profile.validated()
    assert field in raised.value.field_errors


def test_profiles_are_saved_as_readable_json_in_the_config_dir_and_loaded_back(tmp_path):
    store = ProfileStore(tmp_path)
    first = Profile(name="Acme prod", domain="acme", username="ada@acme.example")
    second = Profile(name="Acme sandbox", environment=Environment.PREVIEW, domain="acme",
                     auth_method=AuthMethod.OAUTH_BROWSER, client_id="app-1", planning_version="v1")

    store.save(first)
    store.save(second)

    document = json.loads((tmp_path / "profiles.json").read_text(encoding="utf-8"))
    assert [p["name"] for p in document["profiles"]] == ["Acme prod", "Acme sandbox"]
    assert document["profiles"][1]["environment"] == "preview"
    assert ProfileStore(tmp_path).load() == [first, second]


def test_saving_a_profile_again_replaces_it_in_place(tmp_path):
    store = ProfileStore(tmp_path)
    store.save(Profile(name="A", domain="a"))
    store.save(Profile(name="B", domain="b"))

    store.save(Profile(name="A", domain="a2"))

    assert [(p.name, p.domain) for p in store.load()] == [("A", "a2"), ("B", "b")]


def test_built_in_profiles_are_never_written(tmp_path):
    store = ProfileStore(tmp_path)

    store.save(demo_profile("http://127.0.0.1:5000"))

    assert not (tmp_path / "profiles.json").exists()
    assert store.load() == []


def test_deleting_a_profile_forgets_it(tmp_path):
    store = ProfileStore(tmp_path)
    store.save(Profile(name="A", domain="a"))

    assert store.delete("A")
    assert not store.delete("A")
    assert store.load() == []


def test_a_damaged_profile_file_is_reported_not_overwritten(tmp_path):
    path = tmp_path / "profiles.json"
    path.write_text("{ not json", encoding="utf-8")

    with pytest.raises(errors.ValidationError, match="damaged"):
        ProfileStore(tmp_path).load()
    assert path.read_text(encoding="utf-8") == "{ not json"


def test_unknown_keys_from_a_newer_version_are_ignored(tmp_path):
    (tmp_path / "profiles.json").write_text(
        json.dumps({"version": 9, "profiles": [{"name": "A", "domain": "a", "colour": "teal"}]}), encoding="utf-8"
    )

    assert ProfileStore(tmp_path).load() == [Profile(name="A", domain="a")]


def test_the_default_location_follows_the_platform_config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))

    store = ProfileStore()
    store.save(Profile(name="A", domain="a"))

    assert (tmp_path / "xdg" / "wfexplorer" / "profiles.json").exists()


def test_renaming_a_saved_profile_replaces_it_in_its_place(tmp_path):
    store = ProfileStore(tmp_path)
    for name in ("First", "Second", "Third"):
        store.save(Profile(name=name, domain="acme"))
    store.rename("Second", Profile(name="Renamed", domain="acme"))
    assert [profile.name for profile in store.load()] == ["First", "Renamed", "Third"]
    store.rename("Gone", Profile(name="Fourth", domain="acme"))  # nothing to replace: saved like a new one
    assert [profile.name for profile in store.load()] == ["First", "Renamed", "Third", "Fourth"]
