# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Runs `python -m benchmarks.speed --quick` and checks the tables it writes.

The run writes to a temporary directory, never to benchmarks/results.
"""

import math
import os
import subprocess
import sys

import pytest

import tfgan_ext
from benchmarks import penalty_settings
from benchmarks import speed
from benchmarks import speed_counterparts
from benchmarks import speed_penalties
from benchmarks import speed_report
from benchmarks import timing

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _quick_run(tmp_dir):
  subprocess.run([sys.executable, '-m', 'benchmarks.speed', '--quick',
                  '--out_dir', tmp_dir], cwd=ROOT, check=True, timeout=900)
  return tmp_dir


# Started when the session starts (tests/background.py); its timings are
# only checked to be finite and positive here.
BACKGROUND = (_quick_run,)


@pytest.fixture(scope='module')
def quick_run(background):
  out_dir = background.result(_quick_run)
  first_line, rows = speed_report.read_csv(os.path.join(out_dir, 'speed.csv'))
  with open(os.path.join(out_dir, 'speed.md')) as f:
    text = f.read()
  return rows, text, first_line


def _names():
  return sorted(tfgan_ext.losses.names(include_aliases=False))


def _part(rows, prefix):
  return [r for r in rows if r['part'].startswith(prefix)]


def test_every_number_is_finite_and_positive(quick_run):
  rows = quick_run[0]
  assert rows
  for r in rows:
    for field in ('variant_ms', 'reference_ms', 'ratio', 'ratio_low',
                  'ratio_high'):
      value = float(r[field])
      assert math.isfinite(value) and value > 0, (field, r)
    assert float(r['ratio_low']) <= float(r['ratio']) <= float(
        r['ratio_high'])


def test_every_ratio_is_variant_over_reference(quick_run):
  # With one or two repeats (quick mode), the ratio of the median times,
  # variant_ms / reference_ms, lies between the smallest and the largest
  # per-repeat ratio v_i / r_i (for two repeats (v1 + v2) / (r1 + r2) is a
  # mediant of v1 / r1 and v2 / r2). A ratio computed the other way round
  # (reference / variant) falls outside unless it is 1. The CSV keeps 6
  # significant digits, hence the 1e-4 tolerance.
  assert speed.MODES['quick']['repeats'] <= 2
  assert speed.MODES['quick']['e2e_repeats'] <= 2
  for r in quick_run[0]:
    measured = float(r['variant_ms']) / float(r['reference_ms'])
    assert (float(r['ratio_low']) * (1 - 1e-4) <= measured
            <= float(r['ratio_high']) * (1 + 1e-4)), r


def test_csv_and_markdown_state_the_direction(quick_run):
  _, text, first_line = quick_run
  assert first_line.startswith('# ratio = time(variant) / time(reference)')
  assert '< 1 means the variant is faster' in first_line
  assert 'Every ratio is time(variant) / time(reference)' in text
  assert 'ratio loop / gan_train (min–max); < 1: the loop is faster' in text


def test_part1_one_row_per_loss_against_its_counterpart(quick_run):
  rows = _part(quick_run[0], '1')
  assert sorted(r['name'] for r in rows) == _names()
  for r in rows:
    if r['name'] in speed_counterparts.COUNTERPARTS:
      assert 'no counterpart' not in r['reference']
    else:
      assert 'no counterpart' in r['reference']


def test_part2_covers_every_loss_batch_and_mode(quick_run):
  rows = _part(quick_run[0], '2')
  settings = {r['setting'] for r in rows}
  assert len(settings) == 6  # batches 64 and 4096 x graph, eager, XLA.
  for batch in (64, 4096):
    for mode in ('graph', 'eager', 'jit_compile'):
      assert any(s.startswith('batch %d,' % batch) and mode in s
                 for s in settings), (batch, mode)
  for setting in settings:
    assert sorted(r['name'] for r in rows if r['setting'] == setting) == (
        _names())


def test_part3_every_penalty(quick_run):
  names = [r['name'] for r in _part(quick_run[0], '3')]
  for label, _, _, _, _ in penalty_settings.PENALTIES:
    assert label in names
  assert speed_penalties.UPSTREAM_WGAN_GP in names


def test_part4_loops_against_gan_train(quick_run):
  rows = _part(quick_run[0], '4')
  # Two hand-written loops, then Keras fit (separate, fused) per package.
  keras_rows = 2 * len(speed.MODES['quick']['keras_packages'])
  assert len(rows) == 2 + keras_rows
  assert sorted(r['name'] for r in rows if 'fit' in r['name']) == [
      'Keras 3 fit, fused step', 'Keras 3 fit, separate step']
  assert all(r['reference'] == 'tfgan.gan_train' for r in rows)
  assert all(r['variant'] == r['name'] for r in rows)


def test_part5_mirrored_against_one_device(quick_run):
  rows = _part(quick_run[0], '5')
  assert [r['name'] for r in rows] == [
      'MirroredStrategy, 2 logical CPU devices']
  assert rows[0]['reference'] == 'one device (default strategy)'


def test_markdown_header_and_sections(quick_run):
  text = quick_run[1]
  for needle in ('date (UTC)', 'machine:', 'load average',
                 'tensorflow 2.', 'tensorflow_gan 2.1.0', '## 1.', '## 2.',
                 '## 3.', '## 4.', '## 5.'):
    assert needle in text, needle


def test_interleaved_alternates_order():
  calls = []

  def make(name):
    def fn():
      calls.append(name)
      return 1.0
    return fn
  times = timing.interleaved({'a': make('a'), 'b': make('b')}, 3)
  assert calls == ['a', 'b', 'b', 'a', 'a', 'b']
  assert times == {'a': [1.0] * 3, 'b': [1.0] * 3}


def test_ratio_is_median_of_per_repeat_ratios():
  # Per-repeat ratios 2, 1, 4 -> median 2 (the ratio of medians is 3).
  assert timing.ratio_stats([2.0, 3.0, 4.0], [1.0, 3.0, 1.0]) == (2.0, 1.0,
                                                                  4.0)


def test_ratio_row_is_variant_over_reference_per_operation():
  # Variant 3 s and reference 6 s per block of 1,000 steps: 3 ms vs 6 ms,
  # ratio 0.5 (the variant is twice as fast).
  row = timing.ratio_row('p', 'n', 's', 'v', 'r', [3.0], [6.0], 1000)
  assert (row['variant_ms'], row['reference_ms'], row['ratio'],
          row['ratio_low'], row['ratio_high'], row['repeats']) == (
              3.0, 6.0, 0.5, 0.5, 0.5, 1)


def test_counterpart_falls_back_to_the_reference():
  exact = speed_counterparts.counterpart('hinge')
  assert exact.exact and exact.upstream_name == 'hinge'
  assert exact.label == ('upstream wasserstein_generator_loss + '
                         'wasserstein_hinge_discriminator_loss')
  other = speed_counterparts.counterpart('relativistic_hinge')
  assert not other.exact
  assert other.upstream_name == speed_counterparts.REFERENCE
  assert other.note == 'no upstream counterpart'
