#!/usr/bin/env bash
# Hall24 kiosk-journey benchmark (issue 4; docs/benchmarks.md). Not a test: nothing of it runs in ./mvnw verify.
#
#   bench/kiosks.sh N DURATION      e.g.  bench/kiosks.sh 200 120
#
# N virtual kiosks (Gatling users, bench/gatling) each bound to a synthetic GOV_KIOSK device
# BENCH-SIM-nnnnn (provisioned by the app, paired by the simulation's setup) walk the whole
# journey (card, face, search, guide, form, materials, phone code, review, submit with the printed
# receipt, end) again and again: ramped up over RAMP seconds (default 30), then DURATION seconds of
# steady load. Everything listens on 127.0.0.1 only, on free ports; every process started here is
# stopped on exit. Output: target/bench/kiosks-N/ (app log, CPU/heap samples, summary.md) and the
# Gatling report under bench/gatling/target/gatling/.
#
# The app (with its embedded broker and PostgreSQL) runs on the cores APP_CPUS (default 0), the load
# generator (Gatling and the synthetic devices' MQTT clients) on LOAD_CPUS (default 1), so that the
# generator cannot take the app's CPU; set both empty to run unpinned.
set -euo pipefail

N=${1:?usage: bench/kiosks.sh N DURATION}
DURATION=${2:?usage: bench/kiosks.sh N DURATION}
RAMP=${RAMP:-30}
APP_CPUS=${APP_CPUS-0}
LOAD_CPUS=${LOAD_CPUS-1}
# Commands are prefixed, not wrapped in a function: `$!` must be the pinned process itself, so the
# cleanup and the samplers reach it (taskset execs the command under its own PID).
PIN_APP=(); [ -n "$APP_CPUS" ] && PIN_APP=(taskset -c "$APP_CPUS")
PIN_LOAD=(); [ -n "$LOAD_CPUS" ] && PIN_LOAD=(taskset -c "$LOAD_CPUS")
SKIP_BUILD=${SKIP_BUILD:-false}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-bench-admin-$RANDOM$RANDOM}
FACE_KEY=${FACE_KEY:-bench-face-key-$RANDOM$RANDOM}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
OUT="$ROOT/target/bench/kiosks-$N"
rm -rf "$OUT"
mkdir -p "$OUT"
ulimit -n "$(ulimit -Hn)" || true

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
    fi
  done
  sleep 1
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
}
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
say() { echo "$(date -u +%H:%M:%S) bench: $*"; }

# 1. Build once: the app jar and the Gatling project (kept apart: its dependencies never meet the app's).
if [ "$SKIP_BUILD" != true ]; then
  say "building"
  ./mvnw -q -B -DskipTests package
  ./mvnw -q -B -f bench/gatling/pom.xml test-compile
fi
JAR=$(ls target/hall24-*.jar | grep -v plain | head -1)

# 2. The app, fresh data, N synthetic kiosk devices (credentials written for the benchmark), a known
#    admin password and face report key. The in-process simulator plays the seed hall only.
HTTP_PORT=$(free_port)
MQTT_PORT=$(free_port)
say "starting $JAR (HTTP $HTTP_PORT, MQTT $MQTT_PORT, $N synthetic kiosk devices, CPUs ${APP_CPUS:-all}; load on ${LOAD_CPUS:-all})"
"${PIN_APP[@]}" java -Xmx2g -jar "$JAR" \
  --server.address=127.0.0.1 --server.port="$HTTP_PORT" \
  --hall24.mqtt.port="$MQTT_PORT" \
  --hall24.embedded-db.data-dir="$OUT/pg" \
  --hall24.simulator.enabled=true \
  --hall24.simulator.broker-url="tcp://127.0.0.1:$MQTT_PORT" \
  --hall24.simulator.credentials-file="$OUT/credentials.properties" \
  --hall24.simulator.synthetic-devices="$N" \
  --hall24.admin.initial-password="$ADMIN_PASSWORD" \
  --hall24.identity.face.report-key="$FACE_KEY" \
  > "$OUT/app.log" 2>&1 &
APP=$!
PIDS+=("$APP")
for i in $(seq 1 180); do
  if curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" 2>/dev/null | grep -q UP; then break; fi
  kill -0 "$APP" 2>/dev/null || { say "the app died; see $OUT/app.log"; tail -30 "$OUT/app.log"; exit 1; }
  sleep 1
done
curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" | grep -q UP || { say "the app is not healthy"; exit 1; }
say "app healthy ($(grep -o 'provisioned in [0-9]* ms' "$OUT/app.log" || true))"

# 3. Sample the app: CPU % (from /proc deltas: ps's %cpu is a lifetime average), RSS, heap used;
#    and the whole machine's CPU (the app, Gatling and the broker share it).
(
  ticks=$(getconf CLK_TCK)
  prev=$(awk '{print $14+$15}' "/proc/$APP/stat"); prevt=$(date +%s.%N)
  read -r _ u n s idle rest < /proc/stat; prevbusy=$((u + n + s)); prevall=$((u + n + s + idle))
  echo "epoch,cpu_percent,rss_kb,heap_used_kb,machine_busy_percent,load1" > "$OUT/samples.csv"
  while kill -0 "$APP" 2>/dev/null; do
    sleep 5
    now=$(awk '{print $14+$15}' "/proc/$APP/stat" 2>/dev/null) || break
    nowt=$(date +%s.%N)
    read -r _ u n s idle rest < /proc/stat; busy=$((u + n + s)); all=$((u + n + s + idle))
    rss=$(ps -o rss= -p "$APP" | tr -d ' ')
    # jstat reads the JVM's perf-data file: no attach, so it answers even when the app's core is saturated.
    heap=$(jstat -gc "$APP" 2>/dev/null | awk 'NR==2 {printf "%d", $3+$4+$6+$8}' || true)
    cpu=$(python3 -c "print(round(($now-$prev)/$ticks/($nowt-$prevt)*100,1))")
    machine=$(python3 -c "print(round(($busy-$prevbusy)/max(1,$all-$prevall)*100,1))")
    echo "$(date +%s),$cpu,$rss,$heap,$machine,$(cut -d" " -f1 /proc/loadavg)" >> "$OUT/samples.csv"
    prev=$now; prevt=$nowt; prevbusy=$busy; prevall=$all
  done
) &
PIDS+=("$!")

# 4. The load: Gatling, in its own Maven project and JVM.
say "Gatling: $N kiosks, ramp $RAMP s, steady $DURATION s"
"${PIN_LOAD[@]}" ./mvnw -B -f bench/gatling/pom.xml gatling:test \
  -Dgatling.simulationClass=org.hall24.bench.gatling.KioskJourneySimulation \
  -Dgatling.runDescription="kiosk journey, $N kiosks, $DURATION s steady" \
  -DbaseUrl="http://127.0.0.1:$HTTP_PORT" -DmqttHost=127.0.0.1 -DmqttPort="$MQTT_PORT" \
  -Dcredentials="$OUT/credentials.properties" -DadminPassword="$ADMIN_PASSWORD" -DfaceKey="$FACE_KEY" \
  -Dkiosks="$N" -DrampSeconds="$RAMP" -DsteadySeconds="$DURATION" -Dout="$OUT" \
  > "$OUT/gatling.log" 2>&1 &
GATLING=$!
PIDS+=("$GATLING")
# A CPU profile of the app (JFR, 60 s) once the load is steady: where the time goes.
PROFILE_SECONDS=$(( DURATION < 60 ? DURATION : 60 ))
until grep -q "kiosk devices to the broker" "$OUT/gatling.log" 2>/dev/null; do
  kill -0 "$GATLING" 2>/dev/null || break
  sleep 1
done
if kill -0 "$GATLING" 2>/dev/null; then
  grep -h "kiosk-journey:" "$OUT/gatling.log" || true
  sleep $((RAMP + 5))
  jcmd -J-Dsun.tools.attach.attachTimeout=60000 "$APP" JFR.start name=bench settings=profile duration="${PROFILE_SECONDS}s" filename="$OUT/app.jfr" > /dev/null || true
  say "profiling the app for $PROFILE_SECONDS s ($OUT/app.jfr)"
fi
wait "$GATLING" || say "Gatling reported failures (see $OUT/gatling.log)"
REPORT=$(ls -dt bench/gatling/target/gatling/kioskjourneysimulation-* 2>/dev/null | head -1 || true)

# 5. Stop the app.
kill -TERM "$APP"
for i in $(seq 1 60); do kill -0 "$APP" 2>/dev/null || break; sleep 1; done

# 6. Summary: Gatling's per-request statistics (whole run, ramp included), the steady window's
#    filings with receipt, the device side, CPU/heap within the steady window.
python3 - "$OUT" "$ROOT/$REPORT" <<'PY'
import csv, html, os, re, sys
out, report = sys.argv[1], sys.argv[2]
summary = dict(l.strip().split("=", 1) for l in open(f"{out}/journey-summary.properties") if "=" in l)
# Gatling 3.15 writes no stats.json: read the statistics table of the report's index.html
# (columns: 2 total, 3 ok, 4 ko, 8 p50, 10 p95, 11 p99, 12 max; all over ok + ko).
lines = ["| step | ok | ko | p50 ms | p95 ms | p99 ms | max ms |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
index = os.path.join(report, "index.html")
if os.path.exists(index):
    page = open(index, encoding="utf-8").read()
    for row_id, parent, row in re.findall(r'<tr id="([^"]+)" data-parent="([^"]+)"\s*>(.*?)</tr>', page, re.S):
        name = html.unescape(re.search(r'class="ellipsed-name">(.*?)<', row, re.S).group(1))
        col = dict(re.findall(r'col-(\d+)">([^<]*)<', row))
        name = ("group: " if row_id.startswith("group_") else ("&nbsp;&nbsp;" if parent != "ROOT" else "")) + name
        lines.append(f"| {name} | {col.get('3')} | {col.get('4')} | {col.get('8')} | {col.get('10')} | {col.get('11')} | {col.get('12')} |")
else:
    lines.append(f"| (no report at {report}) | | | | | | |")
start, end = int(summary["steady_from_epoch_ms"]) // 1000, int(summary["steady_to_epoch_ms"]) // 1000
samples = [r for r in csv.DictReader(open(f"{out}/samples.csv")) if start <= int(r["epoch"]) <= end]
cpu = [float(r["cpu_percent"]) for r in samples]
machine = [float(r["machine_busy_percent"]) for r in samples]
load = [float(r["load1"]) for r in samples]
heap = [int(r["heap_used_kb"]) for r in samples if r["heap_used_kb"]]
rss = [int(r["rss_kb"]) for r in samples if r["rss_kb"]]
rows = [
    ("virtual kiosks", summary["kiosks"]),
    ("ramp / steady (s)", f"{summary['ramp_seconds']} / {summary['steady_seconds']}"),
    ("filings with printed receipt, steady window", summary["filings_with_receipt_steady"]),
    ("**filings with receipt per second** (steady)", summary["filings_with_receipt_per_s"]),
    ("filings with receipt, whole run / journeys started", f"{summary['filings_with_receipt_total']} / {summary['journeys_started']}"),
    ("device side: commands / prints ok (%PDF-) / not PDF", f"{summary['device_commands']} / {summary['device_prints_ok']} / {summary['device_prints_not_pdf']}"),
    ("device side: MQTT connect attempts retried (setup)", summary.get("device_connect_retries", "?")),
    ("device side: receipt bytes printed (avg per print)", f"{summary['device_printed_bytes']} ({int(summary['device_printed_bytes']) // max(1, int(summary['device_prints_ok']))})"),
    ("app CPU % (of one core; 200 = both) avg / max, steady", f"{sum(cpu)/len(cpu):.0f} / {max(cpu):.0f}" if cpu else "?"),
    ("machine CPU busy % (both cores) avg, steady", f"{sum(machine)/len(machine):.0f}" if machine else "?"),
    ("load average (1 min) avg / max, steady (2 cores; other work on the machine counts too)", f"{sum(load)/len(load):.1f} / {max(load):.1f}" if load else "?"),
    ("app heap used (MB) avg / max, steady", f"{sum(heap)/len(heap)/1024:.0f} / {max(heap)/1024:.0f}" if heap else "?"),
    ("app RSS (MB) max", f"{max(rss)/1024:.0f}" if rss else "?"),
]
width = max(len(k) for k, _ in rows)
text = "\n".join(f"| {k.ljust(width)} | {v} |" for k, v in rows) + "\n\n" + "\n".join(lines)
print(text)
open(f"{out}/summary.md", "w").write(text + "\n")
PY
# Top of the profile: the hottest frames of the app's code (org.hall24) and of all code, by CPU samples.
if [ -f "$OUT/app.jfr" ]; then
  jfr print --events jdk.ExecutionSample --stack-depth 256 "$OUT/app.jfr" | python3 -c '
import collections, re, sys
top, own, outer, total, stack = collections.Counter(), collections.Counter(), collections.Counter(), 0, []
def flush():
    global total
    if stack:
        total += 1
        top[stack[0]] += 1
        mine = next((f for f in stack if f.startswith("org.hall24.")), None)
        if mine:
            own[mine] += 1
            outer[[f for f in stack if f.startswith("org.hall24.")][-1]] += 1
for line in sys.stdin:
    if "jdk.ExecutionSample" in line:
        flush(); stack = []
    m = re.match(r"\s+([\w.$]+\.[\w$<>]+)\(", line)
    if m:
        stack.append(m.group(1))
flush()
print(f"{total} CPU samples")
print("hottest frames (top of stack):")
for f, n in top.most_common(15): print(f"  {100*n/total:5.1f} %  {f}")
print("first org.hall24 frame on the stack:")
for f, n in own.most_common(15): print(f"  {100*n/total:5.1f} %  {f}")
print("outermost org.hall24 frame (the controller or listener that led there):")
for f, n in outer.most_common(15): print(f"  {100*n/total:5.1f} %  {f}")
' > "$OUT/profile.txt" 2>&1 || true
  say "profile summary: $OUT/profile.txt"
fi
grep -E 'WARN|ERROR' "$OUT/app.log" | sed -E 's/^[^ ]+ +//' | cut -c1-200 | sort | uniq -c | sort -rn | head -15 > "$OUT/app-warnings.txt" || true
say "app warnings/errors (counted): $OUT/app-warnings.txt"
say "Gatling report: $ROOT/$REPORT/index.html"
say "done; details in $OUT"
