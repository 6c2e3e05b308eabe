# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Add-ons: one technique, one object, for `tfgan.gan_train` and Keras `fit`.

  addons = [tfgan_ext.addons.Penalty('r1', weight=5.0, every=16),
            tfgan_ext.addons.DiffAugment(),
            tfgan_ext.addons.GeneratorAverage(decay=0.999)]

  # TF-GAN: the loop's parts, changed by every add-on in order.
  parts = tfgan_ext.addons.apply(addons, tfgan_ext.addons.GANParts(
      generator_fn, discriminator_fn, pair.generator_loss_fn,
      pair.discriminator_loss_fn, generator_optimizer,
      discriminator_optimizer))
  model = tfgan.gan_model(parts.generator_fn, parts.discriminator_fn, ...)
  # ... tfgan.gan_loss(model, generator_loss_fn=parts.generator_loss_fn, ...)

  # Keras:
  gan.compile(generator_optimizer, discriminator_optimizer, loss='hinge',
              addons=addons)

The add-ons (each in its module, with both trainers' glue): `Penalty` (R1,
R2, DRAGAN, WGAN-GP or yours, lazily if asked), `LeCam`, `TopK`,
`BalancedConsistency` (bCR), `LatentConsistency` (zCR), `DiffAugment`,
`ADA`, `Augmentation` (your function), `GeneratorAverage`,
`FeatureMatching` and `InstanceNoise`. `base` says what an add-on is; the maths
is in `tfgan_ext.losses` and `tfgan_ext.augment`.
"""

from tfgan_ext.addons.augmentation import ADA
from tfgan_ext.addons.augmentation import Augmentation
from tfgan_ext.addons.augmentation import DiffAugment
from tfgan_ext.addons.base import AddOn
from tfgan_ext.addons.base import GANParts
from tfgan_ext.addons.base import PROGRESS
from tfgan_ext.addons.base import StepPart
from tfgan_ext.addons.base import apply
from tfgan_ext.addons.base import log
from tfgan_ext.addons.consistency import BalancedConsistency
from tfgan_ext.addons.consistency import LatentConsistency
from tfgan_ext.addons.feature_matching import FeatureMatching
from tfgan_ext.addons.generator_average import AveragingOptimizer
from tfgan_ext.addons.generator_average import GeneratorAverage
from tfgan_ext.addons.generator_average import averages_to_restore
from tfgan_ext.addons.generator_average import has_averages
from tfgan_ext.addons.instance_noise import InstanceNoise
from tfgan_ext.addons.lecam import LeCam
from tfgan_ext.addons.penalty import Penalty
from tfgan_ext.addons.top_k import TopK

__all__ = [
    'ADA',
    'AddOn',
    'Augmentation',
    'AveragingOptimizer',
    'BalancedConsistency',
    'DiffAugment',
    'FeatureMatching',
    'GANParts',
    'GeneratorAverage',
    'InstanceNoise',
    'LatentConsistency',
    'LeCam',
    'PROGRESS',
    'Penalty',
    'StepPart',
    'TopK',
    'apply',
    'averages_to_restore',
    'has_averages',
    'log',
]
