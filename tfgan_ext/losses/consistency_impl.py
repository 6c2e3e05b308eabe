# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Consistency regularization of the discriminator, argument style.

Not gradient penalties: these ask the discriminator's output to stay the same
when its input is augmented. They re-apply the discriminator as the gradient
penalties do (`_discriminator`), and are weighted and reduced per example.
"""

import tensorflow as tf

from tfgan_ext.losses import _discriminator
from tfgan_ext.losses import _reduction

__all__ = ['consistency_penalty']

_LOSSES = _reduction.LOSSES
_DEFAULT_REDUCTION = _reduction.DEFAULT_REDUCTION


def _squared_distance(outputs, augmented):
  """||D(x) - D(T(x))||^2 per example, summed over D's output dimensions."""
  squares = tf.square(tf.cast(outputs, tf.float32) -
                      tf.cast(augmented, tf.float32))
  if squares.shape.rank is None or squares.shape.rank > 1:
    squares = tf.reduce_sum(
        tf.reshape(squares, [tf.shape(squares)[0], -1]), axis=1)
  return squares


def consistency_penalty(
    real_data,
    generator_inputs,
    discriminator_fn,
    discriminator_scope,
    augment_fn,
    weights=1.0,
    scope=None,
    loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """Consistency regularization: D should not change under augmentation.

  See `Consistency Regularization for Generative Adversarial Networks`
  (https://arxiv.org/abs/1910.12027), equation (1).

  CR = E_x[||D(x) - D(T(x))||^2]

  with T = `augment_fn` (a semantics-preserving augmentation: flips, small
  shifts) and ||.||^2 summed over D's output dimensions. Not in
  `penalty_names()` (it needs `augment_fn`); attach it with
  `with_penalty(loss, functools.partial(consistency_penalty,
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
  with tf.compat.v1.name_scope(scope, 'consistency_penalty',
                               (real_data,)) as scope:
    real_data = _discriminator.data_tensor(real_data, 'real_data')
    outputs = _discriminator.apply(real_data, generator_inputs,
                                   discriminator_fn, discriminator_scope)
    augmented = _discriminator.apply(augment_fn(real_data), generator_inputs,
                                     discriminator_fn, discriminator_scope)
    return _reduction.reduce_loss(
        _squared_distance(outputs, augmented), weights, scope,
        loss_collection, reduction, add_summaries, 'consistency_penalty',
        'the per-example penalty')
