"""Loss pairs by name: `names()` and `get(name)` -> `LossPair`.

`tfgan.gan_loss(model, **tfgan_ext.losses.get('hinge')._asdict())` trains
with the hinge loss. Names are stable (absl flags are built on them).
"""

import collections

from tfgan_ext.losses import tuple_losses as tl

__all__ = ['LossPair', 'aliases', 'get', 'names']

LossPair = collections.namedtuple(
    'LossPair', ['generator_loss_fn', 'discriminator_loss_fn'])
LossPair.__doc__ = """A GANModel-style generator loss and its discriminator loss.

Attributes:
  generator_loss_fn: `fn(gan_model, **kwargs)`, for `tfgan.gan_loss`.
  discriminator_loss_fn: `fn(gan_model, **kwargs)`, for `tfgan.gan_loss`.
"""

_PAIRS = collections.OrderedDict([
    ('minimax', LossPair(tl.minimax_generator_loss,
                         tl.minimax_discriminator_loss)),
    ('modified', LossPair(tl.modified_generator_loss,
                          tl.modified_discriminator_loss)),
    ('wasserstein', LossPair(tl.wasserstein_generator_loss,
                             tl.wasserstein_discriminator_loss)),
    ('wasserstein_hinge', LossPair(tl.wasserstein_hinge_generator_loss,
                                   tl.wasserstein_hinge_discriminator_loss)),
    ('least_squares', LossPair(tl.least_squares_generator_loss,
                               tl.least_squares_discriminator_loss)),
    ('hinge', LossPair(tl.hinge_generator_loss, tl.hinge_discriminator_loss)),
    ('lsgan', LossPair(tl.lsgan_generator_loss, tl.lsgan_discriminator_loss)),
    ('relativistic', LossPair(tl.relativistic_generator_loss,
                              tl.relativistic_discriminator_loss)),
    ('relativistic_lsgan', LossPair(tl.relativistic_lsgan_generator_loss,
                                    tl.relativistic_lsgan_discriminator_loss)),
    ('relativistic_hinge', LossPair(tl.relativistic_hinge_generator_loss,
                                    tl.relativistic_hinge_discriminator_loss)),
])
_ALIASES = {'non_saturating': 'modified'}


def names(include_aliases=True):
  """Returns the registered loss pair names, sorted.

  Args:
    include_aliases: Whether to include aliases such as 'non_saturating'.

  Returns:
    A tuple of str.
  """
  found = set(_PAIRS)
  if include_aliases:
    found |= set(_ALIASES)
  return tuple(sorted(found))


def aliases():
  """Returns {alias: canonical name}."""
  return dict(_ALIASES)


def get(name):
  """Returns the `LossPair` registered as `name` (or an alias of it).

  Args:
    name: One of `names()`.

  Returns:
    A `LossPair` of GANModel-style functions.

  Raises:
    ValueError: if `name` is unknown; the message lists the valid names.
  """
  key = _ALIASES.get(name, name)
  if not isinstance(key, str) or key not in _PAIRS:
    raise ValueError('Unknown loss %r; valid names: %s.'
                     % (name, ', '.join(names())))
  return _PAIRS[key]
