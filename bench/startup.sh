#!/usr/bin/env bash
# Start-up of the extracted jar to a served login page, on a database already migrated with the
# demo province, three ways: plain; with a class data archive (CDS, any JDK 17+); and, when
# JAVA25_HOME names a JDK 24 or newer, with its ahead-of-time cache (JEP 483/514: classes loaded and
# linked, method profiles) made by one training run. Each archive is made by a training run that
# starts the portal and stops once its context is refreshed (-Dspring.context.exit=onRefresh).
#   ./bench/startup.sh                       # the JDK on the PATH
#   JAVA25_HOME=/path/to/jdk-25 ./bench/startup.sh
# Prints the median of BENCH_STARTS (5) starts per way, in milliseconds.
# Needs: PostgreSQL (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres) that may create
# databases; curl; the jar (built here if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
starts="${BENCH_STARTS:-5}"
port="${BENCH_PORT:-18083}"
db="portal_bench_startup"
work="$(mktemp -d)"
pid=""

cleanup() {
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

run() { # java-binary [jvm options...] -> starts the portal in the background, sets pid
  local java="$1"; shift
  (cd "$work/portal" && SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
    SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" PORTAL_DEMO_DATA=true \
    PORTAL_ADMIN_PASSWORD='Bench-Quan-tri-2026' PORTAL_DEMO_PASSWORD='Demo-Ben-Tre-2026' \
    exec "$java" -Xmx512m "$@" -jar edu-portal.jar --server.port="$port" --server.address=127.0.0.1 \
    >>"$work/portal.log" 2>&1) &
  pid=$!
}

served() { # -> ms from launch to a served login page, then stops the portal
  local began="$1"
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/login" 2>/dev/null)" == 200 ]]; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$work/portal.log" >&2; exit 1; }
    sleep 0.05
  done
  echo $(( ($(date +%s%N) - began) / 1000000 ))
  kill "$pid" && wait "$pid" 2>/dev/null || true
  pid=""
}

median() { # java-binary [jvm options...] -> the median start-up of $starts starts
  local times=() began
  for _ in $(seq 1 "$starts"); do
    began=$(date +%s%N)
    run "$@"
    times+=("$(served "$began")")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (starts + 1) / 2 ))p"
}

train() { # java-binary [jvm options...] -> one run that stops after the context's refresh
  local java="$1"; shift
  (cd "$work/portal" && SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
    SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" PORTAL_DEMO_DATA=true \
    PORTAL_ADMIN_PASSWORD='Bench-Quan-tri-2026' PORTAL_DEMO_PASSWORD='Demo-Ben-Tre-2026' \
    "$java" -Xmx512m "$@" -Dspring.context.exit=onRefresh -jar edu-portal.jar --server.port="$port" \
    --server.address=127.0.0.1 >>"$work/training.log" 2>&1) || true
}

[[ -f target/edu-portal.jar ]] || ./mvnw -q -B package -DskipTests
java -Djarmode=tools -jar target/edu-portal.jar extract --destination "$work/portal" >/dev/null
dropdb --if-exists "$db" && createdb "$db"
# The first start migrates and loads the demo province; it is not measured.
run java
served "$(date +%s%N)" >/dev/null

echo "JDK: $(java -version 2>&1 | head -n 1)"
echo "plain:                  $(median java) ms"
train java -XX:ArchiveClassesAtExit="$work/portal/portal.jsa"
echo "class data archive:     $(median java -XX:SharedArchiveFile="$work/portal/portal.jsa") ms"
if [[ -n "${JAVA25_HOME:-}" ]]; then
  java25="$JAVA25_HOME/bin/java"
  echo "JDK: $("$java25" -version 2>&1 | head -n 1)"
  echo "plain:                  $(median "$java25") ms"
  train "$java25" -XX:AOTCacheOutput="$work/portal/portal.aot"
  echo "AOT cache:              $(median "$java25" -XX:AOTCache="$work/portal/portal.aot") ms"
fi
dropdb --if-exists "$db"
