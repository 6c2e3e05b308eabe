#!/usr/bin/env bash
# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
# The main job: trains the toy2d example (8-Gaussian ring, hinge loss, default
# flags) through tfgan.gan_train, then prints its metrics and the path of the
# scatter plot. Creates or reuses .venv. About 1.5 minutes on 2 CPU cores.
#
#   bash scripts/main.sh [more train flags; with other model flags, also pass
#                         another --train_log_dir (the last value of a flag wins)]
#
# Re-running the same command resumes from the last checkpoint in runs/ (and
# only evaluates once training is complete); delete runs/ to start afresh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/ensure_venv.sh modern
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
# sed reads the whole report (head would close the pipe under the writer).
.venv/bin/python -m tfgan_ext | sed -n '1,12p'
exec .venv/bin/python -m examples.toy2d.train \
  --train_log_dir="$root/runs/toy2d_ring_hinge" --dataset=ring --gan_loss=hinge "$@"
