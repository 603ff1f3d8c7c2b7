#!/usr/bin/env bash
# Hall24 device benchmark (issue 3; docs/benchmarks.md). Not a test: nothing of it runs in ./mvnw verify.
#
#   bench/devices.sh N INTERVAL DURATION     e.g.  bench/devices.sh 10000 10 120
#
# N simulated devices (synthetic BENCH-SIM-nnnnn, provisioned by the app) heartbeat every INTERVAL
# seconds against one app node for DURATION seconds after all have connected, while the app's
# command probe sends 20 unlock-screen commands per second; then a raw Mosquitto request/reply
# round trip is measured on the same machine. Everything listens on 127.0.0.1 only, on free ports;
# every process started here is stopped on exit. Output: target/bench/<N>-<INTERVAL>s/.
set -euo pipefail

N=${1:?usage: bench/devices.sh N INTERVAL DURATION}
INTERVAL=${2:?usage: bench/devices.sh N INTERVAL DURATION}
DURATION=${3:?usage: bench/devices.sh N INTERVAL DURATION}
PROBE_RATE=${PROBE_RATE:-20}
RAW_MESSAGES=${RAW_MESSAGES:-2000}
RAW_RATE=${RAW_RATE:-200}
SKIP_BUILD=${SKIP_BUILD:-false}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
OUT="$ROOT/target/bench/$N-${INTERVAL}s"
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

# 1. Build once: the app jar, the test classes (the load generator) and its class path.
if [ "$SKIP_BUILD" != true ]; then
  say "building"
  ./mvnw -q -B -DskipTests package
  ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt
fi
JAR=$(ls target/hall24-*.jar | grep -v plain | head -1)
CP="target/test-classes:target/classes:$(cat target/bench/classpath.txt)"

# 2. The app, fresh data, the in-process simulator playing only the seed hall's 13 devices.
HTTP_PORT=$(free_port)
MQTT_PORT=$(free_port)
say "starting $JAR (HTTP $HTTP_PORT, MQTT $MQTT_PORT, $N synthetic devices)"
java -Xmx2g -jar "$JAR" \
  --server.address=127.0.0.1 --server.port="$HTTP_PORT" \
  --hall24.mqtt.port="$MQTT_PORT" \
  --hall24.embedded-db.data-dir="$OUT/pg" \
  --hall24.simulator.enabled=true \
  --hall24.simulator.broker-url="tcp://127.0.0.1:$MQTT_PORT" \
  --hall24.simulator.credentials-file="$OUT/credentials.properties" \
  --hall24.simulator.synthetic-devices="$N" \
  --hall24.devices.probe.rate="$PROBE_RATE" \
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

# 3. Sample the app: CPU % (from /proc deltas: ps's %cpu is a lifetime average), RSS, heap used.
(
  ticks=$(getconf CLK_TCK)
  prev=$(awk '{print $14+$15}' "/proc/$APP/stat"); prevt=$(date +%s.%N)
  echo "epoch,cpu_percent,rss_kb,heap_used_kb" > "$OUT/samples.csv"
  while kill -0 "$APP" 2>/dev/null; do
    sleep 5
    now=$(awk '{print $14+$15}' "/proc/$APP/stat" 2>/dev/null) || break
    nowt=$(date +%s.%N)
    rss=$(ps -o rss= -p "$APP" | tr -d ' ')
    heap=$(jcmd "$APP" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9)
    cpu=$(python3 -c "print(round(($now-$prev)/$ticks/($nowt-$prevt)*100,1))")
    echo "$(date +%s),$cpu,$rss,$heap" >> "$OUT/samples.csv"
    prev=$now; prevt=$nowt
  done
) &
PIDS+=("$!")

# 4. The load: N devices, heartbeating every INTERVAL s for DURATION s once all are connected.
say "load generator: $N devices, interval $INTERVAL s, duration $DURATION s"
java -Xmx1g -Xss512k -cp "$CP" org.hall24.bench.DeviceLoad --broker="tcp://127.0.0.1:$MQTT_PORT" \
  --credentials="$OUT/credentials.properties" --interval="$INTERVAL" --duration="$DURATION" --connect-rate=500 \
  > "$OUT/load.log" 2>&1 &
LOAD=$!
PIDS+=("$LOAD")
until grep -q "RESULT connected" "$OUT/load.log" 2>/dev/null; do
  kill -0 "$LOAD" 2>/dev/null || { say "the load generator died"; tail -20 "$OUT/load.log"; exit 1; }
  sleep 1
done
RUN_START=$(date +%s)
grep "RESULT connected" "$OUT/load.log"
grep "devices connected" "$OUT/load.log" || true
wait "$LOAD" || true
RUN_END=$((RUN_START + DURATION))
grep "RESULT run" "$OUT/load.log" || true
echo "$RUN_START $RUN_END" > "$OUT/window.txt"

# 5. Stop the app cleanly (the probe logs its whole-run figures at shutdown).
kill -TERM "$APP"
for i in $(seq 1 60); do kill -0 "$APP" 2>/dev/null || break; sleep 1; done

# 6. Raw Mosquitto round trip, same machine, same run: an echo (sub | pub) and a timing receiver.
MOSQ_PORT=$(free_port)
cat > "$OUT/mosquitto.conf" <<CONF
listener $MOSQ_PORT 127.0.0.1
allow_anonymous true
persistence false
set_tcp_nodelay true
max_queued_messages 100000
CONF
/usr/sbin/mosquitto -c "$OUT/mosquitto.conf" > "$OUT/mosquitto.log" 2>&1 &
PIDS+=("$!")
sleep 0.5
# fifos rather than pipelines, so that every process has its own pid to stop
mkfifo "$OUT/echo.fifo" "$OUT/recv.fifo"
mosquitto_pub -h 127.0.0.1 -p "$MOSQ_PORT" -q 1 -t bench/resp -l < "$OUT/echo.fifo" &
PIDS+=("$!")
mosquitto_sub -h 127.0.0.1 -p "$MOSQ_PORT" -q 1 -t bench/req -F %p > "$OUT/echo.fifo" &
PIDS+=("$!")
python3 -c '
import sys, time
for line in sys.stdin:
    line = line.strip()
    if line:
        print((time.time_ns() - int(line)) / 1e6, flush=True)
' < "$OUT/recv.fifo" > "$OUT/raw-rtt-ms.txt" &
RECV=$!
PIDS+=("$RECV")
mosquitto_sub -h 127.0.0.1 -p "$MOSQ_PORT" -q 1 -t bench/resp -F %p -C "$RAW_MESSAGES" -W 120 > "$OUT/recv.fifo" &
PIDS+=("$!")
sleep 1
python3 -c "
import sys, time
n, rate = $RAW_MESSAGES, $RAW_RATE
start = time.time()
for i in range(n):
    delay = start + i / rate - time.time()
    if delay > 0: time.sleep(delay)
    sys.stdout.write(str(time.time_ns()) + '\n'); sys.stdout.flush()
" | mosquitto_pub -h 127.0.0.1 -p "$MOSQ_PORT" -q 1 -t bench/req -l
wait "$RECV" || true

# 7. Summary.
python3 - "$OUT" "$N" "$INTERVAL" "$PROBE_RATE" <<'PY'
import csv, re, sys, datetime
out, n, interval, probe_rate = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
start, end = map(int, open(f"{out}/window.txt").read().split())
load = open(f"{out}/load.log").read()
app = open(f"{out}/app.log").read().splitlines()
def result(key):
    m = re.search(r"\b" + key + r"=([0-9.]+)", load)
    return m.group(1) if m else "?"
def epoch(line):
    try:
        return datetime.datetime.fromisoformat(line[:23].replace("Z", "")).replace(tzinfo=datetime.timezone.utc).timestamp()
    except ValueError:
        return None
# gateway windows (60 s) that lie inside the steady run
rates = []
for line in app:
    m = re.search(r"device messages: (\d+) in the last (\d+) s \(([0-9.]+)/s\), (\d+) rejected", line)
    t = epoch(line)
    if m and t and start + 55 <= t <= end + 2:
        rates.append((float(m.group(3)), int(m.group(4))))
probe = [l for l in app if "command probe (whole run)" in l]
windows = []
for line in app:
    m = re.search(r"command probe \(last 10 s\): .*p50 ([0-9.]+) ms, p99 ([0-9.]+) ms, max ([0-9.]+) ms", line)
    t = epoch(line)
    if m and t and start + 10 <= t <= end:
        windows.append(tuple(map(float, m.groups())))
samples = [r for r in csv.DictReader(open(f"{out}/samples.csv")) if start <= int(r["epoch"]) <= end]
cpu = [float(r["cpu_percent"]) for r in samples]
rss = [int(r["rss_kb"]) for r in samples if r["rss_kb"]]
heap = [int(r["heap_used_kb"]) for r in samples if r["heap_used_kb"]]
raw = sorted(float(x) for x in open(f"{out}/raw-rtt-ms.txt") if x.strip())
def pct(values, p):
    return values[max(0, min(len(values) - 1, int(-(-p * len(values) // 1)) - 1))] if values else float("nan")
pm = re.search(r"(\d+) sent, (\d+) ok, (\d+) timed out, (\d+) error, (\d+) offline; round trip p50 ([0-9.]+) ms, p99 ([0-9.]+) ms, max ([0-9.]+) ms", probe[-1]) if probe else None
rows = [
    ("devices connected", f"{result('connected')} / {n}"),
    ("connect time (s, 500/s limit)", result("connect_seconds")),
    ("telemetry interval (s)", interval),
    ("steady run (s)", result("run_seconds")),
    ("telemetry sent by generator (msg/s)", result("telemetry_per_s")),
    ("messages handled by the app (msg/s, 60 s windows)", ", ".join(f"{r:.1f}" for r, _ in rates) or "?"),
    ("rejected", ", ".join(str(x) for _, x in rates) or "?"),
    (f"command probe ({probe_rate}/s): sent / ok / timed out", f"{pm.group(1)} / {pm.group(2)} / {pm.group(3)}" if pm else "?"),
    ("command RTT p50 / p99 / max (ms), whole run", f"{pm.group(6)} / {pm.group(7)} / {pm.group(8)}" if pm else "?"),
    ("command RTT p50 of 10 s windows, min-max (ms)", f"{min(w[0] for w in windows):.1f} - {max(w[0] for w in windows):.1f}" if windows else "?"),
    ("command RTT p99 of 10 s windows, min-max (ms)", f"{min(w[1] for w in windows):.1f} - {max(w[1] for w in windows):.1f}" if windows else "?"),
    ("app CPU % (of one core; 200 = both) avg / max", f"{sum(cpu)/len(cpu):.0f} / {max(cpu):.0f}" if cpu else "?"),
    ("app heap used (MB) avg / max", f"{sum(heap)/len(heap)/1024:.0f} / {max(heap)/1024:.0f}" if heap else "?"),
    ("app RSS (MB) max", f"{max(rss)/1024:.0f}" if rss else "?"),
    (f"raw Mosquitto QoS 1 RTT p50 / p99 / max (ms), {len(raw)} msgs", f"{pct(raw,.5):.2f} / {pct(raw,.99):.2f} / {raw[-1]:.2f}" if raw else "?"),
]
width = max(len(k) for k, _ in rows)
text = "\n".join(f"| {k.ljust(width)} | {v} |" for k, v in rows)
print(text)
open(f"{out}/summary.md", "w").write(text + "\n")
PY
say "done; details in $OUT"
