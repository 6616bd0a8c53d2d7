#!/usr/bin/env bash
# Benchmark of incident evidence: a 20 MB photo uploaded with the incident form over HTTP on
# 127.0.0.1 (checked, stripped of its metadata, hashed, stored in 1 MiB chunks), 8 runs after 2 to
# warm up, and the memory the storing took. Uses the PostgreSQL of SPRING_DATASOURCE_URL (a database
# of its own, dropped afterwards), else an embedded one.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dspring-javaformat.skip=true -Dtest=EvidenceBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  | grep -E "^evidence " || { echo "benchmark failed; run it without -q to see why" >&2; exit 1; }
