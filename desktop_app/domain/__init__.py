"""Plain-Python model of what an analyst tracks. No Qt, no SQL."""
