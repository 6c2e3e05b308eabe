# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Runs `python -m benchmarks.quality --quick` and checks the tables it writes.

The run writes to a temporary directory, never to benchmarks/results.
"""

import csv
import json
import math
import os
import subprocess
import sys

import pytest

import tfgan_ext
from benchmarks import quality
from benchmarks import quality_files
from benchmarks import quality_header
from benchmarks import quality_plan
from benchmarks import quality_report
from benchmarks import quality_runs
from benchmarks import quality_summary
from examples.common import hparams as hparams_lib
from examples.digits import train_lib as digits_train
from examples.toy2d import train_lib as toy2d_train

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _quick_run(tmp_dir):
  out_dir = os.path.join(tmp_dir, 'out')
  subprocess.run(
      [sys.executable, '-m', 'benchmarks.quality', '--quick',
       '--out_dir', out_dir, '--work_dir', os.path.join(tmp_dir, 'work')],
      cwd=ROOT, check=True, timeout=600)
  return out_dir


# Started when the session starts (tests/background.py).
BACKGROUND = (_quick_run,)


@pytest.fixture(scope='module')
def quick_run(background):
  return background.result(_quick_run)


def _rows(out_dir):
  with open(os.path.join(out_dir, 'quality.csv')) as f:
    return list(csv.DictReader(f))


def _expected_configs(dataset=None):
  """Shared rows; then, for `dataset`, the rows that have a preset there."""
  loss_rows = [(n, n, 'none') for n in tfgan_ext.losses.names(
      include_aliases=False)]
  rows = loss_rows + [c[:3] for c in quality_plan.PENALTY_CONFIGS]
  expected = [label for label, _, _ in rows]
  if dataset is not None:
    expected += [quality_plan.recommended_label(label)
                 for label, loss, penalty in rows
                 if quality_plan.preset(dataset, loss, penalty)]
  return expected


def test_writes_every_file(quick_run):
  for name in ('quality.md', 'quality.csv', 'quality_runs.csv',
               'quality.png'):
    path = os.path.join(quick_run, name)
    assert os.path.getsize(path) > 0, name
  with open(os.path.join(quick_run, 'quality.png'), 'rb') as f:
    assert f.read(8) == b'\x89PNG\r\n\x1a\n'


def test_csv_columns(quick_run):
  with open(os.path.join(quick_run, 'quality.csv')) as f:
    assert tuple(csv.DictReader(f).fieldnames) == quality_files.CSV_FIELDS


def test_one_row_per_loss_and_dataset(quick_run):
  rows = [r for r in _rows(quick_run) if r['source'] == 'measured']
  for dataset in ('ring', 'grid', 'digits'):
    configs = [r['config'] for r in rows if r['dataset'] == dataset]
    assert configs == _expected_configs(dataset), dataset


def test_every_registered_name_is_covered(quick_run):
  losses = {r['gan_loss'] for r in _rows(quick_run)
            if r['source'] == 'measured'}
  canonical = {tfgan_ext.losses.aliases().get(n, n)
               for n in tfgan_ext.losses.names()}
  assert canonical <= losses


def test_measured_numbers_are_finite_and_in_range(quick_run):
  for r in _rows(quick_run):
    if r['source'] != 'measured':
      continue
    assert int(r['finished']) == int(r['seeds']) == 1, r
    assert math.isfinite(float(r['wall_time_s_mean']))
    # sample_quality's ranges: precision, recall and coverage are fractions;
    # density is a mean count ratio, >= 0 (it can exceed 1).
    for name in ('precision', 'recall', 'coverage'):
      assert 0 <= float(r[name + '_mean']) <= 1, (name, r)
    assert float(r['density_mean']) >= 0
    assert math.isfinite(float(r['kid_mean']))
    if r['dataset'] == 'digits':
      # After 20 steps the generator is far from the data: its FCD and KID
      # lie well above the floors that two halves of the real images reach.
      assert 0 <= float(r['fcd_real_vs_real']) < float(r['fcd_mean'])
      assert float(r['kid_real_vs_real']) < float(r['kid_mean'])
    else:
      modes = int(r['num_modes'])
      assert modes == {'ring': 8, 'grid': 25}[r['dataset']]
      assert 0 <= float(r['modes_captured_mean']) <= modes
      assert 0 <= float(r['high_quality_fraction_mean']) <= 1
      # Reverse KL against the uniform mixture lies in [0, log K]; the CSV
      # keeps 6 significant digits, so allow that rounding.
      assert -1e-5 <= float(r['reverse_kl_mean']) <= math.log(modes) + 1e-5


def test_digits_rows_share_one_real_vs_real_floor(quick_run):
  # One eval classifier, trained once and copied into every digits run, and
  # the same two real halves: every run reports the same floor.
  floors = {r['fcd_real_vs_real'] for r in _rows(quick_run)
            if r['source'] == 'measured' and r['dataset'] == 'digits'}
  assert len(floors) == 1


def test_published_rows_are_labelled_and_exact(quick_run):
  published = [r for r in _rows(quick_run) if r['source'] != 'measured']
  assert all('published' in r['source'] for r in published)
  got = {(r['config'], r['dataset']): (float(r['modes_captured_mean']),
                                       float(r['high_quality_fraction_mean']),
                                       float(r['reverse_kl_mean']))
         for r in published}
  # The values of PacGAN Table 1 as listed in issue 5.
  assert got == {('GAN', 'ring'): (6.3, 0.982, 0.45),
                 ('GAN', 'grid'): (17.3, 0.948, 0.70),
                 ('PacGAN4', 'ring'): (7.8, 0.959, 0.07),
                 ('PacGAN4', 'grid'): (24.8, 0.936, 0.04)}


def test_markdown_names_every_row_and_the_published_source(quick_run):
  with open(os.path.join(quick_run, 'quality.md')) as f:
    text = f.read()
  for config in _expected_configs():
    assert '| %s |' % config in text
  assert 'PacGAN Table 1' in text
  assert 'load average' in text and 'tensorflow 2.' in text
  # sklearn's 1,797 digits: the eval generates as many images as half the
  # real ones, 898; the example's default toy2d eval draws 2,500 samples.
  assert 'FCD between 898 generated images' in text
  assert 'std, 2500 samples' in text
  assert '## toy2d ring (8 modes, std 0.01)' in text
  assert '## toy2d grid (25 modes, std 0.05)' in text
  assert '## Each configuration as recommended' in text
  assert 'fewer steps than the examples\' defaults' in text  # quick mode


def test_plan_is_dataset_then_seed_major_with_equal_budgets():
  settings = dict(quality.MODES['full'])
  rows = [('a', 'a', 'none', 0.0, 1), ('b', 'b', 'none', 0.0, 1)]
  jobs = quality_plan.plan(settings, rows)
  assert len(jobs) == 2 * (settings['toy_seeds'] * 2
                           + settings['digits_seeds'])
  order = [(j['dataset'], j['seed']) for j in jobs]
  datasets = ['digits', 'ring', 'grid']
  assert order == sorted(order, key=lambda o: (datasets.index(o[0]), o[1]))
  assert {j['steps'] for j in jobs if j['dataset'] == 'digits'} == {
      settings['digits_steps']}
  for dataset in ('ring', 'grid'):
    assert {j['steps'] for j in jobs if j['dataset'] == dataset} == {
        settings['toy_steps']}
  assert len({j['key'] for j in jobs}) == len(jobs)


def test_summarize_counts_diverged_runs():
  base = dict(config='a', gan_loss='a', penalty='none', penalty_weight=0.0,
              penalty_every=1, steps=10, dataset='ring', wall_time_s=1.0)
  results = [dict(base, seed=0, status='ok', modes_captured=8,
                  high_quality_fraction=0.5, reverse_kl=0.1),
             dict(base, seed=1, status='ok', modes_captured=6,
                  high_quality_fraction=0.7, reverse_kl=0.3),
             dict(base, seed=2, status='diverged: nan')]
  row = quality_summary.summarize(results, [('a', 'a', 'none', 0.0, 1)])[0]
  assert (row['seeds'], row['finished']) == (3, 2)
  assert row['modes_captured_mean'] == 7.0
  # Sample std (ddof=1) of (8, 6) is sqrt(2).
  assert math.isclose(row['modes_captured_std'], math.sqrt(2))


def test_ties_use_one_std_on_both_metrics():
  def row(name, modes, modes_std, kl, kl_std):
    return dict(source='measured', dataset='ring', config=name,
                penalty='none', finished=3, modes_captured_mean=modes,
                modes_captured_std=modes_std, reverse_kl_mean=kl,
                reverse_kl_std=kl_std, high_quality_fraction_mean=0.5)
  best = row('a', 8.0, 0.0, 0.002, 0.001)
  rows = [best, row('b', 8.0, 0.0, 0.004, 0.001),  # |diff| 0.002 <= 0.002
          row('c', 8.0, 0.0, 0.010, 0.001),  # too far on reverse KL
          row('d', 6.0, 1.0, 0.002, 0.001)]  # too far on modes
  assert quality_summary.headline(rows, 'ring')[0] is best
  assert [r['config'] for r in quality_summary.ties(rows, 'ring', best)] == [
      'b']


def test_runs_vary_only_the_benchmark_fields():
  job = dict(gan_loss='hinge', penalty='r1', penalty_weight=5.0,
             penalty_every=16, seed=2, steps=4000, dataset='grid')
  toy = quality_runs.toy2d_hparams(job, '/tmp/run')
  # toy2d decays the learning rate over the last 3,000 of its 10,000
  # default steps: 30% of 4,000 is 1,200.
  assert toy == toy2d_train.HParams(
      gan_loss='hinge', penalty='r1', penalty_weight=5.0, penalty_every=16,
      seed=2, max_number_of_steps=4000, lr_decay_steps=1200,
      train_log_dir='/tmp/run', eval=False, dataset='grid',
      log_every_n_steps=4000, save_checkpoint_steps=4000,
      save_summaries_steps=4000)
  digits = quality_runs.digits_hparams(dict(job, penalty='none'), '/tmp/d')
  # Unpenalized: penalty_weight and penalty_every keep their defaults.
  assert (digits.penalty, digits.penalty_weight, digits.penalty_every) == (
      'none', digits_train.HParams().penalty_weight,
      digits_train.HParams().penalty_every)
  assert digits == digits_train.HParams(
      gan_loss='hinge', seed=2, max_number_of_steps=4000,
      train_log_dir='/tmp/d', eval=False, log_every_n_steps=4000,
      save_checkpoint_steps=4000, save_summaries_steps=4000)


def test_recommended_jobs_only_where_a_preset_exists():
  settings = dict(quality.MODES['full'], toy_seeds=1, digits_seeds=1)
  rows = quality_plan.configs(quality_plan.SCHEDULES)
  jobs = [j for j in quality_plan.plan(settings, rows) if j['preset']]
  found = {(j['dataset'], j['gan_loss'], j['penalty']) for j in jobs}
  # WGAN-GP has presets on both tasks; so do R1 and DRAGAN (any loss).
  assert ('digits', 'wasserstein', 'wasserstein_gradient_penalty') in found
  assert ('grid', 'wasserstein', 'wasserstein_gradient_penalty') in found
  for dataset, loss, penalty in found:
    # The example's own presets (toy2d's for ring and grid).
    train_lib = digits_train if dataset == 'digits' else toy2d_train
    assert hparams_lib.find_preset(train_lib.PRESETS, train_lib.HParams(
        gan_loss=loss, penalty=penalty)) is not None
  assert all(j['config'].endswith(quality_plan.RECOMMENDED) for j in jobs)
  assert len({j['key'] for j in quality_plan.plan(settings, rows)}) == len(
      quality_plan.plan(settings, rows))
  assert quality_plan.recommended_label('modified + R1 (γ=10)') == (
      'modified + R1 (recommended)')
  assert quality_plan.recommended_label('hinge') == 'hinge (recommended)'
  with pytest.raises(ValueError, match='Unknown schedules bogus'):
    quality_plan.configs(('bogus',))


def test_a_recommended_job_takes_the_preset_but_keeps_the_budget():
  job = dict(gan_loss='wasserstein', penalty='wasserstein_gradient_penalty',
             penalty_weight=10.0, penalty_every=1, seed=0, steps=4000,
             dataset='ring', preset=True)
  toy = quality_runs.toy2d_hparams(job, '/tmp/run')
  # examples/toy2d/train_lib.PRESETS, WGAN-GP: the authors' gan_toy.py.
  assert (toy.penalty_weight, toy.discriminator_train_steps, toy.adam_beta1,
          toy.adam_beta2, toy.generator_lr) == (0.1, 5, 0.5, 0.9, 1e-4)
  assert (toy.max_number_of_steps, toy.seed) == (4000, 0)
  shared = quality_runs.toy2d_hparams(dict(job, preset=False), '/tmp/run')
  assert (shared.penalty_weight, shared.discriminator_train_steps) == (10.0, 1)
  # examples/digits/train_lib.PRESETS: hinge's preset adds R1 gamma 10
  # (weight 5).
  hinge = dict(job, gan_loss='hinge', penalty='none', dataset='digits')
  digits = quality_runs.digits_hparams(hinge, '/tmp/d')
  assert (digits.penalty, digits.penalty_weight) == ('r1', 5.0)
  assert quality_runs.digits_hparams(dict(hinge, preset=False),
                                     '/tmp/d').penalty == 'none'



def _measured(dataset, config, fcd_real_vs_real=None, penalty='none',
              **means):
  """A summary row as `quality_summary.summarize` makes it (2 seeds)."""
  row = dict(source='measured', dataset=dataset, config=config, finished=2,
             seeds=2, fcd_real_vs_real=fcd_real_vs_real, penalty=penalty)
  row.update({k + '_mean': v for k, v in means.items()})
  return row


def test_as_recommended_takes_the_preset_row_where_there_is_one():
  rows = [_measured('ring', 'hinge', modes_captured=8),
          _measured('ring', 'modified + R1 (γ=10)', modes_captured=7),
          _measured('ring', 'modified + R1 (recommended)', modes_captured=8),
          _measured('grid', 'hinge', modes_captured=20)]
  assert {k: r['config'] for k, r in quality_summary.as_recommended(
      rows, 'ring').items()} == {
          'hinge': 'hinge',
          'modified + R1 (γ=10)': 'modified + R1 (recommended)'}
  assert list(quality_summary.as_recommended(rows, 'grid')) == ['hinge']


def test_targets_name_what_falls_short():
  toy = dict(high_quality_fraction=0.95, reverse_kl=0.01)
  rows = [
      _measured('ring', 'a', **dict(toy, modes_captured=8.0)),
      # 7.4 < 7.5 modes: below the ring target although HQ is 95 %.
      _measured('ring', 'b', **dict(toy, modes_captured=7.4)),
      _measured('grid', 'a', **dict(toy, modes_captured=25.0)),
      # Reverse KL 0.06 > 0.05: not a grid configuration at the target.
      _measured('grid', 'b', modes_captured=25.0, high_quality_fraction=0.95,
                reverse_kl=0.06),
      _measured('digits', 'a', fcd=6.0, fcd_real_vs_real=3.0),
      _measured('digits', 'b', fcd=18.5, fcd_real_vs_real=3.0),  # > 3 x 6
      # Beyond 3 x 6 on the shared schedule; its preset adds R1: 9.0.
      _measured('digits', 'c', fcd=30.0, fcd_real_vs_real=3.0),
      _measured('digits', 'c (recommended)', fcd=9.0, fcd_real_vs_real=3.0,
                penalty='r1'),
  ]
  text = '\n'.join(quality_report._recommended_lines(rows))
  assert '| a | shared | 8.0 |' in text
  assert '90 % high quality: 1 of 2; below: b (7.4, 95.0 %).' in text
  assert 'reverse KL ≤ 0.05: a.' in text
  # 6.0 / 3.0 = 2.00; 18.5 / 6.0 = 3.08 in the table.
  assert 'best FCD 6.00 against the real-vs-real floor 3.00 (2.00×' in text
  assert 'beyond it: b (18.5).' in text
  assert '| 18.50 | 3.08 |' in text
  assert '| c | preset on digits (+ r1) | — |' in text
  assert '| 9.00 | 1.50 |' in text


def test_budget_line_says_whether_it_is_the_examples_defaults():
  full = ' '.join(quality_header.budget_lines(quality.MODES['full']))
  # toy2d decays over the last 3,000 of 10,000 steps (train_lib.HParams).
  assert 'toy2d: 10000 generator steps per run (the learning rate decays ' \
         'over the last 3000), 3 seed(s); digits: 3000 generator steps, 2 ' \
         'seed(s). These are the examples\' defaults.' in full
  quick = ' '.join(quality_header.budget_lines(quality.MODES['quick']))
  assert 'fewer steps than the examples\' defaults' in quick


def test_report_only_writes_partial_tables_from_stored_runs(tmp_path):
  settings = quality.MODES['quick']
  jobs = quality_plan.plan(settings, quality_plan.configs(
      quality_plan.SCHEDULES))
  digits = [j for j in jobs if j['dataset'] == 'digits'][:2]
  for i, job in enumerate(digits):
    run_dir = tmp_path / 'work' / 'runs' / job['key']
    run_dir.mkdir(parents=True)
    result = dict(job, status='ok', fcd=4.0 + 2 * i, fcd_real_vs_real=2.5,
                  classifier_held_out_accuracy=0.97, num_samples=898,
                  wall_time_s=1.0, finished_at=1.8e9)
    (run_dir / 'result.json').write_text(json.dumps(result))
  out_dir = tmp_path / 'out'
  rows = quality.main(['--quick', '--report_only', '--work_dir',
                       str(tmp_path / 'work'), '--out_dir', str(out_dir)])
  measured = [r for r in rows if r['source'] == 'measured']
  assert [r['config'] for r in measured] == [j['config'] for j in digits]
  text = (out_dir / 'quality.md').read_text()
  assert '**partial**: 2 of the plan\'s %d runs are finished (digits 2, ' \
         'ring 0, grid 0)' % len(jobs) in text
  assert 'held-out accuracy 0.970' in text
  # Nothing was trained: the work directory holds only the two stored runs.
  assert sorted(os.listdir(tmp_path / 'work' / 'runs')) == sorted(
      j['key'] for j in digits)


def test_recommended_jobs_a_preset_makes_identical_train_once(tmp_path):
  settings = dict(quality.MODES['full'], toy_seeds=1, digits_seeds=1)
  jobs = quality_plan.plan(settings, quality_plan.configs(
      quality_plan.SCHEDULES))
  trained = quality_runs.mark_same_runs(jobs)
  same = {(j['dataset'], j['key']): j['same_run_as'] for j in jobs
          if j.get('same_run_as')}
  # toy2d's train_lib.PRESETS: plain wasserstein's preset adds WGAN-GP's (the
  # same settings as the WGAN-GP preset); the job that names its penalty
  # trains. Nothing else is identical once its preset applies; the shared
  # digits R1 job and its recommended twin both train.
  gp = 'wasserstein-wasserstein_gradient_penalty-w10-k1-recommended-s0-n10000'
  assert same == {(d, '%s-wasserstein-recommended-s0-n10000' % d): '%s-%s' % (
      d, gp) for d in quality_plan.TOY_DATASETS}
  assert len(trained) == len(jobs) - 2
  assert {'digits-modified-r1-w5-k1-s0-n3000',
          'digits-modified-r1-w5-k1-recommended-s0-n3000'} <= {
              j['key'] for j in trained}

  # The shared run's result, under the job's own label and key.
  job = next(j for j in jobs if j.get('same_run_as', '').startswith('ring'))
  assert quality_runs.stored_result(job, str(tmp_path)) is None
  twin = next(j for j in jobs if j['key'] == job['same_run_as'])
  run_dir = tmp_path / 'runs' / twin['key']
  run_dir.mkdir(parents=True)
  (run_dir / 'result.json').write_text(json.dumps(dict(
      twin, status='ok', modes_captured=8, penalty_weight=0.1)))
  result = quality_runs.stored_result(job, str(tmp_path))
  assert (result['config'], result['key'], result['same_run_as']) == (
      job['config'], job['key'], twin['key'])
  assert (result['penalty'], result['penalty_weight'],
          result['modes_captured']) == (
              'wasserstein_gradient_penalty', 0.1, 8)
  twin_result = quality_runs.stored_result(twin, str(tmp_path))
  assert 'same_run_as' not in twin_result
  assert quality_header.same_run_lines([twin_result, result]) == [
      '- same runs: on ring, "wasserstein (recommended)" is the run of '
      '"wasserstein + WGAN-GP (recommended)" (its preset gives the same '
      'settings), not a second one.']
