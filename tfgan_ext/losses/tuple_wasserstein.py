# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""GANModel-style forms of the Wasserstein and hinge losses.

The Wasserstein, Wasserstein-hinge and hinge pairs (the last two equal at
the default margins), each a `def` that reads the discriminator outputs
from `gan_model` and calls its argument-style form (`fn.args_loss_fn`, in
`tfgan_ext.losses.wargs`).
"""

from tfgan_ext.losses import _reduction
from tfgan_ext.losses import _tuple_fields
from tfgan_ext.losses import wargs

__all__ = [
    'hinge_discriminator_loss',
    'hinge_generator_loss',
    'wasserstein_discriminator_loss',
    'wasserstein_generator_loss',
    'wasserstein_hinge_discriminator_loss',
    'wasserstein_hinge_generator_loss',
]

_LOSSES = _reduction.LOSSES
_DEFAULT_REDUCTION = _reduction.DEFAULT_REDUCTION


@_tuple_fields.tuple_form(wargs.wasserstein_generator_loss)
def wasserstein_generator_loss(
    gan_model, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.wasserstein_generator_loss`.

  See `Wasserstein GAN` (https://arxiv.org/abs/1701.07875).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_gen_outputs`.
    other arguments: as `wargs.wasserstein_generator_loss`.

  Returns:
    The loss of `wargs.wasserstein_generator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.wasserstein_generator_loss`.
  """
  return wargs.wasserstein_generator_loss(
      **_tuple_fields.read(
          gan_model, 'wasserstein_generator_loss', 'discriminator_gen_outputs'),
      weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.wasserstein_discriminator_loss)
def wasserstein_discriminator_loss(
    gan_model, real_weights=1.0, generated_weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.wasserstein_discriminator_loss`.

  See `Wasserstein GAN` (https://arxiv.org/abs/1701.07875).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_real_outputs` and
      `discriminator_gen_outputs`.
    other arguments: as `wargs.wasserstein_discriminator_loss`.

  Returns:
    The loss of `wargs.wasserstein_discriminator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.wasserstein_discriminator_loss`.
  """
  return wargs.wasserstein_discriminator_loss(
      **_tuple_fields.read(
          gan_model, 'wasserstein_discriminator_loss',
          'discriminator_real_outputs', 'discriminator_gen_outputs'),
      real_weights=real_weights, generated_weights=generated_weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.wasserstein_hinge_generator_loss)
def wasserstein_hinge_generator_loss(
    gan_model, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.wasserstein_hinge_generator_loss`.

  See `Spectral Normalization for Generative Adversarial Networks`
  (https://arxiv.org/abs/1802.05957).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_gen_outputs`.
    other arguments: as `wargs.wasserstein_hinge_generator_loss`.

  Returns:
    The loss of `wargs.wasserstein_hinge_generator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.wasserstein_hinge_generator_loss`.
  """
  return wargs.wasserstein_hinge_generator_loss(
      **_tuple_fields.read(
          gan_model, 'wasserstein_hinge_generator_loss',
          'discriminator_gen_outputs'),
      weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.wasserstein_hinge_discriminator_loss)
def wasserstein_hinge_discriminator_loss(
    gan_model, real_weights=1.0, generated_weights=1.0, real_hinge=1.0,
    generated_hinge=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.wasserstein_hinge_discriminator_loss`.

  See `Spectral Normalization for Generative Adversarial Networks`
  (https://arxiv.org/abs/1802.05957).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_real_outputs` and
      `discriminator_gen_outputs`.
    other arguments: as `wargs.wasserstein_hinge_discriminator_loss`.

  Returns:
    The loss of `wargs.wasserstein_hinge_discriminator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.wasserstein_hinge_discriminator_loss`.
  """
  return wargs.wasserstein_hinge_discriminator_loss(
      **_tuple_fields.read(
          gan_model, 'wasserstein_hinge_discriminator_loss',
          'discriminator_real_outputs', 'discriminator_gen_outputs'),
      real_weights=real_weights, generated_weights=generated_weights,
      real_hinge=real_hinge, generated_hinge=generated_hinge, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.hinge_generator_loss)
def hinge_generator_loss(
    gan_model, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.hinge_generator_loss`.

  See `Geometric GAN` (https://arxiv.org/abs/1705.02894).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_gen_outputs`.
    other arguments: as `wargs.hinge_generator_loss`.

  Returns:
    The loss of `wargs.hinge_generator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.hinge_generator_loss`.
  """
  return wargs.hinge_generator_loss(
      **_tuple_fields.read(
          gan_model, 'hinge_generator_loss', 'discriminator_gen_outputs'),
      weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.hinge_discriminator_loss)
def hinge_discriminator_loss(
    gan_model, real_margin=1.0, generated_margin=1.0, real_weights=1.0,
    generated_weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.hinge_discriminator_loss`.

  See `Geometric GAN` (https://arxiv.org/abs/1705.02894).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_real_outputs` and
      `discriminator_gen_outputs`.
    other arguments: as `wargs.hinge_discriminator_loss`.

  Returns:
    The loss of `wargs.hinge_discriminator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.hinge_discriminator_loss`.
  """
  return wargs.hinge_discriminator_loss(
      **_tuple_fields.read(
          gan_model, 'hinge_discriminator_loss', 'discriminator_real_outputs',
          'discriminator_gen_outputs'),
      real_margin=real_margin, generated_margin=generated_margin,
      real_weights=real_weights, generated_weights=generated_weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)
