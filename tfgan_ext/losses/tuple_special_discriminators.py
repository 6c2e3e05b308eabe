# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""GANModel-style losses for discriminators of a special kind.

ACGAN (a classifier head: `tfgan.ACGANModel`), InfoGAN's mutual
information penalty (predicted distributions: `tfgan.InfoGANModel`) and
the energy-based pair (an autoencoder discriminator whose outputs are
reconstruction energies). Each is a `def` that reads its fields from
`gan_model` and calls its argument-style form (`fn.args_loss_fn`, in
`tfgan_ext.losses.wargs`); a model tuple without those fields raises
ValueError naming them.
"""

from tfgan_ext.losses import _reduction
from tfgan_ext.losses import _tuple_fields
from tfgan_ext.losses import wargs

__all__ = [
    'acgan_discriminator_loss',
    'acgan_generator_loss',
    'energy_based_discriminator_loss',
    'energy_based_generator_loss',
    'mutual_information_penalty',
]

_LOSSES = _reduction.LOSSES
_DEFAULT_REDUCTION = _reduction.DEFAULT_REDUCTION


@_tuple_fields.tuple_form(wargs.acgan_generator_loss)
def acgan_generator_loss(
    gan_model, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.acgan_generator_loss`.

  See `Conditional Image Synthesis With Auxiliary Classifier GANs`
  (https://arxiv.org/abs/1610.09585).

  Args:
    gan_model: A `tfgan.ACGANModel`; reads
      `discriminator_gen_classification_logits` and `one_hot_labels`.
    other arguments: as `wargs.acgan_generator_loss`.

  Returns:
    The loss of `wargs.acgan_generator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.acgan_generator_loss`.
  """
  return wargs.acgan_generator_loss(
      **_tuple_fields.read(
          gan_model, 'acgan_generator_loss',
          'discriminator_gen_classification_logits', 'one_hot_labels'),
      weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.acgan_discriminator_loss)
def acgan_discriminator_loss(
    gan_model, label_smoothing=0.0, real_weights=1.0, generated_weights=1.0,
    scope=None, loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """GANModel-style `wargs.acgan_discriminator_loss`.

  See `Conditional Image Synthesis With Auxiliary Classifier GANs`
  (https://arxiv.org/abs/1610.09585).

  Args:
    gan_model: A `tfgan.ACGANModel`; reads
      `discriminator_real_classification_logits`,
      `discriminator_gen_classification_logits` and `one_hot_labels`.
    other arguments: as `wargs.acgan_discriminator_loss`.

  Returns:
    The loss of `wargs.acgan_discriminator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.acgan_discriminator_loss`.
  """
  return wargs.acgan_discriminator_loss(
      **_tuple_fields.read(
          gan_model, 'acgan_discriminator_loss',
          'discriminator_real_classification_logits',
          'discriminator_gen_classification_logits', 'one_hot_labels'),
      label_smoothing=label_smoothing, real_weights=real_weights,
      generated_weights=generated_weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.energy_based_generator_loss)
def energy_based_generator_loss(
    gan_model, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.energy_based_generator_loss`.

  See `Energy-based Generative Adversarial Network`
  (https://arxiv.org/abs/1609.03126).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_gen_outputs`.
    other arguments: as `wargs.energy_based_generator_loss`.

  Returns:
    The loss of `wargs.energy_based_generator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.energy_based_generator_loss`.
  """
  return wargs.energy_based_generator_loss(
      **_tuple_fields.read(
          gan_model, 'energy_based_generator_loss',
          'discriminator_gen_outputs'),
      weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.energy_based_discriminator_loss)
def energy_based_discriminator_loss(
    gan_model, margin=1.0, real_weights=1.0, generated_weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.energy_based_discriminator_loss`.

  See `Energy-based Generative Adversarial Network`
  (https://arxiv.org/abs/1609.03126).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_real_outputs` and
      `discriminator_gen_outputs`.
    other arguments: as `wargs.energy_based_discriminator_loss`.

  Returns:
    The loss of `wargs.energy_based_discriminator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.energy_based_discriminator_loss`.
  """
  return wargs.energy_based_discriminator_loss(
      **_tuple_fields.read(
          gan_model, 'energy_based_discriminator_loss',
          'discriminator_real_outputs', 'discriminator_gen_outputs'),
      margin=margin, real_weights=real_weights,
      generated_weights=generated_weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.mutual_information_penalty)
def mutual_information_penalty(
    gan_model, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.mutual_information_penalty`.

  See `InfoGAN: Interpretable Representation Learning by Information Maximizing
  Generative Adversarial Nets` (https://arxiv.org/abs/1606.03657).

  Args:
    gan_model: A `tfgan.InfoGANModel`; reads `structured_generator_inputs` and
      `predicted_distributions`.
    other arguments: as `wargs.mutual_information_penalty`.

  Returns:
    The loss of `wargs.mutual_information_penalty` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.mutual_information_penalty`.
  """
  return wargs.mutual_information_penalty(
      **_tuple_fields.read(
          gan_model, 'mutual_information_penalty',
          'structured_generator_inputs', 'predicted_distributions'),
      weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries)
