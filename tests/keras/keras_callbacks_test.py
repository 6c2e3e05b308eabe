# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""tfgan_ext.keras callbacks: sample grid (TensorBoard + PNG), Fréchet distance."""

import glob
import os

import numpy as np
import pytest
from scipy import linalg
import tensorflow as tf

import keras_testlib as lib
import tfgan_ext.keras as tfk


def test_image_grid_tiles_in_row_major_order():
  images = np.stack([np.full((2, 2, 1), v) for v in (-1.0, 0.0, 1.0, 0.5)])
  grid = tfk.callbacks.image_grid(images, 2, 2, padding=1)
  # Tiles of 2x2 pixels with a 1-pixel grey (128) gap: rows are tiles (0, 1)
  # and (2, 3); value v maps to (v + 1) * 127.5, truncated.
  assert grid.shape == (5, 5, 1)
  np.testing.assert_array_equal(grid[:2, :2, 0], 0)
  np.testing.assert_array_equal(grid[:2, 3:, 0], 127)
  np.testing.assert_array_equal(grid[3:, :2, 0], 255)
  np.testing.assert_array_equal(grid[3:, 3:, 0], 191)
  np.testing.assert_array_equal(grid[2, :, 0], 128)
  with pytest.raises(ValueError, match='at least 9 images'):
    tfk.callbacks.image_grid(images, 3, 3)


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_sample_grid_writes_png_and_tensorboard(flavour, tmp_path):
  K = lib.keras_package(flavour)
  gan = lib.image_gan(K)
  noise, images = lib.image_data()
  grid = tfk.SampleGrid(noise[:6], str(tmp_path), rows=2, cols=3, every=2)
  dataset = tf.data.Dataset.from_tensor_slices((noise, images)).batch(8)
  gan.fit(dataset, epochs=4, verbose=0, callbacks=[grid])
  assert [os.path.basename(p) for p in grid.written] == [
      'epoch_0002.png', 'epoch_0004.png']
  png = tf.io.decode_png(tf.io.read_file(grid.written[-1])).numpy()
  samples = gan.generator(noise[:6], training=False).numpy()
  np.testing.assert_array_equal(
      png, tfk.callbacks.image_grid(samples, 2, 3))
  events = glob.glob(str(tmp_path / 'samples' / 'events.out.tfevents.*'))
  assert len(events) == 1
  steps = [e.step for e in tf.compat.v1.train.summary_iterator(events[0])
           if any(v.tag == 'samples' for v in e.summary.value)]
  assert steps == [2, 4]


# Class k of 3 paints every pixel of its samples with -1, 0 or 1 (the noise
# has weight 0): what a sample asked for shows which class it was asked for.
_CLASS_VALUES = np.array([-1.0, 0.0, 1.0], np.float32)


def _labelled_gan(K):
  """A GANModel whose generator's samples are their class's value."""
  noise, labels = K.Input((2,)), K.Input((3,))
  kernel = np.zeros((5, 16), np.float32)
  kernel[2:] = _CLASS_VALUES[:, None]
  net = K.layers.Dense(16, use_bias=False,
                       kernel_initializer=K.initializers.Constant(kernel))(
                           K.layers.Concatenate()([noise, labels]))
  generator = K.Model([noise, labels], K.layers.Reshape((4, 4, 1))(net))
  discriminator = K.Sequential([K.Input((4, 4, 1)), K.layers.Flatten(),
                                K.layers.Dense(1)])
  gan = tfk.GANModel(generator, discriminator)
  gan.compile(K.optimizers.Adam(1e-3), K.optimizers.Adam(1e-3))
  return gan


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_labelled_sampling_gives_the_classes_asked_for(flavour):
  gan = _labelled_gan(lib.keras_package(flavour))
  noise = np.random.default_rng(0).normal(size=(5, 2)).astype(np.float32)
  samples = gan.sample(noise, labels=[2, 0, 1, 1, 0], batch_size=2)
  assert samples.shape == (5, 4, 4, 1)
  np.testing.assert_allclose(samples[:, 0, 0, 0], _CLASS_VALUES[[2, 0, 1, 1,
                                                                  0]])
  # The class count is the generator's second input's (3), or given.
  np.testing.assert_allclose(gan.sample(noise[:1], labels=[2],
                                        num_classes=3), samples[:1])
  with pytest.raises(ValueError, match=r'labels must be 5 class ids in \[0, '
                     r'3\)'):
    gan.sample(noise, labels=[0, 1, 2, 3, 0])
  with pytest.raises(ValueError, match='labels must be 5 class ids'):
    gan.sample(noise, labels=[0, 1])
  with pytest.raises(ValueError, match='noise must have a batch dimension'):
    tfk.callbacks.labelled_inputs(np.float32(0.5), [0], num_classes=3)
  plain = lib.image_gan(lib.keras_package(flavour))
  with pytest.raises(ValueError, match='Pass num_classes'):
    plain.sample(noise, labels=[0] * 5)
  assert plain.sample(noise).shape == (5, 4, 4, 1)  # Unconditional.


def test_per_class_inputs_are_one_row_per_class_and_seeded():
  noise, one_hot = tfk.callbacks.per_class_inputs(3, 4, noise_dims=2, seed=5)
  assert noise.shape == (12, 2) and one_hot.shape == (12, 3)
  np.testing.assert_array_equal(np.argmax(one_hot, 1),
                                [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2])
  again, _ = tfk.callbacks.per_class_inputs(3, 4, noise_dims=2, seed=5)
  other, _ = tfk.callbacks.per_class_inputs(3, 4, noise_dims=2, seed=6)
  np.testing.assert_array_equal(noise, again)
  assert not np.array_equal(noise, other)
  with pytest.raises(ValueError, match='num_classes must be an int'):
    tfk.callbacks.labelled_inputs(noise, np.zeros(12, int), 0)
  with pytest.raises(ValueError, match='class ids'):
    tfk.callbacks.labelled_inputs(noise, np.zeros(12, np.float32), 3)


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_per_class_sample_grid_has_class_k_in_row_k(flavour, tmp_path):
  gan = _labelled_gan(lib.keras_package(flavour))
  grid = tfk.SampleGrid.per_class(3, 2, str(tmp_path), per_class=4, seed=1)
  assert (grid.rows, grid.cols) == (3, 4)
  grid.set_model(gan)
  grid.on_epoch_end(0)
  grid.on_train_end()
  png = tf.io.decode_png(tf.io.read_file(grid.written[0])).numpy()[..., 0]
  # Rows of 4-pixel tiles with a 1-pixel gap: 3 * 5 - 1 by 4 * 5 - 1.
  assert png.shape == (14, 19)
  for k, value in enumerate((0, 127, 255)):  # -1, 0, 1 mapped to 0..255
    band = png[5 * k:5 * k + 4]
    np.testing.assert_array_equal(band[:, [0, 1, 2, 3, 5, 6, 7, 8]], value)


def _frechet_numpy(a, b):
  """|m_a - m_b|^2 + Tr(C_a + C_b - 2 sqrtm(C_a C_b)) (Heusel et al. 2017)."""
  mean_a, mean_b = a.mean(0), b.mean(0)
  cov_a, cov_b = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
  root = linalg.sqrtm(cov_a @ cov_b).real
  return float(np.sum((mean_a - mean_b) ** 2) +
               np.trace(cov_a + cov_b - 2 * root))


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_frechet_distance_logged_at_chosen_epochs(flavour):
  K = lib.keras_package(flavour)
  gan = lib.image_gan(K)
  noise, images = lib.image_data(64)
  flatten = lambda x: np.reshape(np.asarray(x), (len(x), -1))
  callback = tfk.FrechetDistance(flatten, noise, real_data=images,
                                 epochs=[1, 3])
  dataset = tf.data.Dataset.from_tensor_slices((noise, images)).batch(16)
  history = gan.fit(dataset, epochs=3, verbose=0, callbacks=[callback])
  assert [e for e, _ in callback.values] == [1, 3]
  assert history.history['frechet_distance'] == [v for _, v in
                                                 callback.values]
  generated = gan.generator(noise, training=False).numpy()
  np.testing.assert_allclose(callback.values[-1][1],
                             _frechet_numpy(flatten(images),
                                            flatten(generated)), rtol=1e-4)


def test_frechet_distance_arguments():
  with pytest.raises(ValueError, match='exactly one'):
    tfk.FrechetDistance(lambda x: x, np.zeros((2, 2)))
  with pytest.raises(TypeError, match='callable'):
    tfk.FrechetDistance(3, np.zeros((2, 2)), real_features=np.zeros((2, 2)))
  with pytest.raises(ValueError, match='every must be an int'):
    tfk.SampleGrid(np.zeros((4, 2)), '/tmp', every=0)


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_non_finite_loss_stops_fit_before_the_backup(flavour, tmp_path):
  # An infinite learning rate puts +-inf into the weights at the first
  # update, so a logged loss is NaN or infinite by the second step; which
  # player's turns first depends on the floating-point path, so the test
  # asserts what is guaranteed: fit raises at step 1 or 2 naming a logged
  # value, and BackupAndRestore (epoch end) has saved nothing diverged.
  K = lib.keras_package(flavour)
  generator, discriminator, _ = lib.linear_gan(K)
  gan = tfk.GANModel(generator, discriminator)
  gan.compile(K.optimizers.SGD(float('inf')), K.optimizers.SGD(float('inf')))
  dataset, _, _ = lib.pairs_dataset(4)
  backup = str(tmp_path / 'backup')
  with pytest.raises(tfk.callbacks.NonFiniteLossError,
                     match=r'The (generator|discriminator) loss is \S+ at '
                     r'generator step [12]; stopping. Lower'):
    gan.fit(dataset, epochs=2, verbose=0, callbacks=[
        tfk.stop_on_non_finite_loss(gan),
        K.callbacks.BackupAndRestore(backup, delete_checkpoint=False)])
  assert not glob.glob(os.path.join(backup, '*'))


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_finite_losses_train_through(flavour):
  K = lib.keras_package(flavour)
  gan = lib.image_gan(K)
  noise, images = lib.image_data()
  dataset = tf.data.Dataset.from_tensor_slices((noise, images)).batch(8)
  history = gan.fit(dataset, epochs=2, verbose=0,
                    callbacks=[tfk.stop_on_non_finite_loss(gan)])
  assert len(history.history['generator_loss']) == 2
