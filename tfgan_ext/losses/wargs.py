# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Argument-style losses: a superset of `tfgan.losses.wargs`.

Every name of upstream's `tfgan.losses.wargs` is here with the same signature,
so `tfgan_ext.losses.wargs` can replace it. Upstream's discriminator-output
losses are wrapped with tfgan_ext's input checks (TypeError for integer
outputs, ValueError naming the shapes/weights that do not fit, float32
computation); their values are unchanged. Replaced outright:
`relativistic_*` (now with weights, reduction, collection and summaries),
`wasserstein_gradient_penalty` (now also eager / `tf.function`) and
`wasserstein_hinge_generator_loss` (no longer renames
`wasserstein_generator_loss`); `minimax_generator_loss` adds the loss it
returns to the collection (upstream adds its negation). Added: hinge, LSGAN,
relativistic LSGAN and hinge, feature matching, R1, R2 and DRAGAN;
energy-based (EBGAN) losses and consistency regularization.

The names are those declared in the catalog (`_catalog`) by the modules
that define them: `losses_impl`, `relativistic_impl`, `penalties_impl` and
`upstream_losses`.
"""

# pylint: disable=unused-import
from tfgan_ext.losses import _catalog
from tfgan_ext.losses import losses_impl
from tfgan_ext.losses import penalties_impl
from tfgan_ext.losses import relativistic_impl
from tfgan_ext.losses import upstream_losses
# pylint: enable=unused-import

globals().update(_catalog.argument_style())
__all__ = list(_catalog.argument_style())
