#!/usr/bin/env python3
"""The national-scale section of docs/BENCHMARKS.md (issue 19) from one `BENCH_CITIZENS=N bin/bench` run:
seeding time, lookups at N, the scenarios at ~1,000 citizens (results-small/) and at N (results/) with their
ratios, and the cost per completed flow (Keycloak CPU, statements, rows written, WAL bytes).

    python3 bench/scale-report.py bench/target/run > section.md
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
report = __import__("report")
fl, num, cpu_ms = report.fl, report.num, report.cpu_ms

LOGINS = [("baseline", "1 stock password login (realm bench-stock)"), ("reverse-sms", "2 reverse-SMS login"),
          ("esign", "4 USB-token signature login"), ("passkey", "6 passkey login")]


def short(query):
    """The part of a statement that decides its plan: what it reads and its WHERE clause."""
    m = re.search(r"\bfrom (.*)", query, re.I)
    return ("… from " + m.group(1))[:230] if m else query[:230]


def load(d, name):
    p = os.path.join(d, name)
    if not os.path.exists(p):
        return None
    with open(p) as f:
        return json.load(f)


def flows(r):
    """Completed flows of the whole scenario (the period the database snapshots cover)."""
    if not r:
        return 0
    n = sum(f["flowsWholeRun"] - f["failedWholeRun"] for f in r["flows"].values())
    fixed = r.get("extra", {}).get("fixedRate")
    if fixed:
        n += fixed["count"]
    return n


def db_cost(d, scenario, r):
    a, b = load(d, scenario + ".db-before.json"), load(d, scenario + ".db-after.json")
    n = flows(r)
    if not a or not b or not n:
        return None
    diff = {k: b[k] - a[k] for k in a if isinstance(a[k], (int, float))}
    written = diff["tup_inserted"] + diff["tup_updated"] + diff["tup_deleted"]
    # bin/bench resets pg_stat_statements right after the "before" snapshot: the "after" count is the scenario's
    return {"n": n, "statements": b["statements"] / n, "rows": written / n, "ins": diff["tup_inserted"] / n,
            "upd": diff["tup_updated"] / n, "del": diff["tup_deleted"] / n, "wal": diff["wal_bytes"] / n,
            "commits": diff["xact_commit"] / n}


def main(run):
    small_dir, big_dir = os.path.join(run, "results-small"), os.path.join(run, "results")
    w = print
    seed = open(os.path.join(big_dir, "seed.txt")).read() if os.path.exists(os.path.join(big_dir, "seed.txt")) else ""
    w("### Seeding\n")
    w("```")
    w(seed.strip())
    w("```\n")
    sa, sb = load(big_dir, "seed.db-before.json"), load(big_dir, "seed.db-after.json")
    if sa and sb:
        w("Database size %.0f MiB before, %.0f MiB after the load; WAL written by the load %.0f MiB.\n" % (
            sa["db_bytes"] / 2**20, sb["db_bytes"] / 2**20, (sb["wal_bytes"] - sa["wal_bytes"]) / 2**20))
    tables = os.path.join(big_dir, "seed.tables.txt")
    if os.path.exists(tables):
        w("| table | rows (estimate) | size with indexes |\n|---|---|---|")
        for line in open(tables):
            p = [x.strip() for x in line.split("|")]
            if len(p) == 3:
                w("| %s | %s | %s |" % tuple(p))
        w("")
    stock, lk = load(big_dir, "lookups-stock.json"), load(big_dir, "lookups.json")
    if lk:
        w("### Lookups at this size\n")
        w("Citizen %s (register number %s, phone %s), loaded by COPY. Time as the HTTP client sees it (median of 5 after"
          " a first call), with Keycloak's own indexes only and then with khur-identity's search indexes; and the"
          " slowest statement PostgreSQL ran for it (pg_stat_statements mean). Plans: `results/lookups-stock-plans.txt`,"
          " `results/lookups-plans.txt`.\n" % (lk["citizen"], lk["registerNumber"], lk["phone"]))
        w("| operation | median ms, Keycloak's indexes | median ms, with ours | slowest statement, Keycloak's indexes: mean ms | with ours: mean ms | statement |")
        w("|---|---|---|---|---|---|")
        before = {op["operation"]: op for op in (stock or {}).get("operations", [])}
        for op in lk["operations"]:
            s0 = before.get(op["operation"])
            st = op["statements"][0] if op["statements"] else ["", "", "", ""]
            st0 = s0["statements"][0] if s0 and s0["statements"] else ["", "n/a", "", ""]
            w("| %s | %s | %s | %s | %s | `%s` |" % (op["operation"], num(s0["ms_median_rest"]) if s0 else "n/a",
                                                   num(op["ms_median_rest"]), st0[1], st[1],
                                                   short(st0[3] or st[3]).replace("|", "\\|")))
        w("")
    w("### The same scenarios at ~1,000 and at N citizens\n")
    w("| scenario | flows/s small | flows/s N | ratio | p95 ms small | p95 ms N | Keycloak CPU ms/flow small | N | machine busy small / N |")
    w("|---|---|---|---|---|---|---|---|---|")
    for scenario, label, kind in [("baseline", "1 stock password login", "login"), ("reverse-sms", "2 reverse-SMS login", "login"),
                                  ("webhook", "3a webhook, unmatched", "unmatched"), ("webhook", "3b webhook, matched", "matched"),
                                  ("esign", "4 USB-token signature login", "login"), ("passkey", "6 passkey login", "login")]:
        a, b = load(small_dir, scenario + ".json"), load(big_dir, scenario + ".json")
        if not a or not b or kind not in a["flows"] or kind not in b["flows"]:
            w("| %s | not run | | | | | | | |" % label)
            continue
        fa, fb = a["flows"][kind], b["flows"][kind]
        ratio = fl(fb["perSecond"]) / fl(fa["perSecond"]) if fl(fa["perSecond"]) else float("nan")
        w("| %s | %s | %s | **%s** | %s | %s | %s | %s | %s / %s %% |" % (
            label, num(fa["perSecond"]), num(fb["perSecond"]), num(ratio, 2), num(fa["p95ms"], 0), num(fb["p95ms"], 0),
            num(cpu_ms(a, kind), 1), num(cpu_ms(b, kind), 1), num(a["cpu"].get("machineBusyPercent"), 0),
            num(b["cpu"].get("machineBusyPercent"), 0)))
        fixed_a, fixed_b = a.get("extra", {}).get("fixedRate"), b.get("extra", {}).get("fixedRate")
        if kind == "matched" and fixed_a and fixed_b:
            w("| 3c webhook at a fixed %s/s | %s | %s | %s | p99 %s | p99 %s | | | |" % (
                fixed_a["offeredPerSecond"], num(fixed_a["perSecond"]), num(fixed_b["perSecond"]),
                num(fl(fixed_b["perSecond"]) / fl(fixed_a["perSecond"]), 2), num(fixed_a["p99ms"], 1), num(fixed_b["p99ms"], 1)))
    w("")
    w("### Cost per completed flow\n")
    w("Database figures are differences of `pg_stat_statements` (sum of calls), `pg_stat_database` (tup_inserted +"
      " tup_updated + tup_deleted, xact_commit) and `pg_current_wal_lsn()` over the whole scenario (warm-up included;"
      " snapshots 11 s after the previous activity so that every backend has flushed its counters), divided by the flows"
      " completed in it. Keycloak CPU is over the measurement window only (as in the table above).\n")
    w("| citizens | scenario | flows | Keycloak CPU ms | statements | rows written (ins / upd / del) | commits | WAL bytes |")
    w("|---|---|---|---|---|---|---|---|")
    for d, size in ((small_dir, "~1,000"), (big_dir, "N")):
        for scenario, label in LOGINS + [("webhook", "3 webhook, all messages (includes the logins that make matched ones)"),
                                         ("registration", "5 registration by phone (dev-mode server)")]:
            r = load(d, scenario + ".json")
            c = db_cost(d, scenario, r)
            if not c:
                continue
            kind = {"webhook": "unmatched", "registration": "registration"}.get(scenario, "login")
            w("| %s | %s | %d | %s | %s | %s (%s / %s / %s) | %s | %s |" % (
                size, label, c["n"], num(cpu_ms(r, kind), 1), num(c["statements"], 1), num(c["rows"], 1), num(c["ins"], 1),
                num(c["upd"], 1), num(c["del"], 1), num(c["commits"], 1), num(c["wal"], 0)))
    w("")


if __name__ == "__main__":
    main(sys.argv[1])
