# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""GAN losses: a drop-in superset of `tfgan.losses`, plus a registry.

`tfgan_ext.losses` holds the GANModel-style losses (every name of
`tfgan.losses`, plus hinge, LSGAN, relativistic LSGAN / hinge / pairing,
feature matching, R1, R2, DRAGAN, consistency (CR, bCR, zCR), LeCam and
top-k); `tfgan_ext.losses.wargs` the
argument-style ones. Also: the loss registry (`names`, `get`, `LossPair`),
penalties by name (`get_penalty`, `penalty_names`, `no_penalty`) with lazy
regularization (`with_penalty`), and feature matching added to any
generator loss (`with_feature_matching`, `keras_layer_features`).

Where things are: the argument-style functions in `losses_impl` (hinge,
LSGAN, energy-based, feature matching), `relativistic_impl`,
`penalties_impl` (gradient penalties, LeCam), `consistency_impl` (CR, bCR,
zCR), `top_k_impl` (top-k training) and `upstream_losses` (gathered by
`wargs`); their GANModel-style forms, written out in `tuple_losses`; the
registry's tables in `registry`.
docs/adding_a_loss.md says how to add one.

Swapping a loss in TF-GAN code::

  gan_loss = tfgan.gan_loss(model, **tfgan_ext.losses.get('hinge')._asdict())
"""

# pylint: disable=wildcard-import,unused-wildcard-import
from tfgan_ext.losses import tuple_losses
from tfgan_ext.losses import wargs
from tfgan_ext.losses.feature_matching import keras_layer_features
from tfgan_ext.losses.feature_matching import with_feature_matching
from tfgan_ext.losses.lazy_regularization import with_penalty
from tfgan_ext.losses.registry import LossPair
from tfgan_ext.losses.registry import NO_PENALTY
from tfgan_ext.losses.registry import aliases
from tfgan_ext.losses.registry import get
from tfgan_ext.losses.registry import get_penalty
from tfgan_ext.losses.registry import names
from tfgan_ext.losses.registry import no_penalty
from tfgan_ext.losses.registry import penalty_aliases
from tfgan_ext.losses.registry import penalty_names
from tfgan_ext.losses.tuple_losses import *

__all__ = [
    'LossPair', 'NO_PENALTY', 'aliases', 'get', 'get_penalty',
    'keras_layer_features', 'names', 'no_penalty', 'penalty_aliases',
    'penalty_names', 'wargs', 'with_feature_matching', 'with_penalty',
] + tuple_losses.__all__
