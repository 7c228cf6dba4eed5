#!/usr/bin/env bash
# Fills fuzz/corpus/pipeline with the seed inputs: the example plans, the
# bad-input fixtures, the version 2 fixtures (one per construct) and every
# regression input. The corpus is git-ignored; run this before the first
# `cargo fuzz run pipeline`.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=fuzz/corpus/pipeline
mkdir -p "$corpus"
for file in examples/*.stride tests/fixtures/errors/*.stride tests/fixtures/v2/*.stride tests/fixtures/regressions/*; do
  [ -f "$file" ] || continue
  cp "$file" "$corpus/seed-$(basename "$(dirname "$file")")-$(basename "$file")"
done
echo "$(ls "$corpus" | wc -l) inputs in $corpus"
