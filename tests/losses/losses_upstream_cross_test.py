# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Cross-tests against upstream TF-GAN where the maths coincide.

* hinge discriminator (margins 1, 1) == upstream
  wasserstein_hinge_discriminator_loss at its defaults (real_hinge=1,
  generated_hinge=1); hinge generator == upstream wasserstein_generator_loss.
* lsgan at the 0-1-1 coding == upstream least_squares_*: upstream computes
  G = 1/2 (D(G(z)) - 1)^2 and D = 1/2 (D(x) - 1)^2 + 1/2 D(G(z))^2 (the
  1/2 factors are in its code: squared_difference(...) / 2.0), which are
  Mao et al.'s equation (2) with a=0, b=c=1 - the same as ours.
* relativistic_* == upstream relativistic_* (which only reduce by the mean).
* the upstream defect: upstream's relativistic losses inside tfgan.gan_loss
  raise TypeError; ours work there.
"""

import inspect

import numpy as np
import pytest
import tensorflow as tf
import tensorflow_gan as tfgan

from tfgan_ext import losses as tfgan_ext_losses
from tfgan_ext.losses import registry
from tfgan_ext.losses import wargs

import losses_testlib as lib

# TF-GAN's graph-mode API needs the TF-1 layers Keras 2 deprecates.
pytestmark = pytest.mark.filterwarnings(
    'ignore:`tf.layers.dense` is deprecated:UserWarning')

rng = np.random.RandomState(5)
REAL = rng.normal(scale=3.0, size=(7, 2)).astype(np.float32)
GEN = rng.normal(scale=3.0, size=(7, 2)).astype(np.float32)
RW = rng.uniform(size=(7, 1)).astype(np.float32)
GW = np.where(rng.uniform(size=(7, 2)) > 0.3, 1.5, 0.0).astype(np.float32)
up = tfgan.losses.wargs

def _takes_reduction(fn):
  return 'reduction' in inspect.signature(fn).parameters


def _counterparts(side):
  """(ours, upstream's, reduction) for every listed upstream counterpart.

  From `registry.UPSTREAM_EQUIVALENTS`: tfgan_ext's own functions and the
  upstream function each equals at the defaults (re-exports of upstream's
  own functions are not listed: they are upstream's code). Every reduction
  where upstream takes one (with weights); upstream's relativistic losses
  take neither, so only the default there.
  """
  params = []
  for name, upstream_name in sorted(registry.UPSTREAM_EQUIVALENTS.items()):
    if not name.endswith('_%s_loss' % side):
      continue
    theirs = getattr(up, upstream_name)
    reductions = lib.REDUCTIONS if _takes_reduction(theirs) else (None,)
    params += [pytest.param(getattr(wargs, name), theirs, r,
                            id='%s-%s' % (name, r))
               for r in reductions]
  return params


def test_counterparts_are_listed():
  # The families whose maths coincide with upstream's (module docstring);
  # the gradient penalty is compared in losses_penalties_test.
  found = {p.values[0].__name__
           for side in ('generator', 'discriminator')
           for p in _counterparts(side)}
  assert found == {'hinge_generator_loss', 'hinge_discriminator_loss',
                   'wasserstein_hinge_generator_loss',
                   'lsgan_generator_loss', 'lsgan_discriminator_loss',
                   'relativistic_generator_loss',
                   'relativistic_discriminator_loss'}
  assert set(registry.UPSTREAM_EQUIVALENTS) == found | {
      'wasserstein_gradient_penalty'}


def _weighted(reduction, **weights):
  return {} if reduction is None else dict(weights, reduction=reduction)


@pytest.mark.parametrize('ours,theirs,reduction',
                         _counterparts('discriminator'))
def test_discriminator_losses_equal_upstream(ours, theirs, reduction):
  kwargs = _weighted(reduction, real_weights=RW, generated_weights=GW)
  np.testing.assert_allclose(ours(REAL, GEN, **kwargs).numpy(),
                             theirs(REAL, GEN, **kwargs).numpy(), rtol=1e-6)


@pytest.mark.parametrize('ours,theirs,reduction',
                         _counterparts('generator'))
def test_generator_losses_equal_upstream(ours, theirs, reduction):
  # Upstream's relativistic generator loss reads both outputs.
  args = (GEN,) if reduction is not None else (REAL, GEN)
  kwargs = _weighted(reduction, weights=GW)
  np.testing.assert_allclose(ours(*args, **kwargs).numpy(),
                             theirs(*args, **kwargs).numpy(), rtol=1e-6)


def test_hinge_margins_equal_upstream_hinges():
  np.testing.assert_allclose(
      wargs.hinge_discriminator_loss(REAL, GEN, real_margin=0.5,
                                     generated_margin=2.0).numpy(),
      up.wasserstein_hinge_discriminator_loss(
          REAL, GEN, real_hinge=0.5, generated_hinge=2.0).numpy(), rtol=1e-6)


def test_lsgan_targets_equal_upstream_labels():
  # Upstream's real_label / fake_label are our b / a.
  np.testing.assert_allclose(
      wargs.lsgan_discriminator_loss(REAL, GEN, real_target=0.7,
                                     generated_target=-0.2).numpy(),
      up.least_squares_discriminator_loss(REAL, GEN, real_label=0.7,
                                          fake_label=-0.2).numpy(), rtol=1e-6)
  np.testing.assert_allclose(
      wargs.lsgan_generator_loss(GEN, generator_target=0.3).numpy(),
      up.least_squares_generator_loss(GEN, real_label=0.3).numpy(), rtol=1e-6)


@pytest.mark.parametrize('a,b,c', [(0., 1., 1.), (-1., 1., 0.)])
def test_lsgan_codings_against_the_paper(a, b, c):
  # Mao et al. 2017, section 3.2.3: 0-1-1 and -1-1-0 codings.
  want_g, want_d = lib.lsgan_reference(REAL.astype(np.float64),
                                       GEN.astype(np.float64), a, b, c)
  np.testing.assert_allclose(
      wargs.lsgan_discriminator_loss(REAL, GEN, real_target=b,
                                     generated_target=a).numpy(),
      want_d, rtol=1e-5)
  np.testing.assert_allclose(
      wargs.lsgan_generator_loss(GEN, generator_target=c).numpy(), want_g,
      rtol=1e-5)


def test_lsgan_generator_target_is_not_zero():
  # At D(G(z)) = 1 the 0-1-1 generator has reached its target c = 1.
  assert wargs.lsgan_generator_loss(np.ones((3, 1), np.float32)).numpy() == 0.0
  assert wargs.lsgan_generator_loss(np.zeros((3, 1), np.float32)).numpy() == 0.5


@pytest.mark.parametrize('side', ['generator', 'discriminator'])
def test_relativistic_equals_upstream_in_graph_mode_with_extreme_logits(side):
  name = 'relativistic_%s_loss' % side
  real = REAL * 1e4
  ours, theirs = lib.graph_value(lambda: (getattr(wargs, name)(real, GEN),
                                          getattr(up, name)(real, GEN)))
  np.testing.assert_allclose(ours, theirs, rtol=1e-6)


def _tiny_model():
  def generator_fn(z):
    return tf.compat.v1.layers.dense(z, 2, name='g')

  def discriminator_fn(x, unused_inputs):
    return tf.compat.v1.layers.dense(x, 1, name='d')
  return tfgan.gan_model(generator_fn, discriminator_fn, tf.constant(REAL),
                         tf.random.normal([7, 3]))


def test_upstream_relativistic_fails_in_gan_loss_and_ours_works():
  with tf.Graph().as_default():
    model = _tiny_model()
    with pytest.raises(TypeError, match='reduction'):
      tfgan.gan_loss(
          model,
          generator_loss_fn=tfgan.losses.relativistic_generator_loss,
          discriminator_loss_fn=tfgan.losses.relativistic_discriminator_loss)
    gan_loss = tfgan.gan_loss(
        model, add_summaries=True,
        **tfgan_ext_losses.get('relativistic')._asdict())
    summaries = [s.name for s in tf.compat.v1.get_collection(
        tf.compat.v1.GraphKeys.SUMMARIES)]
    assert any('relativistic' in s for s in summaries)
    assert gan_loss.generator_loss.dtype == tf.float32


def test_gan_loss_passes_reduction_to_our_tuple_losses():
  # With reduction=SUM the hinge generator loss is the batch sum, which
  # differs from the mean: gan_loss must have passed it through.
  with tf.Graph().as_default():
    model = _tiny_model()
    mean_loss = tfgan.gan_loss(model, **tfgan_ext_losses.get('hinge')._asdict())
    sum_loss = tfgan.gan_loss(model,
                              reduction=tf.compat.v1.losses.Reduction.SUM,
                              **tfgan_ext_losses.get('hinge')._asdict())
    with tf.compat.v1.Session() as sess:
      sess.run(tf.compat.v1.global_variables_initializer())
      (m, s), gen_out = sess.run(
          [(mean_loss.generator_loss, sum_loss.generator_loss),
           model.discriminator_gen_outputs])
  np.testing.assert_allclose(m, -gen_out.mean(), rtol=1e-5)
  np.testing.assert_allclose(s, -gen_out.sum(), rtol=1e-5)
