# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Tests of digits' train_lib.train (tiny runs: batch 16, 2 steps, 8 channels)."""

import json
import os

from absl import flags
import numpy as np
import pytest
import tensorflow as tf

import tfgan_ext
from examples.common import hparams as hparams_lib
from examples.common import training
from examples.digits import estimator_train_lib
from examples.digits import eval_lib
from examples.digits import networks
from examples.digits import train_lib


# Adam moves each weight by about the learning rate at its first step: 1e38
# (finite: NaN and inf are refused as hyperparameters) overflows the next
# forward pass, so a loss is non-finite by step 2.
_HUGE_LR = 1e38

def _hparams(train_log_dir, **overrides):
  """Tiny runs; the example's defaults for everything else."""
  tiny = dict(batch_size=16, max_number_of_steps=2, log_every_n_steps=1,
              save_summaries_steps=1, noise_dims=8, generator_channels=8,
              discriminator_channels=8, grid_size=2, eval=False)
  return train_lib.HParams(train_log_dir=str(train_log_dir),
                           **dict(tiny, **overrides))


def _checkpoint_step(train_log_dir):
  path = tf.train.latest_checkpoint(str(train_log_dir))
  assert path is not None, 'no checkpoint written'
  return int(path.rsplit('-', 1)[1])


def _assert_finite_checkpoint(train_log_dir, step=2):
  assert _checkpoint_step(train_log_dir) == step
  reader = tf.train.load_checkpoint(str(train_log_dir))
  for name in reader.get_variable_to_shape_map():
    value = reader.get_tensor(name)
    if isinstance(value, np.ndarray) and value.dtype.kind == 'f':
      assert np.all(np.isfinite(value)), name


@pytest.mark.parametrize('gan_loss',
                         tfgan_ext.losses.names(include_aliases=False))
def test_every_registered_loss_trains(tmp_path, gan_loss):
  train_lib.train(_hparams(tmp_path, gan_loss=gan_loss))
  _assert_finite_checkpoint(tmp_path)


def test_conditional_acgan_trains(tmp_path):
  train_lib.train(_hparams(tmp_path, conditional=True, gan_loss='hinge'))
  _assert_finite_checkpoint(tmp_path)
  reader = tf.train.load_checkpoint(str(tmp_path))
  assert 'Discriminator/class_logits/kernel' in (
      reader.get_variable_to_shape_map())


@pytest.mark.parametrize('adversarial', [True, False])
def test_feature_matching_trains(tmp_path, adversarial):
  train_lib.train(_hparams(tmp_path, feature_matching_weight=1.0,
                           adversarial_generator_loss=adversarial,
                           spectral_norm=True))
  _assert_finite_checkpoint(tmp_path)


def test_feature_matching_alone_needs_a_weight(tmp_path):
  with pytest.raises(ValueError, match='feature_matching_weight'):
    train_lib.train(_hparams(tmp_path, adversarial_generator_loss=False))


def test_keras_trainer_trains_on_feature_matching_alone(tmp_path):
  # The command line of a user; the Keras trainer refused it before the
  # add-ons (it now takes FeatureMatching(keep_adversarial=False)).
  fv = flags.FlagValues()
  train_lib.define_flags(fv)
  fv(['prog', '--train_log_dir=%s' % tmp_path, '--trainer=keras',
      '--noadversarial_generator_loss', '--feature_matching_weight=1',
      '--batch_size=16', '--max_number_of_steps=2',
      '--save_checkpoint_steps=2', '--noise_dims=8',
      '--generator_channels=8', '--discriminator_channels=8', '--noeval'])
  hparams = hparams_lib.from_flags(train_lib.HParams, fv, train_lib.PRESETS)
  [addon] = train_lib.addons(hparams)
  assert isinstance(addon, tfgan_ext.addons.FeatureMatching)
  assert (addon.weight, addon.layer, addon.keep_adversarial) == (
      1.0, 'features', False)
  result = train_lib.train(hparams)
  assert result['steps'] == 2
  history = result['history']
  assert np.all(np.isfinite(history['feature_matching_loss']))
  # No adversarial term: the generator's loss is 1 x feature matching
  # (the train step adds the parts' terms to a zero loss), one epoch of 2.
  np.testing.assert_allclose(history['generator_loss'],
                             history['feature_matching_loss'], rtol=1e-5)


def _features(data, generator_inputs):  # A features_fn for equality.
  del generator_inputs
  return data


def test_addons_are_the_objects_the_flags_ask_for(monkeypatch):
  # networks.features_fn builds a new function per call; a fixed one lets
  # FeatureMatching compare equal.
  monkeypatch.setattr(networks, 'features_fn', lambda hparams: _features)
  addons = tfgan_ext.addons
  assert train_lib.addons(train_lib.HParams()) == []
  hparams = train_lib.HParams(
      augment='ada', penalty='r1', penalty_weight=5.0, penalty_every=16,
      top_k_epoch_steps=100, zcr_weight=5.0, bcr_weight=10.0,
      lecam_weight=0.3, generator_ema=0.999, feature_matching_weight=1.0)
  # What the discriminator sees first, then the terms in the order the
  # losses add them (train_lib.addons). The settings not given above are
  # the flags' defaults in train_lib.define_flags: ada_target 0.6,
  # ada_interval 4, ada_speed_images 20000; top_k_gamma 0.99, top_k_nu 0.5;
  # zcr_generator_weight 0.5, zcr_stddev 0.03; bcr_augment 'translation';
  # lecam_decay 0.99, lecam_start 1000; generator_ema_start 0.
  assert train_lib.addons(hparams) == [
      addons.ADA(0.6, 4, 20000),
      addons.Penalty('r1', 5.0, 16),
      addons.TopK(100, 0.99, 0.5),
      addons.LatentConsistency(5.0, 0.5, 0.03),
      addons.BalancedConsistency(10.0, 'translation'),
      addons.LeCam(0.3, 0.99, 1000),
      addons.GeneratorAverage(0.999, 0),
      addons.FeatureMatching(1.0, layer='features', features_fn=_features,
                             keep_adversarial=True),
  ]
  assert train_lib.addons(train_lib.HParams(
      augment='diffaugment', augment_policy='translation',
      penalty='wgan_gp', lecam_weight=0.1, lecam_decay=0.9,
      lecam_start=0)) == [
          addons.DiffAugment('translation'),
          addons.Penalty('wgan_gp', 10.0, 1),  # penalty_weight's default
          addons.LeCam(0.1, 0.9, 0)]
  # The settings are in the objects: other values, unequal objects.
  assert train_lib.addons(hparams._replace(lecam_decay=0.9))[5] != (
      addons.LeCam(0.3, 0.99, 1000))


@pytest.mark.parametrize('fields,match', [
    (dict(adversarial_generator_loss=False),
     'noadversarial_generator_loss needs --feature_matching_weight > 0'),
    (dict(adversarial_generator_loss=False, feature_matching_weight=1.0,
          top_k_epoch_steps=5),
     '--top_k_epoch_steps restricts the adversarial generator loss'),
    # The add-ons check their own settings when built: flags that parse but
    # name no policy or fall outside what the technique accepts.
    (dict(augment='diffaugment', augment_policy='colour'), 'translation'),
    (dict(bcr_weight=10.0, bcr_augment='spin'), 'translation'),
    (dict(penalty='r1', penalty_weight=-1.0), 'Penalty weight must be'),
])
def test_addons_refuse_what_cannot_train(tmp_path, fields, match):
  hparams = _hparams(tmp_path / 'run', **fields)
  with pytest.raises(ValueError, match=match):
    train_lib.addons(hparams)
  # train validates the flags first: a negative --penalty_weight is out of
  # the flag's bounds there.
  with pytest.raises(ValueError, match=(
      'penalty_weight' if fields.get('penalty_weight', 0) < 0 else match)):
    train_lib.train(hparams)
  assert not (tmp_path / 'run').exists()  # Refused before the run.


def test_mixed_precision_trains_with_float32_variables(tmp_path):
  train_lib.train(_hparams(tmp_path, mixed_precision=True,
                           gan_loss='wasserstein',
                           penalty='wasserstein_gradient_penalty'))
  _assert_finite_checkpoint(tmp_path)
  reader = tf.train.load_checkpoint(str(tmp_path))
  dtypes = reader.get_variable_to_dtype_map()
  assert dtypes['Generator/deconv1/kernel'] == tf.float32
  assert dtypes['Discriminator/conv1/kernel'] == tf.float32


def test_xla_trains(tmp_path):
  train_lib.train(_hparams(tmp_path, xla=True))
  _assert_finite_checkpoint(tmp_path)


def test_train_then_eval_writes_grid_and_fcd(tmp_path, monkeypatch):
  _fast_eval(monkeypatch)
  result = train_lib.train(_hparams(tmp_path, eval=True, conditional=True))
  assert os.path.exists(result['grid'])
  with open(os.path.join(str(tmp_path), 'eval', 'metrics.json')) as f:
    stored = json.load(f)
  # 1,797 digits split into two halves of 898.
  assert stored['num_samples'] == 898
  assert stored['fcd'] > stored['fcd_real_vs_real'] >= 0.0
  assert 0.0 <= stored['conditional_accuracy'] <= 1.0
  for scores in (stored, stored['real_vs_real']):
    for name in ('precision', 'recall', 'coverage'):
      assert 0.0 <= scores[name] <= 1.0
    assert scores['density'] >= 0.0 and np.isfinite(scores['kid_std'])
  assert stored['kid'] > stored['real_vs_real']['kid']
  assert hparams_lib.load(train_lib.HParams, str(tmp_path)) == _hparams(
      tmp_path, eval=True, conditional=True)
  assert tf.io.gfile.glob(os.path.join(str(tmp_path), 'events.out.tfevents*'))


def _fast_eval(monkeypatch):
  # A 50-step eval classifier keeps the tests short (the default is 1,500).
  evaluate = eval_lib.evaluate
  monkeypatch.setattr(eval_lib, 'evaluate',
                      lambda h, seed=0: evaluate(h, seed, classifier_steps=50))


def test_estimator_trainer_trains_evaluates_predicts_and_resumes(
    tmp_path, monkeypatch):
  _fast_eval(monkeypatch)
  hparams = _hparams(tmp_path, trainer='estimator', gan_loss='hinge',
                     penalty='r1', penalty_weight=1.0, eval=True)
  result = train_lib.train(hparams)
  # GANEstimator writes gan_train's variable layout: eval_lib reads it.
  _assert_finite_checkpoint(tmp_path)
  names = tf.train.load_checkpoint(str(tmp_path)).get_variable_to_shape_map()
  assert 'Generator/project/kernel' in names
  assert 'Discriminator/logits/kernel' in names
  assert result['fcd'] > result['fcd_real_vs_real'] >= 0.0
  assert result['estimator_global_step'] == 2
  for name in ('estimator_generator_loss', 'estimator_discriminator_loss'):
    assert np.isfinite(result[name]), name
  assert os.path.exists(os.path.join(str(tmp_path), 'eval',
                                     'estimator_predict_grid.png'))
  assert hparams_lib.load(train_lib.HParams, str(tmp_path)) == hparams
  # The same command with a larger budget resumes from step 2.
  train_lib.train(hparams._replace(max_number_of_steps=4, eval=False))
  assert _checkpoint_step(tmp_path) == 4


def test_estimator_trainer_runs_the_schedule(tmp_path):
  # Batch 8 is below TF-GAN's 16-image summary grid: trains without it.
  assert 8 < estimator_train_lib.IMAGE_SUMMARY_BATCH
  train_lib.train(_hparams(tmp_path, trainer='estimator', batch_size=8,
                           discriminator_train_steps=3))
  reader = tf.train.load_checkpoint(str(tmp_path))
  [name] = [n for n in reader.get_variable_to_shape_map()
            if n.startswith('discriminator_train') and n.endswith('beta2_power')]
  # Adam's beta2_power is beta2 ** (updates + 1): 2 steps x 3 updates.
  beta2 = train_lib.HParams().adam_beta2
  assert round(np.log(reader.get_tensor(name)) / np.log(beta2)) - 1 == 6


@pytest.mark.parametrize('field,value', [('conditional', True),
                                         ('weight_clip', 0.01)])
def test_estimator_trainer_refuses_what_it_cannot_do(tmp_path, field, value):
  with pytest.raises(ValueError, match='--%s.*--trainer=gan_train' % field):
    train_lib.train(_hparams(tmp_path, trainer='estimator', **{field: value}))


def test_keras_trainer_from_hparams(tmp_path):
  hparams = _hparams(tmp_path, trainer='keras', gan_loss='hinge',
                     discriminator_train_steps=2, save_checkpoint_steps=1)
  result = train_lib.train(hparams)
  assert result['steps'] == 2
  assert set(result['history']) >= {'generator_loss', 'discriminator_loss'}
  assert hparams_lib.load(train_lib.HParams, str(tmp_path)) == hparams
  assert os.path.exists(os.path.join(str(tmp_path), 'generator.weights.h5'))


@pytest.mark.parametrize('field,value', [('spectral_norm', True),
                                         ('lr_decay_steps', 1),
                                         ('generator_train_steps', 2)])
def test_keras_trainer_refuses_what_it_cannot_do(tmp_path, field, value):
  with pytest.raises(ValueError, match='--%s.*--trainer=gan_train' % field):
    train_lib.train(_hparams(tmp_path, trainer='keras', **{field: value}))


@pytest.mark.parametrize('trainer', ['gan_train', 'estimator', 'keras'])
@pytest.mark.parametrize('augment', ['diffaugment', 'ada'])
def test_augmentation_and_average_train_and_evaluate(tmp_path, monkeypatch,
                                                    trainer, augment):
  _fast_eval(monkeypatch)
  hparams = _hparams(tmp_path, trainer=trainer, augment=augment,
                     generator_ema=0.9, train_fraction=0.1, eval=True,
                     save_checkpoint_steps=2, ada_speed_images=16,
                     ada_interval=1)
  if trainer == 'keras':
    from examples.digits import keras_train_lib  # pylint: disable=g-import-not-at-top
    result = keras_train_lib.train(hparams, train_lib.addons(hparams),
                                   classifier_steps=50, verbose=0)
  else:
    result = train_lib.train(hparams)
  assert np.isfinite(result['fcd']) and np.isfinite(result['averaged']['fcd'])
  assert result['averaged']['fcd'] != result['fcd']
  assert os.path.exists(os.path.join(str(tmp_path), 'eval',
                                     'grid_averaged.png'))
  if trainer != 'keras':
    reader = tf.train.load_checkpoint(str(tmp_path))
    names = reader.get_variable_to_shape_map()
    assert 'Generator/project/kernel/ExponentialMovingAverage' in names
    assert ('ada_p' in names) == (augment == 'ada')


def test_train_fraction_trains_on_a_seeded_subset():
  from examples.digits import data_provider  # pylint: disable=g-import-not-at-top
  images, labels = data_provider.load_numpy('digits')
  subset, subset_labels = data_provider.training_subset(images, labels, 0.1,
                                                        seed=3)
  assert len(subset) == 180 and len(subset_labels) == 180
  again, _ = data_provider.training_subset(images, labels, 0.1, seed=3)
  other, _ = data_provider.training_subset(images, labels, 0.1, seed=4)
  np.testing.assert_array_equal(subset, again)
  assert not np.array_equal(subset, other)
  assert data_provider.training_subset(images, labels, 1.0, 3)[0] is images


@pytest.mark.parametrize('trainer', ['gan_train', 'estimator', 'keras'])
def test_every_trainer_stops_at_a_non_finite_loss(tmp_path, trainer):
  # Infinite learning rates put +-inf into the weights at the first
  # updates; which loss turns first (and whether at step 1 or 2) depends on
  # the floating-point path, so the message's loss and step are matched
  # loosely; the flags it suggests are the point.
  with pytest.raises(training.NonFiniteLossError,
                     match=r'(generator|discriminator) loss is .+ at '
                     r'(generator )?step [12]; stopping\. Lower the '
                     r'learning rates'):
    train_lib.train(_hparams(tmp_path, trainer=trainer, max_number_of_steps=6,
                             generator_lr=_HUGE_LR,
                             discriminator_lr=_HUGE_LR))


@pytest.mark.parametrize('trainer', ['gan_train', 'estimator', 'keras'])
@pytest.mark.parametrize('state', ['lecam', 'ada'])
def test_discriminator_state_moves_once_per_discriminator_step(tmp_path,
                                                              trainer, state):
  # 3 steps of 2 discriminator steps, summaries at every step: LeCam's
  # anchors and ADA's p must move once per discriminator step (6 counted),
  # however often summaries and hooks evaluate the loss (they made it 9
  # before the updates became the discriminator's update ops).
  settings = ({'lecam_weight': 0.3, 'lecam_start': 2} if state == 'lecam'
              else {'augment': 'ada'})
  hparams = _hparams(tmp_path, trainer=trainer, gan_loss='hinge',
                     max_number_of_steps=3, save_checkpoint_steps=3,
                     discriminator_train_steps=1 if trainer == 'keras' else 2,
                     **settings)
  result = train_lib.train(hparams)
  if trainer == 'keras':
    assert result['steps'] == 3
    assert all(np.all(np.isfinite(v)) for v in result['history'].values())
    return
  _assert_finite_checkpoint(tmp_path, step=3)
  reader = tf.train.load_checkpoint(str(tmp_path))
  assert reader.get_tensor('%s_steps' % state) == 6
  if state == 'lecam':
    assert reader.get_tensor('lecam_real_anchor') != 0.0


def _summaries(train_log_dir, tag):
  """{step: value} of a scalar summary in the run's event files."""
  values = {}
  for path in tf.io.gfile.glob(os.path.join(str(train_log_dir),
                                            'events.out.tfevents.*')):
    for event in tf.compat.v1.train.summary_iterator(path):
      for value in event.summary.value:
        if tag in value.tag:
          values[event.step] = float(tf.make_ndarray(value.tensor)
                                     if value.HasField('tensor')
                                     else value.simple_value)
  return values


@pytest.mark.parametrize('trainer', ['gan_train', 'estimator', 'keras'])
def test_top_k_keeps_the_scheduled_share_in_every_trainer(tmp_path, trainer):
  # gamma 0.5 per 1-step epoch, nu 0.5: 16 of 16 at step 0, 8 from step 1.
  hparams = _hparams(tmp_path, trainer=trainer, gan_loss='hinge',
                     top_k_epoch_steps=1, top_k_gamma=0.5, top_k_nu=0.5,
                     save_checkpoint_steps=2)
  result = train_lib.train(hparams)
  if trainer == 'keras':
    assert result['history']['top_k_fraction'] == [0.75]
    return
  _assert_finite_checkpoint(tmp_path, step=2)
  # A summary reads the global step in the run that increments it (before or
  # after, as TensorFlow orders it; tests/top_k_test.py pins the schedule on
  # a fixed step): 1.0 or 0.5 at the first step, 0.5 at the last.
  shares = _summaries(tmp_path, 'top_k_fraction')
  assert len(shares) == 2 and set(shares.values()) <= {1.0, 0.5}
  assert shares[max(shares)] == 0.5


@pytest.mark.parametrize('trainer', ['gan_train', 'estimator', 'keras'])
def test_top_k_refuses_a_relativistic_loss(tmp_path, trainer):
  with pytest.raises(ValueError, match='relativistic_generator_loss'):
    train_lib.train(_hparams(tmp_path, trainer=trainer,
                             gan_loss='relativistic', top_k_epoch_steps=5))


@pytest.mark.parametrize('trainer,conditional', [
    ('gan_train', False), ('gan_train', True), ('estimator', False),
    ('keras', False)])
def test_consistency_regularization_trains_in_every_trainer(
    tmp_path, trainer, conditional):
  # bCR (translation) and zCR, both players' terms; conditional: zCR
  # perturbs the noise of (noise, labels).
  hparams = _hparams(tmp_path, trainer=trainer, gan_loss='hinge',
                     conditional=conditional, bcr_weight=10.0,
                     zcr_weight=5.0, save_checkpoint_steps=2)
  result = train_lib.train(hparams)
  if trainer == 'keras':
    history = result['history']
    for name in ('bcr_penalty', 'zcr_penalty', 'zcr_generator_loss'):
      assert np.isfinite(history[name][0]), name
    assert history['zcr_generator_loss'][0] < 0
    return
  _assert_finite_checkpoint(tmp_path, step=2)
  for tag in ('balanced_consistency_penalty_term',
              'latent_consistency_penalty_term',
              'latent_consistency_generator_loss_term'):
    values = _summaries(tmp_path, tag)
    assert values and all(np.isfinite(v) for v in values.values()), tag
