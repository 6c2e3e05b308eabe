# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""tfgan_ext.addons.GeneratorAverage: the generator's moving average in TF-GAN.

`AveragingOptimizer` (what `GeneratorAverage.for_tfgan` wraps the
generator's optimizer in) against the rule of its module docstring, and a
`tfgan.gan_train` run whose checkpoint restores the averages.
"""

import numpy as np
import pytest
import tensorflow as tf
import tensorflow_gan as tfgan

import tfgan_ext
from tfgan_ext import addons

_v1 = tf.compat.v1


def _reference(weights, decay, start):
  """The average after each update, in closed form.

  Unrolling the rule of the module docstring: with s0 = max(start, 1), the
  average after update k >= s0 is
    decay^(k - s0) w_s0 + sum_{i = s0 + 1..k} (1 - decay) decay^(k - i) w_i
  (and w_k itself for k < s0).
  """
  s0 = max(start, 1)
  averages = []
  for k in range(1, len(weights) + 1):
    if k < s0:
      averages.append(weights[k - 1])
      continue
    total = decay ** (k - s0) * weights[s0 - 1]
    for i in range(s0 + 1, k + 1):
      total = total + (1 - decay) * decay ** (k - i) * weights[i - 1]
    averages.append(total)
  return averages


@pytest.mark.parametrize('decay,start', [(0.5, 0), (0.9, 0), (0.5, 3),
                                         (0.0, 0)])
def test_average_equals_its_formula_after_each_update(decay, start):
  with tf.Graph().as_default():
    w = _v1.get_variable('w', initializer=[1.0, -2.0], use_resource=True)
    loss = tf.reduce_sum(w * tf.constant([3.0, 1.0]))
    optimizer = addons.AveragingOptimizer(
        _v1.train.GradientDescentOptimizer(0.1), decay, start)
    train = optimizer.minimize(loss, var_list=[w])
    with _v1.Session() as sess:
      sess.run(_v1.global_variables_initializer())
      weights, averages = [], []
      for _ in range(6):
        sess.run(train)
        weights.append(sess.run(w))
        averages.append(sess.run(optimizer.average.average(w)))
  np.testing.assert_allclose(averages, _reference(weights, decay, start),
                             rtol=1e-6)
  # The trained weights are plain gradient descent: never the average.
  np.testing.assert_allclose(weights[-1], [1.0 - 6 * 0.3, -2.0 - 6 * 0.1],
                             rtol=1e-6)


def test_bad_settings_raise():
  sgd = _v1.train.GradientDescentOptimizer(0.1)
  with pytest.raises(ValueError, match=r'decay must be in \[0, 1\)'):
    addons.AveragingOptimizer(sgd, 1.0)
  with pytest.raises(ValueError, match='start must be an int >= 0'):
    addons.AveragingOptimizer(sgd, 0.9, start=-1)


def test_gan_train_saves_averages_that_restore_into_the_generator(tmp_path):
  layers = _v1.layers
  with tf.Graph().as_default():
    _v1.set_random_seed(0)
    model = tfgan.gan_model(
        generator_fn=lambda z: layers.dense(z, 2, name='out'),
        discriminator_fn=lambda x, unused: layers.dense(x, 1, name='logit'),
        real_data=tf.random.normal([8, 2]),
        generator_inputs=tf.random.normal([8, 3]))
    pair = tfgan_ext.losses.get('hinge')
    loss = tfgan.gan_loss(model, **pair._asdict())
    parts = addons.GeneratorAverage(0.5).for_tfgan(addons.GANParts(
        None, None, pair.generator_loss_fn, pair.discriminator_loss_fn,
        _v1.train.AdamOptimizer(1e-2), _v1.train.AdamOptimizer(1e-2)))
    assert isinstance(parts.generator_optimizer, addons.AveragingOptimizer)
    train_ops = tfgan.gan_train_ops(
        model, loss, generator_optimizer=parts.generator_optimizer,
        discriminator_optimizer=parts.discriminator_optimizer)
    tfgan.gan_train(train_ops, str(tmp_path),
                    hooks=[_v1.train.StopAtStepHook(num_steps=5)],
                    save_summaries_steps=None)
    generator_variables = model.generator_variables
  checkpoint = tf.train.latest_checkpoint(str(tmp_path))
  reader = tf.train.load_checkpoint(checkpoint)
  assert addons.has_averages(checkpoint, generator_variables)
  kernel = reader.get_tensor('Generator/out/kernel')
  average = reader.get_tensor('Generator/out/kernel/ExponentialMovingAverage')
  assert not np.allclose(kernel, average)
  with tf.Graph().as_default():
    with _v1.variable_scope('Generator'):
      layers.dense(tf.zeros([1, 3]), 2, name='out')
    variables = _v1.trainable_variables('Generator')
    saver = _v1.train.Saver(addons.averages_to_restore(variables))
    with _v1.Session() as sess:
      saver.restore(sess, checkpoint)
      restored = sess.run(variables[0])
  np.testing.assert_array_equal(restored, average)
