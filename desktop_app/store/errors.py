"""Errors the store raises with a sentence fit to show a user."""


class StoreError(Exception):
    """A problem the user can act on; str(error) is one clear sentence."""


class NotOurDatabase(StoreError):
    """The file is not a Commitment Tracker database (not SQLite, damaged, or someone else's)."""


class NewerSchema(StoreError):
    """The database was written by a newer version of the app."""
