# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Property tests: random shapes, values and weights against NumPy references."""

import hypothesis
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
import numpy as np
import tensorflow as tf

from tfgan_ext import losses as tfgan_ext_losses
from tfgan_ext.losses import wargs

import losses_testlib as lib

SETTINGS = hypothesis.settings(max_examples=30, deadline=None)
NAMES = tfgan_ext_losses.names(include_aliases=False)
FLOATS = st.floats(-30.0, 30.0, width=32)


@st.composite
def loss_inputs(draw, same_batch=False):
  """(name, side, real, gen, real_weights, gen_weights, reduction)."""
  name = draw(st.sampled_from(NAMES))
  side = draw(st.sampled_from(['generator', 'discriminator']))
  rest = draw(st.lists(st.integers(1, 3), min_size=0, max_size=2))
  batch = draw(st.integers(1, 6))
  other = batch if (same_batch or not lib.SPECS[name].batches_may_differ
                    ) else draw(st.integers(1, 6))
  real = draw(hnp.arrays(np.float32, [batch] + rest, elements=FLOATS))
  gen = draw(hnp.arrays(np.float32, [other] + rest, elements=FLOATS))
  weight_elems = st.sampled_from([0.0, 0.5, 1.0, 2.0])
  def weights_for(shape):
    return draw(st.one_of(
        weight_elems,
        hnp.arrays(np.float32, shape, elements=weight_elems),
        hnp.arrays(np.float32, [s if i == 0 else 1 for i, s in
                                enumerate(shape)], elements=weight_elems)))
  reduction = draw(st.sampled_from(lib.REDUCTIONS))
  if batch != other:
    reduction = draw(st.sampled_from(
        [r for r in lib.REDUCTIONS if r != lib.Reduction.NONE]))
  return (name, side, real, gen, weights_for(real.shape),
          weights_for(gen.shape), reduction)


@SETTINGS
@hypothesis.given(loss_inputs())
def test_registered_losses_match_reference(inputs):
  name, side, real, gen, rw, gw, reduction = inputs
  fn = getattr(tfgan_ext_losses.get(name), side + '_loss_fn')
  model = lib.fake_model(discriminator_real_outputs=real,
                         discriminator_gen_outputs=gen)
  kwargs = lib.weight_kwargs(lib.SPECS[name], side, rw, gw)
  got = fn(model, reduction=reduction, **kwargs).numpy()
  want = getattr(lib.SPECS[name], side)(
      real.astype(np.float64), gen.astype(np.float64), rw, gw, reduction)
  np.testing.assert_allclose(got, want, rtol=2e-5, atol=2e-4)


@SETTINGS
@hypothesis.given(
    st.lists(st.integers(1, 3), min_size=1, max_size=3),
    st.integers(1, 5), st.integers(1, 5), st.data())
def test_feature_matching_matches_reference(feature_shape, batch, other, data):
  real = data.draw(hnp.arrays(np.float32, [batch] + feature_shape,
                              elements=FLOATS))
  gen = data.draw(hnp.arrays(np.float32, [other] + feature_shape,
                             elements=FLOATS))
  got = wargs.feature_matching_loss(real, gen).numpy()
  want = lib.feature_matching_reference(real, gen)
  np.testing.assert_allclose(got, want, rtol=2e-5, atol=1e-4)


@SETTINGS
@hypothesis.given(
    hnp.arrays(np.float32, st.integers(1, 6),
               elements=st.floats(-3, 3, width=32)),
    st.integers(1, 5), st.sampled_from(['r1', 'r2', 'dragan',
                                        'wasserstein_gradient_penalty']),
    st.data())
def test_penalties_of_linear_discriminators(w, batch, name, data):
  # D(x) = w.x: gradient w at every x (R1 = R2 = ||w||^2, DRAGAN = WGAN-GP
  # = (sqrt(||w||^2 + 1e-10) - 1)^2), for any data and perturbation.
  real = data.draw(hnp.arrays(np.float32, (batch, w.size), elements=FLOATS))
  gen = data.draw(hnp.arrays(np.float32, (batch, w.size), elements=FLOATS))
  model = lib.fake_model(
      real_data=real, generated_data=gen,
      discriminator_fn=lambda x, _: tf.matmul(x, w[:, None]))
  got = tfgan_ext_losses.get_penalty(name)(model).numpy()
  squares = float(np.sum(w.astype(np.float64) ** 2))
  want = squares if name in ('r1', 'r2') else lib.gradient_norm_penalty(
      squares)
  np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-6)


@SETTINGS
@hypothesis.given(st.data())
def test_tanh_discriminator_penalties_match_reference(data):
  batch = data.draw(st.integers(1, 5))
  x = data.draw(hnp.arrays(np.float32, (batch, 4),
                           elements=st.floats(-4, 4, width=32)))
  disc = lib.TanhDiscriminator(dim=4, seed=data.draw(st.integers(0, 99)))
  model = lib.fake_model(real_data=x, generated_data=x, discriminator_fn=disc)
  squares = disc.squared_gradient_norms(x)
  np.testing.assert_allclose(tfgan_ext_losses.r1_penalty(model).numpy(),
                             squares.mean(), rtol=1e-4, atol=1e-6)
  np.testing.assert_allclose(
      tfgan_ext_losses.dragan_penalty(model, perturbation_scale=0.0).numpy(),
      lib.gradient_norm_penalty(squares).mean(), rtol=1e-4, atol=1e-6)
