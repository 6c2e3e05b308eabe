# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Tests of toy2d's train_lib.train (tiny runs: batch 16, 2-3 steps, 8-unit MLPs)."""

import json
import os

import numpy as np
import pytest
import tensorflow as tf

import tfgan_ext
from examples.common import hparams as hparams_lib
from examples.common import training
from examples.toy2d import train_lib


# Adam moves each weight by about the learning rate at its first step: 1e38
# (finite: NaN and inf are refused as hyperparameters) overflows the next
# forward pass, so a loss is non-finite by step 2.
_HUGE_LR = 1e38

def _hparams(train_log_dir, **overrides):
  """Tiny runs; the example's defaults for everything else."""
  tiny = dict(batch_size=16, max_number_of_steps=2, lr_decay_steps=0,
              log_every_n_steps=1, save_summaries_steps=1,
              generator_hidden=(8, 8), discriminator_hidden=(8, 8),
              eval=False)
  return train_lib.HParams(train_log_dir=str(train_log_dir),
                           **dict(tiny, **overrides))


def _checkpoint_step(train_log_dir):
  path = tf.train.latest_checkpoint(str(train_log_dir))
  assert path is not None, 'no checkpoint written'
  return int(path.rsplit('-', 1)[1])


def _variables(train_log_dir):
  reader = tf.train.load_checkpoint(str(train_log_dir))
  return {name: reader.get_tensor(name)
          for name in reader.get_variable_to_shape_map()}


@pytest.mark.parametrize('gan_loss',
                         tfgan_ext.losses.names(include_aliases=False))
def test_every_registered_loss_trains(tmp_path, gan_loss):
  train_lib.train(_hparams(tmp_path, gan_loss=gan_loss))
  assert _checkpoint_step(tmp_path) == 2
  for name, value in _variables(tmp_path).items():
    assert np.all(np.isfinite(value)), name


@pytest.mark.parametrize('penalty', tfgan_ext.losses.penalty_names())
def test_every_penalty_trains_lazily(tmp_path, penalty):
  # every=2 exercises the lazy (tf.cond) path at steps 0 and 2.
  train_lib.train(_hparams(tmp_path, gan_loss='hinge', penalty=penalty,
                           penalty_every=2, max_number_of_steps=3))
  assert _checkpoint_step(tmp_path) == 3


def test_spectral_norm_creates_power_iteration_state(tmp_path):
  train_lib.train(_hparams(tmp_path, gan_loss='hinge', spectral_norm=True))
  names = _variables(tmp_path)
  assert any('spectral_norm_u' in n for n in names if
             n.startswith('Discriminator/'))
  assert not any('spectral_norm_u' in n for n in names if
                 n.startswith('Generator/'))


def test_weight_clipping_bounds_discriminator_weights(tmp_path):
  clip = 0.01
  train_lib.train(_hparams(tmp_path, gan_loss='wasserstein', weight_clip=clip,
                           discriminator_lr=1.0))
  for name, value in _variables(tmp_path).items():
    if name.startswith('Discriminator/') and 'Adam' not in name:
      assert np.max(np.abs(value)) <= clip + 1e-7, name


def test_mixed_precision_keeps_float32_variables(tmp_path):
  train_lib.train(_hparams(tmp_path, mixed_precision=True,
                           spectral_norm=True))
  assert _checkpoint_step(tmp_path) == 2
  for name, value in _variables(tmp_path).items():
    if name.startswith(('Generator/', 'Discriminator/')) and value.dtype.kind == 'f':
      assert value.dtype == np.float32, name


def test_xla_trains(tmp_path):
  train_lib.train(_hparams(tmp_path, xla=True))
  assert _checkpoint_step(tmp_path) == 2


def test_resume_continues_to_the_global_step_bound(tmp_path):
  train_lib.train(_hparams(tmp_path, max_number_of_steps=2))
  assert _checkpoint_step(tmp_path) == 2
  # Same command with a higher bound: continues from 2 to 3 (not 2 + 3).
  train_lib.train(_hparams(tmp_path, max_number_of_steps=3))
  assert _checkpoint_step(tmp_path) == 3
  # Re-running the finished command trains no further.
  train_lib.train(_hparams(tmp_path, max_number_of_steps=3))
  assert _checkpoint_step(tmp_path) == 3


def test_resume_with_different_settings_is_refused(tmp_path):
  train_lib.train(_hparams(tmp_path))
  with pytest.raises(training.RunMismatchError, match='gan_loss'):
    train_lib.train(_hparams(tmp_path, gan_loss='hinge'))


def test_non_finite_loss_stops_naming_step_and_loss(tmp_path):
  # An infinite learning rate makes step 1's Adam updates put +-inf into the
  # weights (Adam's step is lr * m / sqrt(v), |m / sqrt(v)| ~ 1), so a loss
  # is nan from step 1's discriminator update (on the generator's new data)
  # or step 2's generator update on. Which player's loss turns first depends
  # on the floating-point path (it differed between machines), so the test
  # asserts what is guaranteed: the run stops at step 1 or 2 naming a
  # player's loss, and nothing diverged is saved. (NaN input data would not
  # do: ReLU maps NaN to 0 on CPU; a huge finite rate gives huge but finite
  # softplus losses.)
  with pytest.raises(training.NonFiniteLossError,
                     match=r'The (generator|discriminator) loss is nan or inf '
                     r'at step [12]; stopping'):
    train_lib.train(_hparams(tmp_path, generator_lr=_HUGE_LR,
                             discriminator_lr=_HUGE_LR,
                             max_number_of_steps=5))
  # Only the initial checkpoint (CheckpointSaverHook writes step 0 when the
  # session starts) exists: nothing diverged was saved.
  assert _checkpoint_step(tmp_path) == 0


def test_graph_only_when_zero_steps(tmp_path):
  assert train_lib.train(_hparams(tmp_path, max_number_of_steps=0)) is None
  assert tf.train.latest_checkpoint(str(tmp_path)) is None


def test_train_then_eval_writes_outputs(tmp_path):
  result = train_lib.train(_hparams(tmp_path, eval=True))
  png = result['plot']
  assert os.path.exists(png)
  samples = np.load(os.path.join(str(tmp_path), 'eval', 'samples.npy'))
  assert samples.shape == (2500, 2)
  with open(os.path.join(str(tmp_path), 'eval', 'metrics.json')) as f:
    stored = json.load(f)
  assert stored['modes_captured'] == result['modes_captured']
  assert stored['num_modes'] == 8
  for name in ('precision', 'recall', 'coverage'):
    assert 0.0 <= stored[name] <= 1.0
  assert stored['density'] >= 0.0 and np.isfinite(stored['kid_std'])
  # The recorded hparams.json loads back as the HParams it was trained with.
  assert hparams_lib.load(train_lib.HParams, str(tmp_path)) == _hparams(
      tmp_path, eval=True)
  assert tf.io.gfile.glob(os.path.join(str(tmp_path), 'events.out.tfevents*'))


def _adam_updates(train_log_dir, scope, beta2):
  # tf.compat.v1.train.AdamOptimizer keeps a non-slot variable beta2_power,
  # created as beta2 and multiplied by beta2 at every update, so it holds
  # beta2 ** (updates + 1): the player's update count is
  # log(beta2_power) / log(beta2) - 1.
  values = [v for name, v in _variables(train_log_dir).items()
            if name.startswith(scope) and name.endswith('beta2_power')]
  assert len(values) == 1, values
  return int(round(np.log(values[0]) / np.log(beta2))) - 1


@pytest.mark.parametrize('generator_steps,discriminator_steps',
                         [(1, 1), (1, 5), (2, 3)])
def test_train_steps_run_each_player_that_many_times(
    tmp_path, generator_steps, discriminator_steps):
  # 3 global steps; WGAN-GP's (1, 5) must not hang (tensorflow/tensorflow
  # #22410 reported a hang of tfgan.get_sequential_train_hooks at (1, 5)).
  hparams = _hparams(tmp_path, max_number_of_steps=3,
                     generator_train_steps=generator_steps,
                     discriminator_train_steps=discriminator_steps)
  train_lib.train(hparams)
  assert _checkpoint_step(tmp_path) == 3
  beta2 = hparams.adam_beta2
  assert _adam_updates(tmp_path, 'train/generator_train', beta2) == (
      3 * generator_steps)
  assert _adam_updates(tmp_path, 'train/discriminator_train', beta2) == (
      3 * discriminator_steps)


def test_generator_average_is_evaluated_beside_the_raw_generator(tmp_path):
  result = train_lib.train(_hparams(tmp_path, eval=True, generator_ema=0.9))
  averaged = result['averaged']
  assert set(averaged) >= {'modes_captured', 'high_quality_fraction',
                           'reverse_kl'}
  assert os.path.exists(os.path.join(str(tmp_path), 'eval',
                                     'samples_averaged.png'))
  reader = tf.train.load_checkpoint(str(tmp_path))
  assert 'Generator/output/kernel/ExponentialMovingAverage' in (
      reader.get_variable_to_shape_map())


def _damage(path, how):
  if how == 'truncated data':
    data = path + '.data-00000-of-00001'
    with open(data, 'rb') as f:
      content = f.read()
    with open(data, 'wb') as f:
      f.write(content[:len(content) // 2])
  else:  # 'missing index'
    os.remove(path + '.index')


@pytest.mark.parametrize('how', ['truncated data', 'missing index'])
def test_damaged_latest_checkpoint_resumes_from_the_previous_one(tmp_path,
                                                                how):
  hparams = _hparams(tmp_path, max_number_of_steps=6, save_checkpoint_steps=2)
  train_lib.train(hparams)
  latest = tf.train.latest_checkpoint(str(tmp_path))
  assert latest.endswith('model.ckpt-6')
  _damage(latest, how)
  # Restoring the damaged checkpoint would fail; the run instead sets it
  # aside, resumes from step 4 (the newest readable one) and trains to 8.
  train_lib.train(hparams._replace(max_number_of_steps=8))
  assert _checkpoint_step(tmp_path) == 8
  assert tf.io.gfile.glob(latest + '.*.damaged')
  assert training.recover_checkpoints(str(tmp_path)).endswith('model.ckpt-8')


def test_no_readable_checkpoint_is_a_clear_error(tmp_path):
  hparams = _hparams(tmp_path, max_number_of_steps=2,
                     save_checkpoint_steps=1000)
  train_lib.train(hparams)
  for path in tf.train.get_checkpoint_state(
      str(tmp_path)).all_model_checkpoint_paths:
    _damage(path, 'missing index')
  with pytest.raises(training.DamagedCheckpointError,
                     match='no checkpoint in .* can be read.*Delete the '
                     'directory'):
    train_lib.train(hparams._replace(max_number_of_steps=4))


def test_top_k_trains_and_refuses_a_relativistic_loss(tmp_path):
  train_lib.train(_hparams(tmp_path / 'hinge', gan_loss='hinge',
                           top_k_epoch_steps=1, top_k_gamma=0.5))
  assert _checkpoint_step(tmp_path / 'hinge') == 2
  with pytest.raises(ValueError, match='relativistic_generator_loss'):
    train_lib.train(_hparams(tmp_path / 'relativistic',
                             gan_loss='relativistic', top_k_epoch_steps=1))
  assert not (tmp_path / 'relativistic').exists()  # Refused before the run.


def test_zcr_trains(tmp_path):
  train_lib.train(_hparams(tmp_path, zcr_weight=5.0))
  assert _checkpoint_step(tmp_path) == 2
  for name, value in _variables(tmp_path).items():
    assert np.all(np.isfinite(value)), name


def test_addons_are_the_objects_the_flags_ask_for():
  addons = tfgan_ext.addons
  assert train_lib.addons(train_lib.HParams()) == []
  hparams = train_lib.HParams(
      penalty='dragan', penalty_weight=0.1, penalty_every=2,
      top_k_epoch_steps=10, zcr_weight=5.0, generator_ema=0.99,
      generator_ema_start=100)
  # In train_lib.addons' order; top_k_gamma 0.99, top_k_nu 0.5,
  # zcr_generator_weight 0.5 and zcr_stddev 0.03 are the flags' defaults
  # (train_lib.define_flags).
  assert train_lib.addons(hparams) == [
      addons.Penalty('dragan', 0.1, 2),
      addons.TopK(10, 0.99, 0.5),
      addons.LatentConsistency(5.0, 0.5, 0.03),
      addons.GeneratorAverage(0.99, 100),
  ]
  assert train_lib.addons(hparams._replace(top_k_gamma=0.5))[1] != (
      addons.TopK(10, 0.99, 0.5))


def test_addons_refuse_what_cannot_train(tmp_path):
  # The Penalty add-on refuses a negative weight when built; train refuses
  # it first, as outside --penalty_weight's bounds; both before the run.
  hparams = _hparams(tmp_path / 'run', penalty='r1', penalty_weight=-1.0)
  with pytest.raises(ValueError, match='Penalty weight must be a number >= '
                     '0'):
    train_lib.addons(hparams)
  with pytest.raises(ValueError, match='penalty_weight'):
    train_lib.train(hparams)
  assert not (tmp_path / 'run').exists()
