# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Class labels for the conditional parts: checked, then one-hot.

Every conditional part (heads, conditional batch normalization) takes labels
in either form the examples and TF-GAN use:

* class ids: an integer tensor [B] with values in [0, num_classes);
* one-hot rows (or class probabilities): a tensor [B, num_classes] of any
  numeric dtype (TF-GAN's `one_hot_labels`, the examples' datasets).

and reads them as one-hot rows, so that a class embedding is a matrix
product (`one_hot @ table`): the same maths for both forms, and soft labels
work. Static shapes are checked when the graph is built (ValueError naming
both shapes); class ids out of range fail when the op runs
(`tf.errors.InvalidArgumentError` from an assertion; XLA drops assertions,
so under `jit_compile` such a label gives an all-zero row instead).
"""

import tensorflow as tf

from tfgan_ext.losses import _checks

__all__ = ['check_num_classes', 'floating_input', 'one_hot_labels']


def check_num_classes(num_classes):
  """`num_classes` if it is a Python int >= 1 (TypeError / ValueError)."""
  return _checks.positive_int(num_classes, 'num_classes')


def floating_input(value, name, min_rank=2, max_rank=None):
  """`value` as a floating tensor of rank in [min_rank, max_rank].

  Args:
    value: The features or activations a part takes.
    name: Their name, for messages.
    min_rank: Smallest rank accepted.
    max_rank: Largest rank accepted (None: any).

  Returns:
    The tensor.

  Raises:
    TypeError: `value` is not floating point (integer images, say).
    ValueError: its static rank is outside [min_rank, max_rank].
  """
  tensor = _checks.floating_tensor(value, name)
  rank = tensor.shape.rank
  if rank is not None and (rank < min_rank or
                           (max_rank is not None and rank > max_rank)):
    wanted = ('rank %d' % min_rank if max_rank == min_rank else
              'rank >= %d' % min_rank if max_rank is None else
              'rank %d to %d' % (min_rank, max_rank))
    raise ValueError('`%s` must have %s, got shape %s.'
                     % (name, wanted, tensor.shape))
  return tensor


def one_hot_labels(labels, num_classes, dtype=tf.float32, batch_size=None,
                   name='labels'):
  """`labels` (class ids [B] or one-hot [B, num_classes]) as one-hot rows.

  Args:
    labels: Integer class ids [B], or one-hot rows / class probabilities
      [B, num_classes] (any numeric dtype).
    num_classes: Number of classes K (a Python int >= 1).
    dtype: Floating dtype of the result.
    batch_size: The batch size the labels must have (the features'), or
      None (not checked).
    name: The labels' name, for messages.

  Returns:
    A [B, num_classes] tensor of `dtype`: tf.one_hot of class ids, or the
    rows as given, cast.

  Raises:
    TypeError: `labels` are neither integer nor floating point (bool,
      string), or `num_classes` is not an int.
    ValueError: `num_classes` < 1; the static rank is not 1 (ids) or 2 (one
      hot); one-hot rows whose width is not `num_classes` (the class-count
      mismatch); a static batch size other than `batch_size`.
    tf.errors.InvalidArgumentError: (when run) a class id outside
      [0, num_classes).
  """
  num_classes = check_num_classes(num_classes)
  labels = tf.convert_to_tensor(labels)
  if not (labels.dtype.is_integer or labels.dtype.is_floating):
    raise TypeError('`%s` must be integer class ids [B] or numeric one-hot '
                    'rows [B, %d], got dtype %s.'
                    % (name, num_classes, labels.dtype.name))
  rank = labels.shape.rank
  if rank == 1 and labels.dtype.is_integer:
    checks = [
        tf.debugging.assert_non_negative(
            labels, message='%s: class ids must be in [0, %d)'
            % (name, num_classes)),
        tf.debugging.assert_less(
            labels, tf.cast(num_classes, labels.dtype),
            message='%s: class ids must be in [0, %d)' % (name, num_classes)),
    ]
    with tf.control_dependencies(checks):
      rows = tf.one_hot(tf.identity(labels), num_classes, dtype=dtype)
  elif rank == 1:
    raise ValueError('`%s`: a rank-1 tensor must hold integer class ids, got '
                     'dtype %s (one-hot rows have shape [B, %d]).'
                     % (name, labels.dtype.name, num_classes))
  elif rank == 2:
    width = labels.shape[-1]
    if width is not None and width != num_classes:
      raise ValueError(
          '`%s` are one-hot rows of %d classes (shape %s), but the part was '
          'built for num_classes=%d (class ids go as a rank-1 tensor).'
          % (name, width, labels.shape, num_classes))
    rows = tf.cast(labels, dtype)
    if width is None:
      rows = tf.ensure_shape(rows, [None, num_classes])
  else:
    raise ValueError('`%s` must be class ids [B] or one-hot rows [B, %d], got '
                     'shape %s.' % (name, num_classes, labels.shape))
  if batch_size is not None and labels.shape[0] is not None and (
      labels.shape[0] != batch_size):
    raise ValueError('`%s` have batch size %d, the features %d.'
                     % (name, labels.shape[0], batch_size))
  return rows
