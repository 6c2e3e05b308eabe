# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Tests of the digits data: scikit-learn's bundled digits, and tfds with mock data."""

import tempfile

import numpy as np
import pytest
import tensorflow as tf

from examples.digits import data_provider


def test_sklearn_digits_shapes_dtypes_and_range():
  images, labels = data_provider.load_numpy('digits')
  # sklearn.datasets.load_digits(): 1,797 images of 8x8, pixel values 0..16.
  assert images.shape == (1797, 8, 8, 1)
  assert images.dtype == np.float32 and labels.dtype == np.int64
  assert images.min() == -1.0 and images.max() == 1.0  # 0 -> -1, 16 -> 1
  assert sorted(set(labels.tolist())) == list(range(10))


def test_provide_data_batches():
  with tf.Graph().as_default():
    images, one_hot = data_provider.provide_data('digits', 32)
    assert images.shape.as_list() == [32, 8, 8, 1]
    assert one_hot.shape.as_list() == [32, 10]
    with tf.compat.v1.Session() as sess:
      image_values, label_values = sess.run([images, one_hot])
  assert image_values.dtype == np.float32
  assert -1.0 <= image_values.min() and image_values.max() <= 1.0
  np.testing.assert_array_equal(label_values.sum(axis=1), 1.0)


def test_unknown_dataset_lists_choices():
  with pytest.raises(ValueError, match='digits, mnist, fashion_mnist, cifar10'):
    data_provider.image_shape('svhn')


try:
  import tensorflow_datasets as tfds  # pylint: disable=g-import-not-at-top
except ImportError:
  tfds = None

needs_tfds = pytest.mark.skipif(
    tfds is None, reason='tensorflow_datasets is not installed (pip install '
    'tensorflow-datasets, or the examples extra)')


@needs_tfds
@pytest.mark.parametrize('dataset,shape', [('mnist', (28, 28, 1)),
                                           ('fashion_mnist', (28, 28, 1)),
                                           ('cifar10', (32, 32, 3))])
def test_tfds_loading_with_mock_data(dataset, shape):
  with tfds.testing.mock_data(num_examples=20):
    images, labels = data_provider.load_numpy(dataset, 'train')
    with tf.Graph().as_default():
      batch, one_hot = data_provider.provide_data(dataset, 8)
      with tf.compat.v1.Session() as sess:
        batch_values, one_hot_values = sess.run([batch, one_hot])
  assert images.shape == (20,) + shape and images.dtype == np.float32
  assert labels.shape == (20,)
  # uint8 0..255 maps to [-1, 1].
  assert -1.0 <= images.min() and images.max() <= 1.0
  assert batch_values.shape == (8,) + shape
  np.testing.assert_array_equal(one_hot_values.sum(axis=1), 1.0)
  assert data_provider.image_shape(dataset) == shape


@needs_tfds
def test_missing_tfds_dataset_says_how_to_get_it():
  with pytest.raises(data_provider.DatasetUnavailableError,
                     match='--tfds_download') as e:
    data_provider.load_numpy('mnist', data_dir=tempfile.mkdtemp())
  assert '--dataset=digits' in str(e.value)


def test_without_tfds_the_error_says_what_to_install(monkeypatch):
  # sys.modules[name] = None makes `import name` raise ImportError.
  monkeypatch.setitem(__import__('sys').modules, 'tensorflow_datasets', None)
  with pytest.raises(data_provider.DatasetUnavailableError,
                     match='pip install tensorflow-datasets'):
    data_provider.load_numpy('mnist')
