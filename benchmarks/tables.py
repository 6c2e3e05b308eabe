# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Markdown tables, numbers and CSV files for the benchmark reports."""

import csv
import math
import statistics

__all__ = ['csv_value', 'fmt', 'markdown_table', 'mean_and_std',
           'mean_std_cell', 'write_csv']


def fmt(value, digits=2):
  """A number for a table; '—' for None or NaN."""
  if value is None or (isinstance(value, float) and math.isnan(value)):
    return '—'
  return '%.*f' % (digits, value)


def mean_and_std(values):
  """(mean, sample standard deviation) of the values that are not None.

  (None, None) without values; the deviation is None for one value.
  """
  values = [v for v in values if v is not None]
  if not values:
    return None, None
  return (statistics.mean(values),
          statistics.stdev(values) if len(values) > 1 else None)


def mean_std_cell(mean, std, count, digits, scale=1.0):
  """'mean ± std' for a table; the mean alone for one run, '—' for none."""
  if mean is None or not math.isfinite(mean):
    return '—'
  if std is None or count < 2:  # No spread from one run.
    return fmt(mean * scale, digits)
  return '%s ± %s' % (fmt(mean * scale, digits), fmt(std * scale, digits))


def markdown_table(header, rows):
  """A GitHub markdown table from a header list and rows of strings."""
  lines = ['| ' + ' | '.join(header) + ' |',
           '|' + '|'.join('---' for _ in header) + '|']
  lines += ['| ' + ' | '.join(str(c) for c in row) + ' |' for row in rows]
  return '\n'.join(lines)


def csv_value(value):
  """A CSV cell: floats to 6 significant digits, None and NaN empty."""
  if isinstance(value, float):
    return '' if math.isnan(value) else '%.6g' % value
  return '' if value is None else value


def write_csv(path, fields, rows, comment_lines=()):
  """Writes `rows` (dicts) as CSV with the columns `fields`.

  Keys of a row that are not in `fields` are left out. `comment_lines` go
  first, each as '# line' (read the file with e.g. pandas.read_csv(path,
  comment='#')).
  """
  with open(path, 'w', newline='') as f:
    for line in comment_lines:
      f.write('# %s\n' % line)
    writer = csv.DictWriter(f, fieldnames=fields, extrasaction='ignore')
    writer.writeheader()
    for row in rows:
      writer.writerow({k: csv_value(row.get(k)) for k in fields})
