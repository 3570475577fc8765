#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz/ (preset "fuzz": clang, ASan + UBSan) and runs each
# for N seconds (default 60, as CI does) from its seed corpus in tests/fuzz/corpus/<target>/.
# New interesting inputs go to a scratch folder, not into the repository; a crash stops the run
# with a non-zero exit and leaves the input under build-fuzz/crashes/<target>/: fix the bug and
# add that file to tests/fuzz/corpus/<target>/ as its regression input.
#
#   bash scripts/run-fuzz.sh            # 60 s per target
#   bash scripts/run-fuzz.sh 3600       # a long run (record it in bench/README.md)
#   FUZZ_TARGETS="fuzz_rules" bash scripts/run-fuzz.sh 600
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
targets=(${FUZZ_TARGETS:-fuzz_resultchunk fuzz_rules fuzz_contractcsv fuzz_databricksconfig})
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

cmake --preset fuzz "${launcher[@]}" >/dev/null
cmake --build --preset fuzz

export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export QT_QPA_PLATFORM=offscreen

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
status=0
for t in "${targets[@]}"; do
  seeds="tests/fuzz/corpus/$t"
  crashes="build-fuzz/crashes/$t"
  mkdir -p "$scratch/$t" "$crashes"
  # Every checked-in input first, alone: the regression inputs of earlier crashes must pass.
  if ! "build-fuzz/tests/fuzz/$t" -runs=0 "$seeds" >"$scratch/$t.regress.log" 2>&1; then
    echo "run-fuzz: $t fails on its checked-in corpus:"; tail -40 "$scratch/$t.regress.log"; status=1; continue
  fi
  echo "run-fuzz: $t for ${seconds}s"
  if ! "build-fuzz/tests/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -artifact_prefix="$crashes/" -print_final_stats=1 "$scratch/$t" "$seeds" >"$scratch/$t.log" 2>&1; then
    echo "run-fuzz: $t found a failure (input in $crashes/):"; tail -60 "$scratch/$t.log"; status=1; continue
  fi
  grep -E "^stat::number_of_executed_units|^stat::new_units_added" "$scratch/$t.log" | sed "s/^/run-fuzz: $t /" || true
done
exit $status
