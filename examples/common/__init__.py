# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Machinery shared by the example trainers (hyperparameters and their flags, losses by name, the training loop)."""
