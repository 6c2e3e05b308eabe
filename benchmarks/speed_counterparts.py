# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Each registered loss's upstream TF-GAN counterpart, for the speed benchmark.

Derived from the loss registry (`tfgan_ext.losses.registry`): a pair has a
counterpart when both its functions are upstream's own (re-exported) or
listed in `registry.UPSTREAM_EQUIVALENTS` with the upstream
`tfgan.losses.wargs` function they equal at the default settings (checked by
tests/losses/losses_upstream_cross_test.py). Parts 1 and 2 read counterparts
only through `counterpart(name)`.
"""

import collections
import inspect

import tensorflow_gan as tfgan

from tfgan_ext.losses import registry

__all__ = ['COUNTERPARTS', 'REFERENCE', 'Counterpart', 'counterpart',
           'function_names']

REFERENCE = 'modified'  # upstream's loss for names without a counterpart.


def _upstream_name(fn):
  """The upstream function `fn` equals at the defaults, or None."""
  if fn.__module__ == 'tfgan_ext.losses.upstream_losses':
    return fn.__name__  # Upstream's own, re-exported.
  return registry.UPSTREAM_EQUIVALENTS.get(fn.__name__)


def _note(own, upstream):
  """What a reader of the reports should know about a counterpart."""
  notes = []
  if own != upstream:
    notes.append('equal at the default settings')
  if not all('reduction' in inspect.signature(
      getattr(tfgan.losses.wargs, name)).parameters for name in upstream):
    notes.append("upstream's cannot go through tfgan.gan_loss (no "
                 '`reduction`), so it is called from an adapter')
  return '; '.join(notes)


def _counterparts():
  found = collections.OrderedDict()
  for name in registry.names():
    own = [fn.__name__ for fn in registry.argument_style(name)]
    upstream = [_upstream_name(fn) for fn in registry.argument_style(name)]
    if all(upstream):
      found[name] = (upstream[0], upstream[1], _note(own, upstream))
  return found


# Registry name -> (upstream generator loss, upstream discriminator loss,
# note), for every registered pair whose two functions have one.
COUNTERPARTS = _counterparts()

Counterpart = collections.namedtuple(
    'Counterpart', ['upstream_name', 'generator_loss', 'discriminator_loss',
                    'label', 'note', 'exact', 'takes_reduction'])


def function_names(name):
  """(generator, discriminator) argument-style function names of pair `name`."""
  pair = registry.argument_style(name)
  return pair.generator_loss_fn.__name__, pair.discriminator_loss_fn.__name__


def counterpart(name):
  """The upstream losses `name` is timed against.

  Args:
    name: A registry name (canonical).

  Returns:
    A `Counterpart`: the key of COUNTERPARTS used (`name`, or REFERENCE when
    `name` has none), the upstream generator and discriminator loss names (in
    `tfgan.losses` and `tfgan.losses.wargs`), a label for the reports, a
    note, whether it is a true counterpart (`exact`), and whether upstream's
    functions take `reduction` (else `tfgan.gan_loss` cannot call them).
  """
  exact = name in COUNTERPARTS
  key = name if exact else REFERENCE
  g_name, d_name, note = COUNTERPARTS[key]
  if exact:
    label = 'upstream %s + %s' % (g_name, d_name)
  else:
    label = 'upstream %s (no counterpart; reference)' % REFERENCE
    note = 'no upstream counterpart'
  takes_reduction = all(
      'reduction' in inspect.signature(getattr(tfgan.losses.wargs, n)).parameters
      for n in (g_name, d_name))
  return Counterpart(key, g_name, d_name, label, note, exact, takes_reduction)
