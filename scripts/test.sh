#!/usr/bin/env bash
# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
# The project's test command. Creates or reuses the venv, then runs
#   1. tfgan_ext's own tests (tests/ and the examples' tests), and
#   2. upstream TF-GAN's shipped test suite, from the installed wheel (the
#      library's tests under python/, the example binaries' under examples/),
#      with nothing but `import tfgan_ext` and absl flags marked parsed as help
#      (pytest -p tests.upstream_plugin).
#
#   bash scripts/test.sh            # modern stack, .venv
#   bash scripts/test.sh oldest     # TF 2.15 stack, .venv-oldest
#   bash scripts/test.sh py312      # Python 3.12 stack, .venv-py312
#   PYTEST_ADDOPTS="-x" bash scripts/test.sh   # extra pytest options
#   TFGAN_EXT_TEST_PATHS="tests/compat_test.py" bash scripts/test.sh py312
#                                   # only these of our tests (upstream's all)
#   TFGAN_EXT_TEST_WORKERS=1 bash scripts/test.sh   # our tests in one process
#
# Our tests run in pytest-xdist workers, one per core (`-n auto`), each test
# module in one worker (`--dist loadfile`: a module's shared fixtures and
# tests/background.py's jobs are built once), in the order background.py
# gives them (`--no-loadscope-reorder`: the modules with long jobs first).
#
# Exits non-zero if either run fails or collects no test (pytest's exit 5).
set -uo pipefail
stack="${1:-modern}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/ensure_venv.sh "$stack" || exit 1
venv=".venv"; [ "$stack" = modern ] || venv=".venv-$stack"
py="$venv/bin/python"
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"

status=0
run() {  # run <label> <pytest args...>
  local label="$1"; shift
  echo "=== $label ($stack stack) ==="
  local start=$SECONDS
  "$py" -m pytest -q -p no:cacheprovider "$@"
  local rc=$?
  if [ $rc -eq 5 ]; then
    echo "!!! $label: pytest collected no tests (exit 5); counted as a failure"
  fi
  echo "=== $label: exit $rc in $((SECONDS - start)) s ==="
  [ $rc -eq 0 ] || status=1
}

read -r -a ours <<< "${TFGAN_EXT_TEST_PATHS:-tests examples benchmarks}"
workers="${TFGAN_EXT_TEST_WORKERS:-auto}"
xdist=(-n "$workers" --dist loadfile --no-loadscope-reorder)
[ "$workers" = 1 ] && xdist=()
run "tfgan_ext tests" ${xdist[@]+"${xdist[@]}"} "${ours[@]}"
# Upstream's example tests run on the modern and oldest stacks; the Python 3.12
# stack, a compat check kept short for CI time, runs upstream's library tests.
which=all; [ "$stack" = py312 ] && which=library
mapfile -t upstream < <(bash scripts/upstream_test_paths.sh "$venv" "$which")
run "upstream TF-GAN tests under tfgan_ext" -rs -p tests.upstream_plugin \
  --rootdir "$root" -c /dev/null "${upstream[@]}"
exit $status
