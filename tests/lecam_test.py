# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""tfgan_ext.addons.LeCam: LeCam's anchors in a TF-1 graph, against NumPy.

A GANModel whose discriminator outputs are placeholders: each session run of
the discriminator's update ops (what its train op runs) is one discriminator
step; evaluating the loss alone must move nothing. After each run the
anchors must follow google/lecam-gan's moving-average rule over the fed
batch means, and the loss must equal the base loss plus weight times the
penalty (mean(relu(D(x) - a_G)^2) + mean(relu(a_R - D(G(z)))^2)) against the
moved anchors.
"""

import numpy as np
import pytest
import tensorflow as tf
import tensorflow_gan as tfgan

import tfgan_ext

_v1 = tf.compat.v1


def _model(real, gen, scope):
  fields = dict.fromkeys(tfgan.GANModel._fields)
  fields.update(discriminator_real_outputs=real, discriminator_gen_outputs=gen,
                discriminator_scope=scope)
  return tfgan.GANModel(**fields)


def test_anchors_and_loss_follow_the_reference():
  weight, decay, start = 0.3, 0.8, 2
  lecam = tfgan_ext.addons.LeCam(weight, decay, start)
  rng = np.random.default_rng(3)
  with tf.Graph().as_default():
    real = _v1.placeholder(tf.float32, [4, 1])
    gen = _v1.placeholder(tf.float32, [4, 1])
    with _v1.variable_scope('Discriminator') as scope:
      pass
    model = _model(real, gen, scope)
    base = tfgan_ext.losses.hinge_discriminator_loss
    loss = lecam.with_penalty(base)(model, add_summaries=True)
    base_loss = base(model)
    # The anchors' update is the discriminator's (what gan_train_ops runs).
    update = _v1.get_collection(_v1.GraphKeys.UPDATE_OPS, 'Discriminator')
    assert len(update) == 1
    state = lecam.state()
    assert lecam.state() is state  # One set of variables per graph.
    names = sorted(op.name for op in _v1.get_collection(
        _v1.GraphKeys.SUMMARIES))
    assert any('lecam_penalty' in n for n in names)
    with _v1.Session() as sess:
      sess.run(_v1.global_variables_initializer())
      a_r = a_g = 0.0
      for step in range(5):
        r = rng.normal(size=(4, 1)).astype(np.float32)
        g = rng.normal(size=(4, 1)).astype(np.float32) - 0.5
        # The loss alone (a summary's evaluation) moves nothing.
        sess.run(loss, {real: r, gen: g})
        got, got_base, _ = sess.run([loss, base_loss, update],
                                    {real: r, gen: g})
        if step < start:
          a_r, a_g = r.mean(), g.mean()
        else:
          a_r = decay * a_r + (1 - decay) * r.mean()
          a_g = decay * a_g + (1 - decay) * g.mean()
        penalty = (np.mean(np.maximum(r - a_g, 0) ** 2) +
                   np.mean(np.maximum(a_r - g, 0) ** 2))
        np.testing.assert_allclose(got, got_base + weight * penalty,
                                   rtol=1e-5)
        values = sess.run(state)
        np.testing.assert_allclose(values['real_anchor'], a_r, rtol=1e-5)
        np.testing.assert_allclose(values['generated_anchor'], a_g,
                                   rtol=1e-5)
        assert values['steps'] == step + 1


def test_a_model_without_discriminator_scope_is_refused():
  with tf.Graph().as_default():
    model = _model(tf.zeros([2, 1]), tf.zeros([2, 1]), None)
    with pytest.raises(ValueError, match='discriminator_scope'):
      tfgan_ext.addons.LeCam().penalty(model)


def test_bad_settings_are_refused():
  for kwargs, match in (({'weight': 0.0}, 'weight'),
                        ({'decay': 1.0}, 'decay'),
                        ({'start': -1}, 'start'),
                        ({'start': 1.5}, 'start')):
    with pytest.raises(ValueError, match=match):
      tfgan_ext.addons.LeCam(**kwargs)
