# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Each registered loss's upstream TF-GAN counterpart, for the speed benchmark.

THE ONE PLACE the speed benchmark learns counterparts from: parts 1 and 2
read them only through `counterpart(name)`. (To be derived from the loss
library's declarations; until then the table below is kept by hand.)
"""

import collections

__all__ = ['COUNTERPARTS', 'REFERENCE', 'Counterpart', 'counterpart']

# Registry name -> (upstream generator loss, upstream discriminator loss,
# note). Where the names differ, the values coincide at the default settings,
# as tests/losses/losses_upstream_cross_test checks. Names without an entry
# have no upstream counterpart.
COUNTERPARTS = {
    'minimax': ('minimax_generator_loss', 'minimax_discriminator_loss', ''),
    'modified': ('modified_generator_loss', 'modified_discriminator_loss',
                 ''),
    'wasserstein': ('wasserstein_generator_loss',
                    'wasserstein_discriminator_loss', ''),
    'wasserstein_hinge': ('wasserstein_generator_loss',
                          'wasserstein_hinge_discriminator_loss',
                          "upstream's wasserstein_hinge_generator_loss is its "
                          'wasserstein_generator_loss'),
    'least_squares': ('least_squares_generator_loss',
                      'least_squares_discriminator_loss', ''),
    'hinge': ('wasserstein_generator_loss',
              'wasserstein_hinge_discriminator_loss',
              'equal at margins 1, 1'),
    'lsgan': ('least_squares_generator_loss',
              'least_squares_discriminator_loss', 'equal at the 0-1-1 coding'),
    'relativistic': ('relativistic_generator_loss',
                     'relativistic_discriminator_loss',
                     "upstream's cannot go through tfgan.gan_loss (no "
                     '`reduction`), so it is called from an adapter'),
}
REFERENCE = 'modified'  # upstream's loss for names without a counterpart.

Counterpart = collections.namedtuple(
    'Counterpart', ['upstream_name', 'generator_loss', 'discriminator_loss',
                    'label', 'note', 'exact'])


def counterpart(name):
  """The upstream losses `name` is timed against.

  Args:
    name: A registry name (canonical).

  Returns:
    A `Counterpart`: the key of COUNTERPARTS used (`name`, or REFERENCE when
    `name` has none), the upstream generator and discriminator loss names (in
    `tfgan.losses` and `tfgan.losses.wargs`), a label for the reports, a
    note, and whether it is a true counterpart (`exact`).
  """
  exact = name in COUNTERPARTS
  key = name if exact else REFERENCE
  g_name, d_name, note = COUNTERPARTS[key]
  if exact:
    label = 'upstream %s + %s' % (g_name, d_name)
  else:
    label = 'upstream %s (no counterpart; reference)' % REFERENCE
    note = 'no upstream counterpart'
  return Counterpart(key, g_name, d_name, label, note, exact)
