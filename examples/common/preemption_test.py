# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""SIGTERM to a running example (a preemption), as a scheduler sends it.

The binaries run in subprocesses with a checkpoint interval far beyond the
run, so the only checkpoints are the first one (written when the session
starts; none for the Keras trainer, whose backup is written at an epoch's
end) and the one SIGTERM makes; the signal is sent once progress lines
show that training is under way. What is guaranteed, and asserted: exit
status 143 with a one-line message naming the step, a checkpoint of exactly
that step, and a re-run that resumes from it (nothing lost). Which step the
signal lands on depends on the machine's speed, so no step is pinned.
"""

import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest
import tensorflow as tf

from examples.common import logs

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
_TOY2D = ['examples.toy2d.train', '--batch_size=16', '--generator_hidden=8',
          '--discriminator_hidden=8']
_DIGITS_ESTIMATOR = ['examples.digits.train', '--trainer=estimator',
                     '--batch_size=16', '--generator_channels=8',
                     '--discriminator_channels=8']
_DIGITS_KERAS = ['examples.digits.train', '--trainer=keras',
                 '--batch_size=16', '--generator_channels=8',
                 '--discriminator_channels=8']
# The Keras trainer logs when `fit` begins (its SIGTERM handler installed);
# its progress is a line per epoch, and the epoch is the save interval.
_PROGRESS = {'gan_train': (r'step \d+/\d+ ', 2),
             'estimator': (r'step \d+/\d+ ', 2),
             'keras': (r'starting at step 0 ', 1)}


def _command(binary, train_log_dir, steps):
  module, *flags = binary
  return [sys.executable, '-m', module] + flags + [
      '--train_log_dir=%s' % train_log_dir,
      '--max_number_of_steps=%d' % steps, '--save_checkpoint_steps=1000000',
      '--log_every_n_steps=2', '--noeval']


def _checkpoint_step(train_log_dir):
  """The step of the latest checkpoint (the Keras trainer: its last run's)."""
  keras_run = os.path.join(train_log_dir, 'keras_run.json')
  if os.path.exists(keras_run):
    with open(keras_run) as f:
      return json.load(f)['steps']
  path = tf.train.latest_checkpoint(train_log_dir)
  return None if path is None else int(path.rsplit('-', 1)[1])


def _terminate_while_training(command, log_path, progress, timeout=240):
  """Starts `command`, sends SIGTERM after `progress` (regex, count) lines."""
  with open(log_path, 'w') as log:
    # Unbuffered: Keras prints its progress to stdout.
    proc = subprocess.Popen(command, cwd=_ROOT, stdout=log,
                            stderr=subprocess.STDOUT, text=True,
                            env=dict(os.environ, PYTHONUNBUFFERED='1'))
  deadline = time.time() + timeout
  try:
    while time.time() < deadline and proc.poll() is None:
      with open(log_path) as f:
        if len(re.findall(progress[0], f.read())) >= progress[1]:
          break
      time.sleep(0.2)
    assert proc.poll() is None, 'the run ended before SIGTERM'
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=120)
  finally:
    if proc.poll() is None:
      proc.kill()
  with open(log_path) as f:
    return proc.returncode, f.read()


@pytest.mark.parametrize('trainer, binary', [
    ('gan_train', _TOY2D), ('estimator', _DIGITS_ESTIMATOR),
    ('keras', _DIGITS_KERAS)], ids=['gan_train', 'estimator', 'keras'])
def test_sigterm_checkpoints_the_step_and_the_same_run_resumes(tmp_path,
                                                                trainer,
                                                                binary):
  run_dir = str(tmp_path / 'run')
  status, output = _terminate_while_training(
      _command(binary, run_dir, 1000000), str(tmp_path / 'first.log'),
      _PROGRESS[trainer])
  assert status == logs.PREEMPTED_EXIT_STATUS, output[-3000:]
  stopped = re.search(r'SIGTERM received: stopped at step (\d+) with a '
                      r'checkpoint of it in (\S+);', output)
  assert stopped, output[-3000:]
  step = int(stopped.group(1))
  assert step >= 1 and stopped.group(2) == run_dir
  if trainer != 'keras':  # The Keras trainer's step is checked on resuming.
    assert _checkpoint_step(run_dir) == step
  assert 'Traceback' not in output

  # The same run, given a bound just beyond the step (the step bound may
  # change on resumption), resumes from the SIGTERM checkpoint.
  proc = subprocess.run(_command(binary, run_dir, step + 3), cwd=_ROOT,
                        capture_output=True, text=True, timeout=300,
                        check=False)
  assert proc.returncode == 0, proc.stderr[-3000:]
  assert re.search(r'resumed from a (checkpoint|backup) at step %d ' % step,
                   proc.stderr), proc.stderr[-3000:]
  assert _checkpoint_step(run_dir) == step + 3


@pytest.mark.parametrize('binary', [_TOY2D, _DIGITS_ESTIMATOR],
                         ids=['gan_train', 'estimator'])
def test_sigkill_loses_at_most_one_save_interval(tmp_path, binary):
  # SIGKILL cannot be caught: what survives is the last periodic checkpoint.
  interval = 20
  run_dir = str(tmp_path / 'run')
  command = _command(binary, run_dir, 1000000)
  command[command.index('--save_checkpoint_steps=1000000')] = (
      '--save_checkpoint_steps=%d' % interval)
  with open(tmp_path / 'first.log', 'w') as log:
    proc = subprocess.Popen(command, cwd=_ROOT, stdout=log,
                            stderr=subprocess.STDOUT, text=True)
  try:
    deadline = time.time() + 240
    reached = []
    while time.time() < deadline and proc.poll() is None:
      reached = [int(s) for s in re.findall(
          r'step (\d+)/\d+ ', (tmp_path / 'first.log').read_text())]
      if reached and reached[-1] > 2 * interval and reached[-1] % interval:
        break
      time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
  finally:
    if proc.poll() is None:
      proc.kill()
  reached = max(int(s) for s in re.findall(
      r'step (\d+)/\d+ ', (tmp_path / 'first.log').read_text()))
  restored = _checkpoint_step(run_dir)
  assert restored % interval == 0 and 0 <= reached - restored <= interval, (
      reached, restored)
  proc = subprocess.run(_command(binary, run_dir, reached + 2), cwd=_ROOT,
                        capture_output=True, text=True, timeout=300,
                        check=False)
  assert proc.returncode == 0, proc.stderr[-3000:]
  assert 'resumed from a checkpoint at step %d ' % restored in proc.stderr
  assert _checkpoint_step(run_dir) == reached + 2
  print('killed at step %d, resumed from %d: %d steps lost (interval %d)'
        % (reached, restored, reached - restored, interval))
