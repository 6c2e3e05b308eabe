# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""with_penalty: penalties attached to discriminator losses, lazily or not."""

import inspect

import numpy as np
import pytest
import tensorflow as tf

from tfgan_ext import losses as tfgan_ext_losses

import losses_testlib as lib

rng = np.random.RandomState(3)
REAL = rng.normal(size=(4, 6)).astype(np.float32)
GEN = rng.normal(size=(4, 6)).astype(np.float32)
W = rng.normal(size=(6, 1)).astype(np.float32)
R1_CLOSED_FORM = float(np.sum(W.astype(np.float64) ** 2))  # D(x) = x.w


def _linear(x, unused_inputs):
  return tf.matmul(x, W)


def _model():
  return lib.fake_model(
      real_data=tf.constant(REAL), generated_data=tf.constant(GEN),
      discriminator_fn=_linear,
      discriminator_real_outputs=_linear(REAL, None),
      discriminator_gen_outputs=_linear(GEN, None))


def _hinge_value():
  return lib.SPECS['hinge'].discriminator(
      REAL.astype(np.float64) @ W, GEN.astype(np.float64) @ W, 1.0, 1.0,
      lib.Reduction.SUM_BY_NONZERO_WEIGHTS)


def test_every_step_adds_weight_times_penalty():
  loss_fn = tfgan_ext_losses.with_penalty(
      tfgan_ext_losses.hinge_discriminator_loss, 'r1', weight=5.0)
  np.testing.assert_allclose(loss_fn(_model()).numpy(),
                             _hinge_value() + 5.0 * R1_CLOSED_FORM, rtol=1e-5)
  assert loss_fn.__name__ == 'hinge_discriminator_loss_with_r1_penalty'
  assert list(inspect.signature(loss_fn).parameters) == ['gan_model',
                                                         'kwargs']


@pytest.mark.parametrize('step,active', [(0, True), (1, False), (2, False),
                                         (3, True), (6, True)])
def test_lazy_penalty_applies_every_k_steps_with_weight_times_k(step, active):
  # StyleGAN2's lazy regularization: k = 3, weight 5 -> 15 on active steps.
  def build():
    loss_fn = tfgan_ext_losses.with_penalty(
        tfgan_ext_losses.hinge_discriminator_loss,
        tfgan_ext_losses.r1_penalty, weight=5.0, every=3)
    loss = loss_fn(_model())
    set_step = tf.compat.v1.assign(
        tf.compat.v1.train.get_or_create_global_step(), step)
    return set_step, loss
  graph = tf.Graph()
  with graph.as_default():
    set_step, loss = build()
    with tf.compat.v1.Session() as sess:
      sess.run(tf.compat.v1.global_variables_initializer())
      sess.run(set_step)
      value = sess.run(loss)
  want = _hinge_value() + (15.0 * R1_CLOSED_FORM if active else 0.0)
  np.testing.assert_allclose(value, want, rtol=1e-5)


def test_lazy_penalty_in_eager_mode():
  loss_fn = tfgan_ext_losses.with_penalty(
      tfgan_ext_losses.hinge_discriminator_loss, 'r1', weight=1.0, every=2)
  step = tf.compat.v1.train.get_or_create_global_step()
  step.assign(4)
  np.testing.assert_allclose(loss_fn(_model()).numpy(),
                             _hinge_value() + 2 * R1_CLOSED_FORM, rtol=1e-5)
  step.assign(5)
  np.testing.assert_allclose(loss_fn(_model()).numpy(), _hinge_value(),
                             rtol=1e-5)
  step.assign(0)


def test_penalty_is_computed_only_inside_the_cond():
  # With every > 1 the penalty's gradient ops live in the tf.cond branch:
  # no gradient op outside it references the discriminator input.
  with tf.Graph().as_default() as graph:
    loss_fn = tfgan_ext_losses.with_penalty(
        tfgan_ext_losses.hinge_discriminator_loss, 'r1', every=2)
    loss_fn(_model())
    types = {op.type for op in graph.get_operations()}
  assert types & {'StatelessIf', 'If'}
  # (The penalty's own scope is 'r1_penalty/'; the gate's is
  # 'r1_penalty_term/'.)
  assert not any('r1_penalty/' in op.name for op in graph.get_operations())
  assert not any('gradients' in op.name for op in graph.get_operations())


def test_collection_holds_loss_and_gated_term_once_each():
  with tf.Graph().as_default():
    loss_fn = tfgan_ext_losses.with_penalty(
        tfgan_ext_losses.hinge_discriminator_loss, 'r1', weight=2.0, every=2)
    total = loss_fn(_model(), add_summaries=True)
    collected = tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.LOSSES)
    summaries = tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.SUMMARIES)
    with tf.compat.v1.Session() as sess:
      sess.run(tf.compat.v1.global_variables_initializer())
      total_value, collected_values = sess.run([total, collected])
  assert len(collected_values) == 2
  np.testing.assert_allclose(sum(collected_values), total_value, rtol=1e-6)
  assert any('r1_penalty_term' in s.name for s in summaries)


def test_no_penalty_is_the_null_object():
  for penalty in (tfgan_ext_losses.no_penalty, 'none', None):
    loss_fn = tfgan_ext_losses.with_penalty(
        tfgan_ext_losses.hinge_discriminator_loss, penalty, weight=9.0,
        every=4)
    np.testing.assert_allclose(loss_fn(_model()).numpy(), _hinge_value(),
                               rtol=1e-6)
  assert tfgan_ext_losses.get_penalty('none') is tfgan_ext_losses.no_penalty
  assert tfgan_ext_losses.get_penalty(
      'wgan_gp') is tfgan_ext_losses.wasserstein_gradient_penalty


def test_keyword_arguments_reach_the_loss():
  loss_fn = tfgan_ext_losses.with_penalty(
      tfgan_ext_losses.hinge_discriminator_loss, 'r1', weight=0.0)
  got = loss_fn(_model(), real_margin=0.0, generated_margin=0.0)
  # Margins 0: E[max(0, -D(x))] + E[max(0, D(G(z)))].
  np.testing.assert_allclose(
      got.numpy(),
      np.mean(np.maximum(-(REAL @ W), 0)) + np.mean(np.maximum(GEN @ W, 0)),
      rtol=1e-5)
  with pytest.raises(TypeError, match='real_margn'):
    loss_fn(_model(), real_margn=0.0)


def test_loss_without_kwargs_still_gets_what_it_takes():
  # gan_loss passes reduction / add_summaries; a user loss taking neither
  # still works (they are dropped for it, as gan_loss itself does); the
  # penalty gets `reduction`: SUM over the 4 examples is 4 x the mean.
  def plain_loss(gan_model):
    return tf.reduce_mean(gan_model.discriminator_gen_outputs)
  loss_fn = tfgan_ext_losses.with_penalty(plain_loss, 'r1', weight=1.0)
  got = loss_fn(_model(), reduction=lib.Reduction.SUM, add_summaries=False)
  np.testing.assert_allclose(got.numpy(),
                             np.mean(GEN @ W) + 4 * R1_CLOSED_FORM, rtol=1e-5)


@pytest.mark.parametrize('every,error', [(0, ValueError), (1.5, TypeError),
                                         (True, TypeError)])
def test_bad_every(every, error):
  with pytest.raises(error, match='every'):
    tfgan_ext_losses.with_penalty(tfgan_ext_losses.hinge_discriminator_loss,
                                  'r1', every=every)


def test_bad_names():
  with pytest.raises(ValueError, match='valid names: dragan, r1, r2'):
    tfgan_ext_losses.with_penalty(tfgan_ext_losses.hinge_discriminator_loss,
                                  'gp')
  with pytest.raises(TypeError, match='discriminator_loss_fn'):
    tfgan_ext_losses.with_penalty('hinge', 'r1')


@pytest.mark.parametrize('every', [1, 2])
def test_inside_tf_function(every):
  # The global step must exist before tracing (variables cannot be created
  # on a retrace); here it is created eagerly first, then set to an odd
  # step, where every=2 switches the penalty off.
  step = tf.compat.v1.train.get_or_create_global_step()
  step.assign(1)
  loss_fn = tfgan_ext_losses.with_penalty(
      tfgan_ext_losses.hinge_discriminator_loss, 'r1', weight=2.0,
      every=every)
  got = tf.function(lambda: loss_fn(_model()))().numpy()
  step.assign(0)
  want = _hinge_value() + (2.0 * R1_CLOSED_FORM if every == 1 else 0.0)
  np.testing.assert_allclose(got, want, rtol=1e-5)


@pytest.mark.parametrize('every', [1, 2])
def test_per_example_losses_keep_their_shape(every):
  # reduction=NONE: the hinge loss is [4, 1] and R1 is [4]; the sum must be
  # [4, 1] (not a broadcast [4, 4]). Global step 0: the penalty is on.
  def build():
    loss_fn = tfgan_ext_losses.with_penalty(
        tfgan_ext_losses.hinge_discriminator_loss, 'r1', weight=0.5,
        every=every)
    return loss_fn(_model(), reduction=lib.Reduction.NONE)
  got = lib.graph_value(build)
  hinge = lib.SPECS['hinge'].discriminator(
      REAL.astype(np.float64) @ W, GEN.astype(np.float64) @ W, 1.0, 1.0,
      lib.Reduction.NONE)
  assert got.shape == (4, 1)
  np.testing.assert_allclose(got, hinge + 0.5 * every * R1_CLOSED_FORM,
                             rtol=1e-5)
