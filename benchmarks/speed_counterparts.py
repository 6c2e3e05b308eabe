# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Each registered loss's upstream TF-GAN counterpart, for the speed benchmark.

Derived from the loss library's declarations (`tfgan_ext.losses._catalog`):
a pair has a counterpart when both its functions declare the upstream
`tfgan.losses.wargs` function they equal at the default settings (checked by
tests/losses/losses_upstream_cross_test.py). Parts 1 and 2 read counterparts
only through `counterpart(name)`.
"""

import collections
import inspect

import tensorflow_gan as tfgan

from tfgan_ext.losses import _catalog

__all__ = ['COUNTERPARTS', 'REFERENCE', 'Counterpart', 'counterpart',
           'function_names']

REFERENCE = 'modified'  # upstream's loss for names without a counterpart.


def _note(sides):
  """What a reader of the reports should know about a counterpart."""
  own = [e.name for e in sides.values()]
  upstream = [e.upstream for e in sides.values()]
  notes = []
  if own != upstream:
    notes.append('equal at the default settings')
  if not all('reduction' in inspect.signature(
      getattr(tfgan.losses.wargs, name)).parameters for name in upstream):
    notes.append("upstream's cannot go through tfgan.gan_loss (no "
                 '`reduction`), so it is called from an adapter')
  return '; '.join(notes)


# Registry name -> (upstream generator loss, upstream discriminator loss,
# note), for every registered pair whose two functions declare one.
COUNTERPARTS = collections.OrderedDict(
    (name, (sides[_catalog.GENERATOR].upstream,
            sides[_catalog.DISCRIMINATOR].upstream, _note(sides)))
    for name, sides in _catalog.pairs().items()
    if all(e.upstream for e in sides.values()))

Counterpart = collections.namedtuple(
    'Counterpart', ['upstream_name', 'generator_loss', 'discriminator_loss',
                    'label', 'note', 'exact', 'takes_reduction'])


def function_names(name):
  """(generator, discriminator) argument-style function names of pair `name`."""
  sides = _catalog.pairs()[name]
  return sides[_catalog.GENERATOR].name, sides[_catalog.DISCRIMINATOR].name


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
