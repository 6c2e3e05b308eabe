# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Tests of the Keras digits trainer (keras_train_lib, keras_networks)."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest
import tensorflow as tf

from examples.digits import keras_networks
from examples.digits import keras_speed
from examples.digits import keras_train_lib
from examples.digits import train_lib

_REPO = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))


@pytest.mark.parametrize('keras', ['keras', 'tf_keras'])
def test_networks_match_the_gan_train_architecture(keras):
  K = keras_train_lib.keras_package(keras)
  generator = keras_networks.generator(K, (8, 8, 1), noise_dims=32,
                                       channels=64)
  discriminator = keras_networks.discriminator(K, (8, 8, 1), channels=64)
  # Parameter counts of networks.py's TF-1 networks at these sizes:
  # project 32*(2*2*128)+512, bn0 4*512, deconv1 4*4*128*64+64, bn1 4*64,
  # deconv2 4*4*64*1+1; conv1 4*4*1*64+64, conv2 4*4*64*128+128,
  # logits 512+1.
  assert generator.count_params() == (32 * 512 + 512 + 4 * 512 +
                                      16 * 128 * 64 + 64 + 4 * 64 +
                                      16 * 64 + 1)
  assert discriminator.count_params() == (16 * 64 + 64 + 16 * 64 * 128 +
                                          128 + 512 + 1)
  images = generator(tf.zeros([3, 32]), training=False)
  assert images.shape == (3, 8, 8, 1)
  assert discriminator(images).shape == (3, 1)
  conditional = keras_networks.discriminator(K, (8, 8, 1), num_classes=10)
  assert conditional([images, tf.zeros([3, 10])]).shape == (3, 1)


def test_dataset_is_reproducible_pairs():
  first = next(iter(keras_train_lib.make_dataset(4, seed=3)))
  again = next(iter(keras_train_lib.make_dataset(4, seed=3)))
  (noise, images), (noise2, images2) = first, again
  assert noise.shape == (4, 32) and images.shape == (4, 8, 8, 1)
  np.testing.assert_array_equal(noise, noise2)
  np.testing.assert_array_equal(images, images2)
  (z, labels), _ = next(iter(keras_train_lib.make_dataset(
      4, conditional=True)))
  assert z.shape == (4, 32) and labels.shape == (4, 10)


def _hparams(train_log_dir, **fields):
  tiny = dict(trainer='keras', max_number_of_steps=10,
              save_checkpoint_steps=5, batch_size=16)
  return train_lib.HParams(train_log_dir=str(train_log_dir),
                           **dict(tiny, **fields))


@pytest.mark.parametrize('keras', ['keras', 'tf_keras'])
def test_trains_evaluates_and_resumes(keras, tmp_path):
  log_dir = str(tmp_path / 'run')
  hparams = _hparams(log_dir, keras_package=keras, penalty='r1')
  result = keras_train_lib.train(hparams, train_lib.addons(hparams),
                                 classifier_steps=30, verbose=0)
  assert result['steps'] == 10
  assert np.isfinite(result['fcd']) and result['fcd'] > 0
  assert result['fcd_real_vs_real'] < result['fcd']
  for name in ('generator.weights.h5', 'keras_run.json', 'hparams.json',
               os.path.join('eval', 'metrics.json'),
               os.path.join('eval', 'grid.png'),
               os.path.join('samples', 'epoch_0002.png')):
    assert os.path.exists(os.path.join(log_dir, name)), name
  # Running again with a larger budget resumes from the backup at step 10.
  again = keras_train_lib.train(
      hparams._replace(max_number_of_steps=15, eval=False),
      train_lib.addons(hparams), verbose=0)
  assert again['steps'] == 15
  assert len(again['history']['generator_loss']) == 1


def test_bad_settings_fail_before_building(tmp_path):
  for field, value in (('gan_loss', 'nope'), ('penalty', 'nope'),
                       ('keras_package', 'keras4'), ('strategy', 'tpu')):
    # validate's message: the field, then the flag's choices.
    with pytest.raises(ValueError, match='%s.*should be one of' % field):
      train_lib.train(_hparams(tmp_path, **{field: value}))
    assert not os.listdir(str(tmp_path))
  with pytest.raises(ValueError, match='valid names: keras, tf_keras'):
    keras_train_lib.keras_package('keras4')


def test_mirrored_over_two_logical_cpus(tmp_path):
  # In a fresh interpreter: the logical devices must exist before
  # TensorFlow's runtime starts.
  code = '''
import json, sys
import tensorflow as tf
cpu = tf.config.list_physical_devices('CPU')[0]
tf.config.set_logical_device_configuration(
    cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
from examples.digits import keras_train_lib, train_lib
hparams = train_lib.HParams(train_log_dir=sys.argv[1], trainer='keras',
                            strategy='mirrored', max_number_of_steps=6,
                            save_checkpoint_steps=3, batch_size=16)
r = keras_train_lib.train(hparams, train_lib.addons(hparams),
                          devices=['/cpu:0', '/cpu:1'], classifier_steps=20,
                          verbose=0)
print('RESULT', json.dumps({'steps': r['steps'], 'fcd': r['fcd']}))
'''
  proc = subprocess.run(
      [sys.executable, '-c', code, str(tmp_path)], cwd=_REPO,
      capture_output=True, text=True, timeout=600,
      env=dict(os.environ, PYTHONPATH=_REPO, TF_CPP_MIN_LOG_LEVEL='3'))
  assert proc.returncode == 0, proc.stderr[-3000:]
  result = json.loads(proc.stdout.split('RESULT ')[-1])
  assert result['steps'] == 6 and np.isfinite(result['fcd'])


def test_timed_steps_leave_the_fit_call_out():
  assert keras_speed.steps_per_second(steps=4, warmup=2, batch_size=8) > 0
  timed = keras_speed.Timed(warmup=2, batch_size=8)
  ticks = iter(range(100))
  # A clock read once before the call, once at each step's end, once after:
  # 0, then 1..5 for the 4 + 1 steps, then 6. The 4 timed steps span 5 - 1.
  assert timed.steps_per_second(4, clock=lambda: next(ticks)) == 4 / (5 - 1)
  assert timed.call_overhead_s == 6 - 0 - (5 - 1)
  assert int(timed.gan.optimizer.iterations) == 2 + 4 + 1
