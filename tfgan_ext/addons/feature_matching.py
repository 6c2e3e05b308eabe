# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Feature matching in the generator loss, for both trainers.

See `Improved Techniques for Training GANs` (Salimans et al. 2016,
https://arxiv.org/abs/1606.03498), section 3.1:

  L_G' = L_G + weight * ||E_x f(x) - E_z f(G(z))||^2 / dim(f)

with f an intermediate layer of the discriminator
(`tfgan_ext.losses.wargs.feature_matching_loss`; the means are over the
global batch under `tf.distribute`). With `keep_adversarial=False` the
generator trains on feature matching alone (L_G dropped).

* TF-GAN: f is `features_fn(data, generator_inputs)`, a function building
  the discriminator's trunk under its variable scope
  (`tfgan_ext.losses.with_feature_matching`); summarized when the loss is.
* Keras: f is the discriminator layer named `layer` (a functional or
  Sequential discriminator); the step reads it in the same forward pass as
  the logits. Logged as 'feature_matching_loss'.
"""

import functools

from tfgan_ext.addons import base
from tfgan_ext.losses import _checks
from tfgan_ext.losses import feature_matching as feature_matching_lib
from tfgan_ext.losses import tuple_losses
from tfgan_ext.losses import wargs

__all__ = ['FeatureMatching']


class FeatureMatching(base.AddOn):
  """Feature matching on an intermediate discriminator layer (module doc).

  Args:
    weight: The term's coefficient (> 0).
    layer: Keras: the name of the discriminator layer whose output is f.
    features_fn: TF-GAN: `features_fn(data, generator_inputs)` -> features
      of the discriminator's trunk (see `tfgan_ext.losses.feature_matching`).
    keep_adversarial: Keep the adversarial generator loss (False: feature
      matching alone).

  Raises:
    ValueError: weight <= 0, or neither `layer` nor `features_fn` given.
    TypeError: a `features_fn` that is not callable, a `layer` that is not
      a string.
  """

  def __init__(self, weight=1.0, layer=None, features_fn=None,
               keep_adversarial=True):
    if not _checks.is_real(weight) or (
        not weight > 0):
      raise ValueError('FeatureMatching weight must be a number > 0, got %r.'
                       % (weight,))
    if layer is None and features_fn is None:
      raise ValueError('FeatureMatching needs layer= (the Keras '
                       "discriminator layer's name) or features_fn= (a "
                       'TF-GAN features_fn(data, generator_inputs)).')
    if layer is not None and not isinstance(layer, str):
      raise TypeError("FeatureMatching layer must be a discriminator layer's "
                      'name, got %r.' % (layer,))
    if features_fn is not None and not callable(features_fn):
      raise TypeError('features_fn must be callable, got %r.'
                      % (features_fn,))
    self.weight = float(weight)
    self.layer = layer
    self.features_fn = features_fn
    self.keep_adversarial = bool(keep_adversarial)

  def for_tfgan(self, parts):
    """The generator loss plus (or replaced by) weight * feature matching.

    Raises:
      ValueError: no `features_fn`.
    """
    if self.features_fn is None:
      raise ValueError('FeatureMatching in a TF-GAN loop needs features_fn= '
                       '(layer= names a Keras layer).')
    if self.keep_adversarial:
      return parts._replace(
          generator_loss_fn=feature_matching_lib.with_feature_matching(
              parts.generator_loss_fn, self.features_fn, self.weight))
    return parts._replace(generator_loss_fn=functools.partial(
        _feature_matching_only, features_fn=self.features_fn,
        weight=self.weight))

  def for_keras(self, gan):
    """Raises ValueError without `layer`."""
    if self.layer is None:
      raise ValueError("FeatureMatching in GANModel needs layer=, the name "
                       "of the discriminator layer whose output is matched.")
    return _KerasFeatureMatching(self, gan)


def _feature_matching_only(gan_model, features_fn, weight, **kwargs):
  """weight * feature matching, as a GANModel-style generator loss."""
  return weight * tuple_losses.feature_matching_loss(
      gan_model, features_fn, add_summaries=kwargs.get('add_summaries',
                                                       False))


class _KerasFeatureMatching(base.StepPart):

  logged_names = ('feature_matching_loss',)

  def __init__(self, addon, gan):
    super().__init__(addon, gan)
    self.discriminator_layer = addon.layer

  def generator_loss(self, step_loss):
    del step_loss
    return None if self.addon.keep_adversarial else _NoAdversarialLoss()

  def generator_term(self, tensors, logs):
    value = wargs.feature_matching_loss(
        tensors['real_features'], tensors['generated_features'],
        loss_collection=None)
    base.log(logs, 'feature_matching_loss', value)
    return self.addon.weight * value


class _NoAdversarialLoss:
  """The adversarial generator loss left out: zero."""

  needs = frozenset()

  def __call__(self, tensors, logs):
    del tensors, logs
    return 0.0
