#!/usr/bin/env python3
"""From a PostgreSQL log written with auto_explain (log_analyze), the plans of statements on Keycloak's user
tables and our SMS audit, slowest first, each with its duration, the statement and the plan's scan nodes."""
import re
import sys

TABLES = ("user_entity", "user_attribute", "federated_identity", "credential", "khur_sms_inbound_audit")


def main(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    entries = re.split(r"\n(?=\S[^\n]*LOG:  duration: )", text)
    plans = []
    for e in entries:
        m = re.search(r"LOG:  duration: ([0-9.]+) ms  plan:\n(.*)", e, re.S)
        if not m:
            continue
        body = m.group(2)
        low = body.lower()
        if not any(t in low for t in TABLES):
            continue
        plans.append((float(m.group(1)), body.rstrip()))
    plans.sort(key=lambda p: -p[0])
    seen = set()
    def scans(body):
        # a sequential scan, or an index walked over (nearly) the whole realm: many rows filtered away or many loops
        return (re.search(r"Seq Scan on (" + "|".join(TABLES) + ")", body, re.I)
                or any(int(n) > 1000 for n in re.findall(r"Rows Removed by Filter: (\d+)", body))
                or any(int(n) > 1000 for n in re.findall(r"loops=(\d+)\)", body)))
    print("%d plans on the user tables; %d of them read more than 1,000 rows to find their answer (marked SCAN)\n"
          % (len(plans), sum(1 for p in plans if scans(p[1]))))
    for ms, body in plans:
        q = re.search(r"Query Text: (.*)", body)
        key = re.sub(r"'[^']*'|\$\d+|\d+", "?", q.group(1) if q else body[:200])
        if key in seen:
            continue
        seen.add(key)
        print("---- %.3f ms%s" % (ms, "  SCAN" if scans(body) else ""))
        print(body)
        print()


if __name__ == "__main__":
    main(sys.argv[1])
