"""Helpers shared by the benchmark scripts: machine facts, tables, statistics."""

import datetime
import math
import os
import platform
import statistics

__all__ = [
    'RESULTS_DIR',
    'cpu_model',
    'environment_lines',
    'fmt',
    'load_average',
    'markdown_table',
    'mean_std',
    'single_threaded_tensorflow',
]

RESULTS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                           'results')


def single_threaded_tensorflow():
  """Makes TensorFlow (imported after this) use one intra- and inter-op thread.

  TensorFlow reads these variables when it creates its thread pools, so this
  must run before the process first creates an eager context or a session.
  """
  os.environ['TF_NUM_INTRAOP_THREADS'] = '1'
  os.environ['TF_NUM_INTEROP_THREADS'] = '1'


def cpu_model():
  """The CPU's model name from /proc/cpuinfo (or platform's guess)."""
  try:
    with open('/proc/cpuinfo') as f:
      for line in f:
        if line.startswith('model name'):
          return line.split(':', 1)[1].strip()
  except OSError:
    pass
  return platform.processor() or 'unknown'


def load_average():
  """(1, 5, 15)-minute load averages, or None where unavailable."""
  try:
    return os.getloadavg()
  except OSError:
    return None


def _versions():
  import tfgan_ext  # pylint: disable=g-import-not-at-top
  return tfgan_ext.compat.report().versions


def environment_lines(start_load, end_load, started, finished):
  """Markdown bullet lines: date, machine, load, versions."""
  def load(value):
    return 'n/a' if value is None else ' / '.join('%.2f' % v for v in value)
  lines = [
      '- date (UTC): %s to %s (%.1f min)' % (
          started.strftime('%Y-%m-%d %H:%M'), finished.strftime('%H:%M'),
          (finished - started).total_seconds() / 60),
      '- machine: %s, %d logical CPUs (`os.cpu_count()`), %s %s' % (
          cpu_model(), os.cpu_count() or 0, platform.system(),
          platform.release()),
      '- load average (1/5/15 min) at start: %s; at end: %s. The machine was '
      'shared with other work while this ran.' % (load(start_load),
                                                    load(end_load)),
      '- versions (`tfgan_ext.compat.report()`): %s' % ', '.join(
          '%s %s' % kv for kv in _versions().items()),
  ]
  return lines


def utc_now():
  return datetime.datetime.now(datetime.timezone.utc)


def mean_std(values):
  """(mean, sample standard deviation with ddof=1; 0 for one value)."""
  values = [float(v) for v in values]
  if not values:
    return float('nan'), float('nan')
  mean = statistics.fmean(values)
  std = statistics.stdev(values) if len(values) > 1 else 0.0
  return mean, std


def fmt(value, digits=2):
  """A number for a table; '—' for None or NaN."""
  if value is None or (isinstance(value, float) and math.isnan(value)):
    return '—'
  return '%.*f' % (digits, value)


def markdown_table(header, rows):
  """A GitHub markdown table from a header list and rows of strings."""
  lines = ['| ' + ' | '.join(header) + ' |',
           '|' + '|'.join('---' for _ in header) + '|']
  lines += ['| ' + ' | '.join(str(c) for c in row) + ' |' for row in rows]
  return '\n'.join(lines)
