# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""GANModel-style losses: a superset of `tfgan.losses` (its tuple functions).

Every argument-style loss of `tfgan_ext.losses.wargs` that reads GAN model
tuple fields has a GANModel-style form of the same name, written out as a
`def` taking `gan_model` (`tfgan.GANModel`, `ACGANModel`, `InfoGANModel`)
followed by the loss's other parameters, so `tfgan.gan_loss` passes
`reduction` / `add_summaries` to it and `help()` shows them; its
argument-style form is `fn.args_loss_fn`. They are grouped by family in
`tuple_adversarial` (minimax, modified, least squares, LSGAN),
`tuple_wasserstein` (Wasserstein, Wasserstein-hinge, hinge),
`tuple_relativistic`, `tuple_special_discriminators` (ACGAN, energy-based,
InfoGAN's mutual information penalty) and `tuple_penalties` (gradient
penalties, consistency regularization, LeCam, top-k), and bound here.

Here too: feature matching (which takes a `features_fn`), upstream's
GANModel-style-only functions, re-exported, and `args_to_gan_model(loss_fn)`,
which turns any argument-style loss (e.g. your own) into a GANModel-style
one: every parameter named like a tuple field is read from the tuple, the
others are keyword (or positional) arguments after it. Unlike upstream's
wrapper of the same name, the result keeps the loss's docstring (listing the
other parameters), is named after it, rejects misspelled keywords with a
TypeError naming them, and raises ValueError for a missing required argument
or an argument given both by the tuple and as a keyword.
"""

# pylint: disable=wildcard-import,unused-wildcard-import
import inspect

import tensorflow as tf
import tensorflow_gan as tfgan

from tfgan_ext.losses import _reduction
from tfgan_ext.losses import _tuple_fields
from tfgan_ext.losses import tuple_adversarial
from tfgan_ext.losses import tuple_penalties
from tfgan_ext.losses import tuple_relativistic
from tfgan_ext.losses import tuple_special_discriminators
from tfgan_ext.losses import tuple_wasserstein
from tfgan_ext.losses import wargs
from tfgan_ext.losses._tuple_fields import TUPLE_FIELDS
from tfgan_ext.losses.tuple_adversarial import *
from tfgan_ext.losses.tuple_penalties import *
from tfgan_ext.losses.tuple_relativistic import *
from tfgan_ext.losses.tuple_special_discriminators import *
from tfgan_ext.losses.tuple_wasserstein import *

__all__ = [
    'args_to_gan_model',
    'combine_adversarial_loss',
    'cycle_consistency_loss',
    'feature_matching_loss',
    'stargan_discriminator_loss_wrapper',
    'stargan_generator_loss_wrapper',
    'stargan_gradient_penalty_wrapper',
] + (tuple_adversarial.__all__ + tuple_penalties.__all__ +
     tuple_relativistic.__all__ + tuple_special_discriminators.__all__ +
     tuple_wasserstein.__all__)

# What `tfgan.gan_loss` passes to a loss function that accepts it.
GAN_LOSS_OPTIONS = ('reduction', 'add_summaries')


def args_to_gan_model(loss_fn):
  """Converts an argument-style loss of your own into a GANModel-style one.

  tfgan_ext's own GANModel-style losses are written-out `def`s (the tuple_*
  modules); this wraps any other argument-style loss the same way.

  Args:
    loss_fn: A function whose tensor parameters are named like GANModel
      (or ACGANModel / InfoGANModel) fields.

  Returns:
    `gan_model_loss(gan_model, *args, **kwargs)`, named after `loss_fn`:
    `loss_fn`'s parameters named like a tuple field are read from
    `gan_model` (one its type lacks may be given as a keyword), `args` and
    `kwargs` are bound to its other parameters (which its docstring lists),
    and the `tfgan.gan_loss` options (`reduction`, `add_summaries`) that
    `loss_fn` does not take are dropped. `loss_fn` is its `args_loss_fn`.

  Raises:
    (from the returned function) TypeError: if `gan_model` is not a named
    tuple or an argument is not a parameter; ValueError: if a required
    argument is missing or a tuple field is also given as a keyword.
  """
  signature = inspect.signature(loss_fn)
  from_tuple = [p for p in signature.parameters.values()
                if p.name in TUPLE_FIELDS]
  others = signature.replace(parameters=[
      p for p in signature.parameters.values() if p.name not in TUPLE_FIELDS])
  takes_any_keyword = any(p.kind == p.VAR_KEYWORD
                          for p in others.parameters.values())
  name = loss_fn.__name__

  def gan_model_loss(gan_model, *args, **kwargs):
    model_fields = getattr(gan_model, '_fields', ())
    # TypeError (naming the loss) if gan_model is not a model tuple.
    call_args = _tuple_fields.read(gan_model, name, *[
        p.name for p in from_tuple if p.name in model_fields])
    both = sorted(set(call_args) & set(kwargs))
    if both:
      raise ValueError('%s: %s given both by the GAN model tuple and as '
                       'keyword arguments; pass each once.' % (name, both))
    missing = []
    for param in from_tuple:
      if param.name in kwargs:  # A field the model type lacks: a keyword.
        call_args[param.name] = kwargs.pop(param.name)
      elif param.name not in call_args and param.default is param.empty:
        missing.append(param.name)
    if missing:
      raise ValueError('%s: `%s` must be supplied, by a model tuple with '
                       'those fields (%s has not) or as keyword arguments.'
                       % (name, '`, `'.join(missing), type(gan_model).__name__))
    if not takes_any_keyword:
      kwargs = {k: v for k, v in kwargs.items()
                if k in others.parameters or k not in GAN_LOSS_OPTIONS}
    try:
      bound = others.bind_partial(*args, **kwargs)
    except TypeError as e:
      raise TypeError('%s(): %s; its parameters after gan_model are %s.'
                      % (name, e, others)) from None
    missing = [p.name for p in others.parameters.values()
               if p.default is p.empty and p.kind not in (
                   p.VAR_POSITIONAL, p.VAR_KEYWORD)
               and p.name not in bound.arguments]
    if missing:
      raise ValueError('`%s` must be supplied to %s.'
                       % ('`, `'.join(missing), name))
    return loss_fn(**call_args, **bound.arguments)

  gan_model_loss.__name__ = name
  gan_model_loss.__qualname__ = name
  gan_model_loss.__doc__ = (
      'GANModel-style `%s`: reads %s from `gan_model`; its other parameters '
      'are %s.\n\n%s' % (
          name, ', '.join('`%s`' % p.name for p in from_tuple) or 'nothing',
          others, inspect.getdoc(loss_fn) or ''))
  gan_model_loss.args_loss_fn = loss_fn
  return gan_model_loss


def call_with_options(loss_fn, gan_model, kwargs):
  """`loss_fn(gan_model, **kwargs)` minus the gan_loss options it cannot take.

  Only `reduction` and `add_summaries` are dropped (as `tfgan.gan_loss`
  does), so a misspelled keyword still fails loudly. For the combinators
  (`with_penalty`, `with_feature_matching`), which pass on what
  `tfgan.gan_loss` gives them.
  """
  try:
    params = inspect.signature(loss_fn).parameters
  except (TypeError, ValueError):  # No signature: pass everything.
    params = None
  if params is not None and not any(p.kind == p.VAR_KEYWORD
                                    for p in params.values()):
    kwargs = {k: v for k, v in kwargs.items()
              if k in params or k not in GAN_LOSS_OPTIONS}
  return loss_fn(gan_model, **kwargs)


# Upstream's GANModel-style functions whose argument-style namesakes take
# other arguments (or that have none), re-exported as they are.
combine_adversarial_loss = tfgan.losses.combine_adversarial_loss
cycle_consistency_loss = tfgan.losses.cycle_consistency_loss
stargan_discriminator_loss_wrapper = (
    tfgan.losses.stargan_discriminator_loss_wrapper)
stargan_generator_loss_wrapper = tfgan.losses.stargan_generator_loss_wrapper
stargan_gradient_penalty_wrapper = (
    tfgan.losses.stargan_gradient_penalty_wrapper)


def _features(features_fn, data, gan_model):
  scope = gan_model.discriminator_scope
  if scope is None:
    return features_fn(data, gan_model.generator_inputs)
  with tf.compat.v1.variable_scope(scope, reuse=True):
    return features_fn(data, gan_model.generator_inputs)


def feature_matching_loss(
    gan_model,
    features_fn,
    weights=1.0,
    scope=None,
    loss_collection=_reduction.LOSSES,
    reduction=_reduction.DEFAULT_REDUCTION,
    add_summaries=False):
  """GANModel-style feature matching loss.

  See `Improved Techniques for Training GANs`
  (https://arxiv.org/abs/1606.03498), section 3.1.

  L = E_k[(mean_i f_k(x_i) - mean_j f_k(G(z_j)))^2],

  f = `features_fn`, called on `gan_model.real_data` and on
  `gan_model.generated_data` under the discriminator's reused variable scope
  (see `tfgan_ext.losses.feature_matching` for how to write it, and
  `keras_layer_features` for a Keras discriminator).

  Args:
    gan_model: A `tfgan.GANModel`.
    features_fn: `features_fn(data, generator_inputs)` -> features
      [batch, ...].
    weights: Scalar or tensor broadcastable to [num_features].
    scope: Name scope of the loss's operations.
    loss_collection: Collection the loss is added to (None: none).
    reduction: A `tf.compat.v1.losses.Reduction` over the features.
    add_summaries: Whether to add a scalar summary.

  Returns:
    A float32 loss tensor; its shape depends on `reduction`.

  Raises:
    TypeError: if `features_fn` is not callable or returns non-float features.
    ValueError: as `wargs.feature_matching_loss`.
  """
  if not callable(features_fn):
    raise TypeError('`features_fn` must be callable as features_fn(data, '
                    'generator_inputs), got %r; for a Keras model use '
                    'keras_layer_features(model, layer_name).' % (features_fn,))
  return wargs.feature_matching_loss(
      _features(features_fn, gan_model.real_data, gan_model),
      _features(features_fn, gan_model.generated_data, gan_model),
      weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries)
