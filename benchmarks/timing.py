# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The speed benchmark's timing harness: interleaved timing, ratio statistics.

Variants being compared are timed in alternating blocks (their order reversed
or shuffled from one repeat to the next), and a comparison is the median over
the repeats of the per-repeat ratio, so slow drifts of the machine's load hit
both sides alike.

Every ratio has one direction: time(variant) / time(reference), so a ratio
below 1 means the variant is faster (`RATIO_DIRECTION` says so in the
reports).
"""

import random
import statistics
import time

__all__ = [
    'RATIO_DIRECTION',
    'calibrate',
    'calls_timer',
    'interleaved',
    'ratio_row',
    'ratio_stats',
]

RATIO_DIRECTION = ('ratio = time(variant) / time(reference), the median over '
                   'repeats of the per-repeat ratio (ratio_low, ratio_high: '
                   'the smallest and largest per-repeat ratio); < 1 means the '
                   'variant is faster')


def interleaved(variants, repeats, shuffle_seed=0):
  """Times `variants` ({name: fn() -> seconds}) in alternating order.

  Two variants alternate (a b, b a, a b, ...); more are shuffled each repeat
  with a seeded `random.Random`.

  Returns:
    {name: [seconds per repeat]}.
  """
  rng = random.Random(shuffle_seed)
  names = list(variants)
  times = {name: [] for name in names}
  for r in range(repeats):
    order = list(names)
    if len(order) == 2:
      order = order if r % 2 == 0 else order[::-1]
    else:
      rng.shuffle(order)
    for name in order:
      times[name].append(variants[name]())
  return times


def ratio_stats(variant_times, reference_times):
  """(median, min, max) of the per-repeat ratios variant / reference."""
  ratios = [v / r for v, r in zip(variant_times, reference_times)]
  return statistics.median(ratios), min(ratios), max(ratios)


def ratio_row(part, name, setting, variant, reference, variant_times,
              reference_times, unit, note=''):
  """A result row comparing `variant` with `reference` (RATIO_DIRECTION).

  Args:
    part, name, setting, note: labels of the row.
    variant, reference: what was timed on each side.
    variant_times, reference_times: seconds per repeat, for `unit`
      operations each.
    unit: operations per timed block (steps or calls).

  Returns:
    A dict: the labels, variant_ms and reference_ms (median milliseconds per
    operation), ratio, ratio_low, ratio_high and repeats.
  """
  ratio, low, high = ratio_stats(variant_times, reference_times)
  return dict(part=part, name=name, setting=setting, variant=variant,
              reference=reference,
              variant_ms=1e3 * statistics.median(variant_times) / unit,
              reference_ms=1e3 * statistics.median(reference_times) / unit,
              ratio=ratio, ratio_low=low, ratio_high=high,
              repeats=len(variant_times), note=note)


def calls_timer(call, calls):
  """fn() -> seconds that `calls` calls of `call` take."""
  def timed():
    start = time.perf_counter()
    for _ in range(calls):
      call()
    return time.perf_counter() - start
  return timed


def calibrate(call, block_s, warmup):
  """Calls `call` `warmup` times, then returns how many calls fill `block_s`.

  At least 2, from the time of one call after the warm-up.
  """
  for _ in range(warmup):
    call()
  start = time.perf_counter()
  call()
  single = max(time.perf_counter() - start, 1e-6)
  return max(2, int(block_s / single))
