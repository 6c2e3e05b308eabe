# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The tfgan_ext version (read by setup.cfg)."""

__version__ = '0.2.0'
