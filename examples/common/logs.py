# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""What the example binaries print.

`quiet_tensorflow()` keeps TensorFlow's Python INFO/WARNING chatter (graph
finalized, illegal summary names, deprecations, steps/s of its own hooks) out
of the log, leaving the examples' own absl INFO lines: device, progress,
checkpoints, eval. (TensorFlow's C++ start-up lines, printed on import, are
not affected.) `errors_as_one_line` turns the errors a user has something
to change about into one line instead of a traceback.
"""

import contextlib
import sys

from absl import logging
import tensorflow as tf

from examples.common import hooks

__all__ = ['PREEMPTED_EXIT_STATUS', 'errors_as_one_line', 'quiet_tensorflow']

# The status of a process ended by SIGTERM (128 + 15): a scheduler that
# restarts terminated jobs restarts one that saved and stopped on SIGTERM.
PREEMPTED_EXIT_STATUS = 143


def quiet_tensorflow():
  """TensorFlow's Python logger shows errors only; absl's shows INFO."""
  tf.get_logger().setLevel('ERROR')
  logging.set_verbosity(logging.INFO)


@contextlib.contextmanager
def errors_as_one_line(*errors):
  """Exits with 'error: <message>' when the block raises one of `errors`.

  Args:
    *errors: The exception classes that mean the user has something to
      change (a diverged run, a mismatched directory, missing data).

  Raises:
    SystemExit: with the error's message, on one of `errors`; with
      PREEMPTED_EXIT_STATUS after a SIGTERM (`hooks.Preempted`), whose
      message goes to stderr.
  """
  try:
    yield
  except hooks.Preempted as e:
    print(str(e), file=sys.stderr)
    raise SystemExit(PREEMPTED_EXIT_STATUS) from e
  except errors as e:
    raise SystemExit('error: %s' % e) from e
