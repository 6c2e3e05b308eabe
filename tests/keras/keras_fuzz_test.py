# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Bad input to GANModel.fit, fuzzed (hypothesis): a clear error or a result.

Datasets of (generator_inputs, real_data) with drawn ranks, shapes (zero
sizes included), dtypes (floats, integers, bool), batch sizes, emptiness and
NaN/inf values go to a small GAN (G: 2 -> 3, D: 3 -> 1) that expects noise
[batch, 2] and data [batch, 3]. What is allowed:
- an error raised by tfgan_ext's checks before the first step (TypeError or
  ValueError, from a tfgan_ext module, nothing trained), or
- training that ends with finite losses (finite data of the right shapes),
- or, for NaN/inf in the data, `NonFiniteLossError` from the NaN stop
  within the two steps, naming the step and the loss.
Never another exception, a deep traceback from inside Keras or TensorFlow,
or a hang (hypothesis' deadline is off; each fit is 1-2 steps).
"""

import os
import re
import traceback

import hypothesis
from hypothesis import strategies as st
import numpy as np
import pytest
import tensorflow as tf

import tfgan_ext.keras as tfk
from tests.keras import keras_testlib as lib

_TFGAN_EXT = os.path.dirname(os.path.abspath(tfk.__file__))
_DTYPES = ('float32', 'float64', 'float16', 'int32', 'int64', 'uint8', 'bool')
# FUZZ_EXAMPLES=300 for a longer search (300 passed when this was written).
SETTINGS = hypothesis.settings(
    max_examples=int(os.environ.get('FUZZ_EXAMPLES', 60)), deadline=None,
    suppress_health_check=list(hypothesis.HealthCheck))


@st.composite
def _arrays(draw, feature_dims, examples):
  """An array of (usually) [examples, feature_dims] with drawn deviations."""
  shape = draw(st.one_of(
      st.just([examples, feature_dims]),
      st.lists(st.integers(0, 4), min_size=0, max_size=3).map(
          lambda rest: [examples] + rest),
      st.lists(st.integers(0, 4), min_size=0, max_size=4)))
  dtype = draw(st.sampled_from(_DTYPES))
  special = draw(st.sampled_from([None, np.nan, np.inf, -np.inf]))
  values = np.random.default_rng(0).normal(size=shape)
  if special is not None and values.size and np.dtype(dtype).kind == 'f':
    values.flat[draw(st.integers(0, values.size - 1))] = special
  return values.astype(dtype)


@st.composite
def _pairs(draw):
  """(noise, real): the same number of examples, most of the time."""
  examples = draw(st.sampled_from([0, 1, 2, 4]))
  return draw(_arrays(2, examples)), draw(_arrays(3, examples))


def _from_tensor_tfgan_ext(error):
  """Whether `error` was raised in tfgan_ext's own code."""
  frames = traceback.extract_tb(error.__traceback__)
  return bool(frames) and frames[-1].filename.startswith(_TFGAN_EXT)


@SETTINGS
@hypothesis.given(pair=_pairs(), batch=st.sampled_from([1, 2, 3]),
                  flavour=st.sampled_from(lib.FLAVOURS))
def test_fit_on_fuzzed_data_errs_clearly_or_trains(pair, batch, flavour):
  noise, real = pair
  K = lib.keras_package(flavour)
  generator, discriminator, _ = lib.linear_gan(K)
  gan = tfk.GANModel(generator, discriminator)
  gan.compile(K.optimizers.Adam(1e-3), K.optimizers.Adam(1e-3), loss='hinge')
  try:
    dataset = tf.data.Dataset.from_tensor_slices((noise, real))
  except (ValueError, TypeError, tf.errors.InvalidArgumentError):
    # tf.data's own error (e.g. scalars or unequal first dimensions): the
    # user's dataset never reaches tfgan_ext.
    hypothesis.event('tf.data refuses the arrays')
    return
  dataset = dataset.batch(batch)
  try:
    history = gan.fit(dataset, epochs=1, steps_per_epoch=2, verbose=0,
                      callbacks=[tfk.stop_on_non_finite_loss(gan)])
  except tfk.faults.NonFiniteLossError as e:
    assert not (np.all(np.isfinite(noise)) and np.all(np.isfinite(real))), e
    # A hinge loss is finite on an infinite logit, so the first non-finite
    # loss may come one step after the non-finite data (NaN gradients).
    assert re.search('at generator step [12];', str(e)), e
    hypothesis.event('NaN stop')
    return
  except (TypeError, ValueError) as e:
    assert _from_tensor_tfgan_ext(e), ''.join(traceback.format_exception(e))
    assert int(gan.optimizer.iterations.numpy()) == 0
    hypothesis.event('tfgan_ext error: %s' % str(e).split(':')[0][:60])
    return
  losses = [v for values in history.history.values() for v in values]
  assert losses and np.all(np.isfinite(losses)), history.history
  hypothesis.event('trained, finite losses')


def test_empty_dataset_is_a_clear_error():
  K = lib.keras_package('keras')
  generator, discriminator, _ = lib.linear_gan(K)
  gan = tfk.GANModel(generator, discriminator)
  gan.compile(K.optimizers.Adam(1e-3), K.optimizers.Adam(1e-3))
  empty = tf.data.Dataset.from_tensor_slices(
      (np.zeros((0, 2), np.float32), np.zeros((0, 3), np.float32))).batch(2)
  with pytest.raises(ValueError, match='no batches'):
    gan.fit(empty, epochs=1, verbose=0)
