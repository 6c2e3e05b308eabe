# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Tests of the MNIST benchmark: its plan, its presets, a quick run."""

import csv
import os

import pytest

from benchmarks import mnist
from examples.common import hparams as hparams_lib
from examples.digits import conditioning
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
  # The follow-up at 1%: the same configurations, a hundredth of the data.
  scarcer = mnist.STUDIES['scarcer']
  assert [name for name, _ in scarcer] == [
      name for name, _ in mnist.STUDIES['scarce']]
  for (_, fields), (_, fewer) in zip(mnist.STUDIES['scarce'], scarcer):
    assert fewer == dict(fields, train_fraction=0.01)
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

  # A stored run is never taken for one of other settings: here the full
  # study's 5,000 steps.
  report = tmp_path / 'report'
  with pytest.raises(ValueError, match=r'scarce_none_s0 .*steps 20 \(asked: '
                     r'5000\).*another --work_dir'):
    mnist.main(['--study=scarce', '--report_only', '--seeds=0',
                '--out_dir', str(report), '--work_dir', str(tmp_path / 'work')])

  # --report_only trains nothing: the two stored runs of the study's four
  # configurations on seed 0 are reported, the other two named as not run.
  rows = mnist.main(['--study=scarce', '--report_only', '--seeds=0',
                     '--steps=20', '--out_dir', str(report),
                     '--work_dir', str(tmp_path / 'work')])
  assert [r['config'] for r in rows] == ['none', 'DiffAugment']
  assert sorted(os.listdir(str(tmp_path / 'work' / 'runs'))) == [
      'scarce_DiffAugment_s0', 'scarce_none_s0']
  text = (report / 'mnist_scarce.md').read_text()
  assert ('2 of 4 finished' in text and
          'not run yet: scarce_ADA_s0, scarce_bCR_s0' in text), text
  # The study's question, as far as one seed of two configurations goes.
  assert '- DiffAugment / none: raw ' in text
  assert 'fewer than 2 seeds a side' in text
  assert '- bCR / none: not both in this report.' in text


# ------------------------------------------------------------- conditional ---


def test_conditional_study_is_the_issue_s():
  # Issue 28: concat, AC, PD + hinge, PD + MH, MH, D2D-CE on SNGAN's
  # standard CNN, seeds 0-2; hinge wherever a loss has an adversarial part.
  study = dict(mnist.STUDIES['conditional'])
  assert list(study) == ['concat + hinge', 'AC', 'PD + hinge', 'PD + MH',
                         'MH', 'D2D-CE']
  heads = {name: (f['conditional_head'], f.get('conditional_loss', 'auto'),
                  f.get('gan_loss')) for name, f in study.items()}
  assert heads == {
      'concat + hinge': ('concat', 'auto', 'hinge'),
      'AC': ('ac', 'acgan', 'hinge'),
      'PD + hinge': ('projection', 'auto', 'hinge'),
      'PD + MH': ('projection_ac', 'auxiliary_multi_hinge', 'hinge'),
      'MH': ('multi_hinge', 'multi_hinge', None),
      'D2D-CE': ('d2dce', 'd2dce', 'hinge')}
  for fields in study.values():
    assert fields['conditional'] and fields['networks'] == 'sngan_cnn'
    assert fields['generator_channels'] == fields[
        'discriminator_channels'] == 16  # The measured width (mnist.py).
    assert fields['noise_dims'] == 128  # SNGAN's.
  jobs = mnist.jobs('conditional', mnist.SEEDS, mnist.STEPS)
  assert len(jobs) == 6 * 3 and {j['seed'] for j in jobs} == {0, 1, 2}
  assert len({j['key'] for j in jobs}) == len(jobs)
  assert all(j['cas_steps'] is None for j in jobs)


def test_conditional_hparams_train_what_the_study_names(tmp_path):
  for config, fields in mnist.STUDIES['conditional']:
    job = dict(seed=1, steps=5000, fields=fields, cas_steps=None)
    run = mnist.hparams(job, str(tmp_path))
    hparams_lib.validate(run)  # The flags' checks, head x loss included.
    resolved = conditioning.resolve(run)
    assert resolved.head == fields['conditional_head'], config
    # No preset: no penalty added, digits' optimizer and batch.
    assert run.penalty == 'none'
    assert (run.generator_lr, run.adam_beta1, run.batch_size) == (
        2e-4, 0.5, 64)
    assert run.cas_steps == train_lib.HParams().cas_steps  # 5,000
    assert (run.dataset, run.mnist_source, run.seed) == ('mnist', 'package',
                                                         1)
  quick = mnist.hparams(dict(job, cas_steps=mnist.QUICK_CAS_STEPS),
                        str(tmp_path))
  assert quick.cas_steps == mnist.QUICK_CAS_STEPS


def test_comparison_rule_by_hand():
  # PD: 0.90, 0.92, 0.94 (mean 0.92, sample variance 0.0004); AC: 0.80,
  # 0.83, 0.86 (mean 0.83, variance 0.0009). SE = sqrt(0.0004 / 3 +
  # 0.0009 / 3) = 0.020817; d = 0.09 = 4.32 SE: better.
  c = mnist.compare([0.90, 0.92, 0.94], [0.80, 0.83, 0.86], True)
  assert c['difference'] == pytest.approx(0.09)
  assert c['standard_error'] == pytest.approx(0.020817, abs=1e-6)
  assert c['in_se'] == pytest.approx(4.3235, abs=1e-4)
  assert c['verdict'] == 'better'
  # The same numbers for a lower-is-better metric: worse.
  assert mnist.compare([0.90, 0.92, 0.94], [0.80, 0.83, 0.86],
                       False)['verdict'] == 'worse'
  # 0.90, 0.95, 0.85 (mean 0.90, variance 0.0025) against 0.88, 0.86, 0.90
  # (0.88, 0.0004): SE = sqrt(0.0029 / 3) = 0.031091, d = 0.02 = 0.64 SE.
  c = mnist.compare([0.90, 0.95, 0.85], [0.88, 0.86, 0.90], True)
  assert c['standard_error'] == pytest.approx(0.031091, abs=1e-6)
  assert c['in_se'] == pytest.approx(0.6433, abs=1e-4)
  assert c['verdict'] == 'not different'
  with pytest.raises(ValueError, match='2 or more seeds'):
    mnist.compare([0.9], [0.8, 0.7], True)


def test_the_report_states_the_comparison():
  rows = []
  values = {'PD + hinge': ([0.90, 0.92, 0.94], [20.0, 22.0, 24.0]),
            'AC': ([0.80, 0.83, 0.86], [21.0, 23.0, 25.0])}
  for config, (cas, intra) in values.items():
    rows.append({'study': 'conditional', 'config': config,
                 'classification_accuracy_score_values': cas,
                 'intra_class_fcd_values': intra})
  lines = mnist._comparison_lines(rows)  # pylint: disable=protected-access
  [cas_line] = [l for l in lines if 'classification_accuracy_score' in l]
  assert cas_line.endswith('PD + hinge better.')
  # Intra-class FCD: d = -1.0, SE = sqrt(4 / 3 + 4 / 3) = 1.633: 0.6 SE.
  [fcd_line] = [l for l in lines if 'intra_class_fcd' in l]
  assert ('not different: the difference is 0.6 standard errors, short of '
          '2 (3.2660).') in fcd_line
  assert 'difference -1.0000' in fcd_line


def test_a_long_run_checkpoints_to_continue_where_it_stopped():
  job = dict(seed=0, steps=mnist.STEPS, fields=dict(mnist.NARROW))
  run = mnist.hparams(job, '/tmp/x')
  # A study's run checkpoints every CHECKPOINT_STEPS, and the interval is
  # a resumable field: a run continued with another does not refuse.
  assert run.save_checkpoint_steps == mnist.CHECKPOINT_STEPS < mnist.STEPS
  assert 'save_checkpoint_steps' in train_lib.RESUMABLE
  short = mnist.hparams(dict(job, steps=20), '/tmp/x')
  assert short.save_checkpoint_steps == 20
  # The reports say which runs were continued after an interruption.
  status = mnist._status  # pylint: disable=protected-access
  assert status({'status': 'ok', 'resumed_from_step': 757}) == (
      'ok (resumed at step 757)')
  assert status({'status': 'ok', 'resumed_from_step': 0}) == 'ok'
  assert status({'status': 'ok'}) == 'ok'


def test_the_scarce_report_states_each_ratio_beside_8x8():
  # none: 100, 110, 120 (mean 110, sample variance 100); DiffAugment: 20,
  # 22, 24 (22, 4): ratio 0.20, d = -88, SE = sqrt(100 / 3 + 4 / 3) =
  # 5.888: -14.9 SE, lower. Averaged: 35, 50, 65 (mean 50, variance 225)
  # against 50, 60, 70 (60, 100): ratio 0.83, d = -10, SE = sqrt(325 / 3) =
  # 10.41: -0.96 SE, not different.
  rows = [{'study': 'scarce', 'config': 'none',
           'fcd_values': [100.0, 110.0, 120.0],
           'fcd_averaged_values': [50.0, 60.0, 70.0]},
          {'study': 'scarce', 'config': 'DiffAugment',
           'fcd_values': [20.0, 22.0, 24.0],
           'fcd_averaged_values': [35.0, 50.0, 65.0]}]
  lines = mnist._scarce_lines(rows)  # pylint: disable=protected-access
  [line] = [l for l in lines if l.startswith('- DiffAugment / none')]
  assert line == ('- DiffAugment / none: raw 0.20× (lower, -14.9 SE; 8×8: '
                  '0.14×); averaged 0.83× (not different, -1.0 SE; 8×8: '
                  '0.11×).')
  # Configurations not run are named, not left out.
  assert '- bCR / none: not both in this report.' in lines
  assert '- ADA / DiffAugment: not both in this report.' in lines
  # One seed a side cannot be compared.
  one = [dict(r, fcd_values=r['fcd_values'][:1],
              fcd_averaged_values=r['fcd_averaged_values'][:1]) for r in rows]
  lines = mnist._scarce_lines(one)  # pylint: disable=protected-access
  [line] = [l for l in lines if l.startswith('- DiffAugment / none')]
  # 20 / 100 and 35 / 50:
  assert ('raw 0.20× (fewer than 2 seeds a side; 8×8: 0.14×); averaged '
          '0.70× (fewer than 2 seeds a side; 8×8: 0.11×).') in line


def test_the_headline_report_states_the_class_band_per_seed():
  results = [
      {'status': 'ok', 'seed': 1, 'min_class_share': 0.071,
       'max_class_share': 0.152, 'min_class_share_averaged': 0.08,
       'max_class_share_averaged': 0.12},
      {'status': 'ok', 'seed': 0, 'min_class_share': 0.09,
       'max_class_share': 0.11, 'min_class_share_averaged': 0.085,
       'max_class_share_averaged': 0.115},
      {'status': 'failed', 'seed': 2}]
  lines = mnist._band_lines(results)  # pylint: disable=protected-access
  assert lines[0] == (
      '- raw generator: every class between 5% and 15% of the samples on '
      'every seed: no (seed 0 9.0-11.0%; seed 1 7.1-15.2%).')
  assert lines[1] == (
      '- averaged generator: every class between 5% and 15% of the samples '
      'on every seed: yes (seed 0 8.5-11.5%; seed 1 8.0-12.0%).')
