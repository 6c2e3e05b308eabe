# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The quality benchmark's aggregation: rows per configuration, ranks, ties."""

import math
import statistics

from benchmarks import quality_plan
from benchmarks import quality_runs
from examples.toy2d import data_provider as toy2d_data

__all__ = [
    'as_recommended',
    'headline',
    'mean_std',
    'measured',
    'summarize',
    'ties',
]


def mean_std(values):
  """(mean, sample standard deviation with ddof=1; 0 for one value)."""
  values = [float(v) for v in values]
  if not values:
    return float('nan'), float('nan')
  mean = statistics.fmean(values)
  std = statistics.stdev(values) if len(values) > 1 else 0.0
  return mean, std


def _finite(values):
  return [v for v in values if v is not None and math.isfinite(v)]


def summarize(results, config_rows):
  """One row per (dataset, configuration), in table order, then published.

  Args:
    results: The runs' result dicts (`quality_runs.run_job`).
    config_rows: `quality_plan.configs()`.

  Returns:
    Dicts keyed like `quality_files.CSV_FIELDS`: means and sample stds over
    the finished runs, how many runs there were and finished.
  """
  rows = []
  for dataset in quality_plan.TOY_DATASETS + (quality_runs.DIGITS_DATASET,):
    for label, loss, penalty, weight, every in config_rows:
      runs = [r for r in results
              if r['dataset'] == dataset and r['config'] == label]
      if not runs:
        continue
      done = [r for r in runs if r['status'] == 'ok']
      # A preset may have set the penalty, weight and interval the runs
      # trained with.
      row = dict(source='measured', dataset=dataset, config=label,
                 gan_loss=loss, penalty=runs[0].get('penalty', penalty),
                 penalty_weight=runs[0].get('penalty_weight', weight),
                 penalty_every=runs[0].get('penalty_every', every),
                 discriminator_train_steps=runs[0].get(
                     'discriminator_train_steps', 1),
                 seeds=len(runs), finished=len(done), steps=runs[0]['steps'])
      # 'kid' gives kid_mean and kid_std (over seeds); 'kid_std', each run's
      # own standard error of KID, gives kid_std_mean.
      for name in quality_runs.SAMPLE_QUALITY:
        row[name + '_mean'], row[name + '_std'] = mean_std(
            _finite([r.get(name) for r in done]))
      wall = _finite([r.get('wall_time_s') for r in runs])
      row['wall_time_s_mean'] = mean_std(wall)[0]
      if dataset == quality_runs.DIGITS_DATASET:
        row['fcd_mean'], row['fcd_std'] = mean_std(
            _finite([r.get('fcd') for r in done]))
        for name in ('fcd',) + quality_runs.SAMPLE_QUALITY:
          row[name + '_real_vs_real'] = mean_std(
              _finite([r.get(name + '_real_vs_real') for r in done]))[0]
      else:
        row['num_modes'] = len(toy2d_data.centers(dataset))
        for name in ('modes_captured', 'high_quality_fraction',
                     'reverse_kl'):
          row[name + '_mean'], row[name + '_std'] = mean_std(
              _finite([r.get(name) for r in done]))
      rows.append(row)
  for method, dataset, modes, hq, kl in quality_plan.PUBLISHED:
    rows.append(dict(source=quality_plan.PUBLISHED_SOURCE, dataset=dataset,
                     config=method, num_modes=len(toy2d_data.centers(dataset)),
                     modes_captured_mean=modes,
                     high_quality_fraction_mean=hq / 100.0,
                     reverse_kl_mean=kl))
  return rows


def _rank_key(row):
  # Best: most modes captured; ties: lower reverse KL, then higher quality.
  return (-row['modes_captured_mean'], row['reverse_kl_mean'],
          -row['high_quality_fraction_mean'])


def measured(rows, dataset, penalized=None):
  """The finished measured rows of a toy dataset.

  penalized: None for all rows; False for the registry's losses alone; True
  for the penalized configurations.
  """
  return [r for r in rows if r['source'] == 'measured'
          and r['dataset'] == dataset and r['finished']
          and math.isfinite(r['modes_captured_mean'])
          and (penalized is None or (r['penalty'] != 'none') == penalized)]


def headline(rows, dataset, penalized=None):
  """(best row, worst row) of `measured(rows, dataset, penalized)`."""
  ordered = sorted(measured(rows, dataset, penalized), key=_rank_key)
  if not ordered:
    return None, None
  return ordered[0], ordered[-1]


def _overlaps(row, other, name):
  """Whether the mean +- std intervals of `name` overlap."""
  a, b = row[name + '_mean'], other[name + '_mean']
  return abs(a - b) <= (row.get(name + '_std') or 0.0) + (
      other.get(name + '_std') or 0.0)


def ties(rows, dataset, row, penalized=None):
  """Other rows within one std of `row` on modes captured and reverse KL."""
  return [r for r in measured(rows, dataset, penalized) if r is not row
          and _overlaps(row, r, 'modes_captured')
          and _overlaps(row, r, 'reverse_kl')]


def as_recommended(rows, dataset):
  """Each configuration as a user gets it with `--preset=recommended`.

  That is the configuration's recommended row where the plan trained one on
  `dataset` (a preset exists for it there), else its shared-schedule row.

  Returns:
    {shared configuration label: measured row of `dataset`}, in table order.
  """
  by_label = {r['config']: r for r in rows
              if r['source'] == 'measured' and r['dataset'] == dataset}
  return {label: by_label.get(quality_plan.recommended_label(label), row)
          for label, row in by_label.items()
          if not label.endswith(quality_plan.RECOMMENDED)}
