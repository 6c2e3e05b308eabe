# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The GANModel-style losses are written-out `def`s, as a reader sees them.

For every public GANModel-style loss with an argument-style form
(`fn.args_loss_fn`): its signature is `gan_model` followed by exactly the
argument-style function's non-tuple parameters (name, kind, default); nothing
rewrites it (no `__signature__`, no `__wrapped__`); its code is a `def` of
that name in `tuple_losses`; and it reads from `gan_model` exactly the
fields the argument-style function takes, naming itself in its errors.
The conditional losses' forms (`tuple_losses.CONDITIONAL_FORMS`) read their
tensor arguments from the model's discriminator outputs and generator
inputs instead (`discriminator_outputs.CONDITIONAL_ARGUMENTS`): the same
checks hold with those fields. `args_to_gan_model`'s wrappers and a function
given a `__signature__` fail the first checks, so they can fail.
"""

import collections
import inspect
import os
import re

import pytest

from tfgan_ext.losses import discriminator_outputs
from tfgan_ext.losses import tuple_losses
from tfgan_ext.losses import wargs

TUPLE_LOSSES_FILE = os.path.abspath(tuple_losses.__file__)
TUPLE_FORMS = sorted(
    name for name in tuple_losses.__all__
    if hasattr(getattr(tuple_losses, name), 'args_loss_fn'))


_CONDITIONAL = discriminator_outputs.CONDITIONAL_ARGUMENTS


def _read_arguments(name):
  """The argument-style parameters a form reads from the model."""
  if name in tuple_losses.CONDITIONAL_FORMS:
    return set(_CONDITIONAL)
  return tuple_losses.TUPLE_FIELDS


def _model_fields(name, args_fn):
  """The model fields a form reads."""
  params = set(inspect.signature(args_fn).parameters)
  if name in tuple_losses.CONDITIONAL_FORMS:
    return {_CONDITIONAL[p][0] for p in params & set(_CONDITIONAL)}
  return params & tuple_losses.TUPLE_FIELDS


def _expected_parameters(args_fn, name):
  return [('gan_model', inspect.Parameter.POSITIONAL_OR_KEYWORD,
           inspect.Parameter.empty)] + [
               (p.name, p.kind, p.default)
               for p in inspect.signature(args_fn).parameters.values()
               if p.name not in _read_arguments(name)]


def _def_problems(fn, name):
  """How `fn` differs from a written-out `def name(gan_model, ...)`."""
  problems = []
  for attribute in ('__signature__', '__wrapped__'):
    if hasattr(fn, attribute):
      problems.append('has ' + attribute)
  code = fn.__code__
  if os.path.abspath(code.co_filename) != TUPLE_LOSSES_FILE:
    problems.append('code in %s' % code.co_filename)
  if code.co_name != name or code.co_flags & (inspect.CO_VARARGS |
                                              inspect.CO_VARKEYWORDS):
    problems.append('code is %s(*args/**kwargs)' % code.co_name)
  written = [(p.name, p.kind, p.default) for p in
             inspect.signature(fn, follow_wrapped=False).parameters.values()]
  if written != _expected_parameters(fn.args_loss_fn, name):
    problems.append('parameters %s' % written)
  return problems


def test_tuple_forms_are_defined_in_tuple_losses():
  assert len(TUPLE_FORMS) >= 30, TUPLE_FORMS  # Not vacuous.
  assert set(tuple_losses.CONDITIONAL_FORMS) <= set(TUPLE_FORMS)
  for name in TUPLE_FORMS:
    assert getattr(tuple_losses, name).__module__ == tuple_losses.__name__


@pytest.mark.parametrize('name', TUPLE_FORMS)
def test_tuple_form_is_a_written_def(name):
  fn = getattr(tuple_losses, name)
  assert fn.args_loss_fn is getattr(wargs, name)
  assert _def_problems(fn, name) == []
  assert 'def %s(' % name in inspect.getsource(fn)


def test_the_def_check_can_fail():
  generated = tuple_losses.args_to_gan_model(wargs.hinge_generator_loss)
  problems = _def_problems(generated, 'hinge_generator_loss')
  assert any(p.startswith('code is gan_model_loss') for p in problems)
  assert any(p.startswith('parameters') for p in problems)

  def hinge_discriminator_loss(gan_model, *args, **kwargs):  # Rewritten.
    return gan_model, args, kwargs
  hinge_discriminator_loss.args_loss_fn = wargs.hinge_discriminator_loss
  hinge_discriminator_loss.__signature__ = inspect.signature(
      tuple_losses.hinge_discriminator_loss)
  problems = _def_problems(hinge_discriminator_loss, 'hinge_discriminator_loss')
  assert 'has __signature__' in problems

  def hinge_generator_loss(gan_model, weights=1.0):  # Options left out.
    return gan_model, weights
  hinge_generator_loss.args_loss_fn = wargs.hinge_generator_loss
  assert any(p.startswith('parameters') for p in _def_problems(
      hinge_generator_loss, 'hinge_generator_loss'))


def _required_arguments(fn):
  return {p.name: object() for p in inspect.signature(fn).parameters.values()
          if p.default is p.empty and p.name != 'gan_model'}


@pytest.mark.parametrize('name', TUPLE_FORMS)
def test_tuple_form_reads_its_fields_and_names_itself(name):
  # Raised while reading the tuple, before any TensorFlow work.
  fn = getattr(tuple_losses, name)
  fields = _model_fields(name, fn.args_loss_fn)
  assert fields or name == 'top_k_generator_loss' or not name.endswith(
      '_loss'), name  # Not vacuous where a form reads the model.
  unrelated = collections.namedtuple('Unrelated', ['x'])(None)
  with pytest.raises(ValueError) as error:
    fn(unrelated, **_required_arguments(fn))
  message = str(error.value)
  assert message.startswith(name + ' reads ') and 'Unrelated' in message
  assert set(re.findall(r'`(\w+)`', message)) - {'gan_model'} == fields
  with pytest.raises(TypeError, match='%s: `gan_model` must be a GAN model '
                     'namedtuple' % name):
    fn([None], **_required_arguments(fn))
