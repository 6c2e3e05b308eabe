#!/usr/bin/env bash
# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
# Prints the paths of upstream TF-GAN's shipped tests that tfgan_ext runs, for
# the venv given as $1 (default: .venv): the library's tests under python/
# (estimator tests included) and, unless $2 is "library", the example
# binaries' tests under examples/ (these need tensorflow-datasets).
# TF-GAN is located without importing it (a find_spec would trigger
# tfgan_ext's import hook, which imports TensorFlow).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${1:-$root/.venv}"
which="${2:-all}"
pkg="$("$venv/bin/python" -c "import sysconfig; print(sysconfig.get_paths()['purelib'])")/tensorflow_gan"
[ -d "$pkg" ] || { echo "upstream_test_paths.sh: no tensorflow_gan in $venv" >&2; exit 1; }
paths=(python/losses python/train_test.py python/features python/eval python/tpu
       python/contrib_utils_test.py python/estimator)
[ "$which" = library ] || paths+=(examples)
for p in "${paths[@]}"; do
  echo "$pkg/$p"
done
