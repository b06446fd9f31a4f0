"""The open file and the only path by which the window and the CLI write to it (no Qt)."""

from desktop_app.session.changes import Change
from desktop_app.session.session import Session, write_failure

__all__ = ["Change", "Session", "write_failure"]
