# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Tests of the hyperparameter declarations: flags, defaults, HParams."""

import json
import math

from absl import flags
import hypothesis
from hypothesis import strategies as st
import pytest

import tfgan_ext
from examples.common import fields
from examples.common import hparams as hparams_lib
from examples.digits import train_lib as digits_train_lib
from examples.toy2d import train_lib as toy2d_train_lib

_EXAMPLES = [toy2d_train_lib.HParams, digits_train_lib.HParams]


def _flag_values(hparams_cls):
  fv = flags.FlagValues()
  hparams_lib.define_flags(hparams_cls, fv)
  return fv


def _parse(hparams_cls, *args):
  fv = _flag_values(hparams_cls)
  fv(['prog', '--train_log_dir=/tmp/x'] + list(args))
  task = {toy2d_train_lib.HParams: toy2d_train_lib.TASK,
          digits_train_lib.HParams: digits_train_lib.TASK}[hparams_cls]
  return hparams_lib.hparams_from_flags(hparams_cls, task, fv)


def test_gan_loss_choices_are_the_registry_names():
  fv = _flag_values(toy2d_train_lib.HParams)
  assert tuple(fv['gan_loss'].parser.enum_values) == tfgan_ext.losses.names(
      include_aliases=True)


def test_unknown_loss_is_an_error_listing_the_choices():
  with pytest.raises(flags.IllegalFlagValueError) as e:
    _parse(toy2d_train_lib.HParams, '--gan_loss=hingee')
  for name in ('hinge', 'non_saturating', 'wasserstein'):
    assert name in str(e.value)


def test_unknown_penalty_is_an_error_listing_the_choices():
  with pytest.raises(flags.IllegalFlagValueError) as e:
    _parse(digits_train_lib.HParams, '--penalty=r3')
  for name in ('none',) + tuple(tfgan_ext.losses.penalty_names()):
    assert name in str(e.value)


def test_train_log_dir_is_required():
  fv = _flag_values(toy2d_train_lib.HParams)
  with pytest.raises(flags.IllegalFlagValueError, match='train_log_dir'):
    fv(['prog'])


@pytest.mark.parametrize('hparams_cls', _EXAMPLES, ids=['toy2d', 'digits'])
def test_flag_defaults_are_the_hparams_defaults(hparams_cls):
  # One flag per field, and parsing no flag but the required one gives the
  # HParams defaults exactly (tuples included).
  assert set(_flag_values(hparams_cls)) >= set(hparams_cls._fields)
  assert _parse(hparams_cls) == hparams_cls(train_log_dir='/tmp/x')


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


def test_list_flag_becomes_a_tuple_of_the_element_type():
  hparams = _parse(toy2d_train_lib.HParams, '--generator_hidden=8,4',
                   '--discriminator_hidden=16')
  assert hparams.generator_hidden == (8, 4)
  assert hparams.discriminator_hidden == (16,)
  assert {type(u) for u in hparams.generator_hidden} == {int}


@pytest.mark.parametrize('value', ['8,a', '8,0'])
def test_bad_list_flag_says_what_it_takes(value):
  with pytest.raises(flags.IllegalFlagValueError,
                     match='generator_hidden takes comma-separated ints, each '
                     '>= 1'):
    _parse(toy2d_train_lib.HParams, '--generator_hidden=' + value)


def test_bounds_reach_the_flags():
  with pytest.raises(flags.IllegalFlagValueError, match='batch_size'):
    _parse(digits_train_lib.HParams, '--batch_size=0')
  assert _parse(digits_train_lib.HParams, '--noeval').eval is False


def test_common_fields_refuses_unknown_names_and_bad_defaults():
  assert {f.name: f.default for f in fields.common_fields(
      batch_size=7)}['batch_size'] == 7
  with pytest.raises(ValueError, match='No field named batch; the fields '
                     'are: gan_loss, '):
    fields.common_fields(batch=7)
  with pytest.raises(ValueError, match='batch_size: the default 0 is below'):
    fields.common_fields(batch_size=0)
  with pytest.raises(ValueError, match="'hingee' is not one of"):
    fields.common_fields(gan_loss='hingee')


def test_a_field_declared_twice_is_an_error():
  with pytest.raises(ValueError, match='declared twice: batch_size'):
    hparams_lib.hparams_class('H', fields.COMMON_FIELDS + (
        hparams_lib.Field('batch_size', 8, 'Again.'),), module=__name__)


@pytest.mark.parametrize('kwargs,error,match', [
    (dict(default=[1, 2]), TypeError, 'as a tuple'),
    (dict(default=(1, 'a')), TypeError, 'must be a int'),
    (dict(default=()), TypeError, 'element_type'),
    (dict(default={}), TypeError, 'is not a bool'),
    (dict(default=3, element_type=int), TypeError, 'for tuple fields'),
    (dict(default='c', choices=('a', 'b')), ValueError, "'c' is not one of"),
    (dict(default=-1.0, lower_bound=0.0), ValueError, 'below the lower'),
])
def test_bad_declarations_are_refused(kwargs, error, match):
  with pytest.raises(error, match=match):
    hparams_lib.Field('x', help='A field.', **kwargs)


def test_flag_kinds_follow_the_default():
  kinds = {f.name: f.kind for f in hparams_lib.declarations(
      toy2d_train_lib.HParams)}
  assert (kinds['gan_loss'], kinds['spectral_norm'], kinds['batch_size'],
          kinds['penalty_weight'], kinds['train_log_dir'],
          kinds['generator_hidden']) == ('enum', 'boolean', 'integer',
                                         'float', 'string', 'list')
  empty = hparams_lib.Field('sizes', (), 'Sizes.', element_type=float)
  assert (empty.kind, empty.element_type) == ('list', float)


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


def test_load_without_a_run_says_how_to_train(tmp_path):
  with pytest.raises(FileNotFoundError, match='train first with '
                     '--train_log_dir=%s' % tmp_path):
    hparams_lib.load(digits_train_lib.HParams, str(tmp_path))


def test_validate_names_the_field():
  hparams_lib.validate(digits_train_lib.HParams())
  with pytest.raises(ValueError, match='HParams field batch_size: 0 is below '
                     'the lower bound 1'):
    hparams_lib.validate(digits_train_lib.HParams(batch_size=0))
  with pytest.raises(ValueError, match="field dataset: 'svhn' is not one of"):
    hparams_lib.validate(digits_train_lib.HParams(dataset='svhn'))
  with pytest.raises(TypeError, match='not built by'):
    hparams_lib.validate((1, 2))


def test_resumable_fields_come_from_the_declarations():
  # What may change when a run resumes: the step bound, logging intervals,
  # the run directory, XLA and eval options; never what is trained.
  assert hparams_lib.resumable_fields(toy2d_train_lib.HParams) == {
      'max_number_of_steps', 'train_log_dir', 'log_every_n_steps',
      'save_checkpoint_steps', 'save_summaries_steps', 'xla', 'eval',
      'num_eval_samples'}
  assert hparams_lib.resumable_fields(digits_train_lib.HParams) == {
      'max_number_of_steps', 'train_log_dir', 'log_every_n_steps',
      'save_checkpoint_steps', 'save_summaries_steps', 'xla', 'data_dir',
      'tfds_download', 'grid_size', 'eval'}


def _flag_text(draw, field):
  """A command-line value for `field`: often valid, often not."""
  if field.kind == 'enum':
    return draw(st.one_of(st.sampled_from(field.choices), st.text(max_size=8)))
  if field.kind in ('integer', 'float'):
    return draw(st.one_of(
        st.integers(-10**6, 10**6).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.sampled_from(['nan', 'inf', '-inf', '1e400', '', 'x', '0x10'])))
  if field.kind == 'list':
    return draw(st.lists(st.one_of(st.integers(-5, 70).map(str),
                                   st.sampled_from(['nan', 'a', ''])),
                         max_size=3).map(','.join))
  if field.kind == 'boolean':
    return draw(st.sampled_from(['true', 'false', '1', '0', 'maybe']))
  return draw(st.text(max_size=8))


@hypothesis.settings(max_examples=150, deadline=None)
@hypothesis.given(data=st.data(), hparams_cls=st.sampled_from(_EXAMPLES))
def test_fuzzed_flags_are_refused_at_parsing_or_valid(data, hparams_cls):
  """A drawn value for a drawn flag: absl refuses it, or HParams are valid.

  Valid: `validate` passes and every number is finite (NaN and infinity are
  refused at parsing, not met as a NaN loss at the first step).
  """
  fields = [f for f in hparams_lib.declarations(hparams_cls)
            if f.name != 'train_log_dir']
  field = data.draw(st.sampled_from(fields))
  text = _flag_text(data.draw, field)
  try:
    hparams = _parse(hparams_cls, '--%s=%s' % (field.name, text))
  except flags.Error as e:
    assert field.name in str(e)
    return
  except ValueError as e:  # A preset or the HParams class refusing it.
    assert field.name in str(e) or 'preset' in str(e), e
    return
  hparams_lib.validate(hparams)
  value = getattr(hparams, field.name)
  for number in value if isinstance(value, tuple) else (value,):
    if isinstance(number, float):
      assert math.isfinite(number), (field.name, text)
