# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""A killed worker of a MultiWorkerMirroredStrategy job: restart and resume.

Two worker processes on loopback (TF_CONFIG with localhost ports) train the
digits Keras trainer's GAN with the trainer's fault handling
(fault_worker.py): a backup every INTERVAL steps, written by the chief. One
run goes uninterrupted. In the other, worker 1 is killed with SIGKILL
mid-run, between two backups; worker 0 then waits in a collective for ever,
so it is killed too, and the job is restarted as a scheduler would (both
workers, same command, new ports). The restarted job must resume from the
last backup (steps lost: at most one interval), end at the same step count,
and, with the data fixed (one batch repeated) and the same seeds, hold the
same variables as the uninterrupted run.
"""

import json
import os
import re
import signal
import subprocess
import sys
import time

import numpy as np

import tfgan_ext.keras as tfk
from tests.keras import keras_testlib as lib

_HERE = os.path.dirname(os.path.abspath(__file__))
_REPO = os.path.dirname(os.path.dirname(_HERE))
_WORKER = os.path.join(_HERE, 'fault_worker.py')
LAST_STEP, INTERVAL = 24, 4
_TIMEOUT = 300


def _start_job(run_dir, log_dir, tag):
  """Starts the two workers; returns [(Popen, stdout path, stderr path)]."""
  ports = lib.free_ports(2)
  workers = []
  for index in range(2):
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL='3', PYTHONPATH=_REPO,
               TF_CONFIG=tfk.distribute.local_tf_config(2, index, ports))
    out = os.path.join(log_dir, '%s_%d.out' % (tag, index))
    err = os.path.join(log_dir, '%s_%d.err' % (tag, index))
    with open(out, 'w') as fout, open(err, 'w') as ferr:
      proc = subprocess.Popen(
          [sys.executable, _WORKER, '--run_dir=%s' % run_dir,
           '--last_step=%d' % LAST_STEP, '--interval=%d' % INTERVAL],
          cwd=_REPO, env=env, stdout=fout, stderr=ferr)
    workers.append((proc, out, err))
  return workers


def _read(path):
  with open(path) as f:
    return f.read()


def _steps_printed(path):
  return [int(s) for s in re.findall(r'^STEP (\d+)$', _read(path), re.M)]


def _wait(workers):
  deadline = time.time() + _TIMEOUT
  try:
    for proc, out, err in workers:
      proc.wait(timeout=max(1, deadline - time.time()))
      assert proc.returncode == 0, _read(out)[-2000:] + _read(err)[-4000:]
  finally:
    for proc, _, _ in workers:
      if proc.poll() is None:
        proc.kill()
  results = []
  for _, out, _ in workers:
    line = [l for l in _read(out).splitlines() if l.startswith('RESULT ')]
    results.append(json.loads(line[-1][len('RESULT '):]))
  return results


def _variables(run_dir):
  with np.load(os.path.join(run_dir, 'final.npz')) as f:
    return [f['arr_%d' % i] for i in range(len(f.files))]


def test_killed_worker_job_restarts_from_the_last_backup(tmp_path):
  logs = str(tmp_path)
  reference_dir = str(tmp_path / 'uninterrupted')
  reference = _wait(_start_job(reference_dir, logs, 'uninterrupted'))
  assert [r['steps'] for r in reference] == [LAST_STEP, LAST_STEP]

  run_dir = str(tmp_path / 'killed')
  workers = _start_job(run_dir, logs, 'first')
  try:
    # Kill worker 1 between two backups, after at least two of them.
    deadline = time.time() + _TIMEOUT
    while time.time() < deadline:
      steps = _steps_printed(workers[1][1])
      if steps and steps[-1] >= 2 * INTERVAL + 1 and steps[-1] % INTERVAL:
        break
      assert workers[1][0].poll() is None, _read(workers[1][2])[-3000:]
      time.sleep(0.02)
    workers[1][0].send_signal(signal.SIGKILL)
    # Worker 0 blocks in the next step's collective; the scheduler, seeing
    # the job broken, kills it too (after it has finished any save).
    time.sleep(2.0)
    assert workers[0][0].poll() is None, 'worker 0 ended on its own'
    workers[0][0].send_signal(signal.SIGKILL)
    for proc, _, _ in workers:
      proc.wait(timeout=60)
  finally:
    for proc, _, _ in workers:
      if proc.poll() is None:
        proc.kill()
  reached = max(max(_steps_printed(out) or [0]) for _, out, _ in workers)
  assert reached < LAST_STEP

  restarted = _start_job(run_dir, logs, 'restarted')
  results = _wait(restarted)
  assert [r['steps'] for r in results] == [LAST_STEP, LAST_STEP]
  resumed = [re.search(r'resumed from a backup at step (\d+)', _read(err))
             for _, _, err in restarted]
  assert all(resumed), _read(restarted[0][2])[-3000:]
  restored = {int(m.group(1)) for m in resumed}
  assert len(restored) == 1, restored  # Both workers restored one state.
  restored = restored.pop()
  lost = reached - restored
  assert restored % INTERVAL == 0 and 0 <= lost <= INTERVAL, (reached,
                                                              restored)
  # The restarted job trained exactly the steps after the backup.
  assert _steps_printed(restarted[0][1]) == list(range(restored + 1,
                                                       LAST_STEP + 1))
  for got, want in zip(_variables(run_dir), _variables(reference_dir)):
    np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)
  print('killed at step %d, resumed from %d: %d steps lost'
        % (reached, restored, lost))
