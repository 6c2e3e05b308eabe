# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Tests of the examples' presets (train_lib.PRESETS) and of --preset.

Each example records its presets in `train_lib.PRESETS`; train.py applies
them through `hparams.from_flags` unless --preset=none. `_parse` does what
train.py's `main` does, on a fresh `flags.FlagValues`.
"""

from absl import flags
import pytest

import tfgan_ext
from examples.common import hparams as hparams_lib
from examples.digits import train_lib as digits_train_lib
from examples.toy2d import train_lib as toy2d_train_lib

_EXAMPLES = {'toy2d': toy2d_train_lib, 'digits': digits_train_lib}
_ALL_PRESETS = [(name, preset) for name, train_lib in _EXAMPLES.items()
                for preset in train_lib.PRESETS]
_CANONICAL = {**tfgan_ext.losses.aliases(),
              **tfgan_ext.losses.penalty_aliases()}


def _parse(train_lib, *args):
  """train.py's HParams for a command line (--preset as train.py declares)."""
  fv = flags.FlagValues()
  train_lib.define_flags(fv)
  flags.DEFINE_enum('preset', hparams_lib.PRESET_CHOICES[0],
                    hparams_lib.PRESET_CHOICES, 'As in train.py.',
                    flag_values=fv)
  fv(['prog', '--train_log_dir=/tmp/x'] + list(args))
  return hparams_lib.from_flags(
      train_lib.HParams, fv,
      train_lib.PRESETS if fv.preset == 'recommended' else ())


def _find(train_lib, **fields):
  return hparams_lib.find_preset(train_lib.PRESETS,
                                 train_lib.HParams(**fields))


@pytest.mark.parametrize('example,preset', _ALL_PRESETS,
                         ids=['%s-%d' % (name, i) for i, (name, _) in
                              enumerate(_ALL_PRESETS)])
def test_every_preset_names_registered_things_and_valid_values(example,
                                                               preset):
  train_lib = _EXAMPLES[example]
  defaults = train_lib.HParams._field_defaults
  assert preset.source and preset.values and preset.when
  assert set(preset.when) <= set(defaults), preset.when
  if 'gan_loss' in preset.when:
    assert preset.when['gan_loss'] in tfgan_ext.losses.names()
  for penalty in (preset.when.get('penalty'), preset.values.get('penalty')):
    if penalty is not None:
      assert penalty in ((tfgan_ext.losses.NO_PENALTY,)
                         + tfgan_ext.losses.penalty_names())
  # Each value, alone and all together with the conditions, is one the
  # example's flags accept (choices, bounds, finiteness), of the flag's type.
  for name, value in preset.values.items():
    assert name in defaults, name
    assert type(value) is type(defaults[name]), name  # pylint: disable=unidiomatic-typecheck
    hparams_lib.validate(train_lib.HParams(train_log_dir='/tmp/x',
                                           **{name: value}))
  hparams_lib.validate(train_lib.HParams(
      train_log_dir='/tmp/x', **dict(preset.when, **preset.values)))
  # The preset is the one found for its own conditions.
  assert hparams_lib.find_preset(train_lib.PRESETS, train_lib.HParams(
      **preset.when)) is preset


@pytest.mark.parametrize('example', _EXAMPLES)
def test_one_preset_per_when(example):
  # Registry aliases match their canonical names: two presets whose
  # conditions differ only by an alias would be one condition twice.
  keys = [frozenset((field, _CANONICAL.get(value, value))
                    for field, value in preset.when.items())
          for preset in _EXAMPLES[example].PRESETS]
  assert len(keys) == len(set(keys))


def test_each_example_has_its_own_presets():
  # R1: gamma 4 measured on toy2d's grid (weight 2), gamma 10 from Mescheder
  # et al. 2018 on digits (weight 5); digits' hinge gets R1 added, toy2d's
  # does not.
  assert _find(toy2d_train_lib, penalty='r1').values == {
      'penalty_weight': 2.0}
  assert _find(digits_train_lib, penalty='r1').values == {
      'penalty_weight': 5.0}
  assert _find(toy2d_train_lib, gan_loss='hinge') is None
  assert _find(digits_train_lib, gan_loss='hinge').values['penalty'] == 'r1'


def test_wgan_gp_gets_its_published_schedule_from_the_flags():
  # Gulrajani et al. 2017, Algorithm 1 (digits) and gan_toy.py (toy2d).
  digits = _parse(digits_train_lib, '--gan_loss=wasserstein',
                  '--penalty=wgan_gp')
  assert (digits.discriminator_train_steps, digits.penalty_weight,
          digits.adam_beta1, digits.adam_beta2, digits.generator_lr) == (
              5, 10.0, 0.0, 0.9, 1e-4)
  toy = _parse(toy2d_train_lib, '--gan_loss=wasserstein',
               '--penalty=wasserstein_gradient_penalty')
  assert (toy.discriminator_train_steps, toy.penalty_weight,
          toy.adam_beta1) == (5, 0.1, 0.5)


def test_the_command_line_wins_over_the_preset():
  h = _parse(toy2d_train_lib, '--gan_loss=wasserstein', '--penalty=wgan_gp',
             '--discriminator_train_steps=2', '--penalty_weight=10')
  assert (h.discriminator_train_steps, h.penalty_weight) == (2, 10.0)
  assert h.adam_beta1 == 0.5  # not given: from the preset


def test_preset_none_keeps_the_shared_defaults():
  h = _parse(digits_train_lib, '--gan_loss=wasserstein', '--penalty=wgan_gp',
             '--preset=none')
  assert h == digits_train_lib.HParams(
      train_log_dir='/tmp/x', gan_loss='wasserstein', penalty='wgan_gp')


def test_no_preset_changes_nothing():
  h = _parse(toy2d_train_lib, '--gan_loss=hinge')
  assert h == toy2d_train_lib.HParams(train_log_dir='/tmp/x',
                                      gan_loss='hinge')


def test_aliases_and_any_loss_presets():
  # non_saturating is an alias of modified; the R1 preset is for any loss.
  assert _find(digits_train_lib, gan_loss='non_saturating',
               penalty='r1').values == {'penalty_weight': 5.0}
  assert _find(toy2d_train_lib, gan_loss='hinge', penalty='r1').values == {
      'penalty_weight': 2.0}
  # wgan_gp is an alias of wasserstein_gradient_penalty, and a preset for
  # the loss and the penalty wins over one for either alone.
  assert _find(digits_train_lib, gan_loss='wasserstein',
               penalty='wgan_gp').when == {
                   'gan_loss': 'wasserstein',
                   'penalty': 'wasserstein_gradient_penalty'}
  assert _find(digits_train_lib, gan_loss='hinge', penalty='wgan_gp') is None


def test_apply_reports_what_it_set():
  h = toy2d_train_lib.HParams(gan_loss='modified', penalty='r1')
  new, changes, preset = hparams_lib.apply_presets(
      h, toy2d_train_lib.PRESETS, explicit={'max_number_of_steps'})
  assert changes == {'penalty_weight': 2.0}
  assert new.penalty_weight == 2.0 and preset.when == {'penalty': 'r1'}
  same, changes, _ = hparams_lib.apply_presets(
      h, toy2d_train_lib.PRESETS, explicit={'penalty_weight'})
  assert same == h and not changes


def test_a_preset_naming_an_unknown_field_is_an_error():
  bad = hparams_lib.Preset({'gan_loss': 'hinge', 'penalty': 'r1'},
                           {'no_such_field': 1}, 'test')
  with pytest.raises(ValueError, match='no_such_field'):
    hparams_lib.apply_presets(
        toy2d_train_lib.HParams(gan_loss='hinge', penalty='r1'), (bad,))


def test_a_preset_adds_r1_to_the_digits_losses_that_need_it():
  # digits' train_lib._ADD_R1: hinge is beyond 3x of the best digits FCD
  # without a penalty; its preset adds R1 gamma 10 (weight 5).
  hinge = _parse(digits_train_lib, '--gan_loss=hinge')
  assert (hinge.penalty, hinge.penalty_weight) == ('r1', 5.0)
  # A penalty on the command line wins, and then nothing of the preset
  # applies (the weight keeps its default).
  pinned = _parse(digits_train_lib, '--gan_loss=hinge', '--penalty=none')
  default_weight = digits_train_lib.HParams().penalty_weight
  assert (pinned.penalty, pinned.penalty_weight) == ('none', default_weight)
  assert _parse(digits_train_lib, '--gan_loss=hinge',
                '--preset=none').penalty == 'none'
  # Not on toy2d, and not for the default loss, which works without it.
  assert _parse(toy2d_train_lib, '--gan_loss=hinge').penalty == 'none'
  assert _parse(digits_train_lib).penalty == 'none'
  # An alias finds its canonical loss's preset.
  assert _parse(digits_train_lib, '--gan_loss=rpgan').penalty == 'r1'


def test_plain_wasserstein_on_digits_gets_wgan_weight_clipping():
  # Arjovsky et al. 2017, Algorithm 1: c = 0.01, n_critic = 5, lr 5e-5.
  wgan = _parse(digits_train_lib, '--gan_loss=wasserstein')
  assert (wgan.weight_clip, wgan.discriminator_train_steps,
          wgan.discriminator_lr, wgan.adam_beta1, wgan.penalty) == (
              0.01, 5, 5e-5, 0.0, 'none')
  # With WGAN-GP the gradient penalty's own preset applies, without clipping.
  gp = _parse(digits_train_lib, '--gan_loss=wasserstein', '--penalty=wgan_gp')
  assert (gp.weight_clip, gp.penalty_weight) == (0.0, 10.0)
  # toy2d does not clip (its preset adds the gradient penalty instead).
  assert _parse(toy2d_train_lib,
                '--gan_loss=wasserstein').weight_clip == 0.0

  # Keras and GANEstimator cannot clip weights: the preset does not apply.
  for trainer in ('keras', 'estimator'):
    other = _parse(digits_train_lib, '--gan_loss=wasserstein',
                   '--trainer=' + trainer)
    assert (other.weight_clip, other.discriminator_train_steps) == (0.0, 1)


def test_plain_wasserstein_on_toy2d_gets_the_gradient_penalty():
  # Weight clipping failed on the ring (43.5% high quality): toy2d's plain
  # wasserstein trains as WGAN-GP with the authors' toy settings, exactly as
  # --penalty=wgan_gp does.
  plain = _parse(toy2d_train_lib, '--gan_loss=wasserstein')
  gp = _parse(toy2d_train_lib, '--gan_loss=wasserstein', '--penalty=wgan_gp')
  assert plain.penalty == 'wasserstein_gradient_penalty'
  assert (plain.weight_clip, plain.penalty_weight,
          plain.discriminator_train_steps, plain.generator_lr,
          plain.adam_beta1) == (0.0, 0.1, 5, 1e-4, 0.5)
  assert plain == gp._replace(penalty=plain.penalty)
  # An explicit --penalty=none keeps the unconstrained critic.
  bare = _parse(toy2d_train_lib, '--gan_loss=wasserstein', '--penalty=none')
  assert (bare.penalty, bare.discriminator_train_steps) == ('none', 1)


def test_preset_trainers_match_what_each_trainer_rejects():
  # A digits preset's `when` names a trainer exactly when another trainer
  # rejects a value it sets (estimator_train_lib._UNSUPPORTED: any true
  # value; keras_train_lib._NOT_IN_KERAS_TRAINER: any value but the "unused"
  # one): a trainer the preset is not for is one that would refuse it.
  from examples.digits import estimator_train_lib  # pylint: disable=g-import-not-at-top
  from examples.digits import keras_train_lib  # pylint: disable=g-import-not-at-top
  def rejects(trainer, values):
    if trainer == 'estimator':
      return any(values.get(f) for f, _ in estimator_train_lib._UNSUPPORTED)  # pylint: disable=protected-access
    return any(f in values and values[f] != unused
               for f, unused in keras_train_lib._NOT_IN_KERAS_TRAINER)  # pylint: disable=protected-access
  restricted = 0
  for preset in digits_train_lib.PRESETS:
    restricted += 'trainer' in preset.when
    for trainer in ('estimator', 'keras'):
      honoured = preset.when.get('trainer', trainer) == trainer
      assert honoured == (not rejects(trainer, preset.values)), (
          preset, trainer)
      # And so find_preset does not give it to that trainer.
      found = hparams_lib.find_preset(
          digits_train_lib.PRESETS, digits_train_lib.HParams(
              **dict(preset.when, trainer=trainer)))
      assert (found is preset) == honoured, (preset, trainer)
  assert restricted == 1  # WGAN's weight clipping, gan_train only.
