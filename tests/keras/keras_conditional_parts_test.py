# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""tfgan_ext.conditional's Keras layers, for Keras 3 and tf-keras.

References as tests/conditional_test.py's (TF-GAN's example ops fed the
same weights and power-iteration vectors; NumPy from the papers, in
tests/conditional_testlib.py). Under MirroredStrategy over 2 logical CPU
devices (conditional_distribute_worker.py, a fresh interpreter started with
the session): synchronized conditional batch norm, alone and in SNGAN's
conditional ResNet generator, gives one device's outputs on the global
batch; the unsynchronized control does not.
"""

import json
import os
import subprocess
import sys

import numpy as np
import pytest
import tensorflow as tf

from tfgan_ext import conditional
from tfgan_ext.losses import discriminator_outputs as outputs_lib
from tfgan_ext.losses.discriminator_outputs import as_discriminator_outputs
from tests import conditional_testlib as ref
from tests.keras import keras_testlib as lib

_HERE = os.path.dirname(os.path.abspath(__file__))
_REPO = os.path.dirname(os.path.dirname(_HERE))

rng = np.random.RandomState(280)
K_ = 4  # classes
F = 6  # features
IDS = np.array([0, 3, 1, 3, 2], np.int32)
ONE_HOT = ref.one_hot(IDS, K_).astype(np.float32)
FEATURES = rng.normal(size=(5, F)).astype(np.float32)
IMAGES = rng.normal(1.5, 2.0, size=(5, 3, 3, 2)).astype(np.float32)


@pytest.fixture(params=lib.FLAVOURS)
def K(request):
  return lib.keras_package(request.param)


def _keras_sigma(sn_layer):
  """The one-step norm estimate Keras' wrapper will divide by (NumPy)."""
  kernel = np.asarray(sn_layer.layer.kernel)
  u = np.asarray(sn_layer.vector_u)
  return ref.sn_step(kernel.reshape(-1, kernel.shape[-1]).T, u)[0]


# ----------------------------------------------------------- batch norm ---


@pytest.mark.parametrize('labels', [IDS, ONE_HOT], ids=['ids', 'one_hot'])
def test_conditional_batch_norm_equals_tfgan_example_and_numpy(K, labels):
  gamma = rng.normal(1.0, 0.5, size=(K_, 2)).astype(np.float32)
  beta = rng.normal(size=(K_, 2)).astype(np.float32)
  layer = conditional.layers_for(K).ConditionalBatchNormalization(
      K_, epsilon=1e-5)
  layer([IMAGES, labels])  # builds
  layer.gamma.assign(gamma)
  layer.beta.assign(beta)
  ours = layer([IMAGES, labels], training=True)
  theirs = ref.tfgan_conditional_batch_norm(IMAGES, IDS, gamma, beta)
  expected = ref.conditional_batch_norm(IMAGES, IDS, gamma, beta, 1e-5)
  np.testing.assert_allclose(theirs, expected, rtol=1e-5, atol=1e-5)
  np.testing.assert_allclose(ours, expected, rtol=1e-5, atol=1e-5)


def test_conditional_batch_norm_weights_averages_and_inference(K):
  layer = conditional.layers_for(K).ConditionalBatchNormalization(
      K_, momentum=0.9, epsilon=1e-3, name='cbn')
  first = layer([IMAGES, IDS], training=True)
  ones, zeros = np.ones((K_, 2)), np.zeros((K_, 2))
  np.testing.assert_array_equal(layer.gamma, ones)  # de Vries' init
  np.testing.assert_array_equal(layer.beta, zeros)
  np.testing.assert_allclose(
      first, ref.conditional_batch_norm(IMAGES, IDS, ones, zeros, 1e-3),
      rtol=1e-5, atol=1e-5)
  moving_mean = np.asarray(layer.batch_norm.moving_mean)
  moving_var = np.asarray(layer.batch_norm.moving_variance)
  # One update from 0: 0.1 times the batch mean.
  np.testing.assert_allclose(moving_mean, 0.1 * IMAGES.mean(axis=(0, 1, 2)),
                             rtol=1e-5)
  gamma = rng.normal(size=(K_, 2)).astype(np.float32)
  layer.gamma.assign(gamma)
  inference = layer([IMAGES, IDS], training=False)
  np.testing.assert_allclose(
      inference, gamma[IDS][:, None, None, :] * (IMAGES - moving_mean) /
      np.sqrt(moving_var + 1e-3), rtol=1e-5, atol=1e-5)
  assert sorted(w.name.split('/')[-1].split(':')[0]
                for w in layer.trainable_weights) == ['beta', 'gamma']


# ----------------------------------------------------------------- heads ---


@pytest.mark.parametrize('labels', [IDS, ONE_HOT], ids=['ids', 'one_hot'])
def test_projection_head_equals_tfgan_example_and_numpy(K, labels):
  weights = ref.projection_weights(rng, K_, F)
  head = conditional.layers_for(K).ProjectionHead(K_)
  head([FEATURES, labels], training=False)  # builds, leaves weights as are
  head.linear.layer.kernel.assign(weights['w'])
  head.linear.layer.bias.assign(weights['b'])
  head.class_embedding.layer.kernel.assign(weights['table'])
  # Keras' vector for the table lives in its output space, as TF-GAN's for
  # the transposed table: the same iteration (conditional_testlib). For
  # the [F, 1] kernel one step is exact whatever the vector.
  head.class_embedding.vector_u.assign(weights['u_table'].T)
  ours = head([FEATURES, labels], training=True)
  theirs = ref.tfgan_projection(weights, FEATURES, IDS)
  expected = ref.projection(weights, FEATURES, IDS)
  np.testing.assert_allclose(theirs, expected, rtol=2e-5, atol=2e-5)
  np.testing.assert_allclose(ours, expected, rtol=2e-5, atol=2e-5)
  assert ours.dtype == tf.float32 and ours.shape == (5, 1)


def _dense_numpy(sn_or_dense, x, spectral_norm, kernel, bias=None):
  sigma = _keras_sigma(sn_or_dense) if spectral_norm else 1.0
  out = x @ kernel / sigma
  return out if bias is None else out + bias


@pytest.mark.parametrize('spectral_norm', [True, False])
def test_every_head_equals_numpy(K, spectral_norm):
  layers = {head: conditional.head_layer(K, head, K_,
                                         spectral_norm=spectral_norm,
                                         embedding_dims=3)
            for head in conditional.HEADS}

  def call(head, training):
    layer = layers[head]
    return layer([FEATURES, ONE_HOT] if layer.uses_labels else FEATURES,
                 training=training)

  for head in conditional.HEADS:
    call(head, False)  # builds
  expected = {}
  for head, layer in layers.items():
    denses = {name: getattr(layer, name) for name in (
        'hidden', 'linear', 'class_linear', 'embedding_linear',
        'class_embedding') if hasattr(layer, name)}
    values = {}
    for name, dense in denses.items():
      inner = dense.layer if spectral_norm else dense
      if inner.use_bias:  # Non-zero biases, to test them.
        inner.bias.assign(rng.normal(size=inner.bias.shape))
      x = {'class_embedding': ONE_HOT}.get(name, FEATURES)
      if head == 'concat':  # A hidden layer (leaky ReLU 0.2), then linear.
        x = (np.concatenate([FEATURES, ONE_HOT], 1) if name == 'hidden' else
             np.where(values['hidden'] > 0, 1.0, 0.2) * values['hidden'])
      values[name] = _dense_numpy(
          dense, x, spectral_norm, np.asarray(inner.kernel),
          np.asarray(inner.bias) if inner.use_bias else None)
    expected[head] = values
  outputs = {head: call(head, True) for head in conditional.HEADS}
  tol = dict(rtol=2e-5, atol=2e-5)
  np.testing.assert_allclose(outputs['concat'], expected['concat']['linear'],
                             **tol)
  np.testing.assert_allclose(
      outputs['projection'], expected['projection']['linear'] + np.sum(
          expected['projection']['class_embedding'] * FEATURES, 1,
          keepdims=True), **tol)
  assert set(outputs['ac']) == {'logits', 'class_logits'}
  np.testing.assert_allclose(outputs['ac']['logits'],
                             expected['ac']['linear'], **tol)
  np.testing.assert_allclose(outputs['ac']['class_logits'],
                             expected['ac']['class_linear'], **tol)
  assert outputs['ac']['class_logits'].shape == (5, K_)
  assert set(outputs['projection_ac']) == {'logits', 'class_logits'}
  np.testing.assert_allclose(
      outputs['projection_ac']['logits'],
      expected['projection_ac']['linear'] + np.sum(
          expected['projection_ac']['class_embedding'] * FEATURES, 1,
          keepdims=True), **tol)
  np.testing.assert_allclose(outputs['projection_ac']['class_logits'],
                             expected['projection_ac']['class_linear'], **tol)
  assert set(outputs['multi_hinge']) == {'class_logits'}
  assert outputs['multi_hinge']['class_logits'].shape == (5, K_ + 1)
  np.testing.assert_allclose(outputs['multi_hinge']['class_logits'],
                             expected['multi_hinge']['class_linear'], **tol)
  d2d = outputs['d2dce']
  assert set(d2d) == {'logits', 'embeddings', 'proxies'}
  np.testing.assert_allclose(d2d['logits'], expected['d2dce']['linear'],
                             **tol)
  np.testing.assert_allclose(d2d['embeddings'],
                             expected['d2dce']['embedding_linear'], **tol)
  np.testing.assert_allclose(d2d['proxies'],
                             expected['d2dce']['class_embedding'], **tol)
  assert d2d['proxies'].shape == (5, 3)


def test_concat_head_judges_the_image_with_its_label(K):
  # As tests/conditional_test.py's graph test: the label's change of the
  # logit depends on the features (a label term of its own would not).
  head = conditional.head_layer(K, 'concat', K_, spectral_norm=False)
  first, second = (np.asarray(head([FEATURES, np.full([5], label)]))
                   for label in (0, 1))
  change = (second - first)[:, 0]
  assert np.std(change) > 1e-3 * np.max(np.abs(change))


def test_functional_discriminators_give_discriminator_outputs(K):
  features = K.Input((F,))
  labels = K.Input((), dtype='int32')
  parts = conditional.layers_for(K)
  model = K.Model([features, labels], {
      'ac': parts.ACHead(K_)(features),
      'd2dce': parts.D2DCEHead(K_, 3)([features, labels])})
  outputs = model([FEATURES, IDS])
  ac = as_discriminator_outputs(outputs['ac'])
  d2d = as_discriminator_outputs(outputs['d2dce'])
  assert ac.logits.shape == (5, 1) and ac.class_logits.shape == (5, K_)
  assert ac.embeddings is None and d2d.class_logits is None
  assert d2d.embeddings.shape == d2d.proxies.shape == (5, 3)


def test_every_head_layer_returns_what_the_losses_table_says(K):
  """The Keras twin of conditional_test's table check."""
  for head, expected in outputs_lib.HEADS.items():
    layer = conditional.head_layer(K, head, K_, embedding_dims=3)
    assert layer.uses_labels == (head in conditional.HEADS_READING_LABELS)
    outputs = layer([FEATURES, IDS] if layer.uses_labels else FEATURES)
    if expected is None:
      assert outputs.shape == (5, 1), head
      continue
    fields, columns = expected
    assert sorted(outputs) == sorted(fields), head
    if columns is not None:
      assert outputs['class_logits'].shape[1] == {'K': K_,
                                                  'K + 1': K_ + 1}[columns]


def test_config_round_trip(K):
  parts = conditional.layers_for(K)
  for layer in (parts.ConditionalBatchNormalization(3, momentum=0.9,
                                                     epsilon=2e-5,
                                                     synchronized=True),
                parts.ProjectionHead(3, spectral_norm=False, use_bias=False),
                parts.D2DCEHead(3, embedding_dims=7), parts.MultiHingeHead(3)):
    config = layer.get_config()
    again = type(layer).from_config(config)
    assert again.get_config() == config
  assert parts.D2DCEHead(3, embedding_dims=7).get_config()[
      'embedding_dims'] == 7


def test_mixed_precision_heads_give_float32(K):
  policy = 'mixed_float16'
  parts = conditional.layers_for(K)
  logits = parts.ProjectionHead(K_, dtype=policy)([FEATURES, IDS],
                                                 training=True)
  outputs = parts.D2DCEHead(K_, 3, dtype=policy)([FEATURES, IDS],
                                                training=True)
  normalized = parts.ConditionalBatchNormalization(K_, dtype=policy)(
      [IMAGES, IDS], training=True)
  assert logits.dtype == tf.float32
  assert {t.dtype for t in outputs.values()} == {tf.float32}
  assert normalized.dtype == tf.float16


def test_bad_input_is_a_clear_error(K):
  parts = conditional.layers_for(K)
  with pytest.raises(ValueError, match=r'is called on \[inputs, labels\]'):
    parts.ProjectionHead(K_)(FEATURES)
  with pytest.raises(ValueError, match=r'is called on \[inputs, labels\]'):
    parts.ConditionalBatchNormalization(K_)(IMAGES)
  with pytest.raises(TypeError, match='`features` must be a floating'):
    parts.ProjectionHead(K_)([FEATURES.astype(np.int32), IDS])
  with pytest.raises(TypeError, match='`inputs` must be a floating'):
    parts.ConditionalBatchNormalization(K_)([IMAGES.astype(np.uint8), IDS])
  with pytest.raises(ValueError, match='num_classes=4'):
    parts.ProjectionHead(K_)([FEATURES, ref.one_hot(IDS, 5)])
  with pytest.raises(ValueError, match='takes features \\[B, F\\]'):
    parts.ACHead(K_)(IMAGES)
  head = parts.ProjectionHead(K_)
  with pytest.raises(ValueError, match=r'class indices must be in \[0, 4\)'):
    head([FEATURES, IDS + 1])  # Known ids: when the call is built.
  traced = tf.function(lambda ids: head([FEATURES, ids]))
  with pytest.raises(tf.errors.InvalidArgumentError,
                     match=r'class indices must be in \[0, 4\)'):
    traced(tf.constant(IDS + 1))  # Fed ids: when it runs.
  with pytest.raises(ValueError, match='num_classes must be >= 1'):
    parts.MultiHingeHead(0)
  with pytest.raises(ValueError, match="Unknown discriminator head 'pd'"):
    conditional.head_layer(K, 'pd', K_)


def test_spectral_normalization_trains_inside_tf_function(K):
  """The package's wrapper as the parts use it, in a traced training call.

  (Keras 2.15's own raises OperatorNotAllowedInGraphError there.) After
  repeated calls the kernel's largest singular value is 1.
  """
  layer = conditional.layers_for(K).SpectralNormalization(
      K.layers.Dense(3))
  step = tf.function(lambda x: layer(x, training=True))
  for _ in range(30):
    step(tf.constant(FEATURES))
  assert abs(np.linalg.svd(np.asarray(layer.layer.kernel),
                           compute_uv=False)[0] - 1.0) < 1e-4


def test_tf_keras_spectral_normalization_takes_a_keras3_input_spec():
  """tf-keras' wrapper builds a `tf.keras` InputSpec, Keras 3's unless
  TF_USE_LEGACY_KERAS=1: the parts' subclass turns it into tf-keras' own."""
  tf_keras = lib.keras_package('tf_keras')
  keras3 = lib.keras_package('keras')
  layer = conditional.layers_for(tf_keras).SpectralNormalization(
      tf_keras.layers.Dense(3))
  layer.input_spec = keras3.layers.InputSpec(shape=(None, F))
  assert isinstance(layer.input_spec, tf_keras.layers.InputSpec)
  assert tuple(layer.input_spec.shape) == (None, F)


def test_layers_for_names_the_packages():
  with pytest.raises(ValueError, match='keras or tf_keras package'):
    conditional.layers_for(np)


# ------------------------------------------------------------ distribute ---


def _mirrored_run(tmp_dir):
  del tmp_dir
  proc = subprocess.run(
      [sys.executable, os.path.join(_HERE, 'conditional_distribute_worker.py')],
      cwd=_REPO, capture_output=True, text=True, timeout=600,
      env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL='3', PYTHONPATH=_REPO))
  assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
  line = [l for l in proc.stdout.splitlines() if l.startswith('RESULT ')][-1]
  return json.loads(line[len('RESULT '):])


# Started when the session starts (tests/background.py).
BACKGROUND = (_mirrored_run,)


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_synchronized_batch_norm_uses_the_global_batch(background, flavour):
  """2 replicas of 4 examples each equal 1 device on the 8 (float32 noise).

  The replicas' halves of the batch have different means and scales, so
  per-replica statistics (the unsynchronized control) give other outputs
  (differences of order 1).
  """
  result = background.result(_mirrored_run)[flavour]
  assert result['replicas'] == 2
  assert result['layer_vs_one_device'] < 1e-5, result
  assert result['moving_mean_vs_one_device'] < 1e-6, result
  assert result['moving_mean_vs_numpy'] < 1e-6, result
  assert result['generator_vs_one_device'] < 1e-5, result
  assert result['unsynchronized_vs_one_device'] > 0.1, result


def test_concat_head_width_is_checked(K):
  with pytest.raises(ValueError, match='hidden_units'):
    conditional.layers_for(K).ConcatHead(K_, hidden_units=0)
  head = conditional.layers_for(K).ConcatHead(K_, hidden_units=7)
  assert head.get_config()['hidden_units'] == 7
