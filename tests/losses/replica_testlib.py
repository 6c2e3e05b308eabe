# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""A loss's value and gradients on one device and summed over replicas.

For the global-batch workers (losses_global_batch_test.py,
losses_conditional_global_batch_test.py), which import this module after
they have split the CPU into logical devices. A replica's loss times its
share of the global batch, summed over replicas, must equal the one-device
loss of the whole batch; its gradients with respect to each replica's inputs
must be the one-device gradients.
"""

import numpy as np
import tensorflow as tf

__all__ = ['distributed', 'two_replicas', 'value_and_grads']


def two_replicas():
  """MirroredStrategy over 2 logical devices of the CPU.

  Call it first thing in the worker: the CPU is split before TensorFlow's
  runtime starts (`tfgan_ext.keras.distribute.split_cpu`).
  """
  from tfgan_ext.keras import distribute  # pylint: disable=g-import-not-at-top
  return tf.distribute.MirroredStrategy(distribute.split_cpu(2))


def value_and_grads(fn, tensors, batch):
  """fn(*tensors) times its share of a `batch`-example global batch.

  Returns:
    (that contribution, its gradients with respect to the floating
    `tensors`, None where a tensor gets none).
  """
  floats = [t for t in tensors if t.dtype.is_floating]
  with tf.GradientTape() as tape:
    tape.watch(floats)
    share = tf.cast(tf.shape(tensors[0])[0], tf.float32) / batch
    contribution = fn(*tensors) * share
  return contribution, tape.gradient(contribution, floats)


def distributed(strategy, fn, arrays, batch, use_function):
  """`value_and_grads` on each of 2 replicas' halves of `arrays`.

  Args:
    strategy: A strategy with 2 replicas.
    fn: The loss, fn(*tensors).
    arrays: NumPy arrays, split in halves along the batch.
    batch: The global batch size.
    use_function: Run the replicas' step in a tf.function.

  Returns:
    (the contributions' sum, float; the gradients of the floating arrays,
    replicas' halves concatenated, NumPy).
  """
  values = [strategy.experimental_distribute_values_from_function(
      lambda ctx, a=a: tf.constant(
          np.split(a, 2)[ctx.replica_id_in_sync_group])) for a in arrays]
  run = lambda *v: strategy.run(
      lambda *t: value_and_grads(fn, list(t), batch), args=v)
  if use_function:
    run = tf.function(run)
  contribution, grads = run(*values)
  total = sum(float(c) for c in strategy.experimental_local_results(
      contribution))
  grads = [np.concatenate([g.numpy() for g in
                           strategy.experimental_local_results(grad)])
           for grad in grads]
  return total, grads
