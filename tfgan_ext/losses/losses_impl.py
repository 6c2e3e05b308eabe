# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Argument-style GAN losses that TF-GAN lacks, in TF-GAN's conventions.

Hinge, LSGAN with configurable targets, energy-based (EBGAN) and feature
matching; the relativistic family is in `relativistic_impl`, the penalties
in `penalties_impl`.

Every loss takes its tensors first (named like `tfgan.GANModel` fields, real
before generated), then its hyperparameters, then TF-GAN's standard
arguments, which every loss here documents only by name:

* `weights` (one tensor of values) or `real_weights` and `generated_weights`
  (a real and a generated term): a scalar or a tensor broadcastable to the
  discriminator outputs they weight;
* `scope`: the name scope of the loss's operations;
* `loss_collection`: the collection the loss is added to (None: none);
* `reduction`: a `tf.compat.v1.losses.Reduction` (the returned tensor's shape
  depends on it);
* `add_summaries`: whether to add scalar summaries.

Values are computed in float32 (float16, bfloat16 and float64 inputs are
cast), weighted and reduced by `tf.compat.v1.losses.compute_weighted_loss`,
and the total is added to `loss_collection` once (`_reduction`). Losses work
in graph mode, eagerly and inside `tf.function`, and are finite with finite
gradients for logits of any magnitude. Discriminator losses reduce their
real and generated terms separately, so real and generated batches may
differ in size (same rank and per-example shape), except with
`reduction=NONE`, where the two per-example losses are added elementwise and
must have equal shapes. Every loss raises TypeError for outputs that are not
floating point and ValueError for shapes or weights that do not fit.

`D(.)` below is the discriminator output (a logit, not a probability) and
`E[.]` the weighted reduction chosen by `reduction` (a mean by default).
"""

import tensorflow as tf

from tfgan_ext.losses import _batch_stats
from tfgan_ext.losses import _checks
from tfgan_ext.losses import _reduction

__all__ = [
    'energy_based_discriminator_loss',
    'energy_based_generator_loss',
    'feature_matching_loss',
    'hinge_discriminator_loss',
    'hinge_generator_loss',
    'lsgan_discriminator_loss',
    'lsgan_generator_loss',
    'wasserstein_hinge_generator_loss',
]

_LOSSES = _reduction.LOSSES
_DEFAULT_REDUCTION = _reduction.DEFAULT_REDUCTION


# ------------------------------------------------------------------ hinge ---


def hinge_generator_loss(discriminator_gen_outputs, weights=1.0, scope=None,
                         loss_collection=_LOSSES,
                         reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """Hinge generator loss (the generator half of the hinge GAN).

  See `Spectral Normalization for Generative Adversarial Networks`
  (https://arxiv.org/abs/1802.05957) and `Geometric GAN`
  (https://arxiv.org/abs/1705.02894).

  L_G = -E[D(G(z))]

  Args:
    discriminator_gen_outputs: Discriminator output on generated data, any
      real value.
    weights, scope, loss_collection, reduction, add_summaries: TF-GAN's
      (module docstring).

  Returns:
    The loss, float32.
  """
  return _reduction.generator_outputs_loss(
      'hinge_generator_loss', 'generator_hinge_loss', lambda gen: -gen,
      discriminator_gen_outputs, weights, scope, loss_collection, reduction,
      add_summaries)


def wasserstein_hinge_generator_loss(
    discriminator_gen_outputs, weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """Generator loss paired with `wasserstein_hinge_discriminator_loss`.

  Same value as `hinge_generator_loss` and upstream's
  `wasserstein_generator_loss`; unlike upstream's alias, this is its own
  function, so neither name is changed. See `Spectral Normalization for
  Generative Adversarial Networks` (https://arxiv.org/abs/1802.05957).

  L_G = -E[D(G(z))]

  Args:
    discriminator_gen_outputs: Discriminator output on generated data.
    weights, scope, loss_collection, reduction, add_summaries: TF-GAN's
      (module docstring).

  Returns:
    The loss, float32.
  """
  return _reduction.generator_outputs_loss(
      'wasserstein_hinge_generator_loss', 'generator_wass_hinge_loss',
      lambda gen: -gen, discriminator_gen_outputs, weights, scope,
      loss_collection, reduction, add_summaries)


def hinge_discriminator_loss(
    discriminator_real_outputs, discriminator_gen_outputs, real_margin=1.0,
    generated_margin=1.0, real_weights=1.0, generated_weights=1.0,
    scope=None, loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """Hinge discriminator loss.

  See `Spectral Normalization for Generative Adversarial Networks`
  (https://arxiv.org/abs/1802.05957) and `Geometric GAN`
  (https://arxiv.org/abs/1705.02894).

  L_D = E[max(0, real_margin - D(x))] + E[max(0, generated_margin + D(G(z)))]

  With both margins 1 this equals upstream's
  `wasserstein_hinge_discriminator_loss` at its defaults.

  Args:
    discriminator_real_outputs: Discriminator output on real data.
    discriminator_gen_outputs: Discriminator output on generated data.
    real_margin: Margin for real data (the paper's 1).
    generated_margin: Margin for generated data (the paper's 1).
    real_weights, generated_weights, scope, loss_collection, reduction,
      add_summaries: TF-GAN's (module docstring).

  Returns:
    The loss, float32.
  """
  return _reduction.discriminator_outputs_loss(
      'hinge_discriminator_loss', 'discriminator_hinge_loss',
      lambda real, gen: (tf.nn.relu(real_margin - real),
                         tf.nn.relu(generated_margin + gen)),
      discriminator_real_outputs, discriminator_gen_outputs, real_weights,
      generated_weights, scope, loss_collection, reduction, add_summaries)


# ------------------------------------------------------------------ LSGAN ---


def _half_squared_distance(outputs, target):
  """(outputs - target)^2 / 2, `target` cast to float32."""
  return 0.5 * tf.math.squared_difference(outputs,
                                          tf.cast(target, tf.float32))


def lsgan_generator_loss(discriminator_gen_outputs, generator_target=1.0,
                         weights=1.0, scope=None, loss_collection=_LOSSES,
                         reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """Least-squares GAN generator loss with a configurable target c.

  See `Least Squares Generative Adversarial Networks`
  (https://arxiv.org/abs/1611.04076), equation (2).

  L_G = 1/2 * E[(D(G(z)) - c)^2]

  c is the value the generator wants the discriminator to give its samples:
  1 in the 0-1-1 coding (a=0, b=1, c=1), 0 in the -1-1-0 coding (a=-1, b=1,
  c=0). It is not 0 in the 0-1-1 coding. At c=1 this equals upstream's
  `least_squares_generator_loss`.

  Args:
    discriminator_gen_outputs: Discriminator output on generated data.
    generator_target: c.
    weights, scope, loss_collection, reduction, add_summaries: TF-GAN's
      (module docstring).

  Returns:
    The loss, float32.
  """
  return _reduction.generator_outputs_loss(
      'lsgan_generator_loss', 'generator_lsgan_loss',
      lambda gen: _half_squared_distance(gen, generator_target),
      discriminator_gen_outputs, weights, scope, loss_collection, reduction,
      add_summaries)


def lsgan_discriminator_loss(
    discriminator_real_outputs, discriminator_gen_outputs, real_target=1.0,
    generated_target=0.0, real_weights=1.0, generated_weights=1.0,
    scope=None, loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """Least-squares GAN discriminator loss with configurable targets a and b.

  See `Least Squares Generative Adversarial Networks`
  (https://arxiv.org/abs/1611.04076), equation (2).

  L_D = 1/2 * E[(D(x) - b)^2] + 1/2 * E[(D(G(z)) - a)^2]

  b = `real_target`, a = `generated_target`: 0-1-1 coding a=0, b=1 (the
  default, equal to upstream's `least_squares_discriminator_loss`); -1-1-0
  coding a=-1, b=1.

  Args:
    discriminator_real_outputs: Discriminator output on real data.
    discriminator_gen_outputs: Discriminator output on generated data.
    real_target: b.
    generated_target: a.
    real_weights, generated_weights, scope, loss_collection, reduction,
      add_summaries: TF-GAN's (module docstring).

  Returns:
    The loss, float32.
  """
  return _reduction.discriminator_outputs_loss(
      'lsgan_discriminator_loss', 'discriminator_lsgan_loss',
      lambda real, gen: (_half_squared_distance(real, real_target),
                         _half_squared_distance(gen, generated_target)),
      discriminator_real_outputs, discriminator_gen_outputs, real_weights,
      generated_weights, scope, loss_collection, reduction, add_summaries)


# ------------------------------------------------------------ energy-based ---


def energy_based_generator_loss(
    discriminator_gen_outputs, weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
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
    weights, scope, loss_collection, reduction, add_summaries: TF-GAN's
      (module docstring).

  Returns:
    The loss, float32.
  """
  return _reduction.generator_outputs_loss(
      'energy_based_generator_loss', 'generator_energy_based_loss',
      lambda energy: energy, discriminator_gen_outputs, weights, scope,
      loss_collection, reduction, add_summaries)


def energy_based_discriminator_loss(
    discriminator_real_outputs, discriminator_gen_outputs, margin=1.0,
    real_weights=1.0, generated_weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
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
    real_weights, generated_weights, scope, loss_collection, reduction,
      add_summaries: TF-GAN's (module docstring).

  Returns:
    The loss, float32.
  """
  return _reduction.discriminator_outputs_loss(
      'energy_based_discriminator_loss', 'discriminator_energy_based_loss',
      lambda real, gen: (real, tf.nn.relu(margin - gen)),
      discriminator_real_outputs, discriminator_gen_outputs, real_weights,
      generated_weights, scope, loss_collection, reduction, add_summaries)


# -------------------------------------------------------- feature matching ---


def _flatten_per_example(features, name):
  rank = features.shape.rank
  if rank is None or rank < 2:
    raise ValueError(
        '`%s` must have a batch dimension and at least one feature dimension '
        '(rank >= 2), got shape %s.' % (name, features.shape))
  if rank == 2:
    return features
  return tf.reshape(features, [tf.shape(features)[0], -1])


def feature_matching_loss(real_features, generated_features, weights=1.0,
                          scope=None, loss_collection=_LOSSES,
                          reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """Feature matching loss for the generator.

  See `Improved Techniques for Training GANs`
  (https://arxiv.org/abs/1606.03498), section 3.1.

  L = E_k[(mean_i f_k(x_i) - mean_j f_k(G(z_j)))^2]

  f is an intermediate discriminator layer; features of rank > 2 are
  flattened per example, k runs over the flattened feature dimensions and
  E_k is the weighted reduction over them (`weights` and `reduction` act on
  the per-feature squared differences, so `reduction=NONE` returns one value
  per feature). Real and generated batches may differ in size, whatever the
  reduction. The means are over the global batch under tf.distribute
  (`_batch_stats`).

  Args:
    real_features: Features of real data, shape [batch, ...].
    generated_features: Features of generated data, shape [batch', ...].
    weights: Scalar or tensor broadcastable to [num_features].
    scope, loss_collection, reduction, add_summaries: TF-GAN's (module
      docstring).

  Returns:
    The loss, float32.

  Raises:
    ValueError: also if the features have rank < 2 or different per-example
      shapes.
  """
  with tf.compat.v1.name_scope(scope, 'feature_matching_loss',
                               (real_features, generated_features)) as scope:
    real = _checks.to_float32(real_features, 'real_features')
    gen = _checks.to_float32(generated_features, 'generated_features')
    _checks.check_pair(real, 'real_features', gen, 'generated_features',
                       _checks.BATCH_REDUCED_FIRST, reduction)
    real = _flatten_per_example(real, 'real_features')
    gen = _flatten_per_example(gen, 'generated_features')
    values = tf.math.squared_difference(_batch_stats.batch_mean(real, axis=0),
                                        _batch_stats.batch_mean(gen, axis=0))
    return _reduction.reduce_loss(
        values, weights, scope, loss_collection, reduction, add_summaries,
        'feature_matching_loss', 'the per-feature loss')
