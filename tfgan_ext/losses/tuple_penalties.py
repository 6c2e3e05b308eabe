# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""GANModel-style forms of the penalties and regularized generator losses.

Gradient penalties (R1, R2, DRAGAN, WGAN-GP), consistency regularization
(CR, bCR, zCR), LeCam and top-k training, each a `def` that reads its
tensors and functions from `gan_model` and calls its argument-style form
(`fn.args_loss_fn`, in `tfgan_ext.losses.wargs`).
"""

from tfgan_ext.losses import _reduction
from tfgan_ext.losses import _tuple_fields
from tfgan_ext.losses import wargs

__all__ = [
    'balanced_consistency_penalty',
    'consistency_penalty',
    'dragan_penalty',
    'latent_consistency_generator_loss',
    'latent_consistency_penalty',
    'lecam_penalty',
    'r1_penalty',
    'r2_penalty',
    'top_k_generator_loss',
    'wasserstein_gradient_penalty',
]

_LOSSES = _reduction.LOSSES
_DEFAULT_REDUCTION = _reduction.DEFAULT_REDUCTION


@_tuple_fields.tuple_form(wargs.r1_penalty)
def r1_penalty(
    gan_model, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.r1_penalty`.

  See `Which Training Methods for GANs do actually Converge?`
  (https://arxiv.org/abs/1801.04406).

  Args:
    gan_model: A `tfgan.GANModel`; reads `real_data`, `generator_inputs`,
      `discriminator_fn` and `discriminator_scope`.
    other arguments: as `wargs.r1_penalty`.

  Returns:
    The loss of `wargs.r1_penalty` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as `wargs.r1_penalty`.
  """
  return wargs.r1_penalty(
      **_tuple_fields.read(
          gan_model, 'r1_penalty', 'real_data', 'generator_inputs',
          'discriminator_fn', 'discriminator_scope'),
      weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.r2_penalty)
def r2_penalty(
    gan_model, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.r2_penalty`.

  See `Which Training Methods for GANs do actually Converge?`
  (https://arxiv.org/abs/1801.04406).

  Args:
    gan_model: A `tfgan.GANModel`; reads `generated_data`, `generator_inputs`,
      `discriminator_fn` and `discriminator_scope`.
    other arguments: as `wargs.r2_penalty`.

  Returns:
    The loss of `wargs.r2_penalty` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as `wargs.r2_penalty`.
  """
  return wargs.r2_penalty(
      **_tuple_fields.read(
          gan_model, 'r2_penalty', 'generated_data', 'generator_inputs',
          'discriminator_fn', 'discriminator_scope'),
      weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.dragan_penalty)
def dragan_penalty(
    gan_model, perturbation_scale=0.5, target=1.0, epsilon=1e-10, seed=None,
    weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.dragan_penalty`.

  See `On Convergence and Stability of GANs` (https://arxiv.org/abs/1705.07215).

  Args:
    gan_model: A `tfgan.GANModel`; reads `real_data`, `generator_inputs`,
      `discriminator_fn` and `discriminator_scope`.
    other arguments: as `wargs.dragan_penalty`.

  Returns:
    The loss of `wargs.dragan_penalty` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as `wargs.dragan_penalty`.
  """
  return wargs.dragan_penalty(
      **_tuple_fields.read(
          gan_model, 'dragan_penalty', 'real_data', 'generator_inputs',
          'discriminator_fn', 'discriminator_scope'),
      perturbation_scale=perturbation_scale, target=target, epsilon=epsilon,
      seed=seed, weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.wasserstein_gradient_penalty)
def wasserstein_gradient_penalty(
    gan_model, epsilon=1e-10, target=1.0, one_sided=False, weights=1.0,
    scope=None, loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
    add_summaries=False, seed=None):
  """GANModel-style `wargs.wasserstein_gradient_penalty`.

  See `Improved Training of Wasserstein GANs`
  (https://arxiv.org/abs/1704.00028).

  Args:
    gan_model: A `tfgan.GANModel`; reads `real_data`, `generated_data`,
      `generator_inputs`, `discriminator_fn` and `discriminator_scope`.
    other arguments: as `wargs.wasserstein_gradient_penalty`.

  Returns:
    The loss of `wargs.wasserstein_gradient_penalty` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.wasserstein_gradient_penalty`.
  """
  return wargs.wasserstein_gradient_penalty(
      **_tuple_fields.read(
          gan_model, 'wasserstein_gradient_penalty', 'real_data',
          'generated_data', 'generator_inputs', 'discriminator_fn',
          'discriminator_scope'),
      epsilon=epsilon, target=target, one_sided=one_sided, weights=weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries, seed=seed)


@_tuple_fields.tuple_form(wargs.consistency_penalty)
def consistency_penalty(
    gan_model, augment_fn, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.consistency_penalty`.

  See `Consistency Regularization for Generative Adversarial Networks`
  (https://arxiv.org/abs/1910.12027).

  Args:
    gan_model: A `tfgan.GANModel`; reads `real_data`, `generator_inputs`,
      `discriminator_fn` and `discriminator_scope`.
    other arguments: as `wargs.consistency_penalty`.

  Returns:
    The loss of `wargs.consistency_penalty` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.consistency_penalty`.
  """
  return wargs.consistency_penalty(
      **_tuple_fields.read(
          gan_model, 'consistency_penalty', 'real_data', 'generator_inputs',
          'discriminator_fn', 'discriminator_scope'),
      augment_fn=augment_fn, weights=weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.balanced_consistency_penalty)
def balanced_consistency_penalty(
    gan_model, augment_fn, real_weights=1.0, generated_weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.balanced_consistency_penalty`.

  See `Improved Consistency Regularization for GANs`
  (https://arxiv.org/abs/2002.04724).

  Args:
    gan_model: A `tfgan.GANModel`; reads `real_data`, `generated_data`,
      `generator_inputs`, `discriminator_fn` and `discriminator_scope`.
    other arguments: as `wargs.balanced_consistency_penalty`.

  Returns:
    The loss of `wargs.balanced_consistency_penalty` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.balanced_consistency_penalty`.
  """
  return wargs.balanced_consistency_penalty(
      **_tuple_fields.read(
          gan_model, 'balanced_consistency_penalty', 'real_data',
          'generated_data', 'generator_inputs', 'discriminator_fn',
          'discriminator_scope'),
      augment_fn=augment_fn, real_weights=real_weights,
      generated_weights=generated_weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.latent_consistency_penalty)
def latent_consistency_penalty(
    gan_model, stddev=0.03, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False, seed=None):
  """GANModel-style `wargs.latent_consistency_penalty`.

  See `Improved Consistency Regularization for GANs`
  (https://arxiv.org/abs/2002.04724).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_gen_outputs`,
      `generator_inputs`, `generator_fn`, `generator_scope`, `discriminator_fn`
      and `discriminator_scope`.
    other arguments: as `wargs.latent_consistency_penalty`.

  Returns:
    The loss of `wargs.latent_consistency_penalty` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.latent_consistency_penalty`.
  """
  return wargs.latent_consistency_penalty(
      **_tuple_fields.read(
          gan_model, 'latent_consistency_penalty', 'discriminator_gen_outputs',
          'generator_inputs', 'generator_fn', 'generator_scope',
          'discriminator_fn', 'discriminator_scope'),
      stddev=stddev, weights=weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries, seed=seed)


@_tuple_fields.tuple_form(wargs.latent_consistency_generator_loss)
def latent_consistency_generator_loss(
    gan_model, stddev=0.03, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False, seed=None):
  """GANModel-style `wargs.latent_consistency_generator_loss`.

  See `Improved Consistency Regularization for GANs`
  (https://arxiv.org/abs/2002.04724).

  Args:
    gan_model: A `tfgan.GANModel`; reads `generated_data`, `generator_inputs`,
      `generator_fn` and `generator_scope`.
    other arguments: as `wargs.latent_consistency_generator_loss`.

  Returns:
    The loss of `wargs.latent_consistency_generator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.latent_consistency_generator_loss`.
  """
  return wargs.latent_consistency_generator_loss(
      **_tuple_fields.read(
          gan_model, 'latent_consistency_generator_loss', 'generated_data',
          'generator_inputs', 'generator_fn', 'generator_scope'),
      stddev=stddev, weights=weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries, seed=seed)


@_tuple_fields.tuple_form(wargs.lecam_penalty)
def lecam_penalty(
    gan_model, real_anchor, generated_anchor, real_weights=1.0,
    generated_weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.lecam_penalty`.

  See `Regularizing Generative Adversarial Networks under Limited Data`
  (https://arxiv.org/abs/2104.03310).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_real_outputs` and
      `discriminator_gen_outputs`.
    other arguments: as `wargs.lecam_penalty`.

  Returns:
    The loss of `wargs.lecam_penalty` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as `wargs.lecam_penalty`.
  """
  return wargs.lecam_penalty(
      **_tuple_fields.read(
          gan_model, 'lecam_penalty', 'discriminator_real_outputs',
          'discriminator_gen_outputs'),
      real_anchor=real_anchor, generated_anchor=generated_anchor,
      real_weights=real_weights, generated_weights=generated_weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_fields.tuple_form(wargs.top_k_generator_loss)
def top_k_generator_loss(
    gan_model, fraction, generator_loss_fn=wargs.modified_generator_loss,
    weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """GANModel-style `wargs.top_k_generator_loss`.

  See `Top-k Training of GANs: Improving GAN Performance by Throwing Away Bad
  Samples` (https://arxiv.org/abs/2002.06224).

  Args:
    gan_model: A `tfgan.GANModel`; reads `discriminator_gen_outputs`.
    other arguments: as `wargs.top_k_generator_loss`.

  Returns:
    The loss of `wargs.top_k_generator_loss` on those fields.

  Raises:
    TypeError: `gan_model` is not a GAN model namedtuple.
    ValueError: `gan_model` lacks a field read; or as
      `wargs.top_k_generator_loss`.
  """
  return wargs.top_k_generator_loss(
      **_tuple_fields.read(
          gan_model, 'top_k_generator_loss', 'discriminator_gen_outputs'),
      fraction=fraction, generator_loss_fn=generator_loss_fn, weights=weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)
