# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Speed part 6: the per-step overhead of augmentation and generator averaging.

The digits GAN step of `speed_digits_step` (the example's non-saturating
loss, graph mode) with, as variants: the generator's moving average
(`tfgan_ext.addons.GeneratorAverage`, --generator_ema=0.999), DiffAugment's
three policies (`tfgan_ext.addons.DiffAugment`) and ADA
(`tfgan_ext.addons.ADA`, its pipeline at the p it adapts to plus the update
of p); the reference is the same step without them. All variants are
interleaved in each repeat.
"""

from benchmarks import speed_digits_step
from benchmarks import timing

__all__ = ['PART', 'VARIANTS', 'run']

PART = '6 augmentation and averaging overhead'

# Row label -> the digits HParams fields that make the variant.
VARIANTS = {
    'generator moving average (0.999)': dict(generator_ema=0.999),
    'DiffAugment (color,translation,cutout)': dict(augment='diffaugment'),
    'ADA (adaptive p)': dict(augment='ada'),
}
_REFERENCE = 'plain'


def run(settings, log):
  """The rows of part 6 (timing.ratio_row); `log(row)` as each is done."""
  real = speed_digits_step.fixed_real_batch()
  defaults = speed_digits_step.digits_hparams()
  loss = speed_digits_step.ext_losses(defaults.gan_loss)
  builders = {label: loss for label in VARIANTS}
  builders[_REFERENCE] = loss
  hparams = {label: defaults._replace(**fields)
             for label, fields in VARIANTS.items()}
  times = speed_digits_step.time_step_variants(builders, settings, real,
                                               hparams)
  setting = 'digits GAN, batch %d, graph' % speed_digits_step.BATCH
  rows = []
  for label in VARIANTS:
    rows.append(timing.ratio_row(
        PART, label, setting, '%s + %s' % (defaults.gan_loss, label),
        defaults.gan_loss, times[label], times[_REFERENCE],
        settings['step_block']))
    log(rows[-1])
  return rows
