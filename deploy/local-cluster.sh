#!/usr/bin/env bash
# A NewsQA cluster on this machine, for trying it (docs/scale-out.md, "deploy/: HAProxy, Redis and a local cluster"):
# Redis (deploy/redis.conf), one indexer, N replicas and HAProxy (deploy/haproxy.cfg) in front, all on loopback.
#
#   deploy/local-cluster.sh start N      build once (Release), start everything, print HAProxy's address
#   deploy/local-cluster.sh stop         stop everything this script started
#   deploy/local-cluster.sh status       each process, and its /healthz
#   deploy/local-cluster.sh haproxy-config HOST:PORT...   print deploy/haproxy.cfg with one server line per replica
#
# Everything of a run lives in the run folder (NEWSQA_CLUSTER_DIR, default .cluster/ in the repository, ignored by
# git): pids/, logs/, the corpus copy the indexer watches (corpus/: drop an article there), each process's index, the
# Redis AOF, and secrets.env with the run's Cluster:Secret and DirectLine:TokenSigningKey, generated at each start.
# NEWSQA_CLUSTER_DEADLINE (seconds, default 300) bounds each wait for readiness.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
run=${NEWSQA_CLUSTER_DIR:-$root/.cluster}
deadline=${NEWSQA_CLUSTER_DEADLINE:-300}
bot=$root/src/NewsQA.Bot/bin/Release/net10.0

usage() {
  echo "usage: $0 start N | stop | status | haproxy-config HOST:PORT..." >&2
  exit 2
}

# deploy/haproxy.cfg with the replicas appended: its `replicas` backend is the file's last section.
haproxy_config() {
  cat "$root/deploy/haproxy.cfg"
  local i=0 address
  for address in "$@"; do
    i=$((i + 1))
    echo "    server replica$i $address"
  done
}

# A TCP port on loopback that nothing listens on and this run has not handed out yet.
taken=" "
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 20000))
    [[ $taken == *" $port "* ]] && continue
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    taken+="$port "
    echo "$port"
    return
  done
}

alive() { [ -f "$run/pids/$1" ] && kill -0 "$(cat "$run/pids/$1")" 2>/dev/null; }

# Polls until the command succeeds; fails, naming what it waited for and its log, past the deadline or when the
# process it waits for has died.
wait_for() {
  local name=$1 what=$2
  shift 2
  local until=$((SECONDS + deadline))
  until "$@" >/dev/null 2>&1; do
    if ! alive "$name"; then
      echo "$name exited before $what; its log: $run/logs/$name.log" >&2
      tail -n 20 "$run/logs/$name.log" >&2 || true
      return 1
    fi
    if ((SECONDS >= until)); then
      echo "$name: no $what within ${deadline} s (NEWSQA_CLUSTER_DEADLINE); its log: $run/logs/$name.log" >&2
      return 1
    fi
    sleep 0.5
  done
}

healthy() { [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1/healthz")" = 200 ]; }

# One NewsQA process from the Release build, in its own folder under the run folder; the environment given after the
# name and port is its role's.
start_newsqa() {
  local name=$1 port=$2
  shift 2
  mkdir -p "$run/$name"
  (
    cd "$run/$name"
    # shellcheck disable=SC1091
    set -a && . "$run/secrets.env" && set +a
    exec env "$@" \
      NEWSQA_Redis__Configuration="127.0.0.1:$redis_port" \
      NEWSQA_Index__Path="$run/$name/index" \
      NEWSQA_Feedback__Path="$run/$name/feedback.jsonl" \
      dotnet "$bot/NewsQA.Bot.dll" --urls "http://127.0.0.1:$port"
  ) >"$run/logs/$name.log" 2>&1 &
  echo $! >"$run/pids/$name"
}

start() {
  local count=${1:-}
  [[ $count =~ ^[1-9][0-9]?$ ]] || { echo "start N: N is the number of replicas, 1 to 99" >&2; usage; }
  local missing=() command
  for command in dotnet redis-server redis-cli haproxy curl; do command -v "$command" >/dev/null || missing+=("$command"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "missing: ${missing[*]} (apt-get install redis-server haproxy curl; the .NET SDK: README, Prerequisites)" >&2
    exit 1
  fi
  if [ -d "$run/pids" ] && [ -n "$(ls -A "$run/pids")" ]; then
    echo "a cluster of this run folder is already started ($run): $0 stop first" >&2
    exit 1
  fi

  echo "building (Release) ..."
  dotnet build "$root/src/NewsQA.Bot" -c Release -v quiet -nologo >/dev/null

  rm -rf "$run"
  mkdir -p "$run/pids" "$run/logs" "$run/redis"
  # Whatever fails from here on, nothing is left running.
  trap 'echo "start failed: stopping what was started" >&2; stop' ERR

  # Fresh secrets for every run, readable by this user only, never in the repository.
  (
    umask 077
    printf 'NEWSQA_Cluster__Secret=%s\nNEWSQA_DirectLine__TokenSigningKey=%s\n' \
      "$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')" "$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')" >"$run/secrets.env"
  )

  redis_port=$(free_port)
  redis-server "$root/deploy/redis.conf" --port "$redis_port" --dir "$run/redis" >"$run/logs/redis.log" 2>&1 &
  echo $! >"$run/pids/redis"
  wait_for redis "PONG" sh -c "[ \"\$(redis-cli -p $redis_port ping)\" = PONG ]"

  # The indexer watches its own copy of the seed articles, so articles dropped into it stay out of the repository.
  cp -r "$root/seeds" "$run/corpus"
  local indexer_port
  indexer_port=$(free_port)
  start_newsqa indexer "$indexer_port" NEWSQA_Cluster__Role=Indexer NEWSQA_Corpus__Path="$run/corpus"
  wait_for indexer "ready /healthz" healthy "http://127.0.0.1:$indexer_port"

  # A Replica has no corpus folder: it pulls each index revision from the indexer into its own Index:Path.
  local i port addresses=() replica_urls=()
  for ((i = 1; i <= count; i++)); do
    port=$(free_port)
    start_newsqa "replica$i" "$port" NEWSQA_Cluster__Role=Replica NEWSQA_Cluster__IndexerUrl="http://127.0.0.1:$indexer_port"
    addresses+=("127.0.0.1:$port")
    replica_urls+=("http://127.0.0.1:$port")
  done
  # 200 only once a replica holds an index revision.
  for ((i = 1; i <= count; i++)); do wait_for "replica$i" "ready /healthz" healthy "${replica_urls[i - 1]}"; done

  local haproxy_port stats_port
  haproxy_port=$(free_port)
  stats_port=$(free_port)
  haproxy_config "${addresses[@]}" >"$run/haproxy.cfg"
  NEWSQA_HAPROXY_BIND="127.0.0.1:$haproxy_port" NEWSQA_HAPROXY_STATS="127.0.0.1:$stats_port" \
    haproxy -db -f "$run/haproxy.cfg" >"$run/logs/haproxy.log" 2>&1 &
  echo $! >"$run/pids/haproxy"
  wait_for haproxy "ready /healthz through it" healthy "http://127.0.0.1:$haproxy_port"
  trap - ERR

  # What status, stop and scripts/bench-cluster.sh read.
  cat >"$run/cluster.env" <<EOF
NEWSQA_CLUSTER_URL=http://127.0.0.1:$haproxy_port
NEWSQA_CLUSTER_STATS=http://127.0.0.1:$stats_port/haproxy
NEWSQA_CLUSTER_REDIS=127.0.0.1:$redis_port
NEWSQA_CLUSTER_INDEXER=http://127.0.0.1:$indexer_port
NEWSQA_CLUSTER_REPLICAS="${replica_urls[*]}"
EOF
  echo "Redis 127.0.0.1:$redis_port, indexer http://127.0.0.1:$indexer_port (watching $run/corpus), replicas ${replica_urls[*]}"
  echo "statistics: http://127.0.0.1:$stats_port/haproxy"
  echo "NewsQA through HAProxy: http://127.0.0.1:$haproxy_port"
}

# Stops every process whose pid this script recorded (TERM, then KILL after 10 s): HAProxy first, Redis last.
stop() {
  [ -d "$run/pids" ] || { echo "nothing started in $run"; return 0; }
  local name pid waited
  for name in haproxy $(cd "$run/pids" && ls -1 | grep '^replica' | sort -V) indexer redis; do
    [ -f "$run/pids/$name" ] || continue
    pid=$(cat "$run/pids/$name")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      waited=0
      while kill -0 "$pid" 2>/dev/null && ((waited < 20)); do sleep 0.5; waited=$((waited + 1)); done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
      echo "stopped $name ($pid)"
    fi
    rm -f "$run/pids/$name"
  done
}

status() {
  [ -f "$run/cluster.env" ] || { echo "no cluster started in $run" >&2; return 1; }
  # shellcheck disable=SC1091
  . "$run/cluster.env"
  local failed=0 name url code state
  for name in $(cd "$run/pids" && ls -1 | sort -V); do
    alive "$name" && state="running ($(cat "$run/pids/$name"))" || { state=stopped; failed=1; }
    case $name in
      redis) code=$(redis-cli -h "${NEWSQA_CLUSTER_REDIS%:*}" -p "${NEWSQA_CLUSTER_REDIS#*:}" ping 2>/dev/null || echo "no answer") ;;
      *)
        case $name in
          haproxy) url=$NEWSQA_CLUSTER_URL ;;
          indexer) url=$NEWSQA_CLUSTER_INDEXER ;;
          replica*) url=$(echo "$NEWSQA_CLUSTER_REPLICAS" | cut -d' ' -f"${name#replica}") ;;
        esac
        code="$url/healthz $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url/healthz" || true)"
        ;;
    esac
    [[ $code == *200 || $code == PONG ]] || failed=1
    printf '%-10s %-18s %s\n' "$name" "$state" "$code"
  done
  return $failed
}

case ${1:-} in
  start) start "${2:-}" ;;
  stop) stop ;;
  status) status ;;
  haproxy-config)
    shift
    [ $# -ge 1 ] || usage
    haproxy_config "$@"
    ;;
  *) usage ;;
esac
