# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Balanced and latent consistency regularization (bCR, zCR), for both trainers.

See `Improved Consistency Regularization for GANs` (Zhao et al. 2021,
https://arxiv.org/abs/2002.04724):

* bCR (Algorithm 1): weight * (E||D(x) - D(T(x))||^2 + E||D(G(z)) -
  D(T(G(z)))||^2) in the discriminator loss, T an augmentation
  (`tfgan_ext.losses.wargs.balanced_consistency_penalty`);
* zCR (Algorithm 2): weight * E||D(G(z)) - D(G(z + dz))||^2 in the
  discriminator loss and generator_weight * -E||G(z) - G(z + dz)||^2 in the
  generator loss, dz ~ N(0, stddev^2) on the noise
  (`latent_consistency_penalty`, `latent_consistency_generator_loss`).

TF-GAN: the terms join the losses through `tfgan_ext.losses.with_penalty`
(summarized as '<penalty>_term'). Keras: each term is a mean over this
replica's examples, weighted by its share of the batch like every loss of
the step; logged as 'bcr_penalty', 'zcr_penalty' and 'zcr_generator_loss'.
"""

import functools

from tfgan_ext import augment as augment_ops
from tfgan_ext.addons import base
from tfgan_ext.losses import _checks
from tfgan_ext.losses import lazy_regularization
from tfgan_ext.losses import tuple_losses
from tfgan_ext.losses import wargs

__all__ = ['BalancedConsistency', 'LatentConsistency']


def _positive(value, name):
  if not _checks.is_real(value) or (
      not value > 0):
    raise ValueError('%s must be a number > 0, got %r.' % (name, value))
  return float(value)


def _non_negative(value, name):
  if not _checks.is_real(value) or (
      not value >= 0):
    raise ValueError('%s must be a number >= 0, got %r.' % (name, value))
  return float(value)


class BalancedConsistency(base.AddOn):
  """bCR: D should not change under T, on real and generated data.

  Args:
    weight: lambda (> 0; the paper's 10 for both sides).
    augment: T: a DiffAugment policy (`tfgan_ext.augment.diff_augment`,
      e.g. 'translation'; images only) or a function of the data.

  Raises:
    ValueError: weight <= 0, an unknown policy (the message lists them).
    TypeError: an `augment` that is neither a string nor callable.
  """

  def __init__(self, weight=10.0, augment='translation'):
    self.weight = _positive(weight, 'BalancedConsistency weight')
    if isinstance(augment, str):
      augment_ops.parse_policy(augment)  # ValueError listing them.
    elif not callable(augment):
      raise TypeError('BalancedConsistency augment must be a DiffAugment '
                      'policy or a function of the data, got %r.'
                      % (augment,))
    self.augment = augment

  def transform(self, data):
    """T(data)."""
    if isinstance(self.augment, str):
      return augment_ops.diff_augment(data, policy=self.augment)
    return self.augment(data)

  def for_tfgan(self, parts):
    penalty = functools.partial(tuple_losses.balanced_consistency_penalty,
                                augment_fn=self.transform)
    return parts._replace(discriminator_loss_fn=lazy_regularization.
                          with_penalty(parts.discriminator_loss_fn, penalty,
                                       self.weight))

  def for_keras(self, gan):
    return _KerasBalancedConsistency(self, gan)


class _KerasBalancedConsistency(base.StepPart):

  logged_names = ('bcr_penalty',)

  def check_data(self, spec):
    if isinstance(self.addon.augment, str) and spec[1].shape.rank != 4:
      raise ValueError(
          "BalancedConsistency's DiffAugment policy needs images, real_data "
          'of shape [batch, height, width, channels]; got shape %s. Pass '
          'augment=fn(data) for other data.' % (spec[1].shape,))

  def discriminator_term(self, tensors, logs):
    value = wargs.balanced_consistency_penalty(
        tensors['real_data'], tensors['generated_data'],
        tensors['generator_inputs'], tensors['discriminator_fn'], None,
        self.addon.transform, loss_collection=None)
    base.log(logs, 'bcr_penalty', value)
    return self.addon.weight * value


class LatentConsistency(base.AddOn):
  """zCR: nearby latents give nearby D outputs, and different data.

  Args:
    weight: The discriminator's lambda (> 0; the paper's 5).
    generator_weight: The generator's lambda (>= 0; the paper's 0.5; 0 for
      no generator term).
    stddev: dz's standard deviation (> 0; the paper's 0.03).

  Raises:
    ValueError: a weight or stddev out of range.
  """

  def __init__(self, weight=5.0, generator_weight=0.5, stddev=0.03):
    self.weight = _positive(weight, 'LatentConsistency weight')
    self.generator_weight = _non_negative(
        generator_weight, 'LatentConsistency generator_weight')
    self.stddev = _positive(stddev, 'LatentConsistency stddev')

  def for_tfgan(self, parts):
    if self.generator_weight:
      parts = parts._replace(generator_loss_fn=lazy_regularization.
                             with_penalty(
                                 parts.generator_loss_fn, functools.partial(
                                     tuple_losses.
                                     latent_consistency_generator_loss,
                                     stddev=self.stddev),
                                 self.generator_weight))
    return parts._replace(discriminator_loss_fn=lazy_regularization.
                          with_penalty(
                              parts.discriminator_loss_fn, functools.partial(
                                  tuple_losses.latent_consistency_penalty,
                                  stddev=self.stddev), self.weight))

  def for_keras(self, gan):
    return _KerasLatentConsistency(self, gan)


class _KerasLatentConsistency(base.StepPart):

  def __init__(self, addon, gan):
    super().__init__(addon, gan)
    self.logged_names = ('zcr_penalty',) + (
        ('zcr_generator_loss',) if addon.generator_weight else ())

  def discriminator_term(self, tensors, logs):
    value = wargs.latent_consistency_penalty(
        tensors['discriminator_gen_outputs'], tensors['generator_inputs'],
        tensors['generator_fn'], None, tensors['discriminator_fn'], None,
        stddev=self.addon.stddev, loss_collection=None)
    base.log(logs, 'zcr_penalty', value)
    return self.addon.weight * value

  def generator_term(self, tensors, logs):
    if not self.addon.generator_weight:
      return 0.0
    value = wargs.latent_consistency_generator_loss(
        tensors['generated_data'], tensors['generator_inputs'],
        tensors['generator_fn'], None, stddev=self.addon.stddev,
        loss_collection=None)
    base.log(logs, 'zcr_generator_loss', value)
    return self.addon.generator_weight * value
