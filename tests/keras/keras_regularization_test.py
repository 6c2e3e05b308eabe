# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""GANModel adds each network's own losses (its layers' regularizers).

`tfgan.gan_loss` adds the regularization losses of each player's scope to
its loss; GANModel adds `generator.losses` and `discriminator.losses` the
same way. Reference: the Wasserstein losses of a linear GAN and 0.5 *
sum(W^2) (Keras' L2(0.5)), in NumPy.
"""

import numpy as np
import pytest
import tensorflow as tf

import keras_testlib as lib
import tfgan_ext.keras as tfk


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_regularizers_join_each_players_loss(flavour):
  K = lib.keras_package(flavour)
  generator = K.Sequential([K.Input((2,)), K.layers.Dense(
      3, kernel_regularizer=K.regularizers.L2(0.5))])
  discriminator = K.Sequential([K.Input((3,)), K.layers.Dense(
      1, kernel_regularizer=K.regularizers.L2(0.25))])
  gan = tfk.GANModel(generator, discriminator)
  # Learning rate 0: the logged losses are those of the initial weights.
  gan.compile(K.optimizers.SGD(0.0), K.optimizers.SGD(0.0),
              loss='wasserstein')
  rng = np.random.default_rng(0)
  z = rng.normal(size=(4, 2)).astype(np.float32)
  x = rng.normal(size=(4, 3)).astype(np.float32)
  history = gan.fit(tf.data.Dataset.from_tensors((z, x)), epochs=1,
                    verbose=0)
  kernel, bias = generator.get_weights()
  w, b = discriminator.get_weights()
  d_gen = (z @ kernel + bias) @ w + b
  d_real = x @ w + b
  np.testing.assert_allclose(
      history.history['generator_loss'][0],
      -d_gen.mean() + 0.5 * np.sum(kernel ** 2), rtol=1e-5)
  np.testing.assert_allclose(
      history.history['discriminator_loss'][0],
      d_gen.mean() - d_real.mean() + 0.25 * np.sum(w ** 2), rtol=1e-5)
