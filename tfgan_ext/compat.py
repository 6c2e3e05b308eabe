# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Makes TF-GAN 2.1.0 import and train on current TensorFlow and Python.

This is tfgan_ext's only import boundary: no other module of the package
touches TensorFlow or TF-GAN internals or checks versions.

TF-GAN 2.1.0 (2021) breaks on today's stack in five places, each patched here
only when the running stack lacks the thing TF-GAN needs:

1. ``tf.estimator`` (removed in TensorFlow 2.16): TF-GAN's ``train.py``
   subclasses ``tf.estimator.SessionRunHook`` and its ``estimator`` package
   subclasses ``tf.estimator.Estimator`` and ``tf.compat.v1.estimator.tpu.*``
   at import time. With tensorflow-estimator 2.15 installed (the
   ``estimator`` extra), the real one is made to import and ``tf.estimator``
   points at it; otherwise a stand-in forwards TensorFlow's own objects
   (session hooks, ``ModeKeys``) and makes the estimators raise
   :class:`EstimatorRemovedError` when used. See ``tfgan_ext._estimator_compat``.
2. ``inspect.getargspec`` (removed in Python 3.11), which ``tfgan.gan_loss``
   calls. TF-GAN's own modules get an ``inspect`` that has it; the standard
   library's ``inspect`` is left alone.
3. ``distutils`` (removed in Python 3.12), which TF-GAN and TFP 0.23 import
   only to compare versions at import time. A minimal stand-in is in
   ``sys.modules`` only while those packages import, and only when missing.
4. ``pkg_resources`` (removed from setuptools 81; absent where setuptools is
   not installed), which tensorflow_hub, imported by TF-GAN's eval, uses the
   same way; lent the same way.
5. Keras 3 (``tf.keras`` since TensorFlow 2.16) has no ``tf.compat.v1.layers``.
   When tf-keras is installed and ``TF_USE_LEGACY_KERAS`` is unset, it is set
   to ``1`` (TensorFlow reads it lazily, on first use of ``tf.keras`` or
   ``tf.compat.v1.layers``). Set ``TF_USE_LEGACY_KERAS=0`` to keep Keras 3.

``install()`` applies what is needed, is idempotent, and returns a
:class:`CompatReport` naming the stack's versions and each patch applied.
Importing ``tfgan_ext`` calls it.
"""

import collections
import contextlib
import importlib
import importlib.util
import inspect as _std_inspect
import os
import re
import sys
import types

from tfgan_ext import _estimator_compat
from tfgan_ext._estimator_compat import EstimatorRemovedError

__all__ = [
    'CompatReport',
    'EstimatorRemovedError',
    'LegacyKerasUnavailableError',
    'describe',
    'estimator_available',
    'install',
    'prepare',
    'report',
    'require_legacy_keras',
    'tf_version',
]

CompatReport = collections.namedtuple(
    'CompatReport', ['versions', 'patches', 'notes'])
CompatReport.__doc__ = """What `install()` found and did.

Attributes:
  versions: dict of package name -> version string (python, tensorflow,
    tensorflow_probability, tensorflow_gan, tensorflow_estimator, keras
    behind tf.keras, numpy).
  patches: tuple of one-line descriptions of each patch applied.
  notes: tuple of one-line remarks about the stack (nothing patched).
"""

_PATCHES = []
_NOTES = []
_PREPARED = False
_INSTALLED = False


class LegacyKerasUnavailableError(RuntimeError):
  """Raised when TF-1-style layers are needed but Keras 3 is active."""


def _version_tuple(version):
  return tuple(int(p) for p in re.findall(r'\d+', version)[:3])


def tf_version():
  """Returns the running TensorFlow version as a tuple of ints, e.g. (2, 21, 0)."""
  import tensorflow as tf  # pylint: disable=g-import-not-at-top
  return _version_tuple(tf.__version__)


# ---------------------------------------------------------------- Keras ---


def _legacy_keras_env():
  """Sets TF_USE_LEGACY_KERAS=1 when tf-keras is installed and it is unset."""
  if 'TF_USE_LEGACY_KERAS' in os.environ:
    _NOTES.append('TF_USE_LEGACY_KERAS=%s was set by the user; left as is.'
                  % os.environ['TF_USE_LEGACY_KERAS'])
    return
  if importlib.util.find_spec('tf_keras') is None:
    return
  os.environ['TF_USE_LEGACY_KERAS'] = '1'
  _PATCHES.append('TF_USE_LEGACY_KERAS=1 (tf-keras installed): tf.keras and '
                  'tf.compat.v1.layers use Keras 2.')
  _repoint_keras_api_paths()


# Where each TensorFlow API module looks for its `keras` (and Keras-routed)
# submodules, with TF_USE_LEGACY_KERAS unset -> set: TensorFlow builds these
# `__path__` entries when the API module is first executed.
_KERAS_API_DIRS = tuple(
    ('keras.api.%s' % name, 'tf_keras.api.%s' % name) for name in (
        '_v2.keras', '_v1.keras', '_v1.keras.__internal__.legacy.layers',
        '_v1.keras.__internal__.legacy.rnn_cell'))


def _repoint_keras_api_paths():
  """Points already-imported TF API modules' keras paths at tf-keras.

  TensorFlow reads TF_USE_LEGACY_KERAS twice: lazily for `tf.keras` (so the
  variable set above takes effect), and when an API module such as
  `tensorflow.compat.v2` is first executed, to put Keras 3's or tf-keras's
  directory on its `__path__`. If that module was imported before the
  variable was set (by `import tf_keras`, or user code starting with `import
  tensorflow.compat.v2 as tf`), `tf.keras` is tf-keras but `from
  tensorflow.compat.v2.keras import ...` looks in Keras 3's directory, and
  TensorFlow Probability's import fails. Re-point those entries.
  """
  from tensorflow.python.tools import module_util  # pylint: disable=g-import-not-at-top
  moves = {}
  for keras3_name, tf_keras_name in _KERAS_API_DIRS:
    old = module_util.get_parent_dir_for_name(keras3_name)
    new = module_util.get_parent_dir_for_name(tf_keras_name)
    if old and new:
      moves[old] = new
  fixed = set()
  seen = set()
  for name, module in list(sys.modules.items()):
    if not name.startswith('tensorflow') or id(module) in seen:
      continue
    seen.add(id(module))
    for holder in (module, getattr(module, 'nn', None)):
      path = getattr(holder, '__path__', None)
      if not isinstance(path, list):
        continue
      for i, entry in enumerate(path):
        if entry in moves:
          path[i] = moves[entry]
          fixed.add(name)
  if fixed:
    public = sorted(n for n in fixed if '._api.' not in n)
    _PATCHES.append(
        'keras import paths of %d TensorFlow API modules imported before '
        'TF_USE_LEGACY_KERAS was set (%s) pointed at tf-keras.'
        % (len(fixed), ', '.join(public)))


def _keras_behind_tf_keras():
  """Returns 'keras 2 (tf_keras X)' or 'keras 3 (X)' without importing Keras."""
  if tf_version() < (2, 16):
    return 'keras 2 (built into tensorflow)'
  # The values TensorFlow's own lazy loader accepts.
  legacy = os.environ.get('TF_USE_LEGACY_KERAS') in ('true', 'True', '1')
  if legacy and importlib.util.find_spec('tf_keras') is not None:
    return 'keras 2 (tf_keras %s)' % _dist_version('tf_keras')
  return 'keras 3 (%s)' % _dist_version('keras')


def require_legacy_keras():
  """Checks that `tf.compat.v1.layers` (Keras 2) is usable.

  Raises:
    LegacyKerasUnavailableError: on TensorFlow >= 2.16 without tf-keras, or
      with TF_USE_LEGACY_KERAS set to something other than 1.
  """
  if _keras_behind_tf_keras().startswith('keras 2'):
    return
  raise LegacyKerasUnavailableError(
      'TF-1-style layers (tf.compat.v1.layers) need Keras 2, but tf.keras is '
      'Keras 3 on TensorFlow %s. Install tf-keras matching TensorFlow '
      '(pip install "tf-keras~=%d.%d.0") and leave TF_USE_LEGACY_KERAS unset '
      '(tfgan_ext sets it to 1) or set it to 1 before TensorFlow is first used.'
      % (('.'.join(map(str, tf_version())),) + tf_version()[:2]))


def _dist_version(dist):
  try:
    from importlib import metadata  # pylint: disable=g-import-not-at-top
    return metadata.version(dist)
  except Exception:  # pylint: disable=broad-except
    return 'not installed'


# ------------------------------------------------------------ estimator ---


def estimator_available():
  """Returns True when the real tf.estimator API is present."""
  import tensorflow as tf  # pylint: disable=g-import-not-at-top
  estimator = getattr(tf, 'estimator', None)
  return estimator is not None and not _estimator_compat.is_standin(estimator)


def _install_estimator():
  """The real tensorflow-estimator on TF >= 2.16, or a stand-in (see module)."""
  patches, notes = _estimator_compat.install()
  _PATCHES.extend(p for p in patches if p not in _PATCHES)
  _NOTES.extend(n for n in notes if n not in _NOTES)


# -------------------------------------------------------------- inspect ---

ArgSpec = collections.namedtuple(
    'ArgSpec', ['args', 'varargs', 'keywords', 'defaults'])


def _getargspec(func):
  """Python < 3.11's inspect.getargspec, built on getfullargspec."""
  spec = _std_inspect.getfullargspec(func)
  return ArgSpec(spec.args, spec.varargs, spec.varkw, spec.defaults)


def _inspect_with_getargspec():
  module = types.ModuleType('inspect', _std_inspect.__doc__)
  module.__dict__.update(
      {k: v for k, v in vars(_std_inspect).items() if not k.startswith('__')})
  module.getargspec = _getargspec
  module.ArgSpec = ArgSpec
  return module


def _give_tfgan_getargspec():
  """Gives loaded TF-GAN modules an `inspect` that has getargspec."""
  if hasattr(_std_inspect, 'getargspec'):
    return
  replacement = None
  patched = []
  for name, module in list(sys.modules.items()):
    if not name.startswith('tensorflow_gan') or module is None:
      continue
    if getattr(module, 'inspect', None) is _std_inspect:
      replacement = replacement or _inspect_with_getargspec()
      module.inspect = replacement
      patched.append(name)
  if patched:
    _PATCHES.append('inspect.getargspec for %s (removed in Python 3.11).'
                    % ', '.join(sorted(patched)))


# ------------------------------------------------- distutils, pkg_resources ---


class _LooseVersion(object):
  """What TF-GAN, TFP and TF-Hub need of LooseVersion / parse_version: `<`."""

  def __init__(self, vstring):
    self.vstring = vstring
    self.version = _version_tuple(vstring)

  def __lt__(self, other):
    return self.version < _LooseVersion(str(other)).version

  def __str__(self):
    return self.vstring


def _missing(module_name):
  return module_name not in sys.modules and (
      importlib.util.find_spec(module_name) is None)


@contextlib.contextmanager
def _lend_version_modules():
  """Lends modules that import-time version checks need, only while importing.

  TF-GAN's and TFP 0.23's __init__ use `distutils.version.LooseVersion`
  (distutils was removed in Python 3.12); tensorflow_hub, which TF-GAN's eval
  imports, uses `pkg_resources.parse_version` (removed from setuptools 81, and
  absent where setuptools is not installed).

  Yields:
    Nothing; the lent modules are removed from sys.modules on exit.
  """
  lent = {}
  if _missing('distutils'):
    version = types.ModuleType('distutils.version')
    version.LooseVersion = _LooseVersion
    distutils = types.ModuleType('distutils')
    distutils.version = version
    lent.update({'distutils': distutils, 'distutils.version': version})
  if _missing('pkg_resources'):
    pkg_resources = types.ModuleType('pkg_resources')
    pkg_resources.parse_version = _LooseVersion
    lent['pkg_resources'] = pkg_resources
  for name in lent:
    message = ('%s lent while TensorFlow Probability / TF-GAN import (not '
               'installed here).' % name)
    if message not in _PATCHES:
      _PATCHES.append(message)
  sys.modules.update(lent)
  try:
    yield
  finally:
    for name, module in lent.items():
      if sys.modules.get(name) is module:
        del sys.modules[name]


def _import_tfgan():
  """Imports tensorflow_gan (after `prepare()`)."""
  with _lend_version_modules():
    return importlib.import_module('tensorflow_gan')


# -------------------------------------------------------------- install ---


def prepare():
  """Patches TensorFlow so that tensorflow_gan can be imported. Idempotent."""
  global _PREPARED
  if _PREPARED:
    return
  import tensorflow  # pylint: disable=g-import-not-at-top,unused-import
  if tf_version() >= (2, 16):  # TensorFlow reads the variable lazily.
    _legacy_keras_env()
  # TensorFlow Probability replaces the module object behind tf.compat.v1 when
  # it is first imported, so it must be imported before tf.compat.v1 is
  # patched. TF-GAN imports it anyway.
  with _lend_version_modules():
    import tensorflow_probability  # pylint: disable=g-import-not-at-top,unused-import
  _install_estimator()
  _PREPARED = True


def install():
  """Makes `import tensorflow_gan` and its training loop work. Idempotent.

  Returns:
    A CompatReport of the stack's versions and the patches applied.
  """
  global _INSTALLED
  if not _INSTALLED:
    prepare()
    _import_tfgan()
    _give_tfgan_getargspec()
    _INSTALLED = True
  return report(list_devices=False)


def report(list_devices=True):
  """Returns a CompatReport: the versions found and each patch applied.

  Args:
    list_devices: whether to add TensorFlow's logical devices to the notes.
      Listing them initializes TensorFlow's runtime, after which threading and
      device configuration (`tf.config.threading.*`,
      `tf.config.set_logical_device_configuration`, `set_visible_devices`,
      `set_memory_growth`) can no longer be changed; `install()` (run on
      import) therefore passes False.

  Returns:
    A CompatReport.
  """
  import tensorflow as tf  # pylint: disable=g-import-not-at-top
  versions = collections.OrderedDict([
      ('python', '%d.%d.%d' % sys.version_info[:3]),
      ('tensorflow', tf.__version__),
      ('tensorflow_probability', _dist_version('tensorflow-probability')),
      ('tensorflow_gan', _dist_version('tensorflow-gan')),
      ('tensorflow_estimator', _dist_version('tensorflow-estimator')),
      ('tf.keras', _keras_behind_tf_keras()),
      ('numpy', _dist_version('numpy')),
  ])
  notes = list(_NOTES)
  if list_devices:
    devices = [d.device_type + ':' + d.name.rsplit(':', 1)[-1]
               for d in tf.config.list_logical_devices()]
    notes.append('devices: ' + ', '.join(devices))
  return CompatReport(versions, tuple(_PATCHES), tuple(notes))


def describe(compat_report=None):
  """Returns `report()` as readable text."""
  compat_report = compat_report or report()
  lines = ['tfgan_ext compatibility report', 'versions:']
  lines += ['  %-24s %s' % kv for kv in compat_report.versions.items()]
  lines.append('patches applied:' if compat_report.patches else
               'patches applied: none (this stack needs none)')
  lines += ['  - ' + p for p in compat_report.patches]
  lines += ['note: ' + n for n in compat_report.notes]
  return '\n'.join(lines)
