# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Runs `import tfgan_ext` whenever `tensorflow_gan` is imported first.

Installed with tfgan_ext, the file ``tfgan_ext_import_hook.pth`` in
site-packages calls :func:`register` at interpreter start. That only adds a
finder to ``sys.meta_path``; nothing is imported until some code imports
``tensorflow_gan``. Then the finder imports ``tfgan_ext`` (which patches the
stack and imports ``tensorflow_gan`` itself) and hands the already imported
module to the import that triggered it. Existing TF-GAN code therefore runs
unchanged.

Switch it off with the environment variable ``TFGAN_EXT_IMPORT_HOOK=0``; then
add ``import tfgan_ext`` before ``import tensorflow_gan``.
"""

import importlib
import importlib.abc
import importlib.machinery
import os
import sys

__all__ = ['TfganExtFinder', 'enabled', 'register', 'unregister']


def enabled():
  """Returns False when TFGAN_EXT_IMPORT_HOOK is 0, false, no or off."""
  value = os.environ.get('TFGAN_EXT_IMPORT_HOOK', '1').strip().lower()
  return value not in ('0', 'false', 'no', 'off')


class _AlreadyImported(importlib.abc.Loader):
  """Loader that returns a module imported by the finder itself."""

  def __init__(self, module):
    self._module = module
    self._spec = module.__spec__

  def create_module(self, spec):
    return self._module

  def exec_module(self, module):
    module.__spec__ = self._spec  # The import machinery set ours; restore.


class TfganExtFinder(importlib.abc.MetaPathFinder):
  """Imports tfgan_ext before the first import of tensorflow_gan."""

  def find_spec(self, fullname, path=None, target=None):
    if fullname != 'tensorflow_gan':
      return None
    unregister()  # One shot; from here on imports go the normal way.
    if 'tfgan_ext' in sys.modules:  # tfgan_ext itself is importing TF-GAN.
      return None
    importlib.import_module('tfgan_ext')
    module = sys.modules['tensorflow_gan']
    real = module.__spec__
    spec = importlib.machinery.ModuleSpec(
        fullname, _AlreadyImported(module), origin=real.origin,
        is_package=real.submodule_search_locations is not None)
    spec.submodule_search_locations = real.submodule_search_locations
    # The import system, seeing the module already in sys.modules, uses its
    # __spec__; so that it takes our loader (which re-executes nothing), the
    # module carries our spec until _AlreadyImported.exec_module restores it.
    module.__spec__ = spec
    return spec


def register():
  """Adds the finder (once) unless switched off or tensorflow_gan is loaded."""
  if not enabled() or 'tensorflow_gan' in sys.modules:
    return
  if not any(isinstance(f, TfganExtFinder) for f in sys.meta_path):
    sys.meta_path.insert(0, TfganExtFinder())


def unregister():
  """Removes the finder from sys.meta_path."""
  sys.meta_path[:] = [
      f for f in sys.meta_path if not isinstance(f, TfganExtFinder)]
