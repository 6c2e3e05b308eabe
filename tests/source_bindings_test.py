# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""What a reader sees is what runs: names bound in source, signatures written.

With scripts/source_report.py, which reads the source as static tools do:
every name in `__all__` of `tfgan_ext.losses`, `.losses.wargs` and
`.losses.tuple_losses` must be bound in its module's source (`def`, class,
assignment, import, or `from m import *` over a literal `__all__`), and every
argument-style function's `def` must list exactly the parameters that
`inspect.signature` reports (no decorator may change what a function takes).
"""

import importlib.util
import os

import pytest

_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_SPEC = importlib.util.spec_from_file_location(
    'source_report', os.path.join(_ROOT, 'scripts', 'source_report.py'))
source_report = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(source_report)


@pytest.mark.parametrize('module', source_report.LOSS_MODULES)
def test_public_names_are_bound_in_source(module):
  assert source_report.unbound_public_names(module) == []


def test_argument_style_defs_list_what_they_accept():
  assert source_report.rewritten_signatures() == {}


def test_the_checks_can_fail(tmp_path, monkeypatch):
  # A module that fills itself at run time, and a decorator that rewrites a
  # signature, are both caught.
  package = tmp_path / 'sb_pkg'
  package.mkdir()
  (package / '__init__.py').write_text('')
  (package / 'literal.py').write_text(
      "__all__ = ['a', 'b']\ndef a():\n  pass\nb = 1\n")
  (package / 'generated.py').write_text(
      'from sb_pkg.literal import *\n'
      "globals().update({'c': 1})\n__all__ = ['a', 'b', 'c']\n")
  monkeypatch.syspath_prepend(str(tmp_path))
  assert source_report.unbound_public_names('sb_pkg.literal') == []
  assert source_report.unbound_public_names('sb_pkg.generated') == ['c']

  import functools  # pylint: disable=g-import-not-at-top
  import inspect  # pylint: disable=g-import-not-at-top

  def loss(discriminator_gen_outputs):
    return discriminator_gen_outputs

  @functools.wraps(loss)
  def rewritten(*args, **kwargs):
    return loss(*args, **kwargs)
  rewritten.__signature__ = inspect.Signature(
      list(inspect.signature(loss).parameters.values()) +
      [inspect.Parameter('weights', inspect.Parameter.POSITIONAL_OR_KEYWORD,
                         default=1.0)])
  assert source_report.written_parameters(loss) == (
      source_report.signature_parameters(loss))
  assert source_report.written_parameters(rewritten) != (
      source_report.signature_parameters(rewritten))


def test_gan_loss_flag_reaches_the_loss_body_through_six_files_or_fewer():
  # In its own process: the toy2d binary defines its flags globally.
  import json  # pylint: disable=g-import-not-at-top
  import subprocess  # pylint: disable=g-import-not-at-top
  import sys  # pylint: disable=g-import-not-at-top
  out = subprocess.run(
      [sys.executable, os.path.join(_ROOT, 'scripts', 'source_report.py'),
       '--paths', '--json'], capture_output=True, text=True, check=True,
      cwd=_ROOT, env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL='3')).stdout
  path = json.loads(out[out.index('{'):])['gan_loss_flag_path']
  files = path['stack'] + path['name'] + path['hparams']
  # The flag's declaration and reading, the loop, the registry, the
  # GANModel-style form and the body (issue 29's bound: 6).
  assert path['total'] == len(files) <= 6, files
  assert 'examples/toy2d/train_lib.py' in path['stack']
  assert 'tfgan_ext/losses/losses_impl.py' in path['stack']
