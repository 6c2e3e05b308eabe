# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Top-k training's generator loss, mask and schedule against NumPy.

The reference is written here from Sinha et al. 2020 (arXiv:2002.06224,
Algorithm 1): keep the k = max(floor(gamma^epoch B), floor(nu B)) generated
examples with the highest D output (ties: the earlier example), and average
the generator loss over them; the generator losses' own references are
`losses_testlib.SPECS`, reduced as TF-GAN reduces (`losses_testlib.reduce`)
with the mask times the weights. The global-batch selection under
tf.distribute is tested in losses_global_batch_test.py.
"""

import numpy as np
import pytest
import tensorflow as tf

import tfgan_ext
from tfgan_ext.losses import wargs

import losses_testlib as lib

rng = np.random.RandomState(11)
GEN = rng.normal(scale=2.0, size=(7, 1)).astype(np.float32)
PER_EXAMPLE = np.array([[0.5], [0.0], [2.0], [1.0], [1.5], [3.0], [0.25]],
                       np.float32)
RESTRICTABLE = ('hinge', 'least_squares', 'lsgan', 'minimax', 'modified',
                'wasserstein', 'wasserstein_hinge')


def _mask(scores, fraction):
  k = max(1, int(np.floor(np.float32(fraction) * np.float32(len(scores)))))
  order = np.lexsort((np.arange(len(scores)), -scores))
  mask = np.zeros(len(scores))
  mask[order[:k]] = 1.0
  return mask


def _reference(name, gen, fraction, weights=1.0,
               reduction=lib.Reduction.SUM_BY_NONZERO_WEIGHTS):
  mask = _mask(gen.reshape(len(gen), -1).mean(axis=1), fraction)
  mask = mask.reshape((-1,) + (1,) * (gen.ndim - 1))
  weights = np.broadcast_to(np.asarray(weights, np.float64), gen.shape)
  return lib.SPECS[name].generator(None, np.float64(gen), None,
                                   weights * mask, reduction)


@pytest.mark.parametrize('fraction', [1.0, 0.5, 0.3, 0.01])
def test_mask_keeps_the_best_k(fraction):
  got = wargs.top_k_mask(GEN, fraction)
  assert got.shape == (7, 1)
  np.testing.assert_array_equal(np.ravel(got), _mask(GEN[:, 0], fraction))


def test_mask_ties_keep_the_earlier_example_and_scores_are_means():
  outputs = np.array([1.0, 3.0, 1.0, 3.0, 0.0, 1.0], np.float32)
  np.testing.assert_array_equal(wargs.top_k_mask(outputs, 0.5),
                                [1, 1, 0, 1, 0, 0])
  # [batch, 2, 2] outputs: an example's score is the mean of its outputs.
  patches = rng.normal(size=(6, 2, 2)).astype(np.float32)
  got = wargs.top_k_mask(patches, 0.5)
  assert got.shape == (6, 1, 1)
  np.testing.assert_array_equal(
      np.ravel(got), _mask(patches.reshape(6, -1).mean(axis=1), 0.5))


@pytest.mark.parametrize('reduction', lib.REDUCTIONS)
@pytest.mark.parametrize('weights', ['scalar', 'per_example'])
@pytest.mark.parametrize('name', RESTRICTABLE)
def test_matches_reference(name, weights, reduction):
  w = {'scalar': 0.7, 'per_example': PER_EXAMPLE}[weights]
  pair = tfgan_ext.losses.registry.argument_style(name)
  got = wargs.top_k_generator_loss(GEN, 0.5, generator_loss_fn=pair[0],
                                   weights=w, reduction=reduction)
  np.testing.assert_allclose(got, _reference(name, GEN, 0.5, w, reduction),
                             rtol=1e-5, atol=1e-6)


def test_default_is_the_mean_non_saturating_loss_over_the_kept():
  mask = _mask(GEN[:, 0], 0.5)
  want = np.sum(mask * lib.xent(np.float64(GEN[:, 0]), 1.0)) / mask.sum()
  np.testing.assert_allclose(wargs.top_k_generator_loss(GEN, 0.5), want,
                             rtol=1e-5)


def test_graph_eager_tf_function_and_tuple_form_agree():
  hinge = wargs.hinge_generator_loss
  want = _reference('hinge', GEN, 0.5)
  eager = wargs.top_k_generator_loss(GEN, 0.5, generator_loss_fn=hinge)
  traced = tf.function(lambda g, f: wargs.top_k_generator_loss(
      g, f, generator_loss_fn=hinge))(GEN, tf.constant(0.5))
  graph = lib.graph_value(lambda: wargs.top_k_generator_loss(
      tf.constant(GEN), tf.constant(0.5), generator_loss_fn=hinge))
  model = lib.fake_model(discriminator_gen_outputs=tf.constant(GEN))
  # The GANModel-style form, given a GANModel-style generator loss.
  tuple_form = tfgan_ext.losses.top_k_generator_loss(
      model, 0.5, generator_loss_fn=tfgan_ext.losses.hinge_generator_loss)
  for value in (eager, traced, graph, tuple_form):
    np.testing.assert_allclose(value, want, rtol=1e-5)


def test_gradient_reaches_only_the_kept_examples():
  gen = tf.constant(GEN)
  with tf.GradientTape() as tape:
    tape.watch(gen)
    value = wargs.top_k_generator_loss(
        gen, 0.5, generator_loss_fn=wargs.hinge_generator_loss,
        reduction=lib.Reduction.SUM)
  # d(-sum_kept D)/dD = -1 on the kept examples, 0 elsewhere.
  np.testing.assert_array_equal(tape.gradient(value, gen)[:, 0],
                                -_mask(GEN[:, 0], 0.5))


@pytest.mark.parametrize('epoch', [0, 1, 5, 68, 69, 500])
def test_fraction_schedule(epoch):
  # max(gamma^epoch, nu): 0.99^68 = 0.505 > 0.5 > 0.99^69 = 0.4998.
  np.testing.assert_allclose(wargs.top_k_fraction(epoch),
                             max(0.99 ** epoch, 0.5), rtol=1e-5)
  np.testing.assert_allclose(
      wargs.top_k_fraction(tf.constant(epoch, tf.int64), 0.9, 0.25),
      max(0.9 ** epoch, 0.25), rtol=1e-5)


def test_collection_and_float16():
  with tf.Graph().as_default():
    wargs.top_k_generator_loss(tf.constant(GEN, tf.float16), 0.5,
                               add_summaries=True)
    assert len(tf.compat.v1.losses.get_losses()) == 1
    assert tf.compat.v1.losses.get_losses()[0].dtype == tf.float32


def test_registered_losses_that_can_be_restricted():
  # The error message's list is RESTRICTABLE: keep both in step with the
  # registry.
  from tfgan_ext.losses import top_k_impl  # pylint: disable=g-import-not-at-top
  for name in tfgan_ext.losses.names():
    fn = tfgan_ext.losses.get(name).generator_loss_fn
    if name in RESTRICTABLE:
      assert top_k_impl.restrictable(fn) is fn.args_loss_fn
    else:
      with pytest.raises(ValueError) as error:
        top_k_impl.restrictable(fn)
      assert '(%s)' % ', '.join(RESTRICTABLE) in str(error.value)


def test_errors():
  with pytest.raises(ValueError, match='hinge, least_squares.*'
                     'relativistic_generator_loss is not one'):
    wargs.top_k_generator_loss(
        GEN, 0.5, generator_loss_fn=wargs.relativistic_generator_loss)
  with pytest.raises(TypeError, match='discriminator_gen_outputs'):
    wargs.top_k_generator_loss(np.ones((4, 1), np.int32), 0.5)
  with pytest.raises(ValueError, match=r'fraction must be in \(0, 1\]'):
    wargs.top_k_mask(GEN, 0.0)
  with pytest.raises(ValueError, match=r'fraction must be in \(0, 1\]'):
    wargs.top_k_mask(GEN, 1.5)
  with pytest.raises(ValueError, match='batch dimension'):
    wargs.top_k_mask(np.float32(1.0), 0.5)
  with pytest.raises(ValueError, match='weights'):
    wargs.top_k_generator_loss(GEN, 0.5, weights=np.ones((3, 1), np.float32))
  with pytest.raises(ValueError, match=r'gamma must be a number in \(0, 1\]'):
    wargs.top_k_fraction(1, gamma=1.5)
  with pytest.raises(ValueError, match=r'nu must be a number in \(0, 1\]'):
    wargs.top_k_fraction(1, nu=0.0)
  with pytest.raises(ValueError, match='epoch must be >= 0'):
    wargs.top_k_fraction(-1)
