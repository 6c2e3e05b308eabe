# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The conditional losses over 2 replicas equal one device (global batch).

D2D-CE contrasts each example with the other examples of the batch, so a
replica seeing half the batch would compute another loss: its embeddings and
labels are all-gathered (`_batch_stats.batch_gather`, whose gradient reaches
every replica's examples). Under `MirroredStrategy` over 2 logical CPU
devices, each replica's loss times its share of the batch (B_r / B) must sum
to the one-device loss of the whole batch, and the per-replica gradients with
respect to each replica's inputs must be the one-device gradients. The
multi-hinge losses are per example and need nothing: they are checked too.
A `tfgan_ext.keras.GANModel` compiled with `loss='d2dce'` takes one SGD step
to the same weights on 1 and on 2 replicas. The controls switch the gather
off: D2D-CE's values, gradients and the Keras step then differ, so the
equalities can fail.

The strategy runs in a fresh interpreter (this file run as a script): logical
devices must be configured before TensorFlow's runtime starts, which
importing tfgan_ext does; it runs in the background while other tests run
(`BACKGROUND`).
"""

import json
import os
import subprocess
import sys

import numpy as np
import pytest

_REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(
    __file__))))
_BATCH = 8
_K = 3


def _inputs():
  rng = np.random.default_rng(3)
  # Every class on both replicas (halves), so negatives cross replicas.
  labels = np.array([0, 1, 2, 0, 1, 2, 2, 0])
  return {
      'embeddings': rng.normal(size=(_BATCH, 5)).astype(np.float32),
      'proxies': rng.normal(size=(_BATCH, 5)).astype(np.float32),
      'class_logits': (rng.normal(size=(_BATCH, _K + 1)) * 2).astype(
          np.float32),
      'gen_class_logits': (rng.normal(size=(_BATCH, _K + 1)) * 2).astype(
          np.float32),
      'logits': rng.normal(size=(_BATCH, 1)).astype(np.float32),
      'gen_logits': rng.normal(size=(_BATCH, 1)).astype(np.float32),
      'labels': labels,
  }


def _keras_step(tf, keras, tfk, strategy):  # pragma: no cover (subprocess)
  """Weights of a d2dce GANModel after one SGD step on the global batch."""
  rng = np.random.default_rng(5)
  noise = rng.normal(size=(_BATCH, 2)).astype(np.float32)
  one_hot = np.eye(_K, dtype=np.float32)[_inputs()['labels']]
  real = rng.normal(size=(_BATCH, 4)).astype(np.float32)
  dataset = tf.data.Dataset.from_tensor_slices(((noise, one_hot), real)).batch(
      _BATCH)
  options = tf.data.Options()
  options.experimental_distribute.auto_shard_policy = (
      tf.data.experimental.AutoShardPolicy.DATA)
  dataset = dataset.with_options(options)
  with strategy.scope():
    z, y = keras.Input((2,)), keras.Input((_K,))
    generator = keras.Model(
        [z, y], keras.layers.Dense(4)(keras.layers.Concatenate()([z, y])))
    x, labels = keras.Input((4,)), keras.Input((_K,))
    hidden = keras.layers.Dense(8, activation='tanh')(x)
    discriminator = keras.Model([x, labels], {
        'logits': keras.layers.Dense(1)(hidden),
        'embeddings': keras.layers.Dense(5)(hidden),
        'proxies': keras.layers.Dense(5, use_bias=False)(labels)})
    weights = np.random.default_rng(7)
    for model in (generator, discriminator):
      model.set_weights([weights.normal(size=w.shape).astype(np.float32)
                         for w in model.get_weights()])
    gan = tfk.GANModel(generator, discriminator)
    gan.compile(keras.optimizers.SGD(0.5), keras.optimizers.SGD(0.5),
                loss='d2dce')
  history = gan.fit(dataset, epochs=1, steps_per_epoch=1, verbose=0).history
  return ([w.tolist() for w in generator.get_weights() +
           discriminator.get_weights()],
          [history['generator_loss'][-1], history['discriminator_loss'][-1]])


def _worker():  # pragma: no cover (runs in a subprocess)
  """Prints JSON: one-device and 2-replica values, gradients, Keras steps."""
  import replica_testlib  # pylint: disable=g-import-not-at-top
  strategy = replica_testlib.two_replicas()
  import tensorflow as tf  # pylint: disable=g-import-not-at-top
  import tfgan_ext  # pylint: disable=g-import-not-at-top
  import keras  # pylint: disable=g-import-not-at-top
  import tensorflow_gan as tfgan  # pylint: disable=g-import-not-at-top
  import tfgan_ext.keras as tfk  # pylint: disable=g-import-not-at-top
  from tfgan_ext.losses import _batch_stats  # pylint: disable=g-import-not-at-top
  from tfgan_ext.losses import wargs  # pylint: disable=g-import-not-at-top

  arrays = _inputs()
  pair = tfgan_ext.losses.get_conditional('d2dce')

  def conditional_d(logits, gen_logits, embeddings, proxies, labels):
    outputs = tfgan_ext.losses.DiscriminatorOutputs
    model = tfgan.GANModel(*[None] * len(tfgan.GANModel._fields))._replace(
        discriminator_real_outputs=outputs(logits, None, embeddings, proxies),
        discriminator_gen_outputs=outputs(gen_logits, None, embeddings,
                                          proxies),
        generator_inputs=(None, labels))
    return pair.discriminator_loss_fn(model)

  cases = {
      'd2dce_discriminator_loss': (wargs.d2dce_discriminator_loss,
                                   ('embeddings', 'proxies', 'labels')),
      'd2dce_generator_loss': (wargs.d2dce_generator_loss,
                               ('embeddings', 'proxies', 'labels')),
      'multi_hinge_discriminator_loss': (
          wargs.multi_hinge_discriminator_loss,
          ('class_logits', 'gen_class_logits', 'labels')),
      'multi_hinge_generator_loss': (wargs.multi_hinge_generator_loss,
                                     ('gen_class_logits', 'labels')),
      'get_conditional_d2dce': (conditional_d, (
          'logits', 'gen_logits', 'embeddings', 'proxies', 'labels')),
  }

  def value_and_grads(fn, tensors):
    return replica_testlib.value_and_grads(fn, tensors, _BATCH)

  def distributed(fn, names, use_function):
    total, grads = replica_testlib.distributed(
        strategy, fn, [arrays[n] for n in names], _BATCH, use_function)
    return total, [g.tolist() for g in grads]

  result = {}
  for name, (fn, names) in cases.items():
    value, grads = value_and_grads(fn, [tf.constant(arrays[n])
                                        for n in names])
    result[name] = {'single': [float(value), [g.numpy().tolist()
                                              for g in grads]],
                    'eager': distributed(fn, names, False),
                    'function': distributed(fn, names, True)}
  result['keras'] = {
      'single': _keras_step(tf, keras, tfk, tf.distribute.get_strategy()),
      'mirrored': _keras_step(tf, keras, tfk, strategy)}
  # The controls: each replica contrasts its own half only.
  _batch_stats.batch_gather = lambda values: (values, tf.constant(0))
  for name, (fn, names) in cases.items():
    result[name]['no_gather'] = distributed(fn, names, True)
  result['keras']['no_gather'] = _keras_step(tf, keras, tfk, strategy)
  print(json.dumps(result))


def _run_worker(unused_tmp_dir):
  proc = subprocess.run(
      [sys.executable, os.path.abspath(__file__), '--worker'], cwd=_REPO,
      capture_output=True, text=True, timeout=600,
      env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL='3', PYTHONPATH=_REPO))
  assert proc.returncode == 0, proc.stderr[-3000:]
  return json.loads(proc.stdout.strip().splitlines()[-1])


BACKGROUND = (_run_worker,)


@pytest.fixture(scope='module')
def results(background):
  return background.result(_run_worker)


_CASES = ('d2dce_discriminator_loss', 'd2dce_generator_loss',
          'multi_hinge_discriminator_loss', 'multi_hinge_generator_loss',
          'get_conditional_d2dce')


def _close(got, want):
  value, grads = got
  if not np.isclose(value, want[0], rtol=1e-5, atol=1e-6):
    return False
  return all(np.allclose(g, w, rtol=1e-5, atol=1e-6)
             for g, w in zip(grads, want[1]))


@pytest.mark.parametrize('mode', ['eager', 'function'])
@pytest.mark.parametrize('name', _CASES)
def test_two_replicas_match_one_device(results, name, mode):
  single = results[name]['single']
  value, grads = results[name][mode]
  np.testing.assert_allclose(value, single[0], rtol=1e-5, atol=1e-6)
  assert len(grads) == len(single[1])
  for got, want in zip(grads, single[1]):
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)


def test_the_controls_differ_for_d2dce_only(results):
  # Without the gather, D2D-CE compares each example with its replica's
  # half only: another value. The multi-hinge losses are per example.
  for name in _CASES:
    same = _close(results[name]['no_gather'], results[name]['single'])
    assert same == name.startswith('multi_hinge'), name


def test_d2dce_value_against_numpy(results):
  # D2D-CE (Kang et al. 2021) in NumPy at the defaults m_p 0.98, m_n 0.02,
  # t 0.5 (StudioGAN's ReACGAN CIFAR-10 configuration), mean over examples.
  arrays = _inputs()
  f = arrays['embeddings'] / np.linalg.norm(arrays['embeddings'], axis=1,
                                            keepdims=True)
  v = arrays['proxies'] / np.linalg.norm(arrays['proxies'], axis=1,
                                         keepdims=True)
  y = arrays['labels']
  values = []
  for i in range(_BATCH):
    p = min(f[i] @ v[i] - 0.98, 0.0) / 0.5
    n = [max(f[i] @ f[j] - 0.02, 0.0) / 0.5 for j in range(_BATCH)
         if y[j] != y[i]]
    values.append(-p + np.log(np.exp(p) + np.sum(np.exp(n))))
  value, _ = results['d2dce_discriminator_loss']['function']
  np.testing.assert_allclose(value, np.mean(values), rtol=1e-5)


def test_keras_step_matches_one_device(results):
  single_weights, single_logs = results['keras']['single']
  weights, logs = results['keras']['mirrored']
  for got, want in zip(weights, single_weights):
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)
  np.testing.assert_allclose(logs, single_logs, rtol=1e-5)
  # The control: without the gather the step differs.
  weights, _ = results['keras']['no_gather']
  assert not all(np.allclose(g, w, rtol=1e-4, atol=1e-5)
                 for g, w in zip(weights, single_weights))


if __name__ == '__main__':
  if sys.argv[1:] == ['--worker']:
    _worker()
