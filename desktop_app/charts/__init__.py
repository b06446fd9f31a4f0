"""pyqtgraph charts; they get their numbers from store queries, never from raw SQL."""
