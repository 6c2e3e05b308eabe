# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The real tf.estimator under tfgan_ext, on every tested stack.

TF 2.15 has tf.estimator itself; on TF >= 2.16 tfgan_ext.compat makes
tensorflow-estimator 2.15 (the `estimator` extra) import and points
tf.estimator at it. The same tests run on both. Expected values come from
NumPy references written here: full-batch gradient descent on a linear model
(w <- w - lr * 2/n X^T (Xw + b - y), the gradient of the mean squared error),
and the hinge losses of docs/losses.md's table computed from the checkpoint.
"""

import json
import os
import subprocess
import sys

import numpy as np
import pytest
import tensorflow as tf

from tfgan_ext import compat

__all__ = []

_MODERN = compat.tf_version() >= (2, 16)
_REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_RNG = np.random.RandomState(0)
_X = _RNG.normal(size=(16, 3)).astype(np.float32)
_Y = (_X @ np.array([[1.0], [-2.0], [0.5]], np.float32) + 0.3).astype(
    np.float32)
_LR = 0.1


def _numpy_gd(steps, x=_X, y=_Y, lr=_LR):
  """Full-batch gradient descent on the mean squared error, from zeros."""
  x, y = x.astype(np.float64), y.astype(np.float64)
  w, b = np.zeros((x.shape[1], 1)), 0.0
  for _ in range(steps):
    residual = x @ w + b - y
    w, b = (w - lr * 2.0 / len(x) * x.T @ residual,
            b - lr * 2.0 * residual.mean())
  return w, b


def _input_fn(params=None):
  del params
  return tf.data.Dataset.from_tensors(({'x': _X}, _Y)).repeat()


def _eval_input_fn():
  return tf.data.Dataset.from_tensors(({'x': _X}, _Y))


def _linear_model_fn(features, labels, mode):
  """A linear regression model_fn (EstimatorSpec) with a MAE metric."""
  w = tf.compat.v1.get_variable('w', initializer=tf.zeros([3, 1]))
  b = tf.compat.v1.get_variable('b', initializer=0.0)
  prediction = tf.matmul(features['x'], w) + b
  if mode == tf.estimator.ModeKeys.PREDICT:
    return tf.estimator.EstimatorSpec(
        mode, predictions={'y': prediction}, export_outputs={
            'serving_default': tf.estimator.export.PredictOutput(
                {'y': prediction})})
  loss = tf.reduce_mean(tf.square(prediction - labels))
  train_op = tf.compat.v1.train.GradientDescentOptimizer(_LR).minimize(
      loss, global_step=tf.compat.v1.train.get_global_step())
  return tf.estimator.EstimatorSpec(
      mode, loss=loss, train_op=train_op, eval_metric_ops={
          'mae': tf.compat.v1.metrics.mean_absolute_error(labels, prediction)})


def _check_trained(est, steps):
  w, b = _numpy_gd(steps)
  np.testing.assert_allclose(est.get_variable_value('w'), w, rtol=1e-5,
                             atol=1e-6)
  np.testing.assert_allclose(est.get_variable_value('b'), b, rtol=1e-5,
                             atol=1e-6)
  return w, b


# ------------------------------------------------------------- the API ---


def test_tf_estimator_is_tensorflow_estimator():
  assert compat.estimator_available()
  for cls in (tf.estimator.Estimator, tf.estimator.RunConfig,
              tf.compat.v1.estimator.Estimator,
              tf.compat.v1.estimator.tpu.TPUEstimator,
              tf.compat.v2.estimator.Estimator):
    assert cls.__module__.startswith('tensorflow_estimator.'), cls
  # The name its own estimator_export decorator recorded, which needs the
  # 'estimator' API name in TensorFlow's tf_export (restored on TF >= 2.16).
  assert tf.estimator.Estimator._estimator_api_names == ('estimator.Estimator',)  # pylint: disable=protected-access


def test_patches_are_listed_only_where_needed():
  patches = [p for p in compat.report().patches
             if p.startswith(('tensorflow.python.', 'tf.'))]
  if not _MODERN:
    assert not patches  # TF 2.15 has all of it.
    return
  for needed in ('tensorflow.python.util.tf_export',
                 'tensorflow.python.distribute.estimator_training',
                 'tensorflow.python.tpu.tpu_embedding:',
                 'tensorflow.python.tpu.session_support',
                 'tensorflow.python.tpu.tpu_embedding_gradient',
                 "tf.estimator: tensorflow-estimator's real API",
                 "tf.compat.v1.estimator: tensorflow-estimator's real API",
                 "tf.compat.v2.estimator: tensorflow-estimator's real API"):
    assert sum(p.startswith(needed) for p in patches) == 1, (needed, patches)
  assert len(patches) == 8, patches
  assert compat.report().versions['tensorflow_estimator'].startswith('2.15.')


# ------------------------------------------------------------ Estimator ---


def test_train_evaluate_predict_export(tmp_path):
  est = tf.estimator.Estimator(_linear_model_fn, model_dir=str(tmp_path))
  counted = []

  class CountingHook(tf.estimator.SessionRunHook):

    def after_run(self, run_context, run_values):
      counted.append(1)

  est.train(_input_fn, hooks=[tf.estimator.StopAtStepHook(num_steps=7),
                              CountingHook()])
  assert len(counted) == 7
  assert tf.train.latest_checkpoint(str(tmp_path)).endswith('-7')
  w, b = _check_trained(est, 7)

  prediction = _X.astype(np.float64) @ w + b
  metrics = est.evaluate(_eval_input_fn)
  assert metrics['global_step'] == 7
  np.testing.assert_allclose(metrics['loss'], np.mean((prediction - _Y) ** 2),
                             rtol=1e-5)
  np.testing.assert_allclose(metrics['mae'], np.mean(np.abs(prediction - _Y)),
                             rtol=1e-5)

  predicted = np.stack([p['y'] for p in est.predict(
      lambda: tf.data.Dataset.from_tensors({'x': _X}))])
  np.testing.assert_allclose(predicted, prediction, rtol=1e-5, atol=1e-6)

  def receiver():
    x = tf.compat.v1.placeholder(tf.float32, [None, 3])
    return tf.estimator.export.ServingInputReceiver({'x': x}, {'x': x})

  export_dir = est.export_saved_model(str(tmp_path / 'export'), receiver)
  serving = tf.saved_model.load(export_dir).signatures['serving_default']
  np.testing.assert_allclose(serving(x=tf.constant(_X))['y'].numpy(),
                             prediction, rtol=1e-5, atol=1e-6)


def test_run_config_with_a_local_mirrored_strategy(tmp_path):
  config = tf.estimator.RunConfig(
      train_distribute=tf.distribute.MirroredStrategy(['/cpu:0']),
      tf_random_seed=1, save_checkpoints_steps=3)
  assert config.tf_random_seed == 1 and config.num_worker_replicas == 1
  est = tf.estimator.Estimator(_linear_model_fn, model_dir=str(tmp_path),
                               config=config)
  est.train(_input_fn, max_steps=4)
  _check_trained(est, 4)  # One replica: the same steps as without strategy.


def test_train_and_evaluate_locally(tmp_path):
  est = tf.estimator.Estimator(_linear_model_fn, model_dir=str(tmp_path))
  metrics, _ = tf.estimator.train_and_evaluate(
      est, tf.estimator.TrainSpec(_input_fn, max_steps=5),
      tf.estimator.EvalSpec(_eval_input_fn, steps=1, throttle_secs=0))
  w, b = _check_trained(est, 5)
  assert metrics['global_step'] == 5
  np.testing.assert_allclose(
      metrics['loss'], np.mean((_X.astype(np.float64) @ w + b - _Y) ** 2),
      rtol=1e-5)


@pytest.mark.skipif(not _MODERN, reason='TF 2.15 has the distribute '
                    'coordinator; multi-worker training needs real workers')
def test_multi_worker_run_config_raises_a_clear_error(monkeypatch):
  monkeypatch.setenv('TF_CONFIG', json.dumps({
      'cluster': {'chief': ['localhost:2222'], 'worker': ['localhost:2223']},
      'task': {'type': 'chief', 'index': 0}}))
  with pytest.raises(compat.EstimatorRemovedError) as info:
    tf.estimator.RunConfig(
        train_distribute=tf.distribute.MirroredStrategy(['/cpu:0']))
  message = str(info.value)
  assert 'distribute coordinator, removed in TensorFlow 2.16' in message
  assert 'MultiWorkerMirroredStrategy' in message
  # Without a strategy the cluster set-up is plain RunConfig's, as before.
  config = tf.estimator.RunConfig()
  assert config.task_type == 'chief' and config.num_worker_replicas == 2
  from tensorflow.python.distribute import estimator_training  # pylint: disable=g-import-not-at-top
  assert not estimator_training.should_run_distribute_coordinator(config)
  with pytest.raises(compat.EstimatorRemovedError, match='Local training'):
    estimator_training.train_and_evaluate(None, None, None, None)


# ------------------------------------------------------------------ TPU ---


def _tpu_model_fn(features, labels, mode, params):
  del params
  spec = _linear_model_fn(features, labels, mode)
  return tf.compat.v1.estimator.tpu.TPUEstimatorSpec(
      mode, loss=spec.loss, train_op=spec.train_op,
      predictions=spec.predictions)


def test_tpu_estimator_without_a_tpu(tmp_path):
  tpu = tf.compat.v1.estimator.tpu
  est = tpu.TPUEstimator(
      model_fn=_tpu_model_fn, use_tpu=False, train_batch_size=16,
      eval_batch_size=16, predict_batch_size=16,
      config=tpu.RunConfig(model_dir=str(tmp_path)))

  def input_fn(params):
    assert params['batch_size'] == 16
    return tf.data.Dataset.from_tensor_slices(({'x': _X}, _Y)).repeat().batch(
        params['batch_size'], drop_remainder=True)

  est.train(input_fn, max_steps=3)
  w, b = _check_trained(est, 3)
  metrics = est.evaluate(input_fn, steps=1)
  np.testing.assert_allclose(
      metrics['loss'], np.mean((_X.astype(np.float64) @ w + b - _Y) ** 2),
      rtol=1e-5)


@pytest.mark.skipif(not _MODERN, reason='TF 2.15 has these TPU modules')
def test_removed_tpu_modules_raise_on_use():
  from tensorflow.python.tpu import session_support  # pylint: disable=g-import-not-at-top
  from tensorflow.python.tpu import tpu_embedding  # pylint: disable=g-import-not-at-top
  for make in (tpu_embedding.TPUEmbedding, session_support.ResetComputation):
    with pytest.raises(compat.EstimatorRemovedError) as info:
      make()
    assert 'use_tpu=False' in str(info.value)
    assert 'TPUStrategy' in str(info.value)


# -------------------------------------------------------------- TF-GAN ---

# A GANEstimator program as written for TensorFlow 2.15 (TF-GAN's tutorial
# style) with a tfgan_ext loss; nothing in it knows about TF >= 2.16. Run in
# a fresh interpreter with the import hook, as a user would run it.
_GAN_PROGRAM = '''
import json, sys
import numpy as np
import tensorflow as tf
import tensorflow_gan as tfgan
import tfgan_ext

real = np.random.RandomState(0).normal(size=(8, 2)).astype(np.float32) + 2.0
noise = np.random.RandomState(1).normal(size=(8, 3)).astype(np.float32)

def input_fn(mode, params):
  dataset = tf.data.Dataset.from_tensors((noise, real))
  return dataset.repeat() if mode == tf.estimator.ModeKeys.TRAIN else dataset

def generator_fn(noise):
  return tf.compat.v1.layers.dense(noise, 2, name='g')

def discriminator_fn(data, unused_conditioning):
  return tf.compat.v1.layers.dense(data, 1, name='d')

hinge = tfgan_ext.losses.get('hinge')
gan_estimator = tfgan.estimator.GANEstimator(
    model_dir=sys.argv[1],
    generator_fn=generator_fn,
    discriminator_fn=discriminator_fn,
    generator_loss_fn=hinge.generator_loss_fn,
    discriminator_loss_fn=hinge.discriminator_loss_fn,
    generator_optimizer=tf.compat.v1.train.AdamOptimizer(0.01, 0.5),
    discriminator_optimizer=tf.compat.v1.train.AdamOptimizer(0.01, 0.5),
    config=tf.estimator.RunConfig(tf_random_seed=0))
gan_estimator.train(input_fn, max_steps=5)
metrics = gan_estimator.evaluate(input_fn, steps=1)
samples = list(gan_estimator.predict(
    lambda: tf.data.Dataset.from_tensors(noise)))
print('RESULT', json.dumps({
    'metrics': {k: float(v) for k, v in metrics.items()},
    'samples': np.stack(samples).tolist(),
    'real': real.tolist(), 'noise': noise.tolist(),
    'variables': {n: gan_estimator.get_variable_value(n).tolist()
                  for n in gan_estimator.get_variable_names()
                  if n.split('/')[-1] in ('kernel', 'bias')
                  and 'Adam' not in n}}))
'''


def test_gan_estimator_program_for_tf215_runs_unchanged(tmp_path):
  env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL='2', TFGAN_EXT_IMPORT_HOOK='1')
  env.pop('TF_USE_LEGACY_KERAS', None)
  proc = subprocess.run(
      [sys.executable, '-c', _GAN_PROGRAM, str(tmp_path)], cwd=_REPO, env=env,
      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
      timeout=600, check=False)
  assert proc.returncode == 0, proc.stdout
  line = [l for l in proc.stdout.splitlines() if l.startswith('RESULT ')][-1]
  result = json.loads(line[len('RESULT '):])
  v = {k: np.array(a, np.float64) for k, a in result['variables'].items()}
  real, noise = np.array(result['real']), np.array(result['noise'])
  generated = noise @ v['Generator/g/kernel'] + v['Generator/g/bias']
  d_real = real @ v['Discriminator/d/kernel'] + v['Discriminator/d/bias']
  d_gen = generated @ v['Discriminator/d/kernel'] + v['Discriminator/d/bias']
  # Hinge (docs/losses.md): D = E[max(0, 1 - D(x))] + E[max(0, 1 + D(G(z)))],
  # G = -E[D(G(z))]; the eval loss of GANEstimator is the discriminator's.
  d_loss = (np.maximum(0, 1 - d_real).mean() +
            np.maximum(0, 1 + d_gen).mean())
  metrics = result['metrics']
  assert metrics['global_step'] == 5
  np.testing.assert_allclose(metrics['discriminator_loss'], d_loss, rtol=1e-5)
  np.testing.assert_allclose(metrics['loss'], d_loss, rtol=1e-5)
  np.testing.assert_allclose(metrics['generator_loss'], -d_gen.mean(),
                             rtol=1e-5, atol=1e-6)
  np.testing.assert_allclose(result['samples'], generated, rtol=1e-5,
                             atol=1e-6)


def test_tpu_gan_estimator_without_a_tpu_with_a_tfgan_ext_loss(tmp_path):
  import tensorflow_gan as tfgan  # pylint: disable=g-import-not-at-top
  import tfgan_ext  # pylint: disable=g-import-not-at-top
  pair = tfgan_ext.losses.get('lsgan')
  est = tfgan.estimator.TPUGANEstimator(
      generator_fn=lambda z: tf.compat.v1.layers.dense(z, 2),
      discriminator_fn=lambda x, _: tf.compat.v1.layers.dense(x, 1),
      generator_loss_fn=pair.generator_loss_fn,
      discriminator_loss_fn=pair.discriminator_loss_fn,
      generator_optimizer=tf.compat.v1.train.AdamOptimizer(0.01),
      discriminator_optimizer=tf.compat.v1.train.AdamOptimizer(0.01),
      use_tpu=False, train_batch_size=4, eval_batch_size=4,
      config=tf.compat.v1.estimator.tpu.RunConfig(model_dir=str(tmp_path)))

  def input_fn(params):
    noise = tf.random.normal([params['batch_size'], 3], seed=1)
    real = tf.random.normal([params['batch_size'], 2], seed=2)
    return tf.data.Dataset.from_tensors((noise, real)).repeat()

  est.train(input_fn, max_steps=2)
  metrics = est.evaluate(input_fn, steps=1)
  assert metrics['global_step'] == 2
  for key in ('generator_loss', 'discriminator_loss'):
    assert np.isfinite(metrics[key]) and metrics[key] > 0, metrics
