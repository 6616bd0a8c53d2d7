#!/usr/bin/env bash
# Benchmark of the dashboard and of the busiest list pages on generated data, on 127.0.0.1 only:
#   ./bench/dashboard.sh province|country [seed]
# Makes (the first time) and fills a database portal_bench_<scale> with bench/generate.sh, starts the
# built jar on it, and measures on a warm JVM:
#   - the dashboard of the Department's whole scope and of a district office for a month, a quarter,
#     a school year, a calendar year and five years: p50/p95/p99 of one user's requests with wrk;
#   - the same page's SQL (the statements the portal ran for it, with their parameters, read back
#     from PostgreSQL's log) through pgbench: p50/p95/p99 of the whole page's statements;
#   - the same, worked out as the first view after a change sees it (the data's version moved before
#     each of BENCH_WORKED, 20, requests): p50/p95 with curl, and that page's SQL through pgbench;
#     after a report or an acknowledgement (the incident figures kept), after a change to a recent
#     incident (the settled incidents' figures kept), then after one to a settled incident (V68);
#   - the inbox and the directive list of 32 school leaders, the directive list of the district
#     offices' leaders, and the Department's incident list and directive list for 32 officers, each at
#     32 concurrent users with wrk, after BENCH_WARMUPS (2) unmeasured passes over all of them:
#     requests per second and p99.
# Needs: PostgreSQL (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres) that may create
# databases, and whose log this user can read (PGLOG, default the Debian cluster's log); psql,
# pgbench, wrk, curl, python3 and a JDK. Keeps the database for the next run (drop it by hand).
# The accounts sign in with their password alone here (no second factor is required), so that the
# leaders' dashboards are measured, not the enrolment page.
set -euo pipefail
cd "$(dirname "$0")/.."

scale="${1:?province or country}"
seed="${2:-0.42}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGDATABASE="portal_bench_$scale"
pglog="${PGLOG:-/var/log/postgresql/postgresql-15-main.log}"
port="${BENCH_PORT:-18081}"
seconds="${BENCH_SECONDS:-10}"
password='Bench-Quan-tri-2026'
work="$(mktemp -d)"
app_pid=""

cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  psql -X -q -d postgres -c "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" \
    >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

start_app() {
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE" SPRING_DATASOURCE_USERNAME="$PGUSER" \
    SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" PORTAL_ADMIN_PASSWORD="$password" PORTAL_MFA_REQUIREDROLES= \
    SERVER_PORT="$port" \
    SERVER_ADDRESS=127.0.0.1 java -Xmx512m -jar "$work/portal/edu-portal.jar" >>"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "the portal did not start; its log:" >&2
  tail -50 "$work/app.log" >&2
  exit 1
}

[[ -f target/edu-portal.jar ]] || ./mvnw -q -B package -DskipTests
# An extracted copy (the layout the Dockerfile runs): a build during the run cannot pull its classes away.
java -Djarmode=tools -jar target/edu-portal.jar extract --destination "$work/portal" >/dev/null
if ! psql -X -At -d postgres -c "select 1 from pg_database where datname = '$PGDATABASE'" | grep -q 1; then
  createdb "$PGDATABASE"
  start_app
  for _ in $(seq 1 60); do
    [[ "$(psql -X -At -c "select count(*) from account where username = 'admin'")" == 1 ]] && break
    sleep 1
  done
  kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
  app_pid=""
  bash bench/generate.sh "$scale" "$seed"
fi
start_app

# Sessions: log in (the generated accounts share the administrator's password).
login() { # username -> the session cookie
  local jar="$work/jar.$1" token
  token="$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/login" \
    | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)"
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$1" --data-urlencode "password=$password" \
    --data-urlencode "_csrf=$token" "http://127.0.0.1:$port/login"
  awk '$6 == "PORTALSESSION" { print "PORTALSESSION=" $7 }' "$jar"
}
q() { psql -X -At -c "$1"; }
department=$(q "select id from unit where type = 'DEPARTMENT' and code like 'GEN%' order by id limit 1")
district=$(q "select id from unit where type = 'DISTRICT_OFFICE' and path like '/$department/%' order by id limit 1")
leader=$(login "gen.$department.1")
district_leader=$(login "gen.$district.1")
[[ -n "$leader" && -n "$district_leader" ]] || { echo "login failed" >&2; exit 1; }
curl -fs -o /dev/null -H "Cookie: $leader" "http://127.0.0.1:$port/dashboard" \
  || { echo "the dashboard does not answer" >&2; exit 1; }

# wrk connections cookies path -> "requests errors req/s p50 p95 p99 max" (ms)
measure() {
  BENCH_COOKIES="$2" wrk -t "$(( $1 < 2 ? 1 : 2 ))" -c "$1" -d 3s -s bench/cookies.lua "http://127.0.0.1:$port$3" >/dev/null
  BENCH_COOKIES="$2" wrk -t "$(( $1 < 2 ? 1 : 2 ))" -c "$1" -d "${seconds}s" -s bench/cookies.lua \
    "http://127.0.0.1:$port$3" | sed -n 's/^RESULT //p'
}

# Every statement PostgreSQL runs is logged while one request is made; the statements of that
# request (not the session's) become a pgbench script.
capture_sql() { # cookie path file
  local offset
  psql -X -q -d postgres -c "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()" >/dev/null
  sleep 0.3
  offset=$(stat -c %s "$pglog")
  curl -fs -o /dev/null -H "Cookie: $1" "http://127.0.0.1:$port$2"
  sleep 0.5
  psql -X -q -d postgres -c "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null
  tail -c +"$((offset + 1))" "$pglog" | python3 bench/pglog_to_pgbench.py "$PGDATABASE" >"$3"
}

rows=()
worked=()
period_names=(month quarter "school year" year "5 years")
today=$(date +%d/%m/%Y)
five_years_ago=$(date -d '5 years ago + 1 day' +%d/%m/%Y)
last_month=$(date -d "$(date +%Y-%m-01) - 1 month" +%m)
last_month_year=$(date -d "$(date +%Y-%m-01) - 1 month" +%Y)
school_year=$(( $(date +%m) >= 9 ? $(date +%Y) : $(date +%Y) - 1 ))
quarter=$(( ($(date +%-m) - 1) / 3 + 1 ))
periods=("kind=MONTH&year=$last_month_year&month=$((10#$last_month))"
  "kind=QUARTER&year=$(date +%Y)&quarter=$quarter"
  "kind=SCHOOL_YEAR&year=$school_year"
  "kind=YEAR&year=$(( $(date +%Y) - 1 ))"
  "kind=CUSTOM&from=$five_years_ago&to=$today")

# Warm the JVM on every page first.
for p in "${periods[@]}"; do
  for _ in 1 2 3 4 5; do
    curl -fs -o /dev/null -H "Cookie: $leader" "http://127.0.0.1:$port/dashboard?unit=$department&$p"
    curl -fs -o /dev/null -H "Cookie: $district_leader" "http://127.0.0.1:$port/dashboard?unit=$district&$p"
  done
done

pgbench_percentiles() { # script -> "p50 p95 p99" (ms)
  rm -f "$work"/pgbench_log*
  (cd "$work" && pgbench -n -c 1 -T "$seconds" -f "$1" -l --log-prefix=pgbench_log >/dev/null 2>&1)
  cat "$work"/pgbench_log* | python3 -c '
import sys
values = sorted(int(line.split()[2]) / 1000 for line in sys.stdin if line.strip())
pick = lambda p: values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]
print("%.1f %.1f %.1f" % (pick(50), pick(95), pick(99)))'
}

for scope in department district; do
  if [[ "$scope" == department ]]; then cookie="$leader"; unit="$department"; else cookie="$district_leader"; unit="$district"; fi
  for i in "${!periods[@]}"; do
    path="/dashboard?unit=$unit&${periods[$i]}"
    read -r _ errors _ p50 p95 p99 _ <<<"$(measure 1 "$cookie" "$path")"
    capture_sql "$cookie" "$path" "$work/page.sql"
    statements=$(grep -c ';$' "$work/page.sql" || true)
    read -r s50 s95 s99 <<<"$(pgbench_percentiles "$work/page.sql")"
    rows+=("$(printf '| %-10s | %-11s | %7s | %7s | %7s | %6s | %10s | %7s | %7s | %7s |' "$scope" "${period_names[$i]}" \
      "$p50" "$p95" "$p99" "$errors" "$statements" "$s50" "$s95" "$s99")")
    # Worked out: the figures as the first view after a change sees them, the data's version moved
    # before each of BENCH_WORKED (20) requests: after a report written or an assignment read (the
    # incident figures kept), after a recent incident's change (the settled incidents' figures kept),
    # then after a settled incident's (every figure worked out).
    cells=""
    for moved in "version = gen_random_uuid()" "version = gen_random_uuid(), incidents = gen_random_uuid()" \
      "version = gen_random_uuid(), incidents = gen_random_uuid(), incidents_settled = gen_random_uuid()"; do
      read -r w50 w95 <<<"$(for _ in $(seq 1 "${BENCH_WORKED:-20}"); do
        q "update dashboard_version set $moved where id" >/dev/null
        curl -fs -o /dev/null -w '%{time_total}\n' -H "Cookie: $cookie" "http://127.0.0.1:$port$path"
      done | sort -n | awk '{ v[NR] = $1 * 1000 } END { printf "%.1f %.1f\n", v[int((NR + 1) / 2)], v[int(NR * 0.95 + 0.5)] }')"
      q "update dashboard_version set $moved where id" >/dev/null
      capture_sql "$cookie" "$path" "$work/worked.sql"
      read -r ws50 ws95 _ <<<"$(pgbench_percentiles "$work/worked.sql")"
      cells+="$(printf ' %7s | %7s | %10s | %7s | %7s |' "$w50" "$w95" "$(grep -c ';$' "$work/worked.sql" || true)" \
        "$ws50" "$ws95")"
    done
    worked+=("$(printf '| %-10s | %-11s |' "$scope" "${period_names[$i]}")$cells")
  done
done

school_cookies=""
while read -r school; do
  school_cookies+="$(login "gen.$school.1") "
done < <(q "select u.id from unit u where u.path like '/$department/%' and u.type in ('PRIMARY', 'LOWER_SECONDARY', 'KINDERGARTEN') order by u.id limit 32")
officer_cookies=""
while read -r account; do
  officer_cookies+="$(login "$account") "
done < <(q "select a.username from account a join unit u on u.id = a.unit_id where u.type = 'DEPARTMENT_DIVISION' and u.path like '/$department/%' order by a.id limit 32")
district_cookies=""
while read -r office; do
  district_cookies+="$(login "gen.$office.1") "
done < <(q "select u.id from unit u where u.path like '/$department/%' and u.type = 'DISTRICT_OFFICE' order by u.id limit 32")
# The list pages share the layout, the security chain and the template engine: each is steady only
# after the others have been served, so every one is served for BENCH_WARMUPS unmeasured passes first.
lists=("$school_cookies|/inbox" "$officer_cookies|/incidents" "$school_cookies|/directives"
  "$district_cookies|/directives" "$officer_cookies|/directives")
for _ in $(seq 1 "${BENCH_WARMUPS:-2}"); do
  for list in "${lists[@]}"; do
    measure 32 "${list%%|*}" "${list##*|}" >/dev/null
  done
done
read -r _ inbox_errors inbox_rps inbox_p50 _ inbox_p99 _ <<<"$(measure 32 "$school_cookies" "/inbox")"
read -r _ list_errors list_rps list_p50 _ list_p99 _ <<<"$(measure 32 "$officer_cookies" "/incidents")"
read -r _ sdir_errors sdir_rps sdir_p50 _ sdir_p99 _ <<<"$(measure 32 "$school_cookies" "/directives")"
read -r _ ddir_errors ddir_rps ddir_p50 _ ddir_p99 _ <<<"$(measure 32 "$district_cookies" "/directives")"
read -r _ odir_errors odir_rps odir_p50 _ odir_p99 _ <<<"$(measure 32 "$officer_cookies" "/directives")"

# The Department's table for five years to Excel and to CSV: the median of 5 downloads.
export_time() { # path -> median seconds
  for _ in 1 2 3 4 5; do
    curl -fs -o /dev/null -w '%{time_total}\n' -H "Cookie: $leader" "http://127.0.0.1:$port$1"
  done | sort -n | sed -n 3p
}
xlsx=$(export_time "/dashboard.xlsx?unit=$department&${periods[4]}")
csv=$(export_time "/dashboard.csv?unit=$department&${periods[4]}")

units=$(q "select count(*) from unit"); assignments=$(q "select count(*) from assignment")
incidents=$(q "select count(*) from incident")
echo
echo "Dashboard, $scale ($units units, $assignments assignments, $incidents incidents), ${seconds} s each, times in ms"
echo "| scope      | period      | app p50 | app p95 | app p99 | errors | statements | SQL p50 | SQL p95 | SQL p99 |"
echo "|------------|-------------|---------|---------|---------|--------|------------|---------|---------|---------|"
printf '%s\n' "${rows[@]}"
echo
echo "The same, worked out after a change (the data's version moved before each request; ${BENCH_WORKED:-20} requests), times in ms:"
echo "after a report or an acknowledgement (the incident figures kept), after a recent incident (the settled"
echo "incidents' figures kept), then after a settled incident (all worked out)"
echo "| scope      | period      | app p50 | app p95 | statements | SQL p50 | SQL p95 | app p50 | app p95 | statements | SQL p50 | SQL p95 | app p50 | app p95 | statements | SQL p50 | SQL p95 |"
echo "|------------|-------------|---------|---------|------------|---------|---------|---------|---------|------------|---------|---------|---------|---------|------------|---------|---------|"
printf '%s\n' "${worked[@]}"
echo
echo "List pages at 32 concurrent users, ${seconds} s each"
echo "| page                          | req/s | p50 ms | p99 ms | errors |"
echo "|-------------------------------|-------|--------|--------|--------|"
printf '| %-29s | %5s | %6s | %6s | %6s |\n' "inbox (32 school leaders)" "$inbox_rps" "$inbox_p50" "$inbox_p99" "$inbox_errors"
printf '| %-29s | %5s | %6s | %6s | %6s |\n' "incident list (32 officers)" "$list_rps" "$list_p50" "$list_p99" "$list_errors"
printf '| %-29s | %5s | %6s | %6s | %6s |\n' "directive list (32 schools)" "$sdir_rps" "$sdir_p50" "$sdir_p99" "$sdir_errors"
printf '| %-29s | %5s | %6s | %6s | %6s |\n' "directive list (districts)" "$ddir_rps" "$ddir_p50" "$ddir_p99" "$ddir_errors"
printf '| %-29s | %5s | %6s | %6s | %6s |\n' "directive list (32 officers)" "$odir_rps" "$odir_p50" "$odir_p99" "$odir_errors"
echo
echo "Exports of the Department's table for five years (median of 5): .xlsx ${xlsx} s, .csv ${csv} s"
