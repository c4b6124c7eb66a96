"""HTML of the simulator's sign-in and consent page, and of its error page.

The sign-in page is a plain HTML form a real browser can submit: it posts the username, the
password, the decision (``allow`` or ``deny``) and the OAuth request parameters (as hidden
fields) back to ``/integrations/oauth2/authorize``.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

AUTHORIZE_PATH = "/integrations/oauth2/authorize"

#: The authorization request parameters the form carries through the sign-in POST.
CARRIED_PARAMETERS = (
    "client_id",
    "redirect_uri",
    "response_type",
    "state",
    "scope",
    "code_challenge",
    "code_challenge_method",
)

_STYLE = """
body { font-family: system-ui, sans-serif; background: #f4f6f9; margin: 0; }
main { max-width: 26rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: 8px;
       box-shadow: 0 1px 4px rgba(0,0,0,.15); }
h1 { font-size: 1.4rem; margin-top: 0; }
label { display: block; margin-top: 1rem; font-weight: 600; }
input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: .5rem; margin-top: .25rem; }
.buttons { margin-top: 1.5rem; display: flex; gap: .75rem; }
button { padding: .5rem 1.25rem; font-size: 1rem; }
.error { color: #a4000f; background: #fdecee; padding: .5rem .75rem; border-radius: 4px; }
.app { color: #444; }
"""


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>\n"
    )


def sign_in_page(
    *,
    app_name: str,
    parameters: Iterable[tuple[str, str]],
    username: str = "",
    error: str | None = None,
) -> str:
    """Render the sign-in and consent form for an authorization request."""
    hidden = "".join(
        f'<input type="hidden" name="{escape(name)}" value="{escape(value)}">' for name, value in parameters
    )
    alert = f'<p class="error" role="alert" id="error">{escape(error)}</p>' if error else ""
    body = (
        "<h1>Sign in to Workfront (demo)</h1>"
        f'<p class="app"><strong>{escape(app_name)}</strong> wants to use Workfront as you. '
        "Sign in to allow it.</p>"
        f"{alert}"
        f'<form method="post" action="{AUTHORIZE_PATH}" id="signin">'
        f"{hidden}"
        '<label for="username">Username</label>'
        f'<input type="text" id="username" name="username" value="{escape(username)}" '
        'autocomplete="username" autofocus required>'
        '<label for="password">Password</label>'
        '<input type="password" id="password" name="password" autocomplete="current-password">'
        '<div class="buttons">'
        '<button type="submit" name="decision" value="allow" id="allow">Sign in and allow</button>'
        '<button type="submit" name="decision" value="deny" id="deny" formnovalidate>Deny</button>'
        "</div></form>"
    )
    return _page("Sign in to Workfront (demo)", body)


def error_page(title: str, message: str) -> str:
    """Render an error the browser shows when the request cannot be sent back to the app."""
    body = f"<h1>{escape(title)}</h1><p class=\"error\" role=\"alert\">{escape(message)}</p>"
    return _page(title, body)
