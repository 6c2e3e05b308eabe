# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""LeCam regularization: the penalty and its anchors against NumPy.

The reference is written here from the authors' code (google/lecam-gan,
`lecam_reg` and `ema_losses`): mean(relu(D(x) - a_G)^2) +
mean(relu(a_R - D(G(z)))^2), each side weighted and reduced as TF-GAN's
losses are (`losses_testlib.reduce`), and a <- decay * a + (1 - decay) *
mean(D) from step `start` on.
"""

import numpy as np
import pytest
import tensorflow as tf

import tfgan_ext
from tfgan_ext.losses import wargs

import losses_testlib as lib

rng = np.random.RandomState(7)
REAL = rng.normal(scale=2.0, size=(6, 1)).astype(np.float32)
GEN = rng.normal(scale=2.0, size=(6, 1)).astype(np.float32)
A_R, A_G = 0.4, -0.3  # Anchors: some outputs are beyond them, some not.
PER_EXAMPLE = np.array([[0.5], [0.0], [2.0], [1.0], [0.0], [3.0]], np.float32)


def _reference(real, gen, a_r, a_g, rw=1.0, gw=1.0,
               reduction=lib.Reduction.SUM_BY_NONZERO_WEIGHTS):
  real, gen = np.float64(real), np.float64(gen)
  return (lib.reduce(lib.relu(real - a_g) ** 2, rw, reduction) +
          lib.reduce(lib.relu(a_r - gen) ** 2, gw, reduction))


def test_both_sides_are_active_in_the_data():
  # Otherwise a relu on the wrong side could pass unnoticed.
  assert 0 < np.sum(REAL > A_G) < len(REAL)
  assert 0 < np.sum(GEN < A_R) < len(GEN)


@pytest.mark.parametrize('reduction', lib.REDUCTIONS)
@pytest.mark.parametrize('weights', ['scalar', 'per_example', 'zero'])
def test_matches_reference(reduction, weights):
  rw, gw = {'scalar': (0.7, 1.3), 'zero': (0.0, 0.0),
            'per_example': (PER_EXAMPLE, PER_EXAMPLE[::-1].copy())}[weights]
  got = wargs.lecam_penalty(REAL, GEN, A_R, A_G, real_weights=rw,
                            generated_weights=gw, reduction=reduction)
  np.testing.assert_allclose(got, _reference(REAL, GEN, A_R, A_G, rw, gw,
                                             reduction), rtol=1e-5, atol=1e-6)


def test_graph_eager_tf_function_and_tuple_form_agree():
  want = _reference(REAL, GEN, A_R, A_G)
  eager = wargs.lecam_penalty(REAL, GEN, A_R, A_G)
  traced = tf.function(wargs.lecam_penalty)(REAL, GEN, A_R, A_G)
  graph = lib.graph_value(lambda: wargs.lecam_penalty(
      tf.constant(REAL), tf.constant(GEN), tf.constant(A_R),
      tf.constant(A_G)))
  model = lib.fake_model(discriminator_real_outputs=tf.constant(REAL),
                         discriminator_gen_outputs=tf.constant(GEN))
  tuple_form = tfgan_ext.losses.lecam_penalty(model, A_R, A_G)
  for value in (eager, traced, graph, tuple_form):
    np.testing.assert_allclose(value, want, rtol=1e-5)


def test_gradient_reaches_the_outputs_not_the_anchors():
  real, gen = tf.constant(REAL), tf.constant(GEN)
  a_r, a_g = tf.constant(A_R), tf.constant(A_G)
  with tf.GradientTape() as tape:
    tape.watch([real, gen, a_r, a_g])
    value = wargs.lecam_penalty(real, gen, a_r, a_g,
                                reduction=lib.Reduction.SUM)
  d_real, d_gen, d_ar, d_ag = tape.gradient(value, [real, gen, a_r, a_g])
  np.testing.assert_allclose(d_real, 2 * np.maximum(REAL - A_G, 0), rtol=1e-5)
  np.testing.assert_allclose(d_gen, -2 * np.maximum(A_R - GEN, 0), rtol=1e-5)
  assert d_ar is None and d_ag is None


def test_collection_summaries_and_float16():
  with tf.Graph().as_default():
    wargs.lecam_penalty(tf.constant(REAL, tf.float16),
                        tf.constant(GEN, tf.float16), A_R, A_G,
                        add_summaries=True)
    assert len(tf.compat.v1.losses.get_losses()) == 1
    assert tf.compat.v1.losses.get_losses()[0].dtype == tf.float32
    assert tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.SUMMARIES)


def test_errors():
  with pytest.raises(TypeError, match='discriminator_real_outputs'):
    wargs.lecam_penalty(np.ones((6, 1), np.int32), GEN, A_R, A_G)
  with pytest.raises(TypeError, match='real_anchor'):
    wargs.lecam_penalty(REAL, GEN, 1, A_G)
  with pytest.raises(ValueError, match='generated_anchor.*scalar'):
    wargs.lecam_penalty(REAL, GEN, A_R, np.zeros(3, np.float32))
  with pytest.raises(ValueError, match='shape'):
    wargs.lecam_penalty(REAL, GEN[:, :0], A_R, A_G,
                        reduction=lib.Reduction.NONE)
  with pytest.raises(ValueError, match=r'decay must be in \[0, 1\)'):
    wargs.lecam_moving_average(0.0, 1.0, 1.0, 0)


def test_moving_average_follows_the_authors_rule():
  # a_0 = 0; before `start` the anchor is the batch mean, then the average.
  decay, start, means = 0.9, 2, [1.0, -2.0, 3.0, 0.5, 4.0]
  anchor, want = 0.0, 0.0
  for step, mean in enumerate(means):
    anchor = wargs.lecam_moving_average(anchor, mean, decay, step, start)
    want = mean if step < start else decay * want + (1 - decay) * mean
    np.testing.assert_allclose(anchor, want, rtol=1e-6)
