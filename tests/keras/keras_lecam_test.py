# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""LeCam regularization in GANModel's step, against NumPy, one device.

G: z -> z Wg, D: x -> x w + b (keras_testlib.linear_gan), hinge loss. With
the generator's learning rate 0, one discriminator SGD step is computed here
by hand: the hinge loss's gradient plus lambda times LeCam's (anchors at
their first step = this batch's mean outputs, no gradient). With both rates
0, the anchors after k steps follow the moving-average rule over the known
outputs. Keras 3 and tf-keras. The two-replica check is in
keras_distribute_test.py ('lecam').
"""

import numpy as np
import pytest

import keras_testlib as lib
from tfgan_ext.addons import LeCam
import tfgan_ext.keras as tfk

LAMBDA = 0.3


def _anchor_values(gan):
  return {w.name.split('/')[-1].split(':')[0]: float(w.numpy())
          for w in gan.weights if 'lecam' in w.name}


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_one_discriminator_step_equals_numpy(flavour):
  K = lib.keras_package(flavour)
  lr = 0.1
  gan, wt = lib.linear_gan_model(K, 0.0, lr, [LeCam(LAMBDA, start=1)])
  dataset, noise, real = lib.pairs_dataset(1)
  history = gan.fit(dataset, epochs=1, verbose=0)
  _, x, w, b, gz, r, g = lib.linear_outputs(wt, noise[0], real[0])
  n = len(r)
  a_r, a_g = r.mean(), g.mean()  # Step 0 < start: the batch means.
  hinge = np.mean(np.maximum(1 - r, 0)) + np.mean(np.maximum(1 + g, 0))
  lecam = (np.mean(np.maximum(r - a_g, 0) ** 2) +
           np.mean(np.maximum(a_r - g, 0) ** 2))
  # d/d(output) of hinge + lambda * LeCam, per example.
  d_r = -(r < 1).astype(float) / n + LAMBDA * 2 * np.maximum(r - a_g, 0) / n
  d_g = (g > -1).astype(float) / n - LAMBDA * 2 * np.maximum(a_r - g, 0) / n
  grad_w = x.T @ d_r[:, None] + gz.T @ d_g[:, None]
  grad_b = np.array([d_r.sum() + d_g.sum()])
  new_w, new_b = gan.discriminator.get_weights()
  np.testing.assert_allclose(new_w, w - lr * grad_w, rtol=1e-5, atol=1e-6)
  np.testing.assert_allclose(new_b, b - lr * grad_b, rtol=1e-5, atol=1e-6)
  np.testing.assert_allclose(history.history['lecam_penalty'][0], lecam,
                             rtol=1e-5)
  np.testing.assert_allclose(history.history['discriminator_loss'][0],
                             hinge + LAMBDA * lecam, rtol=1e-5)
  anchors = _anchor_values(gan)
  np.testing.assert_allclose(anchors['lecam_real_anchor'], a_r, rtol=1e-5)
  np.testing.assert_allclose(anchors['lecam_generated_anchor'], a_g,
                             rtol=1e-5)


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_anchors_follow_the_moving_average(flavour):
  K = lib.keras_package(flavour)
  decay, start = 0.6, 1
  gan, wt = lib.linear_gan_model(
      K, 0.0, 0.0, [LeCam(LAMBDA, decay, start)])
  dataset, noise, real = lib.pairs_dataset(4)
  gan.fit(dataset, epochs=1, verbose=0)
  a_r = a_g = 0.0
  for step in range(4):
    r = real[step] @ wt['w'] + wt['b']
    g = noise[step] @ wt['Wg'] @ wt['w'] + wt['b']
    if step < start:
      a_r, a_g = r.mean(), g.mean()
    else:
      a_r = decay * a_r + (1 - decay) * r.mean()
      a_g = decay * a_g + (1 - decay) * g.mean()
  anchors = _anchor_values(gan)
  np.testing.assert_allclose(anchors['lecam_real_anchor'], a_r, rtol=1e-5)
  np.testing.assert_allclose(anchors['lecam_generated_anchor'], a_g,
                             rtol=1e-5)


def test_bad_lecam_settings_are_refused():
  # LeCam checks its settings when built, before any model.
  for kwargs, match in (({'weight': -1.0}, 'weight must be a number > 0'),
                        ({'weight': 0.3, 'decay': 1.0}, 'decay'),
                        ({'weight': 0.3, 'start': -2}, 'start')):
    with pytest.raises(ValueError, match=match):
      LeCam(**kwargs)
  # The 0.1 keywords name their replacement.
  K = lib.keras_package('keras')
  gan = tfk.GANModel(*lib.linear_gan(K)[:2])
  with pytest.raises(TypeError, match=r'lecam_weight: use addons=\[tfgan_ext'
                     r'\.addons\.LeCam\(weight, decay, start\)\]'):
    gan.compile(K.optimizers.SGD(0.1), K.optimizers.SGD(0.1),
                lecam_weight=0.3)
