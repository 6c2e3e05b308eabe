"""Shared pytest set-up: every test runs with tfgan_ext imported (compat on)."""

import tfgan_ext  # pylint: disable=unused-import
