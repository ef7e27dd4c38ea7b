#!/bin/sh
# Regenerates docs/validation.md from the baseline screening and the TFDD events 1948-1989.
# Usage (from the repository root, after building): docs/make_validation.sh [BUILD_DIR]
# The screen's outputs go to BUILD_DIR/validation-out (a fixed path, so the command line that
# docs/validation.md records, and hence the file, is the same on every run); the unit terrain
# cache to BUILD_DIR/screen-cache.
set -eu
build=${1:-build}
"$build/riparia" screen --out "$build/validation-out" --cache "$build/screen-cache" \
    --scenario baseline --members 1 --quiet --validation docs/validation.md
echo "wrote docs/validation.md"
