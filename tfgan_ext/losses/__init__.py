# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""GAN losses: a drop-in superset of `tfgan.losses`, plus a registry.

`tfgan_ext.losses` holds the GANModel-style losses (every name of
`tfgan.losses`, plus hinge, LSGAN, relativistic LSGAN / hinge, feature
matching, R1, R2 and DRAGAN); `tfgan_ext.losses.wargs` the argument-style
ones. Also: the loss registry (`names`, `get`, `LossPair`), penalties by name
(`get_penalty`, `penalty_names`, `no_penalty`) with lazy regularization
(`with_penalty`), and feature matching added to any generator loss
(`with_feature_matching`, `keras_layer_features`).

Every loss and penalty is declared once, beside its definition (see
`_catalog`); the namespaces and the registry are built from those
declarations.

Swapping a loss in TF-GAN code::

  gan_loss = tfgan.gan_loss(model, **tfgan_ext.losses.get('hinge')._asdict())
"""

# pylint: disable=wildcard-import,unused-wildcard-import
from tfgan_ext.losses import registry as _registry
from tfgan_ext.losses import tuple_losses as _tuple_losses
from tfgan_ext.losses import wargs
from tfgan_ext.losses.feature_matching import keras_layer_features
from tfgan_ext.losses.feature_matching import with_feature_matching
from tfgan_ext.losses.lazy_regularization import with_penalty
from tfgan_ext.losses.registry import *
from tfgan_ext.losses.tuple_losses import *

__all__ = sorted(
    ['wargs', 'keras_layer_features', 'with_feature_matching',
     'with_penalty'] + list(_registry.__all__) + list(_tuple_losses.__all__))
