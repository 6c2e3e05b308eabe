# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Every registered loss (and the penalty / feature-matching combinators)
trains through tfgan.gan_model -> gan_loss -> gan_train_ops -> gan_train."""

import functools

import numpy as np
import pytest
import tensorflow as tf
import tensorflow_gan as tfgan

from tfgan_ext import losses as tfgan_ext_losses

# TF-GAN's graph-mode API needs the TF-1 layers Keras 2 deprecates.
pytestmark = pytest.mark.filterwarnings(
    'ignore:`tf.layers.dense` is deprecated:UserWarning')

STEPS = 4
BATCH = 16


def generator_fn(z):
  return tf.compat.v1.layers.dense(z, 4, name='g')


def trunk(x, unused_inputs):
  return tf.compat.v1.layers.dense(x, 8, tf.nn.leaky_relu, name='hidden')


def discriminator_fn(x, inputs):
  return tf.compat.v1.layers.dense(trunk(x, inputs), 1, name='logit')


class _Record(tf.compat.v1.train.SessionRunHook):
  """Records (global step, generator loss, discriminator loss) each run."""

  def __init__(self, gan_loss):
    self._fetches = [tf.compat.v1.train.get_global_step(),
                     gan_loss.generator_loss, gan_loss.discriminator_loss]
    self.values = []

  def before_run(self, run_context):
    return tf.compat.v1.train.SessionRunArgs(self._fetches)

  def after_run(self, run_context, run_values):
    self.values.append(run_values.results)


def _train(tmp_path, make_losses, discriminator=discriminator_fn):
  with tf.Graph().as_default():
    tf.compat.v1.set_random_seed(0)
    model = tfgan.gan_model(generator_fn, discriminator,
                            tf.random.normal([BATCH, 4], seed=1),
                            tf.random.normal([BATCH, 3], seed=2))
    gan_loss = tfgan.gan_loss(model, **make_losses())
    train_ops = tfgan.gan_train_ops(
        model, gan_loss, tf.compat.v1.train.AdamOptimizer(1e-3),
        tf.compat.v1.train.AdamOptimizer(1e-3))
    record = _Record(gan_loss)
    steps = tfgan.gan_train(
        train_ops, str(tmp_path),
        hooks=[tf.compat.v1.train.StopAtStepHook(num_steps=STEPS), record],
        save_checkpoint_secs=None, save_summaries_steps=None)
  values = np.array(record.values, np.float64)
  assert len(values) == STEPS
  assert np.all(np.isfinite(values)), values
  return steps, values


@pytest.mark.parametrize('name', tfgan_ext_losses.names())
def test_registered_loss_trains(tmp_path, name):
  _train(tmp_path, lambda: tfgan_ext_losses.get(name)._asdict())


@pytest.mark.parametrize('penalty', tfgan_ext_losses.penalty_names())
def test_lazily_penalized_discriminator_trains(tmp_path, penalty):
  pair = tfgan_ext_losses.get('hinge')
  _, values = _train(tmp_path, lambda: dict(
      generator_loss_fn=pair.generator_loss_fn,
      discriminator_loss_fn=tfgan_ext_losses.with_penalty(
          pair.discriminator_loss_fn, penalty, weight=10.0, every=2)))
  # gan_train increments the global step once per joint step. The hook reads
  # it in the run that increments it, with no order between the two, so run
  # s sees s or s + 1 (the gating itself is checked value by value in
  # losses_penalized_test.py).
  for run, step in enumerate(values[:, 0]):
    assert int(step) in (run, run + 1), values[:, 0]


def test_feature_matching_trains_with_tf1_discriminator(tmp_path):
  pair = tfgan_ext_losses.get('modified')
  _train(tmp_path, lambda: dict(
      generator_loss_fn=tfgan_ext_losses.with_feature_matching(
          pair.generator_loss_fn, trunk, weight=1.0),
      discriminator_loss_fn=pair.discriminator_loss_fn))


def test_feature_matching_trains_with_keras_discriminator(tmp_path):
  holder = {}

  def keras_discriminator(x, unused_inputs):
    if 'model' not in holder:  # Built on the first call, in the D scope.
      inputs = tf.keras.Input(shape=(4,))
      hidden = tf.keras.layers.Dense(8, activation='relu', name='hidden')(
          inputs)
      holder['model'] = tf.keras.Model(
          inputs, tf.keras.layers.Dense(1, name='logit')(hidden))
    return holder['model'](x)

  pair = tfgan_ext_losses.get('hinge')

  def make_losses():
    features_fn = tfgan_ext_losses.keras_layer_features(holder['model'],
                                                        'hidden')
    return dict(
        generator_loss_fn=tfgan_ext_losses.with_feature_matching(
            pair.generator_loss_fn, features_fn, weight=0.5),
        discriminator_loss_fn=pair.discriminator_loss_fn)
  _train(tmp_path, make_losses, discriminator=keras_discriminator)


def test_energy_based_pair_trains_with_a_non_negative_energy(tmp_path):
  def energy_fn(x, inputs):  # EBGAN's D is an energy >= 0.
    return tf.nn.softplus(discriminator_fn(x, inputs))
  _train(tmp_path, lambda: dict(
      generator_loss_fn=tfgan_ext_losses.energy_based_generator_loss,
      discriminator_loss_fn=tfgan_ext_losses.energy_based_discriminator_loss),
         discriminator=energy_fn)


def test_consistency_regularized_discriminator_trains(tmp_path):
  pair = tfgan_ext_losses.get('hinge')
  penalty = functools.partial(tfgan_ext_losses.consistency_penalty,
                              augment_fn=lambda x: x[:, ::-1])
  _train(tmp_path, lambda: dict(
      generator_loss_fn=pair.generator_loss_fn,
      discriminator_loss_fn=tfgan_ext_losses.with_penalty(
          pair.discriminator_loss_fn, penalty, weight=10.0)))
