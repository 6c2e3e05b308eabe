# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""What the discriminator sees in `GANModel`: `compile(augment=...)`.

Every call of the discriminator in the train step goes through the
augmentation: real and generated data in the discriminator step, generated
data in the generator step, and the penalties' re-applications (R1 on
augmented real data, as ADA computes it). The ops are `tfgan_ext.augment`'s.

* 'diffaugment': `augment.diff_augment` with `augment_policy`.
* 'ada': `augment.ada_augment` with an adaptive probability p, a weight of
  the model (saved with it). After each discriminator step the signs of
  D's outputs on the (augmented) real batch are summed over all replicas;
  every `ada_interval` steps p moves by `augment.ada_adjustment` towards
  E[sign(D(x_real))] = `ada_target`, at most from 0 to 1 in
  `ada_speed_images` real images. p is logged as `ada_p`.
* a callable `fn(images)`: applied as it is.
"""

import functools

import tensorflow as tf

from tfgan_ext import augment
from tfgan_ext.losses import _batch_stats
from tfgan_ext.losses import _checks

__all__ = ['AdaptiveAugmentation', 'Augmentation', 'resolve']


class Augmentation:
  """A fixed augmentation (DiffAugment or the user's function).

  Attributes:
    fn: `fn(images)` -> augmented images.
    needs_images: Whether the data must be [batch, height, width, channels]
      (tfgan_ext's augmentations; a user's function decides for itself).
  """

  logged_name = None  # Nothing to log.

  def __init__(self, fn, needs_images=True):
    self.fn = fn
    self.needs_images = needs_images

  def __call__(self, images):
    return self.fn(images)

  def observe(self, real_outputs):
    """Nothing to adapt; returns None."""
    del real_outputs


class AdaptiveAugmentation:
  """ADA's pipeline with its probability p adapted during training.

  Args:
    flavour: The model's `keras_versions.KerasVersion`.
    model: The GANModel that holds the state variables.
    target: ADA's target for E[sign(D(x_real))].
    interval: Discriminator steps between adjustments of p.
    speed_images: Real images over which p may move by 1.
  """

  logged_name = 'ada_p'
  needs_images = True

  def __init__(self, flavour, model, target, interval, speed_images):
    _checks.positive_int(interval, 'ada_interval')
    if not 0.0 < float(speed_images):
      raise ValueError('ada_speed_images must be > 0, got %r.'
                       % (speed_images,))
    self.target = float(target)
    self.interval = interval
    self.speed_images = float(speed_images)
    self.p = flavour.state_variable(model, 'ada_p')
    self.sign_sum = flavour.state_variable(model, 'ada_sign_sum')
    self.image_count = flavour.state_variable(model, 'ada_image_count')
    self.steps = flavour.state_variable(model, 'ada_steps')

  def __call__(self, images):
    return augment.ada_augment(images, self.p)

  def observe(self, real_outputs):
    """Accumulates sign(D(x_real)); adjusts p every `interval` steps.

    Returns:
      p as used in this step (before any adjustment).
    """
    real_outputs = tf.cast(real_outputs, tf.float32)
    signs = tf.reduce_sum(tf.sign(real_outputs))
    count = tf.cast(tf.shape(real_outputs)[0], tf.float32)
    context = _batch_stats.replica_context()
    if context is not None:
      signs, count = context.all_reduce(tf.distribute.ReduceOp.SUM,
                                        [signs, count])
    sign_sum = self.sign_sum + signs
    image_count = self.image_count + count
    steps = self.steps + 1.0
    ready = tf.equal(tf.math.floormod(steps, float(self.interval)), 0.0)
    used = tf.identity(self.p)
    adjusted = augment.ada_adjustment(
        used, sign_sum / tf.maximum(image_count, 1.0), image_count,
        self.speed_images, self.target)
    # Assigned on every step, outside any tf.cond: under tf.distribute each
    # replica computes the same values and the first replica's are kept.
    self.p.assign(tf.where(ready, adjusted, used))
    self.sign_sum.assign(tf.where(ready, 0.0, sign_sum))
    self.image_count.assign(tf.where(ready, 0.0, image_count))
    self.steps.assign(steps)
    return used


def resolve(spec, policy, target, interval, speed_images, flavour, model):
  """The augmentation `compile(augment=spec, ...)` asks for, or None.

  Raises:
    ValueError: for an unknown name or DiffAugment policy.
    TypeError: for a spec that is neither a name nor callable.
  """
  if spec is None or spec == 'none':
    return None
  if callable(spec):
    return Augmentation(spec, needs_images=False)
  if spec == 'diffaugment':
    augment.parse_policy(policy)  # ValueError listing the policies.
    return Augmentation(functools.partial(augment.diff_augment,
                                          policy=policy))
  if spec == 'ada':
    return AdaptiveAugmentation(flavour, model, target, interval,
                                speed_images)
  if isinstance(spec, str):
    raise ValueError("Unknown augment %r; use None, 'diffaugment', 'ada' or a "
                     'function of the images.' % (spec,))
  raise TypeError('augment must be None, a name or a callable, got %r.'
                  % (spec,))
