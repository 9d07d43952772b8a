#!/usr/bin/env python3
"""The SQL of khur-identity's search-index changelog (create), or DROP INDEX for each of its indexes (drop), so that
bin/bench can time the lookups with Keycloak's own indexes only and then build ours exactly as the changelog does."""
import re
import sys
import os

CHANGELOG = os.path.join(os.path.dirname(__file__), "..", "providers", "khur-identity", "src", "main", "resources",
                         "META-INF", "khur-citizen-search-indexes-changelog.xml")
sql = "\n".join(m.strip() for m in re.findall(r"<sql>(.*?)</sql>", open(CHANGELOG, encoding="utf-8").read(), re.S))
if sys.argv[1] == "create":
    print(sql)
else:
    print("\n".join("DROP INDEX IF EXISTS %s;" % n for n in re.findall(r"CREATE INDEX IF NOT EXISTS (\w+)", sql)))
