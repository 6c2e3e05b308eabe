# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Relativistic average GAN losses (standard, least-squares and hinge).

See `The relativistic discriminator: a key element missing from standard GAN`
(https://arxiv.org/abs/1807.00734). With

  D_ra(x) = D(x) - mean D(G(z)),   D_ra(G(z)) = D(G(z)) - mean D(x)

(unweighted means of the global batch: over all replicas' examples under
tf.distribute, see `_batch_stats`), each variant applies a base loss to D_ra
of the real and of the generated batch. Weights and `reduction` act on those
per-example terms, which are reduced separately, so the real and generated
batches may differ in size. Conventions as in `losses_impl`.
"""

import tensorflow as tf

from tfgan_ext.losses import _batch_stats
from tfgan_ext.losses import _catalog
from tfgan_ext.losses import _weighted

__all__ = [
    'relativistic_discriminator_loss',
    'relativistic_generator_loss',
    'relativistic_hinge_discriminator_loss',
    'relativistic_hinge_generator_loss',
    'relativistic_lsgan_discriminator_loss',
    'relativistic_lsgan_generator_loss',
]


def _relative_logits(real, gen):
  return (real - _batch_stats.batch_mean(gen),
          gen - _batch_stats.batch_mean(real))


def _sigmoid_xent(logits, label):
  return tf.nn.sigmoid_cross_entropy_with_logits(
      labels=tf.fill(tf.shape(logits), label), logits=logits)


@_catalog.declare(_catalog.DISCRIMINATOR, 'relativistic',
                  upstream='relativistic_discriminator_loss')
@_weighted.real_and_generated_terms('discriminator_relativistic_loss')
def relativistic_discriminator_loss(discriminator_real_outputs,
    discriminator_gen_outputs):
  """Relativistic average (RaSGAN) discriminator loss.

  See `The relativistic discriminator: a key element missing from standard
  GAN` (https://arxiv.org/abs/1807.00734).

  L_D = -E[log sigmoid(D_ra(x))] - E[log(1 - sigmoid(D_ra(G(z))))]
  with D_ra(x) = D(x) - mean D(G(z)), D_ra(G(z)) = D(G(z)) - mean D(x).

  Same value as upstream's `relativistic_discriminator_loss` at the default
  weights and reduction, and it also takes weights, `reduction`,
  `loss_collection` and `add_summaries` (so `tfgan.gan_loss` can use it).

  Args:
    discriminator_real_outputs: Discriminator output on real data.
    discriminator_gen_outputs: Discriminator output on generated data.
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
  real_ra, gen_ra = _relative_logits(discriminator_real_outputs,
                                     discriminator_gen_outputs)
  return _sigmoid_xent(real_ra, 1.0), _sigmoid_xent(gen_ra, 0.0)


@_catalog.declare(_catalog.GENERATOR, 'relativistic',
                  upstream='relativistic_generator_loss')
@_weighted.real_and_generated_terms('generator_relativistic_loss')
def relativistic_generator_loss(discriminator_real_outputs,
    discriminator_gen_outputs):
  """Relativistic average (RaSGAN) generator loss.

  See `The relativistic discriminator: a key element missing from standard
  GAN` (https://arxiv.org/abs/1807.00734).

  L_G = -E[log sigmoid(D_ra(G(z)))] - E[log(1 - sigmoid(D_ra(x)))]
  with D_ra as in `relativistic_discriminator_loss`.

  Same value as upstream's `relativistic_generator_loss` at the default
  weights and reduction, and it also takes weights, `reduction`,
  `loss_collection` and `add_summaries`.

  Args:
    discriminator_real_outputs: Discriminator output on real data.
    discriminator_gen_outputs: Discriminator output on generated data.
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
  real_ra, gen_ra = _relative_logits(discriminator_real_outputs,
                                     discriminator_gen_outputs)
  return _sigmoid_xent(real_ra, 0.0), _sigmoid_xent(gen_ra, 1.0)


@_catalog.declare(_catalog.DISCRIMINATOR, 'relativistic_lsgan')
@_weighted.real_and_generated_terms('discriminator_relativistic_lsgan_loss')
def relativistic_lsgan_discriminator_loss(discriminator_real_outputs,
    discriminator_gen_outputs):
  """Relativistic average least-squares (RaLSGAN) discriminator loss.

  See `The relativistic discriminator: a key element missing from standard
  GAN` (https://arxiv.org/abs/1807.00734), RaLSGAN (no 1/2 factors, as in the
  paper).

  L_D = E[(D_ra(x) - 1)^2] + E[(D_ra(G(z)) + 1)^2]
  with D_ra as in `relativistic_discriminator_loss`.

  Args:
    discriminator_real_outputs: Discriminator output on real data.
    discriminator_gen_outputs: Discriminator output on generated data.
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
  real_ra, gen_ra = _relative_logits(discriminator_real_outputs,
                                     discriminator_gen_outputs)
  return tf.square(real_ra - 1.0), tf.square(gen_ra + 1.0)


@_catalog.declare(_catalog.GENERATOR, 'relativistic_lsgan')
@_weighted.real_and_generated_terms('generator_relativistic_lsgan_loss')
def relativistic_lsgan_generator_loss(discriminator_real_outputs,
    discriminator_gen_outputs):
  """Relativistic average least-squares (RaLSGAN) generator loss.

  See `The relativistic discriminator: a key element missing from standard
  GAN` (https://arxiv.org/abs/1807.00734).

  L_G = E[(D_ra(G(z)) - 1)^2] + E[(D_ra(x) + 1)^2]

  Args:
    discriminator_real_outputs: Discriminator output on real data.
    discriminator_gen_outputs: Discriminator output on generated data.
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
  real_ra, gen_ra = _relative_logits(discriminator_real_outputs,
                                     discriminator_gen_outputs)
  return tf.square(real_ra + 1.0), tf.square(gen_ra - 1.0)


@_catalog.declare(_catalog.DISCRIMINATOR, 'relativistic_hinge')
@_weighted.real_and_generated_terms('discriminator_relativistic_hinge_loss')
def relativistic_hinge_discriminator_loss(discriminator_real_outputs,
    discriminator_gen_outputs):
  """Relativistic average hinge (RaHingeGAN) discriminator loss.

  See `The relativistic discriminator: a key element missing from standard
  GAN` (https://arxiv.org/abs/1807.00734).

  L_D = E[max(0, 1 - D_ra(x))] + E[max(0, 1 + D_ra(G(z)))]

  Args:
    discriminator_real_outputs: Discriminator output on real data.
    discriminator_gen_outputs: Discriminator output on generated data.
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
  real_ra, gen_ra = _relative_logits(discriminator_real_outputs,
                                     discriminator_gen_outputs)
  return tf.nn.relu(1.0 - real_ra), tf.nn.relu(1.0 + gen_ra)


@_catalog.declare(_catalog.GENERATOR, 'relativistic_hinge')
@_weighted.real_and_generated_terms('generator_relativistic_hinge_loss')
def relativistic_hinge_generator_loss(discriminator_real_outputs,
    discriminator_gen_outputs):
  """Relativistic average hinge (RaHingeGAN) generator loss.

  See `The relativistic discriminator: a key element missing from standard
  GAN` (https://arxiv.org/abs/1807.00734).

  L_G = E[max(0, 1 - D_ra(G(z)))] + E[max(0, 1 + D_ra(x))]

  Args:
    discriminator_real_outputs: Discriminator output on real data.
    discriminator_gen_outputs: Discriminator output on generated data.
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
  real_ra, gen_ra = _relative_logits(discriminator_real_outputs,
                                     discriminator_gen_outputs)
  return tf.nn.relu(1.0 + real_ra), tf.nn.relu(1.0 - gen_ra)


@_catalog.declare(_catalog.DISCRIMINATOR, 'relativistic_pairing',
                  aliases=('rpgan',))
@_weighted.single_term('discriminator_relativistic_pairing_loss',
                       'the per-pair loss')
def relativistic_pairing_discriminator_loss(discriminator_real_outputs,
                                            discriminator_gen_outputs):
  """Relativistic pairing (RpGAN, RSGAN) discriminator loss.

  See `The relativistic discriminator: a key element missing from standard
  GAN` (https://arxiv.org/abs/1807.00734), RSGAN, and `The GAN is dead; long
  live the GAN! A Modern GAN Baseline` (https://arxiv.org/abs/2501.05441),
  which pairs it with R1 and R2 (R3GAN) for local convergence.

  L_D = E_i[-log sigmoid(D(x_i) - D(G(z_i)))]
      = E_i[softplus(D(G(z_i)) - D(x_i))]

  Each real example is paired with the generated example at the same batch
  position, so the batches must have equal shapes; no batch statistic is
  involved (the loss is the same per pair on any number of replicas).

  Args:
    discriminator_real_outputs: Discriminator output on real data.
    discriminator_gen_outputs: Discriminator output on generated data, the
      same shape.
    weights: Scalar or tensor broadcastable to the outputs (one weight per
      pair).
    scope: Name scope of the loss's operations.
    loss_collection: Collection the loss is added to (None: none).
    reduction: A `tf.compat.v1.losses.Reduction`.
    add_summaries: Whether to add scalar summaries.

  Returns:
    A float32 loss tensor; its shape depends on `reduction`.

  Raises:
    TypeError: if the outputs are not floating point.
    ValueError: if the outputs' shapes differ, or weights cannot be
      broadcast.
  """
  return tf.nn.softplus(discriminator_gen_outputs - discriminator_real_outputs)


@_catalog.declare(_catalog.GENERATOR, 'relativistic_pairing')
@_weighted.single_term('generator_relativistic_pairing_loss',
                       'the per-pair loss')
def relativistic_pairing_generator_loss(discriminator_real_outputs,
                                        discriminator_gen_outputs):
  """Relativistic pairing (RpGAN, RSGAN) generator loss.

  See `The relativistic discriminator: a key element missing from standard
  GAN` (https://arxiv.org/abs/1807.00734), RSGAN, and `The GAN is dead; long
  live the GAN! A Modern GAN Baseline` (https://arxiv.org/abs/2501.05441).

  L_G = E_i[softplus(D(x_i) - D(G(z_i)))]

  Args:
    discriminator_real_outputs: Discriminator output on real data.
    discriminator_gen_outputs: Discriminator output on generated data, the
      same shape.
    weights: Scalar or tensor broadcastable to the outputs (one weight per
      pair).
    scope: Name scope of the loss's operations.
    loss_collection: Collection the loss is added to (None: none).
    reduction: A `tf.compat.v1.losses.Reduction`.
    add_summaries: Whether to add scalar summaries.

  Returns:
    A float32 loss tensor; its shape depends on `reduction`.

  Raises:
    TypeError: if the outputs are not floating point.
    ValueError: if the outputs' shapes differ, or weights cannot be
      broadcast.
  """
  return tf.nn.softplus(discriminator_real_outputs - discriminator_gen_outputs)
