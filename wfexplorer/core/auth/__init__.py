"""Sign-in: OAuth 2.0, connection profiles and secrets in the OS keyring."""
