# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""tfgan_ext: modern GAN losses for TF-GAN, and TF-GAN on current TensorFlow.

Importing this package makes ``import tensorflow_gan`` and its training loop
work on TensorFlow 2.15 to 2.21 and Python 3.11+ (see ``tfgan_ext.compat``).
Modules: ``losses`` (losses, penalties, the registry), ``augment``
(DiffAugment and ADA's differentiable augmentation), ``addons`` (each
technique as one object for ``tfgan.gan_train``, GANEstimator and Keras:
penalties, LeCam, top-k, consistency, augmentations, the generator's moving
average, feature matching), ``conditional`` (class-conditional parts:
projection and other discriminator heads, conditional batch norm, for TF-1
graphs and as Keras layers), ``metrics`` (KID, improved precision/recall,
density/coverage on features); ``tfgan_ext.keras``, a separate import,
trains through Keras ``fit``.
"""

from tfgan_ext import compat

compat.install()

# pylint: disable=g-import-not-at-top,wrong-import-position
from tfgan_ext import addons
from tfgan_ext import augment
from tfgan_ext import conditional
from tfgan_ext import losses
from tfgan_ext import metrics
from tfgan_ext.version import __version__

__all__ = ['__version__', 'addons', 'augment', 'compat', 'conditional',
           'losses', 'metrics']
