# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Shared helpers of the tfgan_ext.keras tests: Keras packages, tiny networks.

`FLAVOURS` are the Keras packages the tests build models with: 'keras'
(Keras 3 on TensorFlow >= 2.16, Keras 2.15 on TensorFlow 2.15) and
'tf_keras'. Both are importable on every tested stack.
"""

import importlib

import numpy as np
import pytest
import tensorflow as tf

__all__ = ['FLAVOURS', 'keras_package', 'linear_gan', 'pairs_dataset']

FLAVOURS = ('keras', 'tf_keras')


def keras_package(name):
  """The Keras package `name` (skips the test if it is not installed)."""
  try:
    return importlib.import_module(name)
  except ImportError:
    pytest.skip('%s is not installed' % name)


def linear_gan(K, noise_dims=2, data_dims=3, seed=0):
  """G(z) = z Wg (no bias), D(x) = x w + b, with seeded weights.

  Returns:
    (generator, discriminator, weights dict of NumPy arrays 'Wg', 'w', 'b').
  """
  rng = np.random.default_rng(seed)
  generator = K.Sequential([K.Input((noise_dims,)),
                            K.layers.Dense(data_dims, use_bias=False)])
  discriminator = K.Sequential([K.Input((data_dims,)),
                                K.layers.Dense(1, name='logit')])
  weights = {'Wg': rng.normal(size=(noise_dims, data_dims)).astype(np.float32),
             'w': rng.normal(size=(data_dims, 1)).astype(np.float32),
             'b': rng.normal(size=(1,)).astype(np.float32)}
  generator.set_weights([weights['Wg']])
  discriminator.set_weights([weights['w'], weights['b']])
  return generator, discriminator, weights


def pairs_dataset(num_batches, batch=4, noise_dims=2, data_dims=3, seed=1):
  """A finite dataset of (noise, real) batches and its NumPy arrays."""
  rng = np.random.default_rng(seed)
  noise = rng.normal(size=(num_batches * batch, noise_dims)).astype(np.float32)
  real = rng.normal(size=(num_batches * batch, data_dims)).astype(np.float32)
  dataset = tf.data.Dataset.from_tensor_slices((noise, real)).batch(batch)
  return dataset, noise.reshape(num_batches, batch, -1), real.reshape(
      num_batches, batch, -1)
