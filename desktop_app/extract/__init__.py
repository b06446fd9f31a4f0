"""Article text -> candidate commitments, events and statistics. Offline, rule-based, no Qt."""
