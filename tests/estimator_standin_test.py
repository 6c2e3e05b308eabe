# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""tf.estimator without tensorflow-estimator: the stand-in on TF >= 2.16.

The stand-in forwards every name tensorflow-estimator 2.15 exported whose
object is TensorFlow's own (its table, `_TF_OWNED`, is checked here against
the wheel's API modules) and makes the estimators raise
EstimatorRemovedError. The modes without the extra run in fresh interpreters
where `tensorflow_estimator` cannot be imported: a None entry in sys.modules
(Python's own way to block an import; `find_spec` then returns None, as for
a package that is not installed).
"""

import importlib
import os
import subprocess
import sys
import textwrap
import types

import pytest

from tfgan_ext import _estimator_compat
from tfgan_ext import compat

__all__ = []

_MODERN = compat.tf_version() >= (2, 16)
_REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_BLOCK = 'import sys\nsys.modules["tensorflow_estimator"] = None\n'
_modern_only = pytest.mark.skipif(
    not _MODERN, reason='TensorFlow 2.15 has tf.estimator itself')


def _run(code, args=(), block=False, timeout=600):
  code = (_BLOCK if block else '') + textwrap.dedent(code)
  env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL='2', TFGAN_EXT_IMPORT_HOOK='1')
  env.pop('TF_USE_LEGACY_KERAS', None)
  proc = subprocess.run(
      [sys.executable, '-c', code] + list(args), cwd=_REPO,
      env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
      timeout=timeout, check=False)
  return proc.returncode, proc.stdout


def _public_api(module, prefix=''):
  """{relative name: object} and sub-namespaces of an estimator API module."""
  names, submodules = {}, []
  for name in dir(module):
    if name.startswith('_'):
      continue
    obj = getattr(module, name)
    if isinstance(obj, types.ModuleType):
      submodules.append(prefix + name)
      sub_names, sub_modules = _public_api(obj, prefix + name + '.')
      names.update(sub_names)
      submodules += sub_modules
    else:
      names[prefix + name] = obj
  return names, submodules


@pytest.mark.parametrize('api_name, module', [
    ('tf.estimator', 'tensorflow_estimator.python.estimator.api._v2.estimator'),
    ('tf.compat.v1.estimator',
     'tensorflow_estimator.python.estimator.api._v1.estimator'),
])
def test_forwarding_table_is_derived_from_tensorflow_estimator(api_name,
                                                               module):
  names, submodules = _public_api(importlib.import_module(module))
  tf_owned = {n for n, obj in names.items()
              if getattr(obj, '__module__', '').startswith('tensorflow.')}
  assert tf_owned == set(_estimator_compat._TF_OWNED)  # pylint: disable=protected-access
  for name in tf_owned:
    target = _estimator_compat._TF_OWNED[name]  # pylint: disable=protected-access
    assert _estimator_compat._resolve(target) is names[name], name  # pylint: disable=protected-access
  assert sorted(submodules) == sorted(_estimator_compat._SUBMODULES[api_name])  # pylint: disable=protected-access
  assert len(names) > 50  # the whole API was walked (83 and 151 names)


@_modern_only
def test_standin_forwards_tensorflow_names_and_rejects_estimators():
  code, out = _run('''
      import tensorflow as tf
      import tensorflow_gan as tfgan
      import tfgan_ext
      from tfgan_ext import _estimator_compat as ec
      compat = tfgan_ext.compat
      assert not compat.estimator_available()
      assert any('tensorflow-estimator is not installed' in n
                 for n in compat.report().notes), compat.report().notes
      assert tf.compat.v2.estimator is tf.estimator
      for api in (tf.estimator, tf.compat.v1.estimator):
        for name, target in ec._TF_OWNED.items():
          obj = api
          for part in name.split('.'):
            obj = getattr(obj, part)
          assert obj is ec._resolve(target), name
      assert tf.estimator.StopAtStepHook is tf.compat.v1.train.StopAtStepHook
      assert tf.estimator.ModeKeys.PREDICT == 'infer'
      assert tf.compat.v1.estimator.tpu.experimental is not None

      def raises(make, what):
        try:
          make()
        except compat.EstimatorRemovedError as e:
          message = str(e)
          assert what in message, message
          assert 'pip install tfgan_ext[estimator]' in message, message
          assert 'tfgan.gan_train' in message, message
          return message
        raise AssertionError('no error from ' + what)

      for name in ('GANEstimator', 'StarGANEstimator', 'TPUGANEstimator'):
        raises(lambda: getattr(tfgan.estimator, name)(generator_fn=None),
               'tfgan.estimator.' + name)
      raises(lambda: tfgan.estimator.get_latent_gan_estimator(
          generator_fn=None, discriminator_fn=None, loss_fn=None,
          optimizer=None, params={}, config=None, ckpt_dir='/nonexistent'),
          'removed in TensorFlow 2.16')
      raises(tf.estimator.RunConfig, 'tf.estimator.RunConfig')
      raises(tf.estimator.export.ServingInputReceiver,
             'tf.estimator.export.ServingInputReceiver')
      raises(tf.compat.v1.estimator.tpu.TPUEstimator,
             'tf.compat.v1.estimator.tpu.TPUEstimator')
      class MyEstimator(tf.estimator.Estimator):
        pass
      raises(MyEstimator, 'MyEstimator')
      assert tf.estimator.Estimator is tf.estimator.Estimator
      try:
        tf.estimator.__wrapped__
        raise AssertionError('dunder names must raise AttributeError')
      except AttributeError:
        pass

      # What cyclegan's and progressive_gan's trainers do: gan_train with the
      # session hooks taken from tf.estimator.
      import tempfile
      tf.compat.v1.disable_eager_execution()
      model = tfgan.gan_model(
          lambda z: tf.compat.v1.layers.dense(z, 2),
          lambda x, _: tf.compat.v1.layers.dense(x, 1),
          real_data=tf.random.normal([8, 2]),
          generator_inputs=tf.random.normal([8, 3]))
      loss = tfgan.gan_loss(model, **tfgan_ext.losses.get('hinge')._asdict())
      watched = tf.identity(loss.generator_loss, name='watched_g_loss')
      tf.compat.v1.logging.set_verbosity(tf.compat.v1.logging.INFO)
      ops = tfgan.gan_train_ops(model, loss,
                                tf.compat.v1.train.AdamOptimizer(1e-3),
                                tf.compat.v1.train.AdamOptimizer(1e-3))
      steps = tfgan.gan_train(ops, tempfile.mkdtemp(), hooks=[
          tf.estimator.StopAtStepHook(num_steps=3),
          tf.estimator.LoggingTensorHook([watched], every_n_iter=1),
          tf.estimator.NanTensorHook(loss.discriminator_loss)],
          save_checkpoint_secs=None, save_summaries_steps=None)
      print('TRAINED', steps)
  ''', block=True)
  assert code == 0, out
  assert 'TRAINED 3' in out, out
  # LoggingTensorHook logged the watched tensor at each of the 3 steps.
  logged = 'Tensor("watched_g_loss:0", shape=(), dtype=float32) = '
  assert out.count(logged) == 3, out


@_modern_only
def test_broken_tensorflow_estimator_falls_back_to_the_standin_and_says_why():
  code, out = _run('''
      import importlib.abc, importlib.machinery, sys

      class Broken(importlib.abc.MetaPathFinder, importlib.abc.Loader):
        def find_spec(self, name, path=None, target=None):
          if name == 'tensorflow_estimator':
            return importlib.machinery.ModuleSpec(name, self)
        def create_module(self, spec):
          return None
        def exec_module(self, module):
          raise ImportError('simulated breakage')

      sys.meta_path.insert(0, Broken())
      import tensorflow_gan as tfgan
      import tfgan_ext
      notes = tfgan_ext.compat.report().notes
      assert any('did not import (ImportError: simulated breakage)' in n
                 for n in notes), notes
      try:
        tfgan.estimator.GANEstimator()
      except tfgan_ext.compat.EstimatorRemovedError as e:
        print('ERROR', e)
  ''')
  assert code == 0, out
  assert ('tensorflow-estimator is installed but did not import: ImportError: '
          'simulated breakage') in out, out


@_modern_only
def test_upstream_gan_train_examples_pass_without_the_extra():
  # Upstream's cyclegan and progressive_gan trainers pass
  # tf.estimator.StopAtStepHook / LoggingTensorHook to tfgan.gan_train.
  import tensorflow_gan  # pylint: disable=g-import-not-at-top
  examples = os.path.join(os.path.dirname(tensorflow_gan.__file__), 'examples')
  paths = [os.path.join(examples, 'cyclegan', 'train_test.py'),
           os.path.join(examples, 'progressive_gan', 'train_test.py')]
  code, out = _run('''
      import pytest
      sys.exit(pytest.main(['-q', '-p', 'no:cacheprovider', '-p',
                            'tests.upstream_plugin', '--rootdir', '.', '-c',
                            '/dev/null'] + sys.argv[1:]))
  ''', args=paths, block=True)
  assert code == 0, out
  summary = out.strip().splitlines()[-1]
  assert ' passed' in summary and 'failed' not in summary, out
