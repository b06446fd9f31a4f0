"""The main window's tabs, in order."""

TAB_COMMITMENTS, TAB_EVENTS, TAB_STATISTICS, TAB_DASHBOARD, TAB_MAP, TAB_SOURCES = range(6)
