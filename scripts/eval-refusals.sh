#!/usr/bin/env bash
# Reproduces the README's refusal numbers: asks each question of a question file over the seed articles, offline, and
# prints how many were refused, in all and by language. Only the totals are printed: the evaluation set's questions are
# for measuring, not for reading answer by answer while tuning.
# Usage: scripts/eval-refusals.sh [QUESTIONS.tsv]   (default: the near-topic evaluation set; the first column is asked)
set -euo pipefail
cd "$(dirname "$0")/.."
questions=${1:-tests/NewsQA.Core.Tests/Data/near-topic-unanswerable.tsv}
dotnet build src/NewsQA.Cli -c Release -v quiet -nologo >/dev/null
list=$(mktemp)
trap 'rm -f "$list"' EXIT
grep -v '^#' "$questions" | cut -f1 | grep -v '^$' > "$list"
dotnet src/NewsQA.Cli/bin/Release/net10.0/newsqa.dll ask --questions "$list" --json --corpus seeds | python3 -c '
import json, sys
rows = [json.loads(line) for line in sys.stdin]
def share(rs): return sum(r["kind"] == "refusal" for r in rs) / len(rs) if rs else 0
by = {lang: [r for r in rows if r["language"] == lang] for lang in ("ar", "en")}
print(json.dumps({"questions": len(rows), "refused": round(share(rows), 3), "refusedArabic": round(share(by["ar"]), 3), "refusedEnglish": round(share(by["en"]), 3)}))'
