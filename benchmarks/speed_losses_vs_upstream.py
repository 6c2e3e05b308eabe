# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Speed part 1: each loss against its upstream counterpart, per training step.

The digits GAN step of `speed_digits_step`, with tfgan_ext's pair (variant)
and its upstream TF-GAN counterpart (reference, `speed_counterparts`; upstream
`modified` for losses without one), timed interleaved.
"""

from benchmarks import speed_counterparts
from benchmarks import speed_digits_step
from benchmarks import timing

__all__ = ['PART', 'run']

PART = '1 training step'


def run(names, settings, log):
  """One row per loss name (timing.ratio_row); `log(row)` as each is done."""
  rows = []
  real = speed_digits_step.fixed_real_batch()
  for name in names:
    ref = speed_counterparts.counterpart(name)
    times = speed_digits_step.time_step_variants(
        {'ext': speed_digits_step.ext_losses(name),
         'ref': speed_digits_step.upstream_losses(name)}, settings, real)
    rows.append(timing.ratio_row(
        PART, name, 'digits GAN, batch %d, graph' % speed_digits_step.BATCH,
        'tfgan_ext ' + name, ref.label, times['ext'], times['ref'],
        settings['step_block'], ref.note))
    log(rows[-1])
  return rows
