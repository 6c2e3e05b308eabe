# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The quality benchmark's runs: train with the examples' code, evaluate.

Runs execute in worker processes that `benchmarks.quality` spawns after
setting one TensorFlow thread per process (`environment.
single_threaded_tensorflow`); a spawned worker inherits that setting, and
TensorFlow reads it when the worker's runtime starts, so the imports at the
top of this module need no care.

Each run gets the examples' default hyperparameters (`train_lib.HParams()`)
except what the benchmark varies: the loss and penalty, the seed, the step
budget (and for toy2d the learning-rate decay, which keeps the default's
proportion of the budget) and the logging intervals. A job with `preset`
then takes its preset's values (`examples.common.hparams.apply_presets` with
the example's `train_lib.PRESETS`), which may replace the penalty's weight
and interval.
"""

import csv
import json
import os
import shutil
import time

import numpy as np

from benchmarks import workers
from examples.common import hparams as hparams_lib
from examples.digits import data_provider as digits_data
from examples.digits import eval_lib as digits_eval
from examples.digits import train_lib as digits_train
from examples.toy2d import eval_lib as toy2d_eval
from examples.toy2d import train_lib as toy2d_train

__all__ = [
    'DIGITS_DATASET',
    'SAMPLE_QUALITY',
    'digits_hparams',
    'mark_same_runs',
    'reuse_runs',
    'run_job',
    'stored_result',
    'toy2d_hparams',
    'toy2d_lr_decay_steps',
    'train_classifier',
]

DIGITS_DATASET = 'digits'  # scikit-learn's 8x8 digits: offline.
# `tfgan_ext.metrics.sample_quality`'s values, which both examples' evals
# report beside FCD / modes (digits also real against real, '_real_vs_real').
SAMPLE_QUALITY = ('kid', 'kid_std', 'precision', 'recall', 'density',
                  'coverage')


def _varied_fields(job, run_dir):
  """The fields a run sets; every other field keeps the example's default."""
  steps = max(job['steps'], 1)
  fields = dict(gan_loss=job['gan_loss'], penalty=job['penalty'],
                seed=job['seed'], max_number_of_steps=job['steps'],
                train_log_dir=run_dir, eval=False, log_every_n_steps=steps,
                save_checkpoint_steps=steps, save_summaries_steps=steps)
  if job['penalty'] != 'none':
    fields.update(penalty_weight=job['penalty_weight'],
                  penalty_every=job['penalty_every'])
  return fields


def toy2d_lr_decay_steps(steps):
  """toy2d's learning-rate decay for a `steps` budget: the default's share."""
  default = toy2d_train.HParams()
  return int(round(steps * default.lr_decay_steps
                   / default.max_number_of_steps))


def _hparams(train_lib, job, run_dir, **fields):
  """`train_lib.HParams` with the varied fields, then the job's preset."""
  varied = _varied_fields(job, run_dir)
  hparams = train_lib.HParams(**varied, **fields)
  if not job.get('preset'):
    return hparams
  # The preset decides the penalty (a preset may add one), its weight and
  # interval, not the budget.
  return hparams_lib.apply_presets(hparams, train_lib.PRESETS, set(varied) - {
      'penalty', 'penalty_weight', 'penalty_every'})[0]


def toy2d_hparams(job, run_dir):
  """toy2d's HParams for `job`: its defaults but the varied fields."""
  return _hparams(toy2d_train, job, run_dir, dataset=job['dataset'],
                  lr_decay_steps=toy2d_lr_decay_steps(job['steps']))


def digits_hparams(job, run_dir):
  """digits' HParams for `job`: its defaults but the varied fields."""
  return _hparams(digits_train, job, run_dir, dataset=DIGITS_DATASET)


def train_classifier(work_dir, settings):
  """Trains the digits eval classifier once, for every digits run to reuse.

  `examples.digits.eval_lib.evaluate` trains it in `<run>/eval/classifier`
  unless a checkpoint is there; it would train the same network on the same
  permuted images (NumPy seed 0, as in `evaluate`) in every run. Training it
  once and copying it in gives every loss the same classifier.

  Returns:
    (its directory, its held-out accuracy).
  """
  model_dir = os.path.join(work_dir, 'classifier')
  real, labels = digits_data.load_numpy(DIGITS_DATASET, 'train')
  order = np.random.default_rng(0).permutation(len(real))
  accuracy = digits_eval.train_classifier(
      real[order], labels[order], model_dir,
      num_steps=settings['classifier_steps'])
  return model_dir, float(accuracy)


def _record_schedule(hparams, result):
  """The penalty and schedule the run trained with (a preset may set them)."""
  for name in ('penalty', 'penalty_weight', 'penalty_every',
               'generator_train_steps',
               'discriminator_train_steps'):
    result[name] = getattr(hparams, name)


def _train_and_evaluate(job, run_dir, work_dir, result):
  start = time.time()
  if job['dataset'] == DIGITS_DATASET:
    hparams = digits_hparams(job, run_dir)
    _record_schedule(hparams, result)
    digits_train.train(hparams)
    result['train_time_s'] = time.time() - start
    shutil.copytree(os.path.join(work_dir, 'classifier'),
                    os.path.join(run_dir, 'eval', 'classifier'))
    metrics = digits_eval.evaluate(hparams, seed=job['seed'])
    for name in ('fcd', 'fcd_real_vs_real', 'classifier_held_out_accuracy',
                 'num_samples') + SAMPLE_QUALITY:
      result[name] = metrics[name]
    for name in SAMPLE_QUALITY:
      result[name + '_real_vs_real'] = metrics['real_vs_real'][name]
  else:
    hparams = toy2d_hparams(job, run_dir)
    _record_schedule(hparams, result)
    toy2d_train.train(hparams)
    result['train_time_s'] = time.time() - start
    metrics = toy2d_eval.evaluate(hparams, hparams.num_eval_samples,
                                     seed=job['seed'])
    for name in ('modes_captured', 'num_modes', 'high_quality_fraction',
                 'reverse_kl') + SAMPLE_QUALITY:
      result[name] = metrics[name]


def mark_same_runs(jobs):
  """Recommended jobs that a preset makes identical train once.

  Two presets can give the same settings: on toy2d, plain wasserstein's
  preset adds WGAN-GP's. Of each such group of recommended jobs, the one
  whose own penalty is the one it trains with (else the first) trains; the
  others get `same_run_as`, its key, and share its result
  (`stored_result`). Shared-schedule jobs always train, even where a preset
  changes nothing (digits R1): the two runs then show run-to-run noise.

  Args:
    jobs: `quality_plan.plan`'s jobs; changed in place.

  Returns:
    The jobs that train (those without `same_run_as`).
  """
  groups = {}
  for i, job in enumerate(jobs):
    if not job.get('preset'):
      continue
    build = (digits_hparams if job['dataset'] == DIGITS_DATASET
             else toy2d_hparams)
    hparams = build(job, run_dir='')
    settings = json.dumps(hparams._asdict(), sort_keys=True)
    own = job['penalty'] == hparams.penalty
    groups.setdefault(settings, []).append((not own, i, job))
  for group in groups.values():
    first = min(group, key=lambda g: g[:2])[2]
    for _, _, job in group:
      if job is not first:
        job['same_run_as'] = first['key']
  return [job for job in jobs if not job.get('same_run_as')]


def stored_result(job, work_dir):
  """The result a finished run of `job` stored in `work_dir`, or None.

  A job with `same_run_as` gets that run's result, under its own
  configuration label and key.
  """
  key = job.get('same_run_as', job['key'])
  result_path = os.path.join(work_dir, 'runs', key, 'result.json')
  if not os.path.exists(result_path):
    return None
  with open(result_path) as f:
    result = json.load(f)
  result['_mtime'] = os.path.getmtime(result_path)
  if 'same_run_as' in job:
    result.update(config=job['config'], key=job['key'],
                  same_run_as=job['same_run_as'])
  return result


def run_job(args):
  """Trains and evaluates one job; returns (and stores) its result dict.

  Args:
    args: (job, work_dir). A job whose result.json exists is not run again
      (its stored result is returned), so an interrupted benchmark resumes.
  """
  job, work_dir = args
  return workers.run_stored(
      job, work_dir,
      lambda run_dir, result: _train_and_evaluate(job, run_dir, work_dir,
                                                  result),
      stored=stored_result(job, work_dir))


def _csv_number(text):
  """A quality_runs.csv cell as the result.json value it was written from."""
  if text in ('', None):
    return None
  for kind in (int, float):
    try:
      return kind(text)
    except ValueError:
      pass
  return {'True': True, 'False': False}.get(text, text)


def reuse_runs(jobs, work_dir, runs_csv, datasets):
  """Stores runs of `datasets` from an earlier quality_runs.csv as finished.

  A full run takes hours longer than a session; this lets a benchmark that
  gained metrics retrain one data set and keep the others' earlier runs.
  Every job of `datasets` that has no result in `work_dir` gets the CSV row
  of the same data set, configuration, seed and step budget as its
  result.json, marked with 'reused_from' (and without 'finished_at': the CSV
  does not say when it trained). Metrics the CSV lacks stay absent, so the
  report shows them as '—'.

  Args:
    jobs: The jobs that train (`mark_same_runs`' return value).
    work_dir: The benchmark's directory.
    runs_csv: Path of the earlier quality_runs.csv.
    datasets: Data set names whose runs to take from it.

  Returns:
    The number of results written.

  Raises:
    ValueError: if a job of `datasets` has no row in the CSV.
  """
  with open(runs_csv, newline='') as f:
    rows = {(r['dataset'], r['config'], int(r['seed']), int(r['steps'])): r
            for r in csv.DictReader(f)}
  written = 0
  for job in jobs:
    if job['dataset'] not in datasets or stored_result(job, work_dir):
      continue
    row = rows.get((job['dataset'], job['config'], job['seed'], job['steps']))
    if row is None:
      raise ValueError('%s has no run of %s on %s with seed %d and %d steps; '
                       'train it (leave %s out of the reused data sets).' % (
                           runs_csv, job['config'], job['dataset'],
                           job['seed'], job['steps'], job['dataset']))
    # The CSV's schedule columns are what the run trained with (a preset may
    # have replaced the job's penalty, weight and interval).
    result = dict(job, reused_from=os.path.basename(runs_csv))
    for name, text in row.items():
      value = _csv_number(text)
      if value is not None:
        result[name] = value
    run_dir = os.path.join(work_dir, 'runs', job['key'])
    os.makedirs(run_dir, exist_ok=True)
    with open(os.path.join(run_dir, 'result.json'), 'w') as f:
      json.dump(result, f, indent=1, sort_keys=True)
    written += 1
  return written
