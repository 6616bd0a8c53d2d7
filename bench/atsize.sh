#!/usr/bin/env bash
# The list pages at size beside the same pages on the demo province, on one machine, in one run:
#   ./bench/atsize.sh province|country
# Starts two portals (the extracted jar, -Xmx512m each): one on a fresh database with the demo
# province, one on the generated data of portal_bench_<scale> (made by bench/dashboard.sh, or by
# bench/generate.sh on a database the portal has migrated). Signs in as the demo's accounts on the
# first, and on the second as 32 school leaders, 32 officers and the leaders of the first generated
# Department; warms both, then measures interleaved rounds of each list page on both with wrk
# (2 threads, BENCH_CONNECTIONS concurrent users, 32), and prints per page the requests a second,
# p50 and p99 on each, and the time a request takes at size as a multiple of the demo's (the demo's
# requests a second over those at size).
# Needs: PostgreSQL (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres) that may create
# databases; psql, wrk, curl and a JDK 17 or newer.
# Settings: BENCH_SECONDS (10) per page, side and round, BENCH_ROUNDS (3), BENCH_WARMUPS (2 passes
# over every page on both sides, unmeasured), BENCH_CONNECTIONS (32).
set -euo pipefail
cd "$(dirname "$0")/.."

scale="${1:?province or country}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
seconds="${BENCH_SECONDS:-10}"
rounds="${BENCH_ROUNDS:-3}"
warmups="${BENCH_WARMUPS:-2}"
connections="${BENCH_CONNECTIONS:-32}"
demo_port="${BENCH_PORT:-18083}"
size_port=$((demo_port + 1))
demo_db="portal_bench_atsize_demo"
size_db="portal_bench_$scale"
demo_password='Demo-Ben-Tre-2026'
password='Bench-Quan-tri-2026'
work="$(mktemp -d)"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

if ! psql -X -At -d postgres -c "select 1 from pg_database where datname = '$size_db'" | grep -q 1; then
  echo "no database $size_db: make it with ./bench/dashboard.sh $scale first" >&2
  exit 2
fi

# shellcheck source=bench/common.sh
source bench/common.sh

start() { # port database demo(true|false)
  (cd "$work/portal" && SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$2" \
    SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" PORTAL_DEMO_DATA="$3" \
    PORTAL_MFA_REQUIREDROLES= PORTAL_ADMIN_PASSWORD="$password" PORTAL_DEMO_PASSWORD="$demo_password" \
    exec java -Xmx512m -jar edu-portal.jar --server.port="$1" --server.address=127.0.0.1 >>"$work/portal-$1.log" 2>&1) &
  pids+=("$!")
  wait_for "http://127.0.0.1:$1/login" 300 || { tail -50 "$work/portal-$1.log" >&2; exit 1; }
}

logins() { # username... -> the session cookies, separated by spaces
  local cookies="" user
  for user in "$@"; do cookies+="$(login "$size_port" "$user" "$password") "; done
  echo "$cookies"
}

[[ -f target/edu-portal.jar ]] || ./mvnw -q -B package -DskipTests
java -Djarmode=tools -jar target/edu-portal.jar extract --destination "$work/portal" >/dev/null
dropdb --if-exists "$demo_db" && createdb "$demo_db"
start "$demo_port" "$demo_db" true
start "$size_port" "$size_db" false

q() { psql -X -At -d "$size_db" -c "$1"; }
department=$(q "select id from unit where type = 'DEPARTMENT' and code like 'GEN%' order by id limit 1")
# shellcheck disable=SC2046
schools=$(logins $(q "select 'gen.' || u.id || '.1' from unit u where u.path like '/$department/%'
  and u.type in ('PRIMARY', 'LOWER_SECONDARY', 'KINDERGARTEN') order by u.id limit 32"))
# shellcheck disable=SC2046
officers=$(logins $(q "select a.username from account a join unit u on u.id = a.unit_id
  where u.type = 'DEPARTMENT_DIVISION' and u.path like '/$department/%' order by a.id limit 32"))
leaders=$(logins "gen.$department.1" "gen.$department.2" "gen.$department.3")
demo_school=$(login "$demo_port" thcs.giongtrom "$demo_password")
demo_officer=$(login "$demo_port" sgd.chuyenvien "$demo_password")
demo_leader=$(login "$demo_port" sgd.lanhdao "$demo_password")
for cookies in "$schools" "$officers" "$leaders" "$demo_school" "$demo_officer" "$demo_leader"; do
  [[ "$cookies" == *PORTALSESSION=?* ]] || { echo "an account did not sign in" >&2; exit 1; }
done

# name|path|demo cookies|cookies at size
targets=(
  "/inbox (school leaders)|/inbox|$demo_school|$schools"
  "/directives (school leaders)|/directives|$demo_school|$schools"
  "/directives (officers)|/directives|$demo_officer|$officers"
  "/incidents (school leaders)|/incidents|$demo_school|$schools"
  "/incidents (officers)|/incidents|$demo_officer|$officers"
  "/incidents/triage (officers)|/incidents/triage|$demo_officer|$officers"
  "/reports/review (officers)|/reports/review|$demo_officer|$officers"
  "/notifications (school leaders)|/notifications|$demo_school|$schools"
  "/dashboard (department leaders)|/dashboard|$demo_leader|$leaders"
)

measure() { # port cookies path -> "requests errors req/s p50 p95 p99 max"
  BENCH_COOKIES="$2" wrk -t 2 -c "$connections" -d "${seconds}s" -s bench/cookies.lua "http://127.0.0.1:$1$3" \
    | sed -n 's/^RESULT //p'
}

for target in "${targets[@]}"; do
  IFS='|' read -r _ path demo size <<<"$target"
  for side in "$demo_port|${demo%% *}" "$size_port|${size%% *}"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ${side#*|}" "http://127.0.0.1:${side%%|*}$path")
    [[ "$status" == 200 ]] || { echo "$path answers $status on port ${side%%|*}" >&2; exit 1; }
  done
done
for _ in $(seq 1 "$warmups"); do
  for target in "${targets[@]}"; do
    IFS='|' read -r _ path demo size <<<"$target"
    measure "$demo_port" "$demo" "$path" >/dev/null
    measure "$size_port" "$size" "$path" >/dev/null
  done
done
echo "warm-up: $warmups passes of ${seconds}s per page and side done" >&2

for round in $(seq 1 "$rounds"); do
  for i in "${!targets[@]}"; do
    IFS='|' read -r _ path demo size <<<"${targets[$i]}"
    echo "$i demo $(measure "$demo_port" "$demo" "$path")" >>"$work/results"
    echo "$i size $(measure "$size_port" "$size" "$path")" >>"$work/results"
  done
  echo "round $round of $rounds done" >&2
done

summary() { # index side -> "req/s p50 p99 errors": the mean of the rounds' req/s, the median of their percentiles
  awk -v i="$1" -v side="$2" '$1 == i && $2 == side { n++; rps += $5; p50[n] = $6; p99[n] = $8; bad += $4 }
    END { asort(p50); asort(p99); m = int((n + 1) / 2); printf "%.0f %.1f %.1f %d\n", rps / n, p50[m], p99[m], bad }' \
    "$work/results"
}

units=$(q "select count(*) from unit"); assignments=$(q "select count(*) from assignment")
echo
echo "List pages on the demo and on the $scale ($units units, $assignments assignments), $connections concurrent users"
echo "| page | demo req/s | p50 ms | p99 ms | $scale req/s | p50 ms | p99 ms | time per request × demo |"
echo "|---|---|---|---|---|---|---|---|"
for i in "${!targets[@]}"; do
  read -r d_rps d_p50 d_p99 d_bad <<<"$(summary "$i" demo)"
  read -r s_rps s_p50 s_p99 s_bad <<<"$(summary "$i" size)"
  (( d_bad + s_bad == 0 )) || echo "warning: ${targets[$i]%%|*} answered $((d_bad + s_bad)) errors" >&2
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "${targets[$i]%%|*}" "$d_rps" "$d_p50" "$d_p99" "$s_rps" \
    "$s_p50" "$s_p99" "$(awk -v a="$d_rps" -v b="$s_rps" 'BEGIN { printf "%.2f", a / b }')"
done
echo
echo "rounds: $warmups unmeasured then $rounds × ${seconds}s per page and side, wrk -t2 -c$connections, both -Xmx512m, $(nproc) cores"
