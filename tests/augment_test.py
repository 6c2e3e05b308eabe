# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""tfgan_ext.augment: each operation against NumPy, the policies, ADA's rule.

Every operation is checked with fixed parameters against a NumPy reference
written here from the papers' definitions (DiffAugment, Zhao et al. 2020;
ADA, Karras et al. 2020); the random policies are checked for what they
guarantee (shapes, ranges of the drawn parameters, gradients). ADA's p in a
TF-1 graph (`tfgan_ext.addons.ADA`) follows the rule step by step.
"""

import functools

import numpy as np
import pytest
import tensorflow as tf
import tensorflow_gan as tfgan

from tfgan_ext import addons
from tfgan_ext import augment

rng = np.random.default_rng(5)
IMAGES = rng.uniform(-1, 1, size=(4, 8, 8, 3)).astype(np.float32)


def _np(x):
  return np.asarray(x, np.float64)


# ----------------------------------------------- operations vs NumPy ---


def test_brightness_saturation_contrast_match_their_formulas():
  shift = np.array([0.1, -0.3, 0.0, 0.5], np.float32)
  factor = np.array([0.0, 0.5, 1.0, 2.0], np.float32)
  x = _np(IMAGES)
  np.testing.assert_allclose(augment.brightness(IMAGES, shift),
                             x + shift[:, None, None, None], atol=1e-6)
  channel_mean = x.mean(axis=3, keepdims=True)
  np.testing.assert_allclose(
      augment.saturation(IMAGES, factor),
      (x - channel_mean) * factor[:, None, None, None] + channel_mean,
      atol=1e-6)
  image_mean = x.mean(axis=(1, 2, 3), keepdims=True)
  np.testing.assert_allclose(
      augment.contrast(IMAGES, factor),
      (x - image_mean) * factor[:, None, None, None] + image_mean, atol=1e-6)
  np.testing.assert_allclose(augment.contrast(IMAGES, factor, center=False),
                             x * factor[:, None, None, None], atol=1e-6)


def _np_translate(x, dy, dx):
  """out[i, j] = x[i - dy, j - dx] where that is inside, else 0."""
  out = np.zeros_like(x)
  height, width = x.shape[:2]
  for i in range(height):
    for j in range(width):
      if 0 <= i - dy < height and 0 <= j - dx < width:
        out[i, j] = x[i - dy, j - dx]
  return out


@pytest.mark.parametrize('dy,dx', [(0, 0), (1, 0), (0, -1), (-2, 3),
                                   (8, 0), (-1, -1)])
def test_translate_moves_content_by_the_offset_with_zero_padding(dy, dx):
  got = augment.translate(IMAGES, np.full(4, dy), np.full(4, dx)).numpy()
  for b in range(4):
    np.testing.assert_allclose(got[b], _np_translate(_np(IMAGES[b]), dy, dx),
                               atol=1e-6)


def test_translate_uses_each_images_own_offset():
  dy, dx = np.array([1, 0, -1, 2]), np.array([0, 2, -1, 1])
  got = augment.translate(IMAGES, dy, dx).numpy()
  for b in range(4):
    np.testing.assert_allclose(got[b], _np_translate(_np(IMAGES[b]), dy[b],
                                                     dx[b]), atol=1e-6)


@pytest.mark.parametrize('cy,cx', [(4, 4), (0, 0), (7, 2), (1, 8)])
def test_cutout_zeroes_exactly_the_box(cy, cx):
  got = augment.cutout(IMAGES, np.full(4, cy), np.full(4, cx), 4, 4).numpy()
  mask = np.ones((8, 8))
  mask[max(cy - 2, 0):max(cy + 2, 0), max(cx - 2, 0):max(cx + 2, 0)] = 0.0
  np.testing.assert_allclose(got, _np(IMAGES) * mask[None, :, :, None])


def test_xflip_and_rot90_per_image():
  flip = np.array([True, False, True, False])
  got = augment.xflip(IMAGES, flip).numpy()
  for b in range(4):
    want = IMAGES[b, :, ::-1] if flip[b] else IMAGES[b]
    np.testing.assert_array_equal(got[b], want)
  k = np.array([0, 1, 2, 3])
  got = augment.rot90(IMAGES, k).numpy()
  for b in range(4):
    np.testing.assert_array_equal(got[b], np.rot90(IMAGES[b], k[b],
                                                   axes=(0, 1)))


# ------------------------------------------------------------- policies ---


@pytest.mark.parametrize('policy', ['color', 'translation', 'cutout',
                                    'color,translation,cutout'])
def test_diff_augment_policies_keep_shape_and_pass_gradients(policy):
  x = tf.constant(IMAGES)
  with tf.GradientTape() as tape:
    tape.watch(x)
    y = augment.diff_augment(x, policy)
    total = tf.reduce_sum(y * y)
  assert y.shape == x.shape and y.dtype == x.dtype
  gradient = tape.gradient(total, x)
  assert gradient is not None and np.any(gradient.numpy() != 0)


def test_diff_augment_translation_moves_by_at_most_one_pixel_on_8x8():
  # A single lit pixel in the middle moves by up to 1/8 of 8 = 1 pixel.
  image = np.zeros((64, 8, 8, 1), np.float32)
  image[:, 4, 4, 0] = 1.0
  moved = augment.diff_augment(image, 'translation').numpy()
  rows, cols = np.nonzero(moved[..., 0].reshape(64, 8, 8).sum(0))
  assert set(rows) <= {3, 4, 5} and set(cols) <= {3, 4, 5}
  assert np.all(moved.reshape(64, -1).sum(1) == 1.0)  # Never lost at 1 px.


def test_diff_augment_cutout_zeroes_a_quarter_when_inside():
  ones = np.ones((256, 8, 8, 1), np.float32)
  zeroed = 64 - augment.diff_augment(ones, 'cutout').numpy().reshape(
      256, -1).sum(1)
  assert zeroed.max() == 16 and zeroed.min() >= 4  # A 4x4 box, clipped.


def test_unknown_policy_and_bad_images_are_clear_errors():
  with pytest.raises(ValueError, match="Unknown DiffAugment policy.*color"):
    augment.diff_augment(IMAGES, 'color,rotate')
  with pytest.raises(ValueError, match='height, width, channels'):
    augment.diff_augment(np.ones((4, 8), np.float32))
  with pytest.raises(TypeError, match='floating point'):
    augment.ada_augment(np.ones((4, 8, 8, 1), np.int32), 0.5)


def test_ada_augment_is_the_identity_at_p_0_and_changes_images_at_p_1():
  # (Up to rounding: saturation computes (x - m) * 1 + m.)
  np.testing.assert_allclose(augment.ada_augment(IMAGES, 0.0), IMAGES,
                             atol=1e-6)
  changed = augment.ada_augment(np.repeat(IMAGES, 8, axis=0), 1.0).numpy()
  assert not np.any(np.all(np.isclose(changed, np.repeat(IMAGES, 8, 0)),
                           axis=(1, 2, 3)))


def test_ada_augment_passes_gradients():
  x = tf.constant(IMAGES)
  with tf.GradientTape() as tape:
    tape.watch(x)
    total = tf.reduce_sum(augment.ada_augment(x, 0.7) ** 2)
  assert tape.gradient(total, x) is not None


# ------------------------------------------------------------ ADA's rule ---


@pytest.mark.parametrize('p,r,images,speed,want', [
    (0.0, 0.9, 256, 1000, 0.256),   # Overfitting: p rises.
    (0.5, 0.2, 100, 1000, 0.4),     # Not overfitting: p falls.
    (0.0, -1.0, 100, 1000, 0.0),    # Clipped at 0.
    (0.95, 1.0, 100, 1000, 1.0),    # Clipped at 1.
    (0.3, 0.6, 100, 1000, 0.3),     # At the target: sign(0) = 0.
])
def test_ada_adjustment_equals_its_formula(p, r, images, speed, want):
  # p' = clip(p + sign(r - 0.6) * images / speed, 0, 1) (Karras et al. 2020).
  got = augment.ada_adjustment(p, r, images, speed).numpy()
  assert got == pytest.approx(want, abs=1e-6)


def _ada_graph_run(outputs_per_step, interval, speed):
  """p after each step of ADA.update in a TF-1 graph."""
  with tf.Graph().as_default():
    ada = addons.ADA(interval=interval, speed_images=speed)
    outputs = tf.compat.v1.placeholder(tf.float32, [None, 1])
    update = ada.update(outputs)
    with tf.compat.v1.Session() as sess:
      sess.run(tf.compat.v1.global_variables_initializer())
      seen = []
      for values in outputs_per_step:
        sess.run(update, {outputs: values})
        seen.append(sess.run(ada.p))
  return seen


def test_ada_adjusts_p_every_interval_steps():
  # Interval 2, 4 images a step, speed 80: every 2 steps p moves by 8/80 in
  # the direction of sign(r - 0.6) with r the mean sign over those 8.
  positive = np.ones((4, 1), np.float32)
  negative = -positive
  seen = _ada_graph_run([positive, positive, positive, negative,
                         negative, negative], interval=2, speed=80)
  # r = 1 (up 0.1), r = 0 (down 0.1), r = -1 (down, clipped at 0).
  np.testing.assert_allclose(seen, [0.0, 0.1, 0.1, 0.0, 0.0, 0.0],
                             atol=1e-6)


def test_ada_in_gan_model_augments_and_updates():
  with tf.Graph().as_default():
    ada = addons.ADA(interval=1, speed_images=8)
    layers = tf.compat.v1.layers
    model = tfgan.gan_model(
        lambda z: tf.reshape(layers.dense(z, 16), [-1, 4, 4, 1]),
        ada.discriminator_fn(
            lambda x, unused: layers.dense(tf.reshape(x, [-1, 16]), 1)),
        real_data=tf.ones([8, 4, 4, 1]), generator_inputs=tf.ones([8, 2]))
    loss = ada.with_update(functools.partial(
        lambda gan_model, **kw: tf.reduce_mean(
            gan_model.discriminator_gen_outputs)))(model)
    assert [v.name for v in model.discriminator_variables] == [
        'Discriminator/dense/kernel:0', 'Discriminator/dense/bias:0']
    names = {v.name for v in tf.compat.v1.global_variables()}
    assert {'ada_p:0', 'ada_sign_sum:0', 'ada_image_count:0',
            'ada_steps:0'} <= names
    # p's update is the discriminator's (what tfgan.gan_train_ops runs with
    # its train op), not a dependency of the loss.
    update = tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.UPDATE_OPS,
                                         'Discriminator')
    assert len(update) == 1
    with tf.compat.v1.Session() as sess:
      sess.run(tf.compat.v1.global_variables_initializer())
      sess.run(loss)  # A summary's evaluation of the loss moves nothing.
      steps = [v for v in tf.compat.v1.global_variables()
               if v.name == 'ada_steps:0'][0]
      assert sess.run(steps) == 0.0
      _, _, real = sess.run([loss, update, model.discriminator_real_outputs])
      # One step of 8 real images at speed 8: p moved by 1 towards r = 0.6.
      want = 1.0 if np.mean(np.sign(real)) > 0.6 else 0.0
      assert sess.run(ada.p) == want
