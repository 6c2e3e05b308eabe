# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Relativistic GAN losses: average (standard, least-squares, hinge), pairing.

See `The relativistic discriminator: a key element missing from standard GAN`
(https://arxiv.org/abs/1807.00734). The average variants compare each
output with the mean output on the other batch,

  D_ra(x) = D(x) - mean D(G(z)),   D_ra(G(z)) = D(G(z)) - mean D(x)

(unweighted means of the global batch: over all replicas' examples under
tf.distribute, see `_batch_stats`), and apply a base loss to D_ra of the real
and of the generated batch. Weights and `reduction` act on those per-example
terms, which are reduced separately, so the real and generated batches may
differ in size (but for `reduction=NONE`). The pairing variant compares the
real and generated examples at the same batch position. Conventions as in
`losses_impl`.

Every loss here takes `discriminator_real_outputs` and
`discriminator_gen_outputs` (D's outputs on real and on generated data),
then the weights (the average losses: `real_weights` and
`generated_weights`, for the terms of D_ra(x) and of D_ra(G(z)); the pairing
losses: `weights`, one per pair) and TF-GAN's `scope`, `loss_collection`,
`reduction` and `add_summaries` (`losses_impl`'s module docstring), and
returns the loss, float32. It raises TypeError if an output is not floating
point, and ValueError if the outputs' shapes do not fit (see each loss) or
weights cannot be broadcast to them.
"""

import tensorflow as tf

from tfgan_ext.losses import _batch_stats
from tfgan_ext.losses import _checks
from tfgan_ext.losses import _reduction

__all__ = [
    'relativistic_discriminator_loss',
    'relativistic_generator_loss',
    'relativistic_hinge_discriminator_loss',
    'relativistic_hinge_generator_loss',
    'relativistic_lsgan_discriminator_loss',
    'relativistic_lsgan_generator_loss',
    'relativistic_pairing_discriminator_loss',
    'relativistic_pairing_generator_loss',
]

_LOSSES = _reduction.LOSSES
_DEFAULT_REDUCTION = _reduction.DEFAULT_REDUCTION


def _relative_logits(real, gen):
  """(D_ra(x), D_ra(G(z))) from float32 outputs."""
  return (real - _batch_stats.batch_mean(gen),
          gen - _batch_stats.batch_mean(real))


def _sigmoid_xent(logits, label):
  return tf.nn.sigmoid_cross_entropy_with_logits(
      labels=tf.fill(tf.shape(logits), label), logits=logits)


def _average(name, summary_name, real_term_fn, generated_term_fn, real, gen,
             real_weights, generated_weights, scope, loss_collection,
             reduction, add_summaries):
  """A relativistic average loss: base losses of D_ra, reduced separately."""
  def terms(real, gen):
    real_ra, gen_ra = _relative_logits(real, gen)
    return real_term_fn(real_ra), generated_term_fn(gen_ra)
  return _reduction.discriminator_outputs_loss(
      name, summary_name, terms, real, gen, real_weights, generated_weights,
      scope, loss_collection, reduction, add_summaries)


def relativistic_discriminator_loss(
    discriminator_real_outputs, discriminator_gen_outputs, real_weights=1.0,
    generated_weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """Relativistic average standard GAN (RaSGAN) discriminator loss.

  See `The relativistic discriminator: a key element missing from standard
  GAN` (https://arxiv.org/abs/1807.00734).

  L_D = -E[log sigmoid(D_ra(x))] - E[log(1 - sigmoid(D_ra(G(z))))]

  Same value as upstream's `relativistic_discriminator_loss` at the default
  weights and reduction; unlike it, takes weights, `reduction`,
  `loss_collection` and `add_summaries` (so `tfgan.gan_loss` can use it).

  Args:
    discriminator_real_outputs, discriminator_gen_outputs, real_weights,
      generated_weights, scope, loss_collection, reduction, add_summaries:
      see the module docstring.

  Returns:
    The loss, float32.
  """
  return _average(
      'relativistic_discriminator_loss', 'discriminator_relativistic_loss',
      lambda real_ra: _sigmoid_xent(real_ra, 1.0),
      lambda gen_ra: _sigmoid_xent(gen_ra, 0.0),
      discriminator_real_outputs, discriminator_gen_outputs, real_weights,
      generated_weights, scope, loss_collection, reduction, add_summaries)


def relativistic_generator_loss(
    discriminator_real_outputs, discriminator_gen_outputs, real_weights=1.0,
    generated_weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """Relativistic average standard GAN (RaSGAN) generator loss.

  See `The relativistic discriminator: a key element missing from standard
  GAN` (https://arxiv.org/abs/1807.00734).

  L_G = -E[log sigmoid(D_ra(G(z)))] - E[log(1 - sigmoid(D_ra(x)))]

  Same value as upstream's `relativistic_generator_loss` at the default
  weights and reduction; unlike it, takes weights, `reduction`,
  `loss_collection` and `add_summaries`.

  Args:
    discriminator_real_outputs, discriminator_gen_outputs, real_weights,
      generated_weights, scope, loss_collection, reduction, add_summaries:
      see the module docstring.

  Returns:
    The loss, float32.
  """
  return _average(
      'relativistic_generator_loss', 'generator_relativistic_loss',
      lambda real_ra: _sigmoid_xent(real_ra, 0.0),
      lambda gen_ra: _sigmoid_xent(gen_ra, 1.0),
      discriminator_real_outputs, discriminator_gen_outputs, real_weights,
      generated_weights, scope, loss_collection, reduction, add_summaries)


def relativistic_lsgan_discriminator_loss(
    discriminator_real_outputs, discriminator_gen_outputs, real_weights=1.0,
    generated_weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """Relativistic average least-squares (RaLSGAN) discriminator loss.

  See `The relativistic discriminator: a key element missing from standard
  GAN` (https://arxiv.org/abs/1807.00734); no 1/2 factors, as in the paper.

  L_D = E[(D_ra(x) - 1)^2] + E[(D_ra(G(z)) + 1)^2]

  Args:
    discriminator_real_outputs, discriminator_gen_outputs, real_weights,
      generated_weights, scope, loss_collection, reduction, add_summaries:
      see the module docstring.

  Returns:
    The loss, float32.
  """
  return _average(
      'relativistic_lsgan_discriminator_loss',
      'discriminator_relativistic_lsgan_loss',
      lambda real_ra: tf.square(real_ra - 1.0),
      lambda gen_ra: tf.square(gen_ra + 1.0),
      discriminator_real_outputs, discriminator_gen_outputs, real_weights,
      generated_weights, scope, loss_collection, reduction, add_summaries)


def relativistic_lsgan_generator_loss(
    discriminator_real_outputs, discriminator_gen_outputs, real_weights=1.0,
    generated_weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """Relativistic average least-squares (RaLSGAN) generator loss.

  See `The relativistic discriminator: a key element missing from standard
  GAN` (https://arxiv.org/abs/1807.00734).

  L_G = E[(D_ra(G(z)) - 1)^2] + E[(D_ra(x) + 1)^2]

  Args:
    discriminator_real_outputs, discriminator_gen_outputs, real_weights,
      generated_weights, scope, loss_collection, reduction, add_summaries:
      see the module docstring.

  Returns:
    The loss, float32.
  """
  return _average(
      'relativistic_lsgan_generator_loss',
      'generator_relativistic_lsgan_loss',
      lambda real_ra: tf.square(real_ra + 1.0),
      lambda gen_ra: tf.square(gen_ra - 1.0),
      discriminator_real_outputs, discriminator_gen_outputs, real_weights,
      generated_weights, scope, loss_collection, reduction, add_summaries)


def relativistic_hinge_discriminator_loss(
    discriminator_real_outputs, discriminator_gen_outputs, real_weights=1.0,
    generated_weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """Relativistic average hinge (RaHingeGAN) discriminator loss.

  See `The relativistic discriminator: a key element missing from standard
  GAN` (https://arxiv.org/abs/1807.00734).

  L_D = E[max(0, 1 - D_ra(x))] + E[max(0, 1 + D_ra(G(z)))]

  Args:
    discriminator_real_outputs, discriminator_gen_outputs, real_weights,
      generated_weights, scope, loss_collection, reduction, add_summaries:
      see the module docstring.

  Returns:
    The loss, float32.
  """
  return _average(
      'relativistic_hinge_discriminator_loss',
      'discriminator_relativistic_hinge_loss',
      lambda real_ra: tf.nn.relu(1.0 - real_ra),
      lambda gen_ra: tf.nn.relu(1.0 + gen_ra),
      discriminator_real_outputs, discriminator_gen_outputs, real_weights,
      generated_weights, scope, loss_collection, reduction, add_summaries)


def relativistic_hinge_generator_loss(
    discriminator_real_outputs, discriminator_gen_outputs, real_weights=1.0,
    generated_weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """Relativistic average hinge (RaHingeGAN) generator loss.

  See `The relativistic discriminator: a key element missing from standard
  GAN` (https://arxiv.org/abs/1807.00734).

  L_G = E[max(0, 1 - D_ra(G(z)))] + E[max(0, 1 + D_ra(x))]

  Args:
    discriminator_real_outputs, discriminator_gen_outputs, real_weights,
      generated_weights, scope, loss_collection, reduction, add_summaries:
      see the module docstring.

  Returns:
    The loss, float32.
  """
  return _average(
      'relativistic_hinge_generator_loss',
      'generator_relativistic_hinge_loss',
      lambda real_ra: tf.nn.relu(1.0 + real_ra),
      lambda gen_ra: tf.nn.relu(1.0 - gen_ra),
      discriminator_real_outputs, discriminator_gen_outputs, real_weights,
      generated_weights, scope, loss_collection, reduction, add_summaries)


def _pairing(name, summary_name, real, gen, weights, scope, loss_collection,
             reduction, add_summaries, sign):
  """softplus(sign * (D(G(z_i)) - D(x_i))) per pair, weighted and reduced."""
  with tf.compat.v1.name_scope(scope, name, (real, gen)) as scope:
    real, gen = _checks.discriminator_outputs(real, gen, reduction,
                                              _checks.EQUAL)
    return _reduction.reduce_loss(
        tf.nn.softplus(sign * (gen - real)), weights, scope, loss_collection,
        reduction, add_summaries, summary_name, 'the per-pair loss')


def relativistic_pairing_discriminator_loss(
    discriminator_real_outputs, discriminator_gen_outputs, weights=1.0,
    scope=None, loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """Relativistic pairing (RpGAN, RSGAN) discriminator loss.

  See `The relativistic discriminator: a key element missing from standard
  GAN` (https://arxiv.org/abs/1807.00734), RSGAN, and `The GAN is dead; long
  live the GAN! A Modern GAN Baseline` (https://arxiv.org/abs/2501.05441),
  which pairs it with R1 and R2 (R3GAN) for local convergence.

  L_D = E_i[-log sigmoid(D(x_i) - D(G(z_i)))] = E_i[softplus(D(G(z_i)) - D(x_i))]

  Each real example is paired with the generated example at the same batch
  position, so the outputs must have equal shapes; no batch statistic is
  involved (the loss is the same per pair on any number of replicas).

  Args:
    discriminator_real_outputs, discriminator_gen_outputs: the same shape.
    weights, scope, loss_collection, reduction, add_summaries: see the module
      docstring.

  Returns:
    The loss, float32.
  """
  return _pairing(
      'relativistic_pairing_discriminator_loss',
      'discriminator_relativistic_pairing_loss', discriminator_real_outputs,
      discriminator_gen_outputs, weights, scope, loss_collection, reduction,
      add_summaries, sign=1.0)


def relativistic_pairing_generator_loss(
    discriminator_real_outputs, discriminator_gen_outputs, weights=1.0,
    scope=None, loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """Relativistic pairing (RpGAN, RSGAN) generator loss.

  See `The relativistic discriminator: a key element missing from standard
  GAN` (https://arxiv.org/abs/1807.00734), RSGAN, and `The GAN is dead; long
  live the GAN! A Modern GAN Baseline` (https://arxiv.org/abs/2501.05441).

  L_G = E_i[softplus(D(x_i) - D(G(z_i)))]

  Args:
    discriminator_real_outputs, discriminator_gen_outputs: the same shape.
    weights, scope, loss_collection, reduction, add_summaries: see the module
      docstring.

  Returns:
    The loss, float32.
  """
  return _pairing(
      'relativistic_pairing_generator_loss',
      'generator_relativistic_pairing_loss', discriminator_real_outputs,
      discriminator_gen_outputs, weights, scope, loss_collection, reduction,
      add_summaries, sign=-1.0)
