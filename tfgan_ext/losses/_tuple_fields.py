# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""What the GANModel-style losses share: the tuple fields and how to read them.

Each GANModel-style loss in `tuple_losses` is a written-out `def`, marked
with its argument-style form by `tuple_form`, that returns `call(that form,
gan_model, its own arguments)`; `args_to_gan_model` wraps a loss of your own
with `read`.
"""

import inspect

import tensorflow_gan as tfgan

__all__ = [
    'TUPLE_FIELDS',
    'call',
    'read',
    'tuple_form',
]

_MODEL_TYPES = (tfgan.GANModel, tfgan.ACGANModel, tfgan.InfoGANModel)
# Parameter names read from a model tuple.
TUPLE_FIELDS = frozenset(
    field for model_type in _MODEL_TYPES for field in model_type._fields)


def tuple_form(args_loss_fn):
  """Sets `fn.args_loss_fn = args_loss_fn` on the decorated `fn`, unchanged.

  `args_loss_fn` is the argument-style loss that `fn` calls (the registry,
  the Keras trainer and top-k training use it).
  """
  def mark(fn):
    fn.args_loss_fn = args_loss_fn
    return fn
  return mark


def read(gan_model, loss_name, *fields):
  """`{field: gan_model.<field>}` for `fields`, checked.

  Args:
    gan_model: A GAN model namedtuple (`tfgan.GANModel`, `ACGANModel`,
      `InfoGANModel`).
    loss_name: The loss reading them, for the error messages.
    *fields: Field names.

  Returns:
    A dict from each name in `fields` to its value in `gan_model`.

  Raises:
    TypeError: if `gan_model` is not a namedtuple.
    ValueError: naming the fields that `gan_model`'s type has not (and the
      tfgan model types that have them).
  """
  names = getattr(gan_model, '_fields', None)
  if names is None:
    raise TypeError('%s: `gan_model` must be a GAN model namedtuple (e.g. '
                    'tfgan.GANModel), got %r.' % (loss_name, type(gan_model)))
  missing = [field for field in fields if field not in names]
  if missing:
    having = [model_type.__name__ for model_type in _MODEL_TYPES
              if set(missing) <= set(model_type._fields)]
    raise ValueError(
        '%s reads %s from `gan_model`, which a %s has not%s.'
        % (loss_name, ', '.join('`%s`' % field for field in missing),
           type(gan_model).__name__,
           ' (use a %s)' % ' or '.join('tfgan.' + name for name in having)
           if having else ''))
  return {field: getattr(gan_model, field) for field in fields}


def call(args_loss_fn, gan_model, **kwargs):
  """`args_loss_fn(**fields, **kwargs)`, the fields read from `gan_model`.

  The fields are `args_loss_fn`'s parameters named like a GAN model tuple
  field (`TUPLE_FIELDS`), read by `read`, whose errors name
  `args_loss_fn.__name__` (which is also the GANModel-style form's name).
  """
  fields = [name for name in inspect.signature(args_loss_fn).parameters
            if name in TUPLE_FIELDS]
  return args_loss_fn(**read(gan_model, args_loss_fn.__name__, *fields),
                      **kwargs)
