"""Exit 0 when the PostgreSQL server named by the URL in argv[1] accepts a connection."""

import sys

import dj_database_url
import psycopg

url = sys.argv[1] if len(sys.argv) > 1 else ""
if not url:
    sys.exit(1)
config = dj_database_url.parse(url)
try:
    psycopg.connect(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"],
        dbname=config["NAME"],
        connect_timeout=3,
    ).close()
except psycopg.Error:
    sys.exit(1)
