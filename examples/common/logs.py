# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Readable logs for the example binaries.

`quiet_tensorflow()` keeps TensorFlow's Python INFO/WARNING chatter (graph
finalized, illegal summary names, deprecations, steps/s of its own hooks) out
of the log, leaving the examples' own absl INFO lines: device, progress,
checkpoints, eval. (TensorFlow's C++ start-up lines, printed on import, are
not affected.)
"""

import tensorflow as tf

__all__ = ['quiet_tensorflow']


def quiet_tensorflow():
  """TensorFlow's Python logger shows errors only."""
  tf.get_logger().setLevel('ERROR')
