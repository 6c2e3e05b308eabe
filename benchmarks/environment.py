# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""What the benchmark reports say about where and when they ran.

Also `single_threaded_tensorflow`, which the quality benchmark calls before it
spawns its worker processes.
"""

import argparse
import datetime
import os
import platform

import tfgan_ext

__all__ = [
    'RESULTS_DIR',
    'cpu_model',
    'environment_lines',
    'load_average',
    'single_threaded_tensorflow',
    'utc_now',
]

RESULTS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                           'results')


def single_threaded_tensorflow():
  """One intra- and one inter-op thread for TensorFlow runtimes started later.

  TensorFlow reads TF_NUM_INTRAOP_THREADS and TF_NUM_INTEROP_THREADS when a
  process creates its thread pools, so this takes effect in processes started
  afterwards (and in this one only if its runtime has not started yet).
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


def utc_now():
  return datetime.datetime.now(datetime.timezone.utc)


def make_dirs(work_dir, default_name, out_dir):
  """Creates a benchmark's work and output directories.

  Args:
    work_dir: --work_dir, or None for /tmp/tfgan_ext_benchmarks/default_name.
    default_name: The work directory's name when --work_dir is not given.
    out_dir: --out_dir, where the reports go.

  Returns:
    The absolute work directory.
  """
  work_dir = os.path.abspath(work_dir or os.path.join(
      '/tmp', 'tfgan_ext_benchmarks', default_name))
  os.makedirs(work_dir, exist_ok=True)
  os.makedirs(out_dir, exist_ok=True)
  return work_dir


def environment_lines(start_load, end_load, started, finished):
  """Markdown bullet lines: date, machine, load, versions."""
  def load(value):
    return 'n/a' if value is None else ' / '.join('%.2f' % v for v in value)
  return [
      '- date (UTC): %s to %s (%.1f min)' % (
          started.strftime('%Y-%m-%d %H:%M'), finished.strftime(
              '%H:%M' if finished.date() == started.date()
              else '%Y-%m-%d %H:%M'),
          (finished - started).total_seconds() / 60),
      '- machine: %s, %d logical CPUs (`os.cpu_count()`), %s %s' % (
          cpu_model(), os.cpu_count() or 0, platform.system(),
          platform.release()),
      '- load average (1/5/15 min) at start: %s; at end: %s. The machine was '
      'shared with other work while this ran.' % (load(start_load),
                                                    load(end_load)),
      '- versions (`tfgan_ext.compat.report()`): %s' % ', '.join(
          '%s %s' % kv for kv in tfgan_ext.compat.report().versions.items()),
  ]


def argument_parser(module, doc, quick_help, out_dir_help, runs=False):
  """The benchmark's parser, with the --quick and --out_dir it always has.

  Args:
    module: 'quality', 'speed', ... (`python -m benchmarks.<module>`).
    doc: The module docstring (its first line describes the benchmark).
    quick_help: What --quick runs.
    out_dir_help: What goes into --out_dir.
    runs: Also --work_dir and --workers (benchmarks of training runs in
      `workers` processes).
  """
  parser = argparse.ArgumentParser(prog='python -m benchmarks.%s' % module,
                                   description=doc.split('\n')[0])
  parser.add_argument('--quick', action='store_true', help=quick_help)
  parser.add_argument('--out_dir', default=RESULTS_DIR, help=out_dir_help)
  if runs:
    parser.add_argument('--work_dir', default=None,
                        help='Run directories (default: a folder under /tmp '
                        'named after the benchmark; reused to resume).')
    parser.add_argument('--workers', type=int, default=2,
                        help='Parallel worker processes.')
  return parser
