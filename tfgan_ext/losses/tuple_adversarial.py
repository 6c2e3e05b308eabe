# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""GANModel-style forms of the cross-entropy and least-squares losses.

The minimax, non-saturating ("modified"), least-squares (upstream's) and
LSGAN (tfgan_ext's, with targets) pairs, each a `def` that reads the
discriminator outputs from `gan_model` and calls its argument-style form
(`fn.args_loss_fn`, in `tfgan_ext.losses.wargs`).
"""

from tfgan_ext.losses import _reduction
from tfgan_ext.losses import _tuple_fields
from tfgan_ext.losses import wargs

__all__ = [
    'least_squares_discriminator_loss',
    'least_squares_generator_loss',
    'lsgan_discriminator_loss',
    'lsgan_generator_loss',
    'minimax_discriminator_loss',
    'minimax_generator_loss',
    'modified_discriminator_loss',
    'modified_generator_loss',
]

_LOSSES = _reduction.LOSSES
_DEFAULT_REDUCTION = _reduction.DEFAULT_REDUCTION


@_tuple_fields.tuple_form(wargs.minimax_generator_loss)
def minimax_generator_loss(
    gan_model, label_smoothing=0.0, weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.minimax_generator_loss`.

  See `Generative Adversarial Nets` (https://arxiv.org/abs/1406.2661).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_gen_outputs`.
    other arguments: as `wargs.minimax_generator_loss`.

  Returns:
    The loss of `wargs.minimax_generator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.minimax_generator_loss`.
  """
  return wargs.minimax_generator_loss(
      **_tuple_fields.read(
          gan_model, 'minimax_generator_loss', 'discriminator_gen_outputs'),
      label_smoothing=label_smoothing, weights=weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.minimax_discriminator_loss)
def minimax_discriminator_loss(
    gan_model, label_smoothing=0.25, real_weights=1.0, generated_weights=1.0,
    scope=None, loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """GANModel-style `wargs.minimax_discriminator_loss`.

  See `Generative Adversarial Nets` (https://arxiv.org/abs/1406.2661).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_real_outputs` and
      `discriminator_gen_outputs`.
    other arguments: as `wargs.minimax_discriminator_loss`.

  Returns:
    The loss of `wargs.minimax_discriminator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.minimax_discriminator_loss`.
  """
  return wargs.minimax_discriminator_loss(
      **_tuple_fields.read(
          gan_model, 'minimax_discriminator_loss', 'discriminator_real_outputs',
          'discriminator_gen_outputs'),
      label_smoothing=label_smoothing, real_weights=real_weights,
      generated_weights=generated_weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.modified_generator_loss)
def modified_generator_loss(
    gan_model, label_smoothing=0.0, weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.modified_generator_loss`.

  See `Generative Adversarial Nets` (https://arxiv.org/abs/1406.2661).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_gen_outputs`.
    other arguments: as `wargs.modified_generator_loss`.

  Returns:
    The loss of `wargs.modified_generator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.modified_generator_loss`.
  """
  return wargs.modified_generator_loss(
      **_tuple_fields.read(
          gan_model, 'modified_generator_loss', 'discriminator_gen_outputs'),
      label_smoothing=label_smoothing, weights=weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.modified_discriminator_loss)
def modified_discriminator_loss(
    gan_model, label_smoothing=0.25, real_weights=1.0, generated_weights=1.0,
    scope=None, loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """GANModel-style `wargs.modified_discriminator_loss`.

  See `Generative Adversarial Nets` (https://arxiv.org/abs/1406.2661).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_real_outputs` and
      `discriminator_gen_outputs`.
    other arguments: as `wargs.modified_discriminator_loss`.

  Returns:
    The loss of `wargs.modified_discriminator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.modified_discriminator_loss`.
  """
  return wargs.modified_discriminator_loss(
      **_tuple_fields.read(
          gan_model, 'modified_discriminator_loss',
          'discriminator_real_outputs', 'discriminator_gen_outputs'),
      label_smoothing=label_smoothing, real_weights=real_weights,
      generated_weights=generated_weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.least_squares_generator_loss)
def least_squares_generator_loss(
    gan_model, real_label=1, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.least_squares_generator_loss`.

  See `Least Squares Generative Adversarial Networks`
  (https://arxiv.org/abs/1611.04076).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_gen_outputs`.
    other arguments: as `wargs.least_squares_generator_loss`.

  Returns:
    The loss of `wargs.least_squares_generator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.least_squares_generator_loss`.
  """
  return wargs.least_squares_generator_loss(
      **_tuple_fields.read(
          gan_model, 'least_squares_generator_loss',
          'discriminator_gen_outputs'),
      real_label=real_label, weights=weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.least_squares_discriminator_loss)
def least_squares_discriminator_loss(
    gan_model, real_label=1, fake_label=0, real_weights=1.0,
    generated_weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.least_squares_discriminator_loss`.

  See `Least Squares Generative Adversarial Networks`
  (https://arxiv.org/abs/1611.04076).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_real_outputs` and
      `discriminator_gen_outputs`.
    other arguments: as `wargs.least_squares_discriminator_loss`.

  Returns:
    The loss of `wargs.least_squares_discriminator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.least_squares_discriminator_loss`.
  """
  return wargs.least_squares_discriminator_loss(
      **_tuple_fields.read(
          gan_model, 'least_squares_discriminator_loss',
          'discriminator_real_outputs', 'discriminator_gen_outputs'),
      real_label=real_label, fake_label=fake_label, real_weights=real_weights,
      generated_weights=generated_weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.lsgan_generator_loss)
def lsgan_generator_loss(
    gan_model, generator_target=1.0, weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.lsgan_generator_loss`.

  See `Least Squares Generative Adversarial Networks`
  (https://arxiv.org/abs/1611.04076).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_gen_outputs`.
    other arguments: as `wargs.lsgan_generator_loss`.

  Returns:
    The loss of `wargs.lsgan_generator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.lsgan_generator_loss`.
  """
  return wargs.lsgan_generator_loss(
      **_tuple_fields.read(
          gan_model, 'lsgan_generator_loss', 'discriminator_gen_outputs'),
      generator_target=generator_target, weights=weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.lsgan_discriminator_loss)
def lsgan_discriminator_loss(
    gan_model, real_target=1.0, generated_target=0.0, real_weights=1.0,
    generated_weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.lsgan_discriminator_loss`.

  See `Least Squares Generative Adversarial Networks`
  (https://arxiv.org/abs/1611.04076).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_real_outputs` and
      `discriminator_gen_outputs`.
    other arguments: as `wargs.lsgan_discriminator_loss`.

  Returns:
    The loss of `wargs.lsgan_discriminator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.lsgan_discriminator_loss`.
  """
  return wargs.lsgan_discriminator_loss(
      **_tuple_fields.read(
          gan_model, 'lsgan_discriminator_loss', 'discriminator_real_outputs',
          'discriminator_gen_outputs'),
      real_target=real_target, generated_target=generated_target,
      real_weights=real_weights, generated_weights=generated_weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)
