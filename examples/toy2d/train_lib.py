# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Trains an MLP GAN on a 2D mixture of Gaussians (ring or grid).

`train(hparams)` is TF-GAN's loop written out: `tfgan.gan_model`,
`tfgan.gan_loss` with the loss pair and penalty named by the flags (and
top-k training and zCR, `examples.common.regularizers`),
`tfgan.gan_train_ops` and `tfgan.gan_train` (through
`examples.common.training`, which adds the run's optimizers, checkpoints,
progress and NaN checks), then the evaluation.
"""

import tensorflow as tf
import tensorflow_gan as tfgan

import tfgan_ext
from examples.common import fields
from examples.common import hparams as hparams_lib
from examples.common import regularizers
from examples.common import training
from examples.toy2d import data_provider
from examples.toy2d import eval_lib
from examples.toy2d import networks

__all__ = ['HParams', 'TASK', 'train']

TASK = 'toy2d'  # The presets' name for this example.

_Field = hparams_lib.Field

# The one source of toy2d's defaults (flags, tests and benchmarks read them).
# Shared by every loss (no per-loss tuning), chosen by measurement: see
# docs/trainers.md.
HParams = hparams_lib.hparams_class('HParams', fields.common_fields(
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


def train(hparams):
  """Trains, then (if hparams.eval) evaluates.

  Args:
    hparams: An HParams.

  Returns:
    The eval metrics (`eval_lib.evaluate`) when evaluated, else None.

  Raises:
    ValueError: a field is outside its choices or bounds.
    training.NonFiniteLossError: a loss went NaN or infinite.
    training.RunMismatchError: train_log_dir holds another run.
  """
  hparams_lib.validate(hparams)
  pair = tfgan_ext.losses.get(hparams.gan_loss)
  # Top-k and zCR (raises for a loss top-k cannot restrict).
  generator_loss_fn = regularizers.generator_loss_fn(hparams,
                                                     pair.generator_loss_fn)
  with training.graph_for(hparams):
    with tf.name_scope('inputs'):
      real = data_provider.provide_data(hparams.dataset, hparams.batch_size)
      noise = tf.random.normal([hparams.batch_size, hparams.noise_dims])
    gan_model = tfgan.gan_model(
        generator_fn=networks.generator_fn(hparams),
        discriminator_fn=networks.discriminator_fn(hparams),
        real_data=real,
        generator_inputs=noise)
    with tf.name_scope('loss'):
      gan_loss = tfgan.gan_loss(
          gan_model,
          generator_loss_fn=generator_loss_fn,
          discriminator_loss_fn=regularizers.discriminator_loss_fn(
              hparams, tfgan_ext.losses.with_penalty(
                  pair.discriminator_loss_fn, hparams.penalty,
                  hparams.penalty_weight, hparams.penalty_every)),
          add_summaries=True)
    train_ops = training.gan_train_ops(hparams, gan_model, gan_loss)
    step = training.gan_train(hparams, train_ops)
  if step is None or not hparams.eval:
    return None
  return eval_lib.evaluate(hparams, hparams.num_eval_samples,
                           seed=hparams.seed)
