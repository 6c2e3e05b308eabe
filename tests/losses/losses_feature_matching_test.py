# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Feature matching: argument form against NumPy, tuple form with a TF-1-style
discriminator_fn and with a Keras model, and with_feature_matching."""

import numpy as np
import pytest
import tensorflow as tf
import tensorflow_gan as tfgan

from tfgan_ext import losses as tfgan_ext_losses
from tfgan_ext.losses import wargs

import losses_testlib as lib

# TF-GAN's graph-mode API needs the TF-1 layers Keras 2 deprecates.
pytestmark = pytest.mark.filterwarnings(
    'ignore:`tf.layers.dense` is deprecated:UserWarning')

Reduction = lib.Reduction
rng = np.random.RandomState(21)
REAL = rng.normal(size=(8, 4)).astype(np.float32)
Z = rng.normal(size=(8, 3)).astype(np.float32)


@pytest.mark.parametrize('reduction', lib.REDUCTIONS)
@pytest.mark.parametrize('shape', [(6, 5), (6, 2, 3, 2)])
def test_argument_form_matches_reference(shape, reduction):
  real = rng.normal(size=shape).astype(np.float32)
  gen = rng.normal(size=(4,) + shape[1:]).astype(np.float32)  # Other batch.
  n_features = int(np.prod(shape[1:]))
  weights = rng.uniform(size=(n_features,)).astype(np.float32)
  got = wargs.feature_matching_loss(real, gen, weights=weights,
                                    reduction=reduction)
  np.testing.assert_allclose(
      got.numpy(), lib.feature_matching_reference(real, gen, weights,
                                                  reduction),
      rtol=1e-5, atol=1e-7)


def test_identical_feature_means_give_zero():
  real = rng.normal(size=(6, 5)).astype(np.float32)
  # A permutation of the batch has the same mean features.
  assert wargs.feature_matching_loss(real, real[::-1]).numpy() == (
      pytest.approx(0.0, abs=1e-12))


def test_argument_form_errors():
  with pytest.raises(ValueError, match='real_features.*rank >= 2'):
    wargs.feature_matching_loss(np.ones(5, np.float32), np.ones(5, np.float32))
  with pytest.raises(ValueError, match=r'\(6, 5\).*\(6, 4\)'):
    wargs.feature_matching_loss(np.ones((6, 5), np.float32),
                                np.ones((6, 4), np.float32))
  with pytest.raises(TypeError, match='generated_features.*int'):
    wargs.feature_matching_loss(np.ones((6, 5), np.float32),
                                np.ones((6, 5), np.int64))
  with pytest.raises(ValueError, match='weights'):
    wargs.feature_matching_loss(np.ones((6, 5), np.float32),
                                np.ones((6, 5), np.float32), weights=np.ones(4))


def test_graph_eager_and_float16_agree():
  real = rng.normal(size=(6, 5)).astype(np.float32)
  gen = rng.normal(size=(6, 5)).astype(np.float32)
  eager = wargs.feature_matching_loss(real, gen).numpy()
  graph = lib.graph_value(lambda: wargs.feature_matching_loss(real, gen))
  half = wargs.feature_matching_loss(real.astype(np.float16),
                                     gen.astype(np.float16))
  assert half.dtype == tf.float32
  np.testing.assert_allclose(graph, eager, rtol=1e-6)
  np.testing.assert_allclose(half.numpy(), eager, rtol=1e-2)


# --------------------------------------------------------------- tuple form ---


def generator_fn(z):
  return tf.compat.v1.layers.dense(z, 4, name='g')


def trunk(x, unused_inputs):
  """TF-1-style feature layer, shared by discriminator_fn and features."""
  return tf.compat.v1.layers.dense(x, 6, tf.tanh, name='hidden')


def discriminator_fn(x, inputs):
  return tf.compat.v1.layers.dense(trunk(x, inputs), 1, name='logit')


def _np_features(x, kernel, bias):
  return np.tanh(x.astype(np.float64) @ kernel + bias)


def test_tuple_form_with_tf1_discriminator_fn():
  with tf.Graph().as_default():
    model = tfgan.gan_model(generator_fn, discriminator_fn, tf.constant(REAL),
                            tf.constant(Z))
    n_vars = len(tf.compat.v1.global_variables())
    loss = tfgan_ext_losses.feature_matching_loss(model, trunk)
    assert len(tf.compat.v1.global_variables()) == n_vars  # Reused, not new.
    grads = tf.gradients(loss, model.generator_variables)
    assert all(g is not None for g in grads)
    with tf.compat.v1.Session() as sess:
      sess.run(tf.compat.v1.global_variables_initializer())
      value, gen, variables = sess.run(
          [loss, model.generated_data,
           {v.op.name: v for v in model.discriminator_variables}])
  kernel, bias = variables['Discriminator/hidden/kernel'], variables[
      'Discriminator/hidden/bias']
  want = lib.feature_matching_reference(_np_features(REAL, kernel, bias),
                                        _np_features(gen, kernel, bias))
  np.testing.assert_allclose(value, want, rtol=1e-5)


def _keras_discriminator():
  # Built under the scope gan_model uses, so model.discriminator_variables
  # finds its weights.
  with tf.compat.v1.variable_scope('Discriminator'):
    inputs = tf.keras.Input(shape=(4,))
    hidden = tf.keras.layers.Dense(6, activation='tanh', name='hidden')(inputs)
    logit = tf.keras.layers.Dense(1, name='logit')(hidden)
    return tf.keras.Model(inputs, logit, name='disc')


def test_tuple_form_with_keras_discriminator():
  with tf.Graph().as_default():
    keras_model = _keras_discriminator()
    model = tfgan.gan_model(generator_fn, lambda x, _: keras_model(x),
                            tf.constant(REAL), tf.constant(Z))
    features_fn = tfgan_ext_losses.keras_layer_features(keras_model, 'hidden')
    loss = tfgan_ext_losses.feature_matching_loss(model, features_fn)
    assert all(g is not None for g in tf.gradients(
        loss, model.generator_variables))
    with tf.compat.v1.Session() as sess:
      sess.run(tf.compat.v1.global_variables_initializer())
      value, gen = sess.run([loss, model.generated_data])
      kernel, bias = sess.run(keras_model.get_layer('hidden').weights)
  want = lib.feature_matching_reference(_np_features(REAL, kernel, bias),
                                        _np_features(gen, kernel, bias))
  np.testing.assert_allclose(value, want, rtol=1e-5)


def test_keras_layer_features_errors():
  with tf.Graph().as_default():
    keras_model = _keras_discriminator()
    with pytest.raises(ValueError, match="'hiden'.*'hidden'"):
      tfgan_ext_losses.keras_layer_features(keras_model, 'hiden')
  with pytest.raises(TypeError, match='features_fn'):
    tfgan_ext_losses.feature_matching_loss(lib.fake_model(), 'hidden')


@pytest.mark.parametrize('adversarial', ['hinge', 'modified', 'relativistic'])
def test_with_feature_matching_adds_weighted_term_in_gan_loss(adversarial):
  generator_loss_fn = tfgan_ext_losses.get(adversarial).generator_loss_fn
  with tf.Graph().as_default():
    model = tfgan.gan_model(generator_fn, discriminator_fn, tf.constant(REAL),
                            tf.constant(Z))
    combined = tfgan.gan_loss(
        model, add_summaries=True,
        generator_loss_fn=tfgan_ext_losses.with_feature_matching(
            generator_loss_fn, trunk, weight=3.0),
        discriminator_loss_fn=tfgan_ext_losses.get(
            adversarial).discriminator_loss_fn)
    plain = generator_loss_fn(model, loss_collection=None)
    fm = tfgan_ext_losses.feature_matching_loss(model, trunk,
                                                loss_collection=None)
    summaries = [s.name for s in tf.compat.v1.get_collection(
        tf.compat.v1.GraphKeys.SUMMARIES)]
    with tf.compat.v1.Session() as sess:
      sess.run(tf.compat.v1.global_variables_initializer())
      c, p, f = sess.run([combined.generator_loss, plain, fm])
  np.testing.assert_allclose(c, p + 3.0 * f, rtol=1e-5)
  assert f > 0
  assert any('feature_matching' in s for s in summaries)
