# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Tests of the recommended settings and of --preset in the examples' flags."""

from absl import flags
import pytest

import tfgan_ext
from examples.common import hparams as hparams_lib
from examples.common import presets
from examples.digits import train_lib as digits_train_lib
from examples.toy2d import train_lib as toy2d_train_lib

_TASKS = {toy2d_train_lib.TASK: toy2d_train_lib.HParams,
          digits_train_lib.TASK: digits_train_lib.HParams}
_TASK_OF = {hparams_cls: task for task, hparams_cls in _TASKS.items()}


def _parse(hparams_cls, *args):
  fv = flags.FlagValues()
  hparams_lib.define_flags(hparams_cls, fv)
  fv(['prog', '--train_log_dir=/tmp/x'] + list(args))
  return hparams_lib.hparams_from_flags(hparams_cls, _TASK_OF[hparams_cls],
                                        fv)


@pytest.mark.parametrize('preset', presets.PRESETS,
                         ids=lambda p: '%s-%s-%s' % p[:3])
def test_every_preset_names_registered_things_and_valid_values(preset):
  assert preset.task in _TASKS
  assert preset.gan_loss in (None,) + tfgan_ext.losses.names()
  assert preset.penalty in ('none',) + tfgan_ext.losses.penalty_names()
  assert preset.source and preset.values
  fields = {f.name: f for f in hparams_lib.declarations(_TASKS[preset.task])}
  for name, value in preset.values.items():
    assert name in fields, name
    assert fields[name].problem(value) is None, (name, value)
    assert type(value) is type(fields[name].default), name  # pylint: disable=unidiomatic-typecheck


def test_one_preset_per_task_loss_and_penalty():
  keys = [p[:3] for p in presets.PRESETS]
  assert len(keys) == len(set(keys))


def test_the_examples_name_their_tasks():
  assert (toy2d_train_lib.TASK, digits_train_lib.TASK) == ('toy2d', 'digits')


def test_wgan_gp_gets_its_published_schedule_from_the_flags():
  # Gulrajani et al. 2017, Algorithm 1 (digits) and gan_toy.py (toy2d).
  digits = _parse(digits_train_lib.HParams, '--gan_loss=wasserstein',
                  '--penalty=wgan_gp')
  assert (digits.discriminator_train_steps, digits.penalty_weight,
          digits.adam_beta1, digits.adam_beta2, digits.generator_lr) == (
              5, 10.0, 0.0, 0.9, 1e-4)
  toy = _parse(toy2d_train_lib.HParams, '--gan_loss=wasserstein',
               '--penalty=wasserstein_gradient_penalty')
  assert (toy.discriminator_train_steps, toy.penalty_weight,
          toy.adam_beta1) == (5, 0.1, 0.5)


def test_the_command_line_wins_over_the_preset():
  h = _parse(toy2d_train_lib.HParams, '--gan_loss=wasserstein',
             '--penalty=wgan_gp', '--discriminator_train_steps=2',
             '--penalty_weight=10')
  assert (h.discriminator_train_steps, h.penalty_weight) == (2, 10.0)
  assert h.adam_beta1 == 0.5  # not given: from the preset


def test_preset_none_keeps_the_shared_defaults():
  h = _parse(digits_train_lib.HParams, '--gan_loss=wasserstein',
             '--penalty=wgan_gp', '--preset=none')
  assert h == digits_train_lib.HParams(
      train_log_dir='/tmp/x', gan_loss='wasserstein', penalty='wgan_gp')


def test_no_preset_changes_nothing():
  h = _parse(toy2d_train_lib.HParams, '--gan_loss=hinge')
  assert h == toy2d_train_lib.HParams(train_log_dir='/tmp/x',
                                      gan_loss='hinge')


def test_aliases_and_any_loss_presets():
  # non_saturating is an alias of modified; the R1 preset is for any loss.
  assert presets.find('digits', 'non_saturating', 'r1').values == {
      'penalty_weight': 5.0}
  assert presets.find('toy2d', 'hinge', 'r1').values == {
      'penalty_weight': 2.0}
  # A loss-specific preset wins over an any-loss one; none for other tasks.
  assert presets.find('digits', 'wasserstein', 'wgan_gp').gan_loss == (
      'wasserstein')
  assert presets.find('cifar', 'wasserstein', 'wgan_gp') is None
  assert presets.find('digits', 'hinge', 'wgan_gp') is None


def test_apply_reports_what_it_set():
  h = toy2d_train_lib.HParams(gan_loss='modified', penalty='r1')
  new, changes, preset = presets.apply(h, 'toy2d', explicit={'max_number_of_steps'})
  assert changes == {'penalty_weight': 2.0}
  assert new.penalty_weight == 2.0 and preset.penalty == 'r1'
  same, changes, _ = presets.apply(h, 'toy2d', explicit={'penalty_weight'})
  assert same == h and not changes


def test_a_preset_naming_an_unknown_field_is_an_error(monkeypatch):
  bad = presets.Preset('toy2d', 'hinge', 'r1', {'no_such_field': 1}, 'test')
  monkeypatch.setattr(presets, 'PRESETS', (bad,))
  with pytest.raises(ValueError, match='no_such_field'):
    presets.apply(toy2d_train_lib.HParams(gan_loss='hinge', penalty='r1'),
                  'toy2d')


def test_a_preset_adds_r1_to_the_digits_losses_that_need_it():
  # presets._DIGITS_ADD_R1: hinge is beyond 3x of the best digits FCD
  # without a penalty; its preset adds R1 gamma 10 (weight 5).
  hinge = _parse(digits_train_lib.HParams, '--gan_loss=hinge')
  assert (hinge.penalty, hinge.penalty_weight) == ('r1', 5.0)
  # A penalty on the command line wins, and then nothing of the preset
  # applies (the weight keeps its default).
  pinned = _parse(digits_train_lib.HParams, '--gan_loss=hinge',
                  '--penalty=none')
  default_weight = digits_train_lib.HParams().penalty_weight
  assert (pinned.penalty, pinned.penalty_weight) == ('none', default_weight)
  assert _parse(digits_train_lib.HParams, '--gan_loss=hinge',
                '--preset=none').penalty == 'none'
  # Not on toy2d, and not for the default loss, which works without it.
  assert _parse(toy2d_train_lib.HParams, '--gan_loss=hinge').penalty == 'none'
  assert _parse(digits_train_lib.HParams).penalty == 'none'
  # An alias finds its canonical loss's preset.
  assert _parse(digits_train_lib.HParams, '--gan_loss=rpgan').penalty == 'r1'


def test_plain_wasserstein_on_digits_gets_wgan_weight_clipping():
  # Arjovsky et al. 2017, Algorithm 1: c = 0.01, n_critic = 5, lr 5e-5.
  wgan = _parse(digits_train_lib.HParams, '--gan_loss=wasserstein')
  assert (wgan.weight_clip, wgan.discriminator_train_steps,
          wgan.discriminator_lr, wgan.adam_beta1, wgan.penalty) == (
              0.01, 5, 5e-5, 0.0, 'none')
  # With WGAN-GP the gradient penalty's own preset applies, without clipping.
  gp = _parse(digits_train_lib.HParams, '--gan_loss=wasserstein',
              '--penalty=wgan_gp')
  assert (gp.weight_clip, gp.penalty_weight) == (0.0, 10.0)
  # toy2d does not clip (its preset adds the gradient penalty instead).
  assert _parse(toy2d_train_lib.HParams,
                '--gan_loss=wasserstein').weight_clip == 0.0

  # Keras and GANEstimator cannot clip weights: the preset does not apply.
  for trainer in ('keras', 'estimator'):
    other = _parse(digits_train_lib.HParams, '--gan_loss=wasserstein',
                   '--trainer=' + trainer)
    assert (other.weight_clip, other.discriminator_train_steps) == (0.0, 1)


def test_plain_wasserstein_on_toy2d_gets_the_gradient_penalty():
  # Weight clipping failed on the ring (43.5% high quality): toy2d's plain
  # wasserstein trains as WGAN-GP with the authors' toy settings, exactly as
  # --penalty=wgan_gp does.
  plain = _parse(toy2d_train_lib.HParams, '--gan_loss=wasserstein')
  gp = _parse(toy2d_train_lib.HParams, '--gan_loss=wasserstein',
              '--penalty=wgan_gp')
  assert plain.penalty == 'wasserstein_gradient_penalty'
  assert (plain.weight_clip, plain.penalty_weight,
          plain.discriminator_train_steps, plain.generator_lr,
          plain.adam_beta1) == (0.0, 0.1, 5, 1e-4, 0.5)
  assert plain == gp._replace(penalty=plain.penalty)
  # An explicit --penalty=none keeps the unconstrained critic.
  bare = _parse(toy2d_train_lib.HParams, '--gan_loss=wasserstein',
                '--penalty=none')
  assert (bare.penalty, bare.discriminator_train_steps) == ('none', 1)


def test_preset_trainers_match_what_each_trainer_rejects():
  # A preset's `trainers` restates what the trainers' own checks reject
  # (estimator_train_lib._UNSUPPORTED: any true value;
  # keras_train_lib._NOT_IN_KERAS_TRAINER: any value but the "unused" one):
  # a trainer is left out exactly when it rejects a value the preset sets.
  from examples.digits import estimator_train_lib  # pylint: disable=g-import-not-at-top
  from examples.digits import keras_train_lib  # pylint: disable=g-import-not-at-top
  def rejects(trainer, values):
    if trainer == 'estimator':
      return any(values.get(f) for f, _ in estimator_train_lib._UNSUPPORTED)  # pylint: disable=protected-access
    return any(f in values and values[f] != unused
               for f, unused in keras_train_lib._NOT_IN_KERAS_TRAINER)  # pylint: disable=protected-access
  for preset in presets.PRESETS:
    if preset.task != 'digits':
      continue
    for trainer in ('estimator', 'keras'):
      honoured = preset.trainers is None or trainer in preset.trainers
      assert honoured == (not rejects(trainer, preset.values)), (
          preset, trainer)
