#!/usr/bin/env python3
"""Bulk-loads citizens into the bench's PostgreSQL with COPY (issue 19), in Keycloak's own tables.

bin/bench runs it (BENCH_CITIZENS=N) after Seed has created the first citizens through the admin REST API.
Every row is copied from the rows Keycloak itself wrote, in this run, for a template citizen
(Citizens.username(0) in realm khur): realm id, column values, the credential's secret_data and credential_data
(so every loaded citizen has the template's Argon2 hash of BenchConfig.PASSWORD: computing 2 M Argon2 hashes would
take hours, and Keycloak verifies a copied hash like its own), and the shape of its bank link (Seed links the
template to a bank through the admin API, so Keycloak writes that federated_identity row too). What changes per
citizen: ids, username, register_number, phone_number (the same values as bench Citizens.java, which the scenarios
use), and birthdate and gender derived from the register number (the profile attributes the registry fills in).

Citizens --from .. --to - 1 are loaded; a share (--bank-share) gets one bank link each, the banks taken in turn
from the realm's identity providers. Foreign-key triggers are off during the load (session_replication_role =
replica: the rows are consistent by construction); indexes stay and are maintained by COPY; ANALYZE at the end.
"""

import argparse
import datetime
import subprocess
import sys
import time

LETTERS = ["БН", "УБ", "ЧД", "ХО"]           # Citizens.java: 1,400,000 each
PHONE_PREFIXES = ["99", "95", "91", "94", "98"]  # Citizens.java: 900,000 each
EPOCH = datetime.date(1960, 1, 1)
DATES = [EPOCH + datetime.timedelta(days=d) for d in range(14000)]


def register_number(i):
    birth = DATES[i % 14000]
    return "%s%02d%02d%02d%02d" % (LETTERS[i // 1_400_000], birth.year % 100, birth.month, birth.day, (i // 14000) % 100)


def phone(i):
    return "+976%s%06d" % (PHONE_PREFIXES[i // 900_000], 100000 + i % 900_000)


def lower_cyrillic(s):
    return s.lower()  # Keycloak lower-cases usernames with Locale.ROOT-like rules; Cyrillic capitals map 1:1


class Db:
    def __init__(self, psql):
        self.psql = psql

    def query(self, sql):
        out = subprocess.run(self.psql + ["-At", "-F", "\t", "-c", sql], check=True, capture_output=True, text=True)
        return [line.split("\t") for line in out.stdout.splitlines() if line]

    def copy_out(self, table, where):
        """Rows in COPY text format (escaped as COPY writes them), with the table's column names."""
        cols = [r[0] for r in self.query(
            "select column_name from information_schema.columns where table_schema = 'public' and table_name = '%s'"
            " order by ordinal_position" % table)]
        out = subprocess.run(self.psql + ["-c", "COPY (SELECT %s FROM %s WHERE %s) TO STDOUT" % (
            ", ".join(cols), table, where)], check=True, capture_output=True, text=True)
        return cols, [dict(zip(cols, line.split("\t"))) for line in out.stdout.splitlines() if line]

    def copy_in(self, table, cols, rows):
        """Streams rows (lists of COPY-text fields) into the table; returns the row count."""
        p = subprocess.Popen(self.psql + ["-q", "-v", "ON_ERROR_STOP=1"], stdin=subprocess.PIPE, text=True,
                             bufsize=1 << 20)
        p.stdin.write("SET session_replication_role = replica;\n")
        p.stdin.write("COPY %s (%s) FROM STDIN;\n" % (table, ", ".join(cols)))
        n = 0
        buf = []
        for row in rows:
            buf.append("\t".join(row))
            n += 1
            if len(buf) >= 20000:
                p.stdin.write("\n".join(buf) + "\n")
                buf = []
        if buf:
            p.stdin.write("\n".join(buf) + "\n")
        p.stdin.write("\\.\n")
        p.stdin.close()
        if p.wait() != 0:
            sys.exit("seed-citizens: COPY into %s failed" % table)
        return n


def uid(kind, i):
    # 36 characters like Keycloak's UUIDs, unique per table and citizen, recognisable as bench-loaded
    return "b19e%04x-0000-4000-8000-%012x" % (kind, i)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--psql", required=True, help="psql command line (connection), space separated")
    ap.add_argument("--realm", default="khur")
    ap.add_argument("--template", help="username of the citizen Keycloak created (Seed): citizen 0 by default")
    ap.add_argument("--from", dest="start", type=int, required=True)
    ap.add_argument("--to", dest="end", type=int, required=True)
    ap.add_argument("--bank-share", type=float, default=0.3)
    args = ap.parse_args()
    args.template = args.template or lower_cyrillic(register_number(0))
    db = Db(args.psql.split())
    t0 = time.monotonic()

    realm_id = db.query("select id from realm where name = '%s'" % args.realm)[0][0]
    ucols, users = db.copy_out("user_entity", "realm_id = '%s' and username = '%s'" % (realm_id, args.template))
    if len(users) != 1:
        sys.exit("seed-citizens: template citizen %s not found in realm %s" % (args.template, args.realm))
    tu = users[0]
    if tu["username"] != lower_cyrillic(register_number(0)):
        sys.exit("seed-citizens: template %s is not citizen 0 (%s): Citizens.java and this script disagree" % (
            tu["username"], register_number(0)))
    tid = tu["id"]
    acols, attrs = db.copy_out("user_attribute", "user_id = '%s'" % tid)
    ccols, creds = db.copy_out("credential", "user_id = '%s' and type = 'password'" % tid)
    fcols, links = db.copy_out("federated_identity", "user_id = '%s'" % tid)
    if len(creds) != 1 or not links:
        sys.exit("seed-citizens: the template needs one password credential and one bank link (Seed makes both)")
    by_name = {a["name"]: a for a in attrs}
    for needed in ("register_number", "phone_number"):
        if needed not in by_name:
            sys.exit("seed-citizens: template has no attribute %s" % needed)
    banks = [r[0] for r in db.query(
        "select provider_alias from identity_provider where realm_id = '%s' order by provider_alias" % realm_id)]
    tlink = links[0]
    print("seed-citizens: realm %s, template %s (%d attributes, credential %s, bank link to %s), banks %s" % (
        realm_id, args.template, len(attrs), creds[0]["type"], tlink["identity_provider"], ",".join(banks)))

    # citizens the API already made in this range (the passkey scenario's, 50,000 on, after the small round) stay
    existing = {r[0] for r in db.query("select username from user_entity where realm_id = '%s'" % realm_id)}
    rng = [i for i in range(args.start, args.end) if lower_cyrillic(register_number(i)) not in existing]
    if len(rng) != args.end - args.start:
        print("seed-citizens: %d citizens of the range exist already (made through the API); not loaded again"
              % (args.end - args.start - len(rng)))
    counts = {}

    def users_rows():
        for i in rng:
            r = dict(tu)
            r["id"] = uid(1, i)
            r["username"] = lower_cyrillic(register_number(i))
            if tu.get("email_constraint") != tu.get("email"):
                # no e-mail: Keycloak stores a fresh random id there (unique per realm), so do we
                r["email_constraint"] = uid(3, i)
            yield [r[c] for c in ucols]

    # attribute rows: the template's, with the citizen's own values; birthdate and gender as the registry sets them
    template_attr = by_name["register_number"]
    extra = [n for n in ("birthdate", "gender") if n not in by_name]

    def attr_rows():
        for i in rng:
            user = uid(1, i)
            rn = register_number(i)
            own = {"register_number": rn, "phone_number": phone(i),
                   "birthdate": DATES[i % 14000].isoformat(),
                   "gender": "male" if int(rn[-2]) % 2 == 1 else "female"}
            k = 0
            for a in attrs:
                r = dict(a)
                k += 1
                r["id"] = uid(0x100 + k, i)
                r["user_id"] = user
                if a["name"] in own:
                    r["value"] = own[a["name"]]
                yield [r[c] for c in acols]
            for name in extra:
                r = dict(template_attr)
                k += 1
                r["id"] = uid(0x100 + k, i)
                r["user_id"] = user
                r["name"] = name
                r["value"] = own[name]
                yield [r[c] for c in acols]

    tc = creds[0]

    def cred_rows():
        for i in rng:
            r = dict(tc)
            r["id"] = uid(2, i)
            r["user_id"] = uid(1, i)
            yield [r[c] for c in ccols]

    every = max(1, round(1 / args.bank_share)) if args.bank_share > 0 else 0

    def link_rows():
        if not every:
            return
        for i in rng:
            if i % every:
                continue
            r = dict(tlink)
            bank = banks[(i // every) % len(banks)]
            r["identity_provider"] = bank
            r["user_id"] = uid(1, i)
            r["federated_user_id"] = "bench-%s-%d" % (bank, i)
            r["federated_username"] = "bench-%s-%d" % (bank, i)
            yield [r[c] for c in fcols]

    for table, cols, rows in (("user_entity", ucols, users_rows()), ("user_attribute", acols, attr_rows()),
                              ("credential", ccols, cred_rows()), ("federated_identity", fcols, link_rows())):
        t = time.monotonic()
        counts[table] = db.copy_in(table, cols, rows)
        print("seed-citizens: %-18s %10d rows in %6.1f s" % (table, counts[table], time.monotonic() - t), flush=True)
    t = time.monotonic()
    db.query("ANALYZE user_entity; ANALYZE user_attribute; ANALYZE credential; ANALYZE federated_identity")
    print("seed-citizens: ANALYZE in %.1f s" % (time.monotonic() - t))
    print("seed-citizens: %d citizens (%s) loaded in %.1f s" % (
        len(rng), ", ".join("%s %d" % kv for kv in counts.items()), time.monotonic() - t0))


if __name__ == "__main__":
    main()
