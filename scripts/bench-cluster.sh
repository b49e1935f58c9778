#!/usr/bin/env bash
# NewsQA behind HAProxy (issue 21): `newsqa bench load` through HAProxy against a local cluster of 1 and of 3 replicas
# (deploy/local-cluster.sh: Redis, one indexer, the replicas), then a replica killed (kill -9) under load: the errors
# clients saw and the seconds from the kill until every request succeeded again. `uptime` is printed beside every
# timing: on a shared machine the numbers move with its load.
# Usage: scripts/bench-cluster.sh [requests per level, default 500] [seconds of the kill run, default 30]
#   (builds the bot and the CLI in Release first; the cluster runs in .cluster-bench/, stopped at the end)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
requests=${1:-500}
kill_seconds=${2:-30}
cli=$root/src/NewsQA.Cli/bin/Release/net10.0
export NEWSQA_CLUSTER_DIR=$root/.cluster-bench
cluster=$root/deploy/local-cluster.sh
load() { dotnet "$cli/newsqa.dll" bench load --url "$NEWSQA_CLUSTER_URL" "$@"; }
stamp() { echo "$(date -u +%H:%M:%S), $(uptime | sed 's/.*load/load/')"; }

dotnet build "$root/src/NewsQA.Cli" -c Release -v quiet -nologo >/dev/null
trap '"$cluster" stop >/dev/null' EXIT

for replicas in 1 3; do
  "$cluster" start "$replicas" >/dev/null
  # shellcheck disable=SC1091
  . "$NEWSQA_CLUSTER_DIR/cluster.env"
  echo "== $replicas replica(s) behind HAProxy, $(stamp)"
  load --requests "$requests" --concurrency 1,8
  echo "   ended $(stamp)"
  "$cluster" stop >/dev/null
done

# The kill: three replicas, warmed up (a fresh process answers its first questions slowly), then /api/ask at
# concurrency 8 for the run's length; half-way, one replica is killed. HAProxy's retries and health checks should
# hide it: the timeline shows each second's answers and errors.
"$cluster" start 3 >/dev/null
# shellcheck disable=SC1091
. "$NEWSQA_CLUSTER_DIR/cluster.env"
load --scenarios ask --requests 200 --concurrency 8 >/dev/null
echo "== kill -9 of replica2 under load (ask, c=8, ${kill_seconds} s), $(stamp)"
timeline=$(mktemp)
load --scenarios ask --concurrency 8 --seconds "$kill_seconds" --timeline --json >"$timeline" &
bench=$!
sleep $((kill_seconds / 2))
killed_ms=$(date +%s%3N)
kill -9 "$(cat "$NEWSQA_CLUSTER_DIR/pids/replica2")"
echo "   killed replica2 at $(date -u -d "@${killed_ms:0:-3}" +%H:%M:%S).${killed_ms: -3} UTC"
wait $bench || true # errors make bench load exit 1; they are what is measured
echo "   ended $(stamp)"
python3 - "$timeline" "$killed_ms" <<'EOF'
import json, sys, datetime
row = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
killed = int(sys.argv[2]) / 1000
timeline = row.get("timeline") or {}
at = lambda t: datetime.datetime.fromisoformat(t.replace("Z", "+00:00")).timestamp()
kill_second = int(killed - at(timeline["started"])) if "started" in timeline else -1
print(f"   {row['requests']} requests, {row['perSecond']:.1f}/s, p50 {row['p50Ms']:.1f} ms, p99 {row['p99Ms']:.1f} ms, errors {row['errors']}")
for s in timeline.get("seconds", []):
    mark = "   <- kill -9" if s["second"] == kill_second else ""
    print(f"   t={s['second']:>3}s answered {s['answered']:>5} errors {s['errors']:>3}{mark}")
if timeline.get("lastError"):
    print(f"   errors seen by clients: {row['errors']}; every request succeeded again {max(0.0, at(timeline['lastError']) - killed):.2f} s after the kill")
else:
    print("   errors seen by clients: 0; no request failed")
EOF
# What HAProxy did about it: requests it sent again (the retries field of its log lines), and the replica's fall.
log=$NEWSQA_CLUSTER_DIR/logs/haproxy.log
echo "   HAProxy retried $(awk '/ [{]/ { split($9, f, "/"); if (f[5] != "0" && f[5] != "") n++ } END { print n + 0 }' "$log") request(s); $(grep -m1 -o 'Server replicas/replica2 is DOWN[^.]*' "$log" || echo 'replica2 never marked down')"
rm -f "$timeline"
