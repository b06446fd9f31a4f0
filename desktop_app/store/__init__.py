"""The SQLite store (through sqlite-utils). No Qt. Everything reads and writes data through here."""
