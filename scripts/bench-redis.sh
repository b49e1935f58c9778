#!/usr/bin/env bash
# The latency shared state adds to a turn: `newsqa bench load` against one bot process over the seed articles, with
# in-process stores and with Redis (Redis:Configuration, a redis-server this script starts on port 6391, AOF
# everysec), twice each and interleaved, so that a change in the machine's load shows as a difference between rounds.
# Usage: scripts/bench-redis.sh [requests per level, default 500]   (Release builds of the bot and the CLI first:
#   dotnet build src/NewsQA.Bot -c Release && dotnet build src/NewsQA.Cli -c Release)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bot=$root/src/NewsQA.Bot/bin/Release/net10.0
cli=$root/src/NewsQA.Cli/bin/Release/net10.0
requests=${1:-500}
work=$(mktemp -d)
redis-server --port 6391 --bind 127.0.0.1 --dir "$work" --appendonly yes --appendfsync everysec --save "" --daemonize yes --logfile "$work/redis.log"
trap 'redis-cli -p 6391 shutdown nosave >/dev/null; rm -rf "$work"' EXIT
cd "$work"
for round in 1 2; do
  for mode in memory redis; do
    export NEWSQA_Corpus__Path=$bot/seeds NEWSQA_Index__Path=$work/index-$mode NEWSQA_Logging__LogLevel__Default=Warning NEWSQA_Feedback__Path=$work/feedback.jsonl
    if [ $mode = redis ]; then
      export NEWSQA_Redis__Configuration=127.0.0.1:6391 NEWSQA_DirectLine__TokenSigningKey=bench-signing-key-0123456789abcdef
    else
      unset NEWSQA_Redis__Configuration NEWSQA_DirectLine__TokenSigningKey
    fi
    dotnet "$bot/NewsQA.Bot.dll" --urls http://127.0.0.1:5093 > "$work/bot-$mode-$round.log" 2>&1 &
    pid=$!
    until curl -sf http://127.0.0.1:5093/healthz >/dev/null; do sleep 0.5; kill -0 $pid; done
    echo "== round $round, $mode, $(date -u +%H:%M:%S), $(uptime | sed 's/.*load/load/')"
    dotnet "$cli/newsqa.dll" bench load --url http://127.0.0.1:5093 --requests "$requests" --concurrency 1,8
    echo "   ended $(date -u +%H:%M:%S), $(uptime | sed 's/.*load/load/')"
    kill $pid
    wait $pid || true
  done
done
echo "== Redis round trip on loopback (PING, 10 s): min max avg(ms) samples"
redis-cli -p 6391 --latency -i 10 --raw & latency=$!
sleep 11
kill $latency 2>/dev/null || true
