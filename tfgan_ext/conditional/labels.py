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
work. The checks are the conditional losses' own
(`tfgan_ext.losses._checks.class_labels`: dtype, rank, batch size, ids in
range), with the class count checked first in the parts' words. Static
shapes and known ids fail when the graph is built (ValueError / TypeError);
ids known only when the op runs fail then (`tf.errors.InvalidArgumentError`
from an assertion; XLA drops assertions, so under `jit_compile` such a label
gives an all-zero row instead).
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


def one_hot_labels(labels, num_classes, dtype=tf.float32, batch_like=None,
                   batch_name='features', name='labels'):
  """`labels` (class ids [B] or one-hot [B, num_classes]) as one-hot rows.

  Args:
    labels: Integer class ids [B], or one-hot rows / class probabilities
      [B, num_classes] (any numeric dtype).
    num_classes: Number of classes K (a Python int >= 1).
    dtype: Floating dtype of the result.
    batch_like: The tensor (features, inputs) whose batch size the labels
      must have, or None (not checked).
    batch_name: Its name, for messages.
    name: The labels' name, for messages.

  Returns:
    A [B, num_classes] tensor of `dtype`: tf.one_hot of class ids, or the
    rows as given, cast.

  Raises:
    TypeError: `labels` are neither integer nor floating point (bool,
      string), float class ids of rank 1, or `num_classes` is not an int.
    ValueError: `num_classes` < 1; a rank other than 1 (ids) or 2 (one hot);
      one-hot rows whose width is not `num_classes` (the class-count
      mismatch); a static batch size other than `batch_like`'s; class ids
      known when the graph is built and out of range.
    tf.errors.InvalidArgumentError: (when run) a class id outside
      [0, num_classes).
  """
  num_classes = check_num_classes(num_classes)
  labels = tf.convert_to_tensor(labels)
  if labels.shape.rank == 2 and labels.shape[-1] not in (None, num_classes):
    raise ValueError(
        '`%s` are one-hot rows of %d classes (shape %s), but the part was '
        'built for num_classes=%d (class ids go as a rank-1 tensor).'
        % (name, labels.shape[-1], labels.shape, num_classes))
  ids = _checks.class_labels(
      labels, num_classes, labels if batch_like is None else batch_like,
      batch_name, 'the part was built for num_classes=%d' % num_classes,
      labels_name=name)
  if labels.shape.rank == 1:
    return tf.one_hot(ids, num_classes, dtype=dtype)
  return tf.ensure_shape(tf.cast(labels, dtype), [None, num_classes])
