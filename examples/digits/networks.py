# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""DCGAN-style generator and discriminator for small images (8x8 to 32x32).

Generator: noise (and, when conditional, a one-hot label) -> dense to an
(H/4, W/4) map -> two stride-2 transposed convolutions -> tanh, batch
normalization and ReLU between (Radford et al., arXiv:1511.06434).
Discriminator: two stride-2 convolutions with leaky ReLU (no normalization, so
gradient penalties and spectral normalization apply cleanly) -> flatten ->
`features`; a dense logit on top, and class logits for ACGAN.

`generator_fn(hparams)`, `discriminator_fn(hparams)` and
`features_fn(hparams)` are what `tfgan.gan_model` (and feature matching) get:
the networks with the run's sizes, precision, XLA and spectral normalization.
"""

import functools

import tensorflow as tf

from examples.common import training
from examples.digits import data_provider

__all__ = ['discriminator', 'discriminator_features', 'discriminator_fn',
           'features_fn', 'generator', 'generator_fn']

_layers = tf.compat.v1.layers


def generator(inputs, image_shape, channels=64):
  """Maps noise, or (noise, one_hot_labels), to images in [-1, 1].

  Args:
    inputs: noise [batch, noise_dims], or a tuple (noise, one-hot labels).
    image_shape: (height, width, channels) of the output; height and width
      divisible by 4.
    channels: Width of the first convolutional map (halved after it).

  Returns:
    Images [batch, height, width, channels].
  """
  if isinstance(inputs, (tuple, list)):
    inputs = tf.concat(list(inputs), axis=1)
  height, width, out_channels = image_shape
  base_h, base_w = height // 4, width // 4
  net = _layers.Dense(base_h * base_w * channels * 2, name='project')(inputs)
  net = _layers.BatchNormalization(name='bn0')(net, training=True)
  net = tf.nn.relu(net)
  net = tf.reshape(net, [-1, base_h, base_w, channels * 2])
  net = _layers.Conv2DTranspose(channels, 4, strides=2, padding='same',
                                name='deconv1')(net)
  net = _layers.BatchNormalization(name='bn1')(net, training=True)
  net = tf.nn.relu(net)
  net = _layers.Conv2DTranspose(out_channels, 4, strides=2, padding='same',
                                name='deconv2')(net)
  return tf.tanh(net)


def discriminator_features(images, unused_generator_inputs, channels=64):
  """The discriminator's trunk: features [batch, num_features]."""
  net = _layers.Conv2D(channels, 4, strides=2, padding='same',
                       name='conv1')(images)
  net = tf.nn.leaky_relu(net, alpha=0.2)
  net = _layers.Conv2D(channels * 2, 4, strides=2, padding='same',
                       name='conv2')(net)
  net = tf.nn.leaky_relu(net, alpha=0.2)
  return _layers.Flatten(name='flatten')(net)


def discriminator(images, generator_inputs, channels=64, num_classes=None):
  """Logits [batch, 1]; with `num_classes`, (logits, class logits) for ACGAN."""
  features = discriminator_features(images, generator_inputs, channels)
  logits = _layers.Dense(1, name='logits')(features)
  if num_classes is None:
    return logits
  return logits, _layers.Dense(num_classes, name='class_logits')(features)


def generator_fn(hparams):
  """The generator for `hparams` (also used by eval)."""
  return training.wrap_network(
      functools.partial(generator,
                        image_shape=data_provider.image_shape(hparams.dataset),
                        channels=hparams.generator_channels), hparams)


def discriminator_fn(hparams):
  """The discriminator (with class logits when conditional)."""
  num_classes = (data_provider.num_classes(hparams.dataset)
                 if hparams.conditional else None)
  return training.wrap_network(
      functools.partial(discriminator,
                        channels=hparams.discriminator_channels,
                        num_classes=num_classes), hparams,
      spectral_norm=hparams.spectral_norm)


def features_fn(hparams):
  """The discriminator's trunk, for feature matching."""
  return training.wrap_network(
      functools.partial(discriminator_features,
                        channels=hparams.discriminator_channels), hparams,
      spectral_norm=hparams.spectral_norm)
