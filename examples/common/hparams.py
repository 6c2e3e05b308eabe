# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""From an example's flags to its `HParams`: defaults, checks, presets, records.

Each example declares its flags in its `train_lib.define_flags` (absl's
`flags.DEFINE_*`, one per setting, read top to bottom), and its `HParams`
is the namedtuple of those flags:

  # train_lib.py
  def define_flags(flag_values=flags.FLAGS):
    flags.DEFINE_enum('gan_loss', 'non_saturating', ..., flag_values=...)
    ...
  HParams = hparams.hparams_class('HParams', define_flags, RESUMABLE,
                                  module=__name__)

  # train.py
  train_lib.define_flags()
  hparams = hparams.from_flags(train_lib.HParams, FLAGS, train_lib.PRESETS)

So a flag's default is the field's default: the binaries, the tests and the
benchmarks read the same values. `validate(hparams)` checks an HParams built
in Python against the flags' parsers (choices, bounds) and validators.

Presets: the examples' defaults are shared by every loss, so that losses can
be compared with everything else equal; some losses and penalties were
published with other settings. A `Preset` records those once, with its
source; `from_flags` (with --preset=recommended, the binaries' default)
gives the fields of the matching preset that are not on the command line
the preset's values.
"""

import collections
import json
import math
import os

from absl import flags
from absl import logging
import tensorflow as tf

import tfgan_ext

__all__ = [
    'FILENAME',
    'PRESET_CHOICES',
    'PRESET_FLAG',
    'Preset',
    'apply_presets',
    'check_choice',
    'define_preset_flag',
    'find_preset',
    'from_dict',
    'from_flags',
    'hparams_class',
    'int_list_flag',
    'load',
    'require_finite',
    'resumable_fields',
    'validate',
]

# The file in train_log_dir that records a run's hyperparameters.
FILENAME = 'hparams.json'
# The binaries' --preset flag and its values.
PRESET_FLAG = 'preset'
PRESET_CHOICES = ('recommended', 'none')


def check_choice(value, choices, what):
  """Raises ValueError unless `value` is one of `choices`, listing them.

  Args:
    value: What was asked for.
    choices: The valid values.
    what: What they are, for the message (e.g. 'digits dataset').
  """
  if value not in choices:
    raise ValueError('Unknown %s %r; choose one of: %s.'
                     % (what, value, ', '.join(map(str, choices))))


def _flag_values(define_flags):
  flag_values = flags.FlagValues()
  define_flags(flag_values)
  return flag_values


def _names(flag_values):
  """The flags' names in the order they were defined (no short names)."""
  return [name for name in flag_values if flag_values[name].name == name]


def hparams_class(typename, define_flags, resumable, module):
  """A namedtuple with one field per flag `define_flags` declares.

  Args:
    typename: The class name ('HParams').
    define_flags: fn(flag_values) declaring the example's flags.
    resumable: Names of the fields that may change when a run is resumed
      from its train_log_dir (logging intervals, the step bound, eval
      options: they do not change what is trained).
    module: The defining module's `__name__` (for repr and pickling).

  Returns:
    The class; each field defaults to its flag's default.

  Raises:
    ValueError: a resumable name is not a flag.
  """
  flag_values = _flag_values(define_flags)
  names = _names(flag_values)
  unknown = sorted(set(resumable) - set(names))
  if unknown:
    raise ValueError('Resumable fields that are no flags: %s' % unknown)
  cls = collections.namedtuple(
      typename, names, defaults=[flag_values[n].default for n in names],
      module=module)
  cls._define_flags = staticmethod(define_flags)  # pylint: disable=protected-access
  cls._resumable = frozenset(resumable)  # pylint: disable=protected-access
  return cls


class _IntListParser(flags.ArgumentParser):
  """Comma-separated ints (or a sequence of ints) -> a tuple of ints."""

  def __init__(self, lower_bound=None):
    super().__init__()
    self.lower_bound = lower_bound
    self.syntactic_help = 'comma-separated ints%s' % (
        '' if lower_bound is None else ' >= %d' % lower_bound)

  def parse(self, argument):
    values = (argument.split(',') if isinstance(argument, str)
              else list(argument))
    try:
      ints = tuple(int(v) for v in values if str(v).strip())
    except ValueError:
      raise ValueError('%r is not %s' % (argument, self.syntactic_help)
                       ) from None
    if any(isinstance(v, float) and int(v) != v for v in values):
      raise ValueError('%r is not %s' % (argument, self.syntactic_help))
    if self.lower_bound is not None and any(v < self.lower_bound
                                            for v in ints):
      raise ValueError('%r is not %s' % (argument, self.syntactic_help))
    return ints

  def flag_type(self):
    return 'int list'


def int_list_flag(name, default, help, lower_bound=None,  # pylint: disable=redefined-builtin
                  flag_values=flags.FLAGS):
  """Defines a flag of comma-separated ints, whose value is a tuple."""
  flags.DEFINE(_IntListParser(lower_bound), name, default, help,
               flag_values=flag_values,
               serializer=flags.CsvListSerializer(','))


def require_finite(flag_values):
  """Refuses NaN and infinity for every float flag (absl's bounds don't)."""
  for name in _names(flag_values):
    if isinstance(flag_values[name].parser, flags.FloatParser):
      flags.register_validator(
          name, lambda v: v is None or math.isfinite(v),
          '--%s must be a finite number.' % name, flag_values=flag_values)


def _built_here(hparams_cls):
  if not hasattr(hparams_cls, '_define_flags'):
    raise TypeError('%r was not built by examples.common.hparams.'
                    'hparams_class.' % (hparams_cls,))
  return hparams_cls


def validate(hparams):
  """Checks every field against its flag's parser and validators.

  Raises:
    ValueError: naming the first field whose value its flag would refuse.
    TypeError: `hparams` is no example's HParams.
  """
  flag_values = _flag_values(_built_here(type(hparams))._define_flags)  # pylint: disable=protected-access
  for name, value in hparams._asdict().items():
    flag = flag_values[name]
    if value is None and flag.default is None:
      continue
    try:
      flag.value = flag.parser.parse(value)
    except (ValueError, TypeError) as e:
      raise ValueError('HParams field %s: %r is not allowed (%s).'
                       % (name, value, e)) from None
  try:
    flag_values.validate_all_flags()
  except flags.IllegalFlagValueError as e:
    raise ValueError('HParams: %s' % e) from None


def resumable_fields(hparams_cls):
  """Names of the fields that may change when a run is resumed."""
  return _built_here(hparams_cls)._resumable  # pylint: disable=protected-access


# ------------------------------------------------------------- presets ---

Preset = collections.namedtuple('Preset', 'when values source')
Preset.__doc__ = """Settings recorded for some values of an example's flags.

Attributes:
  when: {field: value} the preset is for, e.g. {'gan_loss': 'hinge',
    'penalty': 'none'}; registry aliases match their canonical names
    ('non_saturating' matches 'modified').
  values: {field: value} it sets.
  source: Where the values come from (a paper, its code, a measurement
    here).
"""

# Registry aliases of flag values ('non_saturating' -> 'modified', ...).
_ALIASES = {**tfgan_ext.losses.aliases(), **tfgan_ext.losses.penalty_aliases()}


def _canonical(value):
  return _ALIASES.get(value, value) if isinstance(value, str) else value


def find_preset(presets, hparams):
  """The preset matching `hparams` with the most conditions, or None."""
  matches = [p for p in presets if all(
      _canonical(getattr(hparams, field)) == _canonical(value)
      for field, value in p.when.items())]
  matches.sort(key=lambda p: -len(p.when))
  return matches[0] if matches else None


def apply_presets(hparams, presets, explicit=()):
  """`hparams` with its preset's values for the fields not in `explicit`.

  A preset that would change a field it is matched on (one that adds a
  penalty to a loss, say) is a different configuration: it does not apply
  when that field is in `explicit`.

  Args:
    hparams: An example's HParams.
    presets: The example's presets (`train_lib.PRESETS`).
    explicit: Names of fields the user set (kept as they are).

  Returns:
    (new hparams, {field: value} that were set, the Preset or None).

  Raises:
    ValueError: the preset names a field `hparams` does not have.
  """
  preset = find_preset(presets, hparams)
  if preset is None or any(f in explicit for f in preset.values
                           if f in preset.when):
    return hparams, {}, None
  unknown = sorted(set(preset.values) - set(hparams._fields))
  if unknown:
    raise ValueError('Preset for %s sets unknown fields: %s'
                     % (preset.when, ', '.join(unknown)))
  changes = {k: v for k, v in preset.values.items()
             if k not in explicit and getattr(hparams, k) != v}
  return hparams._replace(**changes), changes, preset


def define_preset_flag(flag_values=flags.FLAGS):
  """Declares --preset, the binaries' choice of `from_flags`' presets."""
  flags.DEFINE_enum(
      PRESET_FLAG, PRESET_CHOICES[0], PRESET_CHOICES,
      'recommended: the flags not on the command line take the settings '
      'recorded for the chosen --gan_loss and --penalty (train_lib.PRESETS, '
      'e.g. the critic steps a penalty was measured with), with their '
      'source. none: the shared defaults for every loss.',
      flag_values=flag_values)


def from_flags(hparams_cls, flag_values=flags.FLAGS, presets=()):
  """`hparams_cls` from the parsed flags named like its fields.

  With `presets`, the matching preset sets the fields not given on the
  command line (`apply_presets`), unless --preset=none (when the flags have
  --preset, `define_preset_flag`); what it set is logged.
  `train_lib.train` validates the result.

  Args:
    hparams_cls: The example's HParams class.
    flag_values: The parsed flags.
    presets: The example's presets (`train_lib.PRESETS`).
  """
  if PRESET_FLAG in flag_values and flag_values[PRESET_FLAG].value == 'none':
    presets = ()
  hparams = hparams_cls(**{name: flag_values[name].value
                           for name in hparams_cls._fields})
  explicit = {name for name in hparams_cls._fields
              if flag_values[name].present}
  hparams, changes, preset = apply_presets(hparams, presets, explicit)
  if changes:
    logging.info('--preset=recommended for %s (%s): %s; --preset=none keeps '
                 'the shared defaults.',
                 ', '.join('%s=%s' % kv for kv in sorted(preset.when.items())),
                 preset.source,
                 ', '.join('--%s=%s' % kv for kv in sorted(changes.items())))
  return hparams


# ------------------------------------------------------------- records ---


def from_dict(hparams_cls, values):
  """`hparams_cls` from a dict as stored in JSON (lists for tuples).

  Keys that are not fields are ignored (a run recorded by an older version);
  fields missing from `values` keep their defaults.
  """
  return hparams_cls(**{
      name: tuple(values[name]) if isinstance(values[name], list)
      else values[name] for name in hparams_cls._fields if name in values})


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
