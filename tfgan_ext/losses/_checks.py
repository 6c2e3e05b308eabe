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
  values it weights: `check_weights` (called by `_reduction`);
* class labels, integer [batch] or one-hot [batch, classes], are checked
  against the logits they label (rank, batch size, class count, range) and
  become integer class indices: `class_labels` (the conditional losses).

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
    'check_batch',
    'checked_loss',
    'class_labels',
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


def check_batch(labels, labels_name, batch_like, batch_name):
  """Raises ValueError unless `labels` and `batch_like` have one batch size.

  Only static shapes are compared (unknown sizes pass).
  """
  a = tf.TensorShape(tf.convert_to_tensor(labels).shape)
  b = tf.TensorShape(tf.convert_to_tensor(batch_like).shape)
  if a.rank and b.rank and a[0] is not None and b[0] is not None and (
      a[0] != b[0]):
    raise ValueError('`%s` shape %s and `%s` shape %s must have the same '
                     'batch size: each example has one label.'
                     % (labels_name, _shape_str(a), batch_name,
                        _shape_str(b)))


def class_labels(labels, num_classes, batch_like, batch_name, classes_from,
                 labels_name='labels'):
  """Class labels as int32 class indices [batch], checked.

  Integer labels [batch] are class indices, checked to lie in
  [0, num_classes) (in Python when their value is known while the graph is
  built, else by an assertion when the loss runs); labels [batch, C] of any
  numeric dtype are one-hot (the index of each row's largest entry is taken),
  and C must be `num_classes`.

  Args:
    labels: The labels.
    num_classes: The number of classes the loss expects, or None (any; then
      integer labels need only be >= 0).
    batch_like: A tensor whose first dimension the labels' must equal.
    batch_name: Its argument name, for the message.
    classes_from: Where `num_classes` comes from, for the message (e.g.
      '`x` has 10 columns').
    labels_name: The labels' argument name, for the message.

  Returns:
    An int32 tensor [batch] of class indices.

  Raises:
    TypeError: if the labels are not numeric, or are floating point of
      rank 1.
    ValueError: for a rank other than 1 or 2, a batch size or class count
      that does not fit, or (known) indices out of range.
  """
  labels = tf.convert_to_tensor(labels)
  dtype = labels.dtype
  if dtype == tf.bool or not (dtype.is_integer or dtype.is_floating):
    raise TypeError('`%s` must be integer class indices [batch] or one-hot '
                    'labels [batch, classes], got dtype %s.'
                    % (labels_name, dtype.name))
  rank = labels.shape.rank
  if rank not in (1, 2):
    raise ValueError('`%s` must be integer class indices [batch] or one-hot '
                     'labels [batch, classes], got shape %s.'
                     % (labels_name, _shape_str(labels.shape)))
  check_batch(labels, labels_name, batch_like, batch_name)
  if rank == 2:
    columns = labels.shape[1]
    if num_classes is not None and columns is not None and (
        columns != num_classes):
      raise ValueError('`%s` is one-hot over %d classes, but %s: the loss '
                       'expects %d classes.' % (labels_name, columns,
                                                classes_from, num_classes))
    return tf.argmax(labels, axis=1, output_type=tf.int32)
  if not dtype.is_integer:
    raise TypeError('`%s` of shape %s must be integer class indices, got '
                    'dtype %s (one-hot labels have shape [batch, classes]).'
                    % (labels_name, _shape_str(labels.shape), dtype.name))
  if num_classes is None:
    valid = 'must be >= 0'
  else:
    valid = 'must be in [0, %d) (%s)' % (num_classes, classes_from)
  known = tf.get_static_value(labels)
  if known is not None:
    bad = [int(v) for v in known.ravel()
           if v < 0 or (num_classes is not None and v >= num_classes)]
    if bad:
      raise ValueError('`%s` holds class indices %s; class indices %s.'
                       % (labels_name, sorted(set(bad))[:5], valid))
    return tf.cast(labels, tf.int32)
  message = '`%s`: class indices %s.' % (labels_name, valid)
  checks = [tf.debugging.assert_non_negative(labels, message=message)]
  if num_classes is not None:
    checks.append(tf.debugging.assert_less(
        labels, tf.cast(num_classes, dtype), message=message))
  with tf.control_dependencies(checks):
    return tf.identity(tf.cast(labels, tf.int32))


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
