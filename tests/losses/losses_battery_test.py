# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The shared battery, run on every registered loss pair (tuple style).

Each loss is compared with an independent NumPy reference
(losses_testlib.SPECS) under every weighting and reduction, in eager mode,
graph mode and inside tf.function; it also must add itself to the loss
collection once, add summaries when asked, stay finite (with finite
gradients) at logits of +-1e4, compute in float32 whatever the float input,
and reject integer inputs, mismatched shapes and unbroadcastable weights
with clear errors.
"""

import inspect

import numpy as np
import pytest
import tensorflow as tf

import tfgan_ext
from tfgan_ext import losses as tfgan_ext_losses

import losses_testlib as lib

Reduction = lib.Reduction
# Every pair: the registry's, and the one exported but not registered
# (energy-based: its D must be an energy).
PAIRS = dict(
    {name: tfgan_ext_losses.get(name) for name in tfgan_ext_losses.names()},
    energy_based=tfgan_ext_losses.LossPair(
        tfgan_ext_losses.energy_based_generator_loss,
        tfgan_ext_losses.energy_based_discriminator_loss))
NAMES = tuple(sorted(PAIRS))
SIDES = ('generator', 'discriminator')

rng = np.random.RandomState(1234)
REAL = rng.normal(scale=2.0, size=(6, 1)).astype(np.float32)
GEN = rng.normal(scale=2.0, size=(6, 1)).astype(np.float32)
PER_EXAMPLE = np.array([[0.5], [0.0], [2.0], [1.0], [0.0], [3.0]], np.float32)
WEIGHTS = {
    'scalar': (0.7, 1.3),
    'per_example': (PER_EXAMPLE, PER_EXAMPLE[::-1].copy()),
    'zero': (0.0, 0.0),
    'broadcast_row': (np.ones((1, 1), np.float32) * 2.0, 0.5),
}


def test_every_declared_pair_has_a_reference():
  # A pair declared without a reference would escape the battery.
  assert set(NAMES) == set(lib.SPECS)
  assert set(tfgan_ext_losses.names()) < set(NAMES)


def _fn(name, side):
  return getattr(PAIRS[name], side + '_loss_fn')


def _weight_kwargs(name, side, real_weights, generated_weights):
  return lib.weight_kwargs(lib.SPECS[name], side, real_weights,
                           generated_weights)


@pytest.mark.parametrize('side', SIDES)
@pytest.mark.parametrize('name', NAMES)
def test_weights_style_matches_the_reference(name, side):
  params = inspect.signature(_fn(name, side)).parameters
  style = lib.SPECS[name].weights[SIDES.index(side)]
  assert ('weights' in params) == (style == 'one')
  assert ('real_weights' in params) == (style == 'two')


def _reference(name, side, real, gen, rw=1.0, gw=1.0,
               reduction=Reduction.SUM_BY_NONZERO_WEIGHTS):
  ref = getattr(lib.SPECS[name], side)
  return ref(np.asarray(real, np.float64), np.asarray(gen, np.float64),
             rw, gw, reduction)


def _call(name, side, real, gen, **kwargs):
  model = lib.fake_model(discriminator_real_outputs=real,
                         discriminator_gen_outputs=gen)
  return _fn(name, side)(model, **kwargs)


@pytest.mark.parametrize('side', SIDES)
@pytest.mark.parametrize('name', NAMES)
def test_value_matches_reference(name, side):
  got = _call(name, side, tf.constant(REAL), tf.constant(GEN))
  assert got.dtype == tf.float32
  np.testing.assert_allclose(got.numpy(), _reference(name, side, REAL, GEN),
                             rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize('reduction', lib.REDUCTIONS)
@pytest.mark.parametrize('weights', sorted(WEIGHTS))
@pytest.mark.parametrize('side', SIDES)
@pytest.mark.parametrize('name', NAMES)
def test_weights_and_reductions(name, side, weights, reduction):
  rw, gw = WEIGHTS[weights]
  got = _call(name, side, tf.constant(REAL), tf.constant(GEN),
              reduction=reduction, **_weight_kwargs(name, side, rw, gw))
  want = _reference(name, side, REAL, GEN, rw, gw, reduction)
  assert got.shape == np.shape(want)
  np.testing.assert_allclose(got.numpy(), want, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize('side', SIDES)
@pytest.mark.parametrize('name', NAMES)
def test_graph_eager_and_tf_function_agree(name, side):
  kwargs = _weight_kwargs(name, side, PER_EXAMPLE, 0.5)
  eager = _call(name, side, tf.constant(REAL), tf.constant(GEN),
                **kwargs).numpy()
  graph = lib.graph_value(
      lambda: _call(name, side, tf.constant(REAL), tf.constant(GEN), **kwargs))
  function = tf.function(
      lambda r, g: _call(name, side, r, g, **kwargs))(REAL, GEN).numpy()
  np.testing.assert_allclose(graph, eager, rtol=1e-6)
  np.testing.assert_allclose(function, eager, rtol=1e-6)


@pytest.mark.parametrize('side', SIDES)
@pytest.mark.parametrize('name', NAMES)
def test_loss_collection_gets_the_loss_once(name, side):
  with tf.Graph().as_default():
    loss = _call(name, side, tf.constant(REAL), tf.constant(GEN))
    assert tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.LOSSES) == [loss]
    other = _call(name, side, tf.constant(REAL), tf.constant(GEN),
                  loss_collection='my_losses')
    assert tf.compat.v1.get_collection('my_losses') == [other]
    _call(name, side, tf.constant(REAL), tf.constant(GEN),
          loss_collection=None)
    assert len(tf.compat.v1.get_collection(
        tf.compat.v1.GraphKeys.LOSSES)) == 1
    assert len(tf.compat.v1.get_collection('my_losses')) == 1


@pytest.mark.parametrize('side', SIDES)
@pytest.mark.parametrize('name', NAMES)
def test_summaries_only_when_asked(name, side):
  summaries = tf.compat.v1.GraphKeys.SUMMARIES
  with tf.Graph().as_default():
    _call(name, side, tf.constant(REAL), tf.constant(GEN))
    assert not tf.compat.v1.get_collection(summaries)
    _call(name, side, tf.constant(REAL), tf.constant(GEN), add_summaries=True)
    assert tf.compat.v1.get_collection(summaries)


@pytest.mark.parametrize('side', SIDES)
@pytest.mark.parametrize('name', NAMES)
def test_finite_loss_and_gradients_at_extreme_logits(name, side):
  # Every sign combination of +-1e4 on both sides.
  real = tf.constant([[1e4], [-1e4], [1e4], [-1e4]])
  gen = tf.constant([[1e4], [1e4], [-1e4], [-1e4]])
  with tf.GradientTape() as tape:
    tape.watch([real, gen])
    loss = _call(name, side, real, gen)
  grads = tape.gradient(loss, [real, gen])
  assert np.isfinite(loss.numpy())
  for grad in grads:
    if grad is not None:  # One-sided generator losses ignore real outputs.
      assert np.all(np.isfinite(grad.numpy()))
  assert grads[1] is not None
  np.testing.assert_allclose(
      loss.numpy(), _reference(name, side, real.numpy(), gen.numpy()),
      rtol=1e-5)


@pytest.mark.parametrize('dtype', [tf.float16, tf.bfloat16, tf.float64])
@pytest.mark.parametrize('side', SIDES)
@pytest.mark.parametrize('name', NAMES)
def test_float_dtypes_are_computed_in_float32(name, side, dtype):
  real, gen = tf.cast(REAL, dtype), tf.cast(GEN, dtype)
  got = _call(name, side, real, gen)
  assert got.dtype == tf.float32
  # Reference on the inputs as rounded to `dtype`.
  want = _reference(name, side, tf.cast(real, tf.float64).numpy(),
                    tf.cast(gen, tf.float64).numpy())
  np.testing.assert_allclose(got.numpy(), want, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize('side', SIDES)
@pytest.mark.parametrize('name', NAMES)
def test_integer_outputs_raise_type_error_naming_the_argument(name, side):
  with pytest.raises(TypeError, match='discriminator_gen_outputs.*int32'):
    _call(name, side, tf.constant(REAL), tf.constant([[1], [2]]))


@pytest.mark.parametrize('name', NAMES)
def test_mismatched_shapes_raise_value_error_naming_both(name):
  for gen in (np.zeros((6, 2), np.float32), np.zeros((6,), np.float32)):
    with pytest.raises(ValueError, match=r'\(6, 1\).*\(6(, 2)?,?\)'):
      _call(name, 'discriminator', REAL, gen)


@pytest.mark.parametrize('side', SIDES)
@pytest.mark.parametrize('name', NAMES)
def test_unbroadcastable_weights_raise_value_error(name, side):
  bad = np.ones((5, 1), np.float32)
  with pytest.raises(ValueError, match='weights.*\\(5, 1\\).*\\(6, 1\\)'):
    _call(name, side, REAL, GEN, **_weight_kwargs(name, side, bad, bad))
  with pytest.raises(ValueError, match='weights'):
    _call(name, side, REAL, GEN,
          **_weight_kwargs(name, side, np.ones((6, 1, 1)), np.ones((6, 1, 1))))


@pytest.mark.parametrize('name', NAMES)
def test_different_batch_sizes(name):
  gen = GEN[:4]
  if lib.SPECS[name].batches_may_differ:
    for side in SIDES:
      np.testing.assert_allclose(
          _call(name, side, REAL, gen).numpy(),
          _reference(name, side, REAL, gen), rtol=1e-5, atol=1e-5)
    # Per-example losses of different batches cannot be added elementwise.
    with pytest.raises(ValueError, match='reduction=NONE'):
      _call(name, 'discriminator', REAL, gen, reduction=Reduction.NONE)
  else:  # Upstream's losses that require equal shapes.
    with pytest.raises(ValueError, match=r'\(6, 1\).*\(4, 1\)'):
      _call(name, 'discriminator', REAL, gen)


@pytest.mark.parametrize('side', SIDES)
@pytest.mark.parametrize('name', NAMES)
def test_unknown_batch_size_in_graph_mode(name, side):
  def build():
    real = tf.compat.v1.placeholder(tf.float32, [None, 1])
    gen = tf.compat.v1.placeholder(tf.float32, [None, 1])
    loss = _call(name, side, real, gen)
    with tf.compat.v1.Session() as sess:
      return sess.run(loss, {real: REAL, gen: GEN})
  with tf.Graph().as_default():
    got = build()
  np.testing.assert_allclose(got, _reference(name, side, REAL, GEN),
                             rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize('side', SIDES)
@pytest.mark.parametrize('name', NAMES)
def test_registry_functions_are_documented_tuple_losses(name, side):
  fn = _fn(name, side)
  params = list(inspect.signature(fn).parameters)
  assert params[0] == 'gan_model'
  assert 'reduction' in params and 'add_summaries' in params
  assert 'discriminator_gen_outputs' not in params
  assert fn.__doc__ and '`wargs.%s`' % fn.__name__ in fn.__doc__
  assert fn.__name__.endswith(side + '_loss')
  assert fn is getattr(tfgan_ext.losses, fn.__name__)
  if name in tfgan_ext_losses.names():
    assert getattr(tfgan_ext_losses.get(name), side + '_loss_fn') is fn
  else:  # Declared, exported, but not registered.
    with pytest.raises(ValueError, match='valid names'):
      tfgan_ext_losses.get(name)
