# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""pytest plugin that runs upstream TF-GAN's shipped tests under tfgan_ext.

Use: ``python -m pytest -p tests.upstream_plugin <tensorflow_gan test paths>``.
Upstream's tests get no help but ``import tfgan_ext``. On TensorFlow >= 2.16,
where tf.estimator no longer exists, the estimator tests are reported as
skipped with the reason; every other test must pass.
"""

import os

from absl import flags
import pytest

import tfgan_ext

_ESTIMATOR_DIR = os.path.join('tensorflow_gan', 'python', 'estimator') + os.sep
_REASON = ('tf.estimator was removed in TensorFlow 2.16; TF-GAN estimators '
           'raise tfgan_ext.compat.EstimatorRemovedError here')


def pytest_collection_modifyitems(config, items):
  """Parses absl flags (as absltest.main would) and marks estimator skips."""
  del config
  # Upstream's tests read absl flags (e.g. --use_tpu in the TPU estimator
  # tests) that absltest.main parses; under pytest, use their defaults.
  if not flags.FLAGS.is_parsed():
    flags.FLAGS.mark_as_parsed()
  if tfgan_ext.compat.estimator_available():
    return
  skip = pytest.mark.skip(reason=_REASON)
  for item in items:
    if _ESTIMATOR_DIR in str(item.path):
      item.add_marker(skip)
