#!/usr/bin/env bash
# Trains the entity tagger and writes Sources/NewsKit/Core/Recognition/entity-tagger.bin.
#
# Data: KLUE-NER's 5,000 sentences (../shared/corpus/klue-ner), and 232 news sentences tagged in
# NewsKit's own convention from the hand annotations of Tests/NewsKitAdaptersTests/Fixtures/entities
# (scripts/news-ner-silver.py; counted three times). It prints the 5-fold cross-validated
# entity-level precision, recall and F1 per type on KLUE (KLUE's metric: exact span and type;
# sentence i is in fold i mod 5; the news sentences are in every training run and never scored)
# and precision/recall by span margin, then trains on everything. The same data gives the same
# file, byte for byte (fixed seed and order). About 40 s in a release build.
#   scripts/train-ner.sh [newskit-train options: --folds K --epochs N --bits B --seed S --out FILE --no-out]
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/corpus/klue-ner/klue-ner-v1.1_dev.tsv
[ -f "$data" ] || { echo "missing $data (../shared beside the project root)" >&2; exit 1; }
for product in newskit-train newskit-demo; do swift build -c release --product "$product" >/dev/null; done
bin="$(swift build -c release --show-bin-path)"
news=$(mktemp /tmp/newskit-news-ner.XXXXXX.tsv)
trap 'rm -f "$news"' EXIT
python3 scripts/news-ner-silver.py "$news" --bin "$bin/newskit-demo"
"$bin/newskit-train" --data "$data" --also "$news:3" --epochs 12 "$@"
