# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Batch statistics over the global batch when losses run in tf.distribute.

Some losses use statistics of the whole batch: the relativistic average
losses (mean discriminator output), feature matching (mean features),
DRAGAN (standard deviation of the real data), top-k training (the best
scores of the batch) and D2D-CE (every example's embedding). Under a
`tf.distribute` strategy each replica sees only its part of the batch, so a
plain mean would give each replica a different loss, not the loss of the
global batch.

Inside a replica context with more than one replica in sync, these helpers
all-reduce the sum and the count of the values (`ReplicaContext.all_reduce`,
whose gradient is itself an all-reduce of the incoming gradients, so
gradients reach every replica's examples as on one device) or all-gather the
values (`ReplicaContext.all_gather`, whose gradient all-reduces the incoming
gradients and gives each replica its own examples' part: top-k's selection,
D2D-CE's negatives); everywhere else
(no strategy, one replica, cross-replica context, TF-1 graphs) they are
`tf.reduce_mean` / `tf.math.reduce_std`, unchanged.

Each replica then computes the same value of the loss. To train on it, weight
each replica's loss by its share of the global batch (B_r / B, as for any
per-example loss; `tfgan_ext.keras` does this), so the gradients the
optimizer sums over replicas are the global loss's. TensorFlow cannot
all-reduce inside a `tf.cond` branch in a replica (MirroredStrategy raises
"merge_call called while defining a new graph"): call these losses outside
conditionals when several replicas are in sync.
"""

import tensorflow as tf

__all__ = ['batch_gather', 'batch_mean', 'batch_std', 'global_means',
           'replica_context']


def replica_context():
  """The replica context if several replicas are in sync, else None.

  None means no strategy, one replica, a cross-replica context or a TF-1
  graph: plain reductions are then global.
  """
  context = tf.distribute.get_replica_context()
  if context is None or context.num_replicas_in_sync == 1:
    return None
  return context


def batch_mean(values, axis=None):
  """Mean of `values` over the global batch.

  Args:
    values: A float tensor [batch, ...].
    axis: None for the mean of all elements (a scalar), or 0 for the mean
      over the batch dimension (shape values.shape[1:]).

  Returns:
    The mean over all replicas' values (a plain `tf.reduce_mean` outside a
    multi-replica context).
  """
  context = replica_context()
  if context is None:
    return tf.reduce_mean(values, axis=axis)
  if axis is None:
    total = tf.reduce_sum(values)
    count = tf.cast(tf.size(values), values.dtype)
  elif axis == 0:
    total = tf.reduce_sum(values, axis=0)
    count = tf.cast(tf.shape(values)[0], values.dtype)
  else:
    raise ValueError('batch_mean: axis must be None or 0, got %r.' % (axis,))
  total, count = context.all_reduce(tf.distribute.ReduceOp.SUM,
                                    [total, count])
  return total / count


def batch_gather(values):
  """All replicas' `values`, concatenated in replica order, and our offset.

  Args:
    values: A tensor [batch, ...] (replicas' batch sizes may differ).

  Returns:
    (gathered, offset): the global batch's values (`values` itself outside a
    multi-replica context) and the index of this replica's first example in
    it (an int32 scalar), so gathered[offset:offset + batch] is `values`.
  """
  context = replica_context()
  if context is None:
    return values, tf.constant(0, tf.int32)
  sizes = context.all_gather(tf.shape(values)[:1], axis=0)
  offset = tf.reduce_sum(sizes[:context.replica_id_in_sync_group])
  return context.all_gather(values, axis=0), offset


def batch_std(values):
  """Standard deviation of all elements of `values` over the global batch.

  Args:
    values: A float tensor [batch, ...].

  Returns:
    A scalar: `tf.math.reduce_std(values)` outside a multi-replica context,
    otherwise the same over all replicas' values (two all-reduced means).
  """
  if replica_context() is None:
    return tf.math.reduce_std(values)
  mean = batch_mean(values)
  return tf.sqrt(batch_mean(tf.square(values - mean)))


def global_means(values):
  """Weighted means over all replicas of per-replica values, in one all-reduce.

  Args:
    values: dict name -> (value, weight): a float scalar (this replica's mean)
      and its float weight (this replica's number of examples, 0 to leave it
      out).

  Returns:
    dict name -> (mean, present): the weighted mean over all replicas (0 when
    every weight is 0) and a float32 0/1 saying whether any replica gave
    weight. Equal on every replica.
  """
  names = sorted(values)
  weighted = [tf.cast(values[n][0], tf.float32) * tf.cast(values[n][1],
                                                          tf.float32)
              for n in names]
  weights = [tf.cast(values[n][1], tf.float32) for n in names]
  context = replica_context()
  if context is not None:
    weighted, weights = context.all_reduce(tf.distribute.ReduceOp.SUM,
                                           [weighted, weights])
  return {n: (tf.math.divide_no_nan(s, w), tf.cast(w > 0, tf.float32))
          for n, s, w in zip(names, weighted, weights)}
