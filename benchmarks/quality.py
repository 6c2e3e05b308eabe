# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
r"""Sample quality of every registered loss (and the main penalties).

  python -m benchmarks.quality            # full mode: hours; resumable
  python -m benchmarks.quality --quick    # about a minute (CI)
  python -m benchmarks.quality --quick --out_dir=/tmp/q
  python -m benchmarks.quality --report_only   # tables from finished runs

Trains each configuration (`quality_plan`) with the examples' own code and
evaluates it with the examples' own eval (`quality_runs`):

* toy2d (`examples.toy2d.train_lib.train`) on the ring and the grid, several
  seeds: modes captured, high-quality fraction and reverse KL
  (`examples.toy2d.eval_lib.metrics`), mean +- std over seeds
  (`quality_summary`);
* digits (`examples.digits.train_lib.train`, then
  `examples.digits.eval_lib.evaluate`): Fréchet classifier distance (FCD)
  and the real-vs-real baseline;
* on both, KID, precision, recall, density and coverage
  (`tfgan_ext.metrics.sample_quality`, as the examples' evals report them).

Every configuration gets the same step budget (full mode: the examples'
defaults) and the examples' default hyperparameters otherwise (no per-loss
tuning); with the 'recommended' schedule each configuration that has a preset
trains again with it. Runs go to `--work_dir`
(checkpoints, samples, per-run JSON); a rerun skips runs that finished, so an
interrupted full run can be resumed; `--reuse_runs` takes some data sets'
runs from an earlier quality_runs.csv instead (a benchmark that gained a
metric can retrain one data set per session). Tables go to `--out_dir`
(`quality_report`): quality.md, quality.csv, quality_runs.csv and
quality.png.

Workers: `--workers` processes, spawned after TensorFlow's thread settings
are set to one intra-op and one inter-op thread, so runs do not compete for
threads.
"""

import os
import sys
import time

from benchmarks import environment
from benchmarks import quality_files
from benchmarks import quality_plan
from benchmarks import quality_report
from benchmarks import quality_runs
from benchmarks import quality_summary
from benchmarks import workers
from examples.digits import train_lib as digits_train
from examples.toy2d import train_lib as toy2d_train

__all__ = ['MODES', 'main', 'parse_args']

# Step budgets, seeds and eval-classifier steps per mode. The full mode trains
# every run for its example's default number of steps (`train_lib.HParams`:
# toy2d 10,000, digits 3,000), with 3 toy2d seeds and 2 digits seeds, as
# issue 10 asks; it takes hours on the 2-core benchmark machine (quality.md
# states the time). The quick mode only checks that everything runs.
MODES = {
    'quick': dict(toy_steps=50, toy_seeds=1, digits_steps=20, digits_seeds=1,
                  classifier_steps=100),
    'full': dict(toy_steps=toy2d_train.HParams().max_number_of_steps,
                 toy_seeds=3,
                 digits_steps=digits_train.HParams().max_number_of_steps,
                 digits_seeds=2, classifier_steps=1500),
}


def parse_args(argv):
  parser = environment.argument_parser(
      'quality', __doc__, 'About a minute: few steps, one seed (CI).',
      'Where the tables go (default: benchmarks/results).', runs=True)
  parser.add_argument('--schedules', default='shared,recommended',
                      help='Comma-separated: shared (the examples\' defaults '
                      'for every loss) and/or recommended (each loss\'s '
                      'preset, where it has one).')
  parser.add_argument('--report_only', action='store_true',
                      help='Train nothing: write the tables from the runs '
                      'finished in --work_dir (progress of a long run).')
  parser.add_argument('--note', action='append', default=[],
                      help='A line for the header of quality.md (e.g. the '
                      'load observed while the runs trained); repeatable.')
  parser.add_argument('--reuse_runs', default=None,
                      help='An earlier quality_runs.csv: the runs of '
                      '--reuse_datasets are read from it instead of trained '
                      '(metrics it lacks show as \'—\').')
  parser.add_argument('--reuse_datasets', default='ring,grid',
                      help='Comma-separated data sets --reuse_runs covers.')
  for name, value in MODES['full'].items():
    parser.add_argument('--' + name, type=int, default=None,
                        help='Override the mode\'s %s (full: %d).' % (name,
                                                                     value))
  return parser.parse_args(argv)


def _train(args, work_dir, settings, jobs):
  """Runs every job in worker processes; returns (results, accuracy)."""
  results, (_, accuracy) = workers.run_all(
      quality_runs.run_job, jobs, work_dir, args.workers,
      first=(quality_runs.train_classifier, (work_dir, settings)))
  return results, accuracy


def main(argv=None):
  """Trains and evaluates every job, writes the reports; returns the rows."""
  args = parse_args(sys.argv[1:] if argv is None else argv)
  mode = 'quick' if args.quick else 'full'
  settings = dict(MODES[mode])
  for name in settings:
    if getattr(args, name) is not None:
      settings[name] = getattr(args, name)
  work_dir = environment.make_dirs(args.work_dir, 'quality-' + mode,
                                   args.out_dir)
  started, start_load = environment.utc_now(), environment.load_average()
  clock = time.time()
  config_rows = quality_plan.configs(
      tuple(s.strip() for s in args.schedules.split(',') if s.strip()))
  jobs = quality_plan.plan(settings, config_rows)
  to_train = quality_runs.mark_same_runs(jobs)
  if args.reuse_runs:
    reused = quality_runs.reuse_runs(to_train, work_dir, args.reuse_runs, tuple(
        d.strip() for d in args.reuse_datasets.split(',') if d.strip()))
    print('%d runs read from %s' % (reused, args.reuse_runs))
  if args.report_only:
    results = [r for r in (quality_runs.stored_result(job, work_dir)
                           for job in jobs) if r is not None]
    accuracy = next((r['classifier_held_out_accuracy'] for r in results
                     if r.get('classifier_held_out_accuracy') is not None),
                    None)
  else:
    results, accuracy = _train(args, work_dir, settings, to_train)
    results += [r for r in (quality_runs.stored_result(job, work_dir)
                            for job in jobs if job.get('same_run_as'))
                if r is not None]
  finished, end_load = environment.utc_now(), environment.load_average()
  rows = quality_summary.summarize(results, config_rows)
  quality_files.write_csv(rows, os.path.join(args.out_dir, 'quality.csv'))
  quality_files.write_runs_csv(
      results, os.path.join(args.out_dir, 'quality_runs.csv'))
  quality_files.write_chart(rows, os.path.join(args.out_dir, 'quality.png'))
  quality_report.write_markdown(
      rows, results, os.path.join(args.out_dir, 'quality.md'), settings, mode,
      environment.environment_lines(start_load, end_load, started, finished),
      accuracy, (time.time() - clock) / 60, args.workers, notes=args.note,
      planned=len(jobs))
  print('wrote %s (%.1f min)' % (os.path.join(args.out_dir, 'quality.md'),
                                 (time.time() - clock) / 60))
  return rows


if __name__ == '__main__':
  main()
