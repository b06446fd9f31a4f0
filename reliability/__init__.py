"""Fault-injection suite: kill -9, concurrent writers, a full disk and hostile files.

Run it with `make reliability` (or `python -m reliability.run`); see docs/reliability.md.
"""
