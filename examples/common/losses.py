# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""GAN losses and penalties by name, for the `--gan_loss` and `--penalty` flags.

A thin layer over the `tfgan_ext.losses` registry: the flag choices are its
names, and the penalty flag maps onto `tfgan_ext.losses.with_penalty`.
"""

import tfgan_ext

__all__ = [
    'NO_PENALTY',
    'discriminator_loss_with_penalty',
    'get',
    'names',
    'penalty_names',
]

NO_PENALTY = tfgan_ext.losses.NO_PENALTY


def names():
  """Names accepted by `--gan_loss` (the registry's, aliases included)."""
  return tfgan_ext.losses.names(include_aliases=True)


def get(name):
  """The `tfgan_ext.losses.LossPair` named `name` (ValueError lists choices)."""
  return tfgan_ext.losses.get(name)


def penalty_names():
  """Names accepted by `--penalty`: 'none', the registry's, and aliases."""
  return (NO_PENALTY,) + tfgan_ext.losses.penalty_names(include_aliases=True)


def discriminator_loss_with_penalty(discriminator_loss_fn, penalty, weight,
                                    every=1):
  """`discriminator_loss_fn` plus `weight` times the penalty named `penalty`.

  Args:
    discriminator_loss_fn: A GANModel-style discriminator loss.
    penalty: A name from `penalty_names()` ('none': the loss unchanged).
    weight: Python float, the penalty's weight.
    every: Lazy regularization interval (tfgan_ext.losses.with_penalty).

  Returns:
    A GANModel-style discriminator loss for `tfgan.gan_loss`.

  Raises:
    ValueError: unknown penalty name (the message lists the choices).
  """
  return tfgan_ext.losses.with_penalty(
      discriminator_loss_fn, tfgan_ext.losses.get_penalty(penalty),
      weight=float(weight), every=int(every))
