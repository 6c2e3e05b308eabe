# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""`python -m benchmarks.mnist_speed --quick` runs every trainer; the ratios.

The run writes to a temporary directory, never to benchmarks/results.
"""

import os
import statistics
import subprocess
import sys

import pytest

from benchmarks import mnist_speed
from benchmarks import speed_report

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_TRAINERS = ('tfgan.gan_train', 'GANEstimator',
             'tf.function loop, simultaneous (Keras 3 port)',
             'Keras 3 fit, separate step', 'Keras 3 fit, fused step')


def _quick_run(out_dir):
  command = [sys.executable, '-m', 'benchmarks.mnist_speed', '--quick']
  subprocess.run(command + ['--out_dir', out_dir], cwd=ROOT, check=True,
                 timeout=900)
  comment, rows = speed_report.read_csv(
      os.path.join(out_dir, 'mnist_speed.csv'))
  assert comment.startswith('#')
  with open(os.path.join(out_dir, 'mnist_speed.md')) as f:
    return rows, f.read()


BACKGROUND = (_quick_run,)


@pytest.fixture(scope='module')
def quick_run(background):
  return background.result(_quick_run)


def test_every_trainer_is_timed_against_gan_train(quick_run):
  rows, text = quick_run
  against = {r['name'] for r in rows if r['reference'] == 'tfgan.gan_train'}
  assert against == set(_TRAINERS[1:])
  for r in rows:
    assert float(r['variant_ms']) > 0 and float(r['reference_ms']) > 0
    assert r['setting'] == 'TF-GAN MNIST networks, batch 8'
  for name in _TRAINERS:
    assert '| %s |' % name in text


def test_fused_is_against_separate_of_the_same_package(quick_run):
  rows, _ = quick_run
  fused = [r for r in rows if r['name'] == 'Keras 3 fused / separate']
  assert len(fused) == 1
  assert (fused[0]['variant'], fused[0]['reference']) == (
      'Keras 3 fit, fused step', 'Keras 3 fit, separate step')


def test_rows_are_medians_of_per_repeat_ratios():
  # Three repeats of 10 steps each; expected values computed here.
  settings = dict(mnist_speed.MODES['full'], steps=10,
                  keras_packages=('keras',))
  times = {'tfgan.gan_train': [1.0, 2.0, 4.0],
           'GANEstimator': [3.0, 2.0, 4.0],
           'Keras 3 fit, separate step': [2.0, 2.0, 2.0],
           'Keras 3 fit, fused step': [1.0, 3.0, 1.0]}
  rows = {r['name']: r for r in mnist_speed.rows_of(times, settings)}
  estimator = rows['GANEstimator']
  assert estimator['ratio'] == statistics.median([3.0, 1.0, 1.0])
  assert (estimator['ratio_low'], estimator['ratio_high']) == (1.0, 3.0)
  assert estimator['variant_ms'] == pytest.approx(1e3 * 3.0 / 10)
  assert estimator['reference_ms'] == pytest.approx(1e3 * 2.0 / 10)
  fused = rows['Keras 3 fused / separate']
  assert fused['ratio'] == statistics.median([0.5, 1.5, 0.5])
  assert fused['reference'] == 'Keras 3 fit, separate step'
