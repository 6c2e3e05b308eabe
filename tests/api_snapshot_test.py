# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The public API, compared with the snapshot committed beside this test.

`tests/api_snapshot.txt` lists every name in `__all__` of the public modules
with its kind and signature (functions, classes and their own public
methods and properties, constants' values), and every registry name and
alias. A change to the public API fails this test until the snapshot is
rewritten on purpose, so that it shows in review:

  python tests/api_snapshot_test.py --update
"""

import inspect
import re
import os
import sys
import types

import tfgan_ext
import tfgan_ext.conditional.keras_base  # Imports no Keras package either.
import tfgan_ext.keras  # Imports no Keras package itself.

SNAPSHOT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                        'api_snapshot.txt')
MODULES = (
    'tfgan_ext',
    'tfgan_ext.addons',
    'tfgan_ext.augment',
    'tfgan_ext.compat',
    'tfgan_ext.conditional',
    'tfgan_ext.conditional.keras_base',  # The Keras layers' API (no Keras).
    'tfgan_ext.losses',
    'tfgan_ext.losses.wargs',
    'tfgan_ext.losses.tuple_losses',
    'tfgan_ext.metrics',
    'tfgan_ext.keras',
    'tfgan_ext.keras.callbacks',
    'tfgan_ext.keras.distribute',
    'tfgan_ext.keras.faults',
    'tfgan_ext.keras.quality_callback',
)


def _signature(obj):
  try:
    # A function default shows as '<function name at 0x...>': drop the
    # address, which changes from run to run.
    return re.sub(r' at 0x[0-9a-f]+>', '>', str(inspect.signature(obj)))
  except (TypeError, ValueError):
    return '(<no signature>)'


def _value(obj):
  if isinstance(obj, (str, int, float, bool, type(None), tuple, frozenset)):
    return repr(obj)
  return '<%s>' % type(obj).__name__


def _own_members(cls):
  """Members defined by `cls` and its tfgan_ext base classes (not Keras')."""
  members = {}
  for klass in reversed(cls.__mro__):
    if klass is cls or klass.__module__.startswith('tfgan_ext'):
      members.update(vars(klass))
  return members


def _class_lines(qualname, cls):
  lines = ['%s: class%s' % (qualname, _signature(cls))]
  for name, member in sorted(_own_members(cls).items()):
    if name.startswith('_'):
      continue
    if isinstance(member, property):
      lines.append('%s.%s: property' % (qualname, name))
    elif isinstance(member, (staticmethod, classmethod)):
      lines.append('%s.%s: %s%s' % (qualname, name, type(member).__name__,
                                    _signature(member.__func__)))
    elif inspect.isfunction(member):
      lines.append('%s.%s: method%s' % (qualname, name, _signature(member)))
  return lines


def describe_api():
  """The lines of the snapshot, sorted."""
  lines = []
  for module_name in MODULES:
    module = sys.modules[module_name]
    for name in module.__all__:
      obj = getattr(module, name)
      qualname = '%s.%s' % (module_name, name)
      if isinstance(obj, types.ModuleType):
        lines.append('%s: module %s' % (qualname, obj.__name__))
      elif inspect.isclass(obj):
        lines.extend(_class_lines(qualname, obj))
      elif callable(obj):
        lines.append('%s: function%s' % (qualname, _signature(obj)))
      else:
        lines.append('%s: %s' % (qualname, _value(obj)))
  losses = tfgan_ext.losses
  for name in losses.names(include_aliases=True):
    pair = losses.get(name)
    lines.append('registry loss %s: %s, %s' % (
        name, pair.generator_loss_fn.__name__,
        pair.discriminator_loss_fn.__name__))
  for name in losses.penalty_names(include_aliases=True):
    lines.append('registry penalty %s: %s'
                 % (name, losses.get_penalty(name).__name__))
  return sorted(lines)


def test_public_api_equals_the_snapshot():
  with open(SNAPSHOT, encoding='utf-8') as f:
    expected = f.read().splitlines()
  actual = describe_api()
  missing = sorted(set(expected) - set(actual))
  added = sorted(set(actual) - set(expected))
  assert not missing and not added, (
      'The public API changed. Gone or different:\n  %s\nNew or different:'
      '\n  %s\nIf this is intended, run python tests/api_snapshot_test.py '
      '--update and commit tests/api_snapshot.txt.'
      % ('\n  '.join(missing) or '-', '\n  '.join(added) or '-'))


if __name__ == '__main__':
  if sys.argv[1:] != ['--update']:
    sys.exit('usage: python tests/api_snapshot_test.py --update')
  with open(SNAPSHOT, 'w', encoding='utf-8') as f:
    f.write('\n'.join(describe_api()) + '\n')
  print('wrote', SNAPSHOT)
