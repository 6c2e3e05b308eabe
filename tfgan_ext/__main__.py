# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""`python -m tfgan_ext` prints what tfgan_ext.compat found and patched."""

import tfgan_ext

print(tfgan_ext.compat.describe())
print('tfgan_ext', tfgan_ext.__version__, '- loss pairs:',
      ', '.join(tfgan_ext.losses.names()))
