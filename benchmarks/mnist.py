# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
r"""MNIST at 28x28: losses, R1, TF-GAN's networks and scarce data, measured.

  python -m benchmarks.mnist --study=pilot     # settings, on seed 100
  python -m benchmarks.mnist --study=quality   # the losses alone and with R1
  python -m benchmarks.mnist --study=headline  # TF-GAN's networks
  python -m benchmarks.mnist --study=scarce    # 10% of MNIST, augmentations
  python -m benchmarks.mnist --study=scarcer   # the same on 1% of MNIST
  python -m benchmarks.mnist --study=conditional  # heads and class losses
  python -m benchmarks.mnist --study=quality --quick   # seconds (CI)
  python -m benchmarks.mnist --study=quality --report_only  # runs so far

Trains the digits example on `--dataset=mnist` (the packaged MNIST, offline;
`examples.digits.train_lib.train`, the gan_train trainer) and evaluates each
run with the committed classifier (`eval_lib.evaluate`: 10,000 samples
against the 10,000 test images; FCD, KID, precision/recall,
density/coverage, classifier score, class histogram, beside the floors of
the test images against 10,000 training images; for the conditional study
also the intra-class FCD with its per-class floors, the classification
accuracy score and how often the classifier gives a sample its label).
Everything is fixed in
`STUDIES` before the reported seeds (0, 1, 2) ran; the pilot study chose
what is marked as chosen there, on seed 100, which no report uses. Runs
go to worker processes with one TensorFlow thread each and are stored: an
interrupted study resumes, a finished run is never trained again, and an
interrupted run continues from its last checkpoint (every 500 steps).
Writes mnist_<study>.md / .csv (per configuration: means and sample
standard deviations over seeds) and mnist_<study>_runs.csv (every run).
The conditional study's report also compares PD + hinge with AC (`compare`).
"""

import json
import math
import os
import statistics
import sys
import time

from benchmarks import environment
from benchmarks import tables
from benchmarks import workers
from examples.common import hparams as hparams_lib
from examples.common import training
from examples.digits import eval_lib
from examples.digits import train_lib

__all__ = ['COMPARISONS', 'CONDITIONAL_METRICS', 'LUCIC_2018', 'METRICS',
           'NARROW', 'SCARCE_RATIOS', 'SNGAN_CNN', 'STUDIES', 'TFGAN_MNIST',
           'check_stored', 'compare', 'jobs', 'main', 'run_job', 'summarize']

# The sweeps' network: the digits DCGAN at 28x28 and half its width (32
# channels), about a fifth of the multiply-adds of TF-GAN's MNIST networks
# per step (measured here: 40 against 7.5 steps/s on 2 threads).
NARROW = dict(networks='dcgan', generator_channels=32,
              discriminator_channels=32)
# TF-GAN's MNIST networks, with TF-GAN's example's noise size.
TFGAN_MNIST = dict(networks='tfgan_mnist', noise_dims=64)

# The losses of issue 27's quality study; wasserstein takes its preset
# (digits': WGAN's weight clipping, 5 critic steps), the others none.
LOSSES = ('non_saturating', 'minimax', 'hinge', 'lsgan', 'wasserstein',
          'relativistic')
# R1 with gamma 10 (weight gamma / 2 = 5: digits' preset, Mescheder et al.
# 2018's most used value).
R1 = dict(penalty='r1', penalty_weight=5.0)
# The recommended configuration (the digits benchmark's best: R1 gamma 10)
# with the generator's average, which the digits runs found better in 24 of
# 27 runs.
RECOMMENDED = dict(R1, gan_loss='non_saturating', generator_ema=0.999)
STEPS = 5000  # 320,000 images at batch 64: 5.3 epochs of the 60,000.
# A run checkpoints this often, so that one interrupted (a session's end)
# continues from there when the study is run again (TF-GAN's networks: 5,000
# steps take 20-45 minutes beside other runs).
CHECKPOINT_STEPS = 500
SEEDS = (0, 1, 2)
PILOT_SEEDS = (100,)

# The pilot chose, on seed 100: the headline's learning rates
# between the digits example's (2e-4 for both players) and TF-GAN's MNIST
# example's (1e-3 generator, 1e-4 discriminator), by FCD.
_LEARNING_RATES = {
    'digits_lr': dict(generator_lr=2e-4, discriminator_lr=2e-4),
    'tfgan_lr': dict(generator_lr=1e-3, discriminator_lr=1e-4),
}
# Chosen by the pilot (mnist_pilot.md, seed 100): FCD 46.0, averaged
# generator 15.6, against 157.1 and 25.5 at TF-GAN's rates.
HEADLINE_LR = 'digits_lr'

# The conditional study's network: SNGAN's standard CNN at 28x28 (Miyato et
# al. 2018, table 3; conditional batch norm in the generator, a head on the
# discriminator's features), noise 128 as the paper's, at width w = 16 (the
# paper's 64 is 16x the multiply-adds). Measured on this 2-core machine
# (2026-12-07, beside two benchmark workers, load average 4-4.5, niced, one
# TensorFlow thread): a gan_train_ops step alone (generator, then
# discriminator; batch 64, projection head, hinge; after 20 steps, over 200)
# ran 32.3, 14.6, 7.2 and 4.9 steps/s at w = 8, 16, 24 and 32 (5,000 steps:
# 2.6, 5.7, 11.6, 17 minutes); through the digits trainer on MNIST (input
# pipeline and hooks; steps 100-400 of this study's runs) 12-12.5 steps/s
# at 16 for PD + hinge, PD + MH and MH, 10 for D2D-CE (its 512-d embeddings),
# and 13.6 at w = 12: the trainer's own per-step cost dominates below 16.
SNGAN_CNN = dict(networks='sngan_cnn', generator_channels=16,
                 discriminator_channels=16, noise_dims=128)
# The heads and class losses of issue 28 (tfgan_ext.conditional,
# tfgan_ext.losses.get_conditional with the papers' weights). hinge is the
# adversarial part wherever a loss has one (SNGAN's and the projection
# paper's loss, StudioGAN's configurations), so the configurations differ
# in the head and the class term alone; MH (the K + 1 loss) has none. The
# learning rates and betas are digits' defaults (Adam 2e-4, 0.5, 0.999:
# SNGAN's setting C), one discriminator step, no penalty.
_CONDITIONAL = dict(SNGAN_CNN, conditional=True)
_CONDITIONAL_CONFIGS = (
    ('concat + hinge', dict(conditional_head='concat', gan_loss='hinge')),
    ('AC', dict(conditional_head='ac', conditional_loss='acgan',
                gan_loss='hinge')),
    ('PD + hinge', dict(conditional_head='projection', gan_loss='hinge')),
    ('PD + MH', dict(conditional_head='projection_ac',
                     conditional_loss='auxiliary_multi_hinge',
                     gan_loss='hinge')),
    ('MH', dict(conditional_head='multi_hinge',
                conditional_loss='multi_hinge')),
    ('D2D-CE', dict(conditional_head='d2dce', conditional_loss='d2dce',
                    gan_loss='hinge')),
)
# The scarce-data studies' configurations, each with the non-saturating
# loss on the narrow network.
_SCARCE_CONFIGS = (
    ('none', {}), ('DiffAugment', dict(augment='diffaugment')),
    ('ADA', dict(augment='ada')), ('bCR', dict(bcr_weight=10.0)))
# The comparison: (configuration, against, metric, higher is
# better); `compare` says which is better.
COMPARISONS = (
    ('PD + hinge', 'AC', 'classification_accuracy_score', True),
    ('PD + hinge', 'AC', 'intra_class_fcd', False),
)
# --quick: the CAS classifier's steps (the eval's default is 5,000).
QUICK_CAS_STEPS = 20
# The scarce study's question (issue 27): does digits' finding at 8x8, 10% of
# the images (180), hold at 28x28? (configuration, against, the 8x8 ratio of
# the mean FCDs of the raw generator, of the averaged one, and its report):
# benchmarks/results/limited_data.md (16.86 / 123.07, 12.64 / 117.49; ADA
# 26.91, 23.54) and limited_data_bcr.md (13.80 / 113.60, 11.44 / 113.28).
SCARCE_RATIOS = (
    ('DiffAugment', 'none', 0.14, 0.11, 'limited_data.md'),
    ('ADA', 'none', 0.22, 0.20, 'limited_data.md'),
    ('ADA', 'DiffAugment', 1.60, 1.86, 'limited_data.md'),
    ('bCR', 'none', 0.12, 0.10, 'limited_data_bcr.md'),
)

STUDIES = {
    'pilot': [
        ('headline ' + name, dict(TFGAN_MNIST, **RECOMMENDED, **lr))
        for name, lr in _LEARNING_RATES.items()] + [
            ('narrow non_saturating', dict(NARROW, gan_loss='non_saturating')),
            ('narrow non_saturating + R1', dict(NARROW, **R1,
                                                gan_loss='non_saturating'))],
    'quality': [
        ('%s%s' % (loss, ' + R1' if penalty else ''),
         dict(NARROW, gan_loss=loss, **(R1 if penalty else {})))
        for loss in LOSSES for penalty in (False, True)],
    'headline': [
        ('TF-GAN MNIST networks, non_saturating + R1 + average 0.999',
         dict(TFGAN_MNIST, **RECOMMENDED,
              **_LEARNING_RATES[HEADLINE_LR]))],
    # 10% of MNIST (6,000 images), always with the generator's average
    # (0.99, the limited-data benchmark's); DiffAugment's three policies,
    # ADA at the digits example's speed (20,000 images), bCR's lambda 10.
    'scarce': [
        (name, dict(NARROW, gan_loss='non_saturating', train_fraction=0.1,
                    generator_ema=0.99, **fields))
        for name, fields in _SCARCE_CONFIGS],
    # The same at 1% (600 images), added after the 10% study's first runs:
    # without augmentation they scored as on all 60,000 images (FCD 92.6 to
    # 100.1; the quality study's non_saturating: 97.3 +- 14.3), so 10% did
    # not starve the discriminator at 5,000 steps, the condition of the 8x8
    # finding (180 images, FCD 123 without augmentation).
    'scarcer': [
        (name, dict(NARROW, gan_loss='non_saturating', train_fraction=0.01,
                    generator_ema=0.99, **fields))
        for name, fields in _SCARCE_CONFIGS],
    'conditional': [(name, dict(_CONDITIONAL, **fields))
                    for name, fields in _CONDITIONAL_CONFIGS],
}

# Lucic et al. 2018 (arXiv:1711.10337), Table/Figure: MNIST, best FID of
# each loss over their search (Inception features, InfoGAN's architecture,
# 20 epochs): mean and standard deviation. Their features are Inception's,
# ours the committed classifier's: compare orderings, not values.
LUCIC_2018 = (
    ('non_saturating', 6.8, 0.5), ('wasserstein', 6.7, 0.4),
    ('lsgan', 7.8, 0.6), ('minimax', 9.8, 0.9))

METRICS = ('fcd', 'kid', 'kid_std', 'precision', 'recall', 'density',
           'coverage', 'classifier_score', 'min_class_share',
           'max_class_share')
CSV_FIELDS = ('study', 'config', 'seeds', 'steps', 'fcd_real_vs_real') + tuple(
    '%s%s_%s' % (m, suffix, stat) for m in METRICS
    for suffix in ('', '_averaged') for stat in ('mean', 'std')) + (
        'collapsed_seeds', 'steps_per_s_mean')
RUN_FIELDS = ('key', 'study', 'config', 'seed', 'steps', 'status') + tuple(
    '%s%s' % (m, s) for m in METRICS for s in ('', '_averaged')) + (
        'fcd_real_vs_real', 'class_histogram', 'class_histogram_averaged',
        'mnist_source', 'train_time_s', 'steps_per_s', 'resumed_from_step',
        'settings')
# A conditional run's scores besides METRICS (eval_lib.mnist_scores').
CONDITIONAL_METRICS = ('intra_class_fcd', 'intra_class_fcd_floor',
                       'classification_accuracy_score',
                       'conditional_accuracy')
CONDITIONAL_CSV_FIELDS = CSV_FIELDS + tuple(
    '%s_%s' % (m, stat) for m in CONDITIONAL_METRICS
    for stat in ('mean', 'std'))
CONDITIONAL_RUN_FIELDS = RUN_FIELDS + CONDITIONAL_METRICS + (
    'intra_class_fcd_per_class', 'intra_class_fcd_floor_per_class')


def jobs(study, seeds, steps, cas_steps=None):
  """One job per configuration of `study` x seed (dicts).

  `cas_steps`, if set, replaces the eval's CAS classifier steps (--quick).
  """
  return [{'key': '%s_%s_s%d' % (study, _slug(config), seed),
           'study': study, 'config': config, 'seed': seed, 'steps': steps,
           'fields': fields, 'cas_steps': cas_steps}
          for config, fields in STUDIES[study] for seed in seeds]


def _slug(text):
  return ''.join(c if c.isalnum() else '_' for c in text).strip('_')


def hparams(job, run_dir):
  """The run's HParams: digits' defaults, MNIST, the job's fields, presets.

  Presets apply as `--preset=recommended` would, except that they may not
  set what the job sets: wasserstein without a penalty gets digits' WGAN
  clipping; the other losses keep their job's penalty.
  """
  steps = max(job['steps'], 1)
  fields = dict(job['fields'])
  if job.get('cas_steps'):
    fields['cas_steps'] = job['cas_steps']
  base = train_lib.HParams(
      train_log_dir=run_dir, dataset='mnist', mnist_source='package',
      seed=job['seed'], max_number_of_steps=job['steps'], eval=False,
      log_every_n_steps=max(steps // 10, 1),
      save_checkpoint_steps=min(steps, CHECKPOINT_STEPS),
      save_summaries_steps=steps, **fields)
  if fields.get('gan_loss') != 'wasserstein':
    return base
  return hparams_lib.apply_presets(base, train_lib.PRESETS,
                                   set(fields) | {'penalty'})[0]


def _shares(histogram):
  total = float(sum(histogram))
  return min(histogram) / total, max(histogram) / total


def _train_and_evaluate(job, run_dir, result):
  run = hparams(job, run_dir)
  # An interrupted run continues from its checkpoint (run_stored's resume):
  # its time and speed are those of the steps trained now.
  first = (training.checkpoint_step(run_dir)
           if os.path.isdir(run_dir) else None) or 0
  result['resumed_from_step'] = first
  start = time.time()
  train_lib.train(run)
  result['train_time_s'] = time.time() - start
  result['steps_per_s'] = ((job['steps'] - first) /
                           max(result['train_time_s'], 1e-9))
  result['settings'] = json.dumps(
      {k: v for k, v in run._asdict().items()
       if k in job['fields'] or v != getattr(train_lib.HParams(), k)
       and k not in ('train_log_dir', 'seed', 'max_number_of_steps')},
      sort_keys=True)
  metrics = eval_lib.evaluate(run, seed=job['seed'])
  result['mnist_source'] = metrics['mnist_source']
  result['fcd_real_vs_real'] = metrics['fcd_real_vs_real']
  for suffix, values in (('', metrics),
                         ('_averaged', metrics.get('averaged'))):
    if values is None:
      continue
    for name in METRICS[:8]:
      result[name + suffix] = values[name]
    result['class_histogram' + suffix] = json.dumps(values['class_histogram'])
    (result['min_class_share' + suffix],
     result['max_class_share' + suffix]) = _shares(values['class_histogram'])
  if run.conditional:
    for name in CONDITIONAL_METRICS:
      result[name] = metrics[name]
    for name in ('intra_class_fcd_per_class',
                 'intra_class_fcd_floor_per_class'):
      result[name] = json.dumps([round(v, 3) for v in metrics[name]])


def check_stored(job, work_dir):
  """Refuses a stored run of `job`'s key that ran other settings.

  A run is stored under its key (study, configuration, seed): a --quick or
  --steps run in the same --work_dir would otherwise be taken for the full
  study's run, in its tables too.

  Args:
    job: One of `jobs()`.
    work_dir: The study's work directory.

  Raises:
    ValueError: The stored run's steps, fields or CAS steps differ.
  """
  path = os.path.join(work_dir, 'runs', job['key'], 'result.json')
  if not os.path.exists(path):
    return
  with open(path) as f:
    stored = json.load(f)
  differ = ['%s %s (asked: %s)' % (name, stored.get(name), job[name])
            for name in ('steps', 'fields', 'cas_steps')
            if stored.get(name) != json.loads(json.dumps(job[name]))]
  if differ:
    raise ValueError(
        'Run %s in %s was stored with other settings: %s. Give another '
        '--work_dir (--quick runs go to their own by default).' % (
            job['key'], work_dir, '; '.join(differ)))


# Trains and evaluates one (job, work_dir), or returns its stored result.
def run_job(args):
  job, work_dir = args
  return workers.run_stored(job, work_dir, lambda run_dir, result: (
      _train_and_evaluate(job, run_dir, result)), resume=True)


def collapsed(result, low=0.05, high=0.15):
  """Whether a run's samples leave the 5%-15% band of classes (issue 27)."""
  return not (result.get('min_class_share', 0) >= low and
              result.get('max_class_share', 1) <= high)


def summarize(results):
  """One row per study and configuration: means, stds over seeds."""
  rows = []
  for study in STUDIES:
    for config, _ in STUDIES[study]:
      runs = [r for r in results if r['study'] == study and
              r['config'] == config and r['status'] == 'ok']
      if not runs:
        continue
      row = {'study': study, 'config': config, 'seeds': len(runs),
             'steps': runs[0]['steps'],
             'fcd_real_vs_real': runs[0]['fcd_real_vs_real'],
             'collapsed_seeds': sum(collapsed(r) for r in runs),
             'steps_per_s_mean': tables.mean_and_std(
                 [r['steps_per_s'] for r in runs])[0]}
      for name in METRICS:
        for suffix in ('', '_averaged'):
          (row['%s%s_mean' % (name, suffix)],
           row['%s%s_std' % (name, suffix)]) = tables.mean_and_std(
               [r.get(name + suffix) for r in runs])
      for name in ('fcd', 'fcd_averaged'):
        row[name + '_values'] = [r.get(name) for r in runs]
      for name in CONDITIONAL_METRICS:
        row[name + '_mean'], row[name + '_std'] = tables.mean_and_std(
            [r.get(name) for r in runs])
        row[name + '_values'] = [r.get(name) for r in runs]
      rows.append(row)
  return rows


def compare(values, others, higher_is_better):
  """Whether `values` beat `others` (one value per seed) by 2 standard errors.

  The difference of the means, d = mean(values) - mean(others), against the
  standard error of that difference over seeds, SE = sqrt(s_1^2 / n_1 +
  s_2^2 / n_2) (sample variances): 'better' when d is beyond 2 SE in the
  good direction, 'worse' beyond 2 SE in the other, else 'not different'.

  Args:
    values: The configuration's values, one per seed (at least 2).
    others: The other configuration's.
    higher_is_better: The metric's direction.

  Returns:
    {'difference': d, 'standard_error': SE, 'in_se': d / SE (inf when SE is
    0 and d is not), 'verdict': 'better' | 'worse' | 'not different'}.

  Raises:
    ValueError: fewer than 2 values on a side.
  """
  values, others = list(values), list(others)
  if len(values) < 2 or len(others) < 2:
    raise ValueError('Comparing needs 2 or more seeds a side, got %d and %d.'
                     % (len(values), len(others)))
  difference = statistics.mean(values) - statistics.mean(others)
  error = math.sqrt(statistics.variance(values) / len(values) +
                    statistics.variance(others) / len(others))
  in_se = (difference / error if error else
           math.copysign(math.inf, difference) if difference else 0.0)
  good = in_se if higher_is_better else -in_se
  verdict = ('better' if good > 2 else 'worse' if good < -2
             else 'not different')
  return {'difference': difference, 'standard_error': error, 'in_se': in_se,
          'verdict': verdict}


def _comparison_lines(rows):
  """The issue's comparisons (COMPARISONS), one line each."""
  by_config = {r['config']: r for r in rows if r['study'] == 'conditional'}
  lines = ['Comparisons ("better": the difference of the means is larger '
           'than two standard errors of the difference over seeds):', '']
  for config, other, metric, higher in COMPARISONS:
    if config not in by_config or other not in by_config:
      lines.append('- %s against %s on %s: not both in this report.'
                   % (config, other, metric))
      continue
    values = [v for v in by_config[config][metric + '_values']
              if v is not None]
    others = [v for v in by_config[other][metric + '_values']
              if v is not None]
    if len(values) < 2 or len(others) < 2:
      lines.append('- %s against %s on %s: fewer than 2 seeds a side.'
                   % (config, other, metric))
      continue
    c = compare(values, others, higher)
    summary = ('- %s against %s on %s (%s is better): %.4f against %.4f, '
               'difference %+.4f, standard error %.4f (%+.1f SE): ' % (
                   config, other, metric, 'higher' if higher else 'lower',
                   statistics.mean(values), statistics.mean(others),
                   c['difference'], c['standard_error'], c['in_se']))
    if c['verdict'] == 'not different':
      summary += ('not different: the difference is %.1f standard errors, '
                  'short of 2 (%.4f).' % (abs(c['in_se']),
                                          2 * c['standard_error']))
    else:
      summary += '%s %s.' % (config, c['verdict'])
    lines.append(summary)
  return lines + ['']


def _verdict(values, others):
  """`compare` on FCD (lower is better) in words, or why it cannot."""
  if len(values) < 2 or len(others) < 2:
    return 'fewer than 2 seeds a side'
  c = compare(values, others, higher_is_better=False)
  return '%s, %+.1f SE' % (
      {'better': 'lower', 'worse': 'higher'}.get(c['verdict'], c['verdict']),
      c['in_se'])


def _scarce_lines(rows):
  """The scarce study's ratios of mean FCDs beside digits' at 8x8."""
  by_config = {r['config']: r for r in rows
               if r['study'] in ('scarce', 'scarcer')}
  lines = ['Against digits at 8×8 (10%% of the images, 180, 9,000 steps; '
           'benchmarks/results/%s): the ratio of the mean FCDs here, then '
           'whether the difference of the means exceeds two standard errors '
           'over seeds ("lower" / "higher" / "not different"), then the 8×8 '
           'ratio:' % ' and '.join(sorted({q[4] for q in SCARCE_RATIOS})),
           '']
  for config, other, raw_8x8, averaged_8x8, _ in SCARCE_RATIOS:
    if config not in by_config or other not in by_config:
      lines.append('- %s / %s: not both in this report.' % (config, other))
      continue
    parts = []
    for label, name, then in (('raw', 'fcd', raw_8x8),
                              ('averaged', 'fcd_averaged', averaged_8x8)):
      values = by_config[config][name + '_values']
      others = by_config[other][name + '_values']
      if None in values + others:
        parts.append('%s: not scored' % label)
        continue
      parts.append('%s %.2f× (%s; 8×8: %.2f×)' % (
          label, statistics.mean(values) / statistics.mean(others),
          _verdict(values, others), then))
    lines.append('- %s / %s: %s.' % (config, other, '; '.join(parts)))
  return lines + ['']


def _band_lines(results):
  """Per generator, whether every seed keeps its classes in 5%-15%."""
  runs = sorted((r for r in results if r['status'] == 'ok'),
                key=lambda r: r['seed'])
  lines = []
  for label, suffix in (('raw generator', ''),
                        ('averaged generator', '_averaged')):
    shares = [(r['seed'], r.get('min_class_share' + suffix),
               r.get('max_class_share' + suffix)) for r in runs]
    shares = [s for s in shares if s[1] is not None]
    if not shares:
      continue
    inside = all(not collapsed({'min_class_share': low,
                                'max_class_share': high})
                 for _, low, high in shares)
    lines.append('- %s: every class between 5%% and 15%% of the samples on '
                 'every seed: %s (%s).' % (
                     label, 'yes' if inside else 'no', '; '.join(
                         'seed %d %.1f-%.1f%%' % (seed, 100 * low, 100 * high)
                         for seed, low, high in shares)))
  return lines + [''] if lines else []


def _cell(row, name, digits=2):
  return tables.mean_std_cell(row[name + '_mean'], row[name + '_std'],
                              row['seeds'], digits)


def _classes_and_speed(row):
  """The class shares' range, the collapsed seeds and steps/s: 3 cells."""
  return ['%.1f-%.1f%%' % (100 * row['min_class_share_mean'],
                           100 * row['max_class_share_mean']),
          '%d/%d' % (row['collapsed_seeds'], row['seeds']),
          tables.fmt(row['steps_per_s_mean'], 1)]


def _ordering(rows):
  """Our plain losses by mean FCD, beside Lucic et al.'s by FID."""
  ours = sorted((r['fcd_mean'], r['config']) for r in rows
                if r['study'] == 'quality' and ' + ' not in r['config'])
  theirs = sorted((fid, name) for name, fid, _ in LUCIC_2018)
  return ['Ordering of the plain losses, best first: here (FCD) %s; Lucic '
          'et al. 2018 (FID, Inception features, best of a search) %s.'
          % (' < '.join(name for _, name in ours),
             ' < '.join(name for _, name in theirs)), '']


def _status(result):
  """A run's status, and the step it resumed from if it was interrupted."""
  first = result.get('resumed_from_step')
  return result['status'] + (' (resumed at step %d)' % first if first else '')


def _conditional_markdown(rows, results):
  """The conditional study's tables and comparisons."""
  lines = ['Intra-class FCD: per class, 1,000 samples generated with that '
           'label against that class\'s test images, the mean over the 10 '
           'classes; its floor: each class\'s test images against as many '
           'of its training images. CAS: a classifier trained on the 10,000 '
           'samples (their labels), its accuracy on the real test images. '
           'Conditional accuracy: how often the committed classifier gives a '
           'sample its label.', '']
  header = ['configuration', 'seeds', 'steps', 'FCD',
            'intra-class FCD (floor)', 'CAS', 'conditional accuracy',
            'precision', 'recall', 'classes min-max', 'collapsed', 'steps/s']
  table = []
  for r in rows:
    table.append([
        r['config'], str(r['seeds']), str(r['steps']), _cell(r, 'fcd'),
        '%s (%s)' % (_cell(r, 'intra_class_fcd'),
                     tables.fmt(r['intra_class_fcd_floor_mean'], 2)),
        _cell(r, 'classification_accuracy_score', 4),
        _cell(r, 'conditional_accuracy', 3), _cell(r, 'precision', 3),
        _cell(r, 'recall', 3)] + _classes_and_speed(r))
  lines += [tables.markdown_table(header, table), '']
  lines += _comparison_lines(rows)
  lines += ['Per run:', '', tables.markdown_table(
      ['run', 'status', 'FCD', 'intra-class FCD', 'CAS',
       'conditional accuracy', 'intra-class FCD per class',
       'class histogram'],
      [[r['key'], _status(r)] + (
          [tables.fmt(r.get('fcd'), 2), tables.fmt(r.get('intra_class_fcd'),
                                                   2),
           tables.fmt(r.get('classification_accuracy_score'), 4),
           tables.fmt(r.get('conditional_accuracy'), 3),
           r.get('intra_class_fcd_per_class', ''),
           r.get('class_histogram', '')]
          if r['status'] == 'ok' else [''] * 6)
       for r in sorted(results, key=lambda r: r['key'])]), '']
  return lines


def markdown(rows, results, env_lines, study, title):
  """The lines of mnist_<study>.md."""
  floor = rows[0]['fcd_real_vs_real'] if rows else None
  lines = ['# %s (`python -m benchmarks.mnist --study=%s`)' % (title, study),
           ''] + env_lines + [
               '', 'FCD: the Fréchet distance of the committed MNIST '
               'classifier\'s features, 10,000 samples against the 10,000 '
               'test images; the floor (`fcd_real_vs_real`, 10,000 training '
               'images against the test images) is %s. KID, precision, '
               'recall, density and coverage on the same features; classes: '
               'the smallest and largest share of the samples the classifier '
               'puts in one class (a run outside 5%%-15%% counts as '
               'collapsed). Mean ± sample std over seeds.' % (
                   tables.fmt(floor, 3)), '']
  if study == 'conditional':
    return lines + _conditional_markdown(rows, results)
  has_average = any(r.get('fcd_averaged_mean') is not None for r in rows)
  header = ['configuration', 'seeds', 'steps', 'FCD'] + (
      ['FCD, averaged G'] if has_average else []) + [
          'KID', 'precision', 'recall', 'density', 'coverage',
          'classifier score', 'classes min-max', 'collapsed', 'steps/s']
  table = []
  for r in rows:
    cells = [r['config'], str(r['seeds']), str(r['steps']), _cell(r, 'fcd')]
    if has_average:
      cells.append(_cell(r, 'fcd_averaged'))
    cells += [_cell(r, 'kid', 1), _cell(r, 'precision', 3),
              _cell(r, 'recall', 3), _cell(r, 'density', 3),
              _cell(r, 'coverage', 3), _cell(r, 'classifier_score', 2)]
    table.append(cells + _classes_and_speed(r))
  lines += [tables.markdown_table(header, table), '']
  if study == 'quality':
    lines += _ordering(rows)
  if study in ('scarce', 'scarcer'):
    lines += _scarce_lines(rows)
  if study == 'headline':
    lines += _band_lines(results)
  lines += ['Per run:', '', tables.markdown_table(
      ['run', 'status', 'FCD', 'FCD averaged', 'KID', 'precision', 'recall',
       'coverage', 'class histogram'],
      [[r['key'], _status(r)] + (
          [tables.fmt(r.get('fcd'), 2), tables.fmt(r.get('fcd_averaged'), 2),
           tables.fmt(r.get('kid'), 1), tables.fmt(r.get('precision'), 3),
           tables.fmt(r.get('recall'), 3), tables.fmt(r.get('coverage'), 3),
           r.get('class_histogram', '')]
          if r['status'] == 'ok' else [''] * 7)
       for r in sorted(results, key=lambda r: r['key'])]), '']
  return lines


_TITLES = {
    'pilot': 'MNIST pilot: the settings chosen on seed 100',
    'quality': 'MNIST: each loss alone and with R1, narrow DCGAN',
    'headline': 'MNIST: TF-GAN\'s own networks, the recommended '
                'configuration',
    'scarce': 'MNIST, 10% of the images: augmentation and the generator\'s '
              'average',
    'scarcer': 'MNIST, 1% of the images: augmentation and the generator\'s '
               'average',
    'conditional': 'MNIST, class-conditional: heads and class losses on '
                   'SNGAN\'s standard CNN',
}


def main(argv=None):
  parser = environment.argument_parser(
      'mnist', __doc__, 'Seconds: 20 steps, one seed (CI).',
      'Where mnist_<study>.md / .csv / _runs.csv go.', runs=True)
  parser.add_argument('--study', choices=tuple(STUDIES), required=True)
  parser.add_argument('--seeds', default=None,
                      help='Comma-separated (default: 0,1,2; the pilot '
                      '100).')
  parser.add_argument('--steps', type=int, default=None)
  parser.add_argument('--note', action='append', default=[])
  parser.add_argument('--report_only', action='store_true',
                      help='Train nothing: write the reports from the runs '
                      'finished in --work_dir, naming those not run yet.')
  args = parser.parse_args(sys.argv[1:] if argv is None else argv)
  default_seeds = PILOT_SEEDS if args.study == 'pilot' else SEEDS
  seeds = ([int(s) for s in args.seeds.split(',')] if args.seeds
           else list(default_seeds))[:1 if args.quick else None]
  steps = args.steps or (20 if args.quick else STEPS)
  # CAS is the conditional study's alone.
  todo = jobs(args.study, seeds, steps,
              cas_steps=(QUICK_CAS_STEPS if args.quick and
                         args.study == 'conditional' else None))
  if args.quick:
    todo = todo[:2]
  name = 'mnist_%s' % args.study
  work_dir = environment.make_dirs(
      args.work_dir, name + ('_quick' if args.quick else ''), args.out_dir)
  for job in todo:
    check_stored(job, work_dir)
  settings = ['- configurations (fields besides digits\' defaults, '
              '--dataset=mnist): %s' % '; '.join(
                  '%s %s' % (config, fields)
                  for config, fields in STUDIES[args.study]),
              '- %d steps, batch %d, seeds %s' % (
                  steps, train_lib.HParams().batch_size,
                  ', '.join(map(str, seeds)))]
  return workers.run_and_report(
      run_job, todo, work_dir, args.workers,
      lambda r: '%s FCD %s classes %s' % (
          r['status'], tables.fmt(r.get('fcd'), 2),
          r.get('class_histogram')),
      summarize, os.path.join(args.out_dir, name),
      ((CONDITIONAL_CSV_FIELDS, CONDITIONAL_RUN_FIELDS)
       if args.study == 'conditional' else (CSV_FIELDS, RUN_FIELDS)),
      lambda rows, results, lines: markdown(rows, results, lines, args.study,
                                            _TITLES[args.study]),
      settings + ['- note: %s' % note for note in args.note],
      report_only=args.report_only)


if __name__ == '__main__':
  main()
