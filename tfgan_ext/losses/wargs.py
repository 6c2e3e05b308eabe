"""Argument-style losses: a superset of `tfgan.losses.wargs`.

Every name of upstream's `tfgan.losses.wargs` is here with the same signature,
so `tfgan_ext.losses.wargs` can replace it. Upstream's discriminator-output
losses are wrapped with tfgan_ext's input checks (TypeError for integer
outputs, ValueError naming the shapes/weights that do not fit, float32
computation); their values are unchanged. Replaced outright:
`relativistic_*` (now with weights, reduction, collection and summaries),
`wasserstein_gradient_penalty` (now also eager / `tf.function`) and
`wasserstein_hinge_generator_loss` (no longer renames
`wasserstein_generator_loss`); `minimax_generator_loss` adds the loss it
returns to the collection (upstream adds its negation). Added: hinge, LSGAN, relativistic LSGAN and
hinge, feature matching, R1, R2 and DRAGAN; energy-based (EBGAN) losses
and consistency regularization.
"""

import functools
import inspect

import tensorflow as tf
import tensorflow_gan as tfgan

from tfgan_ext.losses import _checks
from tfgan_ext.losses import losses_impl
from tfgan_ext.losses import penalties_impl

__all__ = [
    # Upstream's, checked.
    'acgan_discriminator_loss',
    'acgan_generator_loss',
    'least_squares_discriminator_loss',
    'least_squares_generator_loss',
    'minimax_discriminator_loss',
    'minimax_generator_loss',
    'modified_discriminator_loss',
    'modified_generator_loss',
    'wasserstein_discriminator_loss',
    'wasserstein_generator_loss',
    'wasserstein_hinge_discriminator_loss',
    # Upstream's, unchanged.
    'combine_adversarial_loss',
    'cycle_consistency_loss',
    'mutual_information_penalty',
    # Replacing upstream's.
    'relativistic_discriminator_loss',
    'relativistic_generator_loss',
    'wasserstein_gradient_penalty',
    'wasserstein_hinge_generator_loss',
    # New.
    'consistency_penalty',
    'dragan_penalty',
    'energy_based_discriminator_loss',
    'energy_based_generator_loss',
    'feature_matching_loss',
    'hinge_discriminator_loss',
    'hinge_generator_loss',
    'lsgan_discriminator_loss',
    'lsgan_generator_loss',
    'r1_penalty',
    'r2_penalty',
    'relativistic_hinge_discriminator_loss',
    'relativistic_hinge_generator_loss',
    'relativistic_lsgan_discriminator_loss',
    'relativistic_lsgan_generator_loss',
]

_upstream = tfgan.losses.wargs

_CHECK_NOTE = """
  (tfgan_ext: the upstream loss, with its inputs checked first: integer
  outputs raise TypeError, static shapes that do not fit raise ValueError
  naming them, and outputs are cast to float32.)
"""


def _checked_upstream(name, pair_policy=_checks.EQUAL):
  """Returns upstream's `name` with tfgan_ext's checks, named `name`."""
  checked = _checks.checked_loss(pair_policy)(getattr(_upstream, name))
  # Upstream's `wasserstein_generator_loss` is named
  # 'wasserstein_hinge_generator_loss'; name every wrapper after its export.
  checked.__name__ = name
  checked.__qualname__ = name
  checked.__module__ = __name__
  checked.__doc__ = (checked.__doc__ or '').rstrip() + '\n' + _CHECK_NOTE
  return checked


acgan_discriminator_loss = _checked_upstream('acgan_discriminator_loss')
acgan_generator_loss = _checked_upstream('acgan_generator_loss')
least_squares_discriminator_loss = _checked_upstream(
    'least_squares_discriminator_loss')
least_squares_generator_loss = _checked_upstream('least_squares_generator_loss')
minimax_discriminator_loss = _checked_upstream(
    'minimax_discriminator_loss', _checks.SAME_EXCEPT_BATCH)
minimax_generator_loss = _checked_upstream('minimax_generator_loss')
_upstream_minimax_generator_loss = minimax_generator_loss


@functools.wraps(_upstream_minimax_generator_loss)
def minimax_generator_loss(*args, **kwargs):  # pylint: disable=missing-docstring
  # Upstream adds its inner, un-negated discriminator-style loss to
  # `loss_collection`, so the collection holds minus the returned loss. Ask
  # it to add nothing and add the returned loss instead.
  bound = _MINIMAX_G_SIGNATURE.bind(*args, **kwargs)
  bound.apply_defaults()
  loss_collection = bound.arguments['loss_collection']
  bound.arguments['loss_collection'] = None
  loss = _upstream_minimax_generator_loss(*bound.args, **bound.kwargs)
  tf.compat.v1.losses.add_loss(loss, loss_collection)
  return loss


_MINIMAX_G_SIGNATURE = inspect.signature(_upstream_minimax_generator_loss)
minimax_generator_loss.__doc__ += (
    '  (tfgan_ext: adds the returned loss to `loss_collection`; upstream adds '
    'its negation.)\n')
modified_discriminator_loss = _checked_upstream(
    'modified_discriminator_loss', _checks.SAME_EXCEPT_BATCH)
modified_generator_loss = _checked_upstream('modified_generator_loss')
wasserstein_discriminator_loss = _checked_upstream(
    'wasserstein_discriminator_loss')
wasserstein_generator_loss = _checked_upstream('wasserstein_generator_loss')
wasserstein_hinge_discriminator_loss = _checked_upstream(
    'wasserstein_hinge_discriminator_loss')

combine_adversarial_loss = _upstream.combine_adversarial_loss
cycle_consistency_loss = _upstream.cycle_consistency_loss
mutual_information_penalty = _upstream.mutual_information_penalty

relativistic_discriminator_loss = losses_impl.relativistic_discriminator_loss
relativistic_generator_loss = losses_impl.relativistic_generator_loss
wasserstein_gradient_penalty = penalties_impl.wasserstein_gradient_penalty
wasserstein_hinge_generator_loss = losses_impl.wasserstein_hinge_generator_loss

consistency_penalty = penalties_impl.consistency_penalty
dragan_penalty = penalties_impl.dragan_penalty
energy_based_discriminator_loss = losses_impl.energy_based_discriminator_loss
energy_based_generator_loss = losses_impl.energy_based_generator_loss
feature_matching_loss = losses_impl.feature_matching_loss
hinge_discriminator_loss = losses_impl.hinge_discriminator_loss
hinge_generator_loss = losses_impl.hinge_generator_loss
lsgan_discriminator_loss = losses_impl.lsgan_discriminator_loss
lsgan_generator_loss = losses_impl.lsgan_generator_loss
r1_penalty = penalties_impl.r1_penalty
r2_penalty = penalties_impl.r2_penalty
relativistic_hinge_discriminator_loss = (
    losses_impl.relativistic_hinge_discriminator_loss)
relativistic_hinge_generator_loss = (
    losses_impl.relativistic_hinge_generator_loss)
relativistic_lsgan_discriminator_loss = (
    losses_impl.relativistic_lsgan_discriminator_loss)
relativistic_lsgan_generator_loss = (
    losses_impl.relativistic_lsgan_generator_loss)
