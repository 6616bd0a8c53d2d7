#!/usr/bin/env bash
# The backup and restore drill: ./bench/restore-drill.sh [province|demo]
# Makes a fresh database with the demo province, adds the generated province (bench/generate.sh; the
# argument "demo" skips it), starts the portal on it (the extracted jar, 127.0.0.1) and puts it under
# load (bench/load, Gatling: school leaders acknowledging and filing incidents with a photo, officers,
# the dashboard). While the load runs it takes a backup with pg_dump (custom format) in a snapshot it
# exported first and holds, counts every table's rows in that same snapshot, stops the load, restores
# the dump into a fresh database with pg_restore, starts the portal on the restored database and
# checks:
#   - every table has the rows it had in the snapshot the dump was taken in;
#   - the dashboard's compliance summary (compliance_day, compliance_month, kept by triggers) equals
#     what compliance_rebuild() makes from the restored assignments and reports;
#   - every stored file's chunks hash to the SHA-256 recorded at upload, and the restored files are
#     the source's files (same ids, same hashes);
#   - the restored portal signs the department leader in and shows the dashboard.
# Prints the sizes and times (dump, restore, start) and exits 0 only if every check holds.
# Needs: PostgreSQL (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres) that may create databases,
# pg_dump/pg_restore of the server's version or newer, psql, curl, a JDK 17 or newer.
# Settings: DRILL_USERS (16), DRILL_PORT (18191; the restored portal on the next one).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
scale="${1:-province}"
[[ "$scale" == province || "$scale" == demo ]] || { echo "usage: $0 [province|demo]" >&2; exit 2; }

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
users="${DRILL_USERS:-16}"
port="${DRILL_PORT:-18191}"
restored_port=$((port + 1))
source_db="portal_drill"
restored_db="portal_drill_restored"
demo_password='Demo-Ben-Tre-2026'
work="$(mktemp -d)"
declare -A pids=()

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
cleanup() {
  [[ -n "${pids[load]:-}" ]] && kill -- "-${pids[load]}" 2>/dev/null || true
  for name in "${!pids[@]}"; do kill "${pids[$name]}" 2>/dev/null || true; done
  for name in "${!pids[@]}"; do wait "${pids[$name]}" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# shellcheck source=bench/common.sh
source bench/common.sh

start_portal() { # database port name
  (cd "$work/portal" && SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$1" \
    SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" PORTAL_DEMO_DATA=true \
    PORTAL_DEMO_PASSWORD="$demo_password" PORTAL_ADMIN_PASSWORD='Drill-Quan-tri-2026' PORTAL_MFA_REQUIREDROLES= \
    exec java -Xmx512m -jar edu-portal.jar --server.port="$2" --server.address=127.0.0.1 >>"$work/$3.log" 2>&1) &
  pids[$3]=$!
  wait_for "http://127.0.0.1:$2/actuator/health/readiness" 900 || { tail -40 "$work/$3.log" >&2; exit 1; }
}

ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# Every base table of the schema with its rows, one line each, as a query.
counts_sql="select table_name || ' ' || (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I', table_name), false, true, '')))[1]::text
  from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name;"

[[ -f target/edu-portal.jar ]] || ./mvnw -q -B package -DskipTests
java -Djarmode=tools -jar target/edu-portal.jar extract --destination "$work/portal" >/dev/null
dropdb --if-exists "$restored_db"
dropdb --if-exists "$source_db"
createdb "$source_db"
log "starting the portal on $source_db (migrates, loads the demo province)"
start_portal "$source_db" "$port" source
if [[ "$scale" == province ]]; then
  log "generating the province"
  PGDATABASE="$source_db" bench/generate.sh province >&2
fi

psql -X -q -d "$source_db" -v copies="$(( (users + 2) / 3 ))" -v seconds=600 -f bench/load/accounts.sql
log "load: $users virtual users"
(cd bench/load && exec setsid "$root/mvnw" -q -B gatling:test -Dportal.base="http://127.0.0.1:$port" -Dportal.users="$users" \
  -Dportal.seconds=600 -Dportal.password="$demo_password" -Dportal.ledger="$work/ledger" \
  -Dgatling.core.directory.results="$work/gatling" >"$work/gatling.log" 2>&1) &
pids[load]=$!
# The dump starts once the load has submitted something.
until=$((SECONDS + 300))
until grep -q '^incident ' "$work/ledger" 2>/dev/null || ((SECONDS > until)); do sleep 2; done

# A snapshot held open: the dump and the counts see the same database.
coproc HOLD { psql -X -q -At -d "$source_db" 2>&1; }
echo "begin isolation level repeatable read; select pg_export_snapshot();" >&"${HOLD[1]}"
read -r snapshot <&"${HOLD[0]}"
[[ "$snapshot" =~ ^[0-9A-F-]+$ ]] || { echo "no snapshot: $snapshot" >&2; exit 1; }
log "dumping in snapshot $snapshot while the load runs"
began=$(date +%s%N)
pg_dump -Fc --snapshot="$snapshot" -d "$source_db" -f "$work/portal.dump"
dump_ms=$(ms_since "$began")
printf '%s\n\\echo END\n' "$counts_sql" >&"${HOLD[1]}"
: >"$work/counts-source"
while read -r line <&"${HOLD[0]}"; do [[ "$line" == END ]] && break; echo "$line" >>"$work/counts-source"; done
echo "select string_agg(id || ':' || sha256, ',' order by id) from stored_file;" >&"${HOLD[1]}"
read -r source_files <&"${HOLD[0]}"
echo "commit;" >&"${HOLD[1]}"
exec {HOLD[1]}>&-
wait "$HOLD_PID" 2>/dev/null || true
submitted_during=$(grep -c '^incident ' "$work/ledger" || true)
sleep 10
kill -- "-${pids[load]}" 2>/dev/null || true
wait "${pids[load]}" 2>/dev/null || true
unset 'pids[load]'
kill "${pids[source]}"; wait "${pids[source]}" 2>/dev/null || true
unset 'pids[source]'

log "restoring into $restored_db"
createdb "$restored_db"
began=$(date +%s%N)
pg_restore -j 2 --no-owner -d "$restored_db" "$work/portal.dump"
restore_ms=$(ms_since "$began")
began=$(date +%s%N)
start_portal "$restored_db" "$restored_port" restored
start_ms=$(ms_since "$began")

# The checks.
failures=0
check() { # description ok(0/1) detail
  if [[ "$2" == 0 ]]; then printf '  ok    %s %s\n' "$1" "$3"; else printf '  FAIL  %s %s\n' "$1" "$3"; failures=$((failures + 1)); fi
}
psql -X -At -d "$restored_db" -c "$counts_sql" >"$work/counts-restored"
# The restored portal may have written since it started (its sessions, the scheduler's lock): those
# tables are compared as "at least".
LC_ALL=C sort -o "$work/counts-source" "$work/counts-source"
LC_ALL=C sort -o "$work/counts-restored" "$work/counts-restored"
differ=$(LC_ALL=C join "$work/counts-source" "$work/counts-restored" | awk '
  $1 ~ /^(spring_session|spring_session_attributes|shedlock|flyway_schema_history)$/ { if ($3 < $2) print $1; next }
  $2 != $3 { print $1 "(" $2 "->" $3 ")" }' | tr '\n' ' ')
tables=$(wc -l <"$work/counts-source")
rows=$(awk '{ s += $2 } END { print s }' "$work/counts-source")
check "rows of every table as in the dump's snapshot" "$([[ -z "$differ" ]] && echo 0 || echo 1)" "($tables tables, $rows rows) $differ"

summary_diff=$(psql -X -q -At -d "$restored_db" <<'EOF'
begin;
create temp table kept_day as select * from compliance_day
  where (ack_expected, ack_done, ack_on_time, rep_expected, rep_submitted, rep_on_time, rep_accepted) <> (0, 0, 0, 0, 0, 0, 0);
create temp table kept_month as select * from compliance_month
  where (ack_expected, ack_done, ack_on_time, rep_expected, rep_submitted, rep_on_time, rep_accepted) <> (0, 0, 0, 0, 0, 0, 0);
select compliance_rebuild() \g /dev/null
select (select count(*) from kept_day) || ' ' || (select count(*) from (
  (select * from kept_day except select * from compliance_day)
  union all (select * from compliance_day except select * from kept_day)) d)
  + (select count(*) from (
  (select * from kept_month except select * from compliance_month)
  union all (select * from compliance_month except select * from kept_month)) m);
rollback;
EOF
)
read -r summary_rows summary_differ <<<"$(tail -n 1 <<<"$summary_diff")"
check "compliance summary equals a rebuild" "$([[ "$summary_differ" == 0 ]] && echo 0 || echo 1)" \
  "($summary_rows day rows; rows differing: $summary_differ)"

bad_files=$(psql -X -At -d "$restored_db" -c "select count(*) from stored_file f where f.sha256 <> encode(sha256(
  coalesce((select string_agg(c.data, ''::bytea order by c.seq) from stored_file_chunk c where c.file_id = f.id), ''::bytea)), 'hex')")
files=$(psql -X -At -d "$restored_db" -c "select count(*) || ' files, ' || pg_size_pretty(coalesce(sum(size_bytes), 0)) from stored_file")
check "stored files' bytes hash to their SHA-256" "$([[ "$bad_files" == 0 ]] && echo 0 || echo 1)" "($files; mismatched: $bad_files)"
restored_files=$(psql -X -At -d "$restored_db" -c "select string_agg(id || ':' || sha256, ',' order by id) from stored_file")
check "the restored files are the dumped ones" "$([[ "$restored_files" == "$source_files" ]] && echo 0 || echo 1)" ""

jar="$work/cookies"
token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$restored_port/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode username=sgd.lanhdao --data-urlencode "password=$demo_password" \
  --data-urlencode "_csrf=$token" "http://127.0.0.1:$restored_port/login"
dashboard=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "http://127.0.0.1:$restored_port/dashboard")
check "the restored portal shows the dashboard" "$([[ "$dashboard" == 200 ]] && echo 0 || echo 1)" "(HTTP $dashboard)"

echo
echo "scale: $scale; database $(psql -X -At -d "$restored_db" -c "select pg_size_pretty(pg_database_size(current_database()))") restored"
echo "incidents submitted by the load when the dump had ended: $submitted_during"
echo "dump (pg_dump -Fc, under load): $((dump_ms / 1000)).$(printf '%03d' $((dump_ms % 1000))) s, $(du -h "$work/portal.dump" | cut -f1)"
echo "restore (pg_restore -j 2): $((restore_ms / 1000)).$(printf '%03d' $((restore_ms % 1000))) s"
echo "portal started on the restored database: $((start_ms / 1000)).$(printf '%03d' $((start_ms % 1000))) s to ready"
echo "checks failed: $failures"
exit $((failures > 0))
