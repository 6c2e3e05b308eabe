# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Shared helpers of the tfgan_ext.keras tests: Keras packages, tiny networks.

`FLAVOURS` are the Keras packages the tests build models with: 'keras'
(Keras 3 on TensorFlow >= 2.16, Keras 2.15 on TensorFlow 2.15) and
'tf_keras'. Both are importable on every tested stack.
"""

import importlib
import socket

import numpy as np
import pytest
import tensorflow as tf

import tfgan_ext.keras as tfk

__all__ = ['FLAVOURS', 'free_ports', 'image_data', 'image_gan',
           'keras_package', 'linear_gan', 'linear_gan_model',
           'linear_outputs', 'pairs_dataset']

FLAVOURS = ('keras', 'tf_keras')


def free_ports(count):
  """`count` TCP ports on localhost that were free a moment ago."""
  sockets = [socket.socket() for _ in range(count)]
  for s in sockets:
    s.bind(('localhost', 0))
  ports = [s.getsockname()[1] for s in sockets]
  for s in sockets:
    s.close()
  return ports


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


def linear_gan_model(K, g_lr, d_lr, addons, loss='hinge'):
  """`linear_gan`'s networks as a GANModel with SGD and `addons`, compiled.

  Returns:
    (the GANModel, `linear_gan`'s weights dict).
  """
  generator, discriminator, weights = linear_gan(K)
  gan = tfk.GANModel(generator, discriminator)
  gan.compile(K.optimizers.SGD(g_lr), K.optimizers.SGD(d_lr), loss=loss,
              addons=list(addons))
  return gan, weights


def linear_outputs(weights, noise, real):
  """The linear GAN's values on one batch, in float64.

  Returns:
    (z, x, w, b, G(z), D(x), D(G(z))) with D's outputs of shape [batch].
  """
  z, x = noise.astype(np.float64), real.astype(np.float64)
  w, b = weights['w'].astype(np.float64), weights['b'].astype(np.float64)
  gz = z @ weights['Wg']
  return z, x, w, b, gz, (x @ w + b)[:, 0], (gz @ w + b)[:, 0]


def pairs_dataset(num_batches, batch=4, noise_dims=2, data_dims=3, seed=1):
  """A finite dataset of (noise, real) batches and its NumPy arrays."""
  rng = np.random.default_rng(seed)
  noise = rng.normal(size=(num_batches * batch, noise_dims)).astype(np.float32)
  real = rng.normal(size=(num_batches * batch, data_dims)).astype(np.float32)
  dataset = tf.data.Dataset.from_tensor_slices((noise, real)).batch(batch)
  return dataset, noise.reshape(num_batches, batch, -1), real.reshape(
      num_batches, batch, -1)


def image_gan(K, **compile_kwargs):
  """A tiny GANModel on 4x4x1 images in [-1, 1] from 2-d noise, compiled."""
  generator = K.Sequential([K.Input((2,)), K.layers.Dense(16),
                            K.layers.Reshape((4, 4, 1)),
                            K.layers.Activation('tanh')])
  discriminator = K.Sequential([K.Input((4, 4, 1)), K.layers.Flatten(),
                                K.layers.Dense(1)])
  gan = tfk.GANModel(generator, discriminator)
  gan.compile(K.optimizers.Adam(1e-3), K.optimizers.Adam(1e-3),
              **compile_kwargs)
  return gan


def image_data(num=16):
  """Seeded (noise [num, 2], images [num, 4, 4, 1] in [-1, 1])."""
  rng = np.random.default_rng(0)
  noise = rng.normal(size=(num, 2)).astype(np.float32)
  images = np.tanh(rng.normal(size=(num, 4, 4, 1))).astype(np.float32)
  return noise, images
