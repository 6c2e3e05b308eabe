# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Upstream TF-GAN's argument-style losses, re-exported with input checks.

Upstream's discriminator-output losses are wrapped with tfgan_ext's input
checks (`_checks.checked_loss`: TypeError for integer outputs, ValueError
naming the shapes or weights that do not fit, float32 computation); their
signatures and values are unchanged. `minimax_generator_loss` adds the loss
it returns to `loss_collection` (upstream adds its negation). Upstream's
functions that read no discriminator outputs are re-exported as they are.

Upstream's `relativistic_*`, `wasserstein_gradient_penalty` and
`wasserstein_hinge_generator_loss` are replaced by tfgan_ext's own (see
`relativistic_impl`, `penalties_impl`, `losses_impl`).
"""

import functools
import inspect

import tensorflow as tf
import tensorflow_gan as tfgan

from tfgan_ext.losses import _checks

__all__ = [
    'acgan_discriminator_loss',
    'acgan_generator_loss',
    'combine_adversarial_loss',
    'cycle_consistency_loss',
    'least_squares_discriminator_loss',
    'least_squares_generator_loss',
    'minimax_discriminator_loss',
    'minimax_generator_loss',
    'modified_discriminator_loss',
    'modified_generator_loss',
    'mutual_information_penalty',
    'wasserstein_discriminator_loss',
    'wasserstein_generator_loss',
    'wasserstein_hinge_discriminator_loss',
]

_upstream = tfgan.losses.wargs

_CHECK_NOTE = """
  (tfgan_ext: the upstream loss, with its inputs checked first: integer
  outputs raise TypeError, static shapes that do not fit raise ValueError
  naming them, and outputs are cast to float32.)
"""


def _checked(name, pair_policy=_checks.EQUAL):
  """Upstream's argument-style `name` with tfgan_ext's checks, named `name`."""
  checked = _checks.checked_loss(getattr(_upstream, name), pair_policy)
  # Upstream's `wasserstein_generator_loss` is named
  # 'wasserstein_hinge_generator_loss'; name every wrapper after its export.
  checked.__name__ = name
  checked.__qualname__ = name
  checked.__module__ = __name__
  checked.__doc__ = (checked.__doc__ or '').rstrip() + '\n' + _CHECK_NOTE
  return checked


# Real and generated batches may differ in size for the losses that reduce
# their two terms separately (as tfgan_ext's do), not for the others.
acgan_discriminator_loss = _checked('acgan_discriminator_loss')
acgan_generator_loss = _checked('acgan_generator_loss')
least_squares_discriminator_loss = _checked(
    'least_squares_discriminator_loss')
least_squares_generator_loss = _checked('least_squares_generator_loss')
minimax_discriminator_loss = _checked('minimax_discriminator_loss',
                                      _checks.SAME_EXCEPT_BATCH)
modified_discriminator_loss = _checked('modified_discriminator_loss',
                                       _checks.SAME_EXCEPT_BATCH)
modified_generator_loss = _checked('modified_generator_loss')
wasserstein_discriminator_loss = _checked('wasserstein_discriminator_loss')
wasserstein_generator_loss = _checked('wasserstein_generator_loss')
wasserstein_hinge_discriminator_loss = _checked(
    'wasserstein_hinge_discriminator_loss')

_checked_minimax_generator_loss = _checked('minimax_generator_loss')
_MINIMAX_G_SIGNATURE = inspect.signature(_checked_minimax_generator_loss)


@functools.wraps(_checked_minimax_generator_loss)
def minimax_generator_loss(*args, **kwargs):  # pylint: disable=missing-docstring
  # Upstream adds its inner, un-negated discriminator-style loss to
  # `loss_collection`, so the collection holds minus the returned loss. Ask
  # it to add nothing and add the returned loss instead.
  bound = _MINIMAX_G_SIGNATURE.bind(*args, **kwargs)
  bound.apply_defaults()
  loss_collection = bound.arguments['loss_collection']
  bound.arguments['loss_collection'] = None
  loss = _checked_minimax_generator_loss(*bound.args, **bound.kwargs)
  tf.compat.v1.losses.add_loss(loss, loss_collection)
  return loss


minimax_generator_loss.__doc__ += (
    '  (tfgan_ext: adds the returned loss to `loss_collection`; upstream adds '
    'its negation.)\n')

# Unchanged: they read no discriminator outputs.
combine_adversarial_loss = _upstream.combine_adversarial_loss
cycle_consistency_loss = _upstream.cycle_consistency_loss
mutual_information_penalty = _upstream.mutual_information_penalty
