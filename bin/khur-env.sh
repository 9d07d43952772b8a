# Sourced by the project's scripts: picks a JDK 21+ (Keycloak 26.7 needs it; Debian's default java 17 is too old).
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if [ -x "$candidate/bin/java" ]; then export JAVA_HOME="$candidate"; break; fi
  done
fi
if [ -z "${JAVA_HOME:-}" ]; then echo "khur: no JDK 21+ found; set JAVA_HOME" >&2; exit 1; fi
export PATH="$JAVA_HOME/bin:$PATH"
KHUR_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KHUR_KEYCLOAK_HOME="$KHUR_ROOT/server/target/keycloak-26.7.5"
export KHUR_ROOT KHUR_KEYCLOAK_HOME
