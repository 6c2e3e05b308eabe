"""GAN losses: a drop-in superset of `tfgan.losses`, plus a registry.

`tfgan_ext.losses` holds the GANModel-style losses (every name of
`tfgan.losses`, plus hinge, LSGAN, relativistic LSGAN / hinge, feature
matching, R1, R2 and DRAGAN); `tfgan_ext.losses.wargs` the argument-style
ones. Also: the loss registry (`names`, `get`, `LossPair`), penalties by name
with lazy regularization (`with_penalty`, `get_penalty`, `penalty_names`,
`no_penalty`) and feature matching added to any generator loss
(`with_feature_matching`, `keras_layer_features`).

Swapping a loss in TF-GAN code::

  gan_loss = tfgan.gan_loss(model, **tfgan_ext.losses.get('hinge')._asdict())
"""

# pylint: disable=wildcard-import,unused-wildcard-import
from tfgan_ext.losses import wargs
from tfgan_ext.losses.feature_matching import feature_matching_loss
from tfgan_ext.losses.feature_matching import keras_layer_features
from tfgan_ext.losses.feature_matching import with_feature_matching
from tfgan_ext.losses.penalized import get_penalty
from tfgan_ext.losses.penalized import NO_PENALTY
from tfgan_ext.losses.penalized import no_penalty
from tfgan_ext.losses.penalized import penalty_names
from tfgan_ext.losses.penalized import with_penalty
from tfgan_ext.losses.registry import aliases
from tfgan_ext.losses.registry import get
from tfgan_ext.losses.registry import LossPair
from tfgan_ext.losses.registry import names
from tfgan_ext.losses.tuple_losses import *
from tfgan_ext.losses import tuple_losses as _tuple_losses

__all__ = sorted(
    ['wargs', 'feature_matching_loss', 'keras_layer_features',
     'with_feature_matching', 'NO_PENALTY', 'get_penalty', 'no_penalty',
     'penalty_names', 'with_penalty', 'aliases', 'get', 'LossPair', 'names'] +
    list(_tuple_losses.__all__))
