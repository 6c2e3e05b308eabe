# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Image data for the digits example, as values in [-1, 1], NHWC float32.

* `digits` (default, offline): scikit-learn's bundled 8x8 handwritten digits
  (1,797 images, 16 grey levels), `sklearn.datasets.load_digits()`.
* `mnist`, `fashion_mnist` (28x28x1) and `cifar10` (32x32x3) through
  tensorflow_datasets, for users who have them or can download them
  (`--tfds_download`); the data are never downloaded unless asked.
"""

import numpy as np
import tensorflow as tf

__all__ = [
    'DATASETS',
    'DatasetUnavailableError',
    'image_shape',
    'load_numpy',
    'num_classes',
    'provide_data',
    'training_subset',
]

DATASETS = ('digits', 'mnist', 'fashion_mnist', 'cifar10')
_SHAPES = {'digits': (8, 8, 1), 'mnist': (28, 28, 1),
           'fashion_mnist': (28, 28, 1), 'cifar10': (32, 32, 3)}


class DatasetUnavailableError(RuntimeError):
  """The data set is not on this machine (and was not to be downloaded)."""


def _check(dataset):
  if dataset not in DATASETS:
    raise ValueError('Unknown digits dataset %r; choose one of: %s'
                     % (dataset, ', '.join(DATASETS)))


def image_shape(dataset):
  """(height, width, channels) of `dataset`'s images."""
  _check(dataset)
  return _SHAPES[dataset]


def num_classes(dataset):
  """Number of labels (10 for all data sets here)."""
  _check(dataset)
  return 10


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
               download=False):
  """All (or the first `max_examples`) images and labels as NumPy arrays.

  For `digits`, 'train' is all 1,797 images (the GAN's data), 'test' is empty
  of its own: the digits example splits its arrays itself where it needs to.

  Returns:
    (images float32 [N, H, W, C] in [-1, 1], labels int64 [N]).
  """
  _check(dataset)
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
  keep = max(1, int(round(fraction * len(images))))
  order = np.random.default_rng(seed).permutation(len(images))[:keep]
  return images[order], labels[order]


def _fraction_split(split, fraction):
  """A tfds split of its first `fraction` (tfds' order, not shuffled)."""
  if fraction >= 1.0:
    return split
  return '%s[:%d%%]' % (split, max(1, int(round(100 * fraction))))


def provide_data(dataset, batch_size, split='train', seed=0, data_dir=None,
                 download=False, fraction=1.0, subset_seed=None):
  """Shuffled, repeated batches as graph tensors.

  With `fraction` < 1, only `training_subset(..., subset_seed)` of the data
  (default subset_seed: `seed`; for the tfds data sets the first `fraction`
  of the split, in whole percent).

  Returns:
    (images float32 [batch_size, H, W, C] in [-1, 1],
     one-hot labels float32 [batch_size, 10]).
  """
  _check(dataset)
  if dataset == 'digits':
    images, labels = training_subset(
        *_sklearn_digits(), fraction,
        seed if subset_seed is None else subset_seed)
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
