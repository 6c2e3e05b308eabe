# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""2D mixture-of-Gaussians benchmarks (ring, grid) of VEEGAN/PacGAN."""
