# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Example hyperparameters, each declared once: default, help, flag options.

An example's `train_lib.HParams` is a namedtuple built here from declared
fields: the fields every example has (`examples.common.fields`, with the
example's own defaults) plus the example's own. Its defaults are the only
defaults: the absl flags of `train.py`, the tests and the benchmarks all
read them.

  # train_lib.py
  HParams = hparams.hparams_class('HParams', fields.common_fields(
      batch_size=256, max_number_of_steps=10000) + (
          hparams.Field('dataset', 'ring', 'Mixture.',
                        choices=('ring', 'grid')),
      ), module=__name__)

  # train.py: one flag per field; main() reads HParams from the flags.
  hparams.define_flags(train_lib.HParams)
  hparams = hparams.hparams_from_flags(train_lib.HParams, train_lib.TASK)

The flag type follows the default (bool, int, float, str or None; `choices`
make an enum; a tuple is a comma-separated list of the element type). A
number must be finite (NaN and infinity are refused) and within bounds.
`resumable=True` lets a field change when a run is resumed (logging
intervals, the step bound, eval options). `define_flags` also defines
`--preset=recommended|none`: with 'recommended' (the default), the fields
that the chosen loss and penalty have a preset for on the task
(`examples.common.presets`, e.g. WGAN-GP's five critic steps) take the
preset's values unless they are on the command line.
"""

import collections
import dataclasses
import json
import math
import os
from typing import Any

from absl import flags
from absl import logging
import tensorflow as tf

from examples.common import presets

__all__ = [
    'FILENAME',
    'Field',
    'PRESET_FLAG',
    'declarations',
    'define_flags',
    'from_dict',
    'hparams_class',
    'hparams_from_flags',
    'load',
    'resumable_fields',
    'validate',
]

# The file in train_log_dir that records a run's hyperparameters.
FILENAME = 'hparams.json'
# The flag that chooses between presets and the shared defaults.
PRESET_FLAG = 'preset'

_SCALAR_TYPES = (bool, int, float, str)


@dataclasses.dataclass(frozen=True)
class Field:
  """One hyperparameter: its name, default, help text and flag options.

  Attributes:
    name: The HParams field and the flag name.
    default: The default value; its type decides the flag's type (bool, int,
      float, str; None for a string without default; a tuple for a list).
    help: The flag's help text.
    choices: Allowed values (an enum flag), or None.
    lower_bound: Smallest allowed value (of every element, for a tuple).
    upper_bound: Largest allowed value (likewise).
    element_type: Element type of a tuple field; inferred from a non-empty
      default.
    required: The flag must be given on the command line.
    resumable: The value may differ when a run is resumed from its
      train_log_dir (it does not change what is trained).
  """
  name: str
  default: Any
  help: str
  choices: tuple | None = None
  lower_bound: float | None = None
  upper_bound: float | None = None
  element_type: type | None = None
  required: bool = False
  resumable: bool = False

  def __post_init__(self):
    if not self.name.isidentifier() or self.name.startswith('_'):
      raise ValueError('Field name %r is not a public identifier.' % self.name)
    default = self.default
    if isinstance(default, list):
      raise TypeError('Field %s: give a list default as a tuple (HParams stay '
                      'hashable).' % self.name)
    if isinstance(default, tuple):
      element_type = self.element_type or (type(default[0]) if default
                                           else None)
      if element_type not in (int, float, str):
        raise TypeError('Field %s: a tuple field needs elements of int, float '
                        'or str (element_type=...).' % self.name)
      if default and {type(v) for v in default} != {element_type}:
        raise TypeError('Field %s: every element of the default %r must be '
                        'a %s.' % (self.name, default, element_type.__name__))
      object.__setattr__(self, 'element_type', element_type)
    elif default is not None and not isinstance(default, _SCALAR_TYPES):
      raise TypeError('Field %s: default %r is not a bool, int, float, str, '
                      'None or tuple.' % (self.name, default))
    elif self.element_type is not None:
      raise TypeError('Field %s: element_type is for tuple fields.'
                      % self.name)
    if self.choices is not None:
      object.__setattr__(self, 'choices', tuple(self.choices))
    problem = self.problem(default)
    if problem:
      raise ValueError('Field %s: the default %s.' % (self.name, problem))

  @property
  def kind(self):
    """'enum', 'boolean', 'integer', 'float', 'list' or 'string'."""
    if self.choices is not None:
      return 'enum'
    if isinstance(self.default, tuple):
      return 'list'
    for kind, cls in (('boolean', bool), ('integer', int), ('float', float)):
      if isinstance(self.default, cls):
        return kind
    return 'string'

  def problem(self, value):
    """Why `value` is not allowed for this field (a phrase), or None."""
    if value is None:
      return None
    if self.choices is not None and value not in self.choices:
      return '%r is not one of: %s' % (value, ', '.join(map(str, self.choices)))
    numbers = value if isinstance(value, (tuple, list)) else (value,)
    for number in numbers:
      if isinstance(number, bool) or not isinstance(number, (int, float)):
        continue
      if not math.isfinite(number):
        return '%r is not a finite number' % (value,)
      if self.lower_bound is not None and number < self.lower_bound:
        return '%r is below the lower bound %s' % (value, self.lower_bound)
      if self.upper_bound is not None and number > self.upper_bound:
        return '%r is above the upper bound %s' % (value, self.upper_bound)
    return None

  def from_json(self, value):
    """`value` as stored in JSON (lists for tuples) -> the field's type."""
    if self.kind == 'list' and value is not None:
      return tuple(self.element_type(v) for v in value)
    return value


def hparams_class(typename, fields, module):
  """A namedtuple class with one field per `Field`, defaulting to its default.

  Args:
    typename: The class name ('HParams').
    fields: A sequence of `Field`s; names must be unique.
    module: The defining module's `__name__` (for repr and pickling).

  Returns:
    The namedtuple class; `declarations(cls)` gives back `fields`.

  Raises:
    ValueError: a name is declared twice.
  """
  fields = tuple(fields)
  names = [f.name for f in fields]
  twice = sorted({n for n in names if names.count(n) > 1})
  if twice:
    raise ValueError('Fields declared twice: %s (change a common field\'s '
                     'default with fields.common_fields(name=value)).'
                     % ', '.join(twice))
  cls = collections.namedtuple(
      typename, names, defaults=[f.default for f in fields], module=module)
  cls._declarations = fields  # pylint: disable=protected-access
  return cls


def resumable_fields(hparams_cls):
  """Names of the fields declared `resumable` (free to change on resume)."""
  return frozenset(f.name for f in declarations(hparams_cls) if f.resumable)


def declarations(hparams_cls):
  """The `Field`s `hparams_cls` was built from (see `hparams_class`)."""
  fields = getattr(hparams_cls, '_declarations', None)
  if fields is None:
    raise TypeError('%r was not built by examples.common.hparams.'
                    'hparams_class.' % (hparams_cls,))
  return fields


def define_flags(hparams_cls, flag_values=flags.FLAGS):
  """Defines one absl flag per field of `hparams_cls`, from its declaration."""
  fv = flag_values
  for f in declarations(hparams_cls):
    bounds = dict(lower_bound=f.lower_bound, upper_bound=f.upper_bound)
    if f.kind == 'enum':
      flags.DEFINE_enum(f.name, f.default, f.choices, f.help, flag_values=fv)
    elif f.kind == 'boolean':
      flags.DEFINE_boolean(f.name, f.default, f.help, flag_values=fv)
    elif f.kind == 'integer':
      flags.DEFINE_integer(f.name, f.default, f.help, flag_values=fv, **bounds)
    elif f.kind == 'float':  # absl's bounds let NaN through: refuse it.
      flags.DEFINE_float(f.name, f.default, f.help, flag_values=fv, **bounds)
      flags.register_validator(f.name, lambda v: v is None or math.isfinite(v),
                               '--%s must be a finite number.' % f.name, fv)
    elif f.kind == 'list':
      flags.DEFINE_list(f.name, [str(v) for v in f.default],
                        '%s (comma-separated %ss)' % (
                            f.help.rstrip('.'), f.element_type.__name__),
                        flag_values=fv)
      flags.register_validator(
          f.name, _list_checker(f),
          message='--%s takes comma-separated %ss%s.' % (
              f.name, f.element_type.__name__, _bounds_text(f)),
          flag_values=fv)
    else:
      flags.DEFINE_string(f.name, f.default, f.help, flag_values=fv)
    if f.required:
      flags.mark_flag_as_required(f.name, flag_values=fv)
  if PRESET_FLAG not in fv:
    flags.DEFINE_enum(
        PRESET_FLAG, presets.CHOICES[0], presets.CHOICES,
        'recommended: fields not given on the command line take the settings '
        'recorded for the chosen --gan_loss and --penalty on this task, with '
        'their source (examples/common/presets.py; e.g. WGAN-GP\'s 5 critic '
        'steps). none: the shared defaults for every loss.', flag_values=fv)


def _bounds_text(f):
  parts = []
  if f.lower_bound is not None:
    parts.append('>= %s' % f.lower_bound)
  if f.upper_bound is not None:
    parts.append('<= %s' % f.upper_bound)
  return (', each ' + ' and '.join(parts)) if parts else ''


def _list_checker(f):
  def check(values):
    try:
      converted = tuple(f.element_type(v) for v in values)
    except ValueError:
      return False
    return f.problem(converted) is None
  return check


def hparams_from_flags(hparams_cls, task, flag_values=flags.FLAGS):
  """`hparams_cls` from the parsed flags named like its fields.

  List flags become tuples of the field's element type, so HParams stay
  hashable and hold what the declarations say. With `--preset=recommended`
  the preset of the chosen loss and penalty on `task` (`presets.apply`) sets
  the fields not given on the command line; what it set is logged
  (`train_lib.train` validates the result).

  Args:
    hparams_cls: The example's HParams class.
    task: The example's task for presets ('toy2d' or 'digits').
    flag_values: The parsed flags.
  """
  hparams = hparams_cls(**{
      f.name: (tuple(f.element_type(v) for v in flag_values[f.name].value)
               if f.kind == 'list' else flag_values[f.name].value)
      for f in declarations(hparams_cls)})
  if PRESET_FLAG in flag_values and flag_values[PRESET_FLAG].value == 'none':
    return hparams
  explicit = {f.name for f in declarations(hparams_cls)
              if flag_values[f.name].present}
  chosen = hparams.gan_loss, hparams.penalty
  hparams, changes, preset = presets.apply(hparams, task, explicit)
  if changes:
    logging.info('--preset=recommended for %s + %s on %s (%s): %s; '
                 '--preset=none keeps the shared defaults.',
                 chosen[0], chosen[1], preset.task, preset.source,
                 ', '.join('--%s=%s' % kv for kv in sorted(changes.items())))
  return hparams


def from_dict(hparams_cls, values):
  """`hparams_cls` from a dict as stored in JSON (lists for tuples).

  Keys that are not fields are ignored (a run recorded by an older version);
  fields missing from `values` keep their defaults.
  """
  return hparams_cls(**{f.name: f.from_json(values[f.name])
                        for f in declarations(hparams_cls)
                        if f.name in values})


def load(hparams_cls, train_log_dir):
  """The `hparams_cls` a training run recorded in `train_log_dir`.

  Raises:
    FileNotFoundError: no recorded run there (the message says how to train).
  """
  path = os.path.join(train_log_dir, FILENAME)
  if not tf.io.gfile.exists(path):
    raise FileNotFoundError(
        'No %s: train first with --train_log_dir=%s' % (path, train_log_dir))
  with tf.io.gfile.GFile(path) as f:
    return from_dict(hparams_cls, json.load(f))


def validate(hparams):
  """Checks every field of `hparams` against its choices and bounds.

  Raises:
    ValueError: naming the first field whose value is not allowed.
  """
  for f in declarations(type(hparams)):
    problem = f.problem(getattr(hparams, f.name))
    if problem:
      raise ValueError('HParams field %s: %s.' % (f.name, problem))
