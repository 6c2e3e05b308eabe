"""Runs `python -m benchmarks.speed --quick` and checks the tables it writes.

The run writes to a temporary directory, never to benchmarks/results.
"""

import csv
import math
import os
import subprocess
import sys

import pytest

from benchmarks import speed

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture(scope='module')
def quick_run(tmp_path_factory):
  out_dir = tmp_path_factory.mktemp('speed_out')
  subprocess.run([sys.executable, '-m', 'benchmarks.speed', '--quick',
                  '--out_dir', str(out_dir)], cwd=ROOT, check=True,
                 timeout=900)
  with open(os.path.join(out_dir, 'speed.csv')) as f:
    reader = csv.DictReader(f)
    assert tuple(reader.fieldnames) == speed.CSV_FIELDS
    rows = list(reader)
  with open(os.path.join(out_dir, 'speed.md')) as f:
    text = f.read()
  return rows, text


def _names():
  import tfgan_ext  # pylint: disable=g-import-not-at-top
  return sorted(tfgan_ext.losses.names(include_aliases=False))


def _part(rows, prefix):
  return [r for r in rows if r['part'].startswith(prefix)]


def test_every_number_is_finite_and_positive(quick_run):
  rows, _ = quick_run
  assert rows
  for r in rows:
    for field in ('variant_ms', 'reference_ms', 'ratio', 'ratio_low',
                  'ratio_high'):
      value = float(r[field])
      assert math.isfinite(value) and value > 0, (field, r)
    assert float(r['ratio_low']) <= float(r['ratio']) <= float(
        r['ratio_high'])


def test_part1_one_row_per_loss_against_its_counterpart(quick_run):
  rows = _part(quick_run[0], '1')
  assert sorted(r['name'] for r in rows) == _names()
  for r in rows:
    if r['name'] in speed.COUNTERPARTS:
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
  for label, _, _, _, _ in speed.PENALTIES:
    assert label in names
  assert speed.UPSTREAM_WGAN_GP in names


def test_part4_loops_against_gan_train(quick_run):
  rows = _part(quick_run[0], '4')
  assert len(rows) == 2
  assert all(r['reference'] == 'tfgan.gan_train' for r in rows)


def test_markdown_header_and_sections(quick_run):
  _, text = quick_run
  for needle in ('date (UTC)', 'machine:', 'load average',
                 'tensorflow 2.', 'tensorflow_gan 2.1.0', '## 1.', '## 2.',
                 '## 3.', '## 4.'):
    assert needle in text, needle


def test_interleaved_alternates_order():
  calls = []

  def make(name):
    def fn():
      calls.append(name)
      return 1.0
    return fn
  times = speed._interleaved({'a': make('a'), 'b': make('b')}, 3)
  assert calls == ['a', 'b', 'b', 'a', 'a', 'b']
  assert times == {'a': [1.0] * 3, 'b': [1.0] * 3}


def test_ratio_is_median_of_per_repeat_ratios():
  # Per-repeat ratios 2, 1, 4 -> median 2 (the ratio of medians is 3).
  assert speed._ratio_stats([2.0, 3.0, 4.0], [1.0, 3.0, 1.0]) == (2.0, 1.0,
                                                                   4.0)
