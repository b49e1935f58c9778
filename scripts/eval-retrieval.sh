#!/usr/bin/env bash
# Reproduces the README's retrieval table: every configuration on every Arabic set, as JSON lines on stdout.
# Usage: scripts/eval-retrieval.sh [DATA_DIR]   (default: ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data}
dotnet build src/NewsQA.Cli -c Release -v quiet -nologo >/dev/null
run() { dotnet src/NewsQA.Cli/bin/Release/net10.0/newsqa.dll eval retrieval --json "$@"; }
for set in xquad/xquad.ar.json arcd/arcd-test.json tydiqa-goldp/tydiqa-goldp-v1.1-dev-arabic.json; do
  echo "{\"config\":\"hybrid (default)\",\"report\":$(run --dataset "$data/$set")}"
  echo "{\"config\":\"keyword only\",\"report\":$(run --dataset "$data/$set" --mode keyword)}"
  echo "{\"config\":\"vector only\",\"report\":$(run --dataset "$data/$set" --mode vector)}"
  echo "{\"config\":\"hybrid, vector weight 1\",\"report\":$(NEWSQA_Retrieval__VectorWeight=1 run --dataset "$data/$set")}"
  echo "{\"config\":\"hybrid, reciprocal rank fusion\",\"report\":$(NEWSQA_Retrieval__Fusion=ReciprocalRank run --dataset "$data/$set")}"
  echo "{\"config\":\"keyword, words only (no 4-grams)\",\"report\":$(NEWSQA_Retrieval__GramWeight=0 run --dataset "$data/$set" --mode keyword)}"
done
# Cross-lingual: English questions over the Arabic paragraphs, and the reverse, with and without translation, and
# without WordNet's related words.
echo "{\"config\":\"en->ar, translated (default)\",\"report\":$(run --dataset "$data/xquad/xquad.ar.json" --questions-from "$data/xquad/xquad.en.json")}"
echo "{\"config\":\"en->ar, keyword only\",\"report\":$(run --dataset "$data/xquad/xquad.ar.json" --questions-from "$data/xquad/xquad.en.json" --mode keyword)}"
echo "{\"config\":\"en->ar, without related words\",\"report\":$(NEWSQA_Retrieval__RelatedWordsPath= run --dataset "$data/xquad/xquad.ar.json" --questions-from "$data/xquad/xquad.en.json")}"
echo "{\"config\":\"en->ar, no translation\",\"report\":$(run --dataset "$data/xquad/xquad.ar.json" --questions-from "$data/xquad/xquad.en.json" --no-translate)}"
echo "{\"config\":\"ar->en, translated (default)\",\"report\":$(run --dataset "$data/xquad/xquad.en.json" --questions-from "$data/xquad/xquad.ar.json")}"
echo "{\"config\":\"ar->en, without related words\",\"report\":$(NEWSQA_Retrieval__RelatedWordsPath= run --dataset "$data/xquad/xquad.en.json" --questions-from "$data/xquad/xquad.ar.json")}"
echo "{\"config\":\"ar->en, no translation\",\"report\":$(run --dataset "$data/xquad/xquad.en.json" --questions-from "$data/xquad/xquad.ar.json" --no-translate)}"
