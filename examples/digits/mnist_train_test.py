# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The digits trainers on MNIST with TF-GAN's own MNIST networks (tiny runs).

--dataset=mnist reads the packaged MNIST offline (the `mnist_cache` fixture
builds the session's cache once); --networks=tfgan_mnist trains
`tensorflow_gan.examples.mnist.networks` (and their Keras port) through
gan_train, GANEstimator and Keras fit; the eval scores 10,000 samples with
the committed classifier. Runs are 2 steps at batch 8: what is checked is
that each path builds, trains, records its data source and evaluates, not
what the images look like (the benchmarks measure that).
"""

import json
import os

import pytest
import tensorflow as tf
from tensorflow_gan.examples.mnist import networks as tfgan_mnist

from examples.digits import data_provider
from examples.digits import eval_lib
from examples.digits import train_lib


def _hparams(train_log_dir, **overrides):
  tiny = dict(dataset='mnist', networks='tfgan_mnist', batch_size=8,
              max_number_of_steps=2, log_every_n_steps=1,
              save_summaries_steps=1, save_checkpoint_steps=2, noise_dims=8,
              grid_size=2, cas_steps=5, eval=True)
  return train_lib.HParams(train_log_dir=str(train_log_dir),
                           **dict(tiny, **overrides))


def _check_eval(result, conditional=False):
  assert result['mnist_source'] == 'package'  # Offline: no tfds copy here.
  assert sum(result['class_histogram']) == eval_lib.MNIST_EVAL_IMAGES
  assert result['fcd'] > result['fcd_real_vs_real'] > 0  # Untrained.
  assert 0.98 < result['real_vs_real']['test_accuracy'] <= 1.0
  assert ('classification_accuracy_score' in result) == conditional
  with open(os.path.join(os.path.dirname(result['grid']),
                         'metrics.json')) as f:
    assert json.load(f)['mnist_source'] == 'package'


@pytest.mark.parametrize('model', ['unconditional', 'conditional', 'infogan'])
def test_gan_train_trains_tfgan_s_mnist_networks(mnist_cache, tmp_path,
                                                 model):
  del mnist_cache
  result = train_lib.train(_hparams(
      tmp_path, conditional=model == 'conditional',
      infogan=model == 'infogan'))
  _check_eval(result, conditional=model == 'conditional')
  reader = tf.train.load_checkpoint(str(tmp_path))
  names = reader.get_variable_to_shape_map()
  # TF-GAN's networks, spectral normalization included, under TF-GAN's
  # gan_model scopes.
  assert 'Discriminator/sn/conv2d/kernel' in names
  assert 'Generator/dense/kernel' in names
  assert any('spectral_norm_u' in n for n in names)
  if model == 'conditional':
    assert any(n.startswith('Generator/embedding') for n in names)


def test_tfgan_s_networks_are_used_as_they_ship(mnist_cache, tmp_path):
  # The generator's variables are exactly those TF-GAN's function makes.
  del mnist_cache
  train_lib.train(_hparams(tmp_path, eval=False))
  trained = {n for n in tf.train.load_checkpoint(str(tmp_path))
             .get_variable_to_shape_map() if n.startswith('Generator/')
             and '/Adam' not in n and 'ExponentialMovingAverage' not in n}
  with tf.Graph().as_default():
    with tf.compat.v1.variable_scope('Generator'):
      tfgan_mnist.unconditional_generator(tf.zeros([2, 8]))
    reference = {v.op.name for v in tf.compat.v1.global_variables()}
  assert trained == reference


def test_penalties_re_applying_a_batch_norm_discriminator(mnist_cache,
                                                          tmp_path):
  # TF-GAN's discriminator has batch normalization: the penalties' extra
  # passes of D (R1 lazily, inside a tf.cond; bCR; zCR) must not leave
  # update ops that tfgan.gan_train_ops refuses.
  del mnist_cache
  train_lib.train(_hparams(tmp_path, penalty='r1', penalty_weight=5.0,
                           penalty_every=2, bcr_weight=1.0, zcr_weight=1.0,
                           augment='ada', eval=False))
  assert tf.train.latest_checkpoint(str(tmp_path)).endswith('-2')


@pytest.mark.parametrize('conditional', [False, True])
def test_keras_fit_trains_tfgan_s_mnist_networks(mnist_cache, tmp_path,
                                                 conditional):
  del mnist_cache
  result = train_lib.train(_hparams(
      tmp_path, trainer='keras', conditional=conditional,
      penalty='r1', penalty_weight=5.0, generator_ema=0.9))
  _check_eval(result, conditional)
  assert result['steps'] == 2
  assert 'averaged' in result  # The generator average's scores too.
  # The l2 weight decay joined the generator loss (positive even at step 0
  # for the non-saturating loss, which is >= 0 itself).
  assert min(result['history']['generator_loss']) > 0


def test_tf_keras_builds_tfgan_s_discriminator(mnist_cache, tmp_path):
  # tf-keras' SpectralNormalization fails to build on TF >= 2.16 as it ships
  # (keras_networks works around it).
  del mnist_cache
  result = train_lib.train(_hparams(tmp_path, trainer='keras',
                                    keras_package='tf_keras', eval=False))
  assert result is None or result['steps'] == 2


@pytest.mark.parametrize('conditional', [False, True])
def test_estimator_trains_tfgan_s_mnist_networks(mnist_cache, tmp_path,
                                                 conditional):
  # Conditional: TF-GAN's conditional networks through GANEstimator's
  # tfgan.gan_model, the labels in its features.
  del mnist_cache
  # GANEstimator's image summaries tile 4 x 4: batch 16.
  result = train_lib.train(_hparams(tmp_path, trainer='estimator',
                                    batch_size=16, conditional=conditional))
  _check_eval(result, conditional=conditional)
  assert result['estimator_global_step'] == 2
  assert result['conditional_head'] == ('network' if conditional else None)


@pytest.mark.parametrize('fields, match', [
    (dict(infogan=True, networks='dcgan'), '--infogan needs'),
    (dict(dataset='digits'), '28x28x1'),
    (dict(spectral_norm=True), 'spectrally normalized already'),
    (dict(conditional=True, infogan=True), 'choose one'),
    (dict(infogan=True, trainer='keras'), '--infogan'),
    (dict(conditional=True, conditional_head='multi_hinge', trainer='estimator',
          penalty='r1'), '--penalty=r1 read'),
])
def test_settings_the_networks_cannot_take(tmp_path, fields, match):
  with pytest.raises(ValueError, match=match):
    train_lib.train(_hparams(tmp_path / 'run', **fields))
  assert not (tmp_path / 'run').exists()


def test_a_missing_tfds_copy_says_how_to_get_mnist(tmp_path):
  with pytest.raises(data_provider.DatasetUnavailableError, match='mnist'):
    train_lib.train(_hparams(tmp_path, mnist_source='tfds',
                             data_dir=str(tmp_path / 'no_tfds')))
