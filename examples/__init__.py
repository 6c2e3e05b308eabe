# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Example trainers for tfgan_ext: absl-flag binaries that train through tfgan.gan_train.

Run them from the repository root, for example::

  python -m examples.toy2d.train --gan_loss=hinge
"""
