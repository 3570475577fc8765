#!/usr/bin/env bash
# Checks that the C++ lines changed on this branch follow .clang-format. Only changed lines are
# checked (clang-format --lines), so touching an old file does not demand reformatting all of it.
# The base is the merge base with origin/main, else HEAD~1; without clang-format or without git
# history the check is skipped with a message, never failed.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v clang-format >/dev/null 2>&1; then
  echo "check-format: clang-format is not installed; skipped"
  exit 0
fi
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "check-format: not a git checkout; skipped"
  exit 0
fi

base=""
if git rev-parse --verify -q origin/main >/dev/null; then
  base="$(git merge-base HEAD origin/main 2>/dev/null || true)"
fi
if [ -z "$base" ] && git rev-parse --verify -q HEAD~1 >/dev/null; then
  base="$(git rev-parse HEAD~1)"
fi
if [ -z "$base" ]; then
  echo "check-format: no history to compare with (no origin/main, no HEAD~1); skipped"
  exit 0
fi

# Changed files (committed since the base, staged or not), C++ only, still present.
mapfile -t files < <(git diff --name-only --diff-filter=ACMR "$base" -- '*.cpp' '*.h')
if [ ${#files[@]} -eq 0 ]; then
  echo "check-format: no C++ file changed since $(git rev-parse --short "$base")"
  exit 0
fi

failed=0
for f in "${files[@]}"; do
  # The new-side line ranges of each hunk: "@@ -a,b +c,d @@" -> c:c+d-1 (d = 0: a pure deletion).
  mapfile -t ranges < <(git diff -U0 "$base" -- "$f" | sed -nE 's/^@@ -[0-9,]+ \+([0-9]+)(,([0-9]+))? @@.*/\1 \3/p' |
    awk '{ n = ($2 == "") ? 1 : $2; if (n > 0) printf "--lines=%d:%d\n", $1, $1 + n - 1 }')
  [ ${#ranges[@]} -eq 0 ] && continue
  if ! clang-format --dry-run -Werror "${ranges[@]}" "$f"; then
    failed=1
  fi
done

if [ "$failed" -ne 0 ]; then
  echo "check-format: changed lines above differ from .clang-format (fix with: git clang-format $base)"
  exit 1
fi
echo "check-format: ${#files[@]} changed C++ file(s) formatted"
