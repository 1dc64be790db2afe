"""Keeping state between builds: the SQLite store, atomic writes and folder watching."""
