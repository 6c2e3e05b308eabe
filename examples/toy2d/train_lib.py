# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Trains an MLP GAN on a 2D mixture of Gaussians (ring or grid)."""

import functools

import tensorflow as tf
import tensorflow_gan as tfgan

from examples.common import hparams as hparams_lib
from examples.common import training
from examples.toy2d import data_provider
from examples.toy2d import eval_lib
from examples.toy2d import networks

__all__ = ['HParams', 'discriminator_fn', 'generator_fn', 'train']

_Field = hparams_lib.Field

# The one source of toy2d's defaults (flags, tests and benchmarks read them).
# Shared by every loss (no per-loss tuning), chosen by measurement: see
# examples/README.md.
HParams = hparams_lib.hparams_class('HParams', hparams_lib.common_fields(
    batch_size=256, max_number_of_steps=10000, adam_beta1=0.0, adam_beta2=0.9,
    lr_decay_steps=3000, log_every_n_steps=1000, save_checkpoint_steps=2000,
    save_summaries_steps=500) + (
        _Field('dataset', 'ring', 'Mixture.', choices=data_provider.DATASETS),
        _Field('noise_dims', 2, 'Generator input dimension.', lower_bound=1),
        _Field('generator_hidden', (256, 256, 256),
               'Generator hidden layer sizes.', lower_bound=1),
        _Field('discriminator_hidden', (256, 256, 256),
               'Discriminator hidden layer sizes.', lower_bound=1),
        _Field('activation', 'relu', 'Hidden activation of both networks.',
               choices=('relu', 'leaky_relu')),
        _Field('eval', True, 'Evaluate at the end (--noeval to skip).',
               resumable=True),
        _Field('num_eval_samples', 2500, 'Samples drawn by the eval.',
               lower_bound=1, resumable=True),
    ), module=__name__)


def generator_fn(hparams):
  """The generator network for `hparams` (also used by eval)."""
  return training.wrap_network(
      functools.partial(networks.generator,
                        hidden_units=tuple(hparams.generator_hidden),
                        activation=hparams.activation), hparams)


def discriminator_fn(hparams):
  """The discriminator network for `hparams`."""
  return training.wrap_network(
      functools.partial(networks.discriminator,
                        hidden_units=tuple(hparams.discriminator_hidden),
                        activation=hparams.activation), hparams,
      spectral_norm=hparams.spectral_norm)


def train(hparams):
  """Trains, then (if hparams.eval) evaluates.

  Args:
    hparams: An HParams.

  Returns:
    (metrics dict, plot path) when evaluated, else None.

  Raises:
    ValueError: a field is outside its choices or bounds.
  """
  hparams_lib.validate(hparams)
  with training.graph_for(hparams):
    with tf.name_scope('inputs'):
      real = data_provider.provide_data(hparams.dataset, hparams.batch_size)
      noise = tf.random.normal([hparams.batch_size, hparams.noise_dims])
    gan_model = tfgan.gan_model(
        generator_fn=generator_fn(hparams),
        discriminator_fn=discriminator_fn(hparams),
        real_data=real,
        generator_inputs=noise)
    step = training.train_gan(hparams, gan_model)
  if step is None or not hparams.eval:
    return None
  return eval_lib.evaluate(hparams.train_log_dir, hparams.num_eval_samples,
                           seed=hparams.seed)
