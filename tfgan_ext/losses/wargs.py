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
relativistic LSGAN, hinge and pairing, feature matching, R1, R2 and DRAGAN;
energy-based (EBGAN) losses, consistency regularization (CR, bCR, zCR:
`consistency_impl`), LeCam regularization, top-k training (`top_k_impl`),
and the conditional losses, multi-hinge and D2D-CE (`conditional_impl`).
"""

# pylint: disable=wildcard-import,unused-wildcard-import
from tfgan_ext.losses import conditional_impl
from tfgan_ext.losses import consistency_impl
from tfgan_ext.losses import losses_impl
from tfgan_ext.losses import penalties_impl
from tfgan_ext.losses import relativistic_impl
from tfgan_ext.losses import top_k_impl
from tfgan_ext.losses import upstream_losses
from tfgan_ext.losses.conditional_impl import *
from tfgan_ext.losses.consistency_impl import *
from tfgan_ext.losses.losses_impl import *
from tfgan_ext.losses.penalties_impl import *
from tfgan_ext.losses.relativistic_impl import *
from tfgan_ext.losses.top_k_impl import *
from tfgan_ext.losses.upstream_losses import *

__all__ = (conditional_impl.__all__ + consistency_impl.__all__ +
           losses_impl.__all__ +
           penalties_impl.__all__ +
           relativistic_impl.__all__ + top_k_impl.__all__ +
           upstream_losses.__all__)
