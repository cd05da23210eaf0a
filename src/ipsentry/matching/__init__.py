"""Matching engines: pure functions over plain data, no database, safe to ship to workers."""
