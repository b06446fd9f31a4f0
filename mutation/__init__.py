"""Mutation testing on a seeded sample (make mutation): see docs/testing.md."""
