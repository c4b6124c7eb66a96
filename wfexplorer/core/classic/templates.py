"""Base URL templates of the classic API (``{protocol}``, ``{domain}`` and ``{api_version}`` are filled in)."""

from __future__ import annotations

#: Current production hosts: ``https://acme.my.workfront.com/attask/api/v21.0``; the default.
MY_WORKFRONT_TEMPLATE = "{protocol}://{domain}.my.workfront.com/attask/api/{api_version}"
#: Legacy production hosts (python-workfront's default).
ONDEMAND_TEMPLATE = "{protocol}://{domain}.attask-ondemand.com/attask/api/{api_version}"
#: The preview sandbox.
SANDBOX_TEMPLATE = "{protocol}://{domain}.preview.workfront.com/attask/api/{api_version}"
DEFAULT_TEMPLATE = MY_WORKFRONT_TEMPLATE
#: The newest API, as python-workfront calls it.
DEFAULT_API_VERSION = "unsupported"


def base_url_template(base_url: str) -> str:
    """Return a template for a server given by address (``http://127.0.0.1:8123`` → ``…/attask/api/{api_version}``)."""
    root = base_url.rstrip("/")
    if "/attask/api" in root:
        root = root[: root.index("/attask/api")]
    return root.replace("{", "{{").replace("}", "}}") + "/attask/api/{api_version}"
