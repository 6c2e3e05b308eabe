"""Argument-style GAN losses that TF-GAN lacks, in TF-GAN's conventions.

Every loss takes its tensors first (named like `tfgan.GANModel` fields, real
before generated), then hyperparameters and weights, then `scope`,
`loss_collection`, `reduction`, `add_summaries`. Values are computed in
float32 (float16, bfloat16 and float64 inputs are cast), weighted and reduced
by `tf.compat.v1.losses.compute_weighted_loss`, and the total is added to
`loss_collection` once. Losses work in graph mode, eagerly and inside
`tf.function`, and are finite with finite gradients for logits of any
magnitude.

Discriminator losses reduce their real and generated terms separately, so
real and generated batches may differ in size (same rank and per-example
shape), except with `reduction=NONE`, where the two per-example losses are
added elementwise and must have equal shapes.

`D(.)` below is the discriminator output (a logit, not a probability) and
`E[.]` the weighted reduction chosen by `reduction` (a mean by default).
"""

import tensorflow as tf

from tfgan_ext.losses import _batch_stats
from tfgan_ext.losses import _checks

__all__ = [
    'energy_based_discriminator_loss',
    'energy_based_generator_loss',
    'feature_matching_loss',
    'hinge_discriminator_loss',
    'hinge_generator_loss',
    'lsgan_discriminator_loss',
    'lsgan_generator_loss',
    'relativistic_discriminator_loss',
    'relativistic_generator_loss',
    'relativistic_hinge_discriminator_loss',
    'relativistic_hinge_generator_loss',
    'relativistic_lsgan_discriminator_loss',
    'relativistic_lsgan_generator_loss',
    'wasserstein_hinge_generator_loss',
]

_LOSSES = tf.compat.v1.GraphKeys.LOSSES
_DEFAULT_REDUCTION = tf.compat.v1.losses.Reduction.SUM_BY_NONZERO_WEIGHTS


def _one_sided(values, weights, scope, loss_collection, reduction,
               add_summaries, summary_name):
  """Weights, reduces, collects and summarizes one per-example loss."""
  loss = tf.compat.v1.losses.compute_weighted_loss(
      values, weights, scope, loss_collection=None, reduction=reduction)
  tf.compat.v1.losses.add_loss(loss, loss_collection)
  if add_summaries:
    tf.compat.v1.summary.scalar(summary_name, loss)
  return loss


def _two_sided(real_values, gen_values, real_weights, generated_weights, scope,
               loss_collection, reduction, add_summaries, summary_name):
  """Reduces the real and generated terms separately and adds them."""
  loss_on_real = tf.compat.v1.losses.compute_weighted_loss(
      real_values, real_weights, scope, loss_collection=None,
      reduction=reduction)
  loss_on_generated = tf.compat.v1.losses.compute_weighted_loss(
      gen_values, generated_weights, scope, loss_collection=None,
      reduction=reduction)
  loss = loss_on_real + loss_on_generated
  tf.compat.v1.losses.add_loss(loss, loss_collection)
  if add_summaries:
    tf.compat.v1.summary.scalar(summary_name + '_on_real', loss_on_real)
    tf.compat.v1.summary.scalar(summary_name + '_on_generated',
                                loss_on_generated)
    tf.compat.v1.summary.scalar(summary_name, loss)
  return loss


# ------------------------------------------------------------------ hinge ---


@_checks.checked_loss()
def hinge_generator_loss(
    discriminator_gen_outputs,
    weights=1.0,
    scope=None,
    loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """Hinge generator loss (the generator half of the hinge GAN).

  See `Spectral Normalization for Generative Adversarial Networks`
  (https://arxiv.org/abs/1802.05957) and `Geometric GAN`
  (https://arxiv.org/abs/1705.02894).

  L_G = -E[D(G(z))]

  Args:
    discriminator_gen_outputs: Discriminator output on generated data, any
      real value.
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
  with tf.compat.v1.name_scope(scope, 'hinge_generator_loss',
                               (discriminator_gen_outputs, weights)) as scope:
    return _one_sided(-discriminator_gen_outputs, weights, scope,
                      loss_collection, reduction, add_summaries,
                      'generator_hinge_loss')


@_checks.checked_loss()
def wasserstein_hinge_generator_loss(
    discriminator_gen_outputs,
    weights=1.0,
    scope=None,
    loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """Generator loss paired with `wasserstein_hinge_discriminator_loss`.

  Same value as `hinge_generator_loss` and upstream's
  `wasserstein_generator_loss`; unlike upstream's alias, this is its own
  function, so neither name is changed. See `Spectral Normalization for
  Generative Adversarial Networks` (https://arxiv.org/abs/1802.05957).

  L_G = -E[D(G(z))]

  Args:
    discriminator_gen_outputs: Discriminator output on generated data.
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
  with tf.compat.v1.name_scope(scope, 'wasserstein_hinge_generator_loss',
                               (discriminator_gen_outputs, weights)) as scope:
    return _one_sided(-discriminator_gen_outputs, weights, scope,
                      loss_collection, reduction, add_summaries,
                      'generator_wass_hinge_loss')


@_checks.checked_loss(_checks.SAME_EXCEPT_BATCH)
def hinge_discriminator_loss(
    discriminator_real_outputs,
    discriminator_gen_outputs,
    real_margin=1.0,
    generated_margin=1.0,
    real_weights=1.0,
    generated_weights=1.0,
    scope=None,
    loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION,
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
      scope, 'hinge_discriminator_loss',
      (discriminator_real_outputs, discriminator_gen_outputs, real_weights,
       generated_weights)) as scope:
    return _two_sided(
        tf.nn.relu(real_margin - discriminator_real_outputs),
        tf.nn.relu(generated_margin + discriminator_gen_outputs),
        real_weights, generated_weights, scope, loss_collection, reduction,
        add_summaries, 'discriminator_hinge_loss')


# ------------------------------------------------------------------ LSGAN ---


@_checks.checked_loss()
def lsgan_generator_loss(
    discriminator_gen_outputs,
    generator_target=1.0,
    weights=1.0,
    scope=None,
    loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
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
  with tf.compat.v1.name_scope(scope, 'lsgan_generator_loss',
                               (discriminator_gen_outputs, weights)) as scope:
    values = 0.5 * tf.math.squared_difference(
        discriminator_gen_outputs, tf.cast(generator_target, tf.float32))
    return _one_sided(values, weights, scope, loss_collection, reduction,
                      add_summaries, 'generator_lsgan_loss')


@_checks.checked_loss(_checks.SAME_EXCEPT_BATCH)
def lsgan_discriminator_loss(
    discriminator_real_outputs,
    discriminator_gen_outputs,
    real_target=1.0,
    generated_target=0.0,
    real_weights=1.0,
    generated_weights=1.0,
    scope=None,
    loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION,
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
      scope, 'lsgan_discriminator_loss',
      (discriminator_real_outputs, discriminator_gen_outputs, real_weights,
       generated_weights)) as scope:
    return _two_sided(
        0.5 * tf.math.squared_difference(discriminator_real_outputs,
                                         tf.cast(real_target, tf.float32)),
        0.5 * tf.math.squared_difference(discriminator_gen_outputs,
                                         tf.cast(generated_target, tf.float32)),
        real_weights, generated_weights, scope, loss_collection, reduction,
        add_summaries, 'discriminator_lsgan_loss')


# ----------------------------------------------------------- relativistic ---
#
# Relativistic average GAN (https://arxiv.org/abs/1807.00734). With
#   D_ra(x) = D(x) - mean D(G(z)),   D_ra(G(z)) = D(G(z)) - mean D(x)
# (unweighted means of the global batch), each variant applies a base loss to
# D_ra of the real and of the generated batch. Weights and `reduction` act on
# those per-example terms, which are reduced separately, so the real and
# generated batches may differ in size.


def _relative_logits(real, gen):
  return (real - _batch_stats.batch_mean(gen),
          gen - _batch_stats.batch_mean(real))


def _sigmoid_xent(logits, label):
  return tf.nn.sigmoid_cross_entropy_with_logits(
      labels=tf.fill(tf.shape(logits), label), logits=logits)


@_checks.checked_loss(_checks.SAME_EXCEPT_BATCH)
def relativistic_discriminator_loss(
    discriminator_real_outputs,
    discriminator_gen_outputs,
    real_weights=1.0,
    generated_weights=1.0,
    scope=None,
    loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
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
  with tf.compat.v1.name_scope(
      scope, 'relativistic_discriminator_loss',
      (discriminator_real_outputs, discriminator_gen_outputs)) as scope:
    real_ra, gen_ra = _relative_logits(discriminator_real_outputs,
                                       discriminator_gen_outputs)
    return _two_sided(_sigmoid_xent(real_ra, 1.0), _sigmoid_xent(gen_ra, 0.0),
                      real_weights, generated_weights, scope, loss_collection,
                      reduction, add_summaries,
                      'discriminator_relativistic_loss')


@_checks.checked_loss(_checks.SAME_EXCEPT_BATCH)
def relativistic_generator_loss(
    discriminator_real_outputs,
    discriminator_gen_outputs,
    real_weights=1.0,
    generated_weights=1.0,
    scope=None,
    loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
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
  with tf.compat.v1.name_scope(
      scope, 'relativistic_generator_loss',
      (discriminator_real_outputs, discriminator_gen_outputs)) as scope:
    real_ra, gen_ra = _relative_logits(discriminator_real_outputs,
                                       discriminator_gen_outputs)
    return _two_sided(_sigmoid_xent(real_ra, 0.0), _sigmoid_xent(gen_ra, 1.0),
                      real_weights, generated_weights, scope, loss_collection,
                      reduction, add_summaries, 'generator_relativistic_loss')


@_checks.checked_loss(_checks.SAME_EXCEPT_BATCH)
def relativistic_lsgan_discriminator_loss(
    discriminator_real_outputs,
    discriminator_gen_outputs,
    real_weights=1.0,
    generated_weights=1.0,
    scope=None,
    loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
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
  with tf.compat.v1.name_scope(
      scope, 'relativistic_lsgan_discriminator_loss',
      (discriminator_real_outputs, discriminator_gen_outputs)) as scope:
    real_ra, gen_ra = _relative_logits(discriminator_real_outputs,
                                       discriminator_gen_outputs)
    return _two_sided(tf.square(real_ra - 1.0), tf.square(gen_ra + 1.0),
                      real_weights, generated_weights, scope, loss_collection,
                      reduction, add_summaries,
                      'discriminator_relativistic_lsgan_loss')


@_checks.checked_loss(_checks.SAME_EXCEPT_BATCH)
def relativistic_lsgan_generator_loss(
    discriminator_real_outputs,
    discriminator_gen_outputs,
    real_weights=1.0,
    generated_weights=1.0,
    scope=None,
    loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
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
  with tf.compat.v1.name_scope(
      scope, 'relativistic_lsgan_generator_loss',
      (discriminator_real_outputs, discriminator_gen_outputs)) as scope:
    real_ra, gen_ra = _relative_logits(discriminator_real_outputs,
                                       discriminator_gen_outputs)
    return _two_sided(tf.square(real_ra + 1.0), tf.square(gen_ra - 1.0),
                      real_weights, generated_weights, scope, loss_collection,
                      reduction, add_summaries,
                      'generator_relativistic_lsgan_loss')


@_checks.checked_loss(_checks.SAME_EXCEPT_BATCH)
def relativistic_hinge_discriminator_loss(
    discriminator_real_outputs,
    discriminator_gen_outputs,
    real_weights=1.0,
    generated_weights=1.0,
    scope=None,
    loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
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
  with tf.compat.v1.name_scope(
      scope, 'relativistic_hinge_discriminator_loss',
      (discriminator_real_outputs, discriminator_gen_outputs)) as scope:
    real_ra, gen_ra = _relative_logits(discriminator_real_outputs,
                                       discriminator_gen_outputs)
    return _two_sided(tf.nn.relu(1.0 - real_ra), tf.nn.relu(1.0 + gen_ra),
                      real_weights, generated_weights, scope, loss_collection,
                      reduction, add_summaries,
                      'discriminator_relativistic_hinge_loss')


@_checks.checked_loss(_checks.SAME_EXCEPT_BATCH)
def relativistic_hinge_generator_loss(
    discriminator_real_outputs,
    discriminator_gen_outputs,
    real_weights=1.0,
    generated_weights=1.0,
    scope=None,
    loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
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
  with tf.compat.v1.name_scope(
      scope, 'relativistic_hinge_generator_loss',
      (discriminator_real_outputs, discriminator_gen_outputs)) as scope:
    real_ra, gen_ra = _relative_logits(discriminator_real_outputs,
                                       discriminator_gen_outputs)
    return _two_sided(tf.nn.relu(1.0 + real_ra), tf.nn.relu(1.0 - gen_ra),
                      real_weights, generated_weights, scope, loss_collection,
                      reduction, add_summaries,
                      'generator_relativistic_hinge_loss')


# ------------------------------------------------------------ energy-based ---


@_checks.checked_loss()
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
                               (discriminator_gen_outputs, weights)) as scope:
    return _one_sided(discriminator_gen_outputs, weights, scope,
                      loss_collection, reduction, add_summaries,
                      'generator_energy_based_loss')


@_checks.checked_loss(_checks.SAME_EXCEPT_BATCH)
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
    return _two_sided(
        discriminator_real_outputs,
        tf.nn.relu(margin - discriminator_gen_outputs),
        real_weights, generated_weights, scope, loss_collection, reduction,
        add_summaries, 'discriminator_energy_based_loss')


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


@_checks.checked_loss(_checks.BATCH_REDUCED_FIRST)
def feature_matching_loss(
    real_features,
    generated_features,
    weights=1.0,
    scope=None,
    loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """Feature matching loss for the generator.

  See `Improved Techniques for Training GANs`
  (https://arxiv.org/abs/1606.03498), section 3.1.

  L = E_k[(mean_i f_k(x_i) - mean_j f_k(G(z_j)))^2]

  f is an intermediate discriminator layer; features of rank > 2 are
  flattened per example, k runs over the flattened feature dimensions and
  E_k is the weighted reduction over them (`weights` and `reduction` act on
  the per-feature squared differences, so `reduction=NONE` returns one value
  per feature). Real and generated batches may differ in size.

  Args:
    real_features: Features of real data, shape [batch, ...].
    generated_features: Features of generated data, shape [batch', ...].
    weights: Scalar or tensor broadcastable to [num_features].
    scope: Name scope of the loss's operations.
    loss_collection: Collection the loss is added to (None: none).
    reduction: A `tf.compat.v1.losses.Reduction`.
    add_summaries: Whether to add scalar summaries.

  Returns:
    A float32 loss tensor; its shape depends on `reduction`.

  Raises:
    TypeError: if the features are not floating point.
    ValueError: if the features have rank < 2 or different per-example shapes,
      or `weights` cannot be broadcast to [num_features].
  """
  with tf.compat.v1.name_scope(scope, 'feature_matching_loss',
                               (real_features, generated_features)) as scope:
    real = _flatten_per_example(real_features, 'real_features')
    gen = _flatten_per_example(generated_features, 'generated_features')
    per_feature = tf.math.squared_difference(
        _batch_stats.batch_mean(real, axis=0),
        _batch_stats.batch_mean(gen, axis=0))
    weights = _checks.check_weights(weights, per_feature.shape, 'weights',
                                    'the per-feature loss')
    return _one_sided(per_feature, weights, scope, loss_collection, reduction,
                      add_summaries, 'feature_matching_loss')
