# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Input checks shared by every argument-style loss in tfgan_ext.losses.

A loss decorated with `checked_loss` (upstream's losses) or with the
`_weighted` decorators (tfgan_ext's own) gets, before its body runs
(`bind_and_check`):

* discriminator outputs / logits / features cast to float32, and a TypeError
  naming the argument when they are not floating point (an integer tensor is
  never a discriminator output);
* a ValueError naming both shapes when the real and generated outputs have
  static shapes the loss cannot combine;
* a ValueError naming the weights argument when it cannot be broadcast to the
  values it weights.

Only static (graph-construction-time) shapes are checked; unknown dimensions
pass.
"""

import functools
import inspect

import tensorflow as tf

__all__ = [
    'BATCH_REDUCED_FIRST',
    'EQUAL',
    'SAME_EXCEPT_BATCH',
    'bind_and_check',
    'check_weights',
    'checked_loss',
    'floating_tensor',
    'to_float32',
]

# How the real and generated tensors of a loss must relate.
EQUAL = 'equal'  # Same shape (elementwise combination).
SAME_EXCEPT_BATCH = 'same_except_batch'  # Batch sizes may differ.
# Batch sizes may differ whatever the reduction (it acts over features).
BATCH_REDUCED_FIRST = 'batch_reduced_first'

# Tensor arguments that hold discriminator outputs (real, then generated).
_REAL_OUTPUT_ARGS = ('discriminator_real_outputs',
                     'discriminator_real_classification_logits',
                     'real_features')
_GEN_OUTPUT_ARGS = ('discriminator_gen_outputs',
                    'discriminator_gen_classification_logits',
                    'generated_features')
# (Classification logits and features are not weighted per element, so their
# weights are left to the loss.)
_WEIGHTED_BY = {
    'real_weights': ('discriminator_real_outputs',),
    'generated_weights': ('discriminator_gen_outputs',),
    'weights': ('discriminator_gen_outputs',),
}


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
  """Raises ValueError unless `weights` broadcasts to `values_shape`.

  Like `tf.compat.v1.losses.compute_weighted_loss`: weights must be a scalar
  or have the rank of the values, each dimension 1 or equal.

  Args:
    weights: The weights (anything convertible to a tensor).
    values_shape: A `tf.TensorShape`, the shape of the weighted values.
    weights_name: Argument name of the weights, for the message.
    values_name: Argument name of the values, for the message.

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


def _check_pair(real, real_name, gen, gen_name, policy, reduction):
  """Checks the static shapes of a real/generated pair under `policy`."""
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
  else:
    if r.rank != g.rank or not r[1:].is_compatible_with(g[1:]):
      raise ValueError(
          '`%s` shape %s and `%s` shape %s must have the same rank and the '
          'same shape after the batch dimension (batch sizes may differ).'
          % (real_name, _shape_str(r), gen_name, _shape_str(g)))


def bind_and_check(loss_name, signature, args, kwargs, pair_policy):
  """Binds a loss call's arguments, then casts and checks them (module doc).

  Args:
    loss_name: The loss's name, for messages.
    signature: The loss's `inspect.Signature`.
    args: Positional arguments of the call.
    kwargs: Keyword arguments of the call.
    pair_policy: `EQUAL`, `SAME_EXCEPT_BATCH` (equal with reduction=NONE) or
      `BATCH_REDUCED_FIRST`: how the static shapes of the real and generated
      tensors must relate.

  Returns:
    The `inspect.BoundArguments`, discriminator outputs cast to float32 and
    weights converted to float32 tensors.

  Raises:
    TypeError: for arguments the signature does not take, or outputs that
      are not floating point.
    ValueError: for shapes that do not fit.
  """
  try:
    bound = signature.bind(*args, **kwargs)
  except TypeError as e:
    raise TypeError('%s(): %s' % (loss_name, e)) from None
  arguments = bound.arguments
  for name in _REAL_OUTPUT_ARGS + _GEN_OUTPUT_ARGS:
    if name in arguments:
      arguments[name] = to_float32(arguments[name], name)
  reals = [n for n in _REAL_OUTPUT_ARGS if n in arguments]
  gens = [n for n in _GEN_OUTPUT_ARGS if n in arguments]
  reduction = arguments.get(
      'reduction', signature.parameters['reduction'].default
      if 'reduction' in signature.parameters else None)
  for real_name, gen_name in zip(reals, gens):
    _check_pair(arguments[real_name], real_name, arguments[gen_name],
                gen_name, pair_policy, reduction)
  for weights_name, targets in _WEIGHTED_BY.items():
    if weights_name not in arguments:
      continue
    target = [n for n in targets if n in arguments]
    if target:
      arguments[weights_name] = check_weights(
          arguments[weights_name], arguments[target[0]].shape,
          weights_name, target[0])
  return bound


def checked_loss(pair_policy=EQUAL):
  """Decorator: validates and casts a loss's tensor arguments (see module doc).

  Args:
    pair_policy: As for `bind_and_check`.

  Returns:
    A decorator keeping the loss's name, docstring and signature.
  """

  def decorator(loss_fn):
    signature = inspect.signature(loss_fn)

    @functools.wraps(loss_fn)
    def checked(*args, **kwargs):
      bound = bind_and_check(loss_fn.__name__, signature, args, kwargs,
                             pair_policy)
      return loss_fn(*bound.args, **bound.kwargs)

    checked.__signature__ = signature
    return checked

  return decorator
