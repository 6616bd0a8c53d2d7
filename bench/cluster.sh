#!/usr/bin/env bash
# Two portal instances behind nginx on one PostgreSQL, and the fault run through them:
#   ./bench/cluster.sh            the full run: 64 virtual users for 10 minutes with the faults
#   ./bench/cluster.sh --quick    the same with 5 minutes of load
#   ./bench/cluster.sh --up       the cluster alone, until Ctrl-C (no load, no faults)
# It starts the PostgreSQL cluster named by CLUSTER_PG (Debian's "version/name", default the newest
# version's "main"; made with pg_createcluster on PGPORT if it does not exist, trusting 127.0.0.1)
# if it is down, makes a fresh database, builds the jar if needed, starts GreenMail's standalone jar
# (the SMTP sink, from the local Maven repository, fetched by Maven if missing), two instances of the
# extracted jar on two ports with the demo province (the first migrates and loads the demo, then the
# second starts), and nginx (a non-daemon process with its own configuration under a temporary
# directory) in front on 127.0.0.1, round-robin, no sticky sessions; then waits for both readiness
# probes through their ports and through nginx.
# The fault run (bench/load, Gatling) drives school leaders (inbox, acknowledgement, reports, an
# incident with a photo), officers (triage, review) and the department leader (dashboard) through
# nginx; meanwhile it stops the SMTP sink for a minute, kills one instance with kill -9 (and starts it
# again), and restarts PostgreSQL. Then it checks the database and the mail sink and prints the
# figures; the last line is
#   acknowledged=A stored=S duplicates=D mails_expected=E mails_delivered=M mails_interrupted=I
# and the exit status is 0 only when A = S, D = 0, M + I = E and no page showed a stack trace.
# Settings: CLUSTER_USERS (64), CLUSTER_SECONDS (600; 300 with --quick), CLUSTER_RAMP (the sign-ins
# spread over a quarter of that, at most 90 s; the faults follow), CLUSTER_PORT (18090, nginx;
# the instances on the next two), PGHOST/PGPORT/PGUSER (127.0.0.1, 5432, postgres).
# Restarting PostgreSQL disconnects everything else that uses that server: on a shared machine,
# give the run a cluster of its own (CLUSTER_PG=15/bench PGPORT=5499).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

mode=full
case "${1:-}" in
  --quick) mode=quick ;;
  --up) mode=up ;;
  "") ;;
  *) echo "usage: $0 [--quick|--up]" >&2; exit 2 ;;
esac

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
pg_version="$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)"
pg_cluster="${CLUSTER_PG:-$pg_version/main}"
users="${CLUSTER_USERS:-64}"
seconds="${CLUSTER_SECONDS:-$([[ $mode == quick ]] && echo 300 || echo 600)}"
# The users sign in spread over the first seconds (a sign-in hashes the password, 310,000 rounds of
# PBKDF2: 64 at once would take the cores for a while); the faults come after.
ramp="${CLUSTER_RAMP:-$(( seconds / 4 < 90 ? seconds / 4 : 90 ))}"
proxy_port="${CLUSTER_PORT:-18090}"
ports=("$((proxy_port + 1))" "$((proxy_port + 2))")
smtp_port=$((proxy_port + 5))
imap_port=$((proxy_port + 6))
sink_smtp_port=$((proxy_port + 7))
db="portal_cluster"
demo_password='Demo-Ben-Tre-2026'
greenmail_version=2.1.8
greenmail_jar="$HOME/.m2/repository/com/icegreen/greenmail-standalone/$greenmail_version/greenmail-standalone-$greenmail_version.jar"
work="$(mktemp -d)"
declare -A pids=()

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

cleanup() {
  [[ -n "${pids[load]:-}" ]] && kill -- "-${pids[load]}" 2>/dev/null || true
  [[ -n "${pids[relay]:-}" ]] && kill -- "-${pids[relay]}" 2>/dev/null || true
  for name in "${!pids[@]}"; do kill "${pids[$name]}" 2>/dev/null || true; done
  for name in "${!pids[@]}"; do wait "${pids[$name]}" 2>/dev/null || true; done
  [[ -n "${CLUSTER_KEEP:-}" ]] && echo "kept: $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

status_of() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true; }

# shellcheck source=bench/common.sh
source bench/common.sh

# PostgreSQL: the named cluster, made if missing and started if down.
pg_ver="${pg_cluster%%/*}" pg_name="${pg_cluster#*/}"
if ! pg_lsclusters -h | awk -v v="$pg_ver" -v n="$pg_name" '$1 == v && $2 == n { found = 1 } END { exit !found }'; then
  log "making PostgreSQL cluster $pg_cluster on port $PGPORT"
  pg_createcluster "$pg_ver" "$pg_name" --port "$PGPORT" >/dev/null
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n' \
    >"/etc/postgresql/$pg_ver/$pg_name/pg_hba.conf"
fi
if ! pg_lsclusters -h | awk -v v="$pg_ver" -v n="$pg_name" '$1 == v && $2 == n && $4 == "online" { found = 1 } END { exit !found }'; then
  log "starting PostgreSQL $pg_cluster"
  pg_ctlcluster --skip-systemctl-redirect "$pg_ver" "$pg_name" start
fi
until pg_isready -q; do sleep 0.5; done
dropdb --if-exists "$db"
createdb "$db"

# The jar, extracted once for both instances (the layout the Dockerfile runs).
[[ -f target/edu-portal.jar ]] || ./mvnw -q -B package -DskipTests
java -Djarmode=tools -jar target/edu-portal.jar extract --destination "$work/portal" >/dev/null

# The load, compiled before anything runs, so that it starts at once later.
./mvnw -q -B -f bench/load/pom.xml test-compile

# The SMTP server the instances talk to: a relay (socat) on $smtp_port in front of GreenMail's
# standalone jar (any address, any password, IMAP to read what arrived), as a mail relay stands in
# front of the mailbox store. GreenMail keeps what it accepted in memory only, where a real mail
# server keeps its queue on disk: so the fault stops the relay first (kill -9: connections cut in
# the middle of a message, the port closed), then empties GreenMail into the ledger and kills it
# too, and what GreenMail had accepted is not lost with it.
[[ -f "$greenmail_jar" ]] || ./mvnw -q -B dependency:get -Dartifact="com.icegreen:greenmail-standalone:$greenmail_version"
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
start_greenmail() {
  mkdir -p "$work/mail"
  echo $(( $(cat "$work/mail/generation" 2>/dev/null || echo 0) + 1 )) >"$work/mail/generation"
  java -Xmx256m -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$sink_smtp_port" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$imap_port" -Dgreenmail.auth.disabled \
    -jar "$greenmail_jar" >>"$work/greenmail.log" 2>&1 &
  pids[greenmail]=$!
  local until=$((SECONDS + 240))
  until port_open "$sink_smtp_port" && port_open "$imap_port"; do
    ((SECONDS < until)) || { tail -20 "$work/greenmail.log" >&2; return 1; }
    sleep 0.3
  done
}
start_relay() { # a session of its own, so that kill -9 of its group cuts every connection it forked
  setsid socat TCP-LISTEN:"$smtp_port",bind=127.0.0.1,reuseaddr,fork TCP:127.0.0.1:"$sink_smtp_port" \
    >>"$work/relay.log" 2>&1 &
  pids[relay]=$!
  until port_open "$smtp_port"; do sleep 0.1; done
}
start_greenmail || exit 1
start_relay

start_instance() { # index (0 or 1)
  local port="${ports[$1]}"
  (cd "$work/portal" && SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
    SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
    PORTAL_DEMO_DATA=true PORTAL_DEMO_PASSWORD="$demo_password" PORTAL_ADMIN_PASSWORD='Cluster-Quan-tri-2026' \
    PORTAL_MFA_REQUIREDROLES= SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$smtp_port" \
    exec java -Xmx512m -jar edu-portal.jar --server.port="$port" --server.address=127.0.0.1 \
    --spring.mail.properties.mail.smtp.connectiontimeout=5000 --spring.mail.properties.mail.smtp.timeout=10000 \
    --spring.mail.properties.mail.smtp.writetimeout=10000 \
    --portal.notifications.base-url="http://127.0.0.1:$proxy_port" \
    --portal.notifications.send-every=5s --portal.notifications.claim-for=30s \
    --portal.notifications.reminder-cron='0 * * * * *' --portal.notifications.flash-reminder-cron='20 * * * * *' \
    --portal.notifications.digest-cron='40 * * * * *' \
    >>"$work/portal-$1.log" 2>&1) &
  pids[portal$1]=$!
}

log "starting instance 1 (migrates, loads the demo province)"
start_instance 0
wait_for "http://127.0.0.1:${ports[0]}/actuator/health/readiness" 900 || { tail -50 "$work/portal-0.log" >&2; exit 1; }
log "starting instance 2"
start_instance 1
wait_for "http://127.0.0.1:${ports[1]}/actuator/health/readiness" 900 || { tail -50 "$work/portal-1.log" >&2; exit 1; }

# nginx: round-robin over both, no affinity; a GET that meets a dead instance goes to the other.
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  log_format timed '\$msec|\$request_method|\$uri|\$status|\$request_time|\$upstream_addr';
  access_log $work/nginx/access.log timed;
  client_max_body_size 250m;
  upstream portal {
    server 127.0.0.1:${ports[0]} max_fails=1 fail_timeout=5s;
    server 127.0.0.1:${ports[1]} max_fails=1 fail_timeout=5s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$proxy_port;
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Port \$server_port;
      proxy_connect_timeout 2s;
      proxy_read_timeout 180s;
      # Only a dead or silent instance is skipped: a 503 is the portal saying PostgreSQL is out of
      # reach, which every instance would say; it reaches the user, and no instance is marked down.
      proxy_next_upstream error timeout;
    }
  }
}
EOF
nginx -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" >>"$work/nginx/stderr.log" 2>&1 &
pids[nginx]=$!
wait_for "http://127.0.0.1:$proxy_port/actuator/health/readiness" 30 || { cat "$work/nginx/"*.log >&2; exit 1; }
log "cluster up: nginx http://127.0.0.1:$proxy_port -> instances ${ports[*]}; SMTP sink $smtp_port (IMAP $imap_port)"

if [[ $mode == up ]]; then
  log "Ctrl-C stops it"
  while true; do sleep 3600 & wait $!; done
fi

# ---------------------------------------------------------------------------------------------
# The fault run. Each virtual user signs in as an account of its own (a copy of a demo account: same
# unit, roles and password), as many people of one school would; every account gets an address at
# the sink, so that its messages go out by e-mail.
psql -X -q -d "$db" -v copies="$(( (users + 2) / 3 ))" -v seconds="$seconds" -f bench/load/accounts.sql
run_started="$(psql -X -At -d "$db" -c "select now()")"
mkdir -p "$work/mail"
phases="$work/phases"
phase() { echo "$(date +%s.%N) $1" >>"$phases"; log "phase: $1"; }

# What reached the sink, read over IMAP every few seconds and deleted once read: a message sent twice
# is seen twice. One line per message: the outbox id (the X-Portal-Outbox header) and the recipient.
cat >"$work/mail/read.py" <<'EOF'
import imaplib, re, sys
port, out, generation = int(sys.argv[1]), sys.argv[2], sys.argv[3]
failed = False
with open(out, "a") as ledger:
    for address in sys.argv[4:]:
        try:
            imap = imaplib.IMAP4("127.0.0.1", port)
            imap.login(address, "x")
            imap.select("INBOX")
            _, found = imap.uid("SEARCH", None, "UNDELETED")
            uids = found[0].split()
            for start in range(0, len(uids), 100):
                batch = b",".join(uids[start:start + 100]).decode()
                _, data = imap.uid("FETCH", batch, "(UID BODY.PEEK[HEADER.FIELDS (X-PORTAL-OUTBOX)])")
                for item in data:
                    if isinstance(item, tuple):
                        uid = re.search(rb"UID (\d+)", item[0]).group(1).decode()
                        match = re.search(r"X-Portal-Outbox:\s*(\d+)", item[1].decode(), re.I)
                        ledger.write("%s %s %s:%s\n" % (match.group(1) if match else "none", address, generation, uid))
                # Written before the messages are marked: a message read twice (the sink died in
                # between) is the same line twice, which the count drops.
                ledger.flush()
                imap.uid("STORE", batch, "+FLAGS", "(\\Deleted)")
            if uids:
                imap.expunge()
            imap.logout()
        except (OSError, imaplib.IMAP4.error) as error:
            failed = True
            print(address, error, file=sys.stderr)
sys.exit(1 if failed else 0)
EOF
read_mail() {
  local addresses
  mapfile -t addresses < <(psql -X -At -d "$db" -c "select distinct lower(email) from account where email is not null")
  flock "$work/mail/lock" python3 "$work/mail/read.py" "$imap_port" "$work/mail/received" \
    "$(cat "$work/mail/generation")" "${addresses[@]}" 2>>"$work/mail/read.err"
}
mail_reader() { while true; do read_mail || true; sleep 3; done; }
mail_reader &
pids[mailreader]=$!

# The load: Gatling through nginx.
(cd bench/load && exec setsid "$root/mvnw" -q -B gatling:test -Dportal.base="http://127.0.0.1:$proxy_port" \
  -Dportal.users="$users" -Dportal.seconds="$seconds" -Dportal.ramp="$ramp" -Dportal.password="$demo_password" \
  -Dportal.ledger="$work/ledger" -Dgatling.core.directory.results="$work/gatling" \
  -Dgatling.http.requestTimeout=180000 >"$work/gatling.log" 2>&1) &
pids[load]=$!
# The faults are timed from the first sign-in through nginx.
until grep -q '|GET|/login|' "$work/nginx/access.log" 2>/dev/null; do
  kill -0 "${pids[load]}" 2>/dev/null || { tail -30 "$work/gatling.log" >&2; exit 1; }
  sleep 0.5
done
phase "load (no fault)"

at() { # seconds since the load began
  local target=$1
  while ((SECONDS - load_began < target)); do sleep 0.5; done
}
load_began=$SECONDS
span=$((seconds - ramp))

at $((ramp + span / 8))
phase "SMTP sink stopped"
kill "${pids[mailreader]}" 2>/dev/null; wait "${pids[mailreader]}" 2>/dev/null || true
kill -9 -- "-${pids[relay]}"; wait "${pids[relay]}" 2>/dev/null || true
read_mail || true
kill -9 "${pids[greenmail]}"; wait "${pids[greenmail]}" 2>/dev/null || true
at $((ramp + span / 8 + 60))
start_greenmail || log "the SMTP sink did not come back"
start_relay
mail_reader &
pids[mailreader]=$!
phase "SMTP sink back"

at $((ramp + span * 3 / 8))
phase "instance 2 killed (kill -9)"
kill -9 "${pids[portal1]}"; wait "${pids[portal1]}" 2>/dev/null || true
sleep 5
start_instance 1
wait_for "http://127.0.0.1:${ports[1]}/actuator/health/readiness" 900 || log "instance 2 did not come back"
phase "instance 2 back"

at $((ramp + span * 5 / 8))
phase "PostgreSQL restarted"
pg_ctlcluster --skip-systemctl-redirect "$pg_ver" "$pg_name" restart
until pg_isready -q; do sleep 0.2; done
phase "PostgreSQL back"

wait "${pids[load]}" || log "Gatling ended with an error (see below)"
unset 'pids[load]'
phase "load ended"
echo "$(date +%s.%N) end" >>"$phases"

# The outbox drains: nothing of the run left pending or being sent (a retry waits 1, 2, 4 minutes).
until=$((SECONDS + 420))
while ((SECONDS < until)); do
  open="$(psql -X -At -d "$db" -c "select count(*) from outbox_mail where status in ('PENDING', 'SENDING')")"
  [[ "$open" == 0 ]] && break
  sleep 5
done
sleep 6
kill "${pids[mailreader]}" 2>/dev/null; wait "${pids[mailreader]}" 2>/dev/null || true
unset 'pids[mailreader]'
read_mail || true

# ---------------------------------------------------------------------------------------------
# The checks.
touch "$work/ledger" "$work/mail/received"
sql() { psql -X -At -F ' ' -d "$db" -c "$1"; }

# Incidents: every form key that met a success page, once in the database; none twice (the content
# carries the virtual user's own token, so a second incident of one form shows even with a new key).
awk '$1 == "incident" { print $2 }' "$work/ledger" | sort -u >"$work/acked-incidents"
awk '$1 == "report" { print $2 }' "$work/ledger" | sort -u >"$work/acked-reports"
awk '$1 == "ack" { print $2 }' "$work/ledger" | sort -u >"$work/acked-acks"
sql "select form_key from incident where status <> 'DRAFT'" | sort >"$work/stored-incidents"
sql "select assignment_id || '/' || period_due from report where submitted_at is not null" | sort >"$work/stored-reports"
sql "select id from assignment where acknowledged_at is not null" | sort >"$work/stored-acks"
acknowledged=$(( $(wc -l <"$work/acked-incidents") + $(wc -l <"$work/acked-reports") ))
stored=$(( $(comm -12 "$work/acked-incidents" "$work/stored-incidents" | wc -l) + $(comm -12 "$work/acked-reports" "$work/stored-reports" | wc -l) ))
acks_confirmed=$(comm -12 "$work/acked-acks" "$work/stored-acks" | wc -l)
duplicates=$(sql "select coalesce(sum(n - 1), 0) from (
  select count(*) n from incident where summary like '%[load %' group by substring(summary from '\[load [^]]+\]') having count(*) > 1
  union all select count(*) from incident group by form_key having count(*) > 1
  union all select count(*) from report where submitted_at is not null group by assignment_id, period_due having count(*) > 1) d")

# E-mails: every outbox row of the run is SENT (and arrived exactly once), UNCERTAIN (interrupted,
# never sent again on its own) or FAILED for good (refused address: counted apart).
sql "select id, status from outbox_mail where created_at >= '$run_started'" >"$work/outbox"
mails_expected=$(awk '$2 != "FAILED"' "$work/outbox" | wc -l)
mails_failed=$(awk '$2 == "FAILED"' "$work/outbox" | wc -l)
mails_interrupted=$(awk '$2 == "UNCERTAIN"' "$work/outbox" | wc -l)
awk '!read[$2 " " $3]++ { print $1 }' "$work/mail/received" | sort | uniq -c | awk '{ print $2, $1 }' >"$work/mail/counts"
read -r mails_delivered mails_twice mails_missing < <(awk '
  FNR == NR { seen[$1] = $2; next }
  $2 == "SENT" { if (seen[$1] == 1) ok++; else if (seen[$1] > 1) twice++; else missing++ }
  END { print ok + 0, twice + 0, missing + 0 }' "$work/mail/counts" "$work/outbox")
mails_unknown=$(awk 'FNR == NR { run[$1] = 1; next } !($1 in run)' "$work/outbox" "$work/mail/counts" | wc -l)

# Scheduled jobs: one reminder per assignment, deadline, stage and day (reminder_sent), one message
# per reminder and account, one digest per account and hour.
reminder_dupes=$(sql "select coalesce(sum(n - 1), 0) from (select count(*) n from notification
  where kind like 'REMINDER%' group by account_id, kind, link, args::text having count(*) > 1) d")
digest_dupes=$(sql "select coalesce(sum(n - 1), 0) from (select count(*) n from outbox_mail
  where digest_until is not null group by account_id, digest_until having count(*) > 1) d")
reminders=$(sql "select count(*) from reminder_sent")
# The hỏa tốc deadlines staged for the run (accounts.sql): each one that passed over a minute ago
# unacknowledged has its reminder, once (reminder_sent's key), sent by whichever instance ran the slot.
read -r flash_due flash_reminded < <(sql "select count(*), count(r.assignment_id) from assignment a
  left join reminder_sent r on r.assignment_id = a.id and r.deadline = 'FLASH'
  where a.acknowledge_before > '$run_started' and a.acknowledge_before < now() - interval '70 seconds'
    and a.acknowledged_at is null and a.withdrawn_at is null")
# Every run of a scheduled job logs one line: one run per job and minute (the run's slots) across
# both instances.
grep -h 'Scheduled job ' "$work"/portal-*.log | sed -E 's/^([0-9T:-]{16}).*Scheduled job ([a-z-]+).*/\2 \1/' \
  | sort | uniq -c >"$work/job-runs"
job_runs=$(awk '{ n += $1 } END { print n + 0 }' "$work/job-runs")
job_slots_twice=$(awk '$1 > 1' "$work/job-runs" | wc -l)
locks=$(sql "select string_agg(name || ' ' || to_char(locked_at, 'HH24:MI:SS') || ' by ' || locked_by, '; ' order by name) from shedlock")
stack_pages=$(awk '$1 == "stacktrace"' "$work/ledger" | wc -l)
log_errors=$(cat "$work"/portal-*.log | grep -c ' ERROR ' || true)

# Requests per phase and p95 per page, from nginx's log (what the clients got).
report_phases() {
  awk -F'|' -v phases="$phases" '
    BEGIN { n = 0; while ((getline line < phases) > 0) { split(line, p, " "); start[n] = p[1]; name[n] = substr(line, index(line, " ") + 1); n++ } }
    {
      t = $1 + 0; k = -1
      for (i = 0; i < n - 1; i++) if (t >= start[i] && t < start[i + 1]) k = i
      if (k < 0) next
      total[k]++
      if ($4 >= 500 || $4 == 0 || $4 == 499) bad[k]++
    }
    END {
      printf "%-32s %9s %9s %8s %8s\n", "phase", "seconds", "requests", "errors", "rate"
      for (i = 0; i < n - 1; i++) if (total[i] > 0)
        printf "%-32s %9.0f %9d %8d %7.2f%%\n", name[i], start[i + 1] - start[i], total[i], bad[i], 100 * bad[i] / total[i]
    }' "$work/nginx/access.log"
}
report_pages() {
  awk -F'|' '
    $3 ~ /^\/(css|js|webjars|images|favicon|actuator)/ { next }
    {
      page = $2 " " $3
      gsub(/\/[0-9]+/, "/{id}", page); gsub(/\/[0-9]{4}-[0-9]{2}-[0-9]{2}/, "/{period}", page)
      print page "|" $5 * 1000
    }' "$work/nginx/access.log" | sort -t'|' -k1,1 -k2,2n | awk -F'|' '
    function flush() { if (n > 0) printf "%-46s %8d %8.0f %8.0f\n", page, n, v[int((n + 1) / 2)], v[int(n * 0.95 + 0.999)] }
    $1 != page { flush(); page = $1; n = 0 }
    { v[++n] = $2 }
    END { flush() }' | sort -k2,2nr -t' ' | { printf "%-46s %8s %8s %8s\n" "page" "requests" "p50 ms" "p95 ms"; cat; }
}

echo
echo "instances: 2 (ports ${ports[*]}) behind nginx :$proxy_port, round-robin, no affinity; PostgreSQL $pg_cluster; $(nproc) cores"
echo "virtual users: $users; load: ${seconds} s"
echo "requests through nginx: $(wc -l <"$work/nginx/access.log")"
echo
report_phases
echo
report_pages
echo
grep -E 'request count|min response|max response|mean response|std deviation|response time (50|75|95|99)th|mean throughput|failed' "$work/gatling.log" | head -20 || true
sed -n '/---- Errors ----/,/====/p' "$work/gatling.log" | awk '/====/ { exit } { print }' | head -25 || true
echo
echo "acknowledgements: $(wc -l <"$work/acked-acks") confirmed by a page, $acks_confirmed recorded"
echo "incidents submitted (success page): $(wc -l <"$work/acked-incidents"); reports submitted: $(wc -l <"$work/acked-reports")"
echo "pages with a stack trace: $stack_pages; errors logged by the instances: $log_errors"
echo "e-mails of the run: $(wc -l <"$work/outbox") ($mails_failed refused for good); arrived twice: $mails_twice; sent but not arrived: $mails_missing; arrived but not of the run: $mails_unknown"
echo "reminders recorded: $reminders; hỏa tốc deadlines passed in the run: $flash_due, reminded: $flash_reminded; duplicate reminder messages: $reminder_dupes; duplicate digests: $digest_dupes"
echo "scheduled job runs (reminders, digests): $job_runs; slots run twice: $job_slots_twice"
echo "last runs (ShedLock): $locks"
result=0
[[ "$acknowledged" == "$stored" && "$duplicates" == 0 && $((mails_delivered + mails_interrupted)) == "$mails_expected" \
  && "$stack_pages" == 0 && "$reminder_dupes" == 0 && "$digest_dupes" == 0 && "$flash_due" == "$flash_reminded" \
  && "$job_slots_twice" == 0 ]] || result=1
[[ "$acknowledged" -gt 0 ]] || result=1
cp "$work/nginx/access.log" "${CLUSTER_ACCESS_LOG:-/dev/null}" 2>/dev/null || true
echo "acknowledged=$acknowledged stored=$stored duplicates=$duplicates mails_expected=$mails_expected mails_delivered=$mails_delivered mails_interrupted=$mails_interrupted"
exit "$result"
