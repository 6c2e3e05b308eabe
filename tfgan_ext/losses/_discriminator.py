# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Re-applying the discriminator inside a penalty, and its input gradients.

The discriminator is called as `discriminator_fn(x, generator_inputs)`,
under `tf.compat.v1.variable_scope(discriminator_scope, reuse=True)` when a
scope is given (as in a `tfgan.GANModel`, so TF-1-style layers reuse their
variables); with `discriminator_scope=None` it is called as is (a Keras
model or a closure over existing variables). Of an output with more than
logits (TF-GAN's ACGAN tuple, a conditional head's `DiscriminatorOutputs`
or a dict of its fields), the penalties take its `logits`
(`discriminator_outputs.logits_of`).

Gradients are taken with `tf.GradientTape` when executing eagerly and with
`tf.gradients` while building a graph (graph mode and inside `tf.function`),
so the penalties work in all three.
"""

import tensorflow as tf

from tfgan_ext.losses import _checks
from tfgan_ext.losses import discriminator_outputs

__all__ = ['apply', 'data_tensor', 'squared_gradient_norms']


def data_tensor(value, name):
  """`value` as a tensor, if floating point with a known rank >= 1.

  Args:
    value: Real or generated data.
    name: Its argument name, for the message.

  Returns:
    The tensor, its dtype unchanged (mixed-precision discriminators get what
    they expect).

  Raises:
    TypeError: if it is not floating point.
    ValueError: if its rank is unknown or 0.
  """
  tensor = _checks.floating_tensor(value, name)
  if tensor.shape.rank is None:
    raise ValueError('`%s` can\'t have unknown rank.' % name)
  if tensor.shape.rank == 0:
    raise ValueError('`%s` must have a batch dimension, got a scalar.' % name)
  return tensor


def apply(x, generator_inputs, discriminator_fn, discriminator_scope):
  """D(x): `discriminator_fn(x, generator_inputs)` under its scope.

  In a TF-1 graph, the update ops this extra pass adds (batch norm's moving
  averages, in a discriminator that has it) are left out of UPDATE_OPS: the
  step's own passes of D update them, and `tfgan.gan_train_ops` refuses
  update ops outside the players' name scopes.
  """
  updates = tf.compat.v1.get_collection_ref(
      tf.compat.v1.GraphKeys.UPDATE_OPS)
  count = len(updates)
  try:
    if discriminator_scope is None:
      outputs = discriminator_fn(x, generator_inputs)
    else:
      with tf.compat.v1.variable_scope(discriminator_scope, reuse=True):
        outputs = discriminator_fn(x, generator_inputs)
  finally:
    del updates[count:]
  # ACGAN's (logits, classification logits), or a DiscriminatorOutputs.
  return discriminator_outputs.logits_of(
      outputs, 'The discriminator output the penalty differentiates')


def squared_gradient_norms(x, generator_inputs, discriminator_fn,
                           discriminator_scope):
  """||d D(x_i) / d x_i||^2 per example, float32, shape [batch].

  Raises:
    ValueError: if D's output does not depend on `x`.
  """
  if tf.executing_eagerly():
    with tf.GradientTape() as tape:
      tape.watch(x)
      outputs = apply(x, generator_inputs, discriminator_fn,
                      discriminator_scope)
    gradients = tape.gradient(outputs, x)
  else:
    outputs = apply(x, generator_inputs, discriminator_fn, discriminator_scope)
    gradients = tf.gradients(ys=outputs, xs=x)[0]
  if gradients is None:
    raise ValueError('The discriminator output does not depend on its input '
                     'data, so its gradient is undefined.')
  gradients = tf.cast(gradients, tf.float32)
  return tf.reduce_sum(tf.square(gradients),
                       axis=list(range(1, gradients.shape.rank)))
