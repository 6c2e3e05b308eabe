# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Tests of benchmarks.workers.run_stored: stored, restarted, resumed runs."""

import json
import os

import pytest

from benchmarks import workers
from examples.common import training


def _job(key='study_a_s0'):
  return {'key': key, 'seed': 0, 'steps': 10}


def _leftover(work_dir, key='study_a_s0'):
  """A run directory as an interrupted run leaves it: no result.json."""
  run_dir = os.path.join(str(work_dir), 'runs', key)
  os.makedirs(run_dir)
  for name in ('model.ckpt-5.index', 'hparams.json'):
    with open(os.path.join(run_dir, name), 'w') as f:
      f.write('x')
  return run_dir


def _seen(run_dir, result):
  """A train_and_evaluate that records what it found in run_dir."""
  result['found'] = (sorted(os.listdir(run_dir))
                     if os.path.isdir(run_dir) else [])
  os.makedirs(run_dir, exist_ok=True)
  for name in ('model.ckpt-10.index', 'events.out.tfevents.1', 'graph.pbtxt',
               'samples.png'):
    with open(os.path.join(run_dir, name), 'w') as f:
      f.write('y')


@pytest.mark.parametrize('resume', [False, True])
def test_an_interrupted_run_restarts_or_resumes(tmp_path, resume):
  run_dir = _leftover(tmp_path)
  result = workers.run_stored(_job(), str(tmp_path), _seen, resume=resume)
  # Without resume the leftover is deleted before training; with it the
  # trainer finds its checkpoint and settings.
  assert result['found'] == (['hparams.json', 'model.ckpt-5.index']
                             if resume else [])
  assert result['status'] == 'ok' and result['key'] == 'study_a_s0'
  # Stored: the result and the evaluation output, not checkpoints, event
  # files or the graph.
  assert sorted(os.listdir(run_dir)) == (['hparams.json'] if resume else []) + [
      'result.json', 'samples.png']
  with open(os.path.join(run_dir, 'result.json')) as f:
    assert json.load(f)['found'] == result['found']


def test_a_stored_run_is_not_trained_again(tmp_path):
  first = workers.run_stored(_job(), str(tmp_path), _seen, resume=True)

  def fail(run_dir, result):
    raise AssertionError('trained again: %s %s' % (run_dir, result))

  assert workers.run_stored(_job(), str(tmp_path), fail) == first
  assert workers.run_stored(_job(), str(tmp_path), fail,
                            stored={'key': 'given'}) == {'key': 'given'}


def test_a_diverged_run_is_stored_as_diverged(tmp_path):
  def diverge(run_dir, result):
    del run_dir, result
    raise training.NonFiniteLossError(
        'discriminator_loss is NaN at step 7; lower the learning rate')

  result = workers.run_stored(_job(), str(tmp_path), diverge)
  assert result['status'] == 'diverged: discriminator_loss is NaN at step 7'
  assert workers.stored_results([_job(), _job('study_b_s0')],
                                str(tmp_path)) == ([result], ['study_b_s0'])
