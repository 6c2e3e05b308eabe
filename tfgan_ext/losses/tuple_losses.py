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

Below, one line per loss of `tfgan_ext.losses.wargs` that reads tuple
fields; feature matching (which takes a `features_fn`) and upstream's
GANModel-style-only functions are written out or re-exported.
"""

import inspect

import tensorflow as tf
import tensorflow_gan as tfgan

from tfgan_ext.losses import _reduction
from tfgan_ext.losses import wargs

__all__ = [
    'acgan_discriminator_loss', 'acgan_generator_loss', 'args_to_gan_model',
    'balanced_consistency_penalty', 'combine_adversarial_loss',
    'consistency_penalty',
    'cycle_consistency_loss', 'dragan_penalty',
    'energy_based_discriminator_loss', 'energy_based_generator_loss',
    'feature_matching_loss', 'hinge_discriminator_loss',
    'hinge_generator_loss', 'latent_consistency_generator_loss',
    'latent_consistency_penalty', 'lecam_penalty',
    'least_squares_discriminator_loss',
    'least_squares_generator_loss', 'lsgan_discriminator_loss',
    'lsgan_generator_loss', 'minimax_discriminator_loss',
    'minimax_generator_loss', 'modified_discriminator_loss',
    'modified_generator_loss', 'mutual_information_penalty', 'r1_penalty',
    'r2_penalty', 'relativistic_discriminator_loss',
    'relativistic_generator_loss', 'relativistic_hinge_discriminator_loss',
    'relativistic_hinge_generator_loss',
    'relativistic_lsgan_discriminator_loss',
    'relativistic_lsgan_generator_loss',
    'relativistic_pairing_discriminator_loss',
    'relativistic_pairing_generator_loss',
    'stargan_discriminator_loss_wrapper', 'stargan_generator_loss_wrapper',
    'stargan_gradient_penalty_wrapper', 'top_k_generator_loss',
    'wasserstein_discriminator_loss',
    'wasserstein_generator_loss', 'wasserstein_gradient_penalty',
    'wasserstein_hinge_discriminator_loss', 'wasserstein_hinge_generator_loss',
]

# Parameter names read from a model tuple.
TUPLE_FIELDS = frozenset(tfgan.GANModel._fields + tfgan.ACGANModel._fields +
                         tfgan.InfoGANModel._fields)
# What `tfgan.gan_loss` passes to a loss function that accepts it.
GAN_LOSS_OPTIONS = ('reduction', 'add_summaries')


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


acgan_discriminator_loss = args_to_gan_model(wargs.acgan_discriminator_loss)
acgan_generator_loss = args_to_gan_model(wargs.acgan_generator_loss)
balanced_consistency_penalty = args_to_gan_model(
    wargs.balanced_consistency_penalty)
consistency_penalty = args_to_gan_model(wargs.consistency_penalty)
dragan_penalty = args_to_gan_model(wargs.dragan_penalty)
latent_consistency_generator_loss = args_to_gan_model(
    wargs.latent_consistency_generator_loss)
latent_consistency_penalty = args_to_gan_model(
    wargs.latent_consistency_penalty)
lecam_penalty = args_to_gan_model(wargs.lecam_penalty)
energy_based_discriminator_loss = args_to_gan_model(
    wargs.energy_based_discriminator_loss)
energy_based_generator_loss = args_to_gan_model(
    wargs.energy_based_generator_loss)
hinge_discriminator_loss = args_to_gan_model(wargs.hinge_discriminator_loss)
hinge_generator_loss = args_to_gan_model(wargs.hinge_generator_loss)
least_squares_discriminator_loss = args_to_gan_model(
    wargs.least_squares_discriminator_loss)
least_squares_generator_loss = args_to_gan_model(
    wargs.least_squares_generator_loss)
lsgan_discriminator_loss = args_to_gan_model(wargs.lsgan_discriminator_loss)
lsgan_generator_loss = args_to_gan_model(wargs.lsgan_generator_loss)
minimax_discriminator_loss = args_to_gan_model(
    wargs.minimax_discriminator_loss)
minimax_generator_loss = args_to_gan_model(wargs.minimax_generator_loss)
modified_discriminator_loss = args_to_gan_model(
    wargs.modified_discriminator_loss)
modified_generator_loss = args_to_gan_model(wargs.modified_generator_loss)
mutual_information_penalty = args_to_gan_model(
    wargs.mutual_information_penalty)
r1_penalty = args_to_gan_model(wargs.r1_penalty)
r2_penalty = args_to_gan_model(wargs.r2_penalty)
relativistic_discriminator_loss = args_to_gan_model(
    wargs.relativistic_discriminator_loss)
relativistic_generator_loss = args_to_gan_model(
    wargs.relativistic_generator_loss)
relativistic_hinge_discriminator_loss = args_to_gan_model(
    wargs.relativistic_hinge_discriminator_loss)
relativistic_hinge_generator_loss = args_to_gan_model(
    wargs.relativistic_hinge_generator_loss)
relativistic_lsgan_discriminator_loss = args_to_gan_model(
    wargs.relativistic_lsgan_discriminator_loss)
relativistic_lsgan_generator_loss = args_to_gan_model(
    wargs.relativistic_lsgan_generator_loss)
relativistic_pairing_discriminator_loss = args_to_gan_model(
    wargs.relativistic_pairing_discriminator_loss)
relativistic_pairing_generator_loss = args_to_gan_model(
    wargs.relativistic_pairing_generator_loss)
top_k_generator_loss = args_to_gan_model(wargs.top_k_generator_loss)
wasserstein_discriminator_loss = args_to_gan_model(
    wargs.wasserstein_discriminator_loss)
wasserstein_generator_loss = args_to_gan_model(
    wargs.wasserstein_generator_loss)
wasserstein_gradient_penalty = args_to_gan_model(
    wargs.wasserstein_gradient_penalty)
wasserstein_hinge_discriminator_loss = args_to_gan_model(
    wargs.wasserstein_hinge_discriminator_loss)
wasserstein_hinge_generator_loss = args_to_gan_model(
    wargs.wasserstein_hinge_generator_loss)

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
