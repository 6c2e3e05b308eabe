# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Tests of scripts/license_headers.py (header placement, which files count)."""

import importlib.util
import os
import shutil

import pytest

_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_SPEC = importlib.util.spec_from_file_location(
    'license_headers', os.path.join(_ROOT, 'scripts', 'license_headers.py'))
license_headers = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(license_headers)

_HEADER = ('# Copyright 2026 The tfgan_ext Authors.\n'
           '# SPDX-License-Identifier: Apache-2.0\n')


def test_header_goes_first_or_after_the_shebang():
  assert license_headers.add_header('"""Doc."""\n') == _HEADER + '"""Doc."""\n'
  assert license_headers.add_header('#!/bin/bash\nset -e\n') == (
      '#!/bin/bash\n' + _HEADER + 'set -e\n')
  assert license_headers.add_header('') == _HEADER


@pytest.mark.parametrize('text', ['x = 1\n', '#!/usr/bin/env bash\necho\n'])
def test_adding_twice_changes_nothing(text):
  once = license_headers.add_header(text)
  assert license_headers.has_header(once)
  assert not license_headers.has_header(text)
  assert license_headers.add_header(once) == once


@pytest.mark.skipif(shutil.which('git') is None
                    or not os.path.isdir(os.path.join(_ROOT, '.git'))
                    and not os.path.isfile(os.path.join(_ROOT, '.git')),
                    reason='needs a git checkout (not in a Bazel sandbox)')
def test_source_files_are_code_and_build_files():
  files = license_headers.source_files(_ROOT)
  for expected in ('BUILD', 'WORKSPACE', '.ci/run', 'scripts/test.sh',
                   'scripts/license_headers.py', 'tfgan_ext/__init__.py'):
    assert expected in files, expected
  assert not [f for f in files if f.endswith(('.md', '.csv', '.pth', '.cfg'))]
  assert 'tfgan_ext/__init__.py' not in license_headers.source_files(
      _ROOT, exclude=['tfgan_ext/'])
  # Neither code nor build files: configuration without a shebang, text.
  assert '.bazelrc' not in files and 'LICENSE' not in files


@pytest.mark.skipif(shutil.which('git') is None
                    or not os.path.isdir(os.path.join(_ROOT, '.git'))
                    and not os.path.isfile(os.path.join(_ROOT, '.git')),
                    reason='needs a git checkout (not in a Bazel sandbox)')
def test_every_source_file_has_the_header():
  missing = [f for f in license_headers.source_files(_ROOT)
             if not license_headers.has_header(
                 open(os.path.join(_ROOT, f), encoding='utf-8').read())]
  assert not missing, ('run python scripts/license_headers.py to add the '
                       'header to: %s' % ', '.join(missing))
