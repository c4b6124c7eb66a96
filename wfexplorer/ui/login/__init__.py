"""The sign-in dialog: connection profiles, password / API key / OAuth 2.0, remember me, inline errors."""
