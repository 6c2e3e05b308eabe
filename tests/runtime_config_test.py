# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Importing tfgan_ext or TF-GAN leaves TensorFlow's runtime uninitialized.

TensorFlow refuses threading and device configuration once its runtime is
initialized (`tf.config.threading.set_*`, `set_logical_device_configuration`,
`set_visible_devices`, `set_memory_growth` raise RuntimeError). Users set
these right after their imports, as TensorFlow's guides show, so no import
path of tfgan_ext may initialize it. Each path runs in a fresh interpreter.
"""

import os
import subprocess
import sys
import textwrap

import pytest

from tfgan_ext import compat

__all__ = []

_MODERN = compat.tf_version() >= (2, 16)
_REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# After the imports under test: configure, then check the configuration took.
_CONFIGURE = '''
import tensorflow as tf
from tensorflow.python.eager import context
assert context.context()._context_handle is None, 'runtime initialized'
tf.config.threading.set_intra_op_parallelism_threads(1)
tf.config.threading.set_inter_op_parallelism_threads(2)
(cpu,) = tf.config.list_physical_devices('CPU')
tf.config.set_visible_devices([cpu])
tf.config.set_logical_device_configuration(
    cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
assert tf.config.threading.get_intra_op_parallelism_threads() == 1
assert tf.config.threading.get_inter_op_parallelism_threads() == 2
print('LOGICAL CPUS', len(tf.config.list_logical_devices('CPU')))
'''

_IMPORT_PATHS = {
    'tfgan_ext': 'import tfgan_ext',
    # Through the import hook, then every part that imports more: the eval
    # library (tensorflow_hub) and the estimators (tensorflow-estimator).
    'hook_tensorflow_gan': ('import tensorflow as tf\n'
                            'import tensorflow_gan as tfgan\n'
                            'tfgan.eval, tfgan.estimator.GANEstimator\n'
                            'tf.estimator.RunConfig, '
                            'tf.compat.v1.estimator.tpu.TPUEstimator'),
    # The stand-in, as without the `estimator` extra: the standard way to make
    # a module unimportable is a None entry in sys.modules.
    'without_tensorflow_estimator': (
        'import sys\nsys.modules["tensorflow_estimator"] = None\n'
        'import tensorflow_gan as tfgan\n'
        'import tensorflow as tf\ntf.estimator.StopAtStepHook'),
}


def _run(code):
  """Runs `code` in a fresh interpreter, import hook on."""
  env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL='2', TFGAN_EXT_IMPORT_HOOK='1')
  env.pop('TF_USE_LEGACY_KERAS', None)
  proc = subprocess.run(
      [sys.executable, '-c', textwrap.dedent(code)], cwd=_REPO, env=env,
      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
      timeout=300, check=False)
  return proc.returncode, proc.stdout


@pytest.mark.parametrize('path', sorted(_IMPORT_PATHS))
def test_configuration_still_possible_after_import(path):
  if path == 'without_tensorflow_estimator' and not _MODERN:
    pytest.skip('TensorFlow 2.15 itself needs tensorflow-estimator')
  code, out = _run(_IMPORT_PATHS[path] + '\n' + _CONFIGURE)
  assert code == 0, out
  assert 'LOGICAL CPUS 2' in out, out


def test_report_lists_devices_only_when_asked():
  # install() (run on import) leaves devices alone; report() is asked, so it
  # lists them, and then TensorFlow refuses further configuration. This is
  # also the check that _CONFIGURE can fail.
  code, out = _run('''
      import tensorflow_gan, tfgan_ext
      assert not any(n.startswith('devices:') for n in
                     tfgan_ext.compat.install().notes)
      import tensorflow as tf
      cpu = tf.config.list_physical_devices('CPU')[0]
      tf.config.set_logical_device_configuration(
          cpu, [tf.config.LogicalDeviceConfiguration()] * 3)
      notes = tfgan_ext.compat.report().notes
      print([n for n in notes if n.startswith('devices:')])
      try:
        tf.config.threading.set_intra_op_parallelism_threads(1)
      except RuntimeError as e:
        print('REFUSED', e)
  ''')
  assert code == 0, out
  assert "['devices: CPU:0, CPU:1, CPU:2']" in out
  assert 'REFUSED' in out
