# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""GANModel's generator average and discriminator augmentation, one device.

The average is checked against its formula after each step (written here
from the rule in tfgan_ext.addons.generator_average), and against a run
without it (the raw generator trains the same); ADA's p against ADA's rule
with a discriminator whose sign is known. Every test runs for Keras 3 and
tf-keras. The two-replica checks are in keras_distribute_test.py.
"""

import numpy as np
import pytest
import tensorflow as tf

import keras_testlib as lib
from tfgan_ext.addons import ADA
from tfgan_ext.addons import Augmentation
from tfgan_ext.addons import DiffAugment
from tfgan_ext.addons import GeneratorAverage
from tfgan_ext.addons import Penalty
import tfgan_ext.keras as tfk

LR = 0.1


def _average_reference(weights, decay, start):
  averages, average = [], None
  for step, w in enumerate(weights, start=1):
    average = w if step <= max(start, 1) else decay * average + (
        1 - decay) * w
    averages.append(average)
  return averages


def _linear(K, **compile_kwargs):
  generator, discriminator, _ = lib.linear_gan(K)
  gan = tfk.GANModel(generator, discriminator)
  gan.compile(K.optimizers.SGD(LR), K.optimizers.SGD(LR), loss='hinge',
              **compile_kwargs)
  return gan


@pytest.mark.parametrize('decay,start', [(0.5, 0), (0.8, 2)])
@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_average_equals_its_formula_and_raw_training_is_unchanged(
    flavour, decay, start):
  K = lib.keras_package(flavour)
  dataset, _, _ = lib.pairs_dataset(5)
  gan = _linear(K, addons=[GeneratorAverage(decay, start)])
  plain = _linear(K)
  raw_weights = []

  class Record(K.callbacks.Callback):

    def on_epoch_end(self, epoch, logs=None):
      raw_weights.append(gan.generator.get_weights()[0].astype(np.float64))

  gan.fit(dataset, epochs=5, steps_per_epoch=1, verbose=0,
          callbacks=[Record()])
  plain.fit(dataset, epochs=5, steps_per_epoch=1, verbose=0)
  want = _average_reference(raw_weights, decay, start)[-1]
  np.testing.assert_allclose(gan.sampling_generator.get_weights()[0], want,
                             rtol=1e-5, atol=1e-6)
  # fit never writes the average into the trained generator.
  np.testing.assert_allclose(gan.generator.get_weights()[0],
                             plain.generator.get_weights()[0], rtol=1e-6)
  assert not gan.sampling_generator.trainable_weights
  assert len(gan.trainable_weights) == len(plain.trainable_weights)
  # Calling the model (and predict) samples from the average.
  z = np.ones((2, 2), np.float32)
  np.testing.assert_allclose(gan.predict(z, verbose=0),
                             z @ want.astype(np.float32), rtol=1e-5)


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_average_is_restored_by_backup_and_restore(flavour, tmp_path):
  K = lib.keras_package(flavour)
  dataset, _, _ = lib.pairs_dataset(2)

  class Interrupt(K.callbacks.Callback):

    def on_epoch_end(self, epoch, logs=None):
      if epoch == 1:
        raise KeyboardInterrupt('simulated preemption')

  uninterrupted = _linear(K, addons=[GeneratorAverage(0.7)])
  uninterrupted.fit(dataset, epochs=4, verbose=0)
  gan = _linear(K, addons=[GeneratorAverage(0.7)])
  with pytest.raises(KeyboardInterrupt):
    gan.fit(dataset, epochs=4, verbose=0, callbacks=[
        K.callbacks.BackupAndRestore(str(tmp_path)), Interrupt()])
  resumed = _linear(K, addons=[GeneratorAverage(0.7)])
  resumed.fit(dataset, epochs=4, verbose=0,
              callbacks=[K.callbacks.BackupAndRestore(str(tmp_path))])
  np.testing.assert_allclose(resumed.sampling_generator.get_weights()[0],
                             uninterrupted.sampling_generator.get_weights()[0],
                             rtol=1e-5, atol=1e-6)


def _image_gan(K, bias=0.0, **compile_kwargs):
  generator = K.Sequential([K.Input((4,)), K.layers.Dense(16),
                            K.layers.Reshape((4, 4, 1))])
  discriminator = K.Sequential([
      K.Input((4, 4, 1)), K.layers.Flatten(),
      K.layers.Dense(1, kernel_initializer='zeros',
                     bias_initializer=K.initializers.Constant(bias))])
  gan = tfk.GANModel(generator, discriminator)
  gan.compile(K.optimizers.SGD(1e-4), K.optimizers.SGD(1e-4), loss='hinge',
              **compile_kwargs)
  return gan


def _images(num_batches=4, batch=8):
  rng = np.random.default_rng(2)
  return tf.data.Dataset.from_tensor_slices((
      rng.normal(size=(num_batches * batch, 4)).astype(np.float32),
      rng.uniform(-1, 1, size=(num_batches * batch, 4, 4, 1)).astype(
          np.float32))).batch(batch)


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_ada_p_follows_adas_rule(flavour):
  # D(x) = 5 > 0 for every image: r = E[sign(D(x_real))] = 1 > 0.6, so p
  # rises by batch / speed = 8 / 32 after every step (interval 1).
  K = lib.keras_package(flavour)
  gan = _image_gan(K, bias=5.0,
                   addons=[ADA(interval=1, speed_images=32)])
  history = gan.fit(_images(), epochs=1, verbose=0)
  p = [w for w in gan.weights if 'ada_p' in w.name][0]
  assert float(p.numpy()) == pytest.approx(1.0)
  # The logged p is the mean of the p each step used: (0 + .25 + .5 + .75) / 4.
  assert history.history['ada_p'][0] == pytest.approx(0.375)


@pytest.mark.parametrize('augment', [
    DiffAugment(), ADA(), Augmentation(lambda images: images[:, ::-1])],
                         ids=['diffaugment', 'ada', 'function'])
@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_augmented_training_runs_with_a_penalty(flavour, augment):
  K = lib.keras_package(flavour)
  gan = _image_gan(K, addons=[augment, Penalty('r1'), GeneratorAverage(0.9)])
  history = gan.fit(_images(2), epochs=1, verbose=0)
  assert np.isfinite(history.history['r1_penalty'][0])


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_errors_before_training(flavour):
  K = lib.keras_package(flavour)
  opts = lambda: (K.optimizers.SGD(LR), K.optimizers.SGD(LR))
  dataset, _, _ = lib.pairs_dataset(1)
  gan = _linear(K, addons=[DiffAugment()])
  with pytest.raises(ValueError, match='DiffAugment needs images'):
    gan.fit(dataset)
  gan = _linear(K, addons=[ADA()])
  with pytest.raises(ValueError, match='ADA needs images'):
    gan.fit(dataset)
  # The add-ons check their settings when built; the 0.1 keywords name their
  # replacement.
  with pytest.raises(TypeError, match=r'augment: use addons=\[tfgan_ext\.'
                     r'addons\.DiffAugment\(policy\)\]'):
    gan.compile(*opts(), augment='diffaugment')
  with pytest.raises(TypeError, match=r'generator_ema: use addons=\['
                     r'tfgan_ext\.addons\.GeneratorAverage\(decay, start\)\]'):
    gan.compile(*opts(), generator_ema=0.9)
  with pytest.raises(ValueError, match='Unknown DiffAugment policy'):
    DiffAugment('blur')
  with pytest.raises(ValueError, match=r'decay must be in \[0, 1\)'):
    GeneratorAverage(1.0)
  with pytest.raises(ValueError, match='start must be an int >= 0'):
    GeneratorAverage(0.9, start=-1)

  class Subclassed(K.Model):

    def __init__(self):
      super().__init__()
      self.dense = K.layers.Dense(3)

    def call(self, inputs):
      return self.dense(inputs)

  subclassed = Subclassed()
  subclassed(tf.zeros([1, 2]))
  odd = tfk.GANModel(subclassed, gan.discriminator)
  with pytest.raises(ValueError, match='clone_model'):
    odd.compile(*opts(), addons=[GeneratorAverage(0.9)])


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_callbacks_can_report_the_raw_generator_too(flavour, tmp_path):
  K = lib.keras_package(flavour)
  gan = _image_gan(K, addons=[GeneratorAverage(0.5)])
  noise = np.random.default_rng(0).normal(size=(4, 4)).astype(np.float32)
  real = np.random.default_rng(1).uniform(size=(16, 4, 4, 1)).astype(
      np.float32)
  features = lambda images: np.reshape(images, (len(images), -1))[:, :3]
  distance = tfk.FrechetDistance(features, noise, real_data=real,
                                 raw_too=True)
  grid = tfk.SampleGrid(noise, str(tmp_path), raw_too=True)
  history = gan.fit(_images(1), epochs=1, verbose=0,
                    callbacks=[distance, grid])
  assert set(history.history) >= {'frechet_distance', 'frechet_distance_raw'}
  assert [p.rsplit('/', 1)[-1] for p in grid.written] == [
      'epoch_0001.png', 'epoch_0001_raw.png']
