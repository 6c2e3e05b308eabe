# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
r"""MNIST at 28x28: losses, R1, TF-GAN's networks and scarce data, measured.

  python -m benchmarks.mnist --study=pilot     # settings, on seed 100
  python -m benchmarks.mnist --study=quality   # the losses alone and with R1
  python -m benchmarks.mnist --study=headline  # TF-GAN's networks
  python -m benchmarks.mnist --study=scarce    # 10% of MNIST, augmentations
  python -m benchmarks.mnist --study=quality --quick   # seconds (CI)

Trains the digits example on `--dataset=mnist` (the packaged MNIST, offline;
`examples.digits.train_lib.train`, the gan_train trainer) and evaluates each
run with the committed classifier (`eval_lib.evaluate`: 10,000 samples
against the 10,000 test images; FCD, KID, precision/recall,
density/coverage, classifier score, class histogram, beside the floors of
the test images against 10,000 training images). Everything is fixed in
`STUDIES` before the reported seeds (0, 1, 2) ran; the pilot study chose
what is marked as chosen there, on seed 100, which no report uses. Runs
go to worker processes with one TensorFlow thread each and are stored: an
interrupted study resumes, and a finished run is never trained again.
Writes mnist_<study>.md / .csv (per configuration: means and sample
standard deviations over seeds) and mnist_<study>_runs.csv (every run).
"""

import json
import os
import sys
import time

from benchmarks import environment
from benchmarks import tables
from benchmarks import workers
from examples.common import hparams as hparams_lib
from examples.digits import eval_lib
from examples.digits import train_lib

__all__ = ['LUCIC_2018', 'METRICS', 'NARROW', 'STUDIES', 'TFGAN_MNIST',
           'jobs', 'main', 'run_job', 'summarize']

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
        for name, fields in (
            ('none', {}), ('DiffAugment', dict(augment='diffaugment')),
            ('ADA', dict(augment='ada')),
            ('bCR', dict(bcr_weight=10.0)))],
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
        'mnist_source', 'train_time_s', 'steps_per_s', 'settings')


def jobs(study, seeds, steps):
  """One job per configuration of `study` x seed (dicts)."""
  return [{'key': '%s_%s_s%d' % (study, _slug(config), seed),
           'study': study, 'config': config, 'seed': seed, 'steps': steps,
           'fields': fields}
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
  base = train_lib.HParams(
      train_log_dir=run_dir, dataset='mnist', mnist_source='package',
      seed=job['seed'], max_number_of_steps=job['steps'], eval=False,
      log_every_n_steps=max(steps // 10, 1), save_checkpoint_steps=steps,
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
  start = time.time()
  train_lib.train(run)
  result['train_time_s'] = time.time() - start
  result['steps_per_s'] = job['steps'] / max(result['train_time_s'], 1e-9)
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


# Trains and evaluates one (job, work_dir), or returns its stored result.
def run_job(args):
  job, work_dir = args
  return workers.run_stored(job, work_dir, lambda run_dir, result: (
      _train_and_evaluate(job, run_dir, result)))


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
             'steps_per_s_mean': tables.mean_and_std([r['steps_per_s'] for r in runs])[0]}
      for name in METRICS:
        for suffix in ('', '_averaged'):
          (row['%s%s_mean' % (name, suffix)],
           row['%s%s_std' % (name, suffix)]) = tables.mean_and_std(
               [r.get(name + suffix) for r in runs])
      rows.append(row)
  return rows


def _cell(row, name, digits=2):
  return tables.mean_std_cell(row[name + '_mean'], row[name + '_std'],
                              row['seeds'], digits)


def _ordering(rows):
  """Our plain losses by mean FCD, beside Lucic et al.'s by FID."""
  ours = sorted((r['fcd_mean'], r['config']) for r in rows
                if r['study'] == 'quality' and ' + ' not in r['config'])
  theirs = sorted((fid, name) for name, fid, _ in LUCIC_2018)
  return ['Ordering of the plain losses, best first: here (FCD) %s; Lucic '
          'et al. 2018 (FID, Inception features, best of a search) %s.'
          % (' < '.join(name for _, name in ours),
             ' < '.join(name for _, name in theirs)), '']


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
  has_average = any(r.get('fcd_averaged_mean') is not None for r in rows)
  header = ['configuration', 'seeds', 'steps', 'FCD'] + (
      ['FCD, averaged G'] if has_average else []) + [
          'KID', 'precision', 'recall', 'density', 'coverage',
          'classifier score', 'classes min-max', 'collapsed', 'steps/s']
  table = []
  for r in rows:
    table.append([r['config'], str(r['seeds']), str(r['steps']),
                  _cell(r, 'fcd')] + (
                      [_cell(r, 'fcd_averaged')] if has_average else []) + [
                          _cell(r, 'kid', 1), _cell(r, 'precision', 3),
                          _cell(r, 'recall', 3), _cell(r, 'density', 3),
                          _cell(r, 'coverage', 3),
                          _cell(r, 'classifier_score', 2),
                          '%.1f-%.1f%%' % (100 * r['min_class_share_mean'],
                                           100 * r['max_class_share_mean']),
                          '%d/%d' % (r['collapsed_seeds'], r['seeds']),
                          tables.fmt(r['steps_per_s_mean'], 1)])
  lines += [tables.markdown_table(header, table), '']
  if study == 'quality':
    lines += _ordering(rows)
  lines += ['Per run:', '', tables.markdown_table(
      ['run', 'status', 'FCD', 'FCD averaged', 'KID', 'precision', 'recall',
       'coverage', 'class histogram'],
      [[r['key'], r['status']] + (
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
  args = parser.parse_args(sys.argv[1:] if argv is None else argv)
  default_seeds = PILOT_SEEDS if args.study == 'pilot' else SEEDS
  seeds = ([int(s) for s in args.seeds.split(',')] if args.seeds
           else list(default_seeds))[:1 if args.quick else None]
  steps = args.steps or (20 if args.quick else STEPS)
  todo = jobs(args.study, seeds, steps)
  if args.quick:
    todo = todo[:2]
  name = 'mnist_%s' % args.study
  work_dir = environment.make_dirs(args.work_dir, name, args.out_dir)
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
      summarize, os.path.join(args.out_dir, name), (CSV_FIELDS, RUN_FIELDS),
      lambda rows, results, lines: markdown(rows, results, lines, args.study,
                                            _TITLES[args.study]),
      settings + ['- note: %s' % note for note in args.note])


if __name__ == '__main__':
  main()
