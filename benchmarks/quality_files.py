# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The quality benchmark's data files: quality.csv, quality_runs.csv, quality.png."""

import math

from matplotlib import figure

from benchmarks import quality_plan
from benchmarks import quality_runs
from benchmarks import tables

__all__ = ['CSV_FIELDS', 'RUN_FIELDS', 'write_chart', 'write_csv',
           'write_runs_csv']

_DIGITS = quality_runs.DIGITS_DATASET

CSV_FIELDS = (
    'source', 'dataset', 'config', 'gan_loss', 'penalty', 'penalty_weight',
    'penalty_every', 'discriminator_train_steps', 'seeds', 'finished',
    'steps', 'num_modes',
    'modes_captured_mean', 'modes_captured_std',
    'high_quality_fraction_mean', 'high_quality_fraction_std',
    'reverse_kl_mean', 'reverse_kl_std', 'fcd_mean', 'fcd_std',
    'fcd_real_vs_real',
    'kid_mean', 'kid_std_mean', 'kid_std', 'precision_mean', 'precision_std',
    'recall_mean', 'recall_std', 'density_mean', 'density_std',
    'coverage_mean', 'coverage_std',
    'kid_real_vs_real', 'precision_real_vs_real', 'recall_real_vs_real',
    'density_real_vs_real', 'coverage_real_vs_real',
    'wall_time_s_mean',
)
RUN_FIELDS = (
    'dataset', 'config', 'gan_loss', 'penalty', 'penalty_weight',
    'penalty_every', 'generator_train_steps', 'discriminator_train_steps',
    'preset', 'seed', 'steps', 'status', 'modes_captured', 'num_modes',
    'high_quality_fraction', 'reverse_kl', 'fcd', 'fcd_real_vs_real',
    'kid', 'kid_std', 'precision', 'recall', 'density', 'coverage',
    'kid_real_vs_real', 'precision_real_vs_real', 'recall_real_vs_real',
    'density_real_vs_real', 'coverage_real_vs_real',
    'train_time_s', 'wall_time_s', 'reused_from',
)


def write_csv(rows, path):
  """quality.csv: the summary rows (`quality_summary.summarize`)."""
  tables.write_csv(path, CSV_FIELDS, rows)


def write_runs_csv(results, path):
  """quality_runs.csv: every run, by dataset, configuration and seed."""
  tables.write_csv(path, RUN_FIELDS, sorted(
      results, key=lambda r: (r['dataset'], r['config'], r['seed'])))


def write_chart(rows, path):
  """quality.png: bars per configuration (mean; error bars: std).

  toy2d's three metrics per data set; digits' FCD, precision and coverage,
  with the real-against-real value as a green line.
  """
  panels = [(d, m, t) for d in quality_plan.TOY_DATASETS for m, t in (
      ('modes_captured', 'modes captured'),
      ('high_quality_fraction', 'high-quality fraction'),
      ('reverse_kl', 'reverse KL (nats)'))] + [
          (_DIGITS, 'fcd', 'FCD'), (_DIGITS, 'precision', 'precision'),
          (_DIGITS, 'coverage', 'coverage')]
  fig = figure.Figure(figsize=(15, 13), dpi=80)
  axes = fig.subplots(3, 3)
  for ax, (dataset, metric, title) in zip(axes.ravel(), panels):
    data = [r for r in rows if r['source'] == 'measured'
            and r['dataset'] == dataset]
    means = [r.get(metric + '_mean', float('nan')) for r in data]
    ax.barh(range(len(data)), means,
            xerr=[r.get(metric + '_std', 0.0) or 0.0 for r in data],
            color='tab:blue', ecolor='black', capsize=2)
    ax.set_yticks(range(len(data)))
    ax.set_yticklabels([r['config'] for r in data], fontsize=7)
    ax.invert_yaxis()
    if dataset == _DIGITS and data:
      baseline = data[0].get(metric + '_real_vs_real')
      if baseline is not None and math.isfinite(baseline):
        ax.axvline(baseline, color='tab:green', linestyle='--',
                   label='real vs real %.2f' % baseline)
        ax.legend(fontsize=7)
      if metric == 'fcd' and all(m > 0 for m in means if math.isfinite(m)):
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
