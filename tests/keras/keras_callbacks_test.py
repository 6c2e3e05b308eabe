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
