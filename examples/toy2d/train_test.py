# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""End-to-end tests of the toy2d binary (subprocesses, as a user runs it)."""

import os
import subprocess
import sys

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))


def _run(*args):
  return subprocess.run([sys.executable, '-m', 'examples.toy2d.train'] +
                        list(args), cwd=_ROOT, capture_output=True,
                        text=True, timeout=300, check=False)


def test_unknown_loss_lists_the_choices(tmp_path):
  proc = _run('--train_log_dir=%s' % tmp_path, '--gan_loss=hingee')
  assert proc.returncode != 0
  assert "--gan_loss=hingee: value should be one of" in proc.stderr
  assert 'hinge' in proc.stderr and 'non_saturating' in proc.stderr


def test_unknown_dataset_lists_the_choices(tmp_path):
  proc = _run('--train_log_dir=%s' % tmp_path, '--dataset=spiral')
  assert proc.returncode != 0
  assert 'ring' in proc.stderr and 'grid' in proc.stderr


def test_short_run_prints_metrics_and_plot_path(tmp_path):
  args = ['--train_log_dir=%s' % tmp_path, '--max_number_of_steps=3',
          '--batch_size=16', '--generator_hidden=8',
          '--discriminator_hidden=8', '--log_every_n_steps=1']
  proc = _run(*args)
  assert proc.returncode == 0, proc.stderr[-2000:]
  assert 'modes captured: ' in proc.stdout
  plot = os.path.join(str(tmp_path), 'eval', 'samples.png')
  assert 'plot: %s' % plot in proc.stdout and os.path.exists(plot)
  assert 'device: CPU' in proc.stderr
  assert 'step 3/3' in proc.stderr
  # Re-running the same command resumes, finds the run finished, and
  # evaluates again.
  proc = _run(*args)
  assert proc.returncode == 0, proc.stderr[-2000:]
  assert 'nothing to train' in proc.stderr
