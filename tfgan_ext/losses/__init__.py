# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""GAN losses: a drop-in superset of `tfgan.losses`, plus a registry.

`tfgan_ext.losses` holds the GANModel-style losses (every name of
`tfgan.losses`, plus hinge, LSGAN, relativistic LSGAN / hinge / pairing,
feature matching, R1, R2, DRAGAN, consistency (CR, bCR, zCR), LeCam and
top-k, and the conditional losses: multi-hinge and D2D-CE);
`tfgan_ext.losses.wargs` the argument-style ones. Also: the loss registry
(`names`, `get`, `LossPair`),
penalties by name (`get_penalty`, `penalty_names`, `no_penalty`) with lazy
regularization (`with_penalty`), feature matching added to any
generator loss (`with_feature_matching`, `keras_layer_features`), and the
conditional losses for heads that return a `DiscriminatorOutputs` (class
logits, embeddings, proxies), by name in their own list
(`conditional_names`, `get_conditional`), with the heads they fit
(`head_names`, `check_head_and_loss`).

Where things are: the argument-style functions in `losses_impl` (hinge,
LSGAN, energy-based, feature matching), `relativistic_impl`,
`penalties_impl` (gradient penalties, LeCam), `consistency_impl` (CR, bCR,
zCR), `top_k_impl` (top-k training), `conditional_impl` (multi-hinge,
D2D-CE) and `upstream_losses` (gathered by
`wargs`); their GANModel-style forms, written out in `tuple_losses`; the
registry's tables in `registry`; what conditional heads return in
`discriminator_outputs`.
docs/adding_a_loss.md says how to add one.

Swapping a loss in TF-GAN code::

  gan_loss = tfgan.gan_loss(model, **tfgan_ext.losses.get('hinge')._asdict())

A class-conditional GAN whose discriminator returns a `DiscriminatorOutputs`
and whose generator inputs are (noise, labels)::

  gan_loss = tfgan.gan_loss(
      model, **tfgan_ext.losses.get_conditional('d2dce')._asdict())
"""

# pylint: disable=wildcard-import,unused-wildcard-import
from tfgan_ext.losses import tuple_losses
from tfgan_ext.losses import wargs
from tfgan_ext.losses.discriminator_outputs import DiscriminatorOutputs
from tfgan_ext.losses.feature_matching import keras_layer_features
from tfgan_ext.losses.feature_matching import with_feature_matching
from tfgan_ext.losses.lazy_regularization import with_penalty
from tfgan_ext.losses.registry import ConditionalLoss
from tfgan_ext.losses.registry import LossPair
from tfgan_ext.losses.registry import NO_PENALTY
from tfgan_ext.losses.registry import aliases
from tfgan_ext.losses.registry import check_head_and_loss
from tfgan_ext.losses.registry import conditional_loss
from tfgan_ext.losses.registry import conditional_names
from tfgan_ext.losses.registry import get
from tfgan_ext.losses.registry import get_conditional
from tfgan_ext.losses.registry import get_penalty
from tfgan_ext.losses.registry import head_names
from tfgan_ext.losses.registry import names
from tfgan_ext.losses.registry import no_penalty
from tfgan_ext.losses.registry import penalty_aliases
from tfgan_ext.losses.registry import penalty_names
from tfgan_ext.losses.tuple_losses import *

__all__ = [
    'ConditionalLoss', 'DiscriminatorOutputs', 'LossPair', 'NO_PENALTY',
    'aliases', 'check_head_and_loss', 'conditional_loss',
    'conditional_names', 'get', 'get_conditional', 'get_penalty',
    'head_names', 'keras_layer_features', 'names', 'no_penalty',
    'penalty_aliases', 'penalty_names', 'wargs', 'with_feature_matching',
    'with_penalty',
] + tuple_losses.__all__
