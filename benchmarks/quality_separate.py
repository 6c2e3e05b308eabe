# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""quality.md's section of runs measured separately from the shared budget.

Some quality figures come from runs this benchmark's plan does not make:
the examples' recommended settings (`--preset`, own schedules and budgets)
and the other trainers (GANEstimator, Keras `fit`). Each such run is one row
of benchmarks/results/quality_separate.csv, with the command that trains it
and the metrics its eval wrote (`eval/metrics.json`); `lines(path)` renders
them, grouped by section and configuration (mean ± std over seeds), and
`quality_report.write_markdown` appends them, so regenerating quality.md
keeps them.
"""

import collections
import csv
import os

from benchmarks import environment
from benchmarks import quality_summary
from benchmarks import tables

__all__ = ['FIELDS', 'PATH', 'lines', 'read']

PATH = os.path.join(environment.RESULTS_DIR, 'quality_separate.csv')
FIELDS = ('section', 'configuration', 'command', 'seed', 'steps',
          'modes_captured', 'num_modes', 'high_quality_fraction',
          'reverse_kl', 'fcd', 'fcd_real_vs_real', 'measured')
_TOY_METRICS = ('modes_captured', 'high_quality_fraction', 'reverse_kl')


def read(path=PATH):
  """The CSV's rows as dicts ([] without the file).

  Raises:
    ValueError: the header is not `FIELDS`.
  """
  if not os.path.exists(path):
    return []
  with open(path) as f:
    reader = csv.DictReader(line for line in f if not line.startswith('#'))
    if tuple(reader.fieldnames or ()) != FIELDS:
      raise ValueError('%s: header %s, expected %s' % (
          path, reader.fieldnames, ','.join(FIELDS)))
    return list(reader)


def _pm(values, digits, scale=1.0):
  mean, std = quality_summary.mean_std([float(v) for v in values])
  return tables.mean_std_cell(mean, std, len(values), digits, scale)


def _row(configuration, runs):
  seeds = ', '.join(r['seed'] for r in runs)
  if runs[0]['fcd']:
    metrics = [_pm([r['fcd'] for r in runs], 2), '', '',
               tables.fmt(float(runs[0]['fcd_real_vs_real']), 2)]
  else:
    metrics = ['%s of %s' % (_pm([r['modes_captured'] for r in runs], 1),
                             runs[0]['num_modes']),
               _pm([r['high_quality_fraction'] for r in runs], 1, 100),
               _pm([r['reverse_kl'] for r in runs], 3), '']
  return [configuration] + metrics + [
      '%s (%d)' % (seeds, len(runs)), runs[0]['steps'],
      '`%s`' % runs[0]['command']]


def lines(path=PATH):
  """Markdown lines: one table per section ([] without rows)."""
  rows = read(path)
  if not rows:
    return []
  out = ['## Measured separately: recommended settings and other trainers',
         '',
         'Runs outside the shared budget above, each trained by the command '
         'shown (with `--seed` and `--train_log_dir` added) and evaluated by '
         'the example\'s eval; one row per run in `%s`. Means ± sample '
         'standard deviations over the seeds listed.' % os.path.basename(path),
         '']
  sections = collections.OrderedDict()
  for r in rows:
    sections.setdefault(r['section'], collections.OrderedDict()).setdefault(
        r['configuration'], []).append(r)
  for section, configs in sections.items():
    out += ['### ' + section, '', tables.markdown_table(
        ['configuration', 'modes (toy2d) / FCD (digits)', 'high quality %',
         'reverse KL', 'real vs real FCD', 'seeds', 'steps', 'command'],
        [_row(c, runs) for c, runs in configs.items()]), '']
    dates = sorted({r['measured'] for runs in configs.values() for r in runs})
    out += ['Measured: %s.' % ', '.join(dates), '']
  return out
