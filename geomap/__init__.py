"""geomap: maps of claimed control, built offline from news articles."""
