# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The add-on objects give the numbers the API before them gave.

tests/golden/addons_golden.npz, examples_golden.npz and the backup_*
fixtures were recorded before the add-on redesign (issue 29), on the code of
4dd5bf2, by record_before_addons.py and record_keras_backups.py (commit
6efbeb2; removed since: the API they call is gone) and record_examples.py
(commit 7d34488; it still runs: the examples' flags kept their names). They
attach each technique the old way (`with_penalty`, `tfgan_ext.lecam.LeCam`,
`compile(lecam_weight=...)`, the examples' flags). Here the same cases are built with
`tfgan_ext.addons` (and the examples' flags as they are now), and every
loss, gradient, variable (with its checkpoint name) and logged value must
match. The Keras 3 and tf-keras backups written then must restore.

Tolerances: the same ops on the same inputs, but sums of terms may be added
in another order, and multithreaded CPU kernels differ by ~1e-7 between
processes (recording twice gave differences up to 1e-5 in the examples'
Adam slots); rtol 1e-4, atol 1e-5. The examples' runs (3 Adam steps of
real networks, recorded on TF 2.21) differ by up to 1.2e-4 on TF 2.15
(batch-norm statistics, near-zero biases): rtol 1e-3, atol 1e-4 there. A
wiring mistake moves them by far more (the ADA race above: 6e-3).
The backups of Keras 3 are checked where `keras` is Keras 3; on TF 2.15 it
is Keras 2.15, which has tf-keras' format (the tf_keras case).
"""

import importlib
import os
import shutil

import numpy as np
import pytest
import tensorflow as tf

from tfgan_ext import addons as A
from tests.golden import harness

HERE = os.path.dirname(__file__)
_RTOL, _ATOL = 1e-4, 1e-5


def _load(name):
  with np.load(os.path.join(HERE, name)) as f:
    return {k: f[k] for k in f.files}


GOLDEN = _load('addons_golden.npz')


def _golden(prefix):
  return {k[len(prefix):]: v for k, v in GOLDEN.items()
          if k.startswith(prefix)}


def _bcr():
  return A.BalancedConsistency(10.0, 'translation')


def _ada():
  return A.ADA(0.6, interval=1, speed_images=16)


GRAPH_CASES = {
    'none': ((), 'non_saturating'),
    'r1': ((A.Penalty('r1', 5.0),), 'non_saturating'),
    'r1_lazy': ((A.Penalty('r1', 5.0, every=2),), 'non_saturating'),
    'r2': ((A.Penalty('r2', 5.0),), 'non_saturating'),
    'dragan': ((A.Penalty('dragan', 10.0),), 'non_saturating'),
    'wgan_gp': ((A.Penalty('wgan_gp', 10.0),), 'wasserstein'),
    'lecam': ((A.LeCam(0.3, 0.9, 1),), 'hinge'),
    'top_k': ((A.TopK(1, 0.5, 0.25),), 'hinge'),
    'zcr': ((A.LatentConsistency(5.0, 0.5, 0.03),), 'non_saturating'),
    'bcr': ((_bcr(),), 'non_saturating'),
    'diffaugment': ((A.DiffAugment('color,translation,cutout'),),
                    'non_saturating'),
    'ada': ((_ada(),), 'non_saturating'),
    'average': ((A.GeneratorAverage(0.5, 1),), 'non_saturating'),
    'feature_matching': ((A.FeatureMatching(
        1.0, features_fn=harness.features_fn),), 'non_saturating'),
    'combined': ((A.Penalty('r1', 5.0), _bcr(), A.LeCam(0.3, 0.9, 1),
                  _ada(), A.GeneratorAverage(0.5, 1)), 'hinge'),
}


def _compare(got, want, what, rtol=_RTOL, atol=_ATOL):
  assert sorted(got) == sorted(want), what  # Same names (checkpoints too).
  for key in want:
    np.testing.assert_allclose(got[key], want[key], rtol=rtol, atol=atol,
                               err_msg='%s: %s' % (what, key))


def _keras3():
  import keras  # pylint: disable=g-import-not-at-top
  return hasattr(keras, 'ops')


_NEEDS_KERAS3 = pytest.mark.skipif(
    'not _keras3()', reason='a Keras 3 backup; `keras` is Keras 2 here (TF '
    '2.15), whose format is tf-keras\' (the tf_keras case covers it)')


@pytest.mark.parametrize('case', sorted(GRAPH_CASES))
def test_graph_case_matches_the_api_before(case):
  addons, loss = GRAPH_CASES[case]

  def attach(parts):
    return A.apply(addons, A.GANParts(**parts))._asdict()

  _compare(harness.graph_case(attach, loss), _golden('graph/%s/' % case),
           case)


def _sgd(K):
  return K.optimizers.SGD(0.05), K.optimizers.SGD(0.05)


KERAS_CASES = {
    'none': ('keras', 'non_saturating', (), {}),
    'r1': ('keras', 'non_saturating', (A.Penalty('r1', 5.0),), {}),
    'r1_lazy': ('keras', 'non_saturating', (A.Penalty('r1', 5.0, every=2),),
                {}),
    'dragan': ('keras', 'non_saturating', (A.Penalty('dragan', 10.0),), {}),
    'wgan_gp': ('keras', 'wasserstein', (A.Penalty('wgan_gp', 10.0),), {}),
    'lecam': ('keras', 'hinge', (A.LeCam(0.3, 0.9, 1),), {}),
    'top_k': ('keras', 'hinge', (A.TopK(1, 0.5, 0.25),), {}),
    'zcr': ('keras', 'non_saturating', (A.LatentConsistency(5.0, 0.5),), {}),
    'bcr': ('keras', 'non_saturating', (_bcr(),), {}),
    'diffaugment': ('keras', 'non_saturating', (A.DiffAugment(),), {}),
    'ada': ('keras', 'non_saturating', (_ada(),), {}),
    'average': ('keras', 'non_saturating', (A.GeneratorAverage(0.5, 1),),
                {}),
    'feature_matching': ('keras', 'non_saturating', (A.FeatureMatching(
        1.0, layer='features'),), {}),
    'fused_combined': ('keras', 'hinge', (
        A.DiffAugment(), A.Penalty('r1', 5.0), A.LeCam(0.3, 0.9, 1),
        A.GeneratorAverage(0.5)), dict(fused=True)),
    'discriminator_steps': ('keras', 'hinge', (
        A.Penalty('r1', 5.0, every=2),), dict(discriminator_steps=2)),
    # ADA before LeCam: the order 0.1 created their state in.
    'tf_keras_combined': ('tf_keras', 'hinge', (
        _ada(), A.Penalty('r1', 5.0), A.LeCam(0.3, 0.9, 1),
        A.GeneratorAverage(0.5), A.TopK(1, 0.5, 0.25)), {}),
}


def _compiled(loss, addons, options):
  def compile_gan(K, generator, discriminator):
    import tfgan_ext.keras as tfk  # pylint: disable=g-import-not-at-top
    gan = tfk.GANModel(generator, discriminator)
    gan.compile(*_sgd(K), loss=loss, addons=addons, **options)
    return gan
  return compile_gan


def _by_name(weights):
  """{weight name: [values in order]}, without the metrics' accumulators.

  Args:
    weights: {'<index>/<name>': value}.
  """
  grouped = {}
  for key in sorted(weights):
    # Keras 3 names a weight 'kernel'; Keras 2 'project/kernel:0'.
    name = key.split('/')[-1].split(':')[0]
    if name.split(':')[0] in ('total', 'count'):
      continue
    grouped.setdefault(name, []).append(weights[key])
  return grouped


@pytest.mark.parametrize('case', sorted(KERAS_CASES))
def test_keras_case_matches_the_api_before(case):
  package, loss, addons, options = KERAS_CASES[case]
  got = harness.keras_case(_compiled(loss, addons, options), package)
  want = _golden('keras/%s/' % case)
  logs = lambda d: {k: v for k, v in d.items() if k.startswith('log/')}
  _compare(logs(got), logs(want), case)
  weights = lambda d: {k[len('weights/'):]: v for k, v in d.items()
                       if k.startswith('weights/')}
  got_weights, want_weights = _by_name(weights(got)), _by_name(weights(want))
  assert sorted(got_weights) == sorted(want_weights), case
  for name, values in want_weights.items():
    assert len(got_weights[name]) == len(values), name
    for g, w in zip(got_weights[name], values):
      np.testing.assert_allclose(g, w, rtol=_RTOL, atol=_ATOL, err_msg=name)


# ---------------------------------------------------- Keras backups of 0.1 ---


@pytest.mark.parametrize('package', [
    pytest.param('keras', marks=_NEEDS_KERAS3), 'tf_keras'])
def test_a_backup_written_before_restores(package, tmp_path):
  K = importlib.import_module(package)
  import tfgan_ext.keras as tfk  # pylint: disable=g-import-not-at-top
  backup = tmp_path / 'backup'
  shutil.copytree(os.path.join(HERE, 'backup_%s' % package), backup)
  saved = _load('backup_%s.npz' % package)
  noise, images = harness.data()
  generator, discriminator = harness.keras_models(K)
  gan = tfk.GANModel(generator, discriminator)
  # record_keras_backups.py's compile(...), as add-ons in 0.1's state order.
  gan.compile(*_sgd(K), loss='hinge', addons=[
      _ada(), A.Penalty('r1', 5.0), A.LeCam(0.3, 0.9, 1),
      A.GeneratorAverage(0.5)])
  dataset = tf.data.Dataset.from_tensors((noise, images)).repeat()
  # The backup is of epoch 1 of 1: fit restores it and has nothing to train.
  gan.fit(dataset, epochs=1, steps_per_epoch=2, verbose=0, callbacks=[
      K.callbacks.BackupAndRestore(str(backup), delete_checkpoint=False)])
  assert int(gan.optimizer.iterations.numpy()) == 2
  got = _by_name({'%02d/%s' % (i, w.name): np.array(w)
                  for i, w in enumerate(gan.weights)})
  want = _by_name(saved)
  assert sorted(got) == sorted(want)
  for name, values in want.items():
    for g, w in zip(got[name], values):
      np.testing.assert_array_equal(g, w, err_msg=name)


@_NEEDS_KERAS3
def test_a_keras3_backup_with_other_state_fails_naming_the_change(tmp_path):
  import keras  # pylint: disable=g-import-not-at-top
  import tfgan_ext.keras as tfk  # pylint: disable=g-import-not-at-top
  backup = tmp_path / 'backup'
  shutil.copytree(os.path.join(HERE, 'backup_keras'), backup)
  noise, images = harness.data()
  generator, discriminator = harness.keras_models(keras)
  gan = tfk.GANModel(generator, discriminator)
  gan.compile(*_sgd(keras), loss='hinge', addons=[
      A.LeCam(0.3, 0.9, 1), A.GeneratorAverage(0.5)])  # No ADA: 2 of 6.
  dataset = tf.data.Dataset.from_tensors((noise, images)).repeat()
  with pytest.raises(ValueError, match='tfgan_ext 0.1.*holds 6 state'):
    gan.fit(dataset, epochs=1, steps_per_epoch=2, verbose=0, callbacks=[
        keras.callbacks.BackupAndRestore(str(backup),
                                         delete_checkpoint=False)])


def test_keras3_state_is_saved_by_name(tmp_path):
  # Written with one add-on order, read with the other: the same values.
  import keras  # pylint: disable=g-import-not-at-top
  import tfgan_ext.keras as tfk  # pylint: disable=g-import-not-at-top
  noise, images = harness.data()
  dataset = tf.data.Dataset.from_tensors((noise, images)).repeat()
  models = []
  for order in ((_ada(), A.LeCam(0.3, 0.9, 1)), (A.LeCam(0.3, 0.9, 1),
                                                  _ada())):
    generator, discriminator = harness.keras_models(keras)
    gan = tfk.GANModel(generator, discriminator)
    gan.compile(*_sgd(keras), loss='hinge', addons=list(order))
    models.append(gan)
  models[0].fit(dataset, epochs=1, steps_per_epoch=2, verbose=0)
  path = str(tmp_path / 'gan.weights.h5')
  models[0].save_weights(path)
  models[1].fit(dataset, epochs=1, steps_per_epoch=1, verbose=0)
  models[1].load_weights(path)
  short = lambda w: w.name.split('/')[-1].split(':')[0]  # Keras 2: ':0'.
  state = lambda gan: {short(w): float(w.numpy()) for w in gan.weights
                       if short(w).startswith(('ada_', 'lecam_'))}
  assert state(models[0]) == state(models[1])
  assert state(models[0])['ada_steps'] == 2  # Not the initial zeros.
  assert state(models[0])['lecam_real_anchor'] != 0


# --------------------------------------------------------------- examples ---


EXAMPLES = _load('examples_golden.npz')


@pytest.mark.parametrize('run', ['toy2d_gan_train', 'digits_gan_train',
                                 'digits_gan_train_diffaugment_top_k',
                                 'digits_estimator', 'digits_keras'])
def test_example_run_matches_the_flags_before(run, tmp_path):
  from tests.golden import record_examples  # pylint: disable=g-import-not-at-top
  module, overrides = record_examples.RUNS[run]
  got = record_examples.run(module, overrides, str(tmp_path))
  want = {k[len(run) + 1:]: v for k, v in EXAMPLES.items()
          if k.startswith(run + '/')}
  _compare(got, want, run, rtol=1e-3, atol=1e-4)
