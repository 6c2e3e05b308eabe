# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Conditional batch norm under MirroredStrategy vs one device (a script).

  python tests/keras/conditional_distribute_worker.py

Splits the CPU into 2 logical devices first (before TensorFlow's runtime
starts), makes one MirroredStrategy (reused for both Keras packages: a
second one in a process can abort collectives, FACTS.md), then for `keras`
and `tf_keras`: a ConditionalBatchNormalization layer with
synchronized=True, and SNGAN's conditional ResNet generator with
synchronized batch norm, each run in training mode on a global batch of 8
(4 per replica, the halves drawn with different means and scales), against
a copy with the same weights on one device and the whole batch; and the
unsynchronized layer as a control. Prints RESULT {json} with the largest
absolute differences; keras_conditional_parts_test.py checks them.
"""

import json

import numpy as np

BATCH, CLASSES = 8, 3


def _halves(rng, shape):
  """A global batch whose two replica halves differ in mean and scale."""
  first = rng.normal(0.0, 1.0, size=(BATCH // 2,) + shape)
  second = rng.normal(3.0, 2.0, size=(BATCH // 2,) + shape)
  return np.concatenate([first, second]).astype(np.float32)


def _per_replica(tf, strategy, arrays):
  """Each replica's half of every array in `arrays`."""
  def value(context):
    i = context.replica_id_in_sync_group
    half = BATCH // strategy.num_replicas_in_sync
    return [tf.constant(a[i * half:(i + 1) * half]) for a in arrays]
  return strategy.experimental_distribute_values_from_function(value)


def _distributed_call(tf, strategy, fn, arrays):
  """fn(*arrays) in training mode on each replica's half, concatenated."""
  @tf.function
  def step(values):
    return strategy.run(lambda v: fn(*v), args=(values,))
  outputs = strategy.experimental_local_results(
      step(_per_replica(tf, strategy, arrays)))
  return np.concatenate([np.asarray(o) for o in outputs])


def _compare(tf, strategy, K, conditional, sngan_keras_networks, rng):
  parts = conditional.layers_for(K)
  x = _halves(rng, (3, 3, 2))
  ids = rng.integers(0, CLASSES, size=BATCH).astype(np.int32)
  gamma = rng.normal(1.0, 0.5, size=(CLASSES, 2)).astype(np.float32)
  beta = rng.normal(size=(CLASSES, 2)).astype(np.float32)

  def layer(synchronized):
    cbn = parts.ConditionalBatchNormalization(
        CLASSES, momentum=0.9, synchronized=synchronized)
    cbn.build([x.shape, ids.shape])
    cbn.gamma.assign(gamma)
    cbn.beta.assign(beta)
    return cbn

  one_device = layer(True)
  expected = np.asarray(one_device([x, ids], training=True))
  with strategy.scope():
    synchronized, unsynchronized = layer(True), layer(False)
  got = _distributed_call(
      tf, strategy, lambda a, b: synchronized([a, b], training=True), [x, ids])
  control = _distributed_call(
      tf, strategy, lambda a, b: unsynchronized([a, b], training=True),
      [x, ids])

  def generator():
    return sngan_keras_networks.resnet_generator(
        K, (8, 8, 1), noise_dims=8, width=4, num_classes=CLASSES,
        synchronized_batch_norm=True)

  with strategy.scope():
    distributed_generator = generator()
  one_device_generator = generator()
  one_device_generator.set_weights(distributed_generator.get_weights())
  noise = _halves(rng, (8,))
  one_hot = np.eye(CLASSES, dtype=np.float32)[ids]
  images = _distributed_call(
      tf, strategy,
      lambda z, y: distributed_generator([z, y], training=True),
      [noise, one_hot])
  expected_images = np.asarray(
      one_device_generator([noise, one_hot], training=True))
  return {
      'replicas': strategy.num_replicas_in_sync,
      'layer_vs_one_device': float(np.abs(got - expected).max()),
      'moving_mean_vs_one_device': float(np.abs(
          np.asarray(synchronized.batch_norm.moving_mean) -
          np.asarray(one_device.batch_norm.moving_mean)).max()),
      # One update from 0 with momentum 0.9: 0.1 times the global mean.
      'moving_mean_vs_numpy': float(np.abs(
          np.asarray(synchronized.batch_norm.moving_mean) -
          0.1 * x.mean(axis=(0, 1, 2))).max()),
      'unsynchronized_vs_one_device': float(np.abs(control - expected).max()),
      'generator_vs_one_device': float(
          np.abs(images - expected_images).max()),
  }


def main():
  import tensorflow as tf  # pylint: disable=g-import-not-at-top
  cpu = tf.config.list_physical_devices('CPU')[0]
  tf.config.set_logical_device_configuration(
      cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
  strategy = tf.distribute.MirroredStrategy(['/cpu:0', '/cpu:1'])
  # tfgan_ext (its compat layer) before tf_keras (see docs/keras.md).
  # pylint: disable=g-import-not-at-top
  from tfgan_ext import conditional
  from examples.digits import sngan_keras_networks
  rng = np.random.default_rng(0)
  result = {}
  for flavour in ('keras', 'tf_keras'):
    result[flavour] = _compare(tf, strategy, __import__(flavour), conditional,
                               sngan_keras_networks, rng)
  print('RESULT ' + json.dumps(result))


if __name__ == '__main__':
  main()
