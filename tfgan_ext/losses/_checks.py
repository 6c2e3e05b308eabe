# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Input checks of tfgan_ext's losses: clear errors before any maths runs.

Every argument-style loss calls these first:

* discriminator outputs, logits and features are cast to float32, and a
  TypeError names the argument when they are not floating point (an integer
  tensor is never a discriminator output): `to_float32`;
* a ValueError names both shapes when the real and generated outputs have
  static shapes the loss cannot combine: `check_pair`, or
  `discriminator_outputs` for the common case;
* a ValueError names the weights argument when it cannot be broadcast to the
  values it weights: `check_weights` (called by `_reduction`).

Upstream TF-GAN's losses, re-exported, get the same checks from the
`checked_loss` decorator, which keeps their signatures. Only static
(graph-construction-time) shapes are checked; unknown dimensions pass.
"""

import functools
import inspect
import numbers

import tensorflow as tf

__all__ = [
    'BATCH_REDUCED_FIRST',
    'EQUAL',
    'SAME_EXCEPT_BATCH',
    'check_pair',
    'check_weights',
    'checked_loss',
    'discriminator_outputs',
    'floating_tensor',
    'lecam_settings',
    'positive_int',
    'to_float32',
]

# How the real and generated tensors of a loss must relate.
EQUAL = 'equal'  # Same shape (elementwise combination).
SAME_EXCEPT_BATCH = 'same_except_batch'  # Batch sizes may differ...
# ... unless reduction=NONE adds per-example terms. With BATCH_REDUCED_FIRST
# batch sizes may differ whatever the reduction (it acts over features).
BATCH_REDUCED_FIRST = 'batch_reduced_first'

# Tensor arguments that hold discriminator outputs (real, then generated),
# as named in upstream's argument-style losses.
_REAL_OUTPUT_ARGS = ('discriminator_real_outputs',
                     'discriminator_real_classification_logits')
_GEN_OUTPUT_ARGS = ('discriminator_gen_outputs',
                    'discriminator_gen_classification_logits')
# Upstream's weights arguments and the outputs they weight elementwise.
_WEIGHTED_BY = {
    'real_weights': 'discriminator_real_outputs',
    'generated_weights': 'discriminator_gen_outputs',
    'weights': 'discriminator_gen_outputs',
}


def is_real(value):
  """Whether `value` is a real number (a bool, a string or None is not)."""
  return isinstance(value, numbers.Real) and not isinstance(value, bool)


def lecam_settings(weight, decay, start, prefix=''):
  """Raises ValueError unless LeCam's weight > 0, decay in [0, 1), start >= 0.

  Args:
    weight, decay, start: The settings (start an int).
    prefix: Prefix of their names in the message (e.g. 'lecam_').
  """
  if not is_real(weight) or not weight > 0:
    raise ValueError('%sweight must be a number > 0, got %r.'
                     % (prefix, weight))
  if not is_real(decay) or not 0.0 <= decay < 1.0:
    raise ValueError('%sdecay must be a number in [0, 1), got %r.'
                     % (prefix, decay))
  if isinstance(start, bool) or not isinstance(start, int) or start < 0:
    raise ValueError('%sstart must be an int >= 0, got %r.' % (prefix, start))


def positive_int(value, name):
  """`value` if it is a Python int >= 1.

  Args:
    value: The value to check.
    name: Its argument or option name, for the message.

  Returns:
    `value`.

  Raises:
    TypeError: if `value` is not an int (a bool is not).
    ValueError: if `value` < 1.
  """
  if isinstance(value, bool) or not isinstance(value, int):
    raise TypeError('%s must be a Python int, got %r.' % (name, value))
  if value < 1:
    raise ValueError('%s must be >= 1, got %d.' % (name, value))
  return value


def floating_tensor(value, name):
  """Converts `value` to a tensor; TypeError naming `name` if not floating."""
  tensor = tf.convert_to_tensor(value)
  if not tensor.dtype.is_floating:
    raise TypeError(
        '`%s` must be a floating-point tensor (float16, bfloat16, float32 or '
        'float64), got dtype %s.' % (name, tensor.dtype.name))
  return tensor


def to_float32(value, name):
  """`value` as a float32 tensor; TypeError naming `name` if not floating."""
  return tf.cast(floating_tensor(value, name), tf.float32)


def _shape_str(shape):
  return str(tuple(shape.as_list())) if shape.rank is not None else '<unknown>'


def check_weights(weights, values_shape, weights_name, values_name):
  """`weights` as float32, if they broadcast to `values_shape`.

  Like `tf.compat.v1.losses.compute_weighted_loss`: weights must be a scalar
  or have the rank of the values, each dimension 1 or equal.

  Args:
    weights: The weights (anything convertible to a tensor).
    values_shape: A `tf.TensorShape`, the shape of the weighted values.
    weights_name: Argument name of the weights, for the message.
    values_name: What the weights weight, for the message.

  Returns:
    `weights` as a float32 tensor.

  Raises:
    TypeError: if the weights are not numeric.
    ValueError: if the static shapes are not broadcastable.
  """
  weights = tf.convert_to_tensor(weights)
  if not (weights.dtype.is_floating or weights.dtype.is_integer):
    raise TypeError('`%s` must be numeric, got dtype %s.'
                    % (weights_name, weights.dtype.name))
  weights = tf.cast(weights, tf.float32)
  w_shape = weights.shape
  if w_shape.rank is None or values_shape.rank is None or w_shape.rank == 0:
    return weights
  ok = w_shape.rank == values_shape.rank and all(
      w in (None, 1) or v is None or w == v
      for w, v in zip(w_shape.as_list(), values_shape.as_list()))
  if not ok:
    raise ValueError(
        '`%s` of shape %s cannot be broadcast to `%s` of shape %s: weights '
        'must be a scalar or have the same rank, each dimension 1 or equal.'
        % (weights_name, _shape_str(w_shape), values_name,
           _shape_str(values_shape)))
  return weights


def check_pair(real, real_name, gen, gen_name, policy, reduction):
  """Raises ValueError unless the static shapes of a pair fit `policy`.

  Args:
    real: The real-data tensor.
    real_name: Its argument name.
    gen: The generated-data tensor.
    gen_name: Its argument name.
    policy: EQUAL, SAME_EXCEPT_BATCH or BATCH_REDUCED_FIRST.
    reduction: The loss's reduction (NONE makes SAME_EXCEPT_BATCH EQUAL).
  """
  r, g = real.shape, gen.shape
  if r.rank is None or g.rank is None:
    return
  none = tf.compat.v1.losses.Reduction.NONE
  if policy == EQUAL or (reduction == none and policy == SAME_EXCEPT_BATCH):
    if not r.is_compatible_with(g):
      why = ('per-example losses (reduction=NONE) are added elementwise'
             if policy != EQUAL else 'this loss combines them elementwise')
      raise ValueError('`%s` shape %s and `%s` shape %s must be equal: %s.'
                       % (real_name, _shape_str(r), gen_name, _shape_str(g),
                          why))
  elif r.rank != g.rank or not r[1:].is_compatible_with(g[1:]):
    raise ValueError(
        '`%s` shape %s and `%s` shape %s must have the same rank and the '
        'same shape after the batch dimension (batch sizes may differ).'
        % (real_name, _shape_str(r), gen_name, _shape_str(g)))


def discriminator_outputs(discriminator_real_outputs,
                          discriminator_gen_outputs, reduction,
                          policy=SAME_EXCEPT_BATCH):
  """Both discriminator outputs as float32, their shapes checked.

  Args:
    discriminator_real_outputs: D's output on real data.
    discriminator_gen_outputs: D's output on generated data.
    reduction: The loss's reduction.
    policy: How their shapes must relate (see `check_pair`).

  Returns:
    (real outputs, generated outputs), float32.

  Raises:
    TypeError: if either is not floating point.
    ValueError: if their static shapes do not fit `policy`.
  """
  real = to_float32(discriminator_real_outputs, 'discriminator_real_outputs')
  gen = to_float32(discriminator_gen_outputs, 'discriminator_gen_outputs')
  check_pair(real, 'discriminator_real_outputs', gen,
             'discriminator_gen_outputs', policy, reduction)
  return real, gen


def checked_loss(loss_fn, pair_policy=EQUAL):
  """`loss_fn` (upstream's) with its inputs checked and cast first.

  Discriminator outputs and classification logits are cast to float32
  (TypeError for integer ones), their shapes checked under `pair_policy`,
  and the weights checked against the outputs they weight.

  Args:
    loss_fn: An argument-style loss with upstream TF-GAN's parameter names.
    pair_policy: How the real and generated outputs' shapes must relate.

  Returns:
    A function with `loss_fn`'s signature, name and docstring.
  """
  signature = inspect.signature(loss_fn)

  @functools.wraps(loss_fn)
  def checked(*args, **kwargs):
    try:
      bound = signature.bind(*args, **kwargs)
    except TypeError as e:
      raise TypeError('%s(): %s' % (loss_fn.__name__, e)) from None
    arguments = bound.arguments
    for name in _REAL_OUTPUT_ARGS + _GEN_OUTPUT_ARGS:
      if name in arguments:
        arguments[name] = to_float32(arguments[name], name)
    reduction = arguments.get('reduction',
                              signature.parameters['reduction'].default)
    for real_name, gen_name in zip(_REAL_OUTPUT_ARGS, _GEN_OUTPUT_ARGS):
      if real_name in arguments and gen_name in arguments:
        check_pair(arguments[real_name], real_name, arguments[gen_name],
                   gen_name, pair_policy, reduction)
    for weights_name, target in _WEIGHTED_BY.items():
      if weights_name in arguments and target in arguments:
        arguments[weights_name] = check_weights(
            arguments[weights_name], arguments[target].shape, weights_name,
            target)
    return loss_fn(*bound.args, **bound.kwargs)

  return checked
