#!/usr/bin/env python3
"""Times the lookups that must not scan at national scale (issue 19) against the running bench server, and
collects their SQL and plans.

For each operation: pg_stat_statements is reset, the HTTP request is sent REPEAT times (the first warms
Keycloak's caches, the reported time is the median of the rest, as the operator or gateway sees it), then the
statements PostgreSQL ran for it are listed with their mean time. bin/bench turns on auto_explain (log_analyze,
every statement) for the duration, so the plans with real parameters and actual rows are in PostgreSQL's log;
bin/bench copies the ones that touch the user tables into the results.

Writes RESULTS/NAME.json and RESULTS/NAME.txt (--name, default lookups).
"""

import argparse
import hashlib
import hmac
import json
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

sys.path.insert(0, __import__("os").path.dirname(__file__))
seed = __import__("seed-citizens")

REPEAT = 6


def http(method, url, token=None, body=None, headers=None):
    h = dict(headers or {})
    if token:
        h["Authorization"] = "Bearer " + token
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else body.encode()
    req = urllib.request.Request(url, data=data, method=method, headers=h)
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            payload = r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        payload = e.read()
        status = e.code
    return status, payload, (time.perf_counter() - t) * 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base-url", required=True)
    ap.add_argument("--psql", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--citizen", type=int, required=True, help="index of a bulk-loaded citizen")
    ap.add_argument("--sms-secret", required=True)
    ap.add_argument("--name", default="lookups", help="file name of the results (RESULTS/NAME.json, .txt)")
    args = ap.parse_args()
    psql = args.psql.split()

    def sql(q):
        return subprocess.run(psql + ["-At", "-F", "\t", "-c", q], check=True, capture_output=True, text=True).stdout

    def admin_token():
        # master's access tokens live 60 s and a scanning search takes seconds: a fresh one per request
        status, body, _ = http("POST", args.base_url + "/realms/master/protocol/openid-connect/token",
                               body="grant_type=password&client_id=admin-cli&username=admin&password=admin",
                               headers={"Content-Type": "application/x-www-form-urlencoded"})
        return json.loads(body)["access_token"]

    i = args.citizen
    regnum = seed.register_number(i)
    phone = seed.phone(i)
    national = phone[4:]
    user_id = seed.uid(1, i)
    bank_every = None
    admin = args.base_url + "/admin/realms/khur"
    q = urllib.parse.quote

    def webhook():
        payload = json.dumps({"messageId": "lookup-%d-%f" % (i, time.time()), "from": phone, "to": "130092",
                              "text": "123456"}).encode()
        ts = str(int(time.time()))
        sig = hmac.new(args.sms_secret.encode(), ts.encode() + b"." + payload, hashlib.sha256).hexdigest()
        return "POST", args.base_url + "/realms/khur/sms-gateway/inbound", payload, {
            "Content-Type": "application/json", "X-Khur-Timestamp": ts, "X-Khur-Signature": "v1=" + sig}

    # the bank link of a loaded citizen: seed-citizens.py links every k-th citizen, banks in turn
    linked = sql("select identity_provider, federated_user_id from federated_identity"
                 " where federated_user_id like 'bench-%%' order by federated_user_id desc limit 1").split()
    ops = [
        ("admin search: register number as typed (search=)", "GET", admin + "/users?briefRepresentation=true&first=0&max=11&search=" + q(regnum)),
        ("admin console list: register number (ui-ext/brute-force-user)", "GET", admin + "/ui-ext/brute-force-user?briefRepresentation=true&first=0&max=11&q=&search=" + q(regnum)),
        ("admin search: phone E.164 (search=)", "GET", admin + "/users?briefRepresentation=true&first=0&max=11&search=" + q(phone)),
        ("admin console list: phone, 8 digits (ui-ext/brute-force-user)", "GET", admin + "/ui-ext/brute-force-user?briefRepresentation=true&first=0&max=11&q=&search=" + q(national)),
        ("admin attribute search: register_number (q=)", "GET", admin + "/users?briefRepresentation=true&first=0&max=11&q=" + q("register_number:" + regnum)),
        ("admin attribute search: phone_number (q=)", "GET", admin + "/users?briefRepresentation=true&first=0&max=11&q=" + q("phone_number:" + phone)),
        ("username exact (login's getUserByUsername)", "GET", admin + "/users?briefRepresentation=true&exact=true&username=" + q(regnum.lower())),
        ("bank identity (getUserByFederatedIdentity)", "GET", admin + "/users?briefRepresentation=true&idpAlias=%s&idpUserId=%s" % (
            q(linked[0]), q(linked[1])) if linked else None),
        ("SMS audit by phone", "GET", admin + "/khur-sms-audit?phone=" + q(phone) + "&first=0&max=20"),
        ("SMS audit by citizen", "GET", admin + "/khur-sms-audit?user=" + q(user_id) + "&first=0&max=20"),
        ("inbound SMS webhook from a loaded citizen's phone (unmatched)", "WEBHOOK", None),
    ]
    out = []
    for name, method, url in ops:
        if method == "GET" and url is None:
            continue
        sql("select pg_stat_statements_reset()")
        times = []
        statuses = set()
        sample = b""
        for _ in range(REPEAT):
            if method == "WEBHOOK":
                m, u, b, h = webhook()
                status, sample, ms = http(m, u, body=b, headers=h)
            else:
                status, sample, ms = http(method, url, token=admin_token())
            statuses.add(status)
            times.append(ms)
        time.sleep(1.2)  # PostgreSQL 15 flushes a backend's statement stats at most once a second
        stmts = sql("select calls, round(mean_exec_time::numeric, 2), rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 3000)"
                    " from pg_stat_statements where query not like '%pg_stat_statements%'"
                    " order by mean_exec_time desc limit 8")
        rec = {"operation": name, "url": url or "POST /realms/khur/sms-gateway/inbound", "status": sorted(statuses),
               "ms_first": round(times[0], 1), "ms_median_rest": round(statistics.median(times[1:]), 1),
               "ms_max_rest": round(max(times[1:]), 1),
               "found": (sample[:160].decode("utf-8", "replace")),
               "statements": [line.split("\t") for line in stmts.splitlines()]}
        out.append(rec)
        print("lookups: %-62s %s first %7.1f ms, median %7.1f ms" % (name, rec["status"], rec["ms_first"], rec["ms_median_rest"]),
              flush=True)
    with open(args.results + "/" + args.name + ".json", "w") as f:
        json.dump({"citizen": i, "registerNumber": regnum, "phone": phone, "operations": out}, f, ensure_ascii=False, indent=1)
    with open(args.results + "/" + args.name + ".txt", "w") as f:
        for rec in out:
            f.write("== %s  %s  first %.1f ms, median of %d %.1f ms, max %.1f ms\n   %s\n" % (
                rec["operation"], rec["status"], rec["ms_first"], REPEAT - 1, rec["ms_median_rest"], rec["ms_max_rest"], rec["url"]))
            for s in rec["statements"]:
                f.write("   %s calls, mean %s ms, %s rows: %s\n" % tuple(s[:4]))
            f.write("\n")


if __name__ == "__main__":
    main()
