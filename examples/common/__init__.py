# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Shared by the example trainers: hyperparameters, losses by name, training."""
