# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The hyperparameters every example has, declared once (`COMMON_FIELDS`).

An example builds its `HParams` from `common_fields(...)`, which replaces
some defaults with the example's own, plus its own fields
(`examples.common.hparams` says how a field becomes a flag).
"""

import dataclasses

import tfgan_ext
from examples.common import hparams

__all__ = ['COMMON_FIELDS', 'common_fields']

_Field = hparams.Field

COMMON_FIELDS = (
    _Field('gan_loss', 'non_saturating', 'GAN loss pair, by registry name.',
           choices=tfgan_ext.losses.names(include_aliases=True)),
    _Field('penalty', tfgan_ext.losses.NO_PENALTY,
           'Discriminator penalty added to the discriminator loss.',
           choices=(tfgan_ext.losses.NO_PENALTY,) +
           tfgan_ext.losses.penalty_names(include_aliases=True)),
    _Field('penalty_weight', 10.0, 'Weight of --penalty.'),
    _Field('penalty_every', 1, 'Lazy regularization: apply --penalty every '
           'this many discriminator steps (weight scaled to match).',
           lower_bound=1),
    _Field('spectral_norm', False, 'Spectrally normalize the discriminator '
           'weights (tfgan.features.spectral_normalization_custom_getter).'),
    _Field('weight_clip', 0.0, 'If > 0, clip discriminator weights to [-c, c] '
           'after each update (WGAN; '
           'tfgan.features.clip_discriminator_weights).', lower_bound=0.0),
    _Field('batch_size', 64, 'Batch size.', lower_bound=1),
    _Field('max_number_of_steps', 1000, 'Train until the global step reaches '
           'this (a resumed run continues up to it).', lower_bound=0,
           resumable=True),
    _Field('train_log_dir', None, 'Checkpoints, TensorBoard summaries and eval '
           'output.', required=True, resumable=True),
    _Field('generator_lr', 2e-4, 'Generator Adam learning rate.'),
    _Field('discriminator_lr', 2e-4, 'Discriminator Adam learning rate.'),
    _Field('adam_beta1', 0.5, 'Adam beta1.'),
    _Field('adam_beta2', 0.999, 'Adam beta2.'),
    _Field('lr_decay_steps', 0, 'If > 0, both learning rates decay linearly to '
           '0 over the last this many steps.', lower_bound=0),
    _Field('seed', 0, 'Seed for TensorFlow ops and the data pipeline.'),
    _Field('log_every_n_steps', 500, 'Log step, steps/s and losses this '
           'often.', lower_bound=1, resumable=True),
    _Field('save_checkpoint_steps', 1000, 'Write a checkpoint this often (and '
           'at the end).', lower_bound=1, resumable=True),
    _Field('save_summaries_steps', 100, 'Write TensorBoard summaries this '
           'often.', lower_bound=1, resumable=True),
    _Field('mixed_precision', False, 'Compute the networks in float16 '
           '(variables, losses and optimizer state stay float32; dynamic loss '
           'scaling). Pays off on GPUs with tensor cores.'),
    _Field('xla', False, 'Compile the networks with XLA (jit scopes) and turn '
           'on XLA auto-clustering in the session.', resumable=True),
    _Field('generator_train_steps', 1, 'Generator updates per global step '
           '(tfgan.GANTrainSteps).', lower_bound=1),
    _Field('discriminator_train_steps', 1, 'Discriminator updates per global '
           "step, after the generator's (tfgan.GANTrainSteps; WGAN-GP's "
           'n_critic = 5). Each update draws a new batch; '
           '--max_number_of_steps counts global (generator) steps.',
           lower_bound=1),
    _Field('generator_ema', 0.0, 'If > 0, the decay of a moving average of the '
           "generator's weights (e.g. 0.999); eval then reports the raw and "
           'the averaged generator from the same checkpoint.', lower_bound=0.0,
           upper_bound=0.999999),
    _Field('generator_ema_start', 0, 'Generator updates during which the '
           'average copies the weights (0: it starts from the first update).',
           lower_bound=0),
    _Field('top_k_epoch_steps', 0, 'If > 0, top-k training (Sinha et al. '
           '2020): the generator loss keeps the share max(gamma^epoch, nu) of '
           'the batch that D rates best, epoch = global step // this.',
           lower_bound=0),
    _Field('top_k_gamma', 0.99, "Top-k's decay per epoch (the paper's).",
           lower_bound=1e-6, upper_bound=1.0),
    _Field('top_k_nu', 0.5, "Top-k's smallest share kept (the paper's).",
           lower_bound=1e-6, upper_bound=1.0),
    _Field('zcr_weight', 0.0, 'If > 0, latent consistency regularization '
           '(zCR, Zhao et al. 2021; the paper: 5): this times '
           'E||D(G(z)) - D(G(z + dz))||^2 in the discriminator loss.',
           lower_bound=0.0),
    _Field('zcr_generator_weight', 0.5, "With --zcr_weight: this times zCR's "
           'generator term -E||G(z) - G(z + dz)||^2 (the paper: 0.5).',
           lower_bound=0.0),
    _Field('zcr_stddev', 0.03, "zCR's dz standard deviation (the paper's).",
           lower_bound=1e-6),
)


def common_fields(**defaults):
  """`COMMON_FIELDS` with some defaults replaced (an example's own defaults).

  Raises:
    ValueError: a keyword is not a common field (the message lists them), or
      a default is outside the field's choices or bounds.
  """
  unknown = sorted(set(defaults) - {f.name for f in COMMON_FIELDS})
  if unknown:
    raise ValueError('No field named %s; the fields are: %s' % (
        ', '.join(unknown), ', '.join(f.name for f in COMMON_FIELDS)))
  return tuple(dataclasses.replace(f, default=defaults[f.name])
                if f.name in defaults else f for f in COMMON_FIELDS)
