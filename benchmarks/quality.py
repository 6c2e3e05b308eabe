r"""Sample quality of every registered loss (and the main penalties).

  python -m benchmarks.quality            # full mode: the committed results
  python -m benchmarks.quality --quick    # about a minute (CI)
  python -m benchmarks.quality --quick --out_dir=/tmp/q

Trains each configuration below with the examples' own code and evaluates it
with the examples' own eval:

* toy2d (`examples.toy2d.train_lib.train`) on the ring (8 modes) and the grid
  (25 modes), several seeds: modes captured, high-quality fraction and
  reverse KL (`examples.toy2d.eval_lib.metrics`), mean +- std over seeds;
* digits (`examples.digits.train_lib.train`, then
  `examples.digits.eval_lib.evaluate`): Fréchet classifier distance (FCD)
  and the real-vs-real baseline.

Every configuration gets the same step budget and the examples' default
hyperparameters otherwise (no per-loss tuning). Runs go to `--work_dir`
(checkpoints, samples, per-run JSON); a rerun skips runs that finished, so an
interrupted full run can be resumed. Tables go to `--out_dir`:
quality.md, quality.csv, quality_runs.csv and quality.png.

Workers: `--workers` processes, each with one TensorFlow intra-op and one
inter-op thread, so runs do not compete for threads.
"""

import argparse
import csv
import json
import math
import multiprocessing
import os
import shutil
import sys
import time

from benchmarks import _common

__all__ = ['PENALTY_CONFIGS', 'PUBLISHED', 'configs', 'main', 'plan', 'summarize']

# Configurations: (label, gan_loss, penalty, penalty_weight, penalty_every).
# The loss rows are filled in by `configs()` from the registry (every
# canonical name; 'non_saturating' is an alias of 'modified'). Penalty
# weights are the papers' usual values:
# * WGAN-GP: lambda = 10 (Gulrajani et al. 2017, arXiv:1704.00028, Alg. 1);
# * R1: gamma = 10 (Mescheder et al. 2018, arXiv:1801.04406, used gamma = 10
#   in most of their experiments), i.e. weight gamma / 2 = 5 in
#   tfgan_ext.losses.with_penalty (whose R1 weight is gamma / 2);
# * R1 lazy: the same, applied every 16 steps with weight x 16 (StyleGAN2,
#   arXiv:1912.04958, section 3.1, uses k = 16);
# * DRAGAN: lambda = 10 (Kodali et al. 2017, arXiv:1705.07215).
PENALTY_CONFIGS = (
    ('wasserstein + WGAN-GP (λ=10)', 'wasserstein',
     'wasserstein_gradient_penalty', 10.0, 1),
    ('modified + R1 (γ=10)', 'modified', 'r1', 5.0, 1),
    ('modified + R1 lazy /16 (γ=10)', 'modified', 'r1', 5.0, 16),
    ('modified + DRAGAN (λ=10)', 'modified', 'dragan', 10.0, 1),
)

# PacGAN (Lin et al. 2018, arXiv:1712.04086), Table 1: published numbers
# under the paper's own protocol (its architecture, training schedule and
# number of trials), quoted as given in issue 5 of this project:
# (method, dataset, modes captured, high-quality %, reverse KL).
PUBLISHED = (
    ('GAN', 'ring', 6.3, 98.2, 0.45),
    ('PacGAN4', 'ring', 7.8, 95.9, 0.07),
    ('GAN', 'grid', 17.3, 94.8, 0.70),
    ('PacGAN4', 'grid', 24.8, 93.6, 0.04),
)
PUBLISHED_SOURCE = 'published: PacGAN (arXiv:1712.04086) Table 1, own protocol'

# Step budgets and seeds per mode. The examples' defaults are 10,000 toy2d
# steps (examples/toy2d/train.py) and 3,000 digits steps
# (examples/digits/train.py); the full mode uses fewer so that all
# configurations fit about 35 minutes on the 2-core benchmark machine (a
# toy2d step took about 4 ms and a digits step about 20 ms there, one
# thread each). toy2d's learning-rate decay keeps the default's proportion:
# the last 30% of the steps (3,000 of 10,000 by default).
MODES = {
    'quick': dict(toy_steps=50, toy_seeds=1, digits_steps=20, digits_seeds=1,
                  classifier_steps=100, num_eval_samples=2500),
    'full': dict(toy_steps=4000, toy_seeds=3, digits_steps=1500,
                 digits_seeds=1, classifier_steps=1500,
                 num_eval_samples=2500),
}
DATASETS = ('ring', 'grid')
LR_DECAY_FRACTION = 0.3

CSV_FIELDS = (
    'source', 'dataset', 'config', 'gan_loss', 'penalty', 'penalty_weight',
    'penalty_every', 'seeds', 'finished', 'steps', 'num_modes',
    'modes_captured_mean', 'modes_captured_std',
    'high_quality_fraction_mean', 'high_quality_fraction_std',
    'reverse_kl_mean', 'reverse_kl_std', 'fcd_mean', 'fcd_std',
    'fcd_real_vs_real', 'wall_time_s_mean',
)
RUN_FIELDS = (
    'dataset', 'config', 'gan_loss', 'penalty', 'penalty_weight',
    'penalty_every', 'seed', 'steps', 'status', 'modes_captured', 'num_modes',
    'high_quality_fraction', 'reverse_kl', 'fcd', 'fcd_real_vs_real',
    'train_time_s', 'wall_time_s',
)


def configs():
  """[(label, gan_loss, penalty, weight, every)]: every loss, then penalties."""
  import tfgan_ext  # pylint: disable=g-import-not-at-top
  rows = [(name, name, 'none', 0.0, 1)
          for name in tfgan_ext.losses.names(include_aliases=False)]
  return rows + list(PENALTY_CONFIGS)



def _key(job):
  label = job['gan_loss']
  if job['penalty'] != 'none':
    label += '-%s-w%g-k%d' % (job['penalty'], job['penalty_weight'],
                              job['penalty_every'])
  return '%s-%s-s%d-n%d' % (job['dataset'], label, job['seed'], job['steps'])


def plan(settings, config_rows):
  """The list of run jobs, seed-major (so a partial run covers every row)."""
  jobs = []
  max_seeds = max(settings['toy_seeds'], settings['digits_seeds'])
  for seed in range(max_seeds):
    for label, loss, penalty, weight, every in config_rows:
      base = dict(config=label, gan_loss=loss, penalty=penalty,
                  penalty_weight=weight, penalty_every=every, seed=seed)
      if seed < settings['digits_seeds']:
        jobs.append(dict(base, dataset='digits',
                         steps=settings['digits_steps']))
      if seed < settings['toy_seeds']:
        for dataset in DATASETS:
          jobs.append(dict(base, dataset=dataset,
                           steps=settings['toy_steps']))
  for job in jobs:
    job['key'] = _key(job)
  return jobs


# ---------------------------------------------------------------- workers --

def _worker_init():
  _common.single_threaded_tensorflow()
  import tfgan_ext  # pylint: disable=g-import-not-at-top,unused-import
  from examples.common import logs  # pylint: disable=g-import-not-at-top
  logs.quiet_tensorflow()


def _toy_hparams(job, run_dir, settings):
  from examples.toy2d import train_lib  # pylint: disable=g-import-not-at-top
  steps = job['steps']
  # Defaults of examples/toy2d/train.py, except the step budget (and the
  # learning-rate decay and checkpoint/summary intervals that follow it).
  return train_lib.HParams(
      gan_loss=job['gan_loss'], penalty=job['penalty'],
      penalty_weight=job['penalty_weight'] or 10.0,
      penalty_every=job['penalty_every'], spectral_norm=False,
      weight_clip=0.0, batch_size=256, max_number_of_steps=steps,
      train_log_dir=run_dir, generator_lr=2e-4, discriminator_lr=2e-4,
      adam_beta1=0.0, adam_beta2=0.9,
      lr_decay_steps=int(round(LR_DECAY_FRACTION * steps)), seed=job['seed'],
      log_every_n_steps=max(steps, 1), save_checkpoint_steps=max(steps, 1),
      save_summaries_steps=max(steps, 1), mixed_precision=False, xla=False,
      dataset=job['dataset'], noise_dims=2, generator_hidden=(256, 256, 256),
      discriminator_hidden=(256, 256, 256), activation='relu', eval=True,
      num_eval_samples=settings['num_eval_samples'])


def _digits_hparams(job, run_dir):
  from examples.digits import train_lib  # pylint: disable=g-import-not-at-top
  steps = job['steps']
  # Defaults of examples/digits/train.py, except the step budget.
  return train_lib.HParams(
      gan_loss=job['gan_loss'], penalty=job['penalty'],
      penalty_weight=job['penalty_weight'] or 10.0,
      penalty_every=job['penalty_every'], spectral_norm=False,
      weight_clip=0.0, batch_size=64, max_number_of_steps=steps,
      train_log_dir=run_dir, generator_lr=2e-4, discriminator_lr=2e-4,
      adam_beta1=0.5, adam_beta2=0.999, lr_decay_steps=0, seed=job['seed'],
      log_every_n_steps=max(steps, 1), save_checkpoint_steps=max(steps, 1),
      save_summaries_steps=max(steps, 1), mixed_precision=False, xla=False,
      dataset='digits', data_dir=None, tfds_download=False, noise_dims=32,
      generator_channels=64, discriminator_channels=64, conditional=False,
      feature_matching_weight=0.0, adversarial_generator_loss=True,
      grid_size=4, eval=False)


def _train_classifier(work_dir, settings):
  """Trains the digits eval classifier once, for every digits run to reuse.

  `examples.digits.eval_lib.evaluate` trains it in `<run>/eval/classifier`
  unless a checkpoint is there; it would train the same network on the same
  permuted images (NumPy seed 0, as in `evaluate`) in every run. Training it
  once and copying it in gives every loss the same classifier.
  """
  import numpy as np  # pylint: disable=g-import-not-at-top
  from examples.digits import data_provider  # pylint: disable=g-import-not-at-top
  from examples.digits import eval_lib  # pylint: disable=g-import-not-at-top
  model_dir = os.path.join(work_dir, 'classifier')
  real, labels = data_provider.load_numpy('digits', 'train')
  order = np.random.default_rng(0).permutation(len(real))
  accuracy = eval_lib.train_classifier(
      real[order], labels[order], model_dir,
      num_steps=settings['classifier_steps'])
  return model_dir, float(accuracy)


def _run_job(args):
  """Trains and evaluates one job; returns (and stores) its result dict."""
  job, work_dir, settings = args
  from examples.common import training  # pylint: disable=g-import-not-at-top
  run_dir = os.path.join(work_dir, 'runs', job['key'])
  result_path = os.path.join(run_dir, 'result.json')
  if os.path.exists(result_path):
    with open(result_path) as f:
      result = json.load(f)
    result['_mtime'] = os.path.getmtime(result_path)
    return result
  if os.path.exists(run_dir):  # An interrupted run: start it again.
    shutil.rmtree(run_dir)
  result = dict(job, status='ok')
  start = time.time()
  try:
    if job['dataset'] == 'digits':
      from examples.digits import eval_lib  # pylint: disable=g-import-not-at-top
      from examples.digits import train_lib  # pylint: disable=g-import-not-at-top
      train_lib.train(_digits_hparams(job, run_dir))
      result['train_time_s'] = time.time() - start
      shutil.copytree(os.path.join(work_dir, 'classifier'),
                      os.path.join(run_dir, 'eval', 'classifier'))
      metrics = eval_lib.evaluate(run_dir, seed=job['seed'])
      result.update(fcd=metrics['fcd'],
                    fcd_real_vs_real=metrics['fcd_real_vs_real'],
                    classifier_held_out_accuracy=metrics[
                        'classifier_held_out_accuracy'])
    else:
      from examples.toy2d import train_lib  # pylint: disable=g-import-not-at-top
      hparams = _toy_hparams(job, run_dir, settings)
      hparams = hparams._replace(eval=False)
      train_lib.train(hparams)
      result['train_time_s'] = time.time() - start
      from examples.toy2d import eval_lib  # pylint: disable=g-import-not-at-top
      metrics, _ = eval_lib.evaluate(run_dir, settings['num_eval_samples'],
                                     seed=job['seed'])
      for name in ('modes_captured', 'num_modes', 'high_quality_fraction',
                   'reverse_kl'):
        result[name] = metrics[name]
  except training.NonFiniteLossError as e:
    result['status'] = 'diverged: %s' % str(e).split(';')[0]
  result['wall_time_s'] = time.time() - start
  result['finished_at'] = time.time()
  load = _common.load_average()
  result['load_1min'] = load[0] if load else None
  os.makedirs(run_dir, exist_ok=True)
  with open(result_path, 'w') as f:
    json.dump(result, f, indent=1, sort_keys=True)
  # Keep the evaluation output; drop checkpoints and event files (large).
  for name in os.listdir(run_dir):
    if name.startswith(('model.ckpt', 'events.out', 'graph.pbtxt')):
      os.remove(os.path.join(run_dir, name))
  return result


# ------------------------------------------------------------ aggregation --

def _finite(values):
  return [v for v in values if v is not None and math.isfinite(v)]


def summarize(results, config_rows):
  """One CSV row per (dataset, configuration), in table order."""
  rows = []
  for dataset in DATASETS + ('digits',):
    for label, loss, penalty, weight, every in config_rows:
      runs = [r for r in results
              if r['dataset'] == dataset and r['config'] == label]
      if not runs:
        continue
      done = [r for r in runs if r['status'] == 'ok']
      row = dict(source='measured', dataset=dataset, config=label,
                 gan_loss=loss, penalty=penalty, penalty_weight=weight,
                 penalty_every=every, seeds=len(runs), finished=len(done),
                 steps=runs[0]['steps'])
      wall = _finite([r.get('wall_time_s') for r in runs])
      row['wall_time_s_mean'] = _common.mean_std(wall)[0]
      if dataset == 'digits':
        row['fcd_mean'], row['fcd_std'] = _common.mean_std(
            _finite([r.get('fcd') for r in done]))
        row['fcd_real_vs_real'] = _common.mean_std(
            _finite([r.get('fcd_real_vs_real') for r in done]))[0]
      else:
        row['num_modes'] = 8 if dataset == 'ring' else 25
        for name in ('modes_captured', 'high_quality_fraction',
                     'reverse_kl'):
          row[name + '_mean'], row[name + '_std'] = _common.mean_std(
              _finite([r.get(name) for r in done]))
      rows.append(row)
  for method, dataset, modes, hq, kl in PUBLISHED:
    rows.append(dict(source=PUBLISHED_SOURCE, dataset=dataset, config=method,
                     num_modes=8 if dataset == 'ring' else 25,
                     modes_captured_mean=modes,
                     high_quality_fraction_mean=hq / 100.0,
                     reverse_kl_mean=kl))
  return rows


def _rank_key(row):
  # Best: most modes captured; ties: lower reverse KL, then higher quality.
  return (-row['modes_captured_mean'], row['reverse_kl_mean'],
          -row['high_quality_fraction_mean'])


def _measured(rows, dataset, penalized=None):
  return [r for r in rows if r['source'] == 'measured'
          and r['dataset'] == dataset and r['finished']
          and math.isfinite(r['modes_captured_mean'])
          and (penalized is None or (r['penalty'] != 'none') == penalized)]


def headline(rows, dataset, penalized=None):
  """(best row, worst row) of the measured rows on a toy dataset.

  penalized: None for all rows; False for the registry's losses alone.
  """
  measured = _measured(rows, dataset, penalized)
  if not measured:
    return None, None
  ordered = sorted(measured, key=_rank_key)
  return ordered[0], ordered[-1]


def _overlaps(row, other, name):
  """Whether the mean +- std intervals of `name` overlap."""
  a, b = row[name + '_mean'], other[name + '_mean']
  return abs(a - b) <= (row.get(name + '_std') or 0.0) + (
      other.get(name + '_std') or 0.0)


def ties(rows, dataset, row, penalized=None):
  """Other rows within one std of `row` on modes captured and reverse KL."""
  return [r for r in _measured(rows, dataset, penalized) if r is not row
          and _overlaps(row, r, 'modes_captured')
          and _overlaps(row, r, 'reverse_kl')]


def _pm(row, name, digits, scale=1.0):
  mean, std = row.get(name + '_mean'), row.get(name + '_std')
  if mean is None or not math.isfinite(mean):
    return '—'
  if std is None or row.get('finished', 0) < 2:  # No spread from one run.
    return _common.fmt(mean * scale, digits)
  return '%s ± %s' % (_common.fmt(mean * scale, digits),
                      _common.fmt(std * scale, digits))


def _status(row):
  if row['finished'] == row['seeds']:
    return str(row['seeds'])
  return '%d (%d diverged)' % (row['seeds'], row['seeds'] - row['finished'])


def write_csv(rows, path):
  with open(path, 'w', newline='') as f:
    writer = csv.DictWriter(f, fieldnames=CSV_FIELDS)
    writer.writeheader()
    for row in rows:
      writer.writerow({k: _csv_value(row.get(k)) for k in CSV_FIELDS})


def _csv_value(value):
  if isinstance(value, float):
    return '' if math.isnan(value) else '%.6g' % value
  return '' if value is None else value


def write_runs_csv(results, path):
  with open(path, 'w', newline='') as f:
    writer = csv.DictWriter(f, fieldnames=RUN_FIELDS, extrasaction='ignore')
    writer.writeheader()
    for r in sorted(results, key=lambda r: (r['dataset'], r['config'],
                                            r['seed'])):
      writer.writerow({k: _csv_value(r.get(k)) for k in RUN_FIELDS})


def write_chart(rows, path):
  """quality.png: per-loss bars (mean, std error bars) for every metric."""
  import matplotlib  # pylint: disable=g-import-not-at-top
  matplotlib.use('Agg')
  from matplotlib import pyplot as plt  # pylint: disable=g-import-not-at-top
  panels = [(d, m, t) for d in DATASETS for m, t in (
      ('modes_captured', 'modes captured'),
      ('high_quality_fraction', 'high-quality fraction'),
      ('reverse_kl', 'reverse KL (nats)'))] + [('digits', 'fcd', 'FCD')]
  fig, axes = plt.subplots(3, 3, figsize=(15, 13), dpi=80)
  for ax, (dataset, metric, title) in zip(axes.ravel(), panels):
    data = [r for r in rows if r['source'] == 'measured'
            and r['dataset'] == dataset]
    labels = [r['config'] for r in data]
    means = [r.get(metric + '_mean', float('nan')) for r in data]
    stds = [r.get(metric + '_std', 0.0) or 0.0 for r in data]
    ax.barh(range(len(data)), means, xerr=stds, color='tab:blue',
            ecolor='black', capsize=2)
    ax.set_yticks(range(len(data)))
    ax.set_yticklabels(labels, fontsize=7)
    ax.invert_yaxis()
    if dataset == 'digits' and data:
      baseline = data[0].get('fcd_real_vs_real')
      if baseline is not None and math.isfinite(baseline):
        ax.axvline(baseline, color='tab:green', linestyle='--',
                   label='real vs real %.1f' % baseline)
        ax.legend(fontsize=7)
      if all(m > 0 for m in means if math.isfinite(m)):
        ax.set_xscale('log')
    published = [r for r in rows if r['source'] != 'measured'
                 and r['dataset'] == dataset]
    for r, color in zip(published, ('tab:red', 'tab:orange')):
      value = r.get(metric + '_mean')
      if value is not None:
        ax.axvline(value, color=color, linestyle=':',
                   label='%s (published)' % r['config'])
    if published:
      ax.legend(fontsize=7)
    steps = data[0]['steps'] if data else 0
    ax.set_title('%s: %s (%d steps)' % (dataset, title, steps), fontsize=9)
  for ax in axes.ravel()[len(panels):]:
    ax.axis('off')
  fig.tight_layout()
  fig.savefig(path)
  plt.close(fig)


def write_markdown(rows, results, path, settings, mode, env_lines,
                   classifier_accuracy, wall_minutes, workers, notes=()):
  """quality.md."""
  lines = ['# Sample quality of every loss (`python -m benchmarks.quality%s`)'
           % (' --quick' if mode == 'quick' else ''), '']
  lines += env_lines
  lines += _span_lines(results)
  lines += ['- note: ' + note for note in notes]
  lines += [
      '- mode: %s; %d worker processes, one TensorFlow thread each; this '
      'invocation took %.1f min.' % (mode, workers, wall_minutes),
      '',
      'Every configuration is trained by the examples\' own `train_lib.train` '
      'with the examples\' default hyperparameters (no per-loss tuning) and '
      'the same step budget, then evaluated by the examples\' own eval. '
      '`modified` is the registry\'s canonical name of `non_saturating` '
      '(an alias). Means ± sample standard deviations (ddof=1) over seeds.',
      '',
      'All configurations take one discriminator step per generator step '
      '(the examples\' `tfgan.GANTrainSteps(1, 1)`) and share the examples\' '
      'Adam settings; WGAN-GP was published with 5 critic steps per '
      'generator step (Gulrajani et al. 2017, arXiv:1704.00028, Algorithm 1, '
      'n_critic = 5), so its rows show it outside its usual schedule.',
      '',
  ]
  toy_default, digits_default = 10000, 3000
  if (settings['toy_steps'] < toy_default
      or settings['digits_steps'] < digits_default):
    lines += [
        '**Budget note.** toy2d ran %d steps per run (its example default is '
        '%d) with the learning rate decaying over the last %d; digits ran %d '
        'steps (default %d), %d seed(s). These are fewer steps than the '
        'examples\' defaults, chosen so the full run fits about 35 minutes on '
        'this shared 2-core machine: the numbers rank losses at a short, '
        'equal budget and do not show what each loss reaches when trained '
        'to convergence.' % (
            settings['toy_steps'], toy_default,
            int(round(LR_DECAY_FRACTION * settings['toy_steps'])),
            settings['digits_steps'], digits_default,
            settings['digits_seeds']), '']
  diverged = [r for r in results if r['status'] != 'ok']
  for dataset, modes in (('ring', 8), ('grid', 25)):
    best, worst = headline(rows, dataset)
    lines += ['## toy2d %s (%d modes, std %s)' % (
        dataset, modes, '0.01' if dataset == 'ring' else '0.05'), '']
    if best is not None:
      lines += ['Best: **%s** (%s modes, %s%% high quality, reverse KL %s); '
                'worst: **%s** (%s modes, %s%% high quality, reverse KL %s). '
                'Ranked by modes captured, ties by lower reverse KL.' % (
                    best['config'], _pm(best, 'modes_captured', 1),
                    _pm(best, 'high_quality_fraction', 1, 100),
                    _pm(best, 'reverse_kl', 3),
                    worst['config'], _pm(worst, 'modes_captured', 1),
                    _pm(worst, 'high_quality_fraction', 1, 100),
                    _pm(worst, 'reverse_kl', 3)), '']
      best_loss, worst_loss = headline(rows, dataset, penalized=False)
      complete = [r for r in _measured(rows, dataset)
                  if r['modes_captured_mean'] == modes
                  and not r.get('modes_captured_std')]
      def tied_note(row):
        others = ties(rows, dataset, row, penalized=False)
        return ('; within one std of %d other loss(es) on both' % len(others)
                if others else '')
      lines += ['Among the registry\'s losses alone (no penalty): best **%s** '
                '(%s modes, reverse KL %s%s), worst **%s** (%s modes, reverse '
                'KL %s%s). %d of %d configurations captured all %d modes in '
                'every seed.' % (
                    best_loss['config'], _pm(best_loss, 'modes_captured', 1),
                    _pm(best_loss, 'reverse_kl', 3), tied_note(best_loss),
                    worst_loss['config'],
                    _pm(worst_loss, 'modes_captured', 1),
                    _pm(worst_loss, 'reverse_kl', 3), tied_note(worst_loss),
                    len(complete),
                    len(_measured(rows, dataset)), modes), '']
      tied = ties(rows, dataset, best)
      if tied:
        lines += ['The best is not separated from the rest: %d other '
                  'configuration(s) lie within one standard deviation of it '
                  'on both modes captured and reverse KL (%s). Read the '
                  'ranking among them as a tie at this budget and seed '
                  'count.' % (len(tied), ', '.join(r['config']
                                                   for r in tied)), '']
    table = []
    for r in rows:
      if r['dataset'] != dataset:
        continue
      if r['source'] == 'measured':
        table.append([r['config'], _pm(r, 'modes_captured', 1),
                      _pm(r, 'high_quality_fraction', 1, 100),
                      _pm(r, 'reverse_kl', 3), _status(r), str(r['steps']),
                      _common.fmt(r['wall_time_s_mean'], 1)])
      else:
        table.append(['*%s (published, PacGAN Table 1)*' % r['config'],
                      _common.fmt(r['modes_captured_mean'], 1),
                      _common.fmt(100 * r['high_quality_fraction_mean'], 1),
                      _common.fmt(r['reverse_kl_mean'], 2), '—', '—', '—'])
    lines += [_common.markdown_table(
        ['configuration', 'modes captured (of %d)' % modes,
         'high quality %', 'reverse KL (nats)', 'seeds', 'steps',
         'wall s / run'], table), '']
  lines += [
      'Published rows: PacGAN (Lin et al. 2018, arXiv:1712.04086) Table 1, '
      'under that paper\'s own protocol (its networks, training schedule and '
      'number of trials), not rerun here; they are reference points, not '
      'like-for-like comparisons. Our metrics follow the same definitions '
      '(`examples/toy2d/eval_lib.py`: nearest centre, high quality within 3 '
      'std, %d samples).' % settings['num_eval_samples'], '']
  lines += ['## digits (sklearn 8×8): Fréchet classifier distance', '']
  digits_rows = [r for r in rows if r['dataset'] == 'digits']
  baseline = digits_rows[0].get('fcd_real_vs_real') if digits_rows else None
  lines += [
      'FCD between 898 generated images and half of the real images, in the '
      'feature space of a small classifier (`examples/digits/eval_lib.py`), '
      'trained once for %d steps and shared by all runs (held-out accuracy '
      '%s). Real-vs-real baseline (the two real halves): **%s**; lower is '
      'better.' % (settings['classifier_steps'],
                   _common.fmt(classifier_accuracy, 3),
                   _common.fmt(baseline, 2)), '']
  table = [[r['config'], _pm(r, 'fcd', 2), _common.fmt(
      r.get('fcd_real_vs_real'), 2), _status(r), str(r['steps']),
            _common.fmt(r['wall_time_s_mean'], 1)] for r in digits_rows]
  lines += [_common.markdown_table(
      ['configuration', 'FCD', 'real vs real', 'seeds', 'steps',
       'wall s / run'], table), '']
  if diverged:
    lines += ['## Diverged runs', '']
    lines += ['- %s (%s, seed %d): %s' % (r['config'], r['dataset'],
                                           r['seed'], r['status'])
              for r in diverged]
    lines.append('')
  lines += ['Files: `quality.csv` (these tables), `quality_runs.csv` (every '
            'run), `quality.png` (bars: mean, error bars: std; dotted lines: '
            'published PacGAN values).', '']
  with open(path, 'w') as f:
    f.write('\n'.join(lines))


def _span_lines(results):
  """When the runs were trained and the load they saw (runs are cached).

  A rerun reuses finished runs from the work directory, so the header's
  date and load describe this invocation; these lines describe the runs.
  Runs stored before results recorded `finished_at` fall back to the time
  their result.json was written.
  """
  import datetime  # pylint: disable=g-import-not-at-top
  ends, starts, loads = [], [], []
  for r in results:
    end = r.get('finished_at') or r.get('_mtime')
    if end is None:
      continue
    ends.append(end)
    starts.append(end - r.get('wall_time_s', 0.0))
    if r.get('load_1min') is not None:
      loads.append(r['load_1min'])
  if not ends:
    return []
  def utc(t):
    return datetime.datetime.fromtimestamp(
        t, datetime.timezone.utc).strftime('%Y-%m-%d %H:%M')
  lines = ['- the %d runs were trained from %s to %s UTC (%.1f min of wall '
           'time)' % (len(ends), utc(min(starts)),
                                        utc(max(ends))[11:],
                                        (max(ends) - min(starts)) / 60)]
  if loads:
    lines[-1] += '; 1-minute load average at the end of each run: %.1f to ' \
                 '%.1f (median %.1f)' % (min(loads), max(loads),
                                         sorted(loads)[len(loads) // 2])
  lines[-1] += '.'
  return lines


# ------------------------------------------------------------------- main --

def parse_args(argv):
  parser = argparse.ArgumentParser(
      prog='python -m benchmarks.quality', description=__doc__.split('\n')[0])
  parser.add_argument('--quick', action='store_true',
                      help='About a minute: few steps, one seed (CI).')
  parser.add_argument('--out_dir', default=_common.RESULTS_DIR,
                      help='Where the tables go (default: benchmarks/results).')
  parser.add_argument('--work_dir', default=None,
                      help='Run directories (default: a folder under /tmp '
                      'named after the mode; reused to resume).')
  parser.add_argument('--workers', type=int, default=2,
                      help='Parallel worker processes.')
  parser.add_argument('--note', action='append', default=[],
                      help='A line for the header of quality.md (e.g. the '
                      'load observed while the runs trained); repeatable.')
  for name, value in MODES['full'].items():
    parser.add_argument('--' + name, type=int, default=None,
                        help='Override the mode\'s %s (full: %d).' % (name,
                                                                     value))
  return parser.parse_args(argv)


def main(argv=None):
  args = parse_args(sys.argv[1:] if argv is None else argv)
  mode = 'quick' if args.quick else 'full'
  settings = dict(MODES[mode])
  for name in settings:
    if getattr(args, name) is not None:
      settings[name] = getattr(args, name)
  work_dir = os.path.abspath(args.work_dir or os.path.join(
      '/tmp', 'tfgan_ext_benchmarks', 'quality-' + mode))
  os.makedirs(work_dir, exist_ok=True)
  os.makedirs(args.out_dir, exist_ok=True)
  started, start_load = _common.utc_now(), _common.load_average()
  clock = time.time()
  # Workers must start without TensorFlow's thread pools in this process.
  _common.single_threaded_tensorflow()
  ctx = multiprocessing.get_context('spawn')
  with ctx.Pool(args.workers, initializer=_worker_init,
                maxtasksperchild=None) as pool:
    config_rows = pool.apply(configs)
    jobs = plan(settings, config_rows)
    _, accuracy = pool.apply(_train_classifier, (work_dir, settings))
    results = []
    for i, result in enumerate(pool.imap_unordered(
        _run_job, [(job, work_dir, settings) for job in jobs])):
      results.append(result)
      print('[%d/%d %.0fs] %s %s' % (
          i + 1, len(jobs), time.time() - clock, result['key'],
          result['status']), flush=True)
  finished, end_load = _common.utc_now(), _common.load_average()
  rows = summarize(results, config_rows)
  write_csv(rows, os.path.join(args.out_dir, 'quality.csv'))
  write_runs_csv(results, os.path.join(args.out_dir, 'quality_runs.csv'))
  write_chart(rows, os.path.join(args.out_dir, 'quality.png'))
  write_markdown(rows, results, os.path.join(args.out_dir, 'quality.md'),
                 settings, mode,
                 _common.environment_lines(start_load, end_load, started,
                                           finished),
                 accuracy, (time.time() - clock) / 60, args.workers,
                 notes=args.note)
  print('wrote %s (%.1f min)' % (os.path.join(args.out_dir, 'quality.md'),
                                 (time.time() - clock) / 60))
  return rows


if __name__ == '__main__':
  main()
