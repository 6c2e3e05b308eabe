# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Top-k training in GANModel's step, against NumPy, one device.

G: z -> z Wg, D: x -> x w + b (keras_testlib.linear_gan), hinge loss. With
the discriminator's learning rate 0, each generator SGD step is computed
here by hand (Sinha et al. 2020, Algorithm 1): of the batch of 8, keep the
k = floor(max(gamma^epoch, nu) * 8) examples with the highest D(G(z)), and
step on -mean of their D(G(z)). Keras 3 and tf-keras. The two-replica check
(global selection) is in keras_distribute_test.py ('top_k').
"""

import numpy as np
import pytest

import keras_testlib as lib
from tfgan_ext.addons import TopK
import tfgan_ext.keras as tfk

BATCH = 8


def _gan(K, g_lr, top_k):
  generator, discriminator, weights = lib.linear_gan(K)
  gan = tfk.GANModel(generator, discriminator)
  gan.compile(K.optimizers.SGD(g_lr), K.optimizers.SGD(0.0), loss='hinge',
              addons=[top_k])
  return gan, weights


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_generator_steps_equal_numpy(flavour):
  K = lib.keras_package(flavour)
  lr, gamma, nu, epoch_steps, steps = 0.1, 0.5, 0.25, 2, 6
  gan, wt = _gan(K, lr, TopK(epoch_steps, gamma, nu))
  dataset, noise, _ = lib.pairs_dataset(steps, batch=BATCH)
  history = gan.fit(dataset, epochs=1, verbose=0)
  g_weights = wt['Wg'].astype(np.float64)
  w, b = wt['w'].astype(np.float64), wt['b'].astype(np.float64)
  fractions = []
  for step in range(steps):
    z = noise[step].astype(np.float64)
    scores = (z @ g_weights @ w + b)[:, 0]
    fraction = max(gamma ** (step // epoch_steps), nu)
    k = max(1, int(np.floor(fraction * BATCH)))
    kept = np.argsort(-scores, kind='stable')[:k]
    fractions.append(k / BATCH)
    # L = -(1/k) sum_kept z_i Wg w + b: dL/dWg = -(1/k) sum_kept z_i^T w^T.
    grad = -z[kept].sum(axis=0)[:, None] @ w.T / k
    g_weights = g_weights - lr * grad
  assert sorted(set(fractions)) == [0.25, 0.5, 1.0]  # Every phase is used.
  np.testing.assert_allclose(gan.generator.get_weights()[0], g_weights,
                             rtol=1e-5, atol=1e-6)
  np.testing.assert_allclose(history.history['top_k_fraction'][0],
                             np.mean(fractions), rtol=1e-6)


def test_bad_top_k_settings_are_refused():
  # TopK checks its settings when built, before any model.
  for kwargs, error, match in (
      ({'gamma': 0.0}, ValueError, 'gamma'),
      ({'nu': 2.0}, ValueError, 'nu'),
      ({'epoch_steps': 0}, ValueError, 'epoch_steps'),
      ({'epoch_steps': 2.5}, TypeError, 'epoch_steps')):
    kwargs = dict({'epoch_steps': 10}, **kwargs)
    with pytest.raises(error, match=match):
      TopK(**kwargs)
  # A loss top-k cannot restrict is refused when compile joins them.
  K = lib.keras_package('keras')
  generator, discriminator, _ = lib.linear_gan(K)
  gan = tfk.GANModel(generator, discriminator)
  with pytest.raises(ValueError,
                     match='relativistic_generator_loss is not one'):
    gan.compile(K.optimizers.SGD(0.1), K.optimizers.SGD(0.1),
                loss='relativistic', addons=[TopK(10)])
  with pytest.raises(TypeError, match=r'top_k_epoch_steps: use addons=\['
                     r'tfgan_ext\.addons\.TopK\(epoch_steps, gamma, nu\)\]'):
    gan.compile(K.optimizers.SGD(0.1), K.optimizers.SGD(0.1),
                top_k_epoch_steps=10)
