# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""tfgan_ext.addons.TopK: top-k training on the global step, against NumPy.

A GANModel whose generated-data outputs are a placeholder and whose global
step is set by hand: at each step the loss must be the hinge generator loss
(-mean D(G(z))) over the k = floor(max(gamma^(step // epoch_steps), nu) B)
best outputs (Sinha et al. 2020, Algorithm 1), and a three-step
`tfgan.gan_train` run through `tfgan.gan_loss` must train with it (joined
by `TopK.for_tfgan`).
"""

import numpy as np
import pytest
import tensorflow as tf
import tensorflow_gan as tfgan

import tfgan_ext

_v1 = tf.compat.v1


def _model(gen):
  fields = dict.fromkeys(tfgan.GANModel._fields)
  fields.update(discriminator_gen_outputs=gen)
  return tfgan.GANModel(**fields)


def test_loss_follows_the_schedule_on_the_global_step():
  gamma, nu, epoch_steps, batch = 0.5, 0.25, 3, 8
  top_k = tfgan_ext.addons.TopK(epoch_steps, gamma, nu)
  rng = np.random.default_rng(5)
  with tf.Graph().as_default():
    gen = _v1.placeholder(tf.float32, [batch, 1])
    step = _v1.train.get_or_create_global_step()
    loss_fn = top_k.generator_loss(tfgan_ext.losses.hinge_generator_loss)
    loss = loss_fn(_model(gen), add_summaries=True)
    assert loss_fn.__name__ == 'hinge_generator_loss_top_k'
    assert any('top_k_fraction' in op.name for op in
               _v1.get_collection(_v1.GraphKeys.SUMMARIES))
    with _v1.Session() as sess:
      sess.run(_v1.global_variables_initializer())
      seen = set()
      for value in (0, 2, 3, 5, 6, 9, 30):
        step.load(value, sess)
        g = rng.normal(size=(batch, 1)).astype(np.float32)
        k = int(np.floor(max(gamma ** (value // epoch_steps), nu) * batch))
        seen.add(k)
        want = -np.mean(np.sort(g[:, 0])[::-1][:k])
        np.testing.assert_allclose(sess.run(loss, {gen: g}), want, rtol=1e-5)
      assert seen == {8, 4, 2}


def test_gan_train_runs_with_top_k(tmp_path):
  with tf.Graph().as_default():
    _v1.set_random_seed(0)
    linear = lambda x, units: tf.matmul(x, _v1.get_variable(
        'w', [x.shape[1], units]))
    model = tfgan.gan_model(
        generator_fn=lambda z: linear(z, 2),
        discriminator_fn=lambda x, _: linear(x, 1),
        real_data=tf.random.normal([8, 2]),
        generator_inputs=tf.random.normal([8, 3]))
    # The add-on's own way into the loop: for_tfgan on the loop's parts.
    parts = tfgan_ext.addons.TopK(epoch_steps=1, gamma=0.5, nu=0.5).for_tfgan(
        tfgan_ext.addons.GANParts(
            None, None, tfgan_ext.losses.get('hinge').generator_loss_fn,
            tfgan_ext.losses.hinge_discriminator_loss))
    assert parts.generator_loss_fn.__name__ == 'hinge_generator_loss_top_k'
    loss = tfgan.gan_loss(
        model, generator_loss_fn=parts.generator_loss_fn,
        discriminator_loss_fn=parts.discriminator_loss_fn)
    train_ops = tfgan.gan_train_ops(model, loss, _v1.train.AdamOptimizer(0.1),
                                    _v1.train.AdamOptimizer(0.1))
    hooks = [_v1.train.StopAtStepHook(num_steps=3)]
    final = tfgan.gan_train(train_ops, str(tmp_path), hooks=hooks,
                            save_checkpoint_secs=None,
                            save_summaries_steps=None)
    assert np.isfinite(final)


def test_errors():
  with pytest.raises(ValueError, match='relativistic_generator_loss'):
    tfgan_ext.addons.TopK(10).generator_loss(
        tfgan_ext.losses.relativistic_generator_loss)
  with pytest.raises(ValueError, match='epoch_steps'):
    tfgan_ext.addons.TopK(0)
  with pytest.raises(TypeError, match='epoch_steps'):
    tfgan_ext.addons.TopK(1.5)
  with pytest.raises(ValueError, match='gamma'):
    tfgan_ext.addons.TopK(10, gamma=0.0)
  with pytest.raises(ValueError, match='nu'):
    tfgan_ext.addons.TopK(10, nu=1.5)
