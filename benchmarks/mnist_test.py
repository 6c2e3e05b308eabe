# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Tests of the MNIST benchmark: its plan, its presets, a quick run."""

import csv
import os

import pytest

from benchmarks import mnist
from examples.digits import train_lib


def test_studies_are_the_issue_s():
  # Issue 27: the six main losses, each alone and with R1, on the narrow
  # network; 10% of MNIST with none / DiffAugment / ADA / bCR.
  quality = [fields for _, fields in mnist.STUDIES['quality']]
  assert len(quality) == 12
  assert {f['gan_loss'] for f in quality} == set(mnist.LOSSES)
  assert sum(f.get('penalty') == 'r1' for f in quality) == 6
  assert all(f['generator_channels'] == 32 for f in quality)
  scarce = [fields for _, fields in mnist.STUDIES['scarce']]
  assert {f['train_fraction'] for f in scarce} == {0.1}
  assert all(f['generator_ema'] == 0.99 for f in scarce)
  headline, = mnist.STUDIES['headline']
  assert headline[1]['networks'] == 'tfgan_mnist'
  # Reported seeds are not the pilot's.
  assert not set(mnist.SEEDS) & set(mnist.PILOT_SEEDS)


def test_wasserstein_takes_its_preset_and_the_others_none():
  job = dict(seed=0, steps=10, fields=dict(mnist.NARROW,
                                           gan_loss='wasserstein'))
  clipped = mnist.hparams(job, '/tmp/x')
  # digits' preset for wasserstein without a penalty: WGAN's clipping.
  assert (clipped.weight_clip, clipped.discriminator_train_steps) == (0.01, 5)
  job['fields'] = dict(mnist.NARROW, gan_loss='wasserstein', **mnist.R1)
  with_r1 = mnist.hparams(job, '/tmp/x')
  assert (with_r1.weight_clip, with_r1.penalty) == (0.0, 'r1')
  job['fields'] = dict(mnist.NARROW, gan_loss='hinge')
  plain = mnist.hparams(job, '/tmp/x')
  # hinge without a penalty would get R1 from digits' presets; not here.
  assert plain.penalty == 'none'
  assert plain.dataset == 'mnist' and plain.mnist_source == 'package'
  assert plain.batch_size == train_lib.HParams().batch_size


@pytest.mark.parametrize('histogram, collapsed', [
    ([1000] * 10, False), ([500] + [1055] * 9, False),   # 5% and 10.6%
    ([450] + [1000] * 9, True), ([1600] + [933] * 9, True)])  # 4.8%, 16.0%
def test_collapse_is_a_class_outside_5_to_15_percent(histogram, collapsed):
  total = float(sum(histogram))
  result = {'min_class_share': min(histogram) / total,
            'max_class_share': max(histogram) / total}
  assert mnist.collapsed(result) == collapsed


def test_quick_run_writes_the_reports(mnist_cache, tmp_path):
  del mnist_cache
  out = tmp_path / 'out'
  rows = mnist.main(['--study=scarce', '--quick', '--out_dir', str(out),
                     '--work_dir', str(tmp_path / 'work'), '--workers=1'])
  assert [r['config'] for r in rows] == ['none', 'DiffAugment']
  with open(os.path.join(str(out), 'mnist_scarce.csv')) as f:
    # The comment lines say where and when; then the rows.
    table = list(csv.DictReader(line for line in f
                                if not line.startswith('#')))
  assert float(table[0]['fcd_real_vs_real']) > 0
  assert table[0]['fcd_averaged_mean']  # The generator average's FCD.
  assert (out / 'mnist_scarce.md').exists()
