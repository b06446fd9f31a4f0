"""Read-only sharing of a database with Datasette: a snapshot copy, its metadata, the server."""
