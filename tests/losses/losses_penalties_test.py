# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Battery and closed forms for the gradient penalties (R1, R2, DRAGAN, WGAN-GP).

References: a tanh discriminator whose input gradient is known in closed form
(losses_testlib.TanhDiscriminator), plus D(x) = w.x (gradient w everywhere:
R1 = R2 = ||w||^2, DRAGAN = WGAN-GP = (||w|| - 1)^2) and D(x) = 1/2 ||x||^2
(gradient x: R1 = E||x||^2).
"""

import functools

import numpy as np
import pytest
import tensorflow as tf
import tensorflow_gan as tfgan

from tfgan_ext import losses as tfgan_ext_losses

import losses_testlib as lib

# TF-GAN's graph-mode API needs the TF-1 layers Keras 2 deprecates.
pytestmark = pytest.mark.filterwarnings(
    'ignore:`tf.layers.dense` is deprecated:UserWarning')

Reduction = lib.Reduction
PENALTIES = tfgan_ext_losses.penalty_names()

rng = np.random.RandomState(7)
REAL = rng.normal(size=(5, 2, 3)).astype(np.float32)
GEN = rng.normal(size=(5, 2, 3)).astype(np.float32)
D = lib.TanhDiscriminator(dim=6)
WEIGHTS = {'scalar': 0.3, 'per_example': np.array([1., 0., 2., .5, 0.], np.float32),
           'zero': 0.0}
# Options making each penalty deterministic and comparable with NumPy:
# DRAGAN with no perturbation is evaluated at x; WGAN-GP with G(z) = x
# interpolates at x whatever alpha is.
DETERMINISTIC = {
    'r1': {}, 'r2': {}, 'dragan': {'perturbation_scale': 0.0},
    'wasserstein_gradient_penalty': {},
}


def _model(real, gen, discriminator_fn=D):
  return lib.fake_model(real_data=real, generated_data=gen,
                        discriminator_fn=discriminator_fn)


def _data_for(name):
  """(real, generated) inputs under which `name` is deterministic."""
  if name == 'wasserstein_gradient_penalty':
    return REAL, REAL.copy()
  return REAL, GEN


def _reference_per_example(name, real, gen):
  if name == 'r1':
    return D.squared_gradient_norms(real)
  if name == 'r2':
    return D.squared_gradient_norms(gen)
  return lib.gradient_norm_penalty(D.squared_gradient_norms(real))


def _penalty(name, real, gen, discriminator_fn=D, **kwargs):
  kwargs = dict(DETERMINISTIC[name], **kwargs)
  return tfgan_ext_losses.get_penalty(name)(
      _model(real, gen, discriminator_fn), **kwargs)


def test_penalty_names():
  assert PENALTIES == ('dragan', 'r1', 'r2', 'wasserstein_gradient_penalty')
  assert tfgan_ext_losses.penalty_names(include_aliases=True) == (
      'dragan', 'r1', 'r2', 'wasserstein_gradient_penalty', 'wgan_gp')
  assert tfgan_ext_losses.penalty_aliases() == {
      'wgan_gp': 'wasserstein_gradient_penalty'}
  assert tfgan_ext_losses.get_penalty('wgan_gp') is (
      tfgan_ext_losses.wasserstein_gradient_penalty)


def test_unknown_penalty_lists_valid_names():
  with pytest.raises(ValueError, match='r3.*dragan, r1, r2, wasserstein'):
    tfgan_ext_losses.get_penalty('r3')


@pytest.mark.parametrize('reduction', lib.REDUCTIONS)
@pytest.mark.parametrize('weights', sorted(WEIGHTS))
@pytest.mark.parametrize('name', PENALTIES)
def test_value_weights_and_reductions(name, weights, reduction):
  real, gen = _data_for(name)
  got = _penalty(name, real, gen, weights=WEIGHTS[weights],
                 reduction=reduction)
  want = lib.reduce(_reference_per_example(name, real, gen), WEIGHTS[weights],
                    reduction)
  assert got.dtype == tf.float32
  np.testing.assert_allclose(got.numpy(), want, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize('name', PENALTIES)
def test_graph_eager_and_tf_function_agree(name):
  real, gen = _data_for(name)
  eager = _penalty(name, real, gen).numpy()
  graph = lib.graph_value(lambda: _penalty(name, real, gen))
  function = tf.function(lambda r, g: _penalty(name, r, g))(real, gen)
  np.testing.assert_allclose(graph, eager, rtol=1e-5)
  np.testing.assert_allclose(function.numpy(), eager, rtol=1e-5)


@pytest.mark.parametrize('name', ['dragan', 'wasserstein_gradient_penalty'])
def test_seeded_random_penalties_are_deterministic(name):
  # With a seed the noise is stateless: equal in eager and graph mode.
  eager = _penalty(name, REAL, GEN, seed=3, perturbation_scale=0.5
                   ) if name == 'dragan' else _penalty(name, REAL, GEN, seed=3)
  again = (_penalty(name, REAL, GEN, seed=3, perturbation_scale=0.5)
           if name == 'dragan' else _penalty(name, REAL, GEN, seed=3))
  graph = lib.graph_value(
      lambda: _penalty(name, REAL, GEN, seed=3, perturbation_scale=0.5)
      if name == 'dragan' else _penalty(name, REAL, GEN, seed=3))
  np.testing.assert_allclose(again.numpy(), eager.numpy())
  np.testing.assert_allclose(graph, eager.numpy(), rtol=1e-5)


@pytest.mark.parametrize('name', PENALTIES)
def test_loss_collection_and_summaries(name):
  real, gen = _data_for(name)
  with tf.Graph().as_default():
    penalty = _penalty(name, real, gen)
    assert tf.compat.v1.get_collection(
        tf.compat.v1.GraphKeys.LOSSES) == [penalty]
    assert not tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.SUMMARIES)
    _penalty(name, real, gen, loss_collection=None, add_summaries=True)
    assert len(tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.LOSSES)) == 1
    assert tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.SUMMARIES)


@pytest.mark.parametrize('dtype', [tf.float16, tf.bfloat16, tf.float64])
@pytest.mark.parametrize('name', PENALTIES)
def test_float_dtypes(name, dtype):
  real, gen = _data_for(name)
  got = _penalty(name, tf.cast(real, dtype), tf.cast(gen, dtype))
  assert got.dtype == tf.float32
  want = lib.reduce(_reference_per_example(name, real, gen), 1.0,
                    Reduction.SUM_BY_NONZERO_WEIGHTS)
  # float16 / bfloat16 discriminators round (bfloat16 has 8 mantissa bits).
  rtol = {tf.float16: 1e-2, tf.bfloat16: 6e-2, tf.float64: 1e-5}[dtype]
  np.testing.assert_allclose(got.numpy(), want, rtol=rtol)


@pytest.mark.parametrize('name', PENALTIES)
def test_bad_inputs_raise_clear_errors(name):
  arg = 'generated_data' if name == 'r2' else 'real_data'
  ints = np.ones((5, 6), np.int32)
  with pytest.raises(TypeError, match=arg + '.*int32'):
    _penalty(name, ints, ints)
  with pytest.raises(ValueError, match=arg + '.*scalar'):
    _penalty(name, np.float32(1.0), np.float32(1.0))
  with pytest.raises(ValueError, match=r'weights.*\(4,\).*\(5,\)'):
    _penalty(name, REAL, GEN, weights=np.ones(4, np.float32))
  with pytest.raises(ValueError, match='does not depend on its input'):
    _penalty(name, REAL, GEN, discriminator_fn=lambda x, _: tf.ones([5, 1]))


def test_wasserstein_penalty_needs_equal_shapes():
  with pytest.raises(ValueError, match=r'\(5, 2, 3\).*\(4, 2, 3\)'):
    _penalty('wasserstein_gradient_penalty', REAL, GEN[:4])


@pytest.mark.parametrize('name', PENALTIES)
def test_second_order_gradients_are_finite(name):
  # The discriminator's variables get a gradient through the penalty, eagerly
  # and in graph mode (where training computes it with tf.gradients).
  w = tf.Variable(rng.normal(size=(6, 1)).astype(np.float32))
  disc = lambda x, _: tf.reduce_sum(  # pylint: disable=g-long-lambda
      tf.tanh(tf.matmul(tf.reshape(x, [5, 6]), w)), axis=1)
  real, gen = _data_for(name)
  with tf.GradientTape() as tape:
    penalty = _penalty(name, real, gen, discriminator_fn=disc)
  grad = tape.gradient(penalty, w)
  assert grad is not None and np.all(np.isfinite(grad.numpy()))

  w_value = w.numpy()

  def build():
    v = tf.compat.v1.get_variable('v', initializer=w_value)
    disc_v = lambda x, _: tf.reduce_sum(  # pylint: disable=g-long-lambda
        tf.tanh(tf.matmul(tf.reshape(x, [5, 6]), v)), axis=1)
    return tf.gradients(_penalty(name, real, gen, discriminator_fn=disc_v),
                        v)[0]
  np.testing.assert_allclose(lib.graph_value(build), grad.numpy(), rtol=1e-4)


# ----------------------------------------------------------- closed forms ---

W = np.array([[0.3], [-1.2], [0.5], [2.0], [0.1], [-0.4]], np.float32)


def _linear(x, unused_inputs):
  return tf.matmul(tf.reshape(x, [tf.shape(x)[0], -1]), tf.cast(W, x.dtype))


@pytest.mark.parametrize('name', PENALTIES)
def test_closed_form_for_linear_discriminator(name):
  # D(x) = w.x has gradient w at every x: R1 = R2 = ||w||^2 and DRAGAN =
  # WGAN-GP = (||w|| - 1)^2, whatever the perturbation / interpolation.
  norm = np.linalg.norm(W.astype(np.float64))
  want = norm ** 2 if name in ('r1', 'r2') else (norm - 1.0) ** 2
  got = tfgan_ext_losses.get_penalty(name)(_model(REAL, GEN, _linear))
  np.testing.assert_allclose(got.numpy(), want, rtol=1e-5)


def test_r1_closed_form_for_quadratic_discriminator():
  # D(x) = 1/2 ||x||^2 has gradient x: R1 = E||x||^2.
  quadratic = lambda x, _: 0.5 * tf.reduce_sum(tf.square(x), axis=[1, 2])
  got = tfgan_ext_losses.r1_penalty(_model(REAL, GEN, quadratic))
  want = np.mean(np.sum(REAL.astype(np.float64) ** 2, axis=(1, 2)))
  np.testing.assert_allclose(got.numpy(), want, rtol=1e-5)


def test_dragan_perturbs_real_data_within_scale_times_std():
  # D(x) = 1/2 ||x||^2: the gradient is x_hat = x + c std(x) u, u in [0, 1).
  # For positive x, ||x|| <= ||x_hat|| <= ||x + c std(x)||, so the per-example
  # penalty (||x_hat|| - 1)^2 lies between the two bounds' values (all norms
  # here exceed 1, where (n - 1)^2 increases).
  x = np.abs(REAL) + 1.0
  quadratic = lambda v, _: 0.5 * tf.reduce_sum(tf.square(v), axis=[1, 2])
  got = tfgan_ext_losses.dragan_penalty(
      _model(x, x, quadratic), reduction=Reduction.NONE,
      perturbation_scale=0.5).numpy()
  low = np.linalg.norm(x.reshape(5, -1), axis=1)
  high = np.linalg.norm((x + 0.5 * x.std()).reshape(5, -1), axis=1)
  assert np.all(got >= (low - 1) ** 2 - 1e-4)
  assert np.all(got <= (high - 1) ** 2 + 1e-4)
  assert np.any(got > (low - 1) ** 2 + 1e-3)  # It did perturb.


# ------------------------------------------------------ against upstream ---


def test_wasserstein_gradient_penalty_matches_upstream_in_graph_mode():
  # Upstream refuses eager mode; in graph mode both must agree where alpha
  # cannot matter: a linear D, and a nonlinear D with G(z) = x. (A scope
  # name is given: upstream raises with discriminator_scope=None on TF 2.21,
  # see the next test.)
  def build():
    ours, theirs = [], []
    for disc, gen in ((_linear, GEN), (D, REAL)):
      for kwargs in ({}, {'one_sided': True, 'target': 2.0},
                     {'weights': WEIGHTS['per_example'],
                      'reduction': Reduction.SUM}):
        args = (tf.constant(REAL), tf.constant(gen), None, disc, 'disc')
        ours.append(tfgan_ext_losses.wargs.wasserstein_gradient_penalty(
            *args, **kwargs))
        theirs.append(tfgan.losses.wargs.wasserstein_gradient_penalty(
            *args, **kwargs))
    return ours, theirs
  ours, theirs = lib.graph_value(build)
  np.testing.assert_allclose(ours, theirs, rtol=1e-5)


def test_upstream_wasserstein_gradient_penalty_refuses_eager():
  # The defect tfgan_ext fixes; if upstream ever changes, revisit the note.
  with pytest.raises(RuntimeError, match='eagerly'):
    tfgan.losses.wargs.wasserstein_gradient_penalty(
        REAL, GEN, None, _linear, None)


def test_upstream_wasserstein_gradient_penalty_needs_a_scope():
  # Upstream opens variable_scope(None, default_name, reuse=AUTO_REUSE),
  # which TF rejects; ours calls D directly when no scope is given.
  with tf.Graph().as_default():
    with pytest.raises(ValueError, match='reuse=True cannot be used'):
      tfgan.losses.wargs.wasserstein_gradient_penalty(
          tf.constant(REAL), tf.constant(GEN), None, _linear, None)
    tfgan_ext_losses.wargs.wasserstein_gradient_penalty(
        tf.constant(REAL), tf.constant(GEN), None, _linear, None)


def test_penalties_reuse_the_gan_models_discriminator_variables():
  # In a real GANModel with TF-1 layers, every penalty re-applies D under
  # discriminator_scope with reuse=True (no new variables) and, for a linear
  # D, equals the closed form computed from the model's own kernel.
  def generator_fn(z):
    return tf.compat.v1.layers.dense(z, 6, name='g')

  def discriminator_fn(x, unused_inputs):
    return tf.compat.v1.layers.dense(x, 1, use_bias=False, name='d')

  def build():
    model = tfgan.gan_model(generator_fn, discriminator_fn,
                            tf.constant(REAL.reshape(5, 6)),
                            tf.random.normal([5, 3]))
    n_vars = len(tf.compat.v1.global_variables())
    values = [tfgan_ext_losses.get_penalty(name)(model) for name in PENALTIES]
    assert len(tf.compat.v1.global_variables()) == n_vars
    return values, model.discriminator_variables[0]
  (values, kernel), _ = lib.run_graph(build)
  norm = np.linalg.norm(kernel.astype(np.float64))
  np.testing.assert_allclose(
      values, [(norm - 1) ** 2, norm ** 2, norm ** 2, (norm - 1) ** 2],
      rtol=1e-4)


# ------------------------------------------------ consistency regularization ---


def test_consistency_penalty_closed_forms():
  # D(x) = w.x and T(x) = x + c: D(x) - D(T(x)) = -w.c for every example, so
  # CR = (w.c)^2. A D invariant to T (sum over a reversed axis) gives 0.
  x = REAL.reshape(5, 6)
  shift = np.linspace(-1, 1, 6).astype(np.float32)
  model = _model(x, x, lambda v, _: tf.matmul(v, W))
  got = tfgan_ext_losses.consistency_penalty(model,
                                             augment_fn=lambda v: v + shift)
  np.testing.assert_allclose(got.numpy(),
                             float((shift.astype(np.float64) @ W)[0]) ** 2,
                             rtol=1e-5)
  invariant = _model(x, x, lambda v, _: tf.reduce_sum(tf.square(v), axis=1))
  flip = tfgan_ext_losses.consistency_penalty(
      invariant, augment_fn=lambda v: v[:, ::-1], reduction=Reduction.NONE)
  np.testing.assert_allclose(flip.numpy(), np.zeros(5), atol=1e-5)


def test_consistency_penalty_against_reference_and_graph():
  x = REAL.reshape(5, 6)
  flip = lambda v: v[:, ::-1]
  model = _model(x, x)
  want = np.mean((D.numpy_outputs(x) - D.numpy_outputs(x[:, ::-1])) ** 2)
  eager = tfgan_ext_losses.consistency_penalty(model, augment_fn=flip)
  graph = lib.graph_value(
      lambda: tfgan_ext_losses.consistency_penalty(model, augment_fn=flip))
  np.testing.assert_allclose(eager.numpy(), want, rtol=1e-5)
  np.testing.assert_allclose(graph, want, rtol=1e-5)


def test_consistency_penalty_with_penalty_and_errors():
  x = REAL.reshape(5, 6)
  model = _model(x, x)._replace(
      discriminator_real_outputs=D(x, None), discriminator_gen_outputs=D(x, None))
  penalty = functools.partial(tfgan_ext_losses.consistency_penalty,
                              augment_fn=lambda v: v[:, ::-1])
  loss_fn = tfgan_ext_losses.with_penalty(
      tfgan_ext_losses.hinge_discriminator_loss, penalty, weight=10.0)
  plain = tfgan_ext_losses.hinge_discriminator_loss(model)
  np.testing.assert_allclose(
      loss_fn(model).numpy(), plain.numpy() + 10.0 * penalty(model).numpy(),
      rtol=1e-5)
  with pytest.raises(TypeError, match='augment_fn'):
    tfgan_ext_losses.consistency_penalty(model, augment_fn='flip')
  # A written-out def: Python's own TypeError names the missing argument.
  with pytest.raises(TypeError, match="missing 1 required .*'augment_fn'"):
    tfgan_ext_losses.consistency_penalty(model)
