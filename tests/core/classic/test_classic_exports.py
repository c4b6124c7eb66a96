"""The package exports python-workfront's names and nothing it does not define."""

from __future__ import annotations

import wfexplorer.core.classic as classic


def test_python_workfront_names_are_exported() -> None:
    for name in ("Session", "Object", "Field", "Reference", "Collection", "FieldNotLoaded", "SANDBOX_TEMPLATE",
                 "ONDEMAND_TEMPLATE"):
        assert name in classic.__all__


def test_every_exported_name_exists_and_the_list_is_sorted() -> None:
    assert all(hasattr(classic, name) for name in classic.__all__)
    assert classic.__all__ == sorted(classic.__all__, key=lambda name: (not name.isupper(), name))


def test_the_default_template_is_the_current_production_host() -> None:
    assert classic.DEFAULT_TEMPLATE == "{protocol}://{domain}.my.workfront.com/attask/api/{api_version}"
    assert classic.Session("acme").url == "https://acme.my.workfront.com/attask/api/unsupported"
