#!/usr/bin/env sh
# Measures the throughput of GET /api/auth/status on one replica on PostgreSQL and one on SQLite
# in one run, and prints both. Everything runs on this machine on loopback: an embedded
# PostgreSQL, both servers and the clients.
#
# Usage: bench/status-throughput.sh [requests per server] [concurrent clients] [time limit in s]
# Defaults: 20000 requests, 4 clients, 60 s per server.
set -eu

root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$root"

classpath_file=mix-auth-server/target/bench-classpath.txt
./mvnw -q -B -pl mix-auth-server -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

exec java -cp "mix-auth-server/target/test-classes:mix-auth-server/target/classes:$(cat "$classpath_file")" \
  dev.mixauth.server.bench.StatusThroughput "$@"
