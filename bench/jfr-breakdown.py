#!/usr/bin/env python3
"""Inclusive CPU-sample breakdown of a JFR recording: the share of jdk.ExecutionSample stacks that
contain a frame of each category (a stack can count in several). Usage: jfr-breakdown.py file.jfr"""
import re
import subprocess
import sys

CATEGORIES = [
    ("password hashing (Argon2)", r"Argon2BytesGenerator"),
    ("RSA / signatures (BigInteger.modPow)", r"BigInteger\.(odd)?ModPow|oddModPow"),
    ("PostgreSQL JDBC", r"org\.postgresql\."),
    ("Hibernate / JPA", r"org\.hibernate\."),
    ("FreeMarker page rendering", r"freemarker\."),
    ("our providers (mn.gov.khur)", r"mn\.gov\.khur\."),
    ("reverse-SMS status endpoint", r"SmsGatewayResource\.status"),
    ("inbound webhook handler", r"InboundSmsHandler|SmsGatewayResource\.inbound"),
    ("inbound SMS audit", r"mn\.gov\.khur\.sms\.audit\."),
    ("Keycloak session / transaction setup", r"KeycloakSessionFactory\.create|DefaultKeycloakSession\.<init>|KeycloakTransactionManager\.(begin|commit)"),
    ("Infinispan", r"org\.infinispan\."),
    ("token issuing (TokenManager)", r"org\.keycloak\.protocol\.oidc\.TokenManager"),
    ("JSON (Jackson)", r"com\.fasterxml\.jackson\."),
    ("QR code on the SMS page (zxing, QrCodeSvg)", r"com\.google\.zxing\.|QrCodeSvg"),
    ("reverse-SMS login step (ReverseSmsAuthenticator)", r"ReverseSmsAuthenticator\."),
    ("signature login (mn.gov.khur.esign)", r"mn\.gov\.khur\.esign\."),
    ("logging", r"org\.jboss\.logmanager\.|org\.jboss\.logging\."),
]


def main(path):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", path],
                         capture_output=True, text=True).stdout
    samples = out.split("jdk.ExecutionSample {")[1:]
    total = len(samples)
    if total == 0:
        print("no execution samples")
        return
    counts = {name: 0 for name, _ in CATEGORIES}
    for s in samples:
        for name, pattern in CATEGORIES:
            if re.search(pattern, s):
                counts[name] += 1
    print(f"{total} execution samples (JFR jdk.ExecutionSample: 20 ms period with settings 'default', 10 ms with 'profile')")
    for name, _ in CATEGORIES:
        print(f"{100.0 * counts[name] / total:6.1f} %  {name}")


if __name__ == "__main__":
    main(sys.argv[1])
