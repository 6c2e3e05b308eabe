# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The catalog: every loss and penalty of tfgan_ext.losses, declared once.

A function is declared where it is defined, with `declare` (for tfgan_ext's
own functions) or `declare_upstream` (for upstream TF-GAN's, re-exported):
its export name (the function's `__name__`), the loss pair (registry name)
and side it belongs to, or the penalty name; its aliases; whether the
registry lists it; and its upstream TF-GAN counterpart where the maths
coincide at the default settings.

Everything that lists losses reads this catalog instead of keeping a list:
`wargs.__all__` and its attributes, the GANModel-style functions of
`tuple_losses`, the registry (`names`, `get`, `penalty_names`,
`get_penalty`), the shared test battery and the speed benchmark's
counterparts. Adding a loss pair is: its two functions, their `declare`
lines, and a NumPy reference in tests/losses/losses_testlib.py.
"""

import collections

__all__ = [
    'DERIVE',
    'DISCRIMINATOR',
    'Entry',
    'GENERATOR',
    'PENALTY',
    'argument_style',
    'declare',
    'declare_tuple_form',
    'declare_upstream',
    'entries',
    'pair_aliases',
    'pairs',
    'penalties',
    'penalty_aliases',
    'tuple_only',
]

GENERATOR = 'generator'
DISCRIMINATOR = 'discriminator'
PENALTY = 'penalty'
_ROLES = (GENERATOR, DISCRIMINATOR, PENALTY)

Entry = collections.namedtuple('Entry', [
    'name', 'fn', 'role', 'group', 'registered', 'upstream', 'tuple_form'])
Entry.__doc__ = """One exported argument-style function.

Attributes:
  name: Export name (equal to `fn.__name__`).
  fn: The argument-style function.
  role: GENERATOR or DISCRIMINATOR (a member of a loss pair), PENALTY, or
    None (neither: ACGAN terms, feature matching, upstream helpers).
  group: The pair's registry name (e.g. 'hinge') for pair members, the
    penalty's name (e.g. 'r1') for penalties, else None.
  registered: Whether the registry lists the pair or penalty.
  upstream: Name of the upstream `tfgan.losses.wargs` function equal to it at
    the default settings (itself for re-exports of upstream), or None.
  tuple_form: `derive` (the GANModel-style form is generated from it),
    None (no GANModel-style form), or the GANModel-style function itself.
"""

DERIVE = 'derive'

_ENTRIES = collections.OrderedDict()  # name -> Entry
_PAIR_ALIASES = {}  # alias -> pair name
_PENALTY_ALIASES = {}  # alias -> penalty name
_TUPLE_ONLY = collections.OrderedDict()  # name -> GANModel-style function


def _add(entry, aliases):
  if entry.name in _ENTRIES:
    raise ValueError('%s is declared twice.' % entry.name)
  if entry.role not in _ROLES + (None,):
    raise ValueError('Unknown role %r for %s.' % (entry.role, entry.name))
  if (entry.role is None) != (entry.group is None):
    raise ValueError('%s: a pair member or penalty needs a group name, and '
                     'only they have one.' % entry.name)
  _ENTRIES[entry.name] = entry
  table = _PENALTY_ALIASES if entry.role == PENALTY else _PAIR_ALIASES
  for alias in aliases:
    if table.get(alias, entry.group) != entry.group:
      raise ValueError('Alias %r already names %r.' % (alias, table[alias]))
    table[alias] = entry.group


def declare(role=None, group=None, registered=True, aliases=(),
            upstream=None, tuple_form=DERIVE):
  """Decorator declaring one of tfgan_ext's argument-style functions.

  Args:
    role: GENERATOR, DISCRIMINATOR, PENALTY, or None.
    group: Pair name (e.g. 'hinge') or penalty name (e.g. 'r1').
    registered: Whether the registry lists it (False for losses that need a
      special discriminator, or penalties that need more arguments).
    aliases: Other names of the pair or penalty (declare them once, on one
      of its functions).
    upstream: Name of the upstream wargs function it equals at defaults.
    tuple_form: DERIVE, None, or a GANModel-style function.

  Returns:
    A decorator returning the function unchanged.
  """
  def decorator(fn):
    _add(Entry(fn.__name__, fn, role, group, registered, upstream,
               tuple_form), aliases)
    return fn
  return decorator


def declare_upstream(fn, name, role=None, group=None, aliases=(),
                     tuple_form=DERIVE):
  """Declares upstream's argument-style `name`, re-exported as `fn`.

  Args:
    fn: The function exported under `name` (upstream's, possibly wrapped).
    name: Upstream's name, which is also the export name.
    role: As for `declare`.
    group: As for `declare`.
    aliases: As for `declare`.
    tuple_form: As for `declare`.

  Returns:
    `fn`.
  """
  _add(Entry(name, fn, role, group, True, name, tuple_form), aliases)
  return fn


def declare_tuple_form(name, fn):
  """Declares `fn` as the GANModel-style form of argument-style `name`.

  For tuple forms that cannot be derived (e.g. feature matching, whose
  GANModel-style form takes a `features_fn`), or a GANModel-style function
  with no argument-style form (`name` not declared): exported by
  `tuple_losses` only.

  Args:
    name: The export name.
    fn: The GANModel-style function.

  Returns:
    `fn`.
  """
  if name in _ENTRIES:
    _ENTRIES[name] = _ENTRIES[name]._replace(tuple_form=fn)
  else:
    _TUPLE_ONLY[name] = fn
  return fn


def entries():
  """All declared entries, in declaration order."""
  return list(_ENTRIES.values())


def argument_style():
  """{export name: argument-style function}, sorted by name."""
  return collections.OrderedDict(
      (name, _ENTRIES[name].fn) for name in sorted(_ENTRIES))


def tuple_only():
  """{name: GANModel-style function} with no argument-style form."""
  return collections.OrderedDict(sorted(_TUPLE_ONLY.items()))


def pairs(registered=True):
  """{pair name: {GENERATOR: Entry, DISCRIMINATOR: Entry}}, sorted by name.

  Args:
    registered: True: the registry's pairs; False: all declared pairs.

  Raises:
    ValueError: if a declared pair lacks one of its sides.
  """
  found = collections.defaultdict(dict)
  for entry in _ENTRIES.values():
    if entry.role in (GENERATOR, DISCRIMINATOR) and (
        entry.registered or not registered):
      found[entry.group][entry.role] = entry
  for name, sides in found.items():
    if len(sides) != 2:
      missing = ({GENERATOR, DISCRIMINATOR} - set(sides)).pop()
      raise ValueError('Loss pair %r is declared without its %s loss.'
                       % (name, missing))
  return collections.OrderedDict(sorted(found.items()))


def penalties(registered=True):
  """{penalty name: Entry}, sorted by name."""
  return collections.OrderedDict(sorted(
      (e.group, e) for e in _ENTRIES.values()
      if e.role == PENALTY and (e.registered or not registered)))


def pair_aliases():
  """{alias: pair name}."""
  return dict(_PAIR_ALIASES)


def penalty_aliases():
  """{alias: penalty name}."""
  return dict(_PENALTY_ALIASES)
