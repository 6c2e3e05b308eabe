# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""tfgan_ext.keras.SampleQuality: KID, precision/recall, density/coverage logs.

The values themselves are tfgan_ext.metrics' (tested in
tests/metrics_test.py); here: which epochs, which log keys, that they equal
`tfgan_ext.metrics.sample_quality` of the model's samples, and the errors.
"""

import numpy as np
import pytest
import tensorflow as tf

import keras_testlib as lib
from tfgan_ext import metrics
from tfgan_ext.addons import GeneratorAverage
import tfgan_ext.keras as tfk

_KEYS = ['quality_kid', 'quality_precision', 'quality_recall',
         'quality_density', 'quality_coverage']


def _flatten(images):
  return np.reshape(np.asarray(images), (len(images), -1))


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_sample_quality_logged_at_chosen_epochs(flavour):
  K = lib.keras_package(flavour)
  gan = lib.image_gan(K)
  noise, images = lib.image_data(64)
  callback = tfk.SampleQuality(_flatten, noise, real_data=images,
                               epochs=[1, 2], max_block_size=32)
  dataset = tf.data.Dataset.from_tensor_slices((noise, images)).batch(16)
  history = gan.fit(dataset, epochs=2, verbose=0, callbacks=[callback])
  assert [e for e, _ in callback.values] == [1, 2]
  for key in _KEYS:
    metric = key[len('quality_'):]
    assert history.history[key] == [v[metric] for _, v in callback.values]
  last = callback.values[-1][1]
  assert all(0.0 <= last[m] <= 1.0 for m in ('precision', 'recall',
                                               'coverage'))
  assert last['density'] >= 0.0 and np.isfinite(last['kid'])
  generated = gan.generator(noise, training=False).numpy()
  assert last == metrics.sample_quality(_flatten(images), _flatten(generated),
                                        max_block_size=32)


@pytest.mark.parametrize('flavour', lib.FLAVOURS)
def test_sample_quality_reports_the_raw_generator_too(flavour):
  K = lib.keras_package(flavour)
  gan = lib.image_gan(K, addons=[GeneratorAverage(0.5)])
  noise, images = lib.image_data(32)
  callback = tfk.SampleQuality(_flatten, noise,
                               real_features=_flatten(images), raw_too=True,
                               name='q')
  dataset = tf.data.Dataset.from_tensor_slices((noise, images)).batch(16)
  history = gan.fit(dataset, epochs=1, verbose=0, callbacks=[callback])
  expected = {'q' + key[len('quality'):] + suffix for key in _KEYS
              for suffix in ('', '_raw')}
  assert set(history.history) >= expected
  assert len(callback.values) == len(callback.raw_values) == 1


def test_sample_quality_arguments():
  with pytest.raises(ValueError, match='exactly one'):
    tfk.SampleQuality(_flatten, np.zeros((4, 2)))
  with pytest.raises(TypeError, match='callable'):
    tfk.SampleQuality(3, np.zeros((4, 2)), real_features=np.zeros((4, 2)))
  with pytest.raises(ValueError, match=r'\[N, F\] features, got shape'):
    tfk.SampleQuality(_flatten, np.zeros((4, 2)),
                      real_features=np.zeros((4, 2, 1)))
  with pytest.raises(ValueError, match='every must be an int'):
    tfk.SampleQuality(_flatten, np.zeros((4, 2)),
                      real_features=np.zeros((4, 2)), every=0)
