# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""How every tfgan_ext loss ends: weighting, reduction, collection, summaries.

TF-GAN's losses end the same way: weight the unreduced values with `weights`
(or `real_weights` and `generated_weights`), reduce them with
`tf.compat.v1.losses.compute_weighted_loss`, add the result to
`loss_collection` once and, if `add_summaries`, add scalar summaries. A loss
here computes its unreduced values and returns `reduce_loss(...)` (one term)
or `reduce_real_and_generated(...)` (a real and a generated term, reduced
separately, so the two batches may differ in size). A loss of discriminator
outputs alone hands its formula to `generator_outputs_loss` or
`discriminator_outputs_loss`, which also open its name scope and check and
cast the outputs.
"""

import tensorflow as tf

from tfgan_ext.losses import _checks

__all__ = [
    'DEFAULT_REDUCTION',
    'LOSSES',
    'discriminator_outputs_loss',
    'generator_outputs_loss',
    'reduce_loss',
    'reduce_real_and_generated',
]

LOSSES = tf.compat.v1.GraphKeys.LOSSES
DEFAULT_REDUCTION = tf.compat.v1.losses.Reduction.SUM_BY_NONZERO_WEIGHTS


def _weighted(values, weights, weights_name, values_name, scope, reduction):
  weights = _checks.check_weights(weights, values.shape, weights_name,
                                  values_name)
  return tf.compat.v1.losses.compute_weighted_loss(
      values, weights, scope, loss_collection=None, reduction=reduction)


def reduce_loss(values, weights, scope, loss_collection, reduction,
                add_summaries, summary_name, values_name):
  """Weights and reduces one tensor of loss values, adds it, summarizes it.

  Args:
    values: Unreduced float32 loss values (per example, pair or feature).
    weights: `weights`, a scalar or broadcastable to `values`.
    scope: The loss's name scope (its ops' prefix).
    loss_collection: Collection the loss is added to (None: none).
    reduction: A `tf.compat.v1.losses.Reduction`.
    add_summaries: Whether to add a scalar summary.
    summary_name: The summary's name.
    values_name: What `weights` weights, for the error message.

  Returns:
    The reduced loss, float32.

  Raises:
    ValueError: if `weights` cannot be broadcast to `values`.
  """
  loss = _weighted(values, weights, 'weights', values_name, scope, reduction)
  tf.compat.v1.losses.add_loss(loss, loss_collection)
  if add_summaries:
    tf.compat.v1.summary.scalar(summary_name, loss)
  return loss


def reduce_real_and_generated(real_values, real_weights, generated_values,
                              generated_weights, scope, loss_collection,
                              reduction, add_summaries, summary_name,
                              real_name='discriminator_real_outputs',
                              generated_name='discriminator_gen_outputs'):
  """The sum of a real and a generated term, each weighted and reduced.

  Summaries (when asked): `summary_name`, and `summary_name` + '_on_real' and
  '_on_generated' for the terms.

  Args:
    real_values: Unreduced float32 values of the real-data term.
    real_weights: `real_weights`, a scalar or broadcastable to them.
    generated_values: Unreduced float32 values of the generated-data term.
    generated_weights: `generated_weights`, likewise.
    scope: The loss's name scope.
    loss_collection: Collection the total is added to (None: none).
    reduction: A `tf.compat.v1.losses.Reduction`; with NONE the two terms
      are added elementwise.
    add_summaries: Whether to add scalar summaries.
    summary_name: The total's summary name.
    real_name: What `real_weights` weights, for the error message.
    generated_name: What `generated_weights` weights, likewise.

  Returns:
    The reduced loss, float32.

  Raises:
    ValueError: if a weights argument cannot be broadcast to its term.
  """
  on_real = _weighted(real_values, real_weights, 'real_weights', real_name,
                      scope, reduction)
  on_generated = _weighted(generated_values, generated_weights,
                           'generated_weights', generated_name, scope,
                           reduction)
  loss = on_real + on_generated
  tf.compat.v1.losses.add_loss(loss, loss_collection)
  if add_summaries:
    tf.compat.v1.summary.scalar(summary_name + '_on_real', on_real)
    tf.compat.v1.summary.scalar(summary_name + '_on_generated', on_generated)
    tf.compat.v1.summary.scalar(summary_name, loss)
  return loss


def generator_outputs_loss(name, summary_name, values_fn,
                           discriminator_gen_outputs, weights, scope,
                           loss_collection, reduction, add_summaries):
  """A loss of D(G(z)) alone: `values_fn(D(G(z)))`, weighted and reduced.

  Under the name scope `scope` (default `name`), the outputs are cast to
  float32 (`_checks.to_float32`), `values_fn` gives the unreduced values and
  `reduce_loss` ends the loss (summary `summary_name`).
  """
  with tf.compat.v1.name_scope(scope, name,
                               (discriminator_gen_outputs,)) as scope:
    gen = _checks.to_float32(discriminator_gen_outputs,
                             'discriminator_gen_outputs')
    return reduce_loss(values_fn(gen), weights, scope, loss_collection,
                       reduction, add_summaries, summary_name,
                       'discriminator_gen_outputs')


def discriminator_outputs_loss(name, summary_name, values_fn,
                               discriminator_real_outputs,
                               discriminator_gen_outputs, real_weights,
                               generated_weights, scope, loss_collection,
                               reduction, add_summaries):
  """A loss of D(x) and D(G(z)): `values_fn`'s two terms, reduced separately.

  Under the name scope `scope` (default `name`), the outputs are checked and
  cast (`_checks.discriminator_outputs`), `values_fn(real, gen)` gives the
  unreduced real and generated terms and `reduce_real_and_generated` ends
  the loss (summaries `summary_name`...).
  """
  with tf.compat.v1.name_scope(
      scope, name,
      (discriminator_real_outputs, discriminator_gen_outputs)) as scope:
    real, gen = _checks.discriminator_outputs(
        discriminator_real_outputs, discriminator_gen_outputs, reduction)
    real_values, generated_values = values_fn(real, gen)
    return reduce_real_and_generated(
        real_values, real_weights, generated_values, generated_weights,
        scope, loss_collection, reduction, add_summaries, summary_name)
