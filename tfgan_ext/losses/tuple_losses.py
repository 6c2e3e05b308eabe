# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""GANModel-style losses: a superset of `tfgan.losses` (its tuple functions).

`args_to_gan_model(loss_fn)` turns an argument-style loss into one taking a
GAN model tuple (`tfgan.GANModel`, `ACGANModel`, `InfoGANModel`): every
parameter named like a tuple field is read from the tuple, the others are
keyword (or positional) arguments after it. Unlike upstream's wrapper of the
same name, the result keeps the loss's docstring, is named after it, has a
real `__signature__` (`gan_model` first, then the other parameters, so
`tfgan.gan_loss` passes `reduction` / `add_summaries` to it and `help()`
shows them), rejects misspelled keywords with a TypeError naming them, and
raises ValueError for a missing required argument or an argument given both
by the tuple and as a keyword.

Every name of `tfgan_ext.losses.wargs` that reads tuple fields has a tuple
form here under the same name (generated from the catalog, `_catalog`);
where the catalog declares a tuple form of its own (feature matching, which
takes a `features_fn`; upstream's `combine_adversarial_loss`,
`cycle_consistency_loss`, `stargan_*`) that one is exported.
"""

import inspect

import tensorflow_gan as tfgan

from tfgan_ext.losses import _catalog
# pylint: disable=unused-import
from tfgan_ext.losses import feature_matching  # Declares its tuple form.
from tfgan_ext.losses import wargs  # Declares the argument-style functions.
# pylint: enable=unused-import

# Parameter names read from a model tuple.
TUPLE_FIELDS = frozenset(tfgan.GANModel._fields + tfgan.ACGANModel._fields +
                         tfgan.InfoGANModel._fields)


def args_to_gan_model(loss_fn):
  """Converts an argument-style loss into one taking a GAN model tuple.

  Args:
    loss_fn: A function whose tensor parameters are named like GANModel
      (or ACGANModel / InfoGANModel) fields.

  Returns:
    `fn(gan_model, **other_args)` with `loss_fn`'s name and docstring and a
    `__signature__` of `gan_model` followed by `loss_fn`'s non-tuple
    parameters. The argument-style function is `fn.args_loss_fn`.

  Raises:
    (from the returned function) TypeError: if `gan_model` is not a named
    tuple or a keyword is not a parameter; ValueError: if a required argument
    is missing or a tuple field is also given as a keyword.
  """
  signature = inspect.signature(loss_fn)
  from_tuple = [p for p in signature.parameters.values()
                if p.name in TUPLE_FIELDS]
  others = [p for p in signature.parameters.values()
            if p.name not in TUPLE_FIELDS]
  new_signature = signature.replace(parameters=[
      inspect.Parameter('gan_model', inspect.Parameter.POSITIONAL_OR_KEYWORD)
  ] + others)
  name = loss_fn.__name__

  def gan_model_loss(*args, **kwargs):
    gan_model = args[0] if args else kwargs.pop('gan_model', None)
    fields = getattr(gan_model, '_fields', None)
    if fields is None:
      raise TypeError('%s: `gan_model` must be a GAN model namedtuple (e.g. '
                      'tfgan.GANModel), got %r.' % (name, type(gan_model)))
    both = sorted(set(fields) & set(kwargs) & TUPLE_FIELDS)
    if both:
      raise ValueError('%s: %s given both by the GAN model tuple and as '
                       'keyword arguments; pass each once.' % (name, both))
    call_args = {}
    missing = []
    for param in from_tuple:
      if param.name in fields:
        call_args[param.name] = getattr(gan_model, param.name)
      elif param.name in kwargs:  # Field the model type lacks: a keyword.
        call_args[param.name] = kwargs.pop(param.name)
      elif param.default is param.empty:
        missing.append(param.name)
    if missing:
      raise ValueError('%s: `%s` must be supplied, by a model tuple with '
                       'those fields (%s has not) or as keyword arguments.'
                       % (name, '`, `'.join(missing), type(gan_model).__name__))
    try:
      bound = new_signature.bind_partial(gan_model, *args[1:], **kwargs)
    except TypeError as e:
      raise TypeError('%s(): %s; its parameters are %s.'
                      % (name, e, new_signature)) from None
    missing = [p.name for p in others if p.default is p.empty
               and p.name not in bound.arguments]
    if missing:
      raise ValueError('`%s` must be supplied to %s.'
                       % ('`, `'.join(missing), name))
    del bound.arguments['gan_model']
    call_args.update(bound.arguments)
    return loss_fn(**call_args)

  gan_model_loss.__name__ = name
  gan_model_loss.__qualname__ = name
  gan_model_loss.__module__ = __name__
  gan_model_loss.__signature__ = new_signature
  read = ', '.join('`%s`' % p.name for p in from_tuple)
  gan_model_loss.__doc__ = (
      'GANModel-style `%s`: reads %s from `gan_model`.\n\n%s' %
      (name, read or 'nothing', inspect.getdoc(loss_fn) or ''))
  gan_model_loss.args_loss_fn = loss_fn
  return gan_model_loss


def _tuple_forms():
  """{name: GANModel-style function} for every catalog entry that has one."""
  forms = {}
  for entry in _catalog.entries():
    if entry.tuple_form == _catalog.DERIVE:
      if set(inspect.signature(entry.fn).parameters) & TUPLE_FIELDS:
        forms[entry.name] = args_to_gan_model(entry.fn)
    elif entry.tuple_form is not None:
      forms[entry.name] = entry.tuple_form
  forms.update(_catalog.tuple_only())
  return forms


_FORMS = _tuple_forms()
globals().update(_FORMS)
__all__ = sorted(['args_to_gan_model'] + list(_FORMS))
