# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""What the quality benchmark trains: configurations, published rows, jobs.

A configuration is (label, gan_loss, penalty, penalty_weight, penalty_every):
every canonical loss of the registry alone ('non_saturating' is an alias of
'modified'), then the penalties of `penalty_settings` on their base losses,
all on the examples' shared defaults; and with the 'recommended' schedule,
each of them again (`recommended_label`) on the data sets where the examples
have a preset for it (`train_lib.PRESETS` of toy2d and digits: its own
schedule, weight and optimizer). A job is one configuration on one data set with one seed and step
budget.
"""

import re

import tfgan_ext
from benchmarks import penalty_settings
from examples.common import hparams as hparams_lib
from examples.digits import train_lib as digits_train
from examples.toy2d import train_lib as toy2d_train

__all__ = [
    'PENALTY_CONFIGS',
    'PUBLISHED',
    'PUBLISHED_SOURCE',
    'RECOMMENDED',
    'SCHEDULES',
    'TOY_DATASETS',
    'configs',
    'plan',
    'preset',
    'recommended_label',
]

PENALTY_CONFIGS = tuple(
    ('%s + %s' % (base, label), base, penalty, weight, every)
    for label, base, penalty, weight, every in penalty_settings.PENALTIES)

# PacGAN (Lin et al. 2018, arXiv:1712.04086), Table 1: published numbers
# under the paper's own protocol (its architecture, training schedule and
# number of trials), quoted as given in issue 5 of this project:
# (method, dataset, modes captured, high-quality %, reverse KL).
PUBLISHED = (
    ('GAN', 'ring', 6.3, 98.2, 0.45),
    ('PacGAN4', 'ring', 7.8, 95.9, 0.07),
    ('GAN', 'grid', 17.3, 94.8, 0.70),
    ('PacGAN4', 'grid', 24.8, 93.6, 0.04),
)
PUBLISHED_SOURCE = 'published: PacGAN (arXiv:1712.04086) Table 1, own protocol'

TOY_DATASETS = ('ring', 'grid')
SCHEDULES = ('shared', 'recommended')
RECOMMENDED = ' (recommended)'  # label suffix of a preset's configuration


def preset(dataset, loss, penalty):
  """The examples' preset for (loss, penalty) on `dataset`'s task, or None."""
  train_lib = toy2d_train if dataset in TOY_DATASETS else digits_train
  return hparams_lib.find_preset(train_lib.PRESETS, train_lib.HParams(
      gan_loss=loss, penalty=penalty))


def recommended_label(label):
  """'modified + R1 (γ=10)' -> 'modified + R1 (recommended)'.

  The shared row's parameters are dropped from the label: the preset sets
  its own (the runs record them).
  """
  return re.sub(r' \([^()]*\)$', '', label) + RECOMMENDED


def configs(schedules=('shared',)):
  """[(label, gan_loss, penalty, weight, every)]: every loss, then penalties.

  With 'recommended' in `schedules`, then every configuration that has a
  preset on some data set, labelled by `recommended_label` (its weight and
  interval are the shared row's; the preset may replace them).
  """
  shared = [(name, name, 'none', 0.0, 1)
            for name in tfgan_ext.losses.names(include_aliases=False)]
  shared += list(PENALTY_CONFIGS)
  unknown = set(schedules) - set(SCHEDULES)
  if unknown:
    raise ValueError('Unknown schedules %s; choose from %s.' % (
        ', '.join(sorted(unknown)), ', '.join(SCHEDULES)))
  rows = list(shared) if 'shared' in schedules else []
  if 'recommended' in schedules:
    rows += [(recommended_label(label),) + tuple(rest)
             for label, *rest in shared
             if any(preset(d, rest[0], rest[1])
                    for d in TOY_DATASETS + ('digits',))]
  return rows


def _key(job):
  label = job['gan_loss']
  if job['penalty'] != 'none':
    label += '-%s-w%g-k%d' % (job['penalty'], job['penalty_weight'],
                              job['penalty_every'])
  if job.get('preset'):
    label += '-recommended'
  return '%s-%s-s%d-n%d' % (job['dataset'], label, job['seed'], job['steps'])


def plan(settings, config_rows):
  """The list of run jobs: data set by data set, seed-major within each.

  Digits first, then the ring, then the grid: a partial full run (it takes
  hours) then holds complete tables for the first data sets, and seed-major
  order gives every row of the data set in progress its first seeds.

  Args:
    settings: The mode's toy_steps, toy_seeds, digits_steps, digits_seeds.
    config_rows: From `configs()`.

  Returns:
    Dicts with config, gan_loss, penalty, penalty_weight, penalty_every,
    seed, dataset, steps and key (the run's directory name).
  """
  jobs = []
  budgets = [('digits', settings['digits_steps'], settings['digits_seeds'])]
  budgets += [(d, settings['toy_steps'], settings['toy_seeds'])
              for d in TOY_DATASETS]
  for dataset, steps, seeds in budgets:
    for seed in range(seeds):
      for label, loss, penalty, weight, every in config_rows:
        recommended = label.endswith(RECOMMENDED)
        if recommended and not preset(dataset, loss, penalty):
          continue
        jobs.append(dict(config=label, gan_loss=loss, penalty=penalty,
                         penalty_weight=weight, penalty_every=every,
                         seed=seed, preset=recommended, dataset=dataset,
                         steps=steps))
  for job in jobs:
    job['key'] = _key(job)
  return jobs
