# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
r"""Limited data: augmentation and the generator's average, on digits.

  python -m benchmarks.limited_data               # full mode: the results
  python -m benchmarks.limited_data --quick       # about a minute (CI)

Trains the digits example (`examples.digits.train_lib.train`, the gan_train
trainer, its default networks and loss; 3x its 3,000 steps, see MODES) on
the first
`--train_fraction` of the training images (shuffled with the run's seed),
for every fraction x augmentation x seed (an augmentation may add a
regularizer: `--augments=none,none+lecam`), always with the generator's moving
average (`--generator_ema`), and evaluates the raw and the averaged generator
of the same checkpoint with one shared eval classifier (FCD against the full
set: `examples.digits.eval_lib`). Jobs run in worker processes with one
TensorFlow thread each, and resume: a finished run is not trained again.

Writes limited_data.md, limited_data.csv (one row per configuration: means
and sample standard deviations over seeds) and limited_data_runs.csv (every
run) to --out_dir.
"""

import json
import os
import shutil
import statistics
import sys
import time

from benchmarks import environment
from benchmarks import quality_runs
from benchmarks import tables
from benchmarks import workers
from examples.digits import eval_lib
from examples.digits import train_lib

__all__ = ['CSV_FIELDS', 'MODES', 'REGULARIZERS', 'RUN_FIELDS', 'jobs', 'main',
           'summarize']

MODES = {
    'quick': dict(steps=20, seeds=(0,), fractions=(0.1, 1.0),
                  augments=('none', 'diffaugment', 'ada', 'none+lecam'),
                  classifier_steps=100),
    # 3x the digits example's 3,000 steps: at 3,000 the discriminator has not
    # yet overfit 180 images (ADA's r stays under its target, p near 0, and
    # no augmentation is within noise of the others); by 9,000 training
    # without augmentation collapses (FCD 114 and 128 at 10%, seeds 100 and
    # 101), the regime augmentation is for.
    'full': dict(steps=3 * train_lib.HParams().max_number_of_steps,
                 seeds=(0, 1, 2), fractions=(0.1, 0.25, 1.0),
                 augments=('none', 'diffaugment', 'ada'),
                 classifier_steps=1500),
}
# The settings every run shares, chosen on seeds 100 and 101, which the
# reported tables never use: decay 0.99 (at 10% and 100%, 3,000 steps, the
# averaged / raw FCD ratios were 0.92, 0.82, 0.25, 0.53 with 0.99, 0.90,
# 0.74, 0.35, 0.54 with 0.995, and 1.01 to 1.25 with 0.999, whose
# ~1,000-step window reaches back to much worse weights).
SETTINGS = dict(generator_ema=0.99, generator_ema_start=0)

CSV_FIELDS = (
    'dataset', 'train_fraction', 'train_images', 'augment', 'ema', 'seeds',
    'steps', 'fcd_mean', 'fcd_std', 'fcd_averaged_mean', 'fcd_averaged_std',
    'fcd_ratio_to_none', 'fcd_averaged_ratio_to_none',
    'averaged_over_raw_median', 'fcd_real_vs_real', 'ada_p_final_mean',
)
RUN_FIELDS = (
    'key', 'train_fraction', 'augment', 'seed', 'steps', 'status', 'fcd',
    'fcd_averaged', 'fcd_real_vs_real', 'ada_p_final', 'train_time_s',
)
_IMAGES = 1797  # scikit-learn's digits, all of them the training split.


def jobs(settings, overrides=None):
  """One job per fraction x augmentation x seed (dicts)."""
  found = []
  for fraction in settings['fractions']:
    for augment in settings['augments']:
      for seed in settings['seeds']:
        found.append({
            'key': 'f%g_%s_s%d' % (fraction, augment, seed),
            'train_fraction': fraction, 'augment': augment, 'seed': seed,
            'steps': settings['steps'],
            'fields': dict(SETTINGS, **(overrides or {}))})
  return found


# Regularizers an --augments entry may add after a '+' (e.g.
# 'diffaugment+lecam'), with their published settings (not tuned here):
# LeCam's lambda 0.3 (Tseng et al. 2021, StudioGAN; its decay 0.99 and start
# 1,000 are the HParams defaults); bCR's lambda 10 for both sides (Zhao et
# al. 2021; T: the HParams default, DiffAugment's translation).
REGULARIZERS = {
    'lecam': dict(lecam_weight=0.3),
    'bcr': dict(bcr_weight=10.0),
}


def _hparams(job, run_dir):
  steps = max(job['steps'], 1)
  augment, _, regularizer = job['augment'].partition('+')
  return train_lib.HParams(
      train_log_dir=run_dir, seed=job['seed'],
      max_number_of_steps=job['steps'], train_fraction=job['train_fraction'],
      augment=augment, eval=False, log_every_n_steps=steps,
      save_checkpoint_steps=steps, save_summaries_steps=steps,
      **dict(job['fields'], **(REGULARIZERS[regularizer] if regularizer
                               else {})))


def _ada_p(run_dir):
  import tensorflow as tf  # pylint: disable=g-import-not-at-top
  reader = tf.train.load_checkpoint(run_dir)
  names = reader.get_variable_to_shape_map()
  return float(reader.get_tensor('ada_p')) if 'ada_p' in names else None


def _train_and_evaluate(job, run_dir, work_dir, result):
  hparams = _hparams(job, run_dir)
  start = time.time()
  train_lib.train(hparams)
  result['train_time_s'] = time.time() - start
  shutil.copytree(os.path.join(work_dir, 'classifier'),
                  os.path.join(run_dir, 'eval', 'classifier'))
  metrics = eval_lib.evaluate(hparams, seed=job['seed'])
  result.update(job['fields'], fcd=metrics['fcd'],
                fcd_averaged=metrics['averaged']['fcd'],
                fcd_real_vs_real=metrics['fcd_real_vs_real'],
                ada_p_final=_ada_p(run_dir))


def run_job(args):
  """Trains and evaluates one job (or returns its stored result)."""
  job, work_dir = args
  return workers.run_stored(
      job, work_dir,
      lambda run_dir, result: _train_and_evaluate(job, run_dir, work_dir,
                                                  result))


def summarize(results):
  """One row per (fraction, augmentation): means over seeds and ratios."""
  rows = []
  by_config = {}
  for r in results:
    if r['status'] == 'ok':
      by_config.setdefault((r['train_fraction'], r['augment']), []).append(r)
  for (fraction, augment), runs in sorted(by_config.items()):
    fcd, fcd_std = tables.mean_and_std([r['fcd'] for r in runs])
    averaged, averaged_std = tables.mean_and_std([r['fcd_averaged'] for r in runs])
    rows.append({
        'dataset': 'digits', 'train_fraction': fraction,
        'train_images': int(round(fraction * _IMAGES)), 'augment': augment,
        'ema': runs[0]['generator_ema'], 'seeds': len(runs),
        'steps': runs[0]['steps'], 'fcd_mean': fcd, 'fcd_std': fcd_std,
        'fcd_averaged_mean': averaged, 'fcd_averaged_std': averaged_std,
        'averaged_over_raw_median': statistics.median(
            r['fcd_averaged'] / r['fcd'] for r in runs),
        'fcd_real_vs_real': runs[0]['fcd_real_vs_real'],
        'ada_p_final_mean': tables.mean_and_std([r['ada_p_final'] for r in runs])[0],
    })
  none = {r['train_fraction']: r for r in rows if r['augment'] == 'none'}
  for row in rows:
    base = none.get(row['train_fraction'])
    if base:
      row['fcd_ratio_to_none'] = row['fcd_mean'] / base['fcd_mean']
      row['fcd_averaged_ratio_to_none'] = (row['fcd_averaged_mean'] /
                                           base['fcd_averaged_mean'])
  return rows


def _budget(steps):
  example = train_lib.HParams().max_number_of_steps
  if steps == example:
    return '%d steps (the digits example\'s)' % steps
  return '%d steps (%gx the digits example\'s %d)' % (steps, steps / example,
                                                      example)


def _markdown(rows, results, settings, command, env_lines, accuracy):
  f = tables.fmt
  paired = [r['fcd_averaged'] / r['fcd'] for r in results
            if r['status'] == 'ok']
  lines = ['# Limited data: augmentation and the generator\'s average '
           '(`%s`)' % command, ''] + env_lines + [
      '- budget: %s, seeds %s, fractions %s '
      'of the 1,797 images; shared settings %s; eval classifier held-out '
      'accuracy %.3f.' % (_budget(settings['steps']), ', '.join(
          map(str, settings['seeds'])), ', '.join(
              '%g' % x for x in settings['fractions']),
                          json.dumps(SETTINGS), accuracy), '',
      'FCD (lower is better) of the raw generator and of its moving average '
      'from the same checkpoint, mean ± sample std over seeds; ratios are '
      'to no augmentation at the same fraction (means). The averaged/raw '
      'column is the median over seeds of the paired ratio.', '',
      tables.markdown_table(
          ['fraction (images)', 'augment', 'FCD raw', 'FCD averaged',
           'raw / none', 'averaged / none', 'averaged / raw (median)',
           'ADA final p', 'floor'],
          [['%g (%d)' % (r['train_fraction'], r['train_images']),
            r['augment'],
            tables.mean_std_cell(r['fcd_mean'], r['fcd_std'], r['seeds'], 2),
            tables.mean_std_cell(r['fcd_averaged_mean'],
                                 r['fcd_averaged_std'], r['seeds'], 2),
            f(r.get('fcd_ratio_to_none')),
            f(r.get('fcd_averaged_ratio_to_none')),
            f(r['averaged_over_raw_median']), f(r['ada_p_final_mean']),
            f(r['fcd_real_vs_real'])] for r in rows]), '',
      'Over all %d runs, the median of the paired ratio averaged / raw FCD '
      'is %s.' % (len(paired), f(statistics.median(paired)) if paired
                  else '—'), '']
  return lines


def _command(args):
  """The command line that reproduces the tables (without the paths)."""
  words = ['python -m benchmarks.limited_data']
  if args.quick:
    words.append('--quick')
  for flag in ('name', 'seeds', 'fractions', 'augments', 'steps'):
    value = getattr(args, flag)
    if value is not None and not (flag == 'name' and value == 'limited_data'):
      words.append('--%s=%s' % (flag, value))
  words += ['--set %s' % item for item in args.set]
  return ' '.join(words)


def main(argv=None):
  parser = environment.argument_parser(
      'limited_data', __doc__, 'About a minute: 20 steps, one seed (CI).',
      'Where limited_data.md / .csv / _runs.csv go.', runs=True)
  parser.add_argument('--name', default='limited_data',
                      help='Base name of the output files.')
  parser.add_argument('--seeds', default=None,
                      help='Comma-separated seeds (default: the mode\'s).')
  parser.add_argument('--fractions', default=None)
  parser.add_argument('--augments', default=None)
  parser.add_argument('--steps', type=int, default=None,
                      help='Steps per run (default: the mode\'s).')
  parser.add_argument('--set', action='append', default=[],
                      help='field=value: a digits HParams field for every '
                      'run (e.g. generator_ema=0.99), for tuning runs.')
  args = parser.parse_args(sys.argv[1:] if argv is None else argv)
  mode = 'quick' if args.quick else 'full'
  settings = dict(MODES[mode])
  if args.seeds:
    settings['seeds'] = tuple(int(s) for s in args.seeds.split(','))
  if args.fractions:
    settings['fractions'] = tuple(float(s) for s in args.fractions.split(','))
  if args.augments:
    settings['augments'] = tuple(args.augments.split(','))
    for label in settings['augments']:
      regularizer = label.partition('+')[2]
      if regularizer and regularizer not in REGULARIZERS:
        parser.error('--augments %s: after "+", one of %s' % (
            label, ', '.join(REGULARIZERS)))
  if args.steps:
    settings['steps'] = args.steps
  overrides = {}
  for item in args.set:
    key, value = item.split('=', 1)
    if key in ('max_number_of_steps', 'seed', 'train_fraction', 'augment'):
      parser.error('--set %s: use --steps, --seeds, --fractions, --augments'
                   % key)
    overrides[key] = type(getattr(train_lib.HParams(), key))(value)
  work_dir = environment.make_dirs(args.work_dir, 'limited_data-' + mode,
                                   args.out_dir)
  started, start_load = environment.utc_now(), environment.load_average()
  clock = time.time()
  todo = jobs(settings, overrides)
  results, (_, accuracy) = workers.run_all(
      run_job, todo, work_dir, args.workers,
      first=(quality_runs.train_classifier, (work_dir, settings)),
      describe=lambda r: '%s fcd %s averaged %s' % (
          r['status'], r.get('fcd'), r.get('fcd_averaged')))
  rows = summarize(results)
  finished, end_load = environment.utc_now(), environment.load_average()
  base = os.path.join(args.out_dir, args.name)
  tables.write_csv(base + '.csv', CSV_FIELDS, rows)
  tables.write_csv(base + '_runs.csv', RUN_FIELDS,
                   sorted(results, key=lambda r: r['key']))
  env_lines = environment.environment_lines(start_load, end_load, started,
                                            finished)
  if overrides:
    env_lines.append('- overrides: %s' % json.dumps(overrides))
  with open(base + '.md', 'w') as f:
    f.write('\n'.join(_markdown(rows, results, settings, _command(args),
                                env_lines,
                                accuracy)))
  print('wrote %s.md (%.1f min)' % (base, (time.time() - clock) / 60))
  return rows


if __name__ == '__main__':
  main()
