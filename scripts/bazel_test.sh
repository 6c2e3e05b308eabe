#!/usr/bin/env bash
# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
# Runs every Bazel test of tfgan_ext offline: sets Bazel up (scripts/bazel_setup.sh),
# then `bazel test //...`, and exits with Bazel's status (0: all passed;
# 3: some test failed; 4: no test targets). Prints Bazel's per-target summary.
#
#   bash scripts/bazel_test.sh                       # all targets
#   bash scripts/bazel_test.sh //:tests/compat_test  # some targets
#   BAZEL_ARGS="--test_output=all" bash scripts/bazel_test.sh
#   BAZEL_BUILD_ALL=1 bash scripts/bazel_test.sh //:tests/compat_test
#                      # bazel build //... first, then test these (CI)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/bazel_setup.sh || exit 1

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(//...)
start=$SECONDS
rc=0
# shellcheck disable=SC2086  # BAZEL_ARGS is a list of flags.
if [ -n "${BAZEL_BUILD_ALL:-}" ]; then  # build every target, test the given
  bazel build ${BAZEL_ARGS:-} --color=no --curses=no //... || rc=$?
fi
# shellcheck disable=SC2086
[ $rc -ne 0 ] || bazel test ${BAZEL_ARGS:-} --color=no --curses=no "${targets[@]}" || rc=$?
# On CI (CI=true) stop the Bazel server rather than leave it idling for hours.
if [ -n "${CI:-}" ]; then bazel shutdown >/dev/null 2>&1 || true; fi
echo "[bazel_test] bazel test ${targets[*]}: exit $rc in $((SECONDS - start)) s"
exit $rc
