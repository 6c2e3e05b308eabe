# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Speed part 3: the per-step overhead of each penalty.

The digits GAN step of `speed_digits_step` with a penalty added to the
discriminator loss through `tfgan_ext.losses.with_penalty` (variant), against
the same step of the unpenalized base loss (reference); WGAN-GP also as
upstream's own `tfgan.gan_loss(..., gradient_penalty_weight=10)`, and the two
WGAN-GP implementations against each other. All variants are interleaved in
each repeat.
"""

from benchmarks import penalty_settings
from benchmarks import speed_digits_step
from benchmarks import timing

__all__ = ['PART', 'UPSTREAM_WGAN_GP', 'run']

PART = '3 penalty overhead'
UPSTREAM_WGAN_GP = ('WGAN-GP, upstream '
                    'tfgan.gan_loss(gradient_penalty_weight=10)')


def run(settings, log):
  """The rows of part 3 (timing.ratio_row); `log(row)` as each is done."""
  real = speed_digits_step.fixed_real_batch()
  builders = {'modified': speed_digits_step.ext_losses('modified'),
              'wasserstein': speed_digits_step.ext_losses('wasserstein'),
              UPSTREAM_WGAN_GP: speed_digits_step.UPSTREAM_WGAN_GP}
  for label, base, penalty, weight, every in penalty_settings.PENALTIES:
    builders[label] = speed_digits_step.ext_losses(base, penalty, weight,
                                                   every)
  times = speed_digits_step.time_step_variants(builders, settings, real)
  setting = 'digits GAN, batch %d, graph' % speed_digits_step.BATCH
  block = settings['step_block']
  rows = []
  for label, base, _, _, _ in penalty_settings.PENALTIES:
    rows.append(timing.ratio_row(
        PART, label, setting, 'tfgan_ext %s + %s' % (base, label),
        'unpenalized ' + base, times[label], times[base], block))
  wgan_gp = penalty_settings.PENALTIES[0][0]
  rows.append(timing.ratio_row(
      PART, UPSTREAM_WGAN_GP, setting, UPSTREAM_WGAN_GP,
      'unpenalized wasserstein', times[UPSTREAM_WGAN_GP],
      times['wasserstein'], block))
  rows.append(timing.ratio_row(
      PART, 'WGAN-GP: tfgan_ext vs upstream', setting,
      'tfgan_ext wasserstein + WGAN-GP', UPSTREAM_WGAN_GP, times[wgan_gp],
      times[UPSTREAM_WGAN_GP], block))
  for row in rows:
    log(row)
  return rows
