#!/usr/bin/env bash
# The portal's list pages beside the Spring PetClinic owner list, on one machine, in one run:
#   PETCLINIC_DIR=/path/to/spring-petclinic ./bench/pages.sh
# Starts the portal (the extracted jar, -Xmx512m) on a fresh database with the demo province and,
# when PETCLINIC_DIR names a checkout of stock Spring PetClinic, PetClinic on its PostgreSQL profile
# (-Xmx512m, built here if it has no jar yet). Warms both, then measures interleaved rounds with wrk
# (2 threads, 16 connections): PetClinic's /owners?lastName= and each list page of the portal, each
# as the account that uses it, and the PDF of a directive a school received. Prints req/s, p50 and p99 per page (the mean of the rounds' req/s, the
# median of their percentiles), the ratio to PetClinic, the statements PostgreSQL received per
# request (read back from its log), and the portal's start-up time to a served login page on a
# database already migrated. Without PETCLINIC_DIR it prints the portal's figures alone and says so.
# Needs: PostgreSQL (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres) that may create
# databases, and whose log this user can read (PGLOG, default the Debian cluster's log) for the
# statement counts; psql, wrk, curl and a JDK 17 or newer.
# Settings: BENCH_SECONDS (15) per page and round, BENCH_ROUNDS (3), BENCH_WARMUPS (2: passes over
# every page before the rounds, unmeasured), BENCH_CONNECTIONS (16).
# The demo accounts sign in with their password alone here (no second factor is required), so that
# the department leader's dashboard is measured, not the enrolment page.
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
pglog="${PGLOG:-$(ls /var/log/postgresql/postgresql-*-main.log 2>/dev/null | sort -V | tail -n 1)}"
seconds="${BENCH_SECONDS:-15}"
rounds="${BENCH_ROUNDS:-3}"
warmups="${BENCH_WARMUPS:-2}"
connections="${BENCH_CONNECTIONS:-16}"
portal_port="${BENCH_PORT:-18081}"
petclinic_port="${BENCH_PETCLINIC_PORT:-18082}"
portal_db="portal_bench_pages"
petclinic_db="petclinic_bench_pages"
demo_password='Demo-Ben-Tre-2026'
work="$(mktemp -d)"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  psql -X -q -d postgres -c "alter system reset log_statement" -c "select pg_reload_conf()" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck source=bench/common.sh
source bench/common.sh

start_portal() { # sets portal_pid; the log in $work/portal.log
  (cd "$work/portal" && SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$portal_db" \
    SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" PORTAL_DEMO_DATA=true \
    PORTAL_MFA_REQUIREDROLES= \
    PORTAL_ADMIN_PASSWORD='Bench-Quan-tri-2026' PORTAL_DEMO_PASSWORD="$demo_password" \
    exec java -Xmx512m -jar edu-portal.jar --server.port="$portal_port" --server.address=127.0.0.1 \
    >>"$work/portal.log" 2>&1) &
  portal_pid=$!
}

stop_portal() {
  kill "$portal_pid" 2>/dev/null && wait "$portal_pid" 2>/dev/null || true
  while curl -s -o /dev/null "http://127.0.0.1:$portal_port/login" 2>/dev/null; do sleep 0.2; done
}

# The portal: built if needed, extracted (the layout the Dockerfile runs), on a fresh database.
[[ -f target/edu-portal.jar ]] || ./mvnw -q -B package -DskipTests
java -Djarmode=tools -jar target/edu-portal.jar extract --destination "$work/portal" >/dev/null
dropdb --if-exists "$portal_db" && createdb "$portal_db"
start_portal
wait_for "http://127.0.0.1:$portal_port/login" 300 || { tail -50 "$work/portal.log" >&2; exit 1; }
stop_portal
# Start-up on the migrated database with the demo loaded: launch to a served login page.
startups=()
for _ in 1 2 3; do
  began=$(date +%s%N)
  start_portal
  wait_for "http://127.0.0.1:$portal_port/login" 120 || { tail -50 "$work/portal.log" >&2; exit 1; }
  startups+=("$(( ($(date +%s%N) - began) / 1000000 ))")
  stop_portal
done
startup_ms=$(printf '%s\n' "${startups[@]}" | sort -n | sed -n 2p)
start_portal
pids+=("$portal_pid")
wait_for "http://127.0.0.1:$portal_port/login" 120

school=$(login "$portal_port" thcs.giongtrom "$demo_password")
officer=$(login "$portal_port" sgd.chuyenvien "$demo_password")
leader=$(login "$portal_port" sgd.lanhdao "$demo_password")
[[ -n "$school" && -n "$officer" && -n "$leader" ]] || { echo "the demo accounts did not sign in" >&2; exit 1; }
# The PDF of the directive the school received last, which every school that received it downloads.
printed=$(psql -X -At -d "$portal_db" -c "select a.directive_id from assignment a join account ac on ac.unit_id = a.unit_id
  where ac.username = 'thcs.giongtrom' order by a.delivered_at desc, a.id desc limit 1")

# name|port|path|cookie
targets=()
if [[ -n "${PETCLINIC_DIR:-}" ]]; then
  if ! ls "$PETCLINIC_DIR"/target/spring-petclinic-*.jar >/dev/null 2>&1; then
    (cd "$PETCLINIC_DIR" && ./mvnw -q -B package -DskipTests -Dcheckstyle.skip -Dspring-javaformat.skip=true \
      -Dmaven.gitcommitid.skip=true)
  fi
  petclinic_jar="$(ls "$PETCLINIC_DIR"/target/spring-petclinic-*.jar | grep -v plain | head -n 1)"
  dropdb --if-exists "$petclinic_db" && createdb "$petclinic_db"
  POSTGRES_URL="jdbc:postgresql://$PGHOST:$PGPORT/$petclinic_db" POSTGRES_USER="$PGUSER" \
    POSTGRES_PASS="${PGPASSWORD:-}" java -Xmx512m -jar "$petclinic_jar" --spring.profiles.active=postgres \
    --server.port="$petclinic_port" --server.address=127.0.0.1 >"$work/petclinic.log" 2>&1 &
  pids+=("$!")
  wait_for "http://127.0.0.1:$petclinic_port/owners?lastName=" 300 || { tail -50 "$work/petclinic.log" >&2; exit 1; }
  targets+=("PetClinic /owners?lastName=|$petclinic_port|/owners?lastName=|")
fi
targets+=(
  "/inbox (school leader)|$portal_port|/inbox|$school"
  "/directives (officer)|$portal_port|/directives|$officer"
  "/incidents (school leader)|$portal_port|/incidents|$school"
  "/incidents/triage (officer)|$portal_port|/incidents/triage|$officer"
  "/reports/review (officer)|$portal_port|/reports/review|$officer"
  "/notifications (school leader)|$portal_port|/notifications|$school"
  "/dashboard (department leader)|$portal_port|/dashboard|$leader"
  "/directives/$printed.pdf (school leader)|$portal_port|/directives/$printed.pdf|$school"
)

wrk_run() { # port path cookie seconds -> "req/s p50ms p99ms non2xx"
  local out
  out="$(wrk -t 2 -c "$connections" -d "${4}s" --latency -H "Cookie: $3" "http://127.0.0.1:$1$2")"
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } /Non-2xx/ { bad = $NF }
    END { printf "%s %.1f %.1f %d\n", rps, p50, p99, bad + 0 }' <<<"$out"
}

# Warm-up: passes over every target, as the measured rounds go, until both JVMs have compiled
# what they serve (the pages share the layout, the security chain and the template engine, so a
# page is steady only once the others have been served too; one 10 s pass left the first round
# 20 to 40 % below the last).
for target in "${targets[@]}"; do
  IFS='|' read -r _ port path cookie <<<"$target"
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "http://127.0.0.1:$port$path")
  [[ "$status" == 200 ]] || { echo "$path answers $status" >&2; exit 1; }
done
for _ in $(seq 1 "$warmups"); do
  for target in "${targets[@]}"; do
    IFS='|' read -r _ port path cookie <<<"$target"
    wrk_run "$port" "$path" "$cookie" "$seconds" >/dev/null
  done
done
echo "warm-up: $warmups passes of ${seconds}s per page done" >&2

# Interleaved rounds.
for round in $(seq 1 "$rounds"); do
  for i in "${!targets[@]}"; do
    IFS='|' read -r _ port path cookie <<<"${targets[$i]}"
    echo "$i $(wrk_run "$port" "$path" "$cookie" "$seconds")" >>"$work/results"
  done
  echo "round $round of $rounds done" >&2
done

# Statements per request, as PostgreSQL received them: 50 requests of each portal page one after
# another, with every statement logged for that while.
statements_per_request() { # path cookie -> statements per request, or n/a
  [[ -r "$pglog" ]] || { echo "n/a"; return; }
  psql -X -q -c "alter system set log_statement = 'all'" -c "select pg_reload_conf()" >/dev/null
  sleep 0.5
  local from
  from=$(wc -l <"$pglog")
  for _ in $(seq 1 50); do curl -s -o /dev/null -H "Cookie: $2" "http://127.0.0.1:$portal_port$1"; done
  sleep 0.5
  psql -X -q -c "alter system reset log_statement" -c "select pg_reload_conf()" >/dev/null
  tail -n +"$((from + 1))" "$pglog" | grep "@$portal_db " \
    | grep -cE 'LOG: +(statement: .+|execute [^:]+: )' | awk '{ printf "%.1f", $1 / 50 }'
}

base_rps=""
printf '\n%-34s %9s %9s %9s %13s %11s\n' "page" "req/s" "p50 ms" "p99 ms" "× PetClinic" "statements"
for i in "${!targets[@]}"; do
  IFS='|' read -r name port path cookie <<<"${targets[$i]}"
  read -r rps p50 p99 bad < <(awk -v i="$i" '$1 == i { n++; rps += $2; p50[n] = $3; p99[n] = $4; bad += $5 }
    END { asort(p50); asort(p99); m = int((n + 1) / 2); printf "%.0f %.1f %.1f %d\n", rps / n, p50[m], p99[m], bad }' \
    "$work/results")
  [[ "$bad" == 0 ]] || echo "warning: $name answered $bad non-2xx responses" >&2
  if [[ "$port" == "$petclinic_port" ]]; then
    base_rps="$rps"
    ratio="1.00"
    statements="-"
  else
    ratio=$([[ -n "$base_rps" ]] && awk -v a="$rps" -v b="$base_rps" 'BEGIN { printf "%.2f", a / b }' || echo "-")
    statements=$(statements_per_request "$path" "$cookie")
  fi
  printf '%-34s %9s %9s %9s %13s %11s\n' "$name" "$rps" "$p50" "$p99" "$ratio" "$statements"
done
echo
echo "start-up of the extracted jar to a served login page (migrated database, median of 3): ${startup_ms} ms"
echo "rounds: $warmups unmeasured then $rounds × ${seconds}s per page, wrk -t2 -c$connections, both JVMs -Xmx512m, $(nproc) cores"
[[ -n "${PETCLINIC_DIR:-}" ]] || echo "PETCLINIC_DIR not set: the portal's figures alone, no ratio to PetClinic"
