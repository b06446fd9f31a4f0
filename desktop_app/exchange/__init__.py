"""CSV in and out (no Qt): the file format, the export, the import with its row builders, and
the presets that read other programs' files (ACLED). Imports run inside the session's write."""
