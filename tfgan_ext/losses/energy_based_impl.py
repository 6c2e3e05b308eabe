# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Energy-based GAN (EBGAN) losses, argument style.

See `Energy-based Generative Adversarial Network`
(https://arxiv.org/abs/1609.03126). The discriminator is an energy: low on
real data and non-negative (in the paper an autoencoder's reconstruction
error), not a logit. This pair is therefore exported but not in the
`tfgan_ext.losses.names()` registry, whose losses accept any discriminator.
Conventions (weights, reduction, float32) as in `losses_impl`.
"""

import tensorflow as tf

from tfgan_ext.losses import _checks
from tfgan_ext.losses import _reduction

__all__ = [
    'energy_based_discriminator_loss',
    'energy_based_generator_loss',
]

_LOSSES = _reduction.LOSSES
_DEFAULT_REDUCTION = _reduction.DEFAULT_REDUCTION


def energy_based_generator_loss(
    discriminator_gen_outputs,
    weights=1.0,
    scope=None,
    loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """Energy-based GAN (EBGAN) generator loss.

  See `Energy-based Generative Adversarial Network`
  (https://arxiv.org/abs/1609.03126), equation (2).

  L_G = E[D(G(z))]

  Here D is an energy, low on real data and non-negative (in the paper an
  autoencoder's reconstruction error), not a logit: this pair is therefore
  not in the `tfgan_ext.losses.names()` registry, whose losses accept any
  discriminator.

  Args:
    discriminator_gen_outputs: Energy of generated data (>= 0).
    weights: Scalar or tensor broadcastable to `discriminator_gen_outputs`.
    scope: Name scope of the loss's operations.
    loss_collection: Collection the loss is added to (None: none).
    reduction: A `tf.compat.v1.losses.Reduction`.
    add_summaries: Whether to add scalar summaries.

  Returns:
    A float32 loss tensor; its shape depends on `reduction`.

  Raises:
    TypeError: if the outputs are not floating point.
    ValueError: if `weights` cannot be broadcast to the outputs.
  """
  with tf.compat.v1.name_scope(scope, 'energy_based_generator_loss',
                               (discriminator_gen_outputs,)) as scope:
    gen = _checks.to_float32(discriminator_gen_outputs,
                             'discriminator_gen_outputs')
    return _reduction.reduce_loss(
        gen, weights, scope, loss_collection, reduction, add_summaries,
        'generator_energy_based_loss', 'discriminator_gen_outputs')


def energy_based_discriminator_loss(
    discriminator_real_outputs,
    discriminator_gen_outputs,
    margin=1.0,
    real_weights=1.0,
    generated_weights=1.0,
    scope=None,
    loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """Energy-based GAN (EBGAN) discriminator loss.

  See `Energy-based Generative Adversarial Network`
  (https://arxiv.org/abs/1609.03126), equation (1).

  L_D = E[D(x)] + E[max(0, margin - D(G(z)))]

  D is a non-negative energy (see `energy_based_generator_loss`); the margin
  is data-dependent in the paper and needs tuning.

  Args:
    discriminator_real_outputs: Energy of real data (>= 0).
    discriminator_gen_outputs: Energy of generated data (>= 0).
    margin: m, the energy above which generated data is not pushed.
    real_weights: Scalar or tensor broadcastable to
      `discriminator_real_outputs`.
    generated_weights: Scalar or tensor broadcastable to
      `discriminator_gen_outputs`.
    scope: Name scope of the loss's operations.
    loss_collection: Collection the loss is added to (None: none).
    reduction: A `tf.compat.v1.losses.Reduction`.
    add_summaries: Whether to add scalar summaries.

  Returns:
    A float32 loss tensor; its shape depends on `reduction`.

  Raises:
    TypeError: if the outputs are not floating point.
    ValueError: if the outputs' shapes differ other than in batch size (in
      any way with `reduction=NONE`), or weights cannot be broadcast.
  """
  with tf.compat.v1.name_scope(
      scope, 'energy_based_discriminator_loss',
      (discriminator_real_outputs, discriminator_gen_outputs)) as scope:
    real, gen = _checks.discriminator_outputs(
        discriminator_real_outputs, discriminator_gen_outputs, reduction)
    return _reduction.reduce_real_and_generated(
        real, real_weights, tf.nn.relu(margin - gen), generated_weights,
        scope, loss_collection, reduction, add_summaries,
        'discriminator_energy_based_loss')
