# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""bCR and zCR in the Keras train step (`compile(bcr_weight=...,
zcr_weight=...)`; Zhao et al. 2021, "Improved Consistency Regularization").

* bCR: `bcr_weight` times `wargs.balanced_consistency_penalty` on the
  discriminator step's real and generated batches, with T =
  `bcr_augment` (a DiffAugment policy, e.g. 'translation', or fn(data)).
* zCR: `zcr_weight` times `wargs.latent_consistency_penalty` in the
  discriminator loss, and `zcr_generator_weight` times
  `wargs.latent_consistency_generator_loss` (negative) in the generator
  loss, dz ~ N(0, `zcr_stddev`^2) on the noise.

Each is a mean over this replica's examples, weighted by the replica's
share of the batch like every loss of the step, so the terms are those of
the global batch. Logged as 'bcr_penalty', 'zcr_penalty' and
'zcr_generator_loss'.
"""

import functools

from tfgan_ext import augment
from tfgan_ext.keras import augmentation
from tfgan_ext.losses import wargs

__all__ = ['Consistency']


def _non_negative(value, name):
  if isinstance(value, bool) or not isinstance(value, (int, float)) or (
      not value >= 0):
    raise ValueError('%s must be a number >= 0, got %r.' % (name, value))
  return float(value)


class Consistency:
  """The consistency terms `compile` asked for.

  Args:
    bcr_weight: bCR's lambda (0: off; the paper's 10 for both sides).
    bcr_augment: T: a DiffAugment policy string or fn(data).
    zcr_weight: zCR's discriminator lambda (0: off; the paper's 5).
    zcr_generator_weight: zCR's generator lambda (the paper's 0.5).
    zcr_stddev: dz's standard deviation (the paper's 0.03).

  Raises:
    ValueError: negative weights, an unknown policy, zcr_stddev <= 0.
    TypeError: a `bcr_augment` that is neither a string nor callable.
  """

  def __init__(self, bcr_weight, bcr_augment, zcr_weight,
               zcr_generator_weight, zcr_stddev):
    self.bcr_weight = _non_negative(bcr_weight, 'bcr_weight')
    self.zcr_weight = _non_negative(zcr_weight, 'zcr_weight')
    self.zcr_generator_weight = _non_negative(zcr_generator_weight,
                                              'zcr_generator_weight')
    if not float(zcr_stddev) > 0:
      raise ValueError('zcr_stddev must be > 0, got %r.' % (zcr_stddev,))
    self.zcr_stddev = float(zcr_stddev)
    if callable(bcr_augment):
      self.transform = augmentation.Augmentation(bcr_augment,
                                                 needs_images=False)
    elif isinstance(bcr_augment, str):
      augment.parse_policy(bcr_augment)  # ValueError listing the policies.
      self.transform = augmentation.Augmentation(functools.partial(
          augment.diff_augment, policy=bcr_augment))
    else:
      raise TypeError('bcr_augment must be a DiffAugment policy or a '
                      'function of the data, got %r.' % (bcr_augment,))

  @property
  def needs_images(self):
    """Whether bCR's transform needs [batch, height, width, channels]."""
    return bool(self.bcr_weight) and self.transform.needs_images

  def logged_names(self):
    names = []
    if self.bcr_weight:
      names.append('bcr_penalty')
    if self.zcr_weight:
      names.append('zcr_penalty')
    if self.zcr_weight and self.zcr_generator_weight:
      names.append('zcr_generator_loss')
    return names

  def discriminator_term(self, tensors, logs):
    """The weighted bCR + zCR terms of the discriminator loss (logged)."""
    total = 0.0
    if self.bcr_weight:
      value = wargs.balanced_consistency_penalty(
          tensors['real_data'], tensors['generated_data'],
          tensors['generator_inputs'], tensors['discriminator_fn'], None,
          self.transform, loss_collection=None)
      logs.setdefault('bcr_penalty', []).append((value, 1.0))
      total += self.bcr_weight * value
    if self.zcr_weight:
      value = wargs.latent_consistency_penalty(
          tensors['discriminator_gen_outputs'], tensors['generator_inputs'],
          tensors['generator_fn'], None, tensors['discriminator_fn'], None,
          stddev=self.zcr_stddev, loss_collection=None)
      logs.setdefault('zcr_penalty', []).append((value, 1.0))
      total += self.zcr_weight * value
    return total

  def generator_term(self, tensors, logs):
    """zCR's weighted generator term (logged), or 0."""
    if not (self.zcr_weight and self.zcr_generator_weight):
      return 0.0
    value = wargs.latent_consistency_generator_loss(
        tensors['generated_data'], tensors['generator_inputs'],
        tensors['generator_fn'], None, stddev=self.zcr_stddev,
        loss_collection=None)
    logs['zcr_generator_loss'] = [(value, 1.0)]
    return self.zcr_generator_weight * value
