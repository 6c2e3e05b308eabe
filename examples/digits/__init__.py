# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""DCGAN-style image GAN on small digit images (offline by default)."""
