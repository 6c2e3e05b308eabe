# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Tests of quality.md's section of separately measured runs."""

import csv

import pytest

from benchmarks import quality_separate


def _write(path, rows, fields=quality_separate.FIELDS):
  with open(path, 'w', newline='') as f:
    f.write('# a comment line\n')
    writer = csv.DictWriter(f, fields)
    writer.writeheader()
    for r in rows:
      writer.writerow({k: r.get(k, '') for k in fields})


def _toy(seed, modes, hq, rkl):
  return dict(section='grid', configuration='ns + r1', command='cmd a',
              seed=seed, steps=20000, modes_captured=modes, num_modes=25,
              high_quality_fraction=hq, reverse_kl=rkl, measured='2026-11-23')


def test_groups_by_configuration_with_mean_and_std(tmp_path):
  path = tmp_path / 'q.csv'
  _write(path, [_toy(0, 25, 0.90, 0.004), _toy(1, 24, 0.80, 0.006),
                dict(section='digits', configuration='keras', command='cmd b',
                     seed=0, steps=3000, fcd=9.5, fcd_real_vs_real=3.3,
                     measured='2026-11-22')])
  text = '\n'.join(quality_separate.lines(str(path)))
  # NumPy-free reference: mean and sample std (ddof=1) of the two seeds.
  # modes 24.5 ± 0.71, HQ 85.0 ± 7.07 %, reverse KL 0.005 ± 0.001.
  assert '| ns + r1 | 24.5 ± 0.7 of 25 | 85.0 ± 7.1 | 0.005 ± 0.001 |' in text
  assert '| 0, 1 (2) | 20000 | `cmd a` |' in text
  assert '| keras | 9.50 |' in text and '| 3.30 |' in text  # one seed
  assert text.index('### grid') < text.index('### digits')
  assert 'Measured: 2026-11-22.' in text


def test_no_file_no_section(tmp_path):
  assert quality_separate.lines(str(tmp_path / 'missing.csv')) == []


def test_a_wrong_header_is_an_error(tmp_path):
  path = tmp_path / 'q.csv'
  _write(path, [], fields=('section', 'seed'))
  with pytest.raises(ValueError, match='expected section,configuration'):
    quality_separate.read(str(path))


def test_the_committed_file_reads():
  for r in quality_separate.read():
    assert r['command'] and r['seed'] and r['measured']
    assert r['fcd'] or r['modes_captured']
