# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Tests of the toy2d mixtures."""

import numpy as np
import pytest
import tensorflow as tf

from examples.toy2d import data_provider


def test_ring_centres_on_the_unit_circle():
  centres = data_provider.centers('ring')
  assert centres.shape == (8, 2)
  np.testing.assert_allclose(np.linalg.norm(centres, axis=1), 1.0, rtol=1e-6)
  np.testing.assert_allclose(centres[2], [0.0, 1.0], atol=1e-6)  # angle pi/2


def test_grid_centres():
  centres = data_provider.centers('grid')
  assert centres.shape == (25, 2)
  assert sorted(set(centres[:, 0].tolist())) == [-4, -2, 0, 2, 4]


def test_stds_are_the_papers():
  # VEEGAN / PacGAN protocol: ring std 0.01, grid std 0.05.
  assert data_provider.std('ring') == 0.01
  assert data_provider.std('grid') == 0.05


@pytest.mark.parametrize('dataset', data_provider.DATASETS)
def test_provide_data_shape_dtype_and_spread(dataset):
  with tf.Graph().as_default():
    tf.compat.v1.set_random_seed(0)
    batch = data_provider.provide_data(dataset, 4096)
    assert batch.shape.as_list() == [4096, 2]
    assert batch.dtype == tf.float32
    with tf.compat.v1.Session() as sess:
      values = sess.run(batch)
  centres = data_provider.centers(dataset)
  dist = np.linalg.norm(values[:, None] - centres[None], axis=-1)
  offsets = values - centres[np.argmin(dist, axis=1)]
  # Sample std of 8,192 normal draws is within 5% of the true std.
  assert np.std(offsets) == pytest.approx(data_provider.std(dataset), rel=0.05)
  assert len(np.unique(np.argmin(dist, axis=1))) == len(centres)


def test_unknown_dataset_lists_choices():
  with pytest.raises(ValueError, match='ring, grid'):
    data_provider.centers('spiral')
