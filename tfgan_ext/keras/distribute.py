# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""tf.distribute helpers: global-batch loss shares, strategies by name.

Loss scaling across replicas. `apply_gradients` of a Keras optimizer sums the
gradients of all replicas, so the loss each replica differentiates must be its
share of the global loss: for a loss that is a mean over the global batch of
B = sum_r B_r examples,

  share_r = B_r / B,   loss_r = share_r * (mean of the loss over replica r)

sums over replicas to the global mean. Losses built on batch statistics
(relativistic averages, feature matching) get those statistics over the
global batch from `tfgan_ext.losses` (all-reduced, differentiably), so they
are equal on every replica and the same share makes their gradients right.

Strategies by name (`strategy_by_name`) and the set-up they need on a CPU-only
machine (`split_cpu` into logical devices, `local_tf_config` for worker
processes on loopback) are here too, for tests and example trainers.
"""

import json
import os

import tensorflow as tf

from tfgan_ext.losses import _batch_stats

# Weighted means over all replicas, in one all-reduce (the train step's logs,
# the add-ons' batch statistics).
global_means = _batch_stats.global_means

__all__ = [
    'STRATEGIES',
    'global_means',
    'local_tf_config',
    'num_replicas',
    'replica_share',
    'split_cpu',
    'strategy_by_name',
]

STRATEGIES = ('default', 'mirrored', 'multi_worker')


def num_replicas():
  """Replicas in sync in the current replica context (1 outside one)."""
  context = tf.distribute.get_replica_context()
  return 1 if context is None else context.num_replicas_in_sync


def replica_share(local_batch_size):
  """B_r / B: this replica's share of the global batch, float32.

  Args:
    local_batch_size: This replica's batch size (int or scalar tensor).

  Returns:
    A float32 scalar; 1.0 with a single replica.
  """
  local = tf.cast(local_batch_size, tf.float32)
  context = _batch_stats.replica_context()
  if context is None:
    return tf.ones([], tf.float32)
  total = context.all_reduce(tf.distribute.ReduceOp.SUM, local)
  return local / total


def split_cpu(num_devices):
  """Splits the first physical CPU into `num_devices` logical devices.

  Must run before TensorFlow's runtime is initialized (before any op runs or
  logical device is listed; importing tfgan_ext does neither), so call it
  first thing in a process.

  Args:
    num_devices: int >= 1.

  Returns:
    The logical CPU device names, e.g. ['/device:CPU:0', '/device:CPU:1'].

  Raises:
    RuntimeError: if the runtime is already initialized with another number
      of logical CPU devices.
  """
  cpu = tf.config.list_physical_devices('CPU')[0]
  try:
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration()] * num_devices)
  except RuntimeError as e:
    existing = tf.config.list_logical_devices('CPU')
    if len(existing) != num_devices:
      raise RuntimeError(
          'Cannot split the CPU into %d logical devices: TensorFlow\'s runtime '
          'is already initialized with %d. Call split_cpu first thing in the '
          'process, before importing anything that runs TensorFlow ops.'
          % (num_devices, len(existing))) from e
  return [d.name for d in tf.config.list_logical_devices('CPU')]


def local_tf_config(num_workers, index, ports):
  """TF_CONFIG (a JSON string) for worker `index` of a loopback cluster.

  Args:
    num_workers: Number of worker processes.
    index: This worker's index (0 is the chief).
    ports: `num_workers` free TCP ports on localhost.

  Returns:
    The JSON string to put in os.environ['TF_CONFIG'] before creating
    `tf.distribute.MultiWorkerMirroredStrategy`.
  """
  if len(ports) != num_workers or not 0 <= index < num_workers:
    raise ValueError('Need %d ports and 0 <= index < %d, got ports=%s '
                     'index=%d.' % (num_workers, num_workers, ports, index))
  return json.dumps({
      'cluster': {'worker': ['localhost:%d' % p for p in ports]},
      'task': {'type': 'worker', 'index': index},
  })


def strategy_by_name(name, devices=None):
  """A `tf.distribute.Strategy` by name.

  Args:
    name: 'default' (no distribution: `tf.distribute.get_strategy()`),
      'mirrored' (`MirroredStrategy` over `devices`, default all GPUs, else
      the CPU) or 'multi_worker' (`MultiWorkerMirroredStrategy`, cluster from
      the TF_CONFIG environment variable; create it first thing in the
      process).
    devices: Devices for 'mirrored' (e.g. from `split_cpu`).

  Returns:
    The strategy.

  Raises:
    ValueError: for an unknown name, or 'multi_worker' without TF_CONFIG.
  """
  if name == 'default':
    return tf.distribute.get_strategy()
  if name == 'mirrored':
    return tf.distribute.MirroredStrategy(devices)
  if name == 'multi_worker':
    if 'TF_CONFIG' not in os.environ:
      raise ValueError(
          "strategy 'multi_worker' needs the TF_CONFIG environment variable "
          '(the cluster and this task); see tfgan_ext.keras.distribute.'
          'local_tf_config and docs/keras.md.')
    return tf.distribute.MultiWorkerMirroredStrategy()
  raise ValueError('Unknown strategy %r; valid names: %s.'
                   % (name, ', '.join(STRATEGIES)))
