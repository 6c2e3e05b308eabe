# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Benchmark runs in worker processes, each trained once and stored.

`run_all` runs jobs in spawned worker processes with one TensorFlow thread
each; `run_stored`, inside a worker, trains and evaluates one job unless its
result.json is already in <work_dir>/runs/<key> (so an interrupted benchmark
resumes), and keeps a run's evaluation output but not its checkpoints. A
run interrupted before its result was stored starts again, or, for
benchmarks whose runs last long (`resume=True`), continues from its last
checkpoint as the trainers do when re-run with the same flags.
"""

import datetime
import json
import multiprocessing
import os
import shutil
import time

from benchmarks import environment
from benchmarks import tables
from examples.common import logs
from examples.common import training

__all__ = ['run_all', 'run_and_report', 'run_stored', 'stored_job',
           'worker_init']


def worker_init():
  """Pool initializer: TensorFlow's Python logger shows errors only."""
  logs.quiet_tensorflow()


def run_stored(job, work_dir, train_and_evaluate, stored=None,
               resume=False):
  """`job`'s result: the stored one, or trained, evaluated and stored now.

  Args:
    job: A dict with a unique 'key'; copied into the result.
    work_dir: The benchmark's directory.
    train_and_evaluate: fn(run_dir, result) that trains and evaluates the
      job and fills `result` (a dict); NonFiniteLossError marks it diverged.
    stored: The stored result if the caller looked it up itself (e.g. a
      result shared between jobs), else None to read result.json.
    resume: Keep the run directory of a run interrupted before its result
      was stored, for `train_and_evaluate` to continue from its checkpoint
      (the trainers refuse a directory of other settings); else delete it
      and train from the start.

  Returns:
    The result dict, with 'status', 'wall_time_s' and 'load_1min'.
  """
  run_dir = os.path.join(work_dir, 'runs', job['key'])
  result_path = os.path.join(run_dir, 'result.json')
  if stored is None and os.path.exists(result_path):
    with open(result_path) as f:
      stored = json.load(f)
  if stored is not None:
    return stored
  if os.path.exists(run_dir) and not resume:  # Interrupted: start again.
    shutil.rmtree(run_dir)
  result = dict(job, status='ok')
  start = time.time()
  try:
    train_and_evaluate(run_dir, result)
  except training.NonFiniteLossError as e:
    result['status'] = 'diverged: %s' % str(e).split(';')[0]
  result['wall_time_s'] = time.time() - start
  result['finished_at'] = time.time()
  load = environment.load_average()
  result['load_1min'] = load[0] if load else None
  os.makedirs(run_dir, exist_ok=True)
  with open(result_path, 'w') as f:
    json.dump(result, f, indent=1, sort_keys=True)
  # Keep the evaluation output; drop checkpoints and event files (large).
  for name in os.listdir(run_dir):
    if name.startswith(('model.ckpt', 'events.out', 'graph.pbtxt')):
      os.remove(os.path.join(run_dir, name))
  return result


def stored_job(train_and_evaluate, args):
  """`run_stored` for one `(job, work_dir)` of `run_all`.

  Bind the benchmark's `train_and_evaluate(job, run_dir, result)` with
  `functools.partial(workers.stored_job, train_and_evaluate)`: both are
  module-level functions, so the result pickles into worker processes.
  """
  job, work_dir = args
  return run_stored(job, work_dir, lambda run_dir, result: train_and_evaluate(
      job, run_dir, result))


def run_all(run_job, jobs, work_dir, workers, first=None, describe=None):
  """Runs `run_job((job, work_dir))` for every job in worker processes.

  Args:
    run_job: A module-level function (picklable).
    jobs: The jobs.
    work_dir: Passed to each call.
    workers: Number of worker processes.
    first: (fn, args) run in the pool before the jobs (e.g. training the
      shared eval classifier); its value is returned.
    describe: result -> text for the progress line (default: its status).

  Returns:
    (results in completion order, the value of `first` or None).
  """
  clock = time.time()
  # Before the pool: spawned workers inherit one TensorFlow thread each.
  environment.single_threaded_tensorflow()
  ctx = multiprocessing.get_context('spawn')
  with ctx.Pool(workers, initializer=worker_init) as pool:
    first_value = pool.apply(*first) if first else None
    results = []
    for i, result in enumerate(pool.imap_unordered(
        run_job, [(job, work_dir) for job in jobs])):
      results.append(result)
      print('[%d/%d %.0fs] %s %s' % (
          i + 1, len(jobs), time.time() - clock, result['key'],
          describe(result) if describe else result['status']), flush=True)
  return results, first_value


def stored_results(jobs, work_dir):
  """(the stored results of `jobs` in their order, the keys not run yet).

  Args:
    jobs: Dicts with a 'key' (`run_stored`'s jobs).
    work_dir: The benchmark's directory.
  """
  results, missing = [], []
  for job in jobs:
    path = os.path.join(work_dir, 'runs', job['key'], 'result.json')
    if os.path.exists(path):
      with open(path) as f:
        results.append(json.load(f))
    else:
      missing.append(job['key'])
  return results, missing


def _runs_span(results, default):
  """(first start, last end) of the runs, as UTC datetimes.

  From each result's 'finished_at' and 'wall_time_s': a study resumed over
  several sessions reports when its runs trained, not when it was resumed.
  """
  spans = [(r['finished_at'] - r['wall_time_s'], r['finished_at'])
           for r in results if 'finished_at' in r and 'wall_time_s' in r]
  if not spans:
    return default
  utc = datetime.timezone.utc
  return (datetime.datetime.fromtimestamp(min(s for s, _ in spans), utc),
          datetime.datetime.fromtimestamp(max(e for _, e in spans), utc))


def run_and_report(run_job, jobs, work_dir, workers, describe, summarize,
                   base, fields, markdown, header_lines, report_only=False):
  """Runs the jobs, then writes <base>.csv, <base>_runs.csv and <base>.md.

  Args:
    run_job, jobs, work_dir, workers, describe: As for `run_all`.
    summarize: results -> the summary rows.
    base: The reports' path without extension.
    fields: (summary CSV fields, per-run CSV fields).
    markdown: (rows, results, header lines) -> the lines of <base>.md.
    header_lines: Lines for the header after the environment's.
    report_only: Train nothing: report the runs stored so far, and name
      the ones not run yet in the header.

  Returns:
    The summary rows.
  """
  start_load = environment.load_average()
  clock = time.time()
  header_lines = list(header_lines)
  if report_only:
    results, missing = stored_results(jobs, work_dir)
    loads = [r['load_1min'] for r in results if r.get('load_1min')]
    header_lines.append(
        '- written from the stored runs (--report_only): %d of %d finished%s'
        '%s; the load averages above are the report\'s' % (
            len(results), len(jobs),
            ' (1-minute load at their ends: %.1f-%.1f)' % (
                min(loads), max(loads)) if loads else '',
            '; not run yet: %s' % ', '.join(missing) if missing else ''))
  else:
    results, _ = run_all(run_job, jobs, work_dir, workers, describe=describe)
  rows = summarize(results)
  tables.write_csv(base + '.csv', fields[0], rows)
  tables.write_csv(base + '_runs.csv', fields[1],
                   sorted(results, key=lambda r: r['key']))
  began = datetime.datetime.fromtimestamp(clock, datetime.timezone.utc)
  started, finished = _runs_span(results, (began, environment.utc_now()))
  lines = environment.environment_lines(
      start_load, environment.load_average(), started, finished) + (
          header_lines)
  with open(base + '.md', 'w') as f:
    f.write('\n'.join(markdown(rows, results, lines)))
  print('wrote %s.md (%.1f min)' % (base, (time.time() - clock) / 60))
  return rows
