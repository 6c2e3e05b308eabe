# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""bCR and zCR in GANModel's step, against NumPy, one device.

G: z -> z Wg, D: x -> x w + b (keras_testlib.linear_gan), hinge loss.
bCR with a fixed T (reversed, halved features): with the generator's
learning rate 0, one discriminator SGD step is computed here by hand (Zhao
et al. 2021, Algorithm 1). zCR's dz is random: with both learning rates 0,
its logged terms over 64 steps must match their expectations for a linear
G and D (E||dz Wg||^2 = s^2 ||Wg||_F^2, E(dz Wg w)^2 = s^2 ||Wg w||^2)
within sampling error. Keras 3 and tf-keras. The two-replica checks are in
keras_distribute_test.py ('bcr' equal steps; 'zcr' statistically).
"""

import numpy as np
import pytest
import tensorflow as tf

import keras_testlib as lib
from tfgan_ext.addons import BalancedConsistency
from tfgan_ext.addons import LatentConsistency
import tfgan_ext.keras as tfk

LAMBDA = 10.0


def _transform(x):
  return x[:, ::-1] * 0.5


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_bcr_discriminator_step_equals_numpy(flavour):
  K = lib.keras_package(flavour)
  lr = 0.05
  gan, wt = lib.linear_gan_model(
      K, 0.0, lr, [BalancedConsistency(LAMBDA, _transform)])
  dataset, noise, real = lib.pairs_dataset(1)
  history = gan.fit(dataset, epochs=1, verbose=0)
  _, x, w, b, gz, r, g = lib.linear_outputs(wt, noise[0], real[0])
  n = len(r)
  # D(x) - D(T(x)) = (x - T(x)) w: the bias cancels.
  dx, dg = x - _transform(x), gz - _transform(gz)
  u, v = (dx @ w)[:, 0], (dg @ w)[:, 0]
  bcr = np.mean(u ** 2) + np.mean(v ** 2)
  d_r = -(r < 1).astype(float) / n
  d_g = (g > -1).astype(float) / n
  grad_w = (x.T @ d_r[:, None] + gz.T @ d_g[:, None] +
            LAMBDA * 2 * (dx.T @ u[:, None] + dg.T @ v[:, None]) / n)
  grad_b = np.array([d_r.sum() + d_g.sum()])
  new_w, new_b = gan.discriminator.get_weights()
  np.testing.assert_allclose(history.history['bcr_penalty'][0], bcr,
                             rtol=1e-5)
  np.testing.assert_allclose(new_w, w - lr * grad_w, rtol=1e-5, atol=1e-6)
  np.testing.assert_allclose(new_b, b - lr * grad_b, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_zcr_terms_match_their_expectations(flavour):
  K = lib.keras_package(flavour)
  tf.random.set_seed(0)
  stddev, steps = 0.2, 64
  gan, wt = lib.linear_gan_model(
      K, 0.0, 0.0, [LatentConsistency(5.0, 0.5, stddev)])
  dataset, _, _ = lib.pairs_dataset(steps, batch=8)
  history = gan.fit(dataset, epochs=1, verbose=0)
  g_weights, w = wt['Wg'].astype(np.float64), wt['w'].astype(np.float64)
  want_g = -stddev ** 2 * np.sum(g_weights ** 2)
  want_d = stddev ** 2 * np.sum((g_weights @ w) ** 2)
  # 512 draws of quadratic forms of Gaussians: the means' relative standard
  # errors are below sqrt(2 / 512) = 6%; 25% is 4 of them.
  np.testing.assert_allclose(history.history['zcr_generator_loss'][0],
                             want_g, rtol=0.25)
  np.testing.assert_allclose(history.history['zcr_penalty'][0], want_d,
                             rtol=0.25)


def test_bad_consistency_settings_are_refused():
  # The add-ons check their settings when built, before any model.
  for build, error, match in (
      (lambda: BalancedConsistency(-1.0), ValueError,
       'BalancedConsistency weight'),
      (lambda: LatentConsistency(1.0, stddev=0.0), ValueError,
       'LatentConsistency stddev'),
      (lambda: BalancedConsistency(1.0, 'rotate'), ValueError,
       'Unknown DiffAugment policy'),
      (lambda: BalancedConsistency(1.0, 3), TypeError,
       'BalancedConsistency augment')):
    with pytest.raises(error, match=match):
      build()
  K = lib.keras_package('keras')
  generator, discriminator, _ = lib.linear_gan(K)
  gan = tfk.GANModel(generator, discriminator)
  with pytest.raises(TypeError, match=r'zcr_weight: use addons=\[tfgan_ext'
                     r'\.addons\.LatentConsistency\('):
    gan.compile(K.optimizers.SGD(0.1), K.optimizers.SGD(0.1), zcr_weight=1.0)
  # A DiffAugment transform on data that is not images: an error before
  # training that names the option.
  gan.compile(K.optimizers.SGD(0.1), K.optimizers.SGD(0.1),
              addons=[BalancedConsistency(1.0)])
  dataset, _, _ = lib.pairs_dataset(1)
  with pytest.raises(ValueError, match="BalancedConsistency's DiffAugment "
                     'policy needs images.*augment=fn'):
    gan.fit(dataset, epochs=1, verbose=0)
