# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Recommended settings per (task, loss, penalty), with where each comes from.

The examples' `HParams` defaults are shared by every loss, so that losses can
be compared with everything else equal. Some losses and penalties were
published with other settings and fail on the shared ones (WGAN-GP with one
critic step per generator step; see benchmarks/results/quality.md). A preset
records those settings once, for one task (toy2d or digits), with its source
(a paper, its released code, or a measurement here).

`train.py --preset=recommended` (the default) gives every field that has a
preset and is not on the command line the preset's value; `--preset=none`
keeps the shared defaults. Python callers apply presets themselves:

  hparams = presets.apply(train_lib.HParams(gan_loss='wasserstein',
                                            penalty='wgan_gp', ...),
                          'toy2d', explicit={'max_number_of_steps'})[0]
"""

import collections

import tfgan_ext

__all__ = [
    'CHOICES',
    'PRESETS',
    'Preset',
    'apply',
    'find',
]

# --preset values.
CHOICES = ('recommended', 'none')

Preset = collections.namedtuple(
    'Preset', 'task gan_loss penalty values source trainers', defaults=(None,))
Preset.__doc__ = """Settings for a task's (loss, penalty) pair.

Attributes:
  task: 'toy2d' or 'digits' (the example's `train_lib.TASK`).
  gan_loss: A canonical registry name, or None for any loss.
  penalty: A canonical penalty name ('none' for no penalty).
  values: {HParams field: value}.
  source: Where the values come from.
  trainers: The `--trainer`s that can honour `values` (None: all). With
    another trainer the preset does not apply.
"""

_WGAN_GP = 'wasserstein_gradient_penalty'

# WGAN-GP on toy2d as the authors' toy code trains it.
_TOY2D_WGAN_GP = dict(
    penalty_weight=0.1, discriminator_train_steps=5, generator_lr=1e-4,
    discriminator_lr=1e-4, adam_beta1=0.5, adam_beta2=0.9)
_TOY2D_WGAN_GP_SOURCE = (
    'Gulrajani et al. 2017 (arXiv:1704.00028), the authors\' toy code '
    '(gan_toy.py: LAMBDA = .1, CRITIC_ITERS = 5, Adam 1e-4, betas 0.5 and '
    '0.9)')

PRESETS = (
    Preset('toy2d', 'wasserstein', _WGAN_GP, _TOY2D_WGAN_GP,
           _TOY2D_WGAN_GP_SOURCE),
    Preset('digits', 'wasserstein', _WGAN_GP, dict(
        penalty_weight=10.0, discriminator_train_steps=5, generator_lr=1e-4,
        discriminator_lr=1e-4, adam_beta1=0.0, adam_beta2=0.9),
           'Gulrajani et al. 2017 (arXiv:1704.00028), Algorithm 1: lambda = '
           '10, n_critic = 5, Adam 1e-4, betas 0 and 0.9'),
    Preset('toy2d', None, 'r1', dict(penalty_weight=2.0),
           'gamma = 4 (weight gamma / 2), measured here on the grid at '
           '20,000 steps against gamma 0.2, 1 and 2 (benchmarks/results/'
           'quality.md); Mescheder et al. 2018 (arXiv:1801.04406) tune gamma '
           'per data set'),
    Preset('digits', None, 'r1', dict(penalty_weight=5.0),
           'gamma = 10 (weight gamma / 2), Mescheder et al. 2018 '
           '(arXiv:1801.04406), their most used value'),
    Preset('toy2d', None, 'dragan', dict(penalty_weight=0.1),
           'lambda = 0.1, measured here (docs/trainers.md): the paper\'s '
           'lambda = 10 (Kodali et al. 2017, arXiv:1705.07215) keeps the '
           'gradient norm near 1 across the perturbation radius, which on '
           'toy2d spans many modes'),
    Preset('digits', None, 'dragan', dict(penalty_weight=10.0,
                                          discriminator_train_steps=5),
           'lambda = 10 (Kodali et al. 2017, arXiv:1705.07215) with 5 '
           'discriminator steps per generator step, measured here: with one, '
           'the penalty holds the discriminator back (benchmarks/results/'
           'quality.md)'),
)


# Digits, wasserstein without a penalty: WGAN as published, with weight
# clipping (measured here, benchmarks/results/quality.md, 2 seeds: FCD 474
# without it, 9.20 +- 2.41 with it on 2026-11-23; 324 and 12.73 on 2026-12-01).
PRESETS += (
    Preset('digits', 'wasserstein', 'none', dict(
        weight_clip=0.01, discriminator_train_steps=5, generator_lr=5e-5,
        discriminator_lr=5e-5, adam_beta1=0.0, adam_beta2=0.9),
           'Arjovsky et al. 2017 (arXiv:1701.07875), Algorithm 1: clip c = '
           '0.01, n_critic = 5, RMSProp with learning rate 5e-5; here Adam '
           'with beta1 = 0 and beta2 = 0.9, which is RMSProp (decay 0.9) with '
           'bias correction',
           trainers=('gan_train',)),  # The others cannot clip weights.
)

# Toy2d, wasserstein without a penalty: the gradient penalty is added. The
# critic needs a Lipschitz constraint, and on 2D mixtures weight clipping is a
# poor one (Gulrajani et al. 2017, Figure 1). Measured here on the ring at
# 10,000 steps: no constraint, 88.6 +- 12.8% high quality (3 seeds, one at
# 73.8%; 75.9 +- 33.8% on 2026-12-01); WGAN's clipping (c 0.01, n_critic 5,
# 5e-5) 43.5% (seed 0, 8/8 modes, samples strung along the edges between
# modes); this preset, 93.5% (3 seeds, the quality benchmark's WGAN-GP
# recommended row; 94.2% on 2026-12-01).
PRESETS += (
    Preset('toy2d', 'wasserstein', 'none',
           dict(_TOY2D_WGAN_GP, penalty=_WGAN_GP),
           'the WGAN-GP preset added: ' + _TOY2D_WGAN_GP_SOURCE + '; '
           'measured here against no constraint and weight clipping '
           '(benchmarks/results/quality.md)'),
)

# Digits: the plain losses whose FCD on the shared schedule is beyond 3x of
# the best configuration's (benchmarks/results/quality.md of 2026-11-23,
# 3,000 steps, 2 seeds) train with R1 added. Measured here (2-seed mean without -> seed 0
# with R1, one eval classifier per run): hinge 21.2 -> 6.0, least_squares
# 22.3 -> 7.1, relativistic 37.1 -> 10.3, relativistic_hinge 29.1 -> 12.0,
# relativistic_pairing 19.0 -> 11.3, wasserstein_hinge 68.8 -> 14.1; the
# quality benchmark's recommended rows repeat this with 2 seeds. 5 critic
# steps with Adam (1e-4, 0, 0.9) (hinge 28.3, relativistic 43.2) and
# spectral normalization (hinge 49.6, relativistic 33.5, relativistic_hinge
# 111) did not help.
_DIGITS_ADD_R1 = ('hinge', 'least_squares', 'relativistic',
                  'relativistic_hinge', 'relativistic_pairing',
                  'wasserstein_hinge')
PRESETS += tuple(
    Preset('digits', loss, 'none', dict(penalty='r1', penalty_weight=5.0),
           'R1 gamma = 10 added (Mescheder et al. 2018, arXiv:1801.04406%s), '
           'measured here: without a penalty this loss lands beyond 3x of '
           'the best digits FCD (benchmarks/results/quality.md)' % (
               '; RpGAN is trained with R1 and R2 by Huang et al. 2024, '
               'arXiv:2501.05441' if loss == 'relativistic_pairing' else ''))
    for loss in _DIGITS_ADD_R1)


def _canonical_loss(name):
  return tfgan_ext.losses.aliases().get(name, name)


def _canonical_penalty(name):
  return tfgan_ext.losses.penalty_aliases().get(name, name)


def find(task, gan_loss, penalty, trainer=None):
  """The preset for (task, loss, penalty) [and trainer], or None.

  Aliases are resolved; a preset for the exact loss wins over one for any
  loss. With `trainer`, presets that trainer cannot honour are left out.
  """
  loss, pen = _canonical_loss(gan_loss), _canonical_penalty(penalty)
  matches = [p for p in PRESETS if p.task == task and p.penalty == pen
             and p.gan_loss in (loss, None)
             and (trainer is None or p.trainers is None
                  or trainer in p.trainers)]
  matches.sort(key=lambda p: p.gan_loss is None)
  return matches[0] if matches else None


def apply(hparams, task, explicit=()):
  """`hparams` with its preset's values for the fields not in `explicit`.

  Args:
    hparams: An example's HParams.
    task: Its task, 'toy2d' or 'digits' (the example's `train_lib.TASK`).
    explicit: Names of fields the user set (kept as they are).

  A preset that adds a penalty (its values set `penalty`) is a different
  configuration: it does not apply when the penalty is in `explicit`.

  Returns:
    (new hparams, {field: value} that were set, the Preset or None).

  Raises:
    ValueError: the preset names a field `hparams` does not have.
  """
  # toy2d has one trainer, gan_train; digits has a `trainer` field.
  preset = find(task, hparams.gan_loss,
                hparams.penalty, getattr(hparams, 'trainer', 'gan_train'))
  if preset is None or ('penalty' in preset.values and 'penalty' in explicit):
    return hparams, {}, None
  unknown = sorted(set(preset.values) - set(hparams._fields))
  if unknown:
    raise ValueError('Preset for %s + %s on %s sets unknown fields: %s' % (
        preset.gan_loss or 'any loss', preset.penalty, preset.task,
        ', '.join(unknown)))
  changes = {k: v for k, v in preset.values.items()
             if k not in explicit and getattr(hparams, k) != v}
  return hparams._replace(**changes), changes, preset
