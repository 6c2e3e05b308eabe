# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""GANModel under tf.distribute equals one device (the decisive test).

MirroredStrategy over 2 logical CPU devices, and MultiWorkerMirroredStrategy
with 2 worker processes on loopback (TF_CONFIG with localhost ports). Each
runs distributed_worker.py in fresh interpreters (logical devices and the
multi-worker strategy must be set up before TensorFlow's runtime starts,
which importing tfgan_ext does). For every registered loss, R1, R2, feature
matching, the fused step and lazy R1 with two discriminator steps: one SGD
step from the same weights on the same global batch of 8 gives the same
variables (float32 tolerance) and the same logged losses with 1 replica and
with 2; so do three steps with the generator's moving average (its weights
included), LeCam's anchors, top-k's selection over the global batch, and
ADA's p after a step whose halves of the batch disagree. Control runs with
per-replica means (no B_r / B share) and with top-k selecting within each
replica must differ.
DRAGAN, WGAN-GP and zCR (random by design): per-step penalty values at
fixed weights agree in mean with the single-replica run (Welch's t), and
each trains. bCR (with a fixed transform) is among the equal-step ones. Keras 3 (`keras`; Keras 2.15 on TF 2.15) runs every configuration
under both strategies; tf-keras a subset under MirroredStrategy (its
multi-worker path is Keras 2's, as `keras` on TF 2.15), to keep CI time down.
"""

import json
import os
import subprocess
import sys

import numpy as np
import pytest

import tfgan_ext.keras as tfk
from tests.keras import keras_testlib as lib

_HERE = os.path.dirname(os.path.abspath(__file__))
_REPO = os.path.dirname(os.path.dirname(_HERE))
_WORKER = os.path.join(_HERE, 'distributed_worker.py')
_TIMEOUT = 900
# |t| above this fails the mean comparison: two-sided p = 6e-5 for a normal.
_T_LIMIT = 4.0


def _env(**extra):
  env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL='3', PYTHONPATH=_REPO)
  env.update(extra)
  return env


def _parse(proc):
  assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
  line = [l for l in proc.stdout.splitlines() if l.startswith('RESULT ')][-1]
  return json.loads(line[len('RESULT '):])


def _run_mirrored(flags):
  proc = subprocess.run(
      [sys.executable, _WORKER, '--strategy=mirrored'] + flags, cwd=_REPO,
      env=_env(), capture_output=True, text=True, timeout=_TIMEOUT)
  return [_parse(proc)]


def _run_multi_worker(flags):
  ports = lib.free_ports(2)
  procs = [subprocess.Popen(
      [sys.executable, _WORKER, '--strategy=multi_worker'] + flags,
      cwd=_REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
      env=_env(TF_CONFIG=tfk.distribute.local_tf_config(2, i, ports)))
           for i in range(2)]
  results = []
  for proc in procs:
    try:
      out, err = proc.communicate(timeout=_TIMEOUT)
    except subprocess.TimeoutExpired:
      for p in procs:
        p.kill()
      raise
    results.append(_parse(subprocess.CompletedProcess(
        proc.args, proc.returncode, out, err)))
  return results


def _mirrored_keras(tmp_dir):
  del tmp_dir
  return _run_mirrored([])


def _multi_worker_keras(tmp_dir):
  del tmp_dir
  return _run_multi_worker([])


def _mirrored_tf_keras(tmp_dir):
  del tmp_dir
  return _run_mirrored(['--flavour=tf_keras', '--subset',
                        '--skip_statistics'])


_RUNS = {
    ('mirrored', 'keras'): _mirrored_keras,
    ('multi_worker', 'keras'): _multi_worker_keras,
    ('mirrored', 'tf_keras'): _mirrored_tf_keras,
}
# Started when the session starts (tests/background.py).
BACKGROUND = tuple(_RUNS.values())


def _results(background, strategy, flavour):
  return background.result(_RUNS[(strategy, flavour)])


_PARAMS = [pytest.param(s, f, id='%s-%s' % (s, f)) for s, f in _RUNS]


@pytest.mark.parametrize('strategy,flavour', _PARAMS)
def test_one_step_equals_single_replica(background, strategy, flavour):
  results = _results(background, strategy, flavour)
  chief = [r for r in results if r['chief']][0]
  assert chief['num_replicas'] == 2
  print('%s %s (%s, TF %s) seconds: %s' % (
      strategy, flavour, chief['keras'], chief['tensorflow'],
      {k: [round(x, 1) for x in v] for k, v in chief['timings'].items()}))
  for name, entry in chief['equivalence'].items():
    # The step moves the weights by ~0.03..0.3; the replicas' sum must give
    # the same update to float32 rounding.
    assert entry['max_abs_update'] > 1e-3, name
    assert entry['max_abs_update_diff'] <= 1e-5 * entry['max_abs_update'] + \
        1e-7, (name, entry['max_abs_update_diff'])
    np.testing.assert_allclose(entry['variables_distributed'],
                               entry['variables_single'], rtol=1e-5,
                               atol=1e-6, err_msg=name)
    for key, values in entry['logs_single'].items():
      np.testing.assert_allclose(entry['logs_distributed'][key], values,
                                 rtol=1e-5, atol=1e-6,
                                 err_msg='%s %s' % (name, key))
  # ADA's p is driven by the global batch's r (see distributed_worker).
  assert chief['ada_p'] == {'single': 0.0, 'distributed': 0.0}
  control = chief['control_per_replica_mean']
  # Per-replica means summed over 2 replicas double the update.
  assert control['max_abs_update_diff'] > 0.5 * control['max_abs_update']
  # Top-k selecting within each replica keeps other examples than one
  # device does, so its generator update differs.
  control = chief['control_top_k_per_replica']
  assert control['max_abs_update_diff'] > 1e-3 * control['max_abs_update']


@pytest.mark.parametrize('strategy,flavour', [
    p for p in _PARAMS if p.values[0] == 'multi_worker'])
def test_workers_hold_the_same_variables(background, strategy, flavour):
  results = _results(background, strategy, flavour)
  assert len(results) == 2
  for name, entry in results[0]['equivalence'].items():
    np.testing.assert_array_equal(
        entry['variables_distributed'],
        results[1]['equivalence'][name]['variables_distributed'])


def _welch_t(a, b):
  a, b = np.asarray(a), np.asarray(b)
  return (a.mean() - b.mean()) / np.sqrt(a.var(ddof=1) / len(a) +
                                         b.var(ddof=1) / len(b))


@pytest.mark.parametrize('penalty', ['dragan',
                                     'wasserstein_gradient_penalty', 'zcr'])
@pytest.mark.parametrize('strategy', ['mirrored', 'multi_worker'])
def test_random_penalties_agree_within_sampling_error(background, strategy,
                                                     penalty):
  chief = [r for r in _results(background, strategy, 'keras')
           if r['chief']][0]
  entry = chief['statistics'][penalty]
  single, distributed = entry['single'], entry['distributed']
  assert len(single) == len(distributed) >= 60
  assert np.std(single) > 0 and np.std(distributed) > 0  # Random draws.
  t = _welch_t(single, distributed)
  assert abs(t) < _T_LIMIT, (t, np.mean(single), np.mean(distributed))
  # Power: a penalty off by 10% (a scaling error) would have been caught;
  # for zCR, whose values vary more, a factor of 2 (a missing replica share).
  factor = 2.0 if penalty == 'zcr' else 1.1
  assert abs(_welch_t(single, factor * np.asarray(distributed))) > _T_LIMIT
  assert entry['trained_finite']
  assert entry['trained_changed'] > 1e-3
