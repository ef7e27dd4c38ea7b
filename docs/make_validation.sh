#!/bin/sh
# Regenerates docs/validation.md from the baseline screening and the TFDD events 1948-1989.
# Usage (from the repository root, after building): docs/make_validation.sh [BUILD_DIR]
set -eu
build=${1:-build}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$build/riparia" screen --out "$out" --scenario baseline --members 1 --quiet \
    --validation docs/validation.md
echo "wrote docs/validation.md"
