# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Tests of tfgan_ext.compat: import orders, idempotence, report, patches.

Import-order tests run in fresh interpreters (this process has long imported
everything), with the import hook on or off as each test says.
"""

import inspect
import os
import subprocess
import sys
import textwrap

import pytest
import tensorflow as tf

import tfgan_ext
from tfgan_ext import compat

_MODERN = compat.tf_version() >= (2, 16)
_REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# A complete TF-GAN training loop, written as existing user code would be.
_TRAIN_LOOP = '''
import tempfile
tf.compat.v1.disable_eager_execution()
def generator_fn(z):
  return tf.compat.v1.layers.dense(z, 2)
def discriminator_fn(x, unused_conditioning):
  return tf.compat.v1.layers.dense(x, 1)
model = tfgan.gan_model(generator_fn, discriminator_fn,
                        real_data=tf.random.normal([8, 2]),
                        generator_inputs=tf.random.normal([8, 3]))
loss = tfgan.gan_loss(model)
train_ops = tfgan.gan_train_ops(model, loss,
                                tf.compat.v1.train.AdamOptimizer(1e-3),
                                tf.compat.v1.train.AdamOptimizer(1e-3))
steps = tfgan.gan_train(
    train_ops, tempfile.mkdtemp(),
    hooks=[tf.compat.v1.train.StopAtStepHook(num_steps=3)],
    save_checkpoint_secs=None, save_summaries_steps=None)
print('TRAINED', steps)
'''


def _run(code, hook=True, env=None):
  """Runs `code` in a fresh interpreter; returns (returncode, stdout+stderr)."""
  full_env = dict(os.environ)
  full_env.pop('TF_USE_LEGACY_KERAS', None)
  full_env['TFGAN_EXT_IMPORT_HOOK'] = '1' if hook else '0'
  full_env['TF_CPP_MIN_LOG_LEVEL'] = '2'
  full_env.update(env or {})
  proc = subprocess.run(
      [sys.executable, '-c', textwrap.dedent(code)], cwd=_REPO, env=full_env,
      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
      timeout=300, check=False)
  return proc.returncode, proc.stdout


def _hook_installed():
  """True when the .pth that registers the import hook is in site-packages."""
  return any(
      os.path.exists(os.path.join(p, 'tfgan_ext_import_hook.pth'))
      for p in sys.path if os.path.isdir(p))


# ----------------------------------------------------------- import orders ---


@pytest.mark.parametrize('imports', [
    'import tfgan_ext\nimport tensorflow as tf\nimport tensorflow_gan as tfgan',
    'import tensorflow as tf\nimport tfgan_ext\nimport tensorflow_gan as tfgan',
    ('import tensorflow as tf\nimport tensorflow_probability\n'
     'import tfgan_ext\nimport tensorflow_gan as tfgan'),
    ('import tfgan_ext\nimport tensorflow as tf\nimport tensorflow_gan as tfgan'
     '\nimport tensorflow_probability'),
    # tf_keras (and TF-2-era code) executes tensorflow.compat.v2 before
    # tfgan_ext sets TF_USE_LEGACY_KERAS; TFP's import then failed with
    # "No module named 'tensorflow.compat.v2.keras'".
    'import tf_keras\nimport tfgan_ext\nimport tensorflow_gan as tfgan',
    ('import tensorflow.compat.v2 as tf2\nimport tfgan_ext\n'
     'import tensorflow_gan as tfgan'),
], ids=['tfgan_ext_first', 'tf_first', 'tf_and_tfp_first', 'tfp_last',
        'tf_keras_first', 'tf_compat_v2_first'])
def test_training_loop_works_in_any_import_order(imports):
  code, out = _run(imports + '\n' + _KERAS_AGREES + _TRAIN_LOOP, hook=False)
  assert code == 0, out
  assert 'TRAINED 3' in out


# tf.keras, `from tensorflow.compat.v2.keras import ...` and tf.compat.v1's
# keras are the same Keras (tf-keras on TF >= 2.16, as compat sets it).
_KERAS_AGREES = '''
import tensorflow as tf
from tensorflow.compat.v1.keras import layers as v1_layers
from tensorflow.compat.v2.keras import layers as v2_layers
modules = {tf.keras.layers.Dense.__module__.split('.')[0],
           v1_layers.Dense.__module__.split('.')[0],
           v2_layers.Dense.__module__.split('.')[0]}
assert len(modules) == 1, modules
'''


@pytest.mark.skipif(not _hook_installed(), reason='tfgan_ext is not installed '
                    'with its .pth file (pip install . or -e .)')
def test_import_hook_runs_unchanged_tfgan_code():
  code, out = _run('import tensorflow as tf\nimport tensorflow_gan as tfgan\n'
                   'import sys\nassert "tfgan_ext" in sys.modules\n'
                   + _TRAIN_LOOP, hook=True)
  assert code == 0, out
  assert 'TRAINED 3' in out


@pytest.mark.skipif(not _hook_installed(), reason='no .pth installed')
def test_import_hook_keeps_tfgan_module_and_spec_intact():
  code, out = _run('''
      import importlib.machinery, sys
      import tensorflow_gan as tfgan
      assert sys.modules['tensorflow_gan'] is tfgan
      assert isinstance(tfgan.__spec__.loader,
                        importlib.machinery.SourceFileLoader), tfgan.__spec__
      assert tfgan.__spec__.name == 'tensorflow_gan'
      import tfgan_ext_import_hook
      assert not any(isinstance(f, tfgan_ext_import_hook.TfganExtFinder)
                     for f in sys.meta_path)
      print('OK', tfgan.gan_loss.__name__)
  ''')
  assert code == 0, out
  assert 'OK gan_loss' in out


@pytest.mark.skipif(not _MODERN, reason='TF-GAN imports by itself on TF 2.15')
def test_without_hook_or_import_tfgan_fails_as_upstream_does():
  # This is the breakage tfgan_ext exists for (FACTS.md; tensorflow/gan#55).
  code, out = _run('import tensorflow_gan', hook=False)
  assert code != 0
  assert "has no attribute 'estimator'" in out


def test_hook_switch_reads_environment(monkeypatch):
  import tfgan_ext_import_hook  # pylint: disable=g-import-not-at-top
  for value, expected in [('0', False), ('off', False), ('false', False),
                          ('1', True), ('', True)]:
    monkeypatch.setenv('TFGAN_EXT_IMPORT_HOOK', value)
    assert tfgan_ext_import_hook.enabled() is expected, value


def test_register_is_a_no_op_once_tfgan_is_imported():
  import tfgan_ext_import_hook  # pylint: disable=g-import-not-at-top
  tfgan_ext_import_hook.register()  # tensorflow_gan is imported in this process
  assert not any(isinstance(f, tfgan_ext_import_hook.TfganExtFinder)
                 for f in sys.meta_path)


# ------------------------------------------------------------- idempotence ---


def test_install_is_idempotent():
  estimator_before = tf.estimator
  first = compat.install()
  compat.prepare()
  second = compat.install()
  assert first.patches == second.patches
  assert len(set(first.patches)) == len(first.patches)
  assert tf.estimator is estimator_before  # not replaced by a second install


def test_reimport_in_fresh_process_applies_each_patch_once():
  code, out = _run('''
      import importlib, tfgan_ext
      before = tfgan_ext.compat.report().patches
      importlib.reload(tfgan_ext)
      tfgan_ext.compat.install()
      after = tfgan_ext.compat.report().patches
      assert before == after, (before, after)
      print('PATCHES', len(after))
  ''', hook=False)
  assert code == 0, out
  assert 'PATCHES' in out


def test_report_names_versions_and_patches():
  rep = compat.report()
  assert rep.versions['tensorflow'] == tf.__version__
  assert rep.versions['python'] == '%d.%d.%d' % sys.version_info[:3]
  for key in ('tensorflow_probability', 'tensorflow_gan', 'tf.keras', 'numpy'):
    assert rep.versions[key]
  if _MODERN:
    assert any('tf.estimator' in p for p in rep.patches)
  if sys.version_info >= (3, 11):
    assert any('getargspec' in p for p in rep.patches)
  text = compat.describe(rep)
  assert 'tensorflow' in text and tf.__version__ in text


def test_python_dash_m_prints_the_report():
  code, out = _run('import runpy; runpy.run_module("tfgan_ext", '
                   'run_name="__main__")', hook=False)
  assert code == 0, out
  assert 'tfgan_ext compatibility report' in out
  assert tfgan_ext.__version__ in out
  assert 'note: devices: CPU:0' in out  # listed when asked


def test_version_matches_installed_metadata():
  from importlib import metadata  # pylint: disable=g-import-not-at-top
  assert metadata.version('tfgan_ext') == tfgan_ext.__version__


# ------------------------------------------------------------- estimators ---


# The stand-in (no tensorflow-estimator): tests/estimator_standin_test.py.
# The real tf.estimator on every stack: tests/estimator_test.py.


@pytest.mark.skipif(_MODERN, reason='only TF 2.15 has tf.estimator')
def test_real_estimator_left_alone_on_tf_215():
  assert compat.estimator_available()
  assert not any('tf.estimator' in p for p in compat.report().patches)


# ------------------------------------------------------ getargspec, keras ---


def test_tfgan_train_gets_getargspec_and_stdlib_is_untouched():
  from tensorflow_gan.python import train  # pylint: disable=g-import-not-at-top
  spec = train.inspect.getargspec(lambda a, b=1, *c, **d: None)
  assert spec.args == ['a', 'b'] and spec.varargs == 'c'
  assert spec.keywords == 'd' and spec.defaults == (1,)
  if sys.version_info >= (3, 11):
    assert not hasattr(inspect, 'getargspec')


def test_loose_version_stand_in_compares_like_distutils():
  # Orderings that tensorflow_gan/__init__ and tensorflow_hub rely on.
  lv = compat._LooseVersion  # pylint: disable=protected-access
  assert lv('1.14.0') < lv('2.21.0')
  assert lv('0.7') < lv('0.25.0')
  assert not lv('2.21.0') < lv('1.15.0')
  assert lv('2.9.1') < lv('2.15.0')  # numeric, not lexicographic


def test_version_modules_are_lent_only_while_importing():
  code, out = _run('''
      import importlib.util, sys
      import tfgan_ext
      from tfgan_ext import compat
      missing = [m for m in ('distutils', 'pkg_resources')
                 if importlib.util.find_spec(m) is None]
      with compat._lend_version_modules():
        from distutils.version import LooseVersion
        from pkg_resources import parse_version
        assert parse_version('2.15.1') < parse_version('2.16')
        assert LooseVersion('1.14.0') < LooseVersion('2.0')
      for m in missing:
        assert m not in sys.modules, m
      print('LENT', missing)
  ''', hook=False)
  assert code == 0, out
  assert 'LENT' in out


@pytest.mark.skipif(sys.version_info < (3, 12),
                    reason='Python < 3.12 still has distutils in its stdlib')
def test_tfgan_imports_on_a_python_without_distutils():
  # setuptools, where installed, provides a distutils shim; 'stdlib' turns it
  # off, so on Python >= 3.12 there is no distutils at all, as for a user
  # without setuptools.
  code, out = _run('''
      import importlib.util
      assert importlib.util.find_spec('distutils') is None
      import tfgan_ext
      import tensorflow_gan as tfgan
      patches = tfgan_ext.compat.report().patches
      assert any(p.startswith('distutils lent') for p in patches), patches
      assert importlib.util.find_spec('distutils') is None  # given back
      print('IMPORTED', tfgan.gan_loss.__name__)
  ''', hook=False, env={'SETUPTOOLS_USE_DISTUTILS': 'stdlib'})
  assert code == 0, out
  assert 'IMPORTED gan_loss' in out


def test_legacy_keras_is_switched_on_when_tf_keras_is_installed():
  code, out = _run('''
      import os, tfgan_ext, tensorflow as tf
      print('ENV', os.environ.get('TF_USE_LEGACY_KERAS'))
      print('KERAS', tfgan_ext.compat.report().versions['tf.keras'])
      tf.compat.v1.layers.Dense(3)
      tfgan_ext.compat.require_legacy_keras()
  ''', hook=False)
  assert code == 0, out
  if _MODERN:
    assert 'ENV 1' in out
    assert 'KERAS keras 2 (tf_keras' in out
  else:
    assert 'KERAS keras 2 (built into tensorflow)' in out


@pytest.mark.skipif(not _MODERN, reason='Keras 3 exists from TF 2.16')
def test_user_choice_of_keras_3_is_respected_and_explained():
  code, out = _run('''
      import os, tfgan_ext
      assert os.environ['TF_USE_LEGACY_KERAS'] == '0'
      rep = tfgan_ext.compat.report()
      assert any('TF_USE_LEGACY_KERAS=0' in n for n in rep.notes), rep.notes
      assert rep.versions['tf.keras'].startswith('keras 3')
      try:
        tfgan_ext.compat.require_legacy_keras()
      except tfgan_ext.compat.LegacyKerasUnavailableError as e:
        print('ERROR', e)
  ''', hook=False, env={'TF_USE_LEGACY_KERAS': '0'})
  assert code == 0, out
  assert 'ERROR TF-1-style layers (tf.compat.v1.layers) need Keras 2' in out
  assert 'pip install "tf-keras~=' in out


# --------------------------------------------------------------- packaging ---


def test_wheel_ships_the_import_hook(tmp_path):
  proc = subprocess.run(
      [sys.executable, '-m', 'pip', 'wheel', '--no-deps', '--no-build-isolation',
       '-q', '-w', str(tmp_path), _REPO],
      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300,
      check=False)
  assert proc.returncode == 0, proc.stdout
  import zipfile  # pylint: disable=g-import-not-at-top
  (wheel,) = tmp_path.glob('tfgan_ext-*.whl')
  names = zipfile.ZipFile(wheel).namelist()
  assert 'tfgan_ext_import_hook.pth' in names
  assert 'tfgan_ext_import_hook.py' in names
  assert 'tfgan_ext/compat.py' in names
  assert 'tfgan_ext/losses/__init__.py' in names
