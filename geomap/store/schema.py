"""The store's schema as migrations: each takes a store from version i to i + 1."""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE articles (
        sha256 TEXT PRIMARY KEY, id TEXT NOT NULL, path TEXT NOT NULL, title TEXT,
        outlet TEXT, published TEXT, text TEXT NOT NULL, extractor TEXT, added TEXT);
    CREATE TABLE paths (path TEXT PRIMARY KEY, sha256 TEXT, size INTEGER, mtime REAL);
    CREATE TABLE places (sha256 TEXT NOT NULL REFERENCES articles ON DELETE CASCADE,
        idx INTEGER NOT NULL, mention TEXT, start INTEGER, "end" INTEGER, name TEXT,
        kind TEXT, lat REAL, lon REAL, country TEXT, district TEXT, district_pcode TEXT,
        province TEXT, province_pcode TEXT, source TEXT, PRIMARY KEY (sha256, idx));
    CREATE TABLE claims (sha256 TEXT NOT NULL REFERENCES articles ON DELETE CASCADE,
        idx INTEGER NOT NULL, place_idx INTEGER NOT NULL, status TEXT, claimed_by TEXT,
        as_of TEXT, evidence TEXT, start INTEGER, "end" INTEGER, confidence REAL,
        as_of_precision TEXT, hedged INTEGER, PRIMARY KEY (sha256, idx));
    CREATE TABLE aggregates (sha256 TEXT NOT NULL REFERENCES articles ON DELETE CASCADE,
        idx INTEGER NOT NULL, text TEXT, claimed_by TEXT, as_of TEXT, evidence TEXT,
        start INTEGER, "end" INTEGER, count INTEGER, total INTEGER, share REAL, unit TEXT,
        region TEXT, PRIMARY KEY (sha256, idx));
    CREATE INDEX claims_by_district ON claims (status);
    """,
    """
    ALTER TABLE articles ADD COLUMN url TEXT;
    CREATE TABLE builds (id INTEGER PRIMARY KEY, started TEXT, finished TEXT,
        articles INTEGER, extracted INTEGER, problems INTEGER, outputs TEXT);
    """,
    """
    ALTER TABLE articles ADD COLUMN group_id TEXT;
    ALTER TABLE articles ADD COLUMN wire TEXT;
    CREATE TABLE fingerprints (hash TEXT NOT NULL,
        sha256 TEXT NOT NULL REFERENCES articles ON DELETE CASCADE);
    CREATE INDEX fingerprints_by_hash ON fingerprints (hash);
    CREATE INDEX fingerprints_by_article ON fingerprints (sha256);
    CREATE INDEX articles_by_wire ON articles (wire, published);
    CREATE INDEX articles_by_group ON articles (group_id);
    """,
    """
    CREATE TABLE reviews (id INTEGER PRIMARY KEY, action TEXT NOT NULL, claim_id TEXT,
        place TEXT, status TEXT, as_of TEXT, note TEXT, by TEXT, at TEXT,
        undone INTEGER NOT NULL DEFAULT 0, claim_text TEXT);
    CREATE INDEX reviews_by_claim ON reviews (claim_id);
    """,
    """
    CREATE INDEX places_by_unit ON places (
        (CASE WHEN kind = 'province' THEN coalesce(province_pcode, '')
         ELSE coalesce(district_pcode, '') END));
    CREATE INDEX claims_by_date ON claims (as_of);
    CREATE INDEX articles_headers ON articles (added, sha256, id, path, title, outlet,
        published, url, extractor, group_id);
    CREATE TABLE unit_views (unit TEXT PRIMARY KEY, view TEXT NOT NULL);
    CREATE TABLE view_articles (sha256 TEXT PRIMARY KEY, signature TEXT NOT NULL,
        units TEXT NOT NULL);
    """,
)

# The unit a place colours or is drawn in (``render.views.place_unit``), as SQL: the
# expression of the ``places_by_unit`` index, so that queries on it use the index.
PLACE_UNIT = (
    "(CASE WHEN kind = 'province' THEN coalesce(province_pcode, '') "
    "ELSE coalesce(district_pcode, '') END)"
)


SCHEMA_VERSION = len(MIGRATIONS)
