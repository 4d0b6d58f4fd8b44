#!/usr/bin/env sh
# Prints the median and 90th percentile time of one getAuthStatus call through the Java SDK next
# to a bare java.net.http.HttpClient GET of the same endpoint, measured in one run against one
# mix-auth server on a temporary loopback port.
#
# Usage: bench/sdk-latency.sh [CALLS [WARMUP_CALLS]]   (defaults: 2000 and 500 of each kind)
#
# It compiles the reactor up to mix-auth-it's tests and never installs anything.
set -eu

root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$root"

./mvnw -q -B -pl mix-auth-it -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt
classpath="$root/mix-auth-it/target/test-classes:$(cat "$root/mix-auth-it/target/test-classpath.txt")"

exec java -cp "$classpath" dev.mixauth.it.bench.SdkLatency "$@"
