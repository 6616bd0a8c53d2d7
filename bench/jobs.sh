#!/usr/bin/env bash
# The scheduled jobs at size, as their first run on years of data: ./bench/jobs.sh [province|country] [seed]
# Makes (the first time) and fills a database portal_bench_<scale> with bench/generate.sh (as
# bench/dashboard.sh does, and shares it), then starts the built jar on it under faketime at 06:57:30
# (Việt Nam time; two and a half minutes to start) of a working day, JOBS_DAY (default the next working
# day after today), so that the jobs run on their own schedule in the running portal, in this
# order: the daily reminders and escalations at 07:00:00, the hỏa tốc reminders at 07:00:30, the digests at 07:01:00, the incident
# retention at 07:01:30, and the daily reminders again at 07:06:00 (a second run of the same day must
# send nothing: each reminder once). Prints each run's line (what it wrote, how long it took), the
# messages per unit of that first run (at most one backlog summary each) and the rows written.
# The database keeps what the run wrote: for another first run, run it on a fresh copy
# (createdb -T portal_bench_country portal_bench_jobs, then JOBS_DB=portal_bench_jobs).
# Needs: faketime (Debian's package), psql, curl, a PostgreSQL that may create databases
# (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres), the jar (built here if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-country}"
seed="${2:-0.42}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGDATABASE="${JOBS_DB:-portal_bench_$scale}"
port="${BENCH_PORT:-18084}"
work="$(mktemp -d)"
app_pid=""

cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
command -v faketime >/dev/null || { echo "needs faketime (apt-get install faketime)" >&2; exit 2; }

start_app() { # [faketime start] -> the portal on $PGDATABASE, waits for its health
  local clock=("$@")
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE" SPRING_DATASOURCE_USERNAME="$PGUSER" \
    SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" PORTAL_ADMIN_PASSWORD='Bench-Quan-tri-2026' SERVER_PORT="$port" \
    SERVER_ADDRESS=127.0.0.1 FAKETIME_DONT_FAKE_MONOTONIC=1 \
    "${clock[@]}" java -Xmx1g -jar "$work/edu-portal.jar" \
    --portal.notifications.reminder-cron='0 0,6 7 * * *' --portal.notifications.flash-reminder-cron='30 0 7 * * *' \
    --portal.notifications.digest-cron='0 1 7 * * *' --portal.incidents.retention-cron='30 1 7 * * *' \
    --portal.notifications.send-every=1h --spring.mail.host=127.0.0.1 --spring.mail.port=9 \
    >>"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "the portal did not start; its log:" >&2
  tail -50 "$work/app.log" >&2
  exit 1
}

[[ -f target/edu-portal.jar ]] || ./mvnw -q -B package -DskipTests
cp target/edu-portal.jar "$work/"   # a build meanwhile does not pull the jar from under the portal
if ! psql -X -At -d postgres -c "select 1 from pg_database where datname = '$PGDATABASE'" | grep -q 1; then
  createdb "$PGDATABASE"
  start_app
  kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
  app_pid=""
  bash bench/generate.sh "$scale" "$seed"
fi
q() { psql -X -At -F ' ' -c "$1"; }

# The day: the next working day after today in the portal's own calendar (weekends and the
# holidays it keeps), unless JOBS_DAY names one. Ahead, not behind: faketime moves the clock, not
# the waits the JVM computes from it, and a clock set back makes those waits spin.
day="${JOBS_DAY:-$(q "select d::date from generate_series(current_date + 1, current_date + 14, interval '1 day') d
  where extract(isodow from d) < 6 and not exists (select 1 from holiday h where h.day = d::date) limit 1")}"
before_notifications=$(q "select coalesce(max(id), 0) from notification")
before_reminders=$(q "select count(*) from reminder_sent")
echo "database $PGDATABASE: $(q "select count(*) from unit") units, $(q "select count(*) from assignment") assignments, $(q "select count(*) from incident") incidents; the jobs' day: $day"

# No other portal runs on this database: a lock left by an earlier run, stopped, is lifted.
q "update shedlock set lock_until = now() where lock_until > now()" >/dev/null
# 06:57:30 in Việt Nam (UTC+7) is 23:57:30 UTC the day before.
start_app faketime -f "@$(date -u -d "$day 06:57:30 +0700" '+%Y-%m-%d %H:%M:%S')"
if grep -q 'Scheduled job ' "$work/app.log"; then
  echo "the portal started after 07:00 (slow machine?): its first slots were missed; run again" >&2
  exit 1
fi
until [[ "$(grep -c 'Scheduled job reminders-daily' "$work/app.log")" -ge 2 ]] \
  && grep -q 'Scheduled job incident-retention' "$work/app.log"; do
  kill -0 "$app_pid" 2>/dev/null || { tail -50 "$work/app.log" >&2; exit 1; }
  sleep 2
done
kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
app_pid=""

echo
grep -h 'Scheduled job ' "$work/app.log" | sed -E 's/^([0-9T:.-]{19}).*Scheduled job /\1  /'
echo
read -r messages accounts units < <(q "select count(*), count(distinct n.account_id), count(distinct acc.unit_id)
  from notification n join account acc on acc.id = n.account_id where n.id > $before_notifications")
echo "messages written: $messages to $accounts accounts of $units units"
q "select kind, count(*), count(distinct account_id) from notification where id > $before_notifications group by kind order by kind" \
  | awk '{ printf "  %-22s %9d messages to %7d accounts\n", $1, $2, $3 }'
echo "most messages of one kind to one account: $(q "select coalesce(max(n), 0) from (select count(*) n from notification
  where id > $before_notifications group by account_id, kind) m")"
echo "deadlines recorded as reminded: $(( $(q "select count(*) from reminder_sent") - before_reminders ))"
echo "e-mails queued: $(q "select count(*) from outbox_mail o join notification n on n.id = o.notification_id where n.id > $before_notifications")"
