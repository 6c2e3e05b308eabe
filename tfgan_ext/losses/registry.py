# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Loss pairs and penalties by name, from the catalog.

`tfgan.gan_loss(model, **tfgan_ext.losses.get('hinge')._asdict())` trains
with the hinge loss; `get_penalty('r1')` is the GANModel-style R1 penalty.
Names are stable (absl flags are built on them). `names()` and
`penalty_names()` list the canonical names; pass `include_aliases=True` to
add the aliases (`non_saturating`, `wgan_gp`).
"""

import collections

import tensorflow as tf

from tfgan_ext.losses import _catalog
from tfgan_ext.losses import tuple_losses

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
LossPair.__doc__ = """A GANModel-style generator loss and its discriminator loss.

Attributes:
  generator_loss_fn: `fn(gan_model, **kwargs)`, for `tfgan.gan_loss`; its
    argument-style form is `generator_loss_fn.args_loss_fn`.
  discriminator_loss_fn: `fn(gan_model, **kwargs)`, for `tfgan.gan_loss`;
    likewise.
"""

NO_PENALTY = 'none'

_PAIRS = collections.OrderedDict(
    (name, LossPair(*(getattr(tuple_losses, sides[side].name)
                      for side in (_catalog.GENERATOR,
                                   _catalog.DISCRIMINATOR))))
    for name, sides in _catalog.pairs().items())
_PENALTIES = collections.OrderedDict(
    (name, getattr(tuple_losses, entry.name))
    for name, entry in _catalog.penalties().items())


def _listed(table, alias_table, include_aliases):
  found = set(table)
  if include_aliases:
    found |= set(alias_table)
  return tuple(sorted(found))


def names(include_aliases=False):
  """Returns the registered loss pair names, sorted.

  Args:
    include_aliases: Whether to include aliases such as 'non_saturating'.

  Returns:
    A tuple of str.
  """
  return _listed(_PAIRS, _catalog.pair_aliases(), include_aliases)


def aliases():
  """Returns {alias: canonical name} of the loss pairs."""
  return _catalog.pair_aliases()


def get(name):
  """Returns the `LossPair` registered as `name` (or an alias of it).

  Args:
    name: One of `names(include_aliases=True)`.

  Returns:
    A `LossPair` of GANModel-style functions.

  Raises:
    ValueError: if `name` is unknown; the message lists the valid names.
  """
  key = aliases().get(name, name)
  if not isinstance(key, str) or key not in _PAIRS:
    raise ValueError('Unknown loss %r; valid names: %s.'
                     % (name, ', '.join(names(include_aliases=True))))
  return _PAIRS[key]


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
  return _listed(_PENALTIES, _catalog.penalty_aliases(), include_aliases)


def penalty_aliases():
  """Returns {alias: canonical name} of the penalties."""
  return _catalog.penalty_aliases()


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
  if name is None or name == NO_PENALTY:
    return no_penalty
  key = penalty_aliases().get(name, name)
  if not isinstance(key, str) or key not in _PENALTIES:
    raise ValueError('Unknown penalty %r; valid names: %s (aliases: %s), or '
                     '%r.' % (name, ', '.join(penalty_names()),
                              ', '.join(sorted(penalty_aliases())),
                              NO_PENALTY))
  return _PENALTIES[key]
