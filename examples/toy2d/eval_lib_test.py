# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Tests of the toy2d metrics on hand-made samples."""

import math

import numpy as np
import pytest

from examples.toy2d import data_provider
from examples.toy2d import eval_lib


def test_samples_exactly_on_every_centre():
  centres = data_provider.centers('ring')
  samples = np.repeat(centres, 2500 // 8 + 1, axis=0)[:2500]
  m = eval_lib.metrics(samples, 'ring')
  assert m['modes_captured'] == 8
  assert m['high_quality_fraction'] == 1.0
  # 2500 = 8 * 312 + 4: counts 313 (x4) and 312 (x4), nearly uniform.
  assert m['reverse_kl'] == pytest.approx(0.0, abs=1e-5)


@pytest.mark.parametrize('dataset', data_provider.DATASETS)
def test_real_samples_are_about_99_percent_high_quality(dataset):
  # For an isotropic 2D Gaussian, P(|x - c| <= 3 std) = 1 - exp(-9/2)
  # = 0.98889 (Rayleigh distribution); with 2,500 samples the binomial
  # standard error is sqrt(0.9889 * 0.0111 / 2500) = 0.0021, so 0.01 is ~5 se.
  samples = data_provider.sample_numpy(dataset, 2500, seed=1)
  m = eval_lib.metrics(samples, dataset)
  assert m['modes_captured'] == m['num_modes']
  assert m['high_quality_fraction'] == pytest.approx(1 - math.exp(-4.5),
                                                     abs=0.01)
  # Multinomial counts over K modes: KL to uniform is about (K-1)/(2N)
  # (chi-square approximation) = 0.0014 (ring) / 0.0048 (grid); 0.02 bounds
  # both generously.
  assert m['reverse_kl'] < 0.02


def test_all_samples_on_one_centre_capture_one_mode():
  samples = np.tile(data_provider.centers('ring')[3], (2500, 1))
  m = eval_lib.metrics(samples, 'ring')
  assert m['modes_captured'] == 1
  assert m['high_quality_fraction'] == 1.0
  # q is one-hot: KL(q || uniform over 8) = log 8.
  assert m['reverse_kl'] == pytest.approx(math.log(8))


def test_far_away_samples_are_not_high_quality():
  samples = np.full((2500, 2), 10.0)
  m = eval_lib.metrics(samples, 'ring')
  assert m['high_quality_fraction'] == 0.0
  assert m['modes_captured'] == 0


def test_just_inside_and_outside_three_std():
  # Ring std is 0.01: 0.0299 from a centre is high quality, 0.0301 is not.
  centre = data_provider.centers('ring')[0]
  samples = np.stack([centre + [0.0299, 0.0], centre + [0.0301, 0.0]])
  m = eval_lib.metrics(samples, 'ring')
  assert m['high_quality_fraction'] == 0.5
  assert m['modes_captured'] == 1


def test_grid_counts_25_modes():
  samples = data_provider.centers('grid')
  m = eval_lib.metrics(samples, 'grid')
  assert (m['modes_captured'], m['num_modes']) == (25, 25)


def test_plot_writes_png(tmp_path):
  path = str(tmp_path / 'p.png')
  eval_lib.plot(data_provider.sample_numpy('ring', 100), 'ring', path)
  with open(path, 'rb') as f:
    assert f.read(8) == b'\x89PNG\r\n\x1a\n'


def test_sample_quality_of_real_points_against_real_points():
  # Two samples of one mixture: every point lies among the other sample's
  # k-NN balls nearly always (precision, recall, coverage near 1), density
  # is about 1 (Naeem et al. 2020: E[density] = 1 for one distribution) and
  # KID about 0 (unbiased MMD^2); a collapsed generator (all points on one
  # centre) covers at most one of the 8 modes' balls.
  real = data_provider.sample_numpy('ring', 2500, seed=1)
  same = eval_lib.metrics(data_provider.sample_numpy('ring', 2500, seed=2),
                          'ring', real)
  assert min(same['precision'], same['recall'], same['coverage']) > 0.9
  assert 0.85 < same['density'] < 1.15
  assert abs(same['kid']) < 5 * same['kid_std'] + 1e-3
  collapsed = eval_lib.metrics(
      np.repeat(data_provider.centers('ring')[:1], 2500, axis=0), 'ring',
      real)
  assert collapsed['recall'] == 0.0 and collapsed['coverage'] < 0.2
  assert 'kid' not in eval_lib.metrics(real, 'ring')
