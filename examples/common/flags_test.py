"""Tests of the common flags: choices from the registry, HParams by name."""

import collections

from absl import flags
import pytest

import tfgan_ext
from examples.common import flags as common_flags


def _flag_values(**defaults):
  fv = flags.FlagValues()
  common_flags.define_common_flags(fv, **defaults)
  return fv


def test_gan_loss_choices_are_the_registry_names():
  fv = _flag_values()
  assert tuple(fv['gan_loss'].parser.enum_values) == tfgan_ext.losses.names(
      include_aliases=True)


def test_unknown_loss_is_an_error_listing_the_choices():
  fv = _flag_values()
  with pytest.raises(flags.IllegalFlagValueError) as e:
    fv(['prog', '--train_log_dir=/tmp/x', '--gan_loss=hingee'])
  for name in ('hinge', 'non_saturating', 'wasserstein'):
    assert name in str(e.value)


def test_unknown_penalty_is_an_error_listing_the_choices():
  fv = _flag_values()
  with pytest.raises(flags.IllegalFlagValueError) as e:
    fv(['prog', '--train_log_dir=/tmp/x', '--penalty=r3'])
  for name in ('none',) + tuple(tfgan_ext.losses.penalty_names()):
    assert name in str(e.value)


def test_train_log_dir_is_required():
  fv = _flag_values()
  with pytest.raises(flags.IllegalFlagValueError, match='train_log_dir'):
    fv(['prog'])


def test_defaults_can_be_overridden_and_unknown_ones_are_refused():
  assert _flag_values(batch_size=7)['batch_size'].default == 7
  with pytest.raises(ValueError, match='batch'):
    _flag_values(batch=7)


def test_hparams_from_flags_by_field_name():
  fv = _flag_values()
  flags.DEFINE_list('hidden', ['1', '2'], 'list', flag_values=fv)
  fv(['prog', '--train_log_dir=/tmp/x', '--gan_loss=hinge', '--seed=3'])
  hparams_cls = collections.namedtuple(
      'HParams', ('gan_loss', 'seed', 'train_log_dir', 'hidden'))
  hparams = common_flags.hparams_from_flags(hparams_cls, fv)
  assert hparams == hparams_cls(gan_loss='hinge', seed=3,
                                train_log_dir='/tmp/x', hidden=('1', '2'))
