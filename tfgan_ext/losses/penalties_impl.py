# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Argument-style gradient penalties for the discriminator.

Each penalty re-applies the discriminator to some data (`_discriminator`:
under its variable scope, in graph mode, eagerly and in `tf.function`) and
penalizes its input gradient there. The data keeps its dtype when fed to the
discriminator (mixed-precision discriminators get what they expect); the
squared gradient norms, weighting and reduction are float32.

Every gradient penalty takes its data (shape [batch, ...]), then, named like
`tfgan.GANModel` fields, `generator_inputs` (passed to `discriminator_fn` as
its second argument), `discriminator_fn` (`discriminator_fn(data,
generator_inputs)`) and `discriminator_scope` (the variable scope to reuse,
or None). Its value is one penalty per example, weighted by `weights` (a
scalar or shape [batch]) and reduced by `reduction`, with TF-GAN's other
standard arguments: `scope` (the name scope of its operations),
`loss_collection` (the collection it is added to; None: none), `reduction` (a
`tf.compat.v1.losses.Reduction`; the returned float32 tensor's shape depends
on it) and `add_summaries` (whether to add a scalar summary). The penalty's
coefficient (e.g. gamma/2 for R1) is the caller's weight: see
`tfgan_ext.losses.with_penalty`.

Every penalty raises TypeError if its data is not floating point, and
ValueError if the data has unknown rank or is a scalar, `weights` cannot be
broadcast to [batch], or D's output does not depend on its input.

LeCam regularization (`lecam_penalty`) is here too: not a gradient
penalty, it keeps D's outputs near moving averages of its past outputs
(`lecam_moving_average`); it takes D's outputs and the two averages, like a
discriminator loss. Consistency regularization is in `consistency_impl`.
"""

import tensorflow as tf

from tfgan_ext.losses import _batch_stats
from tfgan_ext.losses import _checks
from tfgan_ext.losses import _discriminator
from tfgan_ext.losses import _reduction

__all__ = [
    'dragan_penalty',
    'lecam_moving_average',
    'lecam_penalty',
    'r1_penalty',
    'r2_penalty',
    'wasserstein_gradient_penalty',
]

_PER_EXAMPLE = 'the per-example penalty'
_LOSSES = _reduction.LOSSES
_DEFAULT_REDUCTION = _reduction.DEFAULT_REDUCTION


def _uniform(shape, seed, dtype):
  """U[0, 1) noise; deterministic (stateless) when `seed` is given."""
  if seed is None:
    return tf.random.uniform(shape, dtype=dtype)
  return tf.random.stateless_uniform(shape, seed=[seed, 0], dtype=dtype)


def r1_penalty(real_data, generator_inputs, discriminator_fn,
               discriminator_scope, weights=1.0, scope=None,
               loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
               add_summaries=False):
  """R1 gradient penalty: squared gradient norm of D at real data.

  See `Which Training Methods for GANs do actually Converge?`
  (https://arxiv.org/abs/1801.04406), equation (9).

  R1 = E_x[||grad_x D(x)||^2]

  The paper's gamma/2 factor is the caller's weight.

  Args:
    real_data: Real data at which D's gradient is taken.
    generator_inputs, discriminator_fn, discriminator_scope, weights, scope,
      loss_collection, reduction, add_summaries: see the module docstring.

  Returns:
    R1 per example, weighted and reduced.
  """
  with tf.compat.v1.name_scope(scope, 'r1_penalty', (real_data,)) as scope:
    real_data = _discriminator.data_tensor(real_data, 'real_data')
    squares = _discriminator.squared_gradient_norms(
        real_data, generator_inputs, discriminator_fn, discriminator_scope)
    return _reduction.reduce_loss(
        squares, weights, scope, loss_collection, reduction, add_summaries,
        'r1_penalty', _PER_EXAMPLE)


def r2_penalty(generated_data, generator_inputs, discriminator_fn,
               discriminator_scope, weights=1.0, scope=None,
               loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
               add_summaries=False):
  """R2 gradient penalty: squared gradient norm of D at generated data.

  See `Which Training Methods for GANs do actually Converge?`
  (https://arxiv.org/abs/1801.04406), equation (10).

  R2 = E_z[||grad_x D(x)|_{x=G(z)}||^2]

  The gradient is with respect to the data only: the penalty does not
  train the generator through it.

  Args:
    generated_data: Generated data at which D's gradient is taken.
    generator_inputs, discriminator_fn, discriminator_scope, weights, scope,
      loss_collection, reduction, add_summaries: see the module docstring.

  Returns:
    R2 per example, weighted and reduced.
  """
  with tf.compat.v1.name_scope(scope, 'r2_penalty',
                               (generated_data,)) as scope:
    generated_data = tf.stop_gradient(
        _discriminator.data_tensor(generated_data, 'generated_data'))
    squares = _discriminator.squared_gradient_norms(
        generated_data, generator_inputs, discriminator_fn,
        discriminator_scope)
    return _reduction.reduce_loss(
        squares, weights, scope, loss_collection, reduction, add_summaries,
        'r2_penalty', _PER_EXAMPLE)


def dragan_penalty(real_data, generator_inputs, discriminator_fn,
                   discriminator_scope, perturbation_scale=0.5, target=1.0,
                   epsilon=1e-10, seed=None, weights=1.0, scope=None,
                   loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
                   add_summaries=False):
  """DRAGAN gradient penalty at perturbed real data.

  See `On Convergence and Stability of GANs`
  (https://arxiv.org/abs/1705.07215).

  x_hat = x + perturbation_scale * std(x) * u,  u ~ U[0, 1) per element
  DRAGAN = E[(sqrt(||grad D(x_hat)||^2 + epsilon) - target)^2]

  std(x) is the standard deviation over the whole batch (as in the authors'
  code; over all replicas' examples under tf.distribute), treated as a
  constant. `perturbation_scale=0` penalizes at x.

  Args:
    real_data: Real data, x.
    generator_inputs, discriminator_fn, discriminator_scope: see the module
      docstring.
    perturbation_scale: c in x + c * std(x) * u (the paper's 0.5).
    target: Target gradient norm (the paper's 1).
    epsilon: Added under the square root so its gradient stays finite at 0.
    seed: None for stateful random noise, or a Python int for deterministic
      (stateless) noise, the same in graph and eager mode.
    weights, scope, loss_collection, reduction, add_summaries: see the
      module docstring.

  Returns:
    DRAGAN per example, weighted and reduced.
  """
  with tf.compat.v1.name_scope(scope, 'dragan_penalty', (real_data,)) as scope:
    real_data = _discriminator.data_tensor(real_data, 'real_data')
    std = tf.stop_gradient(
        _batch_stats.batch_std(tf.cast(real_data, tf.float32)))
    noise = _uniform(tf.shape(real_data), seed, tf.float32)
    perturbed = real_data + tf.cast(perturbation_scale * std * noise,
                                    real_data.dtype)
    squares = _discriminator.squared_gradient_norms(
        perturbed, generator_inputs, discriminator_fn, discriminator_scope)
    return _reduction.reduce_loss(
        tf.square(tf.sqrt(squares + epsilon) - target), weights, scope,
        loss_collection, reduction, add_summaries, 'dragan_penalty',
        _PER_EXAMPLE)


def wasserstein_gradient_penalty(
    real_data, generated_data, generator_inputs, discriminator_fn,
    discriminator_scope, epsilon=1e-10, target=1.0, one_sided=False,
    weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False, seed=None):
  """WGAN-GP gradient penalty; upstream's maths, also eager and tf.function.

  See `Improved Training of Wasserstein GANs`
  (https://arxiv.org/abs/1704.00028); one-sided variant from `On the
  regularization of Wasserstein GANs` (https://arxiv.org/abs/1709.08894).

  x_hat = x + alpha * (G(z) - x),  alpha ~ U[0, 1) per example
  GP = E[(sqrt(||grad D(x_hat)||^2 + epsilon) / target - 1)^2]
  (one-sided: max(0, .) before squaring)

  Same arguments as upstream's `wasserstein_gradient_penalty` in the same
  order (plus `seed` at the end), so `tfgan.gan_loss` style calls work.

  Args:
    real_data: Real data, x.
    generated_data: Generated data, G(z), the shape of `real_data` (else
      ValueError).
    generator_inputs, discriminator_fn, discriminator_scope: see the module
      docstring.
    epsilon: Added under the square root for numerical stability.
    target: Target gradient norm.
    one_sided: Penalize only norms above `target`.
    weights, scope, loss_collection, reduction, add_summaries: see the
      module docstring.
    seed: None, or a Python int for deterministic (stateless) alpha.

  Returns:
    GP per example, weighted and reduced.
  """
  with tf.compat.v1.name_scope(scope, 'wasserstein_gradient_penalty',
                               (real_data, generated_data)) as scope:
    real_data = _discriminator.data_tensor(real_data, 'real_data')
    generated_data = _discriminator.data_tensor(generated_data,
                                                'generated_data')
    if not real_data.shape.is_compatible_with(generated_data.shape):
      raise ValueError('`real_data` shape %s and `generated_data` shape %s '
                       'must be equal to interpolate between them.'
                       % (real_data.shape, generated_data.shape))
    differences = tf.cast(generated_data, real_data.dtype) - real_data
    alpha_shape = tf.concat(
        [tf.shape(differences)[:1],
         tf.ones([differences.shape.rank - 1], tf.int32)], axis=0)
    alpha = tf.cast(_uniform(alpha_shape, seed, tf.float32), real_data.dtype)
    squares = _discriminator.squared_gradient_norms(
        real_data + alpha * differences, generator_inputs, discriminator_fn,
        discriminator_scope)
    penalties = tf.sqrt(squares + epsilon) / target - 1.0
    if one_sided:
      penalties = tf.maximum(0.0, penalties)
    return _reduction.reduce_loss(
        tf.square(penalties), weights, scope, loss_collection, reduction,
        add_summaries, 'gradient_penalty_loss', _PER_EXAMPLE)


# ------------------------------------------------------ LeCam regularization ---


def lecam_penalty(discriminator_real_outputs, discriminator_gen_outputs,
                  real_anchor, generated_anchor, real_weights=1.0,
                  generated_weights=1.0, scope=None, loss_collection=_LOSSES,
                  reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """LeCam regularization of the discriminator's outputs.

  See `Regularizing Generative Adversarial Networks under Limited Data`
  (Tseng et al. 2021, https://arxiv.org/abs/2104.03310), equation (3), as
  the authors' code computes it (google/lecam-gan `lecam_reg`, also
  StudioGAN's): each side is pulled towards the other side's anchor, and
  only while it is beyond it.

  R_LC = E_x[max(0, D(x) - a_G)^2] + E_z[max(0, a_R - D(G(z)))^2]

  where a_R and a_G are moving averages of D's mean output on real and on
  generated data (`lecam_moving_average`; the caller keeps them, as
  variables, and passes their current values). The anchors get no gradient.
  The paper's lambda is 0.3 on limited data (StudioGAN's default).

  Args:
    discriminator_real_outputs: D's output on real data.
    discriminator_gen_outputs: D's output on generated data.
    real_anchor: a_R, a scalar (the average of D's real outputs).
    generated_anchor: a_G, a scalar (that of D's generated outputs).
    real_weights, generated_weights, scope, loss_collection, reduction,
      add_summaries: TF-GAN's (module docstring).

  Returns:
    The penalty, float32.

  Raises:
    TypeError: for outputs or anchors that are not floating point.
    ValueError: for anchors that are not scalars, or shapes that do not fit.
  """
  with tf.compat.v1.name_scope(
      scope, 'lecam_penalty',
      (discriminator_real_outputs, discriminator_gen_outputs)) as scope:
    real, gen = _checks.discriminator_outputs(
        discriminator_real_outputs, discriminator_gen_outputs, reduction)
    anchors = []
    for anchor, name in ((real_anchor, 'real_anchor'),
                         (generated_anchor, 'generated_anchor')):
      anchor = tf.stop_gradient(_checks.to_float32(anchor, name))
      if anchor.shape.rank not in (None, 0):
        raise ValueError('`%s` must be a scalar, got shape %s.'
                         % (name, anchor.shape))
      anchors.append(anchor)
    real_anchor, generated_anchor = anchors
    return _reduction.reduce_real_and_generated(
        tf.square(tf.nn.relu(real - generated_anchor)), real_weights,
        tf.square(tf.nn.relu(real_anchor - gen)), generated_weights,
        scope, loss_collection, reduction, add_summaries, 'lecam_penalty')


def lecam_moving_average(anchor, outputs_mean, decay, step, start=0):
  """The next value of a LeCam anchor (google/lecam-gan's `ema_losses`).

  See `Regularizing Generative Adversarial Networks under Limited Data`
  (https://arxiv.org/abs/2104.03310), section 3.1.

  a <- decay * a + (1 - decay) * mean(D outputs), from discriminator step
  `start` on; before it, a <- mean(D outputs) (the authors start at 1,000).

  Args:
    anchor: The anchor's current value (a scalar).
    outputs_mean: This step's mean D output on that side (under
      tf.distribute, the global batch's).
    decay: In [0, 1) (the paper's 0.99).
    step: The discriminator step being taken (0 for the first).
    start: The step from which the average starts.

  Returns:
    The new value, float32 (without gradient).

  Raises:
    ValueError: for a decay outside [0, 1).
  """
  if not 0.0 <= float(decay) < 1.0:
    raise ValueError('decay must be in [0, 1), got %r.' % (decay,))
  anchor = tf.cast(anchor, tf.float32)
  outputs_mean = tf.stop_gradient(tf.cast(outputs_mean, tf.float32))
  averaged = decay * anchor + (1.0 - decay) * outputs_mean
  return tf.where(tf.cast(step, tf.int64) < start, outputs_mean, averaged)
