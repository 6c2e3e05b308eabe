# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""GANModel-style forms of the relativistic losses.

RSGAN, RaLSGAN, RaHinge and the relativistic pairing GAN (RpGAN), each a
`def` that reads both discriminator outputs from `gan_model` and calls
its argument-style form (`fn.args_loss_fn`, in `tfgan_ext.losses.wargs`).
"""

from tfgan_ext.losses import _reduction
from tfgan_ext.losses import _tuple_fields
from tfgan_ext.losses import wargs

__all__ = [
    'relativistic_discriminator_loss',
    'relativistic_generator_loss',
    'relativistic_hinge_discriminator_loss',
    'relativistic_hinge_generator_loss',
    'relativistic_lsgan_discriminator_loss',
    'relativistic_lsgan_generator_loss',
    'relativistic_pairing_discriminator_loss',
    'relativistic_pairing_generator_loss',
]

_LOSSES = _reduction.LOSSES
_DEFAULT_REDUCTION = _reduction.DEFAULT_REDUCTION


@_tuple_fields.tuple_form(wargs.relativistic_generator_loss)
def relativistic_generator_loss(
    gan_model, real_weights=1.0, generated_weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.relativistic_generator_loss`.

  See `The relativistic discriminator: a key element missing from standard GAN`
  (https://arxiv.org/abs/1807.00734).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_real_outputs` and
      `discriminator_gen_outputs`.
    other arguments: as `wargs.relativistic_generator_loss`.

  Returns:
    The loss of `wargs.relativistic_generator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.relativistic_generator_loss`.
  """
  return wargs.relativistic_generator_loss(
      **_tuple_fields.read(
          gan_model, 'relativistic_generator_loss',
          'discriminator_real_outputs', 'discriminator_gen_outputs'),
      real_weights=real_weights, generated_weights=generated_weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.relativistic_discriminator_loss)
def relativistic_discriminator_loss(
    gan_model, real_weights=1.0, generated_weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.relativistic_discriminator_loss`.

  See `The relativistic discriminator: a key element missing from standard GAN`
  (https://arxiv.org/abs/1807.00734).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_real_outputs` and
      `discriminator_gen_outputs`.
    other arguments: as `wargs.relativistic_discriminator_loss`.

  Returns:
    The loss of `wargs.relativistic_discriminator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.relativistic_discriminator_loss`.
  """
  return wargs.relativistic_discriminator_loss(
      **_tuple_fields.read(
          gan_model, 'relativistic_discriminator_loss',
          'discriminator_real_outputs', 'discriminator_gen_outputs'),
      real_weights=real_weights, generated_weights=generated_weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.relativistic_lsgan_generator_loss)
def relativistic_lsgan_generator_loss(
    gan_model, real_weights=1.0, generated_weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.relativistic_lsgan_generator_loss`.

  See `The relativistic discriminator: a key element missing from standard GAN`
  (https://arxiv.org/abs/1807.00734).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_real_outputs` and
      `discriminator_gen_outputs`.
    other arguments: as `wargs.relativistic_lsgan_generator_loss`.

  Returns:
    The loss of `wargs.relativistic_lsgan_generator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.relativistic_lsgan_generator_loss`.
  """
  return wargs.relativistic_lsgan_generator_loss(
      **_tuple_fields.read(
          gan_model, 'relativistic_lsgan_generator_loss',
          'discriminator_real_outputs', 'discriminator_gen_outputs'),
      real_weights=real_weights, generated_weights=generated_weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.relativistic_lsgan_discriminator_loss)
def relativistic_lsgan_discriminator_loss(
    gan_model, real_weights=1.0, generated_weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.relativistic_lsgan_discriminator_loss`.

  See `The relativistic discriminator: a key element missing from standard GAN`
  (https://arxiv.org/abs/1807.00734).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_real_outputs` and
      `discriminator_gen_outputs`.
    other arguments: as `wargs.relativistic_lsgan_discriminator_loss`.

  Returns:
    The loss of `wargs.relativistic_lsgan_discriminator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.relativistic_lsgan_discriminator_loss`.
  """
  return wargs.relativistic_lsgan_discriminator_loss(
      **_tuple_fields.read(
          gan_model, 'relativistic_lsgan_discriminator_loss',
          'discriminator_real_outputs', 'discriminator_gen_outputs'),
      real_weights=real_weights, generated_weights=generated_weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.relativistic_hinge_generator_loss)
def relativistic_hinge_generator_loss(
    gan_model, real_weights=1.0, generated_weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.relativistic_hinge_generator_loss`.

  See `The relativistic discriminator: a key element missing from standard GAN`
  (https://arxiv.org/abs/1807.00734).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_real_outputs` and
      `discriminator_gen_outputs`.
    other arguments: as `wargs.relativistic_hinge_generator_loss`.

  Returns:
    The loss of `wargs.relativistic_hinge_generator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.relativistic_hinge_generator_loss`.
  """
  return wargs.relativistic_hinge_generator_loss(
      **_tuple_fields.read(
          gan_model, 'relativistic_hinge_generator_loss',
          'discriminator_real_outputs', 'discriminator_gen_outputs'),
      real_weights=real_weights, generated_weights=generated_weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.relativistic_hinge_discriminator_loss)
def relativistic_hinge_discriminator_loss(
    gan_model, real_weights=1.0, generated_weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.relativistic_hinge_discriminator_loss`.

  See `The relativistic discriminator: a key element missing from standard GAN`
  (https://arxiv.org/abs/1807.00734).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_real_outputs` and
      `discriminator_gen_outputs`.
    other arguments: as `wargs.relativistic_hinge_discriminator_loss`.

  Returns:
    The loss of `wargs.relativistic_hinge_discriminator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.relativistic_hinge_discriminator_loss`.
  """
  return wargs.relativistic_hinge_discriminator_loss(
      **_tuple_fields.read(
          gan_model, 'relativistic_hinge_discriminator_loss',
          'discriminator_real_outputs', 'discriminator_gen_outputs'),
      real_weights=real_weights, generated_weights=generated_weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.relativistic_pairing_generator_loss)
def relativistic_pairing_generator_loss(
    gan_model, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.relativistic_pairing_generator_loss`.

  See `The GAN is dead; long live the GAN! A Modern GAN Baseline`
  (https://arxiv.org/abs/2501.05441).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_real_outputs` and
      `discriminator_gen_outputs`.
    other arguments: as `wargs.relativistic_pairing_generator_loss`.

  Returns:
    The loss of `wargs.relativistic_pairing_generator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.relativistic_pairing_generator_loss`.
  """
  return wargs.relativistic_pairing_generator_loss(
      **_tuple_fields.read(
          gan_model, 'relativistic_pairing_generator_loss',
          'discriminator_real_outputs', 'discriminator_gen_outputs'),
      weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.relativistic_pairing_discriminator_loss)
def relativistic_pairing_discriminator_loss(
    gan_model, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.relativistic_pairing_discriminator_loss`.

  See `The GAN is dead; long live the GAN! A Modern GAN Baseline`
  (https://arxiv.org/abs/2501.05441).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_real_outputs` and
      `discriminator_gen_outputs`.
    other arguments: as `wargs.relativistic_pairing_discriminator_loss`.

  Returns:
    The loss of `wargs.relativistic_pairing_discriminator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.relativistic_pairing_discriminator_loss`.
  """
  return wargs.relativistic_pairing_discriminator_loss(
      **_tuple_fields.read(
          gan_model, 'relativistic_pairing_discriminator_loss',
          'discriminator_real_outputs', 'discriminator_gen_outputs'),
      weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries)
