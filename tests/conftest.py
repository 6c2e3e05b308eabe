# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Shared pytest set-up: every test runs with tfgan_ext imported (compat on)."""

import tfgan_ext  # pylint: disable=unused-import
