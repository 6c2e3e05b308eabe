# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Installs tfgan_ext plus the .pth file that registers its import hook.

Everything but the .pth file is declared in setup.cfg. The .pth file goes to
the top of the wheel, i.e. into site-packages, for regular and editable
installs alike.
"""

import os
import shutil

import setuptools
from setuptools.command import build_py
from setuptools.command import editable_wheel

_PTH = 'tfgan_ext_import_hook.pth'
_HERE = os.path.dirname(os.path.abspath(__file__))


class BuildPyWithPth(build_py.build_py):
  """`pip install .`: copies the .pth file next to the packages."""

  def run(self):
    super().run()
    if not self.editable_mode:
      shutil.copy(os.path.join(_HERE, _PTH), os.path.join(self.build_lib, _PTH))

  def get_outputs(self, include_bytecode=True):
    outputs = super().get_outputs(include_bytecode)
    if self.editable_mode:
      return outputs
    return outputs + [os.path.join(self.build_lib, _PTH)]


class EditableWheelWithPth(editable_wheel.editable_wheel):
  """`pip install -e .`: adds the .pth file to the editable wheel's root."""

  def _install_namespaces(self, installation_dir, pth_prefix):
    super()._install_namespaces(installation_dir, pth_prefix)
    shutil.copy(os.path.join(_HERE, _PTH), os.path.join(installation_dir, _PTH))


setuptools.setup(cmdclass={'build_py': BuildPyWithPth,
                           'editable_wheel': EditableWheelWithPth})
