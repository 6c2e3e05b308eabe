# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Differentiable augmentation of what the discriminator sees.

Two recipes, both applied to real and generated images alike (independent
random draws per image) and differentiable, so the generator learns through
them:

* DiffAugment (Zhao et al. 2020, `Differentiable Augmentation for
  Data-Efficient GAN Training`, https://arxiv.org/abs/2006.10738):
  `diff_augment(images, policy)` with the paper's policies
  - 'color': brightness x + (u - 1/2), saturation (x - m_c) * 2u + m_c
    (m_c the mean over channels; nothing to do for one channel), contrast
    (x - m) * (u + 1/2) + m (m the image mean), u ~ U[0, 1) per image;
  - 'translation': an integer shift of up to 1/8 of the image size in each
    direction, zero padded (1 pixel on 8x8 images, 4 on 32x32);
  - 'cutout': a zeroed square of half the image size at a random centre
    (4x4 on 8x8 images), clipped at the borders.
* ADA (Karras et al. 2020, `Training Generative Adversarial Networks with
  Limited Data`, https://arxiv.org/abs/2006.06676): `ada_augment(images, p)`
  applies each of its operations to each image with probability p; here the
  subset that suits small images without resampling: x-flip, rotation by a
  multiple of 90 degrees, integer translation (up to 1/8 of the size, zero
  padded here where ADA reflects), brightness x + b (b ~ N(0, 0.2^2)),
  contrast c * x (log2 c ~ N(0, 0.5^2)), saturation (log2 s ~ N(0, 1)); not
  the geometric transforms that resample (scaling, arbitrary rotation,
  fractional translation), which blur 8x8 images, nor hue (one channel).
  p follows ADA's overfitting heuristic, r = E[sign(D(x_real))]:
  `ada_adjustment` moves it towards r = target (the paper's 0.6).

Images are [batch, height, width, channels] floats (the examples' [-1, 1]).
Each operation is also a function of its parameters (`brightness`,
`translate`, `cutout`, ...), which the random policies draw; the tests check
them against NumPy with fixed parameters. For `tfgan.gan_model`,
`augmented_discriminator(discriminator_fn, augment_fn)` augments inside the
discriminator (DiffAugment's recipe with TF-GAN's loop unchanged);
the add-ons `tfgan_ext.addons.DiffAugment` and `tfgan_ext.addons.ADA` (which
keeps ADA's p) apply them in a TF-GAN graph and in a Keras model.
"""

import tensorflow as tf

__all__ = [
    'ADA_TARGET',
    'DIFFAUGMENT_POLICIES',
    'ada_adjustment',
    'ada_augment',
    'augmented_discriminator',
    'brightness',
    'contrast',
    'cutout',
    'diff_augment',
    'parse_policy',
    'rot90',
    'saturation',
    'translate',
    'xflip',
]

DIFFAUGMENT_POLICIES = ('color', 'translation', 'cutout')
ADA_TARGET = 0.6  # ADA's target for r = E[sign(D(x_real))].


def _per_image(values, rank=4):
  """[batch] parameters shaped to broadcast over [batch, H, W, C] images."""
  return tf.reshape(values, [-1] + [1] * (rank - 1))


def _check_images(images):
  images = tf.convert_to_tensor(images)
  if not images.dtype.is_floating:
    raise TypeError('Augmented images must be floating point, got %s.'
                    % images.dtype.name)
  if images.shape.rank != 4:
    raise ValueError('Augmented images must be [batch, height, width, '
                     'channels], got shape %s.' % images.shape)
  return images


# ------------------------------------------------ operations, by parameter ---


def brightness(images, shift):
  """images + shift, one shift per image ([batch])."""
  return images + _per_image(tf.cast(shift, images.dtype))


def saturation(images, factor):
  """(images - channel mean) * factor + channel mean, per pixel."""
  mean = tf.reduce_mean(images, axis=3, keepdims=True)
  return (images - mean) * _per_image(tf.cast(factor, images.dtype)) + mean


def contrast(images, factor, center=True):
  """(images - image mean) * factor + image mean (center=False: * factor)."""
  factor = _per_image(tf.cast(factor, images.dtype))
  if not center:
    return images * factor
  mean = tf.reduce_mean(images, axis=[1, 2, 3], keepdims=True)
  return (images - mean) * factor + mean


def _shift_matrices(offsets, size, dtype):
  """[batch, size, size] 0/1 matrices S with (S v)_i = v_{i - offset}."""
  rows = tf.range(size)[None, :, None]
  cols = tf.range(size)[None, None, :]
  return tf.cast(tf.equal(rows - tf.cast(offsets, tf.int32)[:, None, None],
                          cols), dtype)


def translate(images, shift_y, shift_x):
  """Moves each image's content by (shift_y, shift_x) pixels, zero padded.

  A positive shift moves content down (right); pixels moved out are lost and
  uncovered ones are 0. Differentiable in `images` (a product with 0/1 shift
  matrices).
  """
  height, width = images.shape[1], images.shape[2]
  rows = _shift_matrices(shift_y, height, images.dtype)
  cols = _shift_matrices(shift_x, width, images.dtype)
  return tf.einsum('bij,bjwc,bkw->bikc', rows, images, cols)


def cutout(images, center_y, center_x, size_y, size_x):
  """Zeroes a size_y x size_x box per image around (center_y, center_x).

  The box covers rows center_y - size_y // 2 to that + size_y - 1 (and the
  columns likewise), clipped to the image.
  """
  height, width = images.shape[1], images.shape[2]
  top = tf.cast(center_y, tf.int32)[:, None] - size_y // 2
  left = tf.cast(center_x, tf.int32)[:, None] - size_x // 2
  row = tf.range(height)[None, :]
  col = tf.range(width)[None, :]
  in_rows = tf.logical_and(row >= top, row < top + size_y)
  in_cols = tf.logical_and(col >= left, col < left + size_x)
  box = tf.logical_and(in_rows[:, :, None], in_cols[:, None, :])
  return images * tf.cast(tf.logical_not(box), images.dtype)[..., None]


def xflip(images, flip):
  """Mirrors the images where `flip` ([batch] bool) is True."""
  return tf.where(_per_image(flip), tf.reverse(images, axis=[2]), images)


def rot90(images, k):
  """Rotates each image by k[i] * 90 degrees counter-clockwise (square)."""
  k = tf.math.floormod(tf.cast(k, tf.int32), 4)
  rotated = images
  for turns in range(1, 4):
    rotated = tf.where(_per_image(tf.equal(k, turns)),
                       tf.image.rot90(images, turns), rotated)
  return rotated


# ------------------------------------------------------------- DiffAugment ---


def parse_policy(policy):
  """A DiffAugment policy string ('color,translation') as a tuple.

  Raises:
    ValueError: for an unknown part (the message lists the valid ones).
    TypeError: for a policy that is not a string.
  """
  if not isinstance(policy, str):
    raise TypeError('A DiffAugment policy is a comma-separated string of %s, '
                    'got %r.' % (', '.join(DIFFAUGMENT_POLICIES), policy))
  parts = tuple(p.strip() for p in policy.split(',') if p.strip())
  unknown = [p for p in parts if p not in DIFFAUGMENT_POLICIES]
  if unknown or not parts:
    raise ValueError('Unknown DiffAugment policy %r; use a comma-separated '
                     'subset of %s.' % (policy, ', '.join(DIFFAUGMENT_POLICIES)))
  return parts


def _uniform(batch):
  return tf.random.uniform([batch])


def _shift_range(size):
  """Largest integer shift: 1/8 of the size, rounded (DiffAugment's 0.125)."""
  return int(size * 0.125 + 0.5)


def _random_shifts(batch, size):
  limit = _shift_range(size)
  return tf.random.uniform([batch], -limit, limit + 1, dtype=tf.int32)


def diff_augment(images, policy='color,translation,cutout'):
  """DiffAugment's augmentation (see the module docstring).

  Args:
    images: [batch, height, width, channels] floats.
    policy: Comma-separated subset of 'color', 'translation', 'cutout'
      (applied in that order of the string).

  Returns:
    Augmented images, the same shape and dtype.

  Raises:
    TypeError / ValueError: for non-float or non-image input or an unknown
      policy.
  """
  images = _check_images(images)
  batch = tf.shape(images)[0]
  height, width = images.shape[1], images.shape[2]
  for part in parse_policy(policy):
    if part == 'color':
      images = brightness(images, _uniform(batch) - 0.5)
      images = saturation(images, 2.0 * _uniform(batch))
      images = contrast(images, _uniform(batch) + 0.5)
    elif part == 'translation':
      images = translate(images, _random_shifts(batch, height),
                         _random_shifts(batch, width))
    else:  # cutout
      size_y, size_x = int(height * 0.5 + 0.5), int(width * 0.5 + 0.5)
      images = cutout(
          images,
          tf.random.uniform([batch], 0, height + 1 - size_y % 2, tf.int32),
          tf.random.uniform([batch], 0, width + 1 - size_x % 2, tf.int32),
          size_y, size_x)
  return images


# --------------------------------------------------------------------- ADA ---


def ada_augment(images, p):
  """ADA's pipeline (module docstring): each operation with probability p.

  Args:
    images: [batch, height, width, channels] floats; square for rotations.
    p: Scalar probability (a float or a tensor, e.g. the adaptive variable).

  Returns:
    Augmented images, the same shape and dtype.
  """
  images = _check_images(images)
  batch = tf.shape(images)[0]
  height, width = images.shape[1], images.shape[2]
  p = tf.cast(p, tf.float32)

  def chosen():
    return tf.random.uniform([batch]) < p

  images = xflip(images, chosen())
  if height == width:
    k = tf.random.uniform([batch], 1, 4, dtype=tf.int32)
    images = rot90(images, tf.where(chosen(), k, 0))
  images = translate(images,
                     tf.where(chosen(), _random_shifts(batch, height), 0),
                     tf.where(chosen(), _random_shifts(batch, width), 0))
  normal = lambda std: tf.random.normal([batch], stddev=std)
  images = brightness(images, tf.where(chosen(), normal(0.2), 0.0))
  images = contrast(images, tf.where(chosen(), 2.0 ** normal(0.5), 1.0),
                    center=False)
  images = saturation(images, tf.where(chosen(), 2.0 ** normal(1.0), 1.0))
  return images


def ada_adjustment(p, sign_mean, images_seen, speed_images,
                   target=ADA_TARGET):
  """ADA's update of p: a step towards r = target, clipped to [0, 1].

  p' = clip(p + sign(r - target) * images_seen / speed_images, 0, 1)

  with r = sign_mean = E[sign(D(x_real))] over the last images_seen real
  images: p can go from 0 to 1 in `speed_images` images (ADA: 500k at its
  batch sizes; examples/digits scales it to its budget).

  Args:
    p: The current probability (scalar tensor).
    sign_mean: r, a scalar in [-1, 1].
    images_seen: Real images r was measured on.
    speed_images: Images over which p may move by 1.
    target: The target of r.

  Returns:
    The new p (float32 scalar).
  """
  step = tf.sign(tf.cast(sign_mean, tf.float32) - target) * (
      tf.cast(images_seen, tf.float32) / float(speed_images))
  return tf.clip_by_value(tf.cast(p, tf.float32) + step, 0.0, 1.0)


def augmented_discriminator(discriminator_fn, augment_fn):
  """`discriminator_fn(augment_fn(data), generator_inputs)`, for tfgan.gan_model.

  With `tfgan.gan_model(..., discriminator_fn=augmented_discriminator(
  discriminator_fn, functools.partial(diff_augment, policy=...)))` every
  use of the discriminator sees augmented data: real and generated data in
  the discriminator loss, generated data in the generator loss, and the
  penalties' re-applications (R1 on augmented real data, as ADA computes
  it). Each call draws its own random parameters.

  Args:
    discriminator_fn: TF-GAN's `discriminator_fn(data, generator_inputs)`.
    augment_fn: `augment_fn(images)` -> augmented images.

  Returns:
    A discriminator_fn.
  """
  def discriminator(data, generator_inputs):
    return discriminator_fn(augment_fn(data), generator_inputs)

  discriminator.__name__ = getattr(discriminator_fn, '__name__',
                                   'discriminator')
  return discriminator
