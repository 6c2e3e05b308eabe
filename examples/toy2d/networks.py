# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""MLP generator and discriminator for the 2D mixtures.

`generator` and `discriminator` are the networks (TF-1 layers);
`generator_fn(hparams)` and `discriminator_fn(hparams)` are what
`tfgan.gan_model` gets: the networks with the run's sizes, precision, XLA
and spectral normalization.
"""

import functools

import tensorflow as tf

from examples.common import training

__all__ = ['discriminator', 'discriminator_fn', 'generator', 'generator_fn']

_layers = tf.compat.v1.layers


def _mlp(inputs, hidden_units, activation):
  net = inputs
  for i, units in enumerate(hidden_units):
    net = _layers.Dense(units, name='dense%d' % i)(net)
    net = activation(net)
  return net


def _activation(name):
  if name == 'relu':
    return tf.nn.relu
  if name == 'leaky_relu':
    return lambda x: tf.nn.leaky_relu(x, alpha=0.2)
  raise ValueError('Unknown activation %r; choose relu or leaky_relu' % name)


def generator(noise, hidden_units=(256, 256, 256), activation='relu'):
  """Maps noise [batch, noise_dims] to points [batch, 2]."""
  net = _mlp(noise, hidden_units, _activation(activation))
  return _layers.Dense(2, name='output')(net)


def discriminator(points, unused_conditioning, hidden_units=(256, 256, 256),
                  activation='relu'):
  """Maps points [batch, 2] to logits [batch, 1]."""
  net = _mlp(points, hidden_units, _activation(activation))
  return _layers.Dense(1, name='logits')(net)


def generator_fn(hparams):
  """The generator for `hparams`, wrapped for precision and XLA."""
  return training.wrap_network(
      functools.partial(generator,
                        hidden_units=tuple(hparams.generator_hidden),
                        activation=hparams.activation), hparams)


def discriminator_fn(hparams):
  """The discriminator for `hparams` (spectrally normalized if asked)."""
  return training.wrap_network(
      functools.partial(discriminator,
                        hidden_units=tuple(hparams.discriminator_hidden),
                        activation=hparams.activation), hparams,
      spectral_norm=hparams.spectral_norm)
