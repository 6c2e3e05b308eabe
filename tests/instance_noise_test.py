# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""tfgan_ext.addons.InstanceNoise: the annealed schedule, both trainers.

The schedule's reference is the formula of Sønderby et al. 2016 as
implemented here (linear annealing), sigma_t = stddev * max(0, 1 - t / T),
written in NumPy below. The noise itself is checked by its moments on many
samples (a standard deviation within 3% at 40,000 draws: the standard error
of a sample standard deviation is sigma / sqrt(2n) = 0.35% of sigma) and by
being exactly zero once annealed.
"""

import numpy as np
import pytest
import tensorflow as tf
import tensorflow_gan as tfgan

from examples.digits import train_lib as digits_train
from examples.toy2d import train_lib as toy2d_train
from tfgan_ext import addons

_v1 = tf.compat.v1


def _reference_stddev(stddev, anneal_steps, step):
  return stddev * max(0.0, 1.0 - step / anneal_steps)


@pytest.mark.parametrize('step', [0, 1, 250, 999, 1000, 5000])
def test_schedule_anneals_linearly_to_zero(step):
  noise = addons.InstanceNoise(stddev=0.3, anneal_steps=1000)
  np.testing.assert_allclose(noise.stddev_at(step).numpy(),
                             _reference_stddev(0.3, 1000, step), atol=1e-7)


def test_noise_has_the_schedules_stddev_then_vanishes():
  noise = addons.InstanceNoise(stddev=0.5, anneal_steps=10)
  data = tf.zeros([200, 200])
  for step, want in ((0, 0.5), (5, 0.25)):
    got = noise.noisy(data, step).numpy()
    assert abs(got.mean()) < 0.03 * want
    assert abs(got.std() - want) < 0.03 * want
  data = tf.random.normal([50, 7])
  for step in (10, 11, 1000):  # Annealed: the data exactly.
    np.testing.assert_array_equal(noise.noisy(data, step).numpy(),
                                  data.numpy())


@pytest.mark.parametrize('kwargs, error', [
    (dict(stddev=0.0), ValueError), (dict(stddev=-1.0), ValueError),
    (dict(stddev=float('nan')), ValueError), (dict(stddev=True), ValueError),
    (dict(anneal_steps=0), ValueError), (dict(anneal_steps=2.5), TypeError),
])
def test_bad_settings_are_clear_errors(kwargs, error):
  with pytest.raises(error, match='InstanceNoise'):
    addons.InstanceNoise(**kwargs)


def _identity_discriminator(data, unused_inputs):
  # A variable, so the discriminator has a scope as tfgan.gan_model needs.
  _v1.get_variable('unused', initializer=0.0)
  return data


def test_tfgan_discriminator_sees_annealed_noise():
  noise = addons.InstanceNoise(stddev=0.4, anneal_steps=4)
  with tf.Graph().as_default():
    parts = noise.for_tfgan(addons.GANParts(
        lambda z: z, _identity_discriminator, None, None))
    real = tf.zeros([100, 100])
    model = tfgan.gan_model(parts.generator_fn, parts.discriminator_fn,
                            real_data=real, generator_inputs=real)
    step = _v1.train.get_global_step()
    assert step.op.name == 'global_step'  # Not under Discriminator/.
    summaries = [s.op.name for s in _v1.get_collection(
        _v1.GraphKeys.SUMMARIES)]
    assert summaries == ['instance_noise_stddev']  # Once per graph.
    with _v1.Session() as sess:
      sess.run(_v1.global_variables_initializer())
      for t in (0, 2, 4, 7):
        sess.run(step.assign(t))
        seen = sess.run(model.discriminator_real_outputs)
        want = _reference_stddev(0.4, 4, t)
        assert abs(seen.std() - want) <= 0.03 * want + 1e-7, (t, seen.std())


def test_keras_step_anneals_and_logs_the_stddev():
  import keras  # pylint: disable=g-import-not-at-top
  import tfgan_ext.keras as tfk  # pylint: disable=g-import-not-at-top
  generator = keras.Sequential([keras.Input((2,)), keras.layers.Dense(3)])
  discriminator = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
  gan = tfk.GANModel(generator, discriminator)
  gan.compile(keras.optimizers.SGD(0.01), keras.optimizers.SGD(0.01),
              addons=[addons.InstanceNoise(stddev=0.2, anneal_steps=3)])
  rng = np.random.default_rng(0)
  data = tf.data.Dataset.from_tensor_slices((
      rng.normal(size=(8, 2)).astype(np.float32),
      rng.normal(size=(8, 3)).astype(np.float32))).batch(4).repeat()
  history = gan.fit(data, epochs=4, steps_per_epoch=1, verbose=0)
  # Epoch e runs train step e (0-based). Its generator step sees t = e; its
  # discriminator step, which follows the generator's update, t = e + 1,
  # and that is what is logged: sigma = 0.2 * (1 - (e + 1) / 3).
  np.testing.assert_allclose(
      history.history['instance_noise_stddev'],
      [_reference_stddev(0.2, 3, e + 1) for e in range(4)], atol=1e-6)
  part = gan._parts[0]  # pylint: disable=protected-access
  x = tf.ones([5, 3])
  np.testing.assert_array_equal(part.discriminator_input(x).numpy(),
                                x.numpy())  # iterations == 4 >= 3.


@pytest.mark.parametrize('train_lib', [toy2d_train, digits_train])
def test_the_examples_flags_make_the_add_on(train_lib):
  hparams = train_lib.HParams(instance_noise_stddev=0.1,
                              max_number_of_steps=700)
  assert addons.InstanceNoise(0.1, 700) in train_lib.addons(hparams)
  hparams = hparams._replace(instance_noise_anneal_steps=300)
  assert addons.InstanceNoise(0.1, 300) in train_lib.addons(hparams)
  assert not any(isinstance(a, addons.InstanceNoise)
                 for a in train_lib.addons(train_lib.HParams()))
