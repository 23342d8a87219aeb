#!/usr/bin/env bash
# Runs the README's two set-up commands, exactly as written, on a fresh clone of this repository
# (committed files only) in a temporary folder with ../shared/ beside it, and times each.
# Run: bash scripts/check-readme.sh   (several minutes: npm ci builds better-sqlite3, then every test)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="$(cd "$repo/../shared" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/main"
ln -s "$shared" "$work/shared"
# The two lines of the first sh block of the README.
mapfile -t commands < <(awk '/^```sh$/ { inside = 1; next } /^```$/ && inside { exit } inside' "$repo/README.md" | sed 's/[[:space:]]*#.*$//')
[ "${#commands[@]}" -eq 2 ] || { echo "check-readme: expected two commands in the README's first sh block, found ${#commands[@]}" >&2; exit 1; }
cd "$work/main"
for i in 0 1; do
  echo "== command $((i + 1)): ${commands[$i]}"
  start=$(date +%s)
  bash -c "${commands[$i]}" > "$work/out-$i.log" 2>&1 || { tail -30 "$work/out-$i.log"; echo "check-readme: command $((i + 1)) failed" >&2; exit 1; }
  echo "   passed in $(( $(date +%s) - start )) s"
  tail -3 "$work/out-$i.log"
done
