# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The examples' regularizer flags on TF-GAN's losses (gan_train, Estimator).

`generator_loss_fn(hparams, loss_fn)` adds top-k training
(--top_k_epoch_steps, `tfgan_ext.top_k`) and zCR's generator term
(--zcr_weight, --zcr_generator_weight); `discriminator_loss_fn(hparams,
loss_fn, bcr_augment_fn)` adds zCR's discriminator term and bCR
(--bcr_weight, digits only). Each term is added with
`tfgan_ext.losses.with_penalty`, so it is summarized as '<term>_term'. The
Keras trainer's counterparts are `GANModel.compile` options.
"""

import functools

import tfgan_ext
from tfgan_ext import top_k

__all__ = ['discriminator_loss_fn', 'generator_loss_fn']


def generator_loss_fn(hparams, loss_fn):
  """`loss_fn` restricted to the top k and plus zCR's term, as asked.

  Raises:
    ValueError: top-k with a loss it cannot restrict (relativistic).
  """
  if hparams.top_k_epoch_steps:
    loss_fn = top_k.TopK(hparams.top_k_epoch_steps, hparams.top_k_gamma,
                         hparams.top_k_nu).generator_loss(loss_fn)
  if hparams.zcr_weight and hparams.zcr_generator_weight:
    loss_fn = tfgan_ext.losses.with_penalty(
        loss_fn, functools.partial(
            tfgan_ext.losses.latent_consistency_generator_loss,
            stddev=hparams.zcr_stddev), hparams.zcr_generator_weight)
  return loss_fn


def discriminator_loss_fn(hparams, loss_fn, bcr_augment_fn=None):
  """`loss_fn` plus zCR's and bCR's discriminator terms, as asked.

  Args:
    hparams: The run's HParams (zcr_*, and bcr_weight when it has it).
    loss_fn: A GANModel-style discriminator loss.
    bcr_augment_fn: bCR's transform T (needed when bcr_weight > 0).
  """
  if hparams.zcr_weight:
    loss_fn = tfgan_ext.losses.with_penalty(
        loss_fn, functools.partial(
            tfgan_ext.losses.latent_consistency_penalty,
            stddev=hparams.zcr_stddev), hparams.zcr_weight)
  if getattr(hparams, 'bcr_weight', 0.0):
    loss_fn = tfgan_ext.losses.with_penalty(
        loss_fn, functools.partial(
            tfgan_ext.losses.balanced_consistency_penalty,
            augment_fn=bcr_augment_fn), hparams.bcr_weight)
  return loss_fn
