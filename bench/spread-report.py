#!/usr/bin/env python3
"""The spread of repeated runs (issue 19.3): for each scenario run BENCH_REPEAT times by bin/bench (the main pass in
results/, the others in results/repeat-<k>/), min / median / max of what one completed login costs, and the reverse-SMS
login's difference to the stock login within each repetition (the two ran back to back, so they share the machine's
load more than any two repetitions do).

    python3 bench/spread-report.py bench/target/run/results baseline reverse-sms > section.md
"""
import glob
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(__file__))
report = __import__("report")
scale = __import__("scale-report")
num, fl, cpu_ms = report.num, report.fl, report.cpu_ms

LABELS = {"baseline": "1 stock password login", "reverse-sms": "2 reverse-SMS login", "esign": "4 USB-token signature login",
          "passkey": "6 passkey login"}


def runs(results):
    dirs = [results] + sorted(glob.glob(os.path.join(results, "repeat-*")), key=lambda d: int(d.rsplit("-", 1)[1]))
    return [d for d in dirs if os.path.isdir(d)]


def measures(d, scenario):
    r = scale.load(d, scenario + ".json")
    if not r or "login" not in r.get("flows", {}):
        return None
    c = scale.db_cost(d, scenario, r) or {}
    return {"flows/s": fl(r["flows"]["login"]["perSecond"]), "p95 ms": fl(r["flows"]["login"]["p95ms"]),
            "Keycloak CPU ms": cpu_ms(r, "login"), "statements": c.get("statements", float("nan")),
            "rows written": c.get("rows", float("nan")), "commits": c.get("commits", float("nan")),
            "WAL bytes": c.get("wal", float("nan")), "machine busy %": fl(r.get("cpu", {}).get("machineBusyPercent"))}


def spread(values, digits):
    v = [x for x in values if x == x]
    if not v:
        return "n/a"
    return "%s / **%s** / %s" % (num(min(v), digits), num(statistics.median(v), digits), num(max(v), digits))


def main(results, scenarios):
    dirs = runs(results)
    print("Each cell: min / **median** / max over the runs; each run's figures are computed as in the cost table above "
          "(CPU over the window, database counters over the whole scenario).\n")
    print("| scenario | runs | flows/s | p95 ms | Keycloak CPU ms | statements | rows written | commits | WAL bytes | machine busy % |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    per = {}
    for scenario in scenarios:
        ms = [m for m in (measures(d, scenario) for d in dirs) if m]
        per[scenario] = [measures(d, scenario) for d in dirs]
        if not ms:
            print("| %s | 0 | not run | | | | | | | |" % LABELS.get(scenario, scenario))
            continue
        print("| %s | %d | %s |" % (LABELS.get(scenario, scenario), len(ms), " | ".join(
            spread([m[k] for m in ms], 1 if k not in ("WAL bytes", "p95 ms", "machine busy %") else 0)
            for k in ("flows/s", "p95 ms", "Keycloak CPU ms", "statements", "rows written", "commits", "WAL bytes",
                      "machine busy %"))))
    print("")
    if "baseline" in per and "reverse-sms" in per:
        names = ["main pass"] + [os.path.basename(d) for d in dirs[1:]]
        pairs = [(n, b, s) for n, b, s in zip(names, per["baseline"], per["reverse-sms"]) if b and s]
        if pairs:
            print("Reverse-SMS against the stock login, run by run (issue 19.3's targets: at most +3 ms of Keycloak CPU and "
                  "1.1 × the rows written):\n")
            print("| run | CPU ms stock | CPU ms reverse SMS | difference ms | rows stock | rows reverse SMS | ratio |")
            print("|---|---|---|---|---|---|---|")
            for name, b, s in pairs:
                print("| %s | %s | %s | %s | %s | %s | %s × |" % (
                    name, num(b["Keycloak CPU ms"], 1), num(s["Keycloak CPU ms"], 1),
                    num(s["Keycloak CPU ms"] - b["Keycloak CPU ms"], 1), num(b["rows written"], 2),
                    num(s["rows written"], 2), num(s["rows written"] / b["rows written"], 2) if b["rows written"] else "n/a"))
            print("")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
