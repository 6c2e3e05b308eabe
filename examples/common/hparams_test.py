# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Tests of the examples' flags and HParams (examples.common.hparams).

Each example declares its flags in `train_lib.define_flags`; `HParams` is
the namedtuple of those flags. These tests parse command lines into a fresh
`flags.FlagValues` as the binaries do (train.py: `define_flags`, then
`hparams.from_flags` with the example's presets).
"""

import json
import math

from absl import flags
import hypothesis
from hypothesis import strategies as st
import pytest

import tfgan_ext
from examples.common import hparams as hparams_lib
from examples.digits import train_lib as digits_train_lib
from examples.toy2d import train_lib as toy2d_train_lib

_EXAMPLES = [toy2d_train_lib, digits_train_lib]
_IDS = ['toy2d', 'digits']


def _flag_values(train_lib):
  fv = flags.FlagValues()
  train_lib.define_flags(fv)
  return fv


def _parse(train_lib, *args):
  """HParams from a command line, as train.py makes them (--preset default)."""
  fv = _flag_values(train_lib)
  fv(['prog', '--train_log_dir=/tmp/x'] + list(args))
  return hparams_lib.from_flags(train_lib.HParams, fv, train_lib.PRESETS)


@pytest.mark.parametrize('train_lib', _EXAMPLES, ids=_IDS)
def test_loss_and_penalty_choices_are_the_registry_names(train_lib):
  fv = _flag_values(train_lib)
  assert tuple(fv['gan_loss'].parser.enum_values) == tfgan_ext.losses.names(
      include_aliases=True)
  assert tuple(fv['penalty'].parser.enum_values) == (
      (tfgan_ext.losses.NO_PENALTY,)
      + tfgan_ext.losses.penalty_names(include_aliases=True))


def test_unknown_loss_is_an_error_listing_the_choices():
  with pytest.raises(flags.IllegalFlagValueError) as e:
    _parse(toy2d_train_lib, '--gan_loss=hingee')
  for name in ('hinge', 'non_saturating', 'wasserstein'):
    assert name in str(e.value)


def test_unknown_penalty_is_an_error_listing_the_choices():
  with pytest.raises(flags.IllegalFlagValueError) as e:
    _parse(digits_train_lib, '--penalty=r3')
  for name in ('none',) + tuple(tfgan_ext.losses.penalty_names()):
    assert name in str(e.value)


@pytest.mark.parametrize('train_lib', _EXAMPLES, ids=_IDS)
def test_train_log_dir_is_required(train_lib):
  fv = _flag_values(train_lib)
  with pytest.raises(flags.IllegalFlagValueError, match='train_log_dir'):
    fv(['prog'])


@pytest.mark.parametrize('train_lib', _EXAMPLES, ids=_IDS)
def test_flag_defaults_are_the_hparams_defaults(train_lib):
  # One flag per field, in the order define_flags declares them, and parsing
  # no flag but the required one gives the HParams defaults exactly (tuples
  # included).
  fv = _flag_values(train_lib)
  assert [n for n in fv if fv[n].name == n] == list(
      train_lib.HParams._fields)
  for name in train_lib.HParams._fields:
    assert train_lib.HParams._field_defaults[name] == fv[name].default, name
  assert _parse(train_lib) == train_lib.HParams(train_log_dir='/tmp/x')


def test_every_field_has_a_default_and_keywords_override_them():
  hparams = toy2d_train_lib.HParams(train_log_dir='/d', gan_loss='hinge')
  assert (hparams.train_log_dir, hparams.gan_loss) == ('/d', 'hinge')
  assert hparams.batch_size == toy2d_train_lib.HParams().batch_size
  with pytest.raises(TypeError, match='batch'):
    toy2d_train_lib.HParams(batch=7)  # pylint: disable=unexpected-keyword-arg


def test_example_defaults_are_the_documented_ones():
  # docs/trainers.md: toy2d "batch 256, 10,000 steps, Adam 2e-4,
  # beta = (0.0, 0.9), learning rate decaying over the last 3,000 steps";
  # digits "batch 64, 3,000 steps, Adam 2e-4, beta = (0.5, 0.999)".
  toy = toy2d_train_lib.HParams()
  assert (toy.batch_size, toy.max_number_of_steps, toy.generator_lr,
          toy.adam_beta1, toy.adam_beta2, toy.lr_decay_steps) == (
              256, 10000, 2e-4, 0.0, 0.9, 3000)
  assert toy.generator_hidden == (256, 256, 256)
  digits = digits_train_lib.HParams()
  assert (digits.batch_size, digits.max_number_of_steps, digits.generator_lr,
          digits.adam_beta1, digits.adam_beta2, digits.noise_dims) == (
              64, 3000, 2e-4, 0.5, 0.999, 32)


def test_flag_kinds_follow_the_declarations():
  # absl's flag types: DEFINE_enum, DEFINE_boolean, DEFINE_integer,
  # DEFINE_float, DEFINE_string and hparams.int_list_flag.
  fv = _flag_values(toy2d_train_lib)
  kinds = {name: fv[name].flag_type() for name in (
      'gan_loss', 'spectral_norm', 'batch_size', 'penalty_weight',
      'train_log_dir', 'generator_hidden')}
  assert kinds == {'gan_loss': 'string enum', 'spectral_norm': 'bool',
                   'batch_size': 'int', 'penalty_weight': 'float',
                   'train_log_dir': 'string', 'generator_hidden': 'int list'}


def test_list_flag_becomes_a_tuple_of_ints():
  hparams = _parse(toy2d_train_lib, '--generator_hidden=8,4',
                   '--discriminator_hidden=16')
  assert hparams.generator_hidden == (8, 4)
  assert hparams.discriminator_hidden == (16,)
  assert {type(u) for u in hparams.generator_hidden} == {int}
  # Serialized as the command line writes it (flagfiles, --helpfull).
  fv = _flag_values(toy2d_train_lib)
  fv(['prog', '--train_log_dir=/tmp/x', '--generator_hidden=8,4'])
  assert fv['generator_hidden'].serialize() == '--generator_hidden=8,4'


@pytest.mark.parametrize('value', ['8,a', '8,0', '8,1.5'])
def test_bad_list_flag_says_what_it_takes(value):
  with pytest.raises(flags.IllegalFlagValueError,
                     match='generator_hidden=.* is not comma-separated ints '
                     '>= 1'):
    _parse(toy2d_train_lib, '--generator_hidden=' + value)


@pytest.mark.parametrize('default', [(1, 'a'), (0,), (1.5,)])
def test_int_list_flag_refuses_a_bad_default(default):
  fv = flags.FlagValues()
  with pytest.raises(flags.IllegalFlagValueError, match='--sizes'):
    hparams_lib.int_list_flag('sizes', default, 'Sizes.', lower_bound=1,
                              flag_values=fv)


def test_bounds_reach_the_flags():
  with pytest.raises(flags.IllegalFlagValueError, match='batch_size'):
    _parse(digits_train_lib, '--batch_size=0')
  assert _parse(digits_train_lib, '--noeval').eval is False


@pytest.mark.parametrize('train_lib', _EXAMPLES, ids=_IDS)
@pytest.mark.parametrize('value', ['nan', 'inf', '-inf', '1e400'])
def test_nan_and_infinity_are_refused_for_every_float_flag(train_lib, value):
  # require_finite covers every float flag (absl's bounds let NaN through).
  fv = _flag_values(train_lib)
  floats = [n for n in train_lib.HParams._fields
            if isinstance(fv[n].parser, flags.FloatParser)]
  assert 'penalty_weight' in floats and 'generator_lr' in floats
  # NaN passes absl's bounds, so require_finite's message names it; a flag
  # with bounds refuses an infinity by its range.
  match = (r'--%s must be a finite number' if value == 'nan'
           else r'--%s(=| must)')
  for name in floats:
    with pytest.raises(flags.IllegalFlagValueError, match=match % name):
      _parse(train_lib, '--%s=%s' % (name, value))
    with pytest.raises(ValueError, match=r'\b%s\b' % name):
      hparams_lib.validate(train_lib.HParams(
          train_log_dir='/tmp/x', **{name: float(value)}))


def test_hparams_class_refuses_resumable_names_that_are_no_flags():
  with pytest.raises(ValueError, match=r"no flags: \['batch'\]"):
    hparams_lib.hparams_class('H', toy2d_train_lib.define_flags,
                              ('batch_size', 'batch'), module=__name__)


def test_a_flag_declared_twice_is_an_error():
  def define_twice(flag_values):
    toy2d_train_lib.define_flags(flag_values)
    flags.DEFINE_integer('batch_size', 8, 'Again.', flag_values=flag_values)
  with pytest.raises(flags.DuplicateFlagError, match='batch_size'):
    hparams_lib.hparams_class('H', define_twice, (), module=__name__)


@pytest.mark.parametrize('define,match', [
    (lambda fv: flags.DEFINE_integer('x', 0, 'X.', lower_bound=1,
                                     flag_values=fv), 'not a positive'),
    (lambda fv: flags.DEFINE_enum('x', 'c', ('a', 'b'), 'X.',
                                  flag_values=fv), 'one of'),
    (lambda fv: flags.DEFINE_float('x', -1.0, 'X.', lower_bound=0.0,
                                   flag_values=fv), 'non-negative'),
], ids=['below bound', 'not a choice', 'negative float'])
def test_a_default_its_flag_refuses_is_refused_at_declaration(define, match):
  with pytest.raises(flags.IllegalFlagValueError, match=match):
    hparams_lib.hparams_class('H', define, (), module=__name__)


def test_from_dict_and_load_give_hparams(tmp_path):
  stored = toy2d_train_lib.HParams(train_log_dir=str(tmp_path), seed=3,
                                   generator_hidden=(8, 4))._asdict()
  stored = json.loads(json.dumps(stored))  # tuples -> lists, as stored
  stored['removed_field'] = 1  # from an older version: ignored
  del stored['activation']  # newer than the run: its default
  with open(tmp_path / hparams_lib.FILENAME, 'w') as f:
    json.dump(stored, f)
  loaded = hparams_lib.load(toy2d_train_lib.HParams, str(tmp_path))
  assert loaded == toy2d_train_lib.HParams(
      train_log_dir=str(tmp_path), seed=3, generator_hidden=(8, 4))
  assert hparams_lib.from_dict(toy2d_train_lib.HParams, stored) == loaded


def test_load_without_a_run_says_how_to_train(tmp_path):
  with pytest.raises(FileNotFoundError, match='train first with '
                     '--train_log_dir=%s' % tmp_path):
    hparams_lib.load(digits_train_lib.HParams, str(tmp_path))


def test_validate_names_the_field():
  for train_lib in _EXAMPLES:
    hparams_lib.validate(train_lib.HParams(train_log_dir='/tmp/x'))
  with pytest.raises(ValueError, match='HParams field batch_size: 0 is not '
                     'allowed'):
    hparams_lib.validate(digits_train_lib.HParams(train_log_dir='/tmp/x',
                                                  batch_size=0))
  with pytest.raises(ValueError, match="field dataset: 'svhn' is not "
                     'allowed .*one of'):
    hparams_lib.validate(digits_train_lib.HParams(train_log_dir='/tmp/x',
                                                  dataset='svhn'))
  with pytest.raises(ValueError, match=r'field generator_hidden: \(8, 0\) is '
                     'not allowed'):
    hparams_lib.validate(toy2d_train_lib.HParams(train_log_dir='/tmp/x',
                                                 generator_hidden=(8, 0)))
  # The flag is required: HParams built in Python need it too.
  with pytest.raises(ValueError, match='train_log_dir must have a value'):
    hparams_lib.validate(digits_train_lib.HParams())
  with pytest.raises(TypeError, match='not built by'):
    hparams_lib.validate((1, 2))


def test_resumable_fields_are_the_examples_lists():
  # What may change when a run resumes: the step bound, logging intervals,
  # the run directory, XLA and eval options; never what is trained.
  assert hparams_lib.resumable_fields(toy2d_train_lib.HParams) == {
      'max_number_of_steps', 'train_log_dir', 'log_every_n_steps',
      'save_checkpoint_steps', 'save_summaries_steps', 'xla', 'eval',
      'num_eval_samples'}
  assert hparams_lib.resumable_fields(digits_train_lib.HParams) == {
      'max_number_of_steps', 'train_log_dir', 'log_every_n_steps',
      'save_checkpoint_steps', 'save_summaries_steps', 'xla', 'data_dir',
      'tfds_download', 'grid_size', 'eval', 'cas_steps'}
  for train_lib in _EXAMPLES:
    assert hparams_lib.resumable_fields(train_lib.HParams) == set(
        train_lib.RESUMABLE)


def _flag_text(draw, flag):
  """A command-line value for `flag`: often valid, often not."""
  kind = flag.flag_type()
  if kind == 'string enum':
    return draw(st.one_of(st.sampled_from(flag.parser.enum_values),
                          st.text(max_size=8)))
  if kind in ('int', 'float'):
    return draw(st.one_of(
        st.integers(-10**6, 10**6).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.sampled_from(['nan', 'inf', '-inf', '1e400', '', 'x', '0x10'])))
  if kind == 'int list':
    return draw(st.lists(st.one_of(st.integers(-5, 70).map(str),
                                   st.sampled_from(['nan', 'a', ''])),
                         max_size=3).map(','.join))
  if kind == 'bool':
    return draw(st.sampled_from(['true', 'false', '1', '0', 'maybe']))
  return draw(st.text(max_size=8))


@hypothesis.settings(max_examples=150, deadline=None)
@hypothesis.given(data=st.data(), train_lib=st.sampled_from(_EXAMPLES))
def test_fuzzed_flags_are_refused_at_parsing_or_valid(data, train_lib):
  """A drawn value for a drawn flag: absl refuses it, or HParams are valid.

  Valid: `validate` passes and every number is finite (NaN and infinity are
  refused at parsing, not met as a NaN loss at the first step).
  """
  fv = _flag_values(train_lib)
  name = data.draw(st.sampled_from(
      [n for n in train_lib.HParams._fields if n != 'train_log_dir']))
  text = _flag_text(data.draw, fv[name])
  try:
    hparams = _parse(train_lib, '--%s=%s' % (name, text))
  except flags.Error as e:
    assert name in str(e)
    return
  hparams_lib.validate(hparams)
  value = getattr(hparams, name)
  for number in value if isinstance(value, tuple) else (value,):
    if isinstance(number, float):
      assert math.isfinite(number), (name, text)
