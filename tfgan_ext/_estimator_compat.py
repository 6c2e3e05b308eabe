# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""tf.estimator on TensorFlow >= 2.16: the real tensorflow-estimator, or a stand-in.

Part of ``tfgan_ext.compat`` (the package's only import boundary), kept in its
own module because it is the largest patch; only ``compat`` imports it.

TensorFlow 2.16 removed ``tf.estimator``. Two cases:

1. tensorflow-estimator 2.15 (the last release, pure Python;
   ``pip install tfgan_ext[estimator]``) is installed. It imports on
   TensorFlow 2.16+ once a few internals it expects are back, each restored
   only where missing:

   - the ``estimator`` API name in ``tensorflow.python.util.tf_export``, used
     by its ``estimator_export`` decorator;
   - ``tensorflow.python.distribute.estimator_training``, TensorFlow's glue
     between RunConfig / train_and_evaluate and the distribute coordinator.
     The coordinator itself is gone, so the stand-in does what TensorFlow
     2.15's module did for local and in-graph training (no strategy, or e.g.
     MirroredStrategy on one machine) and raises
     :class:`EstimatorRemovedError` for multi-worker training;
   - ``tensorflow.python.tpu.tpu_embedding``, ``session_support`` and
     ``tpu_embedding_gradient``, used by TPUEstimator only when it runs on a
     TPU (``use_tpu=True``) or with TPU embeddings: stand-ins whose every
     name raises :class:`EstimatorRemovedError` when used.

   ``tf.estimator``, ``tf.compat.v1.estimator`` (with ``.tpu``) and
   ``tf.compat.v2.estimator`` then point at its API modules, as on TF 2.15.
2. It is not installed. ``tf.estimator`` and ``tf.compat.v1.estimator`` are
   stand-ins: every name that tensorflow-estimator 2.15 exported but that is
   TensorFlow's own object (the session hooks, ``ModeKeys``, the export
   outputs; see ``_TF_OWNED``) is forwarded to TensorFlow; the estimator
   classes raise :class:`EstimatorRemovedError` when used.
"""

import importlib
import importlib.util
import sys
import types

__all__ = ['EstimatorRemovedError', 'install', 'is_standin']


class EstimatorRemovedError(RuntimeError):
  """Raised when a part of tf.estimator that this TensorFlow lacks is used."""


# Every name of tensorflow-estimator 2.15's `tf.estimator` and
# `tf.compat.v1.estimator` API (the same set for both) whose object is defined
# in TensorFlow itself, not in tensorflow_estimator, and where TensorFlow
# 2.16+ still has it. Derived from the wheel, not by hand:
# tests/estimator_api_test.py rebuilds this table from tensorflow-estimator's
# API modules and checks each entry resolves to the very object the estimator
# exports. Values: a public TensorFlow path ('tf.' ...) or 'module:attribute'.
_TF_OWNED = {
    'CheckpointSaverHook': 'tf.compat.v1.train.CheckpointSaverHook',
    'CheckpointSaverListener': 'tf.compat.v1.train.CheckpointSaverListener',
    'FeedFnHook': 'tf.compat.v1.train.FeedFnHook',
    'FinalOpsHook': 'tf.compat.v1.train.FinalOpsHook',
    'GlobalStepWaiterHook': 'tf.compat.v1.train.GlobalStepWaiterHook',
    'LoggingTensorHook': 'tf.compat.v1.train.LoggingTensorHook',
    'NanLossDuringTrainingError':
        'tf.compat.v1.train.NanLossDuringTrainingError',
    'NanTensorHook': 'tf.compat.v1.train.NanTensorHook',
    'ProfilerHook': 'tf.compat.v1.train.ProfilerHook',
    'SecondOrStepTimer': 'tf.compat.v1.train.SecondOrStepTimer',
    'SessionRunArgs': 'tf.compat.v1.train.SessionRunArgs',
    'SessionRunContext': 'tf.compat.v1.train.SessionRunContext',
    'SessionRunHook': 'tf.compat.v1.train.SessionRunHook',
    'SessionRunValues': 'tf.compat.v1.train.SessionRunValues',
    'StepCounterHook': 'tf.compat.v1.train.StepCounterHook',
    'StopAtStepHook': 'tf.compat.v1.train.StopAtStepHook',
    'SummarySaverHook': 'tf.compat.v1.train.SummarySaverHook',
    'VocabInfo': 'tf.compat.v1.train.VocabInfo',
    'ModeKeys':
        'tensorflow.python.saved_model.model_utils.mode_keys:EstimatorModeKeys',
    'export.ClassificationOutput':
        'tensorflow.python.saved_model.model_utils.export_output:'
        'ClassificationOutput',
    'export.EvalOutput':
        'tensorflow.python.saved_model.model_utils.export_output:EvalOutput',
    'export.ExportOutput':
        'tensorflow.python.saved_model.model_utils.export_output:ExportOutput',
    'export.PredictOutput':
        'tensorflow.python.saved_model.model_utils.export_output:PredictOutput',
    'export.RegressionOutput':
        'tensorflow.python.saved_model.model_utils.export_output:'
        'RegressionOutput',
}

# Sub-namespaces of tensorflow-estimator 2.15's API (also tested).
_SUBMODULES = {
    'tf.estimator': ('experimental', 'export'),
    'tf.compat.v1.estimator': ('experimental', 'export', 'inputs', 'tpu',
                               'tpu.experimental'),
}

_REMOVED_HELP = (
    '{what} cannot be used: tf.estimator was removed in TensorFlow 2.16 (this '
    'is TensorFlow {tf}). {why}Install the real one with pip install '
    'tfgan_ext[estimator] (tensorflow-estimator 2.15, which tfgan_ext makes '
    'work on this TensorFlow), or train with tfgan.gan_model -> tfgan.gan_loss '
    '-> tfgan.gan_train_ops -> tfgan.gan_train instead.')

_DISTRIBUTE_HELP = (
    '{what} cannot be used: multi-worker Estimator training ran through '
    "TensorFlow's distribute coordinator, removed in TensorFlow 2.16 (this is "
    'TensorFlow {tf}). Local training works, also with a single-machine '
    'train_distribute such as tf.distribute.MirroredStrategy (unset TF_CONFIG '
    "or drop its 'cluster'). For several workers use "
    'tf.distribute.MultiWorkerMirroredStrategy with Keras Model.fit or a '
    'custom training loop, or TensorFlow 2.15.')

_TPU_HELP = (
    '{what} cannot be used: TensorFlow {tf} no longer has this TPU module '
    '(removed after 2.15), which TPUEstimator needs on a TPU (use_tpu=True) '
    'and for TPU embeddings. TPUEstimator and TPUGANEstimator still run with '
    'use_tpu=False on CPU or GPU; on a TPU use tf.distribute.TPUStrategy '
    '(and tf.tpu.experimental.embedding.TPUEmbedding).')

# Why tensorflow-estimator did not import, if it did not (for the messages).
_STATE = {'import_error': None}


def _tf():
  import tensorflow as tf  # pylint: disable=g-import-not-at-top
  return tf


def _error(template, what, why=''):
  return EstimatorRemovedError(
      template.format(what=what, tf=_tf().__version__, why=why))


def _resolve(target):
  """Returns the object at a 'tf.a.b' path or a 'module:attribute' location."""
  if ':' in target:
    module, attr = target.split(':')
    return getattr(importlib.import_module(module), attr)
  obj = _tf()
  for part in target.split('.')[1:]:
    obj = getattr(obj, part)
  return obj


# ------------------------------------------------------------- stand-ins ---


class _Unavailable(object):
  """Base of every placeholder class: creating an instance raises."""

  _removed_name = None
  _help = _REMOVED_HELP

  def __new__(cls, *args, **kwargs):
    del args, kwargs
    if cls.__dict__.get('_removed_name') is not None:
      what = cls._removed_name
    elif cls.__module__.startswith('tensorflow_gan.python.estimator'):
      what = 'tfgan.estimator.' + cls.__qualname__
    else:  # A user's own subclass.
      what = '%s.%s' % (cls.__module__, cls.__qualname__)
    why = ''
    if cls._help is _REMOVED_HELP and _STATE['import_error']:
      why = ('tensorflow-estimator is installed but did not import: %s. '
             % _STATE['import_error'])
    raise _error(cls._help, what, why)


class _PlaceholderModule(types.ModuleType):
  """A module whose unknown public names are placeholders that raise on use.

  Known names are set as attributes; names listed in `forwarded` resolve, on
  first access, to TensorFlow's own object.
  """

  def __init__(self, name, doc, help_text=_REMOVED_HELP, forwarded=None):
    super(_PlaceholderModule, self).__init__(name, doc)
    self._tfgan_ext_help = help_text
    self._tfgan_ext_forwarded = dict(forwarded or {})

  def __getattr__(self, attr):
    if attr.startswith('__') or attr.startswith('_tfgan_ext'):
      raise AttributeError(attr)
    target = self._tfgan_ext_forwarded.get(attr)
    if target is not None:
      value = _resolve(target)
    else:
      value = type(attr, (_Unavailable,), {
          '_removed_name': '%s.%s' % (self.__name__, attr),
          '_help': self._tfgan_ext_help,
          '__module__': self.__name__,
      })
    setattr(self, attr, value)  # Same object on every access.
    return value


def _standin(api_name):
  """Builds the stand-in for `tf.estimator` or `tf.compat.v1.estimator`."""
  doc = ('Stand-in installed by tfgan_ext.compat: %s was removed in '
         'TensorFlow 2.16. Names that are TensorFlow\'s own objects (session '
         'hooks, ModeKeys, export outputs) work; estimators raise '
         'EstimatorRemovedError (pip install tfgan_ext[estimator] for the '
         'real one).' % api_name)
  modules = {'': _PlaceholderModule(api_name, doc)}
  for sub in _SUBMODULES[api_name]:
    modules[sub] = _PlaceholderModule(api_name + '.' + sub, doc)
    parent, _, leaf = sub.rpartition('.')
    setattr(modules[parent], leaf, modules[sub])
  for name, target in _TF_OWNED.items():
    sub, _, leaf = name.rpartition('.')
    modules[sub]._tfgan_ext_forwarded[leaf] = target  # pylint: disable=protected-access
  return modules['']


def is_standin(module):
  """Returns True when `module` is one of this module's stand-ins."""
  return isinstance(module, _PlaceholderModule)


# ----------------------------------------------- the real estimator, 2.16+ ---


def _restore_estimator_api_name():
  """Gives tf_export back the `estimator` API name (removed in TF 2.16)."""
  from tensorflow.python.util import tf_export  # pylint: disable=g-import-not-at-top
  if ('estimator' in tf_export.API_ATTRS and
      hasattr(tf_export, 'ESTIMATOR_API_NAME')):
    return None
  attributes = type(tf_export.API_ATTRS[tf_export.TENSORFLOW_API_NAME])
  tf_export.ESTIMATOR_API_NAME = 'estimator'
  tf_export.API_ATTRS.setdefault('estimator', attributes(
      '_estimator_api_names', '_estimator_api_constants'))
  tf_export.API_ATTRS_V1.setdefault('estimator', attributes(
      '_estimator_api_names_v1', '_estimator_api_constants_v1'))
  return ("tensorflow.python.util.tf_export: the 'estimator' API name "
          "(removed in TF 2.16), for tensorflow-estimator's estimator_export.")


def _init_run_config(config, tf_config):
  """RunConfig set-up with a distribution strategy (local and in-graph only).

  Does what TensorFlow 2.15's `estimator_training.init_run_config` did when
  the distribute coordinator was not involved; the coordinator's cases
  (a TF_CONFIG cluster without a `master` job, or a remote cluster) raise.

  Args:
    config: the `RunConfig` being built.
    tf_config: the parsed TF_CONFIG environment variable (a dict).

  Raises:
    ValueError: when a strategy is given both directly and through
      `experimental_distribute`.
    EstimatorRemovedError: for multi-worker training.
  """
  # pylint: disable=protected-access
  experimental = config._experimental_distribute
  for field in ('train_distribute', 'eval_distribute'):
    strategy = getattr(experimental, field, None)
    if strategy is not None:
      if getattr(config, '_' + field):
        raise ValueError('Either `%s` or `experimental_distribute.%s` can be '
                         'set, not both.' % (field, field))
      setattr(config, '_' + field, strategy)
  cluster = (tf_config or {}).get('cluster') or {}
  remote = getattr(experimental, 'remote_cluster', None)
  if config._train_distribute and (remote or (
      cluster and 'master' not in cluster)):
    raise _error(_DISTRIBUTE_HELP, 'tf.estimator.RunConfig(train_distribute=%s)'
                 ' with a cluster' % type(config._train_distribute).__name__)
  config._distribute_coordinator_mode = None
  config._init_distributed_setting_from_environment_var(tf_config or {})
  config._maybe_overwrite_session_config_for_distributed_training()


def _should_run_distribute_coordinator(config):
  """False: the coordinator is gone (multi-worker configs raise earlier)."""
  return bool(getattr(config, '_distribute_coordinator_mode', None))


def _coordinator_only(name):
  def removed(*args, **kwargs):
    del args, kwargs
    raise _error(_DISTRIBUTE_HELP, name)
  removed.__name__ = name.rsplit('.', 1)[-1]
  removed.__doc__ = 'Raises EstimatorRemovedError (needs the coordinator).'
  return removed


def _estimator_training_module():
  name = 'tensorflow.python.distribute.estimator_training'
  module = types.ModuleType(name, 'Stand-in installed by tfgan_ext.compat for '
                            "TensorFlow 2.15's module of the same name.")
  module.init_run_config = _init_run_config
  module.should_run_distribute_coordinator = _should_run_distribute_coordinator
  for fn in ('train_and_evaluate', 'estimator_train', 'estimator_evaluate'):
    setattr(module, fn, _coordinator_only('tf.estimator (%s)' % fn))
  return module


def _add_missing_module(name, build):
  """Registers `build()` as module `name` (and its parent's attribute)."""
  if name in sys.modules or importlib.util.find_spec(name) is not None:
    return None
  module = build()
  parent, _, leaf = name.rpartition('.')
  sys.modules[name] = module
  setattr(importlib.import_module(parent), leaf, module)
  return name


def _tpu_module(name):
  return lambda: _PlaceholderModule(
      name, 'Stand-in installed by tfgan_ext.compat: %s was removed from '
      'TensorFlow; every name raises EstimatorRemovedError when used.' % name,
      help_text=_TPU_HELP)


def _restore_removed_modules(patches):
  """Adds the TensorFlow modules tensorflow-estimator imports, where missing."""
  if _add_missing_module('tensorflow.python.distribute.estimator_training',
                         _estimator_training_module):
    patches.append('tensorflow.python.distribute.estimator_training: stand-in '
                   'module (local RunConfig and train_and_evaluate; '
                   'multi-worker raises EstimatorRemovedError).')
  for leaf in ('tpu_embedding', 'session_support', 'tpu_embedding_gradient'):
    name = 'tensorflow.python.tpu.' + leaf
    if _add_missing_module(name, _tpu_module(name)):
      patches.append('%s: stand-in module (TPU only; raises '
                     'EstimatorRemovedError when used).' % name)


def _import_real_estimator(patches):
  """Patches TensorFlow, then imports tensorflow-estimator's v2 and v1 APIs.

  Args:
    patches: list to which each patch applied is appended (also when the
      import fails afterwards).

  Returns:
    (v2 API module, v1 API module).
  """
  patch = _restore_estimator_api_name()
  if patch:
    patches.append(patch)
  _restore_removed_modules(patches)
  api = 'tensorflow_estimator.python.estimator.api.'
  return (importlib.import_module(api + '_v2.estimator'),
          importlib.import_module(api + '_v1.estimator'))


# --------------------------------------------------------------- install ---


def install():
  """Makes tf.estimator usable or explains its absence. Idempotent.

  Call after tensorflow_probability is imported (it replaces the module object
  behind tf.compat.v1).

  Returns:
    (patches, notes): lists of one-line descriptions.
  """
  tf = _tf()
  v1, v2 = tf.compat.v1, tf.compat.v2
  if all(hasattr(m, 'estimator') for m in (tf, v1, v2)):
    return [], []
  patches, notes = [], []
  real = None
  if importlib.util.find_spec('tensorflow_estimator') is not None:
    try:
      real = _import_real_estimator(patches)
    except Exception as e:  # pylint: disable=broad-except
      _STATE['import_error'] = '%s: %s' % (type(e).__name__, e)
      notes.append('tensorflow-estimator did not import (%s); tf.estimator '
                   'is a stand-in.' % _STATE['import_error'])
  else:
    notes.append('tensorflow-estimator is not installed: tf.estimator is a '
                 'stand-in (pip install tfgan_ext[estimator] for the real '
                 'one).')
  if real:
    api_v2, api_v1 = real
    done = "tensorflow-estimator's real API"
  else:
    api_v2 = _standin('tf.estimator')
    api_v1 = _standin('tf.compat.v1.estimator')
    done = ('stand-in (TensorFlow\'s own hooks, ModeKeys and export outputs '
            'forwarded; estimators raise EstimatorRemovedError)')
  for module, name, api in ((tf, 'tf', api_v2), (v2, 'tf.compat.v2', api_v2),
                            (v1, 'tf.compat.v1', api_v1)):
    if not hasattr(module, 'estimator'):
      module.estimator = api
      patches.append('%s.estimator: %s.' % (name, done))
  return patches, notes

