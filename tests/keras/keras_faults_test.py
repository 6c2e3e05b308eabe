# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""tfgan_ext.keras.faults: SIGTERM stops, backups, training to a step.

In one process, for Keras 3 and tf-keras: a SIGTERM (sent to this process
from a callback, at a known step) stops `fit` after that step with its
backup written; a fresh model given the same backup directory resumes from
that step, ends at the same step, and, with one fixed batch, holds the same
weights as an uninterrupted run. A damaged latest backup falls back to the
previous one (Keras 3). The second-strategy collective error is re-raised
with its cause and fix, and two models under two strategies in one process
(two_strategies_worker.py) train or fail with that message. The
killed-worker test is keras_worker_fault_test.py.
"""

import json
import os
import signal
import subprocess
import sys
import types

import numpy as np
import pytest
import tensorflow as tf

import tfgan_ext.keras as tfk
from tests.keras import keras_testlib as lib

LAST_STEP, INTERVAL = 10, 3
_HERE = os.path.dirname(os.path.abspath(__file__))
_REPO = os.path.dirname(os.path.dirname(_HERE))


def _gan(K):
  generator, discriminator, _ = lib.linear_gan(K)
  gan = tfk.GANModel(generator, discriminator)
  gan.compile(K.optimizers.Adam(0.01), K.optimizers.Adam(0.01), loss='hinge')
  return gan


def _data():
  return lib.pairs_dataset(1)[0].repeat()  # One fixed batch.


def _restored_step(gan, record):
  """A callback, placed after the backup, recording the step it restored."""
  return gan.flavour.package.callbacks.LambdaCallback(
      on_train_begin=lambda logs: record.append(
          int(gan.optimizer.iterations.numpy())))


def _train(K, backup_dir, extra=()):
  gan = _gan(K)
  restored = []
  steps, history = tfk.faults.fit_to_step(
      gan, _data(), LAST_STEP, INTERVAL, verbose=0, callbacks=[
          tfk.faults.backup_and_restore(gan, backup_dir),
          _restored_step(gan, restored), *extra])
  return gan, steps, history, restored


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_sigterm_then_restart_equals_an_uninterrupted_run(flavour, tmp_path):
  K = lib.keras_package(flavour)
  reference, steps, history, restored = _train(K, str(tmp_path / 'ref'))
  assert steps == LAST_STEP and restored[0] == 0
  # Epochs of INTERVAL steps: 3, 3, 3 and a last one cut at LAST_STEP.
  assert len(history['generator_loss']) == 4

  backup = str(tmp_path / 'run')
  gan = _gan(K)
  handler = signal.getsignal(signal.SIGTERM)

  def sigterm_at_step_5(batch, logs):
    del batch, logs
    if int(gan.optimizer.iterations.numpy()) == 5:
      os.kill(os.getpid(), signal.SIGTERM)

  with pytest.raises(tfk.faults.Preempted, match='generator step 5') as info:
    with tfk.faults.stop_on_sigterm(gan) as on_sigterm:
      tfk.faults.fit_to_step(gan, _data(), LAST_STEP, INTERVAL, verbose=0,
                             callbacks=[
                                 tfk.faults.backup_and_restore(gan, backup),
                                 K.callbacks.LambdaCallback(
                                     on_train_batch_end=sigterm_at_step_5),
                                 on_sigterm])
  assert info.value.step == 5
  assert signal.getsignal(signal.SIGTERM) == handler  # Put back.

  # The same "command" again: a fresh model restores step 5 (0 lost).
  resumed, steps, _, restored = _train(K, backup)
  assert restored[0] == 5 and steps == LAST_STEP
  assert int(resumed.optimizer.iterations.numpy()) == LAST_STEP
  assert int(resumed.discriminator_optimizer.iterations.numpy()) == LAST_STEP
  for got, want in zip(
      resumed.generator.weights + resumed.discriminator.weights,
      reference.generator.weights + reference.discriminator.weights):
    np.testing.assert_allclose(got.numpy(), want.numpy(), rtol=1e-6,
                               atol=1e-7)

  # Re-run after the end: nothing more is trained.
  _, steps, history, restored = _train(K, backup)
  assert restored[0] == LAST_STEP and steps == LAST_STEP


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_sigterm_handler_put_back_when_fit_raises(flavour):
  K = lib.keras_package(flavour)
  generator, discriminator, _ = lib.linear_gan(K)
  gan = tfk.GANModel(generator, discriminator)
  gan.compile(K.optimizers.SGD(float('inf')), K.optimizers.SGD(float('inf')))
  handler = signal.getsignal(signal.SIGTERM)
  with pytest.raises(tfk.faults.NonFiniteLossError):
    with tfk.faults.stop_on_sigterm(gan) as on_sigterm:
      assert signal.getsignal(signal.SIGTERM) != handler
      tfk.faults.fit_to_step(gan, _data(), LAST_STEP, INTERVAL, verbose=0,
                             callbacks=[tfk.stop_on_non_finite_loss(gan),
                                        on_sigterm])
  assert signal.getsignal(signal.SIGTERM) == handler


def test_damaged_latest_backup_falls_back_to_the_previous(tmp_path):
  K = lib.keras_package('keras')
  backup = str(tmp_path / 'backup')
  gan = _gan(K)
  tfk.faults.fit_to_step(gan, _data(), 2 * INTERVAL, INTERVAL, verbose=0,
                         callbacks=[tfk.faults.backup_and_restore(gan,
                                                                  backup)])
  latest = os.path.join(backup, 'latest.weights.h5')
  with open(latest, 'r+b') as f:  # Half written.
    f.truncate(os.path.getsize(latest) // 2)
  _, steps, _, restored = _train(K, backup)
  # The previous backup (one interval back) is restored: INTERVAL lost.
  assert restored[0] == INTERVAL and steps == LAST_STEP


def test_fit_to_step_arguments():
  gan = _gan(lib.keras_package('keras'))
  with pytest.raises(ValueError, match='last_step and steps_per_epoch'):
    tfk.faults.fit_to_step(gan, _data(), 0, INTERVAL)
  with pytest.raises(ValueError, match='last_step and steps_per_epoch'):
    tfk.faults.fit_to_step(gan, _data(), 5, 0)


def test_fit_to_step_on_a_dataset_that_runs_dry_is_an_error():
  # Unknown cardinality (so GANModel's empty-dataset check cannot see it):
  # Keras 3 then runs epochs that log nothing (and still counts optimizer
  # iterations); fit_to_step must not report them as trained steps.
  gan = _gan(lib.keras_package('keras'))
  dry = _data().take(1).filter(lambda *unused: False)
  with pytest.raises(ValueError, match='the dataset yields nothing'):
    tfk.faults.fit_to_step(gan, dry, 5, 2, verbose=0)


def _resolver(task_type, task_id, cluster):
  resolver = tf.distribute.cluster_resolver.SimpleClusterResolver(
      tf.train.ClusterSpec(cluster), task_type=task_type, task_id=task_id)
  return types.SimpleNamespace(cluster_resolver=resolver)


def test_is_chief():
  workers = {'worker': ['localhost:1', 'localhost:2']}
  with_chief = dict(workers, chief=['localhost:3'])
  assert tfk.faults.is_chief(tf.distribute.get_strategy())  # One process.
  assert tfk.faults.is_chief(_resolver('worker', 0, workers))
  assert not tfk.faults.is_chief(_resolver('worker', 1, workers))
  assert tfk.faults.is_chief(_resolver('chief', 0, with_chief))
  assert not tfk.faults.is_chief(_resolver('worker', 0, with_chief))


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_second_strategy_collective_error_says_cause_and_fix(flavour,
                                                             monkeypatch):
  # TensorFlow's own error, as a second MirroredStrategy in one process
  # raises it (tensorflow/tensorflow#62790; FACTS.md), from Keras' fit.
  K = lib.keras_package(flavour)
  gan = _gan(K)
  defect = tf.errors.InternalError(
      None, None, 'Shape mismatch in the collective instance 104. Op at '
      'device /job:localhost/replica:0/task:0/device:CPU:1 expected shape '
      '[2] but another member in the group expected shape [1]. Restart '
      'your program to reset.')
  other = tf.errors.InternalError(None, None, 'something else')
  for error, expected in ((defect, RuntimeError),
                          (other, tf.errors.InternalError)):
    def fit(*args, error=error, **kwargs):
      raise error
    monkeypatch.setattr(K.Model, 'fit', fit)
    with pytest.raises(expected) as info:
      gan.fit(_data(), epochs=1, steps_per_epoch=1, verbose=0)
    if expected is RuntimeError:
      assert 'reuse it for every model' in str(info.value)
      assert 'tensorflow/tensorflow#62790' in str(info.value)
      assert info.value.__cause__ is defect
    else:
      assert info.value is other


def test_two_models_under_two_strategies_train_or_explain():
  # The "done when": two GANModels trained one after the other under
  # two MirroredStrategy instances in one process either work or fail with
  # tfgan_ext's message. On TF 2.21 / Keras 3.15 here both train.
  proc = subprocess.run(
      [sys.executable, os.path.join(_HERE, 'two_strategies_worker.py')],
      cwd=_REPO, capture_output=True, text=True, timeout=600,
      env=dict(os.environ, PYTHONPATH=_REPO, TF_CPP_MIN_LOG_LEVEL='3'))
  assert proc.returncode == 0, proc.stderr[-4000:]
  line = [l for l in proc.stdout.splitlines() if l.startswith('RESULT ')][-1]
  outcomes = json.loads(line[len('RESULT '):])
  assert len(outcomes) == 2
  for outcome in outcomes:
    if 'error' in outcome:
      assert tfk.faults.SECOND_STRATEGY_MESSAGE in outcome['error']
    else:
      assert all(np.isfinite(v) for v in outcome['trained'].values())
