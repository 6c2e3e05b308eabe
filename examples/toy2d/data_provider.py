# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The 2D mixtures of VEEGAN (arXiv:1705.07761) and PacGAN (arXiv:1712.04086).

* ring: 8 Gaussians centred at (cos 2*pi*i/8, sin 2*pi*i/8), std 0.01.
* grid: 25 Gaussians centred at {-4, -2, 0, 2, 4}^2, std 0.05.

Mixture components are equally likely.
"""

import numpy as np
import tensorflow as tf

from examples.common import hparams

__all__ = ['DATASETS', 'centers', 'provide_data', 'sample_numpy', 'std']

DATASETS = ('ring', 'grid')


def _check(dataset):
  hparams.check_choice(dataset, DATASETS, 'toy2d dataset')


def centers(dataset):
  """The mixture's means, float32 array of shape [num_modes, 2]."""
  _check(dataset)
  if dataset == 'ring':
    angles = 2 * np.pi * np.arange(8) / 8
    return np.stack([np.cos(angles), np.sin(angles)], axis=1).astype(
        np.float32)
  axis = np.arange(-4, 5, 2, dtype=np.float32)
  xs, ys = np.meshgrid(axis, axis, indexing='ij')
  return np.stack([xs.ravel(), ys.ravel()], axis=1)


def std(dataset):
  """The standard deviation of every component (both coordinates)."""
  _check(dataset)
  return {'ring': 0.01, 'grid': 0.05}[dataset]


def provide_data(dataset, batch_size):
  """A batch of real samples as a graph tensor, float32 [batch_size, 2].

  Draws fresh samples at every run (seeded by the graph-level seed).
  """
  means = tf.constant(centers(dataset))
  index = tf.random.uniform([batch_size], 0, means.shape[0], dtype=tf.int32)
  noise = tf.random.normal([batch_size, 2], stddev=std(dataset))
  return tf.gather(means, index) + noise


def sample_numpy(dataset, num_samples, seed=0):
  """Real samples as a NumPy array [num_samples, 2] (for tests and baselines)."""
  rng = np.random.default_rng(seed)
  means = centers(dataset)
  index = rng.integers(0, len(means), size=num_samples)
  return (means[index] + rng.normal(0.0, std(dataset), size=(num_samples, 2))
          ).astype(np.float32)
