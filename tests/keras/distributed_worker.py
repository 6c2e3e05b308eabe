# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""One process of the tf.distribute tests of tfgan_ext.keras (run as a script).

  python tests/keras/distributed_worker.py --strategy=mirrored --flavour=keras
  TF_CONFIG=... python tests/keras/distributed_worker.py --strategy=multi_worker

Device set-up comes first (2 logical CPUs for 'mirrored'; the
MultiWorkerMirroredStrategy for 'multi_worker', created before anything else
runs TensorFlow ops), then tfgan_ext is imported. For each configuration it
trains copies of the same small GAN from the same weights on the same global
batch, once without distribution (one replica) and once under the strategy,
and prints JSON with the variables' differences, the logged values and the
time taken. keras_distribute_test.py runs it and checks the numbers.
"""

import argparse
import json
import os
import sys
import time

import numpy as np

BATCH = 8  # Global batch.
NOISE_DIMS, DATA_DIMS = 4, 3
LEARNING_RATE = 0.1
# Steps of the random-penalty statistical comparisons: zCR's per-step values
# vary more (a few squared differences of 8 examples), so it takes more.
STAT_STEPS = {'dragan': 60, 'wasserstein_gradient_penalty': 60, 'zcr': 240}


def _top_k(A):
  """Three steps keeping 8, 4 and 2 of the global batch of 8."""
  return {'loss': 'hinge', 'addons': [A.TopK(1, gamma=0.5, nu=0.25)],
          '_steps': 3}


def _configs(A, loss_names, subset):
  """name -> compile kwargs of the one-step equivalence runs.

  Args:
    A: The module tfgan_ext.addons (imported once the devices are set up).
    loss_names: The registered losses.
    subset: Whether to keep a few configurations only.
  """
  configs = {'loss:' + n: {'loss': n} for n in loss_names}
  configs.update({
      'penalty:r1': {'loss': 'hinge', 'addons': [A.Penalty('r1', 2.0)]},
      'penalty:r2': {'loss': 'hinge', 'addons': [A.Penalty('r2', 2.0)]},
      'feature_matching': {'loss': 'modified', 'addons': [
          A.FeatureMatching(1.0, layer='features')]},
      'fused:relativistic_r1': {'loss': 'relativistic',
                                'addons': [A.Penalty('r1')], 'fused': True},
      'lazy_r1_two_d_steps': {'loss': 'hinge',
                              'addons': [A.Penalty('r1', every=2)],
                              'discriminator_steps': 2},
      # Three steps: the average copies the weights after the first.
      'generator_ema': {'loss': 'hinge', 'addons': [A.GeneratorAverage(0.5)],
                        '_steps': 3},
      # Three steps: the anchors are batch means at the first, then averages
      # of the global batch's means.
      'lecam': {'loss': 'hinge', 'addons': [A.LeCam(0.3, decay=0.5, start=1)],
                '_steps': 3},
      'top_k': _top_k(A),
      # bCR with a deterministic T (reversed, halved features).
      'bcr': {'loss': 'hinge', 'addons': [
          A.BalancedConsistency(10.0, lambda x: x[:, ::-1] * 0.5)]},
  })
  if subset:
    keep = ('loss:hinge', 'loss:relativistic', 'penalty:r1',
            'feature_matching', 'lazy_r1_two_d_steps', 'generator_ema',
            'lecam', 'top_k', 'bcr')
    configs = {k: v for k, v in configs.items() if k in keep}
  return configs


def _arrays():
  rng = np.random.default_rng(0)
  # The two halves of the batch (one per replica) differ in mean, so any
  # statistic taken per replica instead of over the global batch shows.
  halves = np.repeat([-1.0, 1.0], BATCH // 2)[:, None]
  noise = rng.normal(size=(BATCH * 2, NOISE_DIMS)).astype(np.float32)
  real = (rng.normal(size=(BATCH * 2, DATA_DIMS)) + np.tile(
      halves, (2, DATA_DIMS))).astype(np.float32)
  return noise, real


def _networks(keras_mod, seed):
  layers = keras_mod.layers
  generator = keras_mod.Sequential([
      keras_mod.Input((NOISE_DIMS,)),
      layers.Dense(8, activation='tanh'),
      layers.Dense(DATA_DIMS)], name='generator')
  discriminator = keras_mod.Sequential([
      keras_mod.Input((DATA_DIMS,)),
      layers.Dense(8, activation='tanh', name='features'),
      layers.Dense(1)], name='discriminator')
  rng = np.random.default_rng(seed)
  for model in (generator, discriminator):
    model.set_weights([rng.normal(size=w.shape).astype(np.float32) * 0.5
                       for w in model.get_weights()])
  return generator, discriminator


def _weights(gan):
  """The players' weights, then the average's (when there is one)."""
  extra = ([] if gan.sampling_generator is gan.generator
           else gan.sampling_generator.get_weights())
  # LeCam's anchors: the global batch's means on every replica.
  extra += [w.numpy() for w in gan.weights if 'lecam' in w.name]
  return [np.asarray(w) for w in gan.generator.get_weights() +
          gan.discriminator.get_weights() + extra]


def _train(tf, keras_mod, tk, strategy, kwargs, steps, learning_rate, seed=1):
  """Trains a fresh GAN for `steps` steps; returns (before, after, history)."""
  noise, real = _arrays()
  dataset = tf.data.Dataset.from_tensor_slices((noise, real)).repeat().batch(
      BATCH, drop_remainder=True)
  options = tf.data.Options()
  options.experimental_distribute.auto_shard_policy = (
      tf.data.experimental.AutoShardPolicy.DATA)
  dataset = dataset.with_options(options)
  with strategy.scope():
    generator, discriminator = _networks(keras_mod, seed)
    gan = tk.GANModel(generator, discriminator)
    gan.compile(keras_mod.optimizers.SGD(learning_rate),
                keras_mod.optimizers.SGD(learning_rate), **kwargs)
  before = _weights(gan)
  history = gan.fit(dataset, epochs=steps, steps_per_epoch=1, verbose=0)
  return before, _weights(gan), history.history


def _ada_p(tf, keras_mod, tk, strategy):
  """ADA's p after one step on images whose halves D scores -1 and +1.

  D(x) = sum of the pixels, the real batch's first half all +1 and second
  half all -1: r = E[sign(D(x_real))] is +1 and -1 on the two replicas and 0
  over the global batch. With target 0.5 and p moving by 8/16 per step, the
  global r leaves p at 0; the first replica's own r would raise it to 0.5
  (and its value is the one kept).
  """
  from tfgan_ext.addons import ADA  # pylint: disable=g-import-not-at-top
  layers = keras_mod.layers
  real = np.repeat([1.0, -1.0], BATCH // 2)[:, None, None, None] * np.ones(
      (BATCH, 2, 2, 1))
  dataset = tf.data.Dataset.from_tensor_slices((
      np.ones((BATCH, NOISE_DIMS), np.float32),
      real.astype(np.float32))).batch(BATCH)
  options = tf.data.Options()
  options.experimental_distribute.auto_shard_policy = (
      tf.data.experimental.AutoShardPolicy.DATA)
  dataset = dataset.with_options(options)
  with strategy.scope():
    generator = keras_mod.Sequential([
        keras_mod.Input((NOISE_DIMS,)), layers.Dense(4),
        layers.Reshape((2, 2, 1))])
    discriminator = keras_mod.Sequential([
        keras_mod.Input((2, 2, 1)), layers.Flatten(),
        layers.Dense(1, kernel_initializer='ones', bias_initializer='zeros')])
    gan = tk.GANModel(generator, discriminator)
    gan.compile(keras_mod.optimizers.SGD(0.0), keras_mod.optimizers.SGD(0.0),
                loss='hinge',
                addons=[ADA(target=0.5, interval=1, speed_images=16)])
  gan.fit(dataset, epochs=1, verbose=0)
  return float([w for w in gan.weights if 'ada_p' in w.name][0].numpy())


def _compare(single, distributed):
  (before, after_1, logs_1), (_, after_n, logs_n) = single, distributed
  delta_1 = np.concatenate([(a - b).ravel() for a, b in zip(after_1, before)])
  delta_n = np.concatenate([(a - b).ravel() for a, b in zip(after_n, before)])
  var_1 = np.concatenate([a.ravel() for a in after_1])
  var_n = np.concatenate([a.ravel() for a in after_n])
  return {
      'max_abs_variable_diff': float(np.max(np.abs(var_1 - var_n))),
      'max_abs_update': float(np.max(np.abs(delta_1))),
      'max_abs_update_diff': float(np.max(np.abs(delta_1 - delta_n))),
      'variables_single': var_1.tolist(),
      'variables_distributed': var_n.tolist(),
      'logs_single': {k: [float(x) for x in v] for k, v in logs_1.items()},
      'logs_distributed': {k: [float(x) for x in v]
                           for k, v in logs_n.items()},
  }


def main():
  parser = argparse.ArgumentParser()
  parser.add_argument('--strategy', choices=['mirrored', 'multi_worker'])
  parser.add_argument('--flavour', default='keras',
                      choices=['keras', 'tf_keras'])
  parser.add_argument('--subset', action='store_true',
                      help='A few configurations instead of every loss.')
  parser.add_argument('--skip_statistics', action='store_true')
  args = parser.parse_args()
  start = time.time()

  import tensorflow as tf  # pylint: disable=g-import-not-at-top
  if args.strategy == 'mirrored':
    cpu = tf.config.list_physical_devices('CPU')[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
    strategy = tf.distribute.MirroredStrategy(['/cpu:0', '/cpu:1'])
  else:
    strategy = tf.distribute.MultiWorkerMirroredStrategy()
  # tfgan_ext before tf_keras (see docs/keras.md).
  import tfgan_ext  # pylint: disable=g-import-not-at-top
  import tfgan_ext.keras as tk  # pylint: disable=g-import-not-at-top
  from tfgan_ext.keras import distribute  # pylint: disable=g-import-not-at-top
  from tfgan_ext.losses import _batch_stats  # pylint: disable=g-import-not-at-top
  keras_mod = __import__(args.flavour)
  default = tf.distribute.get_strategy()
  # The one-replica references run on one process only (the chief).
  chief = (args.strategy == 'mirrored' or
           strategy.cluster_resolver.task_id == 0)
  result = {'num_replicas': strategy.num_replicas_in_sync, 'chief': chief,
            'keras': '%s %s' % (args.flavour, keras_mod.__version__),
            'tensorflow': tf.__version__, 'equivalence': {}, 'timings': {}}

  for name, kwargs in _configs(tfgan_ext.addons, tfgan_ext.losses.names(),
                               args.subset).items():
    kwargs = dict(kwargs)
    steps = kwargs.pop('_steps', 1)
    t0 = time.time()
    single = chief and _train(tf, keras_mod, tk, default, kwargs, steps,
                              LEARNING_RATE)
    t1 = time.time()
    distributed = _train(tf, keras_mod, tk, strategy, kwargs, steps,
                         LEARNING_RATE)
    result['timings'][name] = [t1 - t0, time.time() - t1]
    result['equivalence'][name] = _compare(single or distributed,
                                           distributed)

  result['ada_p'] = {
      'single': chief and _ada_p(tf, keras_mod, tk, default),
      'distributed': _ada_p(tf, keras_mod, tk, strategy)}

  # Control: a per-replica mean (no B_r / B share) must be caught.
  share = distribute.replica_share
  distribute.replica_share = lambda batch: tf.ones([], tf.float32)
  try:
    single = chief and _train(tf, keras_mod, tk, default, {'loss': 'hinge'},
                              1, LEARNING_RATE)
    distributed = _train(tf, keras_mod, tk, strategy, {'loss': 'hinge'}, 1,
                         LEARNING_RATE)
    result['control_per_replica_mean'] = _compare(single or distributed,
                                                  distributed)
  finally:
    distribute.replica_share = share

  # Control: top-k selecting within each replica (no all-gather) must be
  # caught by the 'top_k' configuration.
  gather = _batch_stats.batch_gather
  _batch_stats.batch_gather = lambda values: (values, tf.constant(0))
  try:
    kwargs = _top_k(tfgan_ext.addons)
    steps = kwargs.pop('_steps')
    single = chief and _train(tf, keras_mod, tk, default, kwargs, steps,
                              LEARNING_RATE)
    distributed = _train(tf, keras_mod, tk, strategy, kwargs, steps,
                         LEARNING_RATE)
    result['control_top_k_per_replica'] = _compare(single or distributed,
                                                   distributed)
  finally:
    _batch_stats.batch_gather = gather

  if not args.skip_statistics:
    result['statistics'] = {}
    A = tfgan_ext.addons
    random_terms = {
        'dragan': {'addons': [A.Penalty('dragan')]},
        'wasserstein_gradient_penalty': {
            'addons': [A.Penalty('wasserstein_gradient_penalty')]},
        # zCR's dz is random; its generator term is off, so the logged
        # 'penalty' is the discriminator's.
        'zcr': {'addons': [A.LatentConsistency(5.0, generator_weight=0.0,
                                               stddev=0.5)]}}
    for key, extra in random_terms.items():
      kwargs = dict({'loss': 'wasserstein'}, **extra)
      t0 = time.time()
      # Learning rate 0: the weights stay put, so each step's penalty is an
      # independent draw of the same random variable.
      logs_1 = chief and _train(tf, keras_mod, tk, default, kwargs,
                                STAT_STEPS[key], 0.0)[2]
      _, _, logs_n = _train(tf, keras_mod, tk, strategy, kwargs,
                            STAT_STEPS[key], 0.0)
      # And it trains: a few steps with a learning rate.
      before, after, logs_t = _train(tf, keras_mod, tk, strategy, kwargs, 3,
                                     LEARNING_RATE)
      log_key = [k for k in logs_n if 'penalty' in k][0]
      result['statistics'][key] = {
          'single': logs_1 and logs_1[log_key],
          'distributed': logs_n[log_key],
          'trained_finite': bool(all(np.all(np.isfinite(a)) for a in after)
                                 and all(np.all(np.isfinite(v)) for v in
                                         logs_t.values())),
          'trained_changed': float(max(np.max(np.abs(a - b))
                                       for a, b in zip(after, before))),
      }
      result['timings']['statistics:' + key] = [time.time() - t0]
  result['timings']['total'] = [time.time() - start]
  sys.stdout.write('RESULT ' + json.dumps(result) + '\n')


if __name__ == '__main__':
  os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
  main()
