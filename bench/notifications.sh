#!/usr/bin/env bash
# Benchmark of notifications: the in-app messages and outbox rows of a publication to 1,500 units
# (4,500 accounts), written set-based in one transaction, 10 runs after 2 to warm up; then the 4,500
# e-mails of one of them delivered to GreenMail over SMTP on 127.0.0.1. Uses the PostgreSQL of
# SPRING_DATASOURCE_URL (a database of its own, dropped afterwards), else an embedded one.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dspring-javaformat.skip=true -Dtest=NotificationBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  | grep -E "^(notifications of|outbox to)" || { echo "benchmark failed; run it without -q to see why" >&2; exit 1; }
