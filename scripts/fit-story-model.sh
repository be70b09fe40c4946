#!/usr/bin/env bash
# Fits the story model (StoryModel: the weights of the evidence that two clusters are one story) on the labelled dev
# sets and cross-validates it by story: prints, per held-out fold and data set, B-cubed F1 on articles whose stories
# the fit never saw, then the weights fitted on everything (the defaults in StoryModel and StoryProperties).
# About a minute; sentence embeddings are cached under target/lab. See docs/clustering.md.
# Usage: scripts/fit-story-model.sh [DATASETS_DIR=../shared/datasets]
#   THRESHOLDS=-0.25,0,0.25 also cross-validates other merge thresholds; RAW=1 uses embeddings without centring;
#   EXTRA=entity,entityCentroid,margin adds candidate features of the lab (LabFeatures); FOLD_SALT=3 draws another
#   split of the stories into folds; ENCODER=e5 (or e5-query, e5-passage, bge) uses another sentence encoder than
#   the product's MiniLM (StoryLab.ENCODERS; docs/clustering.md, "The sentence encoder").
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data=$(cd "${1:-$here/../shared/datasets}" && pwd)
java_home=$("$here/.mvn/find-jdk.sh")
cd "$here"
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >&2
exec "$java_home/bin/java" -Xmx4g -Dthresholds="${THRESHOLDS:-0}" -Draw="${RAW:+true}" \
  -Dextra="${EXTRA:-}" -DfoldSalt="${FOLD_SALT:-0}" -Dencoder="${ENCODER:-minilm}" \
  -cp "target/classes:target/test-classes:$(cat target/cp.txt)" org.storygraph.clustering.StoryModelFit \
  "$data/uci-news-dev:$data/uci-news-dev/truth-events.csv" "$data/emergent-dev:$data/emergent-dev/truth.csv"
