# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""MLP generator and discriminator for the 2D mixtures."""

import tensorflow as tf

__all__ = ['discriminator', 'generator']

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
