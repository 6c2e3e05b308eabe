# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""tfgan_ext: modern GAN losses for TF-GAN, and TF-GAN on current TensorFlow.

Importing this package makes ``import tensorflow_gan`` and its training loop
work on TensorFlow 2.15 to 2.21 and Python 3.11+ (see ``tfgan_ext.compat``).
Modules: ``losses`` (losses, penalties, the registry), ``augment``
(DiffAugment and ADA's differentiable augmentation), ``adaptive_augment``
(ADA's p in a TF-GAN graph), ``averaging`` (the generator's moving average
for ``tfgan.gan_train`` and GANEstimator), ``lecam`` (LeCam regularization's
anchors in a TF-GAN graph), ``top_k`` (top-k training on the global step),
``metrics`` (KID, improved precision/recall, density/coverage on features);
``tfgan_ext.keras``, a separate import, trains through Keras ``fit``.
"""

from tfgan_ext import compat

compat.install()

# pylint: disable=g-import-not-at-top,wrong-import-position
from tfgan_ext import adaptive_augment
from tfgan_ext import augment
from tfgan_ext import averaging
from tfgan_ext import lecam
from tfgan_ext import losses
from tfgan_ext import metrics
from tfgan_ext import top_k
from tfgan_ext.version import __version__

__all__ = ['__version__', 'adaptive_augment', 'augment', 'averaging',
           'compat', 'lecam', 'losses', 'metrics', 'top_k']
