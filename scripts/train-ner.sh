#!/usr/bin/env bash
# Trains the entity tagger on KLUE-NER (../shared/corpus/klue-ner), prints its 5-fold
# cross-validated entity-level precision, recall and F1 per type (KLUE's metric: exact span and
# type; sentence i is in fold i mod 5) and precision/recall by span margin, then trains on all
# 5,000 sentences and writes Sources/NewsKit/Core/Recognition/entity-tagger.bin. The same data
# gives the same file, byte for byte (fixed seed and order). Takes about 20 s in a release build.
#   scripts/train-ner.sh [newskit-train options: --folds K --epochs N --bits B --seed S --out FILE --no-out]
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/corpus/klue-ner/klue-ner-v1.1_dev.tsv
[ -f "$data" ] || { echo "missing $data (../shared beside the project root)" >&2; exit 1; }
swift build -c release --product newskit-train >/dev/null
"$(swift build -c release --show-bin-path)/newskit-train" --data "$data" --epochs 12 "$@"
