# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""pytest fixtures of the benchmarks' tests: the digits example's (MNIST)."""

# pylint: disable=unused-import
from examples.digits.conftest import mnist_cache

__all__ = ['mnist_cache']
