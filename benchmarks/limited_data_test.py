# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Tests of the limited-data and toy2d benchmarks (quick runs)."""

import csv
import json
import os
import pathlib
import subprocess
import sys

import pytest

from benchmarks import limited_data
from benchmarks import toy2d_average
from benchmarks import toy2d_regularizers

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _run(module, tmp_path, *flags):
  tmp_path = pathlib.Path(tmp_path)
  out_dir, work_dir = tmp_path / 'out', tmp_path / 'work'
  subprocess.run([sys.executable, '-m', module, '--quick', '--out_dir',
                  str(out_dir), '--work_dir', str(work_dir)] + list(flags),
                 cwd=ROOT, check=True, timeout=600)
  return out_dir, work_dir


def _limited_data_quick(tmp_dir):
  return _run('benchmarks.limited_data', tmp_dir)


def _toy2d_average_quick(tmp_dir):
  return _run('benchmarks.toy2d_average', tmp_dir, '--datasets=ring',
              '--name=ring_check')


def _toy2d_regularizers_quick(tmp_dir):
  return _run('benchmarks.toy2d_regularizers', tmp_dir, '--datasets=ring',
              '--name=ring_check')


# Started when the session starts (tests/background.py).
BACKGROUND = (_limited_data_quick, _toy2d_average_quick,
              _toy2d_regularizers_quick)


def _csv(path):
  with open(path) as f:
    return list(csv.DictReader(f))


def test_limited_data_quick_run_writes_every_configuration(background):
  out_dir, work_dir = background.result(_limited_data_quick)
  rows = _csv(out_dir / 'limited_data.csv')
  quick = limited_data.MODES['quick']
  assert {(float(r['train_fraction']), r['augment']) for r in rows} == {
      (f, a) for f in quick['fractions'] for a in quick['augments']}
  for row in rows:
    assert float(row['fcd_mean']) > 0 and float(row['fcd_averaged_mean']) > 0
    assert tuple(row) == limited_data.CSV_FIELDS
  runs = _csv(out_dir / 'limited_data_runs.csv')
  assert len(runs) == len(rows) and all(r['status'] == 'ok' for r in runs)
  ada = [r for r in runs if r['augment'] == 'ada']
  assert ada and all(r['ada_p_final'] != '' for r in ada)
  # 'none+lecam': no augmentation, LeCam at the paper's weight.
  lecam = [r for r in runs if r['augment'] == 'none+lecam']
  assert lecam
  for run in lecam:
    with open(work_dir / 'runs' / run['key'] / 'hparams.json') as f:
      stored = json.load(f)
    assert (stored['augment'], stored['lecam_weight']) == ('none', 0.3)
  assert 'FCD averaged' in (out_dir / 'limited_data.md').read_text()
  # Finished runs are not trained again (an interrupted benchmark resumes).
  before = os.path.getmtime(work_dir / 'runs' / runs[0]['key'] /
                            'result.json')
  _run('benchmarks.limited_data', out_dir.parent)
  assert os.path.getmtime(work_dir / 'runs' / runs[0]['key'] /
                          'result.json') == before


def _result(fraction, augment, seed, fcd, averaged):
  return dict(status='ok', train_fraction=fraction, augment=augment,
              seed=seed, fcd=fcd, fcd_averaged=averaged, generator_ema=0.99,
              steps=10, fcd_real_vs_real=3.0, ada_p_final=None)


def test_summary_ratios_are_to_no_augmentation_at_the_same_fraction():
  rows = limited_data.summarize([
      _result(0.1, 'none', 0, 40.0, 20.0), _result(0.1, 'none', 1, 60.0,
                                                    30.0),
      _result(0.1, 'diffaugment', 0, 10.0, 9.0),
      _result(0.1, 'diffaugment', 1, 20.0, 11.0),
      _result(1.0, 'none', 0, 8.0, 4.0)])
  by_key = {(r['train_fraction'], r['augment']): r for r in rows}
  diff = by_key[(0.1, 'diffaugment')]
  assert diff['fcd_mean'] == 15.0 and diff['fcd_ratio_to_none'] == 0.3
  assert diff['fcd_averaged_ratio_to_none'] == pytest.approx(0.4)
  # Paired averaged / raw: 0.9 and 0.55 -> median 0.725.
  assert diff['averaged_over_raw_median'] == pytest.approx(0.725)
  assert by_key[(1.0, 'none')]['fcd_ratio_to_none'] == 1.0
  assert by_key[(1.0, 'none')]['fcd_std'] is None  # One seed.


def test_toy2d_average_quick_run(background):
  out_dir, _ = background.result(_toy2d_average_quick)
  rows = _csv(out_dir / 'ring_check.csv')
  assert [r['dataset'] for r in rows] == ['ring']
  assert tuple(rows[0]) == toy2d_average.CSV_FIELDS
  text = (out_dir / 'ring_check.md').read_text()
  assert '| ring | raw |' in text and '| ring | averaged |' in text


def test_toy2d_regularizers_quick_run(background):
  out_dir, _ = background.result(_toy2d_regularizers_quick)
  rows = _csv(out_dir / 'ring_check.csv')
  assert [(r['dataset'], r['variant']) for r in rows] == [
      ('ring', v) for v in toy2d_regularizers.VARIANTS]
  assert tuple(rows[0]) == toy2d_regularizers.CSV_FIELDS
  for row in rows:
    assert 0 <= int(float(row['modes_captured_mean'])) <= 8
  text = (out_dir / 'ring_check.md').read_text()
  assert '| ring | top_k |' in text
