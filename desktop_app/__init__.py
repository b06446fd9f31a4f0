"""Commitment Tracker: follow what governments promised each other, and whether they delivered."""

__version__ = "0.1.0"
APP_NAME = "Commitment Tracker"
APP_ID = "commitment-tracker"
DESKTOP_ID = "io.github.commitmenttracker.CommitmentTracker"
