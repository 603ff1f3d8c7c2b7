#!/usr/bin/env bash
# Hall24 SMS dispatch benchmark (issue 10; docs/benchmarks.md). Not a test: nothing of it runs in ./mvnw verify.
#
#   bench/sms.sh N TPS        e.g.  bench/sms.sh 2000 10   and   bench/sms.sh 2000 10000
#
# One JVM, pinned to the cores APP_CPUS (default 0): a Hall24 node on a fresh embedded PostgreSQL with
# the simulated carrier SMSC in-process; first the raw limit (one jSMPP client submitting N texts back
# to back to the same SMSC), then N verification-code SMS queued at once through Notifications and timed
# until every one is DELIVERED. TPS is hall24.sms.smpp.tps (the carrier's contracted rate per node).
set -euo pipefail
N=${1:?usage: bench/sms.sh N TPS}
TPS=${2:?usage: bench/sms.sh N TPS}
APP_CPUS=${APP_CPUS-0}
PIN=(); [ -n "$APP_CPUS" ] && PIN=(taskset -c "$APP_CPUS")
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
"${PIN[@]}" java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.hall24.bench.SmsThroughput "$N" "$TPS" \
    2>&1 | grep -E "^(SMS benchmark|raw |queued|all |SMSC )" 
