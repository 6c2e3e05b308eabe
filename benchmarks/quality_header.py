# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""quality.md's header lines: where the runs came from, when, on what budget."""

import datetime

from benchmarks import quality_runs
from examples.digits import train_lib as digits_train
from examples.toy2d import train_lib as toy2d_train

__all__ = ['budget_lines', 'reused_lines', 'same_run_lines', 'span_lines']


def same_run_lines(results):
  """Which recommended rows share a run (`quality_runs.mark_same_runs`)."""
  configs = {r['key']: r['config'] for r in results}
  shared = {}
  for r in results:
    if r.get('same_run_as'):
      pair = (r['config'], configs.get(r['same_run_as'], r['same_run_as']))
      shared.setdefault(pair, set()).add(r['dataset'])
  return ['- same runs: on %s, "%s" is the run of "%s" (its preset gives '
          'the same settings), not a second one.' % (
              ' and '.join(sorted(datasets)), config, other)
          for (config, other), datasets in sorted(shared.items())]


def span_lines(results):
  """When the runs were trained and the load they saw (runs are cached).

  A rerun reuses finished runs from the work directory, so the header's
  date and load describe this invocation; these lines describe the runs.
  Runs stored before results recorded `finished_at` fall back to the time
  their result.json was written.
  """
  ends, starts, loads = [], [], []
  for r in results:
    # A shared run is counted once, under the run it shares; reused runs
    # trained in an earlier benchmark (`_reused_lines`).
    if r.get('same_run_as') or r.get('reused_from'):
      continue
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
  line = '- the %d runs were trained from %s to %s UTC (%.1f min of wall ' \
         'time)' % (len(ends), utc(min(starts)), utc(max(ends))[11:],
                    (max(ends) - min(starts)) / 60)
  if loads:
    line += '; 1-minute load average at the end of each run: %.1f to ' \
            '%.1f (median %.1f)' % (min(loads), max(loads),
                                    sorted(loads)[len(loads) // 2])
  return [line + '.']


def reused_lines(results):
  """Which runs came from an earlier quality_runs.csv (`--reuse_runs`)."""
  reused = {}
  for r in results:
    if r.get('reused_from') and not r.get('same_run_as'):
      reused.setdefault(r['reused_from'], []).append(r['dataset'])
  return ['- reused: %s run(s) (%s) were not trained by this benchmark\'s '
          'invocations: their results are read from an earlier %s '
          '(`--reuse_runs`); metrics that file lacks are "—".' % (
              len(datasets), ', '.join(
                  '%s %d' % (d, datasets.count(d))
                  for d in sorted(set(datasets))), source)
          for source, datasets in sorted(reused.items())]


def budget_lines(settings):
  toy_default = toy2d_train.HParams().max_number_of_steps
  digits_default = digits_train.HParams().max_number_of_steps
  lines = ['**Budget.** toy2d: %d generator steps per run (the learning rate '
           'decays over the last %d), %d seed(s); digits: %d generator steps, '
           '%d seed(s).' % (
               settings['toy_steps'],
               quality_runs.toy2d_lr_decay_steps(settings['toy_steps']),
               settings['toy_seeds'], settings['digits_steps'],
               settings['digits_seeds'])]
  if (settings['toy_steps'] >= toy_default
      and settings['digits_steps'] >= digits_default):
    lines[0] += ' These are the examples\' defaults.'
  else:
    lines[0] += (
        ' These are fewer steps than the examples\' defaults (toy2d %d, '
        'digits %d): the numbers rank losses at a short, equal budget and do '
        'not show what each loss reaches when trained to convergence.' % (
            toy_default, digits_default))
  return lines + ['']
