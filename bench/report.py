#!/usr/bin/env python3
"""Writes docs/BENCHMARKS.md from the results of one bin/bench run (bench/target/run/results/*.json).

Every number in the report comes from those files; nothing is typed in by hand. Targets are
from issue 9 and are compared, never asserted.
"""
import argparse
import datetime
import json
import math
import os
import platform
import re
import subprocess


def load(results, name):
    path = os.path.join(results, name + ".json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def fl(x):
    """Jackson writes NaN as the string "NaN"."""
    if isinstance(x, str):
        try:
            return float(x)
        except ValueError:
            return float("nan")
    return float("nan") if x is None else x


def num(x, digits=1):
    x = fl(x) if isinstance(x, str) else x
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    return f"{x:,.{digits}f}"


def cpu_ms(r, kind):
    """Keycloak CPU milliseconds per completed flow in the window (all flow kinds of the scenario share the CPU)."""
    if not r or "cpu" not in r:
        return float("nan")
    total = sum(fl(f.get("perSecond", 0)) for k, f in r["flows"].items() if k in ("login", "matched", "unmatched", "registration"))
    return fl(r["cpu"].get("keycloakCores")) * 1000 / total if total else float("nan")


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=60).stdout.strip()
    except Exception:
        return ""


def machine():
    cpu = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_kb = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal"):
                mem_kb = int(line.split()[1])
    return cpu, os.cpu_count(), mem_kb / 1024 / 1024


def hot_methods(results, scenario, n=12):
    path = os.path.join(results, scenario + ".hot-methods.txt")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        lines = [l.rstrip() for l in f if l.strip()]
    # keep the table rows (method, samples, percent)
    rows = [l for l in lines if re.search(r"\d+[.,]\d+%\s*$", l)]
    return rows[:n]


def dev_server_note(a, reg):
    """Run bullet for scenario 5's own server (dev mode, by necessity)."""
    cache = ""
    path = os.path.join(a.results, "registration.static-cache.txt")
    if os.path.exists(path):
        with open(path) as f:
            cache = f.read().strip()
    return ("- **Scenario 5 ran on its own server, in dev mode**: after scenarios 1–4 (if run) the same server tree was "
            "restarted with `kc.sh start-dev --db=postgres --cache=local` on the same PostgreSQL, same heap and ports, with "
            "`--spi-theme--cache-themes=true --spi-theme--cache-templates=true --spi-theme--static-max-age=2592000` "
            "(production's theme caching, which start-dev turns off)"
            + (f"; a static resource answered `{cache}`" if cache else "")
            + ". Why: the captcha's answer reaches an automated client only through `KHUR_CAPTCHA_TEST_MODE=true`, which "
            "Keycloak honours only in dev mode (a security property the bench does not weaken). Bench-only settings of that "
            f"server: `KHUR_CAPTCHA_TEST_MODE=true`; `KHUR_PHONE_OWNERSHIP_URL` → the sandbox subscriber lookup started by "
            f"bin/bench on 127.0.0.1:{a.lookup_port} (`mn.gov.khur.bench.LookupServer`, with a per-run bearer token); "
            "`KHUR_SELFSERVICE_POSTS_PER_MINUTE=1000000` (default 20 per client IP and form: every bench browser is "
            "127.0.0.1). **Its numbers are not a ratio to the production-mode baseline.**")


def server_lines(wait, n_wait, kc, idle):
    """Issue 19.4: what the waiting pages hold in the server, and the window beyond status-max-held-requests."""
    s, ex = wait["settings"], wait.get("extra", {})
    lines = []
    idle_g, mid, after = ex.get("serverIdle"), ex.get("serverMidWindow"), ex.get("serverAfterWindow")
    if mid and after and idle_g:
        lines.append("")
        lines.append("What the server held (management `/metrics` and `/proc` of the Keycloak process; heap after a full GC):")
        lines.append("")
        lines.append("| moment | pages waiting | status requests held (limit) | heap used after GC, MiB (max) | open file descriptors | threads | resident memory, MiB |")
        lines.append("|---|---|---|---|---|---|---|")

        def known(x):  # ServerGauges writes -1 for what /proc did not give
            return float("nan") if x is None or (isinstance(x, (int, float)) and x < 0) else x

        def row(label, pages, g, gc):
            lines.append("| %s | %s | %s (%s) | %s (%s) | %s | %s | %s |" % (
                label, num(known(pages), 0), num(g.get("heldRequests"), 0), num(g.get("heldLimit"), 0),
                num(known((gc or {}).get("heapUsedMiB")), 0) if gc else "–", num(g.get("heapMaxMiB"), 0),
                num(known(g.get("openFileDescriptors")), 0), num(g.get("liveThreads"), 0),
                num(known((gc or g).get("residentMiB")), 0)))
        row("before the scenario (idle)", 0, idle_g, idle_g)
        row("middle of the hold window", n_wait, mid, None)
        row("end of the hold window", n_wait, after, after)
        bm, ba, bg = ex.get("serverBeyondMidWindow"), ex.get("serverBeyondAfterWindow"), ex.get("serverBeyondAfterGc")
        n_beyond = ex.get("waitingBeyondAtWindow")
        if bm and ba and bg and n_beyond is not None:
            row("middle of the window beyond the limit", n_beyond, bm, None)
            row("end of the window beyond the limit", n_beyond, ba, bg)
            beyond_kc = fl(ex.get("beyondKeycloakCores"))
            lines.append("")
            extra_pages = n_beyond - n_wait
            if math.isnan(fl(beyond_kc)) or math.isnan(fl(kc)):
                cpu_note = "(n/a: a CPU sample is missing)."
            elif extra_pages > 0 and beyond_kc > kc:
                cpu_note = f"(+{num((beyond_kc - kc) * 1000 / extra_pages * 100, 1)} % of one core per 1,000 pages beyond the limit)."
            else:
                cpu_note = "(no increase this window could separate from noise)."
            lines.append(
                f"**Beyond the limit** (`status-max-held-requests` {num(ba.get('heldLimit'), 0)} per node): {s.get('waitingBeyond', 'n/a')} more "
                f"pages came after the hold window ({extra_pages} more waiting at the second window). The server held "
                f"{num(bm.get('heldRequests'), 0)} requests and answered **{num(ba.get('limitReachedPerSecond'), 0)} requests/s at once** "
                f"because the limit was reached (`khur_sms_status_held_limit_reached_total`); those pages asked again a second "
                f"later, as before long-polling (status requests that failed in the whole scenario: "
                f"{wait['flows'].get('status poll', {}).get('failedWholeRun', 'n/a')}). Keycloak CPU in a {s.get('holdSeconds')} s window: "
                f"{num(beyond_kc, 3)} cores, against {num(kc, 3)} in the hold window " + cpu_note)
    return lines


def keycloak_version(home):
    """The version the server tree says it is ("Keycloak - Version 26.7.5"), not one written into this script."""
    try:
        with open(os.path.join(home, "version.txt"), encoding="utf-8") as f:
            return f.read().strip().rsplit(" ", 1)[-1]
    except OSError:
        return "(version unknown: no version.txt in the server tree)"


def keycloak_tree(home):
    return os.path.relpath(home) if home else "server/target/keycloak-*"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--command", required=True)
    ap.add_argument("--keycloak-log", default="")
    ap.add_argument("--java", default="java")
    ap.add_argument("--heap", default="")
    ap.add_argument("--http-port", default="48080")
    ap.add_argument("--management-port", default="49000")
    ap.add_argument("--lookup-port", default="48093")
    ap.add_argument("--keycloak-home", default="", help="the server tree the bench copied (its version.txt names the version)")
    a = ap.parse_args()

    base = load(a.results, "baseline")
    sms = load(a.results, "reverse-sms")
    hook = load(a.results, "webhook")
    wait = load(a.results, "waiting")
    esign = load(a.results, "esign")
    reg = load(a.results, "registration")
    passkey = load(a.results, "passkey")

    cpu_model, ncpu, mem_gb = machine()
    java = sh(f"'{a.java}' -version 2>&1 | head -1")
    pg = sh("/usr/lib/postgresql/15/bin/postgres --version")
    gatling = "3.15.1 (gatling-maven-plugin 4.21.12)"
    load_before = open("/proc/loadavg").read().split()[:3]

    out = []
    w = out.append
    w("# Benchmarks")
    w("")
    w("Generated by `bin/bench` (bench/report.py) from one run; every number below was measured in that run.")
    w("Targets are from issue 9; nothing here is asserted by any test. Re-run to refresh this file.")
    w("")
    w("## Run")
    w("")
    w(f"- Date (UTC): {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M')}")
    w(f"- Command: `{a.command}`")
    w(f"- Machine: {ncpu} cores ({cpu_model}), {mem_gb:.1f} GiB RAM, {platform.system()} {platform.release()}; "
      f"load average at report time {' / '.join(load_before)}")
    w("- **Shared machine**: other engineers' Keycloaks and builds run on it at the same time, and the load "
      "generator (Gatling) runs on the same 2 cores as Keycloak and PostgreSQL. The `machine busy` column shows "
      "the whole machine's CPU during each window; absolute numbers are noisy, ratios within one run less so.")
    if not (base or sms or hook or wait or esign or passkey):
        w("- Scenarios 1–4 were not run: no production-mode server was started in this run (only scenario 5's, below)")
    w(f"- Keycloak {keycloak_version(a.keycloak_home)} with our providers (`{keycloak_tree(a.keycloak_home)}`), production mode: "
      f"`kc.sh build --db=postgres --cache=local --health-enabled=true --metrics-enabled=true`, then "
      f"`kc.sh start --optimized` on http://127.0.0.1:{a.http_port} (management {a.management_port}), heap `{a.heap}`, DB pool max 50")
    w(f"- {pg or 'PostgreSQL 15'} (private instance, random loopback port, fsync on, defaults otherwise)")
    w(f"- JVM: {java}; Gatling {gatling}")
    if base:
        ex = base.get("extra", {})
        w(f"- Password hashing as stored by the server: khur `{ex.get('hashKhur')}`, stock realm `{ex.get('hashStock')}` "
          "(the stock realm copies the khur realm's password policy, so both use the same default)")
    w("- Bench-only server options: `--spi-realm-restapi-extension--sms-gateway--messages-per-sender-per-minute=100000` "
      "and `--spi-realm-restapi-extension--sms-gateway--auth-failures-per-minute=100000` (defaults 30 and 20: "
      "the webhook scenario sends from thousands of random senders through one client IP). Brute-force "
      "protection stays on; the bench only uses correct passwords.")
    if reg:
        w(dev_server_note(a, reg))
    w("")

    w("## Results")
    w("")
    w("A *flow* is timed from its first request to its last response (for logins: authorization request → "
      "tokens from the code exchange). Flows/s counts flows that completed inside the measurement window (after the "
      "warm-up); latency percentiles are over those flows. CPU is Keycloak's JVM (utime+stime from /proc) over the "
      "window, in cores (2.0 = both cores).")
    w("")
    w("| # | Scenario | Clients | Flows/s | p50 ms | p95 ms | p99 ms | Errors (window / whole run) | Keycloak CPU (cores) | Keycloak CPU ms per flow | Gatling CPU | Machine busy |")
    w("|---|---|---|---|---|---|---|---|---|---|---|---|")

    def row(idx, label, r, kind, clients):
        if not r or kind not in r.get("flows", {}):
            w(f"| {idx} | {label} | – | not run | | | | | | | | |")
            return
        f = r["flows"][kind]
        c = r.get("cpu", {})
        w(f"| {idx} | {label} | {clients} | {num(f['perSecond'])} | {num(f['p50ms'],0)} | {num(f['p95ms'],0)} | "
          f"{num(f['p99ms'],0)} | {f['failed']} / {f['failedWholeRun']} of {f['flowsWholeRun']} | "
          f"{num(c.get('keycloakCores'),2)} | {num(cpu_ms(r, kind),2)} | {num(c.get('loadGeneratorCores'),2)} | {num(c.get('machineBusyPercent'),0)} % |")

    row(1, "baseline: stock browser flow, username + password", base, "login",
        f"{base['settings']['concurrency']} browsers" if base else "")
    row(2, "reverse SMS login (password + page + signed webhook + 1 poll + continue)", sms, "login",
        f"{sms['settings']['concurrency']} browsers" if sms else "")
    row("3a", "inbound webhook, unmatched", hook, "unmatched",
        f"{hook['settings']['connections']} gateway connections" if hook else "")
    row("3b", "inbound webhook, matched (mixed into 3a)", hook, "matched", "same")
    fixed = (hook or {}).get("extra", {}).get("fixedRate")
    if fixed:
        fc = hook["extra"].get("fixedRateKeycloakCores")
        w(f"| 3c | inbound webhook, unmatched, fixed offered rate {fixed['offeredPerSecond']}/s (open model, after 3a) | "
          f"new user per message | {num(fixed['perSecond'])} | {num(fixed['p50ms'],1)} | {num(fixed['p95ms'],1)} | "
          f"{num(fixed['p99ms'],1)} | {fixed['failed']} of {fixed['count'] + fixed['failed']} | {num(fc,2)} | "
          f"{num(fl(fc) * 1000 / fl(fixed['perSecond']) if fl(fixed['perSecond']) else float('nan'),2)} | | |")
    if esign:
        row(4, "USB-token signature login, acr=high (choice + signed login string, OCSP answers cached)", esign, "login",
            f"{esign['settings']['concurrency']} browsers")
    else:
        w(f"| 4 | USB-token signature login | – | not measured (see below) | | | | | | | | |")
    if reg:
        row(5, "registration by phone, **dev-mode server** (form + captcha + lookup + page + signed webhook + 1 poll + continue → done page)",
            reg, "registration", f"{reg['settings']['concurrency']} browsers")
    else:
        w(f"| 5 | registration by phone | – | not run | | | | | | | | |")
    row(6, "passkey login (entry page + assertion of a software passkey, no password, no SMS)", passkey, "login",
        f"{passkey['settings']['concurrency']} browsers" if passkey else "")
    w("")

    # waiting citizens
    w("### Citizens waiting for their SMS (scenario 2, human-paced)")
    w("")
    if wait:
        s = wait["settings"]
        c = wait.get("cpu", {})
        ex = wait.get("extra", {})
        polls = wait["flows"].get("status poll", {})
        n_wait = ex.get("waitingAtWindow", 0) or 0
        kc = fl(c.get("keycloakCores"))
        idle = fl(c.get("keycloakIdleCores"))
        per1000 = (kc - (idle if not math.isnan(idle) else 0)) * 1000 / n_wait * 100 if n_wait else float("nan")
        cont = ex.get("smsAcceptedToContinued", {})
        logins = wait["flows"].get("login", {})
        long_poll = s.get("longPollSeconds", 0) or 0
        if long_poll:
            how = (f"each page long-polled the status URL with `?wait={long_poll}` (as `khur-sms-wait.js`: the server holds the "
                   f"request until the SMS is matched or {long_poll} s have passed; the next request starts at once, but not "
                   f"within a second of the previous one)")
        else:
            how = "each page polled the status URL 1 s after the previous answer (the script before long-polling)"
        w(f"{s['waitingCitizens']} citizens reached the SMS page over {s['rampSeconds']} s; {how}. "
          f"With **{n_wait} waiting and nobody logging in or texting**, a {num(wait.get('windowSeconds'),0)} s window measured:")
        w("")
        w(f"- status requests answered: {num(polls.get('perSecond'))}/s, duration (including the hold) p50 {num(polls.get('p50ms'),1)} ms, "
          f"p95 {num(polls.get('p95ms'),1)} ms, p99 {num(polls.get('p99ms'),1)} ms, errors {polls.get('failed', 'n/a')}")
        w(f"- Keycloak CPU: {num(kc,3)} cores (idle before the scenario: {num(idle,3)} cores) → "
          f"**{num(per1000,1)} % of one core per 1,000 waiting citizens** (idle subtracted, scaled linearly)")
        if fl(polls.get("perSecond")) > 0:
            w(f"- i.e. about {num((kc - (idle if not math.isnan(idle) else 0)) / polls['perSecond'] * 1e6, 0)} µs of Keycloak CPU per answered status request"
              + (" (including holding it and the re-checks while it was held)" if long_poll else ""))
        w(f"- machine busy {num(c.get('machineBusyPercent'),0)} %, Gatling {num(c.get('loadGeneratorCores'),2)} cores")
        w("")
        for line in server_lines(wait, n_wait, kc, idle):
            w(line)
        w("")
        w(f"Then each phone texted 10–40 s after the window(s) (uniform) plus its place in the arrival order × the ramp's "
          f"length / citizens (first come, first texting; time from page to SMS "
          f"min/median/max {ex.get('waitSecondsMinMedianMax')} s; webhook calls that failed: {ex.get('phonesFailed', 'n/a')}). "
          f"From the webhook's answer to the continue response "
          f"(back at the relying party): n={cont.get('count')}, p50 {num(cont.get('p50ms'),0)} ms, **p95 {num(cont.get('p95ms'),0)} ms**, "
          f"p99 {num(cont.get('p99ms'),0)} ms, max {num(cont.get('maxms'),0)} ms. Logins of this scenario: "
          f"{logins.get('flowsWholeRun', 0)} started, {logins.get('failedWholeRun', 0)} failed.")
    else:
        w("not run")
    w("")

    # targets
    w("## Targets (issue 9)")
    w("")
    w("| Target | Measured | Met? |")
    w("|---|---|---|")

    def verdict(ok):
        return "n/a" if ok is None else ("**yes**" if ok else "**no**")

    if base and sms:
        b = fl(base["flows"]["login"]["perSecond"])
        r = fl(sms["flows"]["login"]["perSecond"])
        ratio = r / b if b else float("nan")
        w(f"| reverse-SMS login ≥ 0.9 × baseline logins/s | {num(r)} / {num(b)} = {num(ratio,2)} × | {verdict(ratio >= 0.9 if b else None)} |")
        cb, cr = cpu_ms(base, "login"), cpu_ms(sms, "login")
        w(f"| same, per Keycloak CPU (baseline CPU ms per login / reverse-SMS CPU ms per login; less sensitive to the shared machine) | "
          f"{num(cb,1)} / {num(cr,1)} = {num(cb / cr if cr else float('nan'),2)} × | {verdict(cb / cr >= 0.9 if cr else None)} |")
    else:
        w("| reverse-SMS login ≥ 0.9 × baseline logins/s | not run | n/a |")
    if hook:
        u = hook["flows"].get("unmatched", {})
        m = hook["flows"].get("matched", {})
        rate = fl(u.get("perSecond", 0)) + fl(m.get("perSecond", 0))
        p99s = [fl(u.get("p99ms")), fl(m.get("p99ms"))]
        p99s = [p for p in p99s if not math.isnan(p)]
        p99 = max(p99s) if p99s else float("nan")
        w(f"| inbound webhook ≥ 1,000 messages/s | {num(rate,0)} messages/s | {verdict(rate >= 1000)} |")
        fixed = hook.get("extra", {}).get("fixedRate")
        if fixed:
            fp99 = fl(fixed.get("p99ms"))
            w(f"| inbound webhook p99 < 50 ms at {fixed['offeredPerSecond']} messages/s offered (3c) | {num(fp99,1)} ms "
              f"(achieved {num(fixed['perSecond'],0)}/s, {fixed['failed']} errors) | {verdict(None if math.isnan(fp99) else fp99 < 50)} |")
        w(f"| (for reference) webhook p99 at saturation, closed loop (3a/3b) | unmatched {num(u.get('p99ms'),1)} ms, matched {num(m.get('p99ms'),1)} ms | – |")
    else:
        w("| inbound webhook ≥ 1,000 messages/s, p99 < 50 ms | not run | n/a |")
    if wait:
        ex = wait.get("extra", {})
        cont = ex.get("smsAcceptedToContinued", {})
        p95 = fl(cont.get("p95ms"))
        w(f"| waiting page continues < 1 s after the SMS is accepted (p95) | {num(p95,0)} ms | {verdict(None if math.isnan(p95) else p95 < 1000)} |")
        w(f"| 1,000 waiting citizens < 10 % of one core | {num(per1000,1)} % of one core | {verdict(None if math.isnan(per1000) else per1000 < 10)} |")
    else:
        w("| waiting page p95 < 1 s; 1,000 waiting < 10 % of a core | not run | n/a |")
    if base and esign:
        b = fl(base["flows"]["login"]["perSecond"])
        e = fl(esign["flows"]["login"]["perSecond"])
        w(f"| USB-token login: ratio to baseline (no target set) | {num(e)} / {num(b)} = {num(e / b if b else float('nan'), 2)} × "
          f"(per CPU: {num(cpu_ms(base, 'login') / cpu_ms(esign, 'login'), 2)} ×) | – |")
    else:
        w("| USB-token login ratio to baseline | not measured | n/a |")
    if base and passkey:
        b = fl(base["flows"]["login"]["perSecond"])
        p = fl(passkey["flows"]["login"]["perSecond"])
        ratio = p / b if b else float("nan")
        cb, cp = cpu_ms(base, "login"), cpu_ms(passkey, "login")
        w(f"| passkey login ≥ 2 × baseline logins/s (issue 16: no password hash) | {num(p)} / {num(b)} = {num(ratio,2)} × "
          f"(per Keycloak CPU: {num(cb,1)} / {num(cp,1)} ms = {num(cb / cp if cp else float('nan'),2)} ×) | {verdict(ratio >= 2 if b else None)} |")
    else:
        w("| passkey login ≥ 2 × baseline logins/s | not run | n/a |")
    if reg:
        rf = reg["flows"].get("registration", {})
        w(f"| registration by phone (no target set; dev-mode server, **not** a ratio to the production baseline) | "
          f"{num(rf.get('perSecond'))} registrations/s, p95 {num(rf.get('p95ms'),0)} ms, "
          f"{num(cpu_ms(reg, 'registration'),1)} Keycloak CPU ms each | – |")
    w("")

    # profiles
    w("## Where the CPU goes (JFR, one recording per scenario)")
    w("")
    w("Share of Keycloak's execution samples whose stack contains a frame of each category (`bench/jfr-breakdown.py`; "
      "a sample can count in several), then the top frames (`jfr view hot-methods`). The recording covers the whole "
      "scenario (warm-up and, for 3, the preparation logins; for the waiting scenario, the ramp and the release too), "
      "except **waiting-hold**: JFR settings `profile`, the hold window alone (only status polls served).")
    w("")
    any_profile = False
    for scen in ["baseline", "reverse-sms", "esign", "passkey", "webhook", "waiting", "waiting-hold", "registration"]:
        rows = hot_methods(a.results, scen)
        bpath = os.path.join(a.results, scen + ".breakdown.txt")
        if rows or os.path.exists(bpath):
            any_profile = True
            w(f"**{scen}**")
            w("")
            w("```")
            if os.path.exists(bpath):
                with open(bpath) as bf:
                    out.extend(l.rstrip() for l in bf if l.strip())
                w("")
            out.extend(rows or [])
            w("```")
            w("")
    if not any_profile:
        w("No JFR recordings in this run (BENCH_JFR=0).")
        w("")
    w("## How each scenario is measured")
    w("")
    w("- All load is plain HTTP from Gatling (Java DSL, `bench/src/test/java/mn/gov/khur/bench/`) to 127.0.0.1 only, "
      "like a browser without JavaScript, except where the page's script is modelled (status polling). Every virtual "
      "browser starts with no cookies; static resources (CSS, JS, images) are not fetched (a browser caches them). "
      "Redirects are not followed: the final 302 to the relying party is checked and its `code` exchanged.")
    w("- Users are seeded once by `mn.gov.khur.bench.Seed` through the admin REST API: citizens `БН…` with their own "
      "verified phone in realm `khur`; users `bench-user-…` in realm `bench-stock`, which the seed creates with "
      "Keycloak's built-in browser flow and theme and the khur realm's password policy, brute-force and event-store settings. "
      "Saturation scenarios take citizens round-robin from a pool of 200 (correct passwords only).")
    w("- **1 baseline / 2 reverse SMS**: a closed loop of N concurrent browsers (`BENCH_CONCURRENCY`), each doing whole "
      "logins back to back for warm-up + measurement. Flow 2: authorization request → register number (upper case, as "
      "typed) + password → reverse-SMS page (code, form, status URL) → the phone's signed webhook answered `matched` → one "
      "status poll → continue → 302 with code → token exchange (client secret + PKCE S256). The phone answers at once "
      "here: this is the server's capacity, not a citizen's experience.")
    w("- **6 passkey**: the same closed loop as 1 and 2, on citizens `БН…` of their own (`PasskeyCitizens.java`, from "
      "index 50,000), each created at the start of the scenario with one passkey (P-256) whose private key only the load "
      "generator holds (`BenchPasskey.java`, JDK crypto: authenticator data with user presence and verification, client "
      "data with the page's challenge and origin, ECDSA over both, as navigator.credentials.get() returns them; sign "
      "count 0, like synced passkeys). Flow: authorization request → entry page (its passkey challenge) → the assertion "
      "posted as the page's script posts it (form `#webauth`) → 302 with code → token exchange. No password is set, so "
      "none is hashed; the issue's target is ≥ 2 × the baseline's logins/s in the same run.")
    w("- **3 inbound webhook**: first (not measured) citizens are brought to the SMS page so that real pending challenges "
      "exist; then `BENCH_WEBHOOK_CONCURRENCY` gateway connections send signed messages back to back: about 2 % complete "
      "one of those challenges (`matched`, while they last), the rest come from random senders with random codes "
      "(`unmatched`; each one is audited in the database like in production).")
    w("- **2, human-paced (waiting citizens)**: see the section above. CPU per 1,000 waiting = (Keycloak cores during the "
      "hold window − Keycloak cores idle before the scenario) × 1,000 / citizens waiting, as % of one core. The phones "
      "(`Phones.java`, a plain HTTP client beside Gatling) text in the order the pages arrived, each 10–40 s (uniform) plus its place in that order × the ramp's length / citizens after the hold window(s), independently of the pages' polls, so "
      "'SMS accepted → continued' (webhook answer received → continue response received) includes the time until the "
      "page's status request answers `matched` (with long-polling: the server's wake-up of the held request; with "
      "1-second polling: up to 1 s + one poll) plus the continue request.")
    w("- **5 registration by phone**: a closed loop of N concurrent browsers (`BENCH_REGISTRATION_CONCURRENCY`, default "
      "`BENCH_CONCURRENCY`), each registering a new person back to back (`Newcomers.java`: register numbers `РЕ…` with valid "
      "birth dates and phones `+97688…`, unique per flow, never seeded). Before each flow (not timed) the sandbox subscriber "
      "lookup is told that the phone is registered in that person's name (`POST /admin/subscribers`), as an operator's "
      "records would already say. Timed: authorization request of demo-rp (PKCE S256) → login page → `#khur-register` → "
      "registration page (captcha) → register number + phone + password twice + captcha (server: captcha, formats, "
      "password policy, not yet registered, phone-ownership lookup over HTTP) → reverse-SMS page → the phone's signed "
      "webhook answered `matched` → one status poll → continue → the account is created and the \"done\" page "
      "(`#khur-done`, `data-khur-done=registration`) is the flow's last response. The flow never returns to the relying "
      "party (by design the citizen then logs in as always), so there is no code to exchange.")
    w("- CPU: Keycloak JVM utime+stime from `/proc/<pid>/stat` at the window's edges; Gatling's own JVM likewise; "
      "machine busy from `/proc/stat`. PostgreSQL's CPU is not in the Keycloak column.")
    w("- JFR: one recording per scenario with the JDK's `default` settings (`jcmd JFR.start`), `jfr view hot-methods` "
      "above; the `.jfr` files stay in `bench/target/run/results/` for `jfr view`/JMC. Gatling's HTML reports (per "
      "request) are in `bench/target/gatling/`.")
    w("")
    w("## Not covered (yet)")
    w("")
    if esign:
        w("- **4 USB-token signature login** is measured from the page on: the bench plays the ESIGN client and signs the "
          "page's login string itself (RSA 2048, SHA256withRSA) with certificates from a fresh sandbox PKI; the local "
          "WebSocket client, the PIN dialog and the token's own signing time (seconds on a real token) are not part of it. "
          "The PKI's trust anchors are set on the realm's `khur esign token` config through the admin API for the run; "
          "OCSP answers come from the sandbox responder on loopback and are cached per node (first login of each of the "
          "100 certificates pays the OCSP round trip, mostly inside the warm-up).")
    else:
        w("- **4 USB-token signature login**: not measured in this run (`BENCH_SCENARIOS` without `esign`).")
    if reg:
        w("- **5 registration by phone** is measured on a dev-mode server (see Run): production mode cannot be measured "
          "because the captcha is, by design, unreadable to automated clients there. Its numbers include whatever dev mode "
          "costs beyond the theme caches (forced on) and are not comparable 1:1 with scenarios 1–4.")
    else:
        w("- **5 registration by phone**: not measured in this run (`BENCH_SCENARIOS` without `registration`).")
    w("- Saturation is measured at one concurrency level per scenario (no sweep), and load generator, Keycloak and "
      "PostgreSQL share the machine's 2 cores (and, on this machine, other people's processes). One node, local caches "
      "(`--cache=local`), no TLS, no reverse proxy.")
    w("- Bench-only server options raise the webhook's per-sender and per-IP limits (see Run); production keeps the defaults.")
    w("")
    with open(a.out, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
