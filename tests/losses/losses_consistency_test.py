# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Balanced and latent consistency regularization (bCR, zCR) against NumPy.

References written here from Zhao et al. 2021 (arXiv:2002.04724),
Algorithms 1 and 2, for a linear G(z) = z Wg and D(x) = x w: bCR =
E_x||D(x) - D(T(x))||^2 + E_z||D(G(z)) - D(T(G(z)))||^2 (each side weighted
and reduced as TF-GAN reduces, `losses_testlib.reduce`); zCR_D =
E||D(G(z)) - D(G(z + dz))||^2 and zCR_G = -E||G(z) - G(z + dz)||^2, with dz
the documented stateless draw (tf.random.stateless_normal, seed [s, 1]).
"""

import numpy as np
import pytest
import tensorflow as tf
import tensorflow_gan as tfgan

import tfgan_ext
from tfgan_ext.losses import wargs

import losses_testlib as lib

rng = np.random.RandomState(13)
REAL = rng.normal(size=(6, 3)).astype(np.float32)
GEN = rng.normal(size=(5, 3)).astype(np.float32)  # Batches may differ.
NOISE = rng.normal(size=(6, 2)).astype(np.float32)
W_G = rng.normal(size=(2, 3)).astype(np.float32)
W_D = rng.normal(size=(3, 1)).astype(np.float32)
PER_REAL = np.array([0.5, 0.0, 2.0, 1.0, 1.5, 3.0], np.float32)
PER_GEN = np.array([1.0, 2.0, 0.0, 0.25, 4.0], np.float32)
SEED = 7


def _discriminator(x, unused_inputs):
  return tf.matmul(x, W_D)


def _generator(z):
  return tf.matmul(z, W_G)


def _augment(x):
  return x[:, ::-1] * 0.5  # A fixed, deterministic T.


def _delta(stddev, shape=NOISE.shape):
  return tf.random.stateless_normal(shape, seed=[SEED, 1],
                                    stddev=stddev).numpy().astype(np.float64)


def _bcr_reference(rw, gw, reduction):
  d = lambda x: np.float64(x) @ W_D
  t = lambda x: np.float64(x)[:, ::-1] * 0.5
  real = np.sum((d(REAL) - d(t(REAL))) ** 2, axis=1)
  gen = np.sum((d(GEN) - d(t(GEN))) ** 2, axis=1)
  return lib.reduce(real, rw, reduction) + lib.reduce(gen, gw, reduction)


@pytest.mark.parametrize('reduction', [r for r in lib.REDUCTIONS
                                       if r != lib.Reduction.NONE])
@pytest.mark.parametrize('weights', ['scalar', 'per_example', 'zero'])
def test_balanced_matches_reference(weights, reduction):
  rw, gw = {'scalar': (10.0, 2.0), 'zero': (0.0, 0.0),
            'per_example': (PER_REAL, PER_GEN)}[weights]
  got = wargs.balanced_consistency_penalty(
      REAL, GEN, None, _discriminator, None, _augment, real_weights=rw,
      generated_weights=gw, reduction=reduction)
  np.testing.assert_allclose(got, _bcr_reference(rw, gw, reduction),
                             rtol=1e-5, atol=1e-6)


def test_balanced_reduction_none_needs_equal_batches():
  got = wargs.balanced_consistency_penalty(
      REAL[:5], GEN, None, _discriminator, None, _augment,
      reduction=lib.Reduction.NONE)
  assert got.shape == (5,)
  with pytest.raises(ValueError):
    wargs.balanced_consistency_penalty(REAL, GEN, None, _discriminator, None,
                                       _augment, reduction=lib.Reduction.NONE)


@pytest.mark.parametrize('reduction', lib.REDUCTIONS)
@pytest.mark.parametrize('weights', [0.5, PER_REAL])
def test_latent_matches_reference(weights, reduction):
  stddev = 0.3
  z = np.float64(NOISE)
  gen = z @ W_G
  outputs = (gen @ W_D).astype(np.float32)
  moved = (z + _delta(stddev)) @ W_G
  want_d = lib.reduce(np.sum((gen @ W_D - moved @ W_D) ** 2, axis=1),
                      weights, reduction)
  want_g = lib.reduce(-np.sum((gen - moved) ** 2, axis=1), weights,
                      reduction)
  got_d = wargs.latent_consistency_penalty(
      outputs, NOISE, _generator, None, _discriminator, None, stddev=stddev,
      weights=weights, reduction=reduction, seed=SEED)
  got_g = wargs.latent_consistency_generator_loss(
      gen.astype(np.float32), NOISE, _generator, None, stddev=stddev,
      weights=weights, reduction=reduction, seed=SEED)
  np.testing.assert_allclose(got_d, want_d, rtol=1e-4, atol=1e-6)
  np.testing.assert_allclose(got_g, want_g, rtol=1e-4, atol=1e-6)


def test_latent_perturbs_the_noise_not_the_conditioning():
  labels = np.eye(6, 2, dtype=np.float32)
  seen = []

  def generator(inputs):
    noise, conditioning = inputs
    seen.append(conditioning)
    return tf.matmul(noise, W_G) + tf.reduce_sum(conditioning)
  gen = generator((NOISE, labels))
  value = wargs.latent_consistency_generator_loss(
      gen, (NOISE, labels), generator, None, stddev=0.1, seed=SEED)
  np.testing.assert_array_equal(seen[-1], labels)
  want = -np.mean(np.sum((_delta(0.1) @ np.float64(W_G)) ** 2, axis=1))
  np.testing.assert_allclose(value, want, rtol=1e-4)


def test_gradients_reach_each_player():
  # zCR_D moves D (through both outputs), zCR_G moves G.
  w_d, w_g = tf.Variable(W_D), tf.Variable(W_G)
  d = lambda x, _: tf.matmul(x, w_d)
  g = lambda z: tf.matmul(z, w_g)
  with tf.GradientTape(persistent=True) as tape:
    gen = g(NOISE)
    penalty = wargs.latent_consistency_penalty(d(gen, None), NOISE, g, None,
                                               d, None, seed=SEED)
    term = wargs.latent_consistency_generator_loss(gen, NOISE, g, None,
                                                   seed=SEED)
  assert np.any(tape.gradient(penalty, w_d).numpy() != 0)
  assert np.any(tape.gradient(term, w_g).numpy() != 0)
  assert tape.gradient(term, w_d) is None


def test_tuple_forms_in_a_tfgan_graph_reuse_the_scopes():
  # tfgan.gan_model's variable scopes: G and D are re-applied with their
  # variables (no new ones), and the values match the eager ones.
  with tf.Graph().as_default():
    model = tfgan.gan_model(
        generator_fn=lambda z: tf.matmul(z, tf.compat.v1.get_variable(
            'w', initializer=W_G)),
        discriminator_fn=lambda x, _: tf.matmul(
            x, tf.compat.v1.get_variable('w', initializer=W_D)),
        real_data=tf.constant(REAL), generator_inputs=tf.constant(NOISE))
    count = len(tf.compat.v1.global_variables())
    values = [
        tfgan_ext.losses.balanced_consistency_penalty(
            model, augment_fn=_augment),
        tfgan_ext.losses.latent_consistency_penalty(model, seed=SEED),
        tfgan_ext.losses.latent_consistency_generator_loss(model, seed=SEED)]
    assert len(tf.compat.v1.global_variables()) == count
    with tf.compat.v1.Session() as sess:
      sess.run(tf.compat.v1.global_variables_initializer())
      got = sess.run(values)
  gen = (NOISE @ W_G).astype(np.float32)
  want = [
      wargs.balanced_consistency_penalty(REAL, gen, None, _discriminator,
                                         None, _augment),
      wargs.latent_consistency_penalty(gen @ W_D, NOISE, _generator, None,
                                       _discriminator, None, seed=SEED),
      wargs.latent_consistency_generator_loss(gen, NOISE, _generator, None,
                                              seed=SEED)]
  np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-6)


def test_errors():
  with pytest.raises(TypeError, match='augment_fn'):
    wargs.balanced_consistency_penalty(REAL, GEN, None, _discriminator, None,
                                       augment_fn='translation')
  with pytest.raises(TypeError, match='generated_data'):
    wargs.balanced_consistency_penalty(REAL, GEN.astype(np.int32), None,
                                       _discriminator, None, _augment)
  with pytest.raises(ValueError, match='stddev must be > 0'):
    wargs.latent_consistency_generator_loss(GEN, NOISE, _generator, None,
                                            stddev=0.0)
  with pytest.raises(TypeError, match='generator_inputs'):
    wargs.latent_consistency_generator_loss(
        GEN, NOISE.astype(np.int32), _generator, None)
  with pytest.raises(ValueError, match='weights'):
    wargs.balanced_consistency_penalty(
        REAL, GEN, None, _discriminator, None, _augment,
        real_weights=np.ones(4, np.float32))
