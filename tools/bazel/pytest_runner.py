# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Runs one pytest test module as a Bazel py_test.

The root BUILD makes one py_test per `*_test.py`, with this file as `main` and
the test module's workspace-relative path as its only argument. The tests are
pytest-style (fixtures, parametrize, hypothesis), so the module cannot run as a
plain script.

Exit status is pytest's, except that "no tests collected" (pytest's 5) counts
as a failure, as in scripts/test.sh. Test outputs go to Bazel's
TEST_UNDECLARED_OUTPUTS_DIR / TEST_TMPDIR, never into the source tree.
"""

import os
import sys


def _workspace_root():
  """The runfiles directory of the main repository (holds tfgan_ext/, tests/)."""
  here = os.path.dirname(os.path.abspath(__file__))  # <root>/tools/bazel
  return os.path.dirname(os.path.dirname(here))


def main(argv):
  if len(argv) < 2:
    sys.exit('usage: pytest_runner.py <path/to/some_test.py> [pytest args...]')
  root = _workspace_root()
  os.chdir(root)
  if root not in sys.path:
    sys.path.insert(0, root)
  os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')
  args = [argv[1], '-p', 'no:cacheprovider', '-q', '-ra', '--rootdir', root]
  tmp = os.environ.get('TEST_TMPDIR')
  if tmp:  # Bazel's per-test scratch directory; keep writes inside it.
    os.environ.setdefault('HOME', tmp)
    os.environ.setdefault('TMPDIR', tmp)
    os.environ.setdefault('MPLCONFIGDIR', os.path.join(tmp, 'matplotlib'))
    os.environ.setdefault('HYPOTHESIS_STORAGE_DIRECTORY',
                          os.path.join(tmp, 'hypothesis'))
    args += ['--basetemp', os.path.join(tmp, 'pytest')]
  args += argv[2:]
  xml = os.environ.get('XML_OUTPUT_FILE')
  if xml:  # Lets Bazel show per-test-case results.
    args += ['--junitxml', xml]

  import pytest  # pylint: disable=g-import-not-at-top
  code = int(pytest.main(args))
  if code == 5:
    print('pytest_runner: no tests collected from %s; failing.' % argv[1],
          file=sys.stderr)
    code = 1
  sys.exit(code)


if __name__ == '__main__':
  main(sys.argv)
