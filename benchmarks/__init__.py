# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Benchmarks of tfgan_ext: sample quality (`quality`) and speed (`speed`).

  python -m benchmarks.quality [--quick] [--out_dir=DIR]
  python -m benchmarks.speed [--quick] [--out_dir=DIR]

The full modes write the committed tables in benchmarks/results/.

Modules: `quality` and `speed` are the entry points; `timing` the timing
harness (interleaved blocks, ratios time(variant) / time(reference));
`speed_counterparts` (upstream counterpart per loss), `speed_digits_step`,
one `speed_*` module per part and `speed_report`; `quality_plan`,
`quality_runs` (the worker processes), `quality_summary` and
`quality_report`; `penalty_settings` (the penalties both measure),
`environment` (machine, load, versions) and `tables` (markdown and CSV).
"""
