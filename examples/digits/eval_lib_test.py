# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Tests of the digits eval pieces: FCD through tfgan.eval, the image grid."""

import numpy as np
import pytest

from examples.digits import eval_lib


def test_fcd_of_identical_sets_is_zero():
  acts = np.random.default_rng(0).normal(size=(500, 16))
  assert eval_lib.fcd(acts, acts) == pytest.approx(0.0, abs=1e-6)


def test_fcd_of_a_shift_is_its_squared_norm():
  # Fréchet distance |mu1 - mu2|^2 + Tr(S1 + S2 - 2 (S1 S2)^(1/2)); a pure
  # shift leaves the covariances equal, so the trace term is 0 and the
  # distance is |shift|^2 = 16 * 0.5^2 = 4.
  acts = np.random.default_rng(0).normal(size=(500, 16))
  assert eval_lib.fcd(acts, acts + 0.5) == pytest.approx(4.0, rel=1e-4)


def test_image_grid_tiles_rows_and_columns():
  images = np.full((6, 2, 3, 1), -1.0, np.float32)
  images[4] = 1.0  # row 1, column 1 of a 2 x 3 grid
  grid = eval_lib.image_grid(images, 2, 3)
  assert grid.shape == (4, 9) and grid.dtype == np.uint8
  assert grid[2:4, 3:6].min() == 255 and grid.sum() == 255 * 6


def test_image_grid_padding_separates_tiles():
  grid = eval_lib.image_grid(np.ones((4, 2, 2, 1), np.float32), 2, 2,
                             padding=1)
  # 2 tiles of 2 pixels and 1 separator per axis.
  assert grid.shape == (5, 5)
  assert (grid[2, :] == 128).all() and (grid[:, 2] == 128).all()
