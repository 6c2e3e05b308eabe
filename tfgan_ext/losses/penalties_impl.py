# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Argument-style gradient penalties for the discriminator.

The discriminator is re-applied as `discriminator_fn(x, generator_inputs)`,
under `tf.compat.v1.variable_scope(discriminator_scope, reuse=True)` when a
scope is given (as in a `tfgan.GANModel`, so TF-1-style layers reuse their
variables); with `discriminator_scope=None` it is called as is (a Keras
model or a closure over existing variables). A tuple output (ACGAN) uses its
first element.

Gradients are taken with `tf.GradientTape` when executing eagerly and with
`tf.gradients` while building a graph (graph mode and inside `tf.function`),
so every penalty works in all three. The data keeps its dtype when fed to the
discriminator (mixed-precision discriminators get what they expect); the
squared gradient norms, weighting and reduction are float32.

Each penalty is one value per example, weighted by `weights` (scalar or shape
[batch]) and reduced by `reduction`. The penalty's coefficient (e.g. gamma/2
for R1) is the caller's weight: see `tfgan_ext.losses.with_penalty`.
"""

import tensorflow as tf

from tfgan_ext.losses import _batch_stats
from tfgan_ext.losses import _catalog
from tfgan_ext.losses import _checks
from tfgan_ext.losses import _weighted

__all__ = [
    'consistency_penalty',
    'dragan_penalty',
    'r1_penalty',
    'r2_penalty',
    'wasserstein_gradient_penalty',
]

_PER_EXAMPLE = 'the per-example penalty'


def _data(value, name):
  """Checks `value` is floating point with a known rank >= 1."""
  tensor = _checks.floating_tensor(value, name)
  if tensor.shape.rank is None:
    raise ValueError('`%s` can\'t have unknown rank.' % name)
  if tensor.shape.rank == 0:
    raise ValueError('`%s` must have a batch dimension, got a scalar.' % name)
  return tensor


def _apply_discriminator(x, generator_inputs, discriminator_fn,
                         discriminator_scope):
  if discriminator_scope is None:
    outputs = discriminator_fn(x, generator_inputs)
  else:
    with tf.compat.v1.variable_scope(discriminator_scope, reuse=True):
      outputs = discriminator_fn(x, generator_inputs)
  if isinstance(outputs, (tuple, list)):  # ACGAN: (logits, classification).
    outputs = outputs[0]
  return outputs


def _squared_gradient_norms(x, generator_inputs, discriminator_fn,
                            discriminator_scope):
  """Returns ||d D(x_i) / d x_i||^2 per example, float32, shape [batch]."""
  if tf.executing_eagerly():
    with tf.GradientTape() as tape:
      tape.watch(x)
      outputs = _apply_discriminator(x, generator_inputs, discriminator_fn,
                                     discriminator_scope)
    gradients = tape.gradient(outputs, x)
  else:
    outputs = _apply_discriminator(x, generator_inputs, discriminator_fn,
                                   discriminator_scope)
    gradients = tf.gradients(ys=outputs, xs=x)[0]
  if gradients is None:
    raise ValueError('The discriminator output does not depend on its input '
                     'data, so its gradient is undefined.')
  gradients = tf.cast(gradients, tf.float32)
  return tf.reduce_sum(tf.square(gradients),
                       axis=list(range(1, gradients.shape.rank)))


def _uniform(shape, seed, dtype):
  """U[0, 1) noise; deterministic (stateless) when `seed` is given."""
  if seed is None:
    return tf.random.uniform(shape, dtype=dtype)
  return tf.random.stateless_uniform(shape, seed=[seed, 0], dtype=dtype)


@_catalog.declare(_catalog.PENALTY, 'r1')
@_weighted.single_term('r1_penalty', _PER_EXAMPLE)
def r1_penalty(
    real_data,
    generator_inputs,
    discriminator_fn,
    discriminator_scope):
  """R1 gradient penalty: squared gradient norm of D at real data.

  See `Which Training Methods for GANs do actually Converge?`
  (https://arxiv.org/abs/1801.04406), equation (9).

  R1 = E_x[||grad_x D(x)||^2]

  The paper's gamma/2 factor is the caller's weight.

  Args:
    real_data: Real data, shape [batch, ...].
    generator_inputs: Passed to `discriminator_fn` as its second argument.
    discriminator_fn: `discriminator_fn(data, generator_inputs)`.
    discriminator_scope: Variable scope to reuse, or None.
    weights: Scalar or tensor broadcastable to [batch].
    scope: Name scope of the penalty's operations.
    loss_collection: Collection the penalty is added to (None: none).
    reduction: A `tf.compat.v1.losses.Reduction`.
    add_summaries: Whether to add a scalar summary.

  Returns:
    A float32 penalty tensor; its shape depends on `reduction`.

  Raises:
    TypeError: if `real_data` is not floating point.
    ValueError: if `real_data` has unknown rank or is a scalar, `weights`
      cannot be broadcast, or D does not depend on its input.
  """
  real_data = _data(real_data, 'real_data')
  return _squared_gradient_norms(
      real_data, generator_inputs, discriminator_fn, discriminator_scope)


@_catalog.declare(_catalog.PENALTY, 'r2')
@_weighted.single_term('r2_penalty', _PER_EXAMPLE)
def r2_penalty(
    generated_data,
    generator_inputs,
    discriminator_fn,
    discriminator_scope):
  """R2 gradient penalty: squared gradient norm of D at generated data.

  See `Which Training Methods for GANs do actually Converge?`
  (https://arxiv.org/abs/1801.04406), equation (10).

  R2 = E_z[||grad_x D(x)|_{x=G(z)}||^2]

  The gradient is with respect to the data only: the penalty does not
  train the generator through it.

  Args:
    generated_data: Generated data, shape [batch, ...].
    generator_inputs: Passed to `discriminator_fn` as its second argument.
    discriminator_fn: `discriminator_fn(data, generator_inputs)`.
    discriminator_scope: Variable scope to reuse, or None.
    weights: Scalar or tensor broadcastable to [batch].
    scope: Name scope of the penalty's operations.
    loss_collection: Collection the penalty is added to (None: none).
    reduction: A `tf.compat.v1.losses.Reduction`.
    add_summaries: Whether to add a scalar summary.

  Returns:
    A float32 penalty tensor; its shape depends on `reduction`.

  Raises:
    TypeError: if `generated_data` is not floating point.
    ValueError: if `generated_data` has unknown rank or is a scalar,
      `weights` cannot be broadcast, or D does not depend on its input.
  """
  generated_data = tf.stop_gradient(_data(generated_data, 'generated_data'))
  return _squared_gradient_norms(
      generated_data, generator_inputs, discriminator_fn,
      discriminator_scope)


@_catalog.declare(_catalog.PENALTY, 'dragan')
@_weighted.single_term('dragan_penalty', _PER_EXAMPLE)
def dragan_penalty(
    real_data,
    generator_inputs,
    discriminator_fn,
    discriminator_scope,
    perturbation_scale=0.5,
    target=1.0,
    epsilon=1e-10,
    seed=None):
  """DRAGAN gradient penalty at perturbed real data.

  See `On Convergence and Stability of GANs`
  (https://arxiv.org/abs/1705.07215).

  x_hat = x + perturbation_scale * std(x) * u,  u ~ U[0, 1) per element
  DRAGAN = E[(sqrt(||grad D(x_hat)||^2 + epsilon) - target)^2]

  std(x) is the standard deviation over the whole batch (as in the authors'
  code; over all replicas' examples under tf.distribute), treated as a
  constant. `perturbation_scale=0` penalizes at x.

  Args:
    real_data: Real data, shape [batch, ...].
    generator_inputs: Passed to `discriminator_fn` as its second argument.
    discriminator_fn: `discriminator_fn(data, generator_inputs)`.
    discriminator_scope: Variable scope to reuse, or None.
    perturbation_scale: c in x + c * std(x) * u (the paper's 0.5).
    target: Target gradient norm (the paper's 1).
    epsilon: Added under the square root so its gradient stays finite at 0.
    seed: None for stateful random noise, or a Python int for deterministic
      (stateless) noise, the same in graph and eager mode.
    weights: Scalar or tensor broadcastable to [batch].
    scope: Name scope of the penalty's operations.
    loss_collection: Collection the penalty is added to (None: none).
    reduction: A `tf.compat.v1.losses.Reduction`.
    add_summaries: Whether to add a scalar summary.

  Returns:
    A float32 penalty tensor; its shape depends on `reduction`.

  Raises:
    TypeError: if `real_data` is not floating point.
    ValueError: if `real_data` has unknown rank or is a scalar, `weights`
      cannot be broadcast, or D does not depend on its input.
  """
  real_data = _data(real_data, 'real_data')
  std = tf.stop_gradient(
      _batch_stats.batch_std(tf.cast(real_data, tf.float32)))
  noise = _uniform(tf.shape(real_data), seed, tf.float32)
  perturbed = real_data + tf.cast(perturbation_scale * std * noise,
                                  real_data.dtype)
  squares = _squared_gradient_norms(
      perturbed, generator_inputs, discriminator_fn, discriminator_scope)
  return tf.square(tf.sqrt(squares + epsilon) - target)


@_catalog.declare(_catalog.PENALTY, 'wasserstein_gradient_penalty',
                  aliases=('wgan_gp',),
                  upstream='wasserstein_gradient_penalty')
@_weighted.single_term('gradient_penalty_loss', _PER_EXAMPLE,
                       after=('seed',))
def wasserstein_gradient_penalty(
    real_data,
    generated_data,
    generator_inputs,
    discriminator_fn,
    discriminator_scope,
    epsilon=1e-10,
    target=1.0,
    one_sided=False,
    seed=None):
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
    real_data: Real data, shape [batch, ...].
    generated_data: Generated data, the shape of `real_data`.
    generator_inputs: Passed to `discriminator_fn` as its second argument.
    discriminator_fn: `discriminator_fn(data, generator_inputs)`.
    discriminator_scope: Variable scope to reuse, or None.
    epsilon: Added under the square root for numerical stability.
    target: Target gradient norm.
    one_sided: Penalize only norms above `target`.
    weights: Scalar or tensor broadcastable to [batch].
    scope: Name scope of the penalty's operations.
    loss_collection: Collection the penalty is added to (None: none).
    reduction: A `tf.compat.v1.losses.Reduction`.
    add_summaries: Whether to add a scalar summary.
    seed: None, or a Python int for deterministic (stateless) alpha.

  Returns:
    A float32 penalty tensor; its shape depends on `reduction`.

  Raises:
    TypeError: if the data is not floating point.
    ValueError: if the data has unknown rank, is a scalar, real and generated
      shapes differ, `weights` cannot be broadcast, or D does not depend on
      its input.
  """
  real_data = _data(real_data, 'real_data')
  generated_data = _data(generated_data, 'generated_data')
  if not real_data.shape.is_compatible_with(generated_data.shape):
    raise ValueError('`real_data` shape %s and `generated_data` shape %s '
                     'must be equal to interpolate between them.'
                     % (real_data.shape, generated_data.shape))
  generated_data = tf.cast(generated_data, real_data.dtype)
  differences = generated_data - real_data
  alpha_shape = tf.concat(
      [tf.shape(differences)[:1],
       tf.ones([differences.shape.rank - 1], tf.int32)], axis=0)
  alpha = tf.cast(_uniform(alpha_shape, seed, tf.float32), real_data.dtype)
  interpolates = real_data + alpha * differences
  squares = _squared_gradient_norms(
      interpolates, generator_inputs, discriminator_fn, discriminator_scope)
  penalties = tf.sqrt(squares + epsilon) / target - 1.0
  if one_sided:
    penalties = tf.maximum(0.0, penalties)
  return tf.square(penalties)


@_catalog.declare(_catalog.PENALTY, 'consistency', registered=False)
@_weighted.single_term('consistency_penalty', _PER_EXAMPLE)
def consistency_penalty(
    real_data,
    generator_inputs,
    discriminator_fn,
    discriminator_scope,
    augment_fn):
  """Consistency regularization: D should not change under augmentation.

  See `Consistency Regularization for Generative Adversarial Networks`
  (https://arxiv.org/abs/1910.12027), equation (1).

  CR = E_x[||D(x) - D(T(x))||^2]

  with T = `augment_fn` (a semantics-preserving augmentation: flips, small
  shifts) and ||.||^2 summed over D's output dimensions. Not a gradient
  penalty and not in `penalty_names()` (it needs `augment_fn`); attach it
  with `with_penalty(loss, functools.partial(consistency_penalty,
  augment_fn=...), weight=10.0)` (the paper's lambda is 10).

  Args:
    real_data: Real data, shape [batch, ...].
    generator_inputs: Passed to `discriminator_fn` as its second argument.
    discriminator_fn: `discriminator_fn(data, generator_inputs)`.
    discriminator_scope: Variable scope to reuse, or None.
    augment_fn: `augment_fn(data)` -> augmented data of the same shape.
    weights: Scalar or tensor broadcastable to [batch].
    scope: Name scope of the penalty's operations.
    loss_collection: Collection the penalty is added to (None: none).
    reduction: A `tf.compat.v1.losses.Reduction`.
    add_summaries: Whether to add a scalar summary.

  Returns:
    A float32 penalty tensor; its shape depends on `reduction`.

  Raises:
    TypeError: if `real_data` is not floating point or `augment_fn` is not
      callable.
    ValueError: if `real_data` has unknown rank or is a scalar, or `weights`
      cannot be broadcast.
  """
  if not callable(augment_fn):
    raise TypeError('`augment_fn` must be callable, got %r.' % (augment_fn,))
  real_data = _data(real_data, 'real_data')
  outputs = tf.cast(_apply_discriminator(
      real_data, generator_inputs, discriminator_fn, discriminator_scope),
                    tf.float32)
  augmented = tf.cast(_apply_discriminator(
      augment_fn(real_data), generator_inputs, discriminator_fn,
      discriminator_scope), tf.float32)
  squares = tf.square(outputs - augmented)
  if squares.shape.rank is None or squares.shape.rank > 1:
    squares = tf.reduce_sum(
        tf.reshape(squares, [tf.shape(squares)[0], -1]), axis=1)
  return squares
