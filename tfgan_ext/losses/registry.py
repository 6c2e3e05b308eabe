# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Loss pairs and penalties by name: the tables below are the registry.

`tfgan.gan_loss(model, **tfgan_ext.losses.get('hinge')._asdict())` trains
with the hinge loss; `get_penalty('r1')` is the GANModel-style R1 penalty.
Names are stable (absl flags are built on them). `names()` and
`penalty_names()` list the canonical names; pass `include_aliases=True` to
add the aliases (`non_saturating`, `rpgan`, `wgan_gp`).

The tables hold argument-style functions (`tfgan_ext.losses.wargs`); `get`
and `get_penalty` return their GANModel-style forms, which
`tfgan_ext.losses.tuple_losses` binds under the same names, and
`argument_style(name)` the functions themselves (what the Keras trainer
calls). Losses that need a special discriminator (energy-based) or more
arguments (consistency regularization) are exported but not registered.
"""

import collections

import tensorflow as tf

from tfgan_ext.losses import tuple_losses
from tfgan_ext.losses import wargs

__all__ = [
    'LossPair',
    'NO_PENALTY',
    'aliases',
    'get',
    'get_penalty',
    'names',
    'no_penalty',
    'penalty_aliases',
    'penalty_names',
]

LossPair = collections.namedtuple(
    'LossPair', ['generator_loss_fn', 'discriminator_loss_fn'])
LossPair.__doc__ = """A generator loss and its discriminator loss.

Attributes:
  generator_loss_fn: From `get`: `fn(gan_model, **kwargs)`, for
    `tfgan.gan_loss`; its argument-style form is
    `generator_loss_fn.args_loss_fn`.
  discriminator_loss_fn: Likewise.
"""

NO_PENALTY = 'none'

# Name -> (generator loss, discriminator loss), argument style.
_PAIRS = {
    'hinge': (wargs.hinge_generator_loss, wargs.hinge_discriminator_loss),
    'least_squares': (wargs.least_squares_generator_loss,
                      wargs.least_squares_discriminator_loss),
    'lsgan': (wargs.lsgan_generator_loss, wargs.lsgan_discriminator_loss),
    'minimax': (wargs.minimax_generator_loss,
                wargs.minimax_discriminator_loss),
    'modified': (wargs.modified_generator_loss,
                 wargs.modified_discriminator_loss),
    'relativistic': (wargs.relativistic_generator_loss,
                     wargs.relativistic_discriminator_loss),
    'relativistic_hinge': (wargs.relativistic_hinge_generator_loss,
                           wargs.relativistic_hinge_discriminator_loss),
    'relativistic_lsgan': (wargs.relativistic_lsgan_generator_loss,
                           wargs.relativistic_lsgan_discriminator_loss),
    'relativistic_pairing': (wargs.relativistic_pairing_generator_loss,
                             wargs.relativistic_pairing_discriminator_loss),
    'wasserstein': (wargs.wasserstein_generator_loss,
                    wargs.wasserstein_discriminator_loss),
    'wasserstein_hinge': (wargs.wasserstein_hinge_generator_loss,
                          wargs.wasserstein_hinge_discriminator_loss),
}
_PAIR_ALIASES = {
    'non_saturating': 'modified',
    'rpgan': 'relativistic_pairing',
}

# Name -> penalty, argument style.
_PENALTIES = {
    'dragan': wargs.dragan_penalty,
    'r1': wargs.r1_penalty,
    'r2': wargs.r2_penalty,
    'wasserstein_gradient_penalty': wargs.wasserstein_gradient_penalty,
}
_PENALTY_ALIASES = {
    'wgan_gp': 'wasserstein_gradient_penalty',
}

# Upstream TF-GAN's argument-style function that equals each of these at the
# default settings (tests/losses/losses_upstream_cross_test.py checks every
# one; the speed benchmark times pairs against them). Upstream's own losses,
# re-exported, are their own counterparts.
UPSTREAM_EQUIVALENTS = {
    'hinge_discriminator_loss': 'wasserstein_hinge_discriminator_loss',
    'hinge_generator_loss': 'wasserstein_generator_loss',
    'lsgan_discriminator_loss': 'least_squares_discriminator_loss',
    'lsgan_generator_loss': 'least_squares_generator_loss',
    'relativistic_discriminator_loss': 'relativistic_discriminator_loss',
    'relativistic_generator_loss': 'relativistic_generator_loss',
    'wasserstein_gradient_penalty': 'wasserstein_gradient_penalty',
    'wasserstein_hinge_generator_loss': 'wasserstein_generator_loss',
}


def _canonical(name, table, alias_table, what):
  """The canonical name of `name` in `table`; ValueError listing the names."""
  key = alias_table.get(name, name) if isinstance(name, str) else name
  if isinstance(key, str) and key in table:
    return key
  if what == 'loss':
    valid = ', '.join(names(include_aliases=True))
  else:
    valid = '%s (aliases: %s), or %r' % (
        ', '.join(penalty_names()), ', '.join(sorted(_PENALTY_ALIASES)),
        NO_PENALTY)
  raise ValueError('Unknown %s %r; valid names: %s.' % (what, name, valid))


def _gan_model_form(fn):
  """The GANModel-style form of an argument-style loss (same name)."""
  return getattr(tuple_losses, fn.__name__)


# What `get` returns: the pairs' GANModel-style forms, made once.
_GAN_MODEL_PAIRS = {
    name: LossPair(_gan_model_form(generator), _gan_model_form(discriminator))
    for name, (generator, discriminator) in _PAIRS.items()}


def names(include_aliases=False):
  """Returns the registered loss pair names, sorted.

  Args:
    include_aliases: Whether to include aliases such as 'non_saturating'.

  Returns:
    A tuple of str.
  """
  found = set(_PAIRS) | (set(_PAIR_ALIASES) if include_aliases else set())
  return tuple(sorted(found))


def aliases():
  """Returns {alias: canonical name} of the loss pairs."""
  return dict(_PAIR_ALIASES)


def argument_style(name):
  """The `LossPair` of argument-style functions registered as `name`.

  Args:
    name: One of `names(include_aliases=True)`.

  Returns:
    A `LossPair` of functions of `tfgan_ext.losses.wargs`.

  Raises:
    ValueError: if `name` is unknown; the message lists the valid names.
  """
  return LossPair(*_PAIRS[_canonical(name, _PAIRS, _PAIR_ALIASES, 'loss')])


def get(name):
  """Returns the `LossPair` registered as `name` (or an alias of it).

  Args:
    name: One of `names(include_aliases=True)`.

  Returns:
    A `LossPair` of GANModel-style functions.

  Raises:
    ValueError: if `name` is unknown; the message lists the valid names.
  """
  return _GAN_MODEL_PAIRS[_canonical(name, _PAIRS, _PAIR_ALIASES, 'loss')]


def no_penalty(gan_model, **kwargs):
  """The null penalty: a float32 zero (`with_penalty` skips it entirely).

  Args:
    gan_model: Ignored.
    **kwargs: Ignored.

  Returns:
    A scalar float32 zero.
  """
  del gan_model, kwargs
  return tf.constant(0.0)


def penalty_names(include_aliases=False):
  """Returns the registered penalty names, sorted (not 'none').

  Args:
    include_aliases: Whether to include aliases such as 'wgan_gp'.

  Returns:
    A tuple of str.
  """
  found = set(_PENALTIES) | (set(_PENALTY_ALIASES) if include_aliases
                             else set())
  return tuple(sorted(found))


def penalty_aliases():
  """Returns {alias: canonical name} of the penalties."""
  return dict(_PENALTY_ALIASES)


def argument_style_penalty(name):
  """The argument-style penalty registered as `name`, or None for 'none'.

  Args:
    name: One of `penalty_names(include_aliases=True)`, or 'none' / None.

  Returns:
    A function of `tfgan_ext.losses.wargs`, or None.

  Raises:
    ValueError: if `name` is unknown (the message lists the valid names).
  """
  if name is None or name == NO_PENALTY:
    return None
  return _PENALTIES[_canonical(name, _PENALTIES, _PENALTY_ALIASES, 'penalty')]


def get_penalty(name):
  """Returns the GANModel-style penalty called `name`.

  Args:
    name: One of `penalty_names(include_aliases=True)`, or 'none' / None for
      `no_penalty`. A callable is returned as is.

  Returns:
    `penalty_fn(gan_model, **kwargs)`.

  Raises:
    ValueError: if `name` is unknown (the message lists the valid names).
  """
  if callable(name):
    return name
  fn = argument_style_penalty(name)
  return no_penalty if fn is None else _gan_model_form(fn)
