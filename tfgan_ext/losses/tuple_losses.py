# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""GANModel-style losses: a superset of `tfgan.losses` (its tuple functions).

Every argument-style loss of `tfgan_ext.losses.wargs` that reads GAN model
tuple fields has a GANModel-style form here of the same name: a written-out
`def` taking `gan_model` (`tfgan.GANModel`, `ACGANModel`, `InfoGANModel`)
followed by exactly the loss's other parameters, with the same defaults, so
`tfgan.gan_loss` passes `reduction` / `add_summaries` to it and `help()`
shows them. Its one-line docstring names its argument-style form
(`fn.args_loss_fn`, whose docstring has the paper, the formula and the
arguments) and the fields it reads; its body calls that form with those
fields and its own arguments (`_call`). A `gan_model` that is
not a namedtuple raises TypeError, one whose type lacks a field ValueError
naming the loss and the fields; otherwise each raises what its
argument-style form raises.

The conditional losses' forms (`multi_hinge_*`, `auxiliary_multi_hinge_*`,
`d2dce_*`) read the discriminator's outputs, a `DiscriminatorOutputs` (or a
dict or list of its fields), and the labels, the second element of
`generator_inputs`, as `discriminator_outputs.CONDITIONAL_ARGUMENTS` says
(`_call_conditional`); `conditional_generator_loss` and
`conditional_discriminator_loss` add such a term, weighted, to an
unconditional loss of the head's logits (what
`tfgan_ext.losses.get_conditional` returns).

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

import inspect

import tensorflow as tf
import tensorflow_gan as tfgan

from tfgan_ext.losses import _reduction
from tfgan_ext.losses import discriminator_outputs
from tfgan_ext.losses import wargs

__all__ = [
    'args_to_gan_model', 'feature_matching_loss',
    # Upstream's, re-exported.
    'combine_adversarial_loss', 'cycle_consistency_loss',
    'stargan_discriminator_loss_wrapper', 'stargan_generator_loss_wrapper',
    'stargan_gradient_penalty_wrapper',
    # The forms, in the order of their sections below.
    'minimax_generator_loss', 'minimax_discriminator_loss',
    'modified_generator_loss', 'modified_discriminator_loss',
    'least_squares_generator_loss', 'least_squares_discriminator_loss',
    'lsgan_generator_loss', 'lsgan_discriminator_loss',
    'wasserstein_generator_loss', 'wasserstein_discriminator_loss',
    'wasserstein_hinge_generator_loss', 'wasserstein_hinge_discriminator_loss',
    'hinge_generator_loss', 'hinge_discriminator_loss',
    'relativistic_generator_loss', 'relativistic_discriminator_loss',
    'relativistic_lsgan_generator_loss',
    'relativistic_lsgan_discriminator_loss',
    'relativistic_hinge_generator_loss',
    'relativistic_hinge_discriminator_loss',
    'relativistic_pairing_generator_loss',
    'relativistic_pairing_discriminator_loss',
    'acgan_generator_loss', 'acgan_discriminator_loss',
    'energy_based_generator_loss', 'energy_based_discriminator_loss',
    'mutual_information_penalty',
    'r1_penalty', 'r2_penalty', 'dragan_penalty',
    'wasserstein_gradient_penalty', 'consistency_penalty',
    'balanced_consistency_penalty', 'latent_consistency_penalty',
    'latent_consistency_generator_loss', 'lecam_penalty',
    'top_k_generator_loss',
    'multi_hinge_generator_loss', 'multi_hinge_discriminator_loss',
    'auxiliary_multi_hinge_generator_loss',
    'auxiliary_multi_hinge_discriminator_loss',
    'd2dce_generator_loss', 'd2dce_discriminator_loss',
    'conditional_generator_loss', 'conditional_discriminator_loss',
]

# The conditional losses' forms: they read DiscriminatorOutputs and labels.
CONDITIONAL_FORMS = (
    'multi_hinge_generator_loss', 'multi_hinge_discriminator_loss',
    'auxiliary_multi_hinge_generator_loss',
    'auxiliary_multi_hinge_discriminator_loss',
    'd2dce_generator_loss', 'd2dce_discriminator_loss')

_LOSSES = _reduction.LOSSES
_DEFAULT_REDUCTION = _reduction.DEFAULT_REDUCTION

# The GAN model tuples whose fields a loss may read, and those fields.
_MODEL_TYPES = (tfgan.GANModel, tfgan.ACGANModel, tfgan.InfoGANModel)
# Parameter names read from a model tuple.
TUPLE_FIELDS = frozenset(
    field for model_type in _MODEL_TYPES for field in model_type._fields)


def _tuple_form(args_loss_fn):
  """Sets `fn.args_loss_fn = args_loss_fn` on the decorated `fn`, unchanged.

  `args_loss_fn` is the argument-style loss that `fn` calls (the registry,
  the Keras trainer and top-k training use it).
  """
  def mark(fn):
    fn.args_loss_fn = args_loss_fn
    return fn
  return mark


def _read(gan_model, loss_name, *fields):
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


def _call(args_loss_fn, gan_model, **kwargs):
  """`args_loss_fn(**fields, **kwargs)`, the fields read from `gan_model`.

  The fields are `args_loss_fn`'s parameters named like a GAN model tuple
  field (`TUPLE_FIELDS`), read by `_read`, whose errors name
  `args_loss_fn.__name__` (which is also the GANModel-style form's name).
  """
  fields = [name for name in inspect.signature(args_loss_fn).parameters
            if name in TUPLE_FIELDS]
  return args_loss_fn(**_read(gan_model, args_loss_fn.__name__, *fields),
                      **kwargs)


def _call_conditional(args_loss_fn, gan_model, **kwargs):
  """`args_loss_fn(**tensors, **kwargs)`, its conditional tensors read.

  Its parameters named in `discriminator_outputs.CONDITIONAL_ARGUMENTS` are
  read from `gan_model`'s discriminator outputs and generator inputs (`_read`
  checks the tuple; the errors name `args_loss_fn.__name__`).
  """
  name = args_loss_fn.__name__
  arguments = [p for p in inspect.signature(args_loss_fn).parameters
               if p in discriminator_outputs.CONDITIONAL_ARGUMENTS]
  fields = sorted({discriminator_outputs.CONDITIONAL_ARGUMENTS[a][0]
                   for a in arguments})
  return args_loss_fn(**discriminator_outputs.conditional_arguments(
      arguments, name, **_read(gan_model, name, *fields)), **kwargs)


# What `tfgan.gan_loss` passes to a loss function that accepts it.
GAN_LOSS_OPTIONS = ('reduction', 'add_summaries')


def args_to_gan_model(loss_fn):
  """Converts an argument-style loss of your own into a GANModel-style one.

  tfgan_ext's own GANModel-style losses are written-out `def`s (below); this
  wraps any other argument-style loss the same way.

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
    call_args = _read(gan_model, name, *[
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


# ------------------------------------------ cross-entropy and least squares ---
@_tuple_form(wargs.minimax_generator_loss)
def minimax_generator_loss(
    gan_model, label_smoothing=0.0, weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.minimax_generator_loss` of `gan_model`'s
  `discriminator_gen_outputs`."""
  return _call(
      wargs.minimax_generator_loss, gan_model, label_smoothing=label_smoothing,
      weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries)


@_tuple_form(wargs.minimax_discriminator_loss)
def minimax_discriminator_loss(
    gan_model, label_smoothing=0.25, real_weights=1.0, generated_weights=1.0,
    scope=None, loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """`wargs.minimax_discriminator_loss` of `gan_model`'s
  `discriminator_real_outputs` and `discriminator_gen_outputs`."""
  return _call(
      wargs.minimax_discriminator_loss, gan_model,
      label_smoothing=label_smoothing, real_weights=real_weights,
      generated_weights=generated_weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.modified_generator_loss)
def modified_generator_loss(
    gan_model, label_smoothing=0.0, weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.modified_generator_loss` of `gan_model`'s
  `discriminator_gen_outputs`."""
  return _call(
      wargs.modified_generator_loss, gan_model, label_smoothing=label_smoothing,
      weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries)


@_tuple_form(wargs.modified_discriminator_loss)
def modified_discriminator_loss(
    gan_model, label_smoothing=0.25, real_weights=1.0, generated_weights=1.0,
    scope=None, loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """`wargs.modified_discriminator_loss` of `gan_model`'s
  `discriminator_real_outputs` and `discriminator_gen_outputs`."""
  return _call(
      wargs.modified_discriminator_loss, gan_model,
      label_smoothing=label_smoothing, real_weights=real_weights,
      generated_weights=generated_weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.least_squares_generator_loss)
def least_squares_generator_loss(
    gan_model, real_label=1, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.least_squares_generator_loss` of `gan_model`'s
  `discriminator_gen_outputs`."""
  return _call(
      wargs.least_squares_generator_loss, gan_model, real_label=real_label,
      weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries)


@_tuple_form(wargs.least_squares_discriminator_loss)
def least_squares_discriminator_loss(
    gan_model, real_label=1, fake_label=0, real_weights=1.0,
    generated_weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.least_squares_discriminator_loss` of `gan_model`'s
  `discriminator_real_outputs` and `discriminator_gen_outputs`."""
  return _call(
      wargs.least_squares_discriminator_loss, gan_model, real_label=real_label,
      fake_label=fake_label, real_weights=real_weights,
      generated_weights=generated_weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.lsgan_generator_loss)
def lsgan_generator_loss(
    gan_model, generator_target=1.0, weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.lsgan_generator_loss` of `gan_model`'s
  `discriminator_gen_outputs`."""
  return _call(
      wargs.lsgan_generator_loss, gan_model, generator_target=generator_target,
      weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries)


@_tuple_form(wargs.lsgan_discriminator_loss)
def lsgan_discriminator_loss(
    gan_model, real_target=1.0, generated_target=0.0, real_weights=1.0,
    generated_weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.lsgan_discriminator_loss` of `gan_model`'s
  `discriminator_real_outputs` and `discriminator_gen_outputs`."""
  return _call(
      wargs.lsgan_discriminator_loss, gan_model, real_target=real_target,
      generated_target=generated_target, real_weights=real_weights,
      generated_weights=generated_weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


# ---------------------------------------------------- Wasserstein and hinge ---
@_tuple_form(wargs.wasserstein_generator_loss)
def wasserstein_generator_loss(
    gan_model, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.wasserstein_generator_loss` of `gan_model`'s
  `discriminator_gen_outputs`."""
  return _call(
      wargs.wasserstein_generator_loss, gan_model, weights=weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.wasserstein_discriminator_loss)
def wasserstein_discriminator_loss(
    gan_model, real_weights=1.0, generated_weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.wasserstein_discriminator_loss` of `gan_model`'s
  `discriminator_real_outputs` and `discriminator_gen_outputs`."""
  return _call(
      wargs.wasserstein_discriminator_loss, gan_model,
      real_weights=real_weights, generated_weights=generated_weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.wasserstein_hinge_generator_loss)
def wasserstein_hinge_generator_loss(
    gan_model, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.wasserstein_hinge_generator_loss` of `gan_model`'s
  `discriminator_gen_outputs`."""
  return _call(
      wargs.wasserstein_hinge_generator_loss, gan_model, weights=weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.wasserstein_hinge_discriminator_loss)
def wasserstein_hinge_discriminator_loss(
    gan_model, real_weights=1.0, generated_weights=1.0, real_hinge=1.0,
    generated_hinge=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.wasserstein_hinge_discriminator_loss` of `gan_model`'s
  `discriminator_real_outputs` and `discriminator_gen_outputs`."""
  return _call(
      wargs.wasserstein_hinge_discriminator_loss, gan_model,
      real_weights=real_weights, generated_weights=generated_weights,
      real_hinge=real_hinge, generated_hinge=generated_hinge, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.hinge_generator_loss)
def hinge_generator_loss(
    gan_model, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.hinge_generator_loss` of `gan_model`'s
  `discriminator_gen_outputs`."""
  return _call(
      wargs.hinge_generator_loss, gan_model, weights=weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.hinge_discriminator_loss)
def hinge_discriminator_loss(
    gan_model, real_margin=1.0, generated_margin=1.0, real_weights=1.0,
    generated_weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.hinge_discriminator_loss` of `gan_model`'s
  `discriminator_real_outputs` and `discriminator_gen_outputs`."""
  return _call(
      wargs.hinge_discriminator_loss, gan_model, real_margin=real_margin,
      generated_margin=generated_margin, real_weights=real_weights,
      generated_weights=generated_weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


# ------------------------------------------------------------- relativistic ---
@_tuple_form(wargs.relativistic_generator_loss)
def relativistic_generator_loss(
    gan_model, real_weights=1.0, generated_weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.relativistic_generator_loss` of `gan_model`'s
  `discriminator_real_outputs` and `discriminator_gen_outputs`."""
  return _call(
      wargs.relativistic_generator_loss, gan_model, real_weights=real_weights,
      generated_weights=generated_weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.relativistic_discriminator_loss)
def relativistic_discriminator_loss(
    gan_model, real_weights=1.0, generated_weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.relativistic_discriminator_loss` of `gan_model`'s
  `discriminator_real_outputs` and `discriminator_gen_outputs`."""
  return _call(
      wargs.relativistic_discriminator_loss, gan_model,
      real_weights=real_weights, generated_weights=generated_weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.relativistic_lsgan_generator_loss)
def relativistic_lsgan_generator_loss(
    gan_model, real_weights=1.0, generated_weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.relativistic_lsgan_generator_loss` of `gan_model`'s
  `discriminator_real_outputs` and `discriminator_gen_outputs`."""
  return _call(
      wargs.relativistic_lsgan_generator_loss, gan_model,
      real_weights=real_weights, generated_weights=generated_weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.relativistic_lsgan_discriminator_loss)
def relativistic_lsgan_discriminator_loss(
    gan_model, real_weights=1.0, generated_weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.relativistic_lsgan_discriminator_loss` of `gan_model`'s
  `discriminator_real_outputs` and `discriminator_gen_outputs`."""
  return _call(
      wargs.relativistic_lsgan_discriminator_loss, gan_model,
      real_weights=real_weights, generated_weights=generated_weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.relativistic_hinge_generator_loss)
def relativistic_hinge_generator_loss(
    gan_model, real_weights=1.0, generated_weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.relativistic_hinge_generator_loss` of `gan_model`'s
  `discriminator_real_outputs` and `discriminator_gen_outputs`."""
  return _call(
      wargs.relativistic_hinge_generator_loss, gan_model,
      real_weights=real_weights, generated_weights=generated_weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.relativistic_hinge_discriminator_loss)
def relativistic_hinge_discriminator_loss(
    gan_model, real_weights=1.0, generated_weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.relativistic_hinge_discriminator_loss` of `gan_model`'s
  `discriminator_real_outputs` and `discriminator_gen_outputs`."""
  return _call(
      wargs.relativistic_hinge_discriminator_loss, gan_model,
      real_weights=real_weights, generated_weights=generated_weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.relativistic_pairing_generator_loss)
def relativistic_pairing_generator_loss(
    gan_model, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.relativistic_pairing_generator_loss` of `gan_model`'s
  `discriminator_real_outputs` and `discriminator_gen_outputs`."""
  return _call(
      wargs.relativistic_pairing_generator_loss, gan_model, weights=weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.relativistic_pairing_discriminator_loss)
def relativistic_pairing_discriminator_loss(
    gan_model, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.relativistic_pairing_discriminator_loss` of `gan_model`'s
  `discriminator_real_outputs` and `discriminator_gen_outputs`."""
  return _call(
      wargs.relativistic_pairing_discriminator_loss, gan_model, weights=weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


# --------------------------------------------------- special discriminators ---
@_tuple_form(wargs.acgan_generator_loss)
def acgan_generator_loss(
    gan_model, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.acgan_generator_loss` of `gan_model`'s
  `discriminator_gen_classification_logits` and `one_hot_labels`."""
  return _call(
      wargs.acgan_generator_loss, gan_model, weights=weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.acgan_discriminator_loss)
def acgan_discriminator_loss(
    gan_model, label_smoothing=0.0, real_weights=1.0, generated_weights=1.0,
    scope=None, loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """`wargs.acgan_discriminator_loss` of `gan_model`'s
  `discriminator_real_classification_logits`,
  `discriminator_gen_classification_logits` and `one_hot_labels`."""
  return _call(
      wargs.acgan_discriminator_loss, gan_model,
      label_smoothing=label_smoothing, real_weights=real_weights,
      generated_weights=generated_weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.energy_based_generator_loss)
def energy_based_generator_loss(
    gan_model, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.energy_based_generator_loss` of `gan_model`'s
  `discriminator_gen_outputs`."""
  return _call(
      wargs.energy_based_generator_loss, gan_model, weights=weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.energy_based_discriminator_loss)
def energy_based_discriminator_loss(
    gan_model, margin=1.0, real_weights=1.0, generated_weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.energy_based_discriminator_loss` of `gan_model`'s
  `discriminator_real_outputs` and `discriminator_gen_outputs`."""
  return _call(
      wargs.energy_based_discriminator_loss, gan_model, margin=margin,
      real_weights=real_weights, generated_weights=generated_weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.mutual_information_penalty)
def mutual_information_penalty(
    gan_model, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.mutual_information_penalty` of `gan_model`'s
  `structured_generator_inputs` and `predicted_distributions`."""
  return _call(
      wargs.mutual_information_penalty, gan_model, weights=weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


# ---------------------------------------------------------------- penalties ---
@_tuple_form(wargs.r1_penalty)
def r1_penalty(
    gan_model, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.r1_penalty` of `gan_model`'s `real_data`, `generator_inputs`,
  `discriminator_fn` and `discriminator_scope`."""
  return _call(
      wargs.r1_penalty, gan_model, weights=weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.r2_penalty)
def r2_penalty(
    gan_model, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.r2_penalty` of `gan_model`'s `generated_data`, `generator_inputs`,
  `discriminator_fn` and `discriminator_scope`."""
  return _call(
      wargs.r2_penalty, gan_model, weights=weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.dragan_penalty)
def dragan_penalty(
    gan_model, perturbation_scale=0.5, target=1.0, epsilon=1e-10, seed=None,
    weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.dragan_penalty` of `gan_model`'s `real_data`, `generator_inputs`,
  `discriminator_fn` and `discriminator_scope`."""
  return _call(
      wargs.dragan_penalty, gan_model, perturbation_scale=perturbation_scale,
      target=target, epsilon=epsilon, seed=seed, weights=weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.wasserstein_gradient_penalty)
def wasserstein_gradient_penalty(
    gan_model, epsilon=1e-10, target=1.0, one_sided=False, weights=1.0,
    scope=None, loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
    add_summaries=False, seed=None):
  """`wargs.wasserstein_gradient_penalty` of `gan_model`'s `real_data`,
  `generated_data`, `generator_inputs`, `discriminator_fn` and
  `discriminator_scope`."""
  return _call(
      wargs.wasserstein_gradient_penalty, gan_model, epsilon=epsilon,
      target=target, one_sided=one_sided, weights=weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries, seed=seed)


@_tuple_form(wargs.consistency_penalty)
def consistency_penalty(
    gan_model, augment_fn, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.consistency_penalty` of `gan_model`'s `real_data`,
  `generator_inputs`, `discriminator_fn` and `discriminator_scope`."""
  return _call(
      wargs.consistency_penalty, gan_model, augment_fn=augment_fn,
      weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries)


@_tuple_form(wargs.balanced_consistency_penalty)
def balanced_consistency_penalty(
    gan_model, augment_fn, real_weights=1.0, generated_weights=1.0, scope=None,
    loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.balanced_consistency_penalty` of `gan_model`'s `real_data`,
  `generated_data`, `generator_inputs`, `discriminator_fn` and
  `discriminator_scope`."""
  return _call(
      wargs.balanced_consistency_penalty, gan_model, augment_fn=augment_fn,
      real_weights=real_weights, generated_weights=generated_weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.latent_consistency_penalty)
def latent_consistency_penalty(
    gan_model, stddev=0.03, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False, seed=None):
  """`wargs.latent_consistency_penalty` of `gan_model`'s
  `discriminator_gen_outputs`, `generator_inputs`, `generator_fn`,
  `generator_scope`, `discriminator_fn` and `discriminator_scope`."""
  return _call(
      wargs.latent_consistency_penalty, gan_model, stddev=stddev,
      weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries, seed=seed)


@_tuple_form(wargs.latent_consistency_generator_loss)
def latent_consistency_generator_loss(
    gan_model, stddev=0.03, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False, seed=None):
  """`wargs.latent_consistency_generator_loss` of `gan_model`'s
  `generated_data`, `generator_inputs`, `generator_fn` and `generator_scope`."""
  return _call(
      wargs.latent_consistency_generator_loss, gan_model, stddev=stddev,
      weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries, seed=seed)


@_tuple_form(wargs.lecam_penalty)
def lecam_penalty(
    gan_model, real_anchor, generated_anchor, real_weights=1.0,
    generated_weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.lecam_penalty` of `gan_model`'s `discriminator_real_outputs` and
  `discriminator_gen_outputs`."""
  return _call(
      wargs.lecam_penalty, gan_model, real_anchor=real_anchor,
      generated_anchor=generated_anchor, real_weights=real_weights,
      generated_weights=generated_weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.top_k_generator_loss)
def top_k_generator_loss(
    gan_model, fraction, generator_loss_fn=wargs.modified_generator_loss,
    weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.top_k_generator_loss` of `gan_model`'s
  `discriminator_gen_outputs`."""
  return _call(
      wargs.top_k_generator_loss, gan_model, fraction=fraction,
      generator_loss_fn=generator_loss_fn, weights=weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


# -------------------------------------------------------------- conditional ---
@_tuple_form(wargs.multi_hinge_generator_loss)
def multi_hinge_generator_loss(
    gan_model, margin=1.0, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.multi_hinge_generator_loss` of the `class_logits` in `gan_model`'s
  `discriminator_gen_outputs` and the labels in its `generator_inputs`."""
  return _call_conditional(
      wargs.multi_hinge_generator_loss, gan_model, margin=margin,
      weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries)


@_tuple_form(wargs.multi_hinge_discriminator_loss)
def multi_hinge_discriminator_loss(
    gan_model, margin=1.0, real_weights=1.0, generated_weights=1.0,
    scope=None, loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """`wargs.multi_hinge_discriminator_loss` of the `class_logits` in
  `gan_model`'s `discriminator_real_outputs` and `discriminator_gen_outputs`
  and the labels in its `generator_inputs`."""
  return _call_conditional(
      wargs.multi_hinge_discriminator_loss, gan_model, margin=margin,
      real_weights=real_weights, generated_weights=generated_weights,
      scope=scope, loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.auxiliary_multi_hinge_generator_loss)
def auxiliary_multi_hinge_generator_loss(
    gan_model, margin=1.0, weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.auxiliary_multi_hinge_generator_loss` of the `class_logits` in
  `gan_model`'s `discriminator_gen_outputs` and the labels in its
  `generator_inputs`."""
  return _call_conditional(
      wargs.auxiliary_multi_hinge_generator_loss, gan_model, margin=margin,
      weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries)


@_tuple_form(wargs.auxiliary_multi_hinge_discriminator_loss)
def auxiliary_multi_hinge_discriminator_loss(
    gan_model, margin=1.0, real_weights=1.0, generated_weights=1.0,
    scope=None, loss_collection=_LOSSES, reduction=_DEFAULT_REDUCTION,
    add_summaries=False):
  """`wargs.auxiliary_multi_hinge_discriminator_loss` of the `class_logits` in
  `gan_model`'s `discriminator_real_outputs` and `discriminator_gen_outputs`
  and the labels in its `generator_inputs`."""
  return _call_conditional(
      wargs.auxiliary_multi_hinge_discriminator_loss, gan_model,
      margin=margin, real_weights=real_weights,
      generated_weights=generated_weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


@_tuple_form(wargs.d2dce_generator_loss)
def d2dce_generator_loss(
    gan_model, positive_margin=0.98, negative_margin=0.02, temperature=0.5,
    weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.d2dce_generator_loss` of the `embeddings` and `proxies` in
  `gan_model`'s `discriminator_gen_outputs` and the labels in its
  `generator_inputs`."""
  return _call_conditional(
      wargs.d2dce_generator_loss, gan_model, positive_margin=positive_margin,
      negative_margin=negative_margin, temperature=temperature,
      weights=weights, scope=scope, loss_collection=loss_collection,
      reduction=reduction, add_summaries=add_summaries)


@_tuple_form(wargs.d2dce_discriminator_loss)
def d2dce_discriminator_loss(
    gan_model, positive_margin=0.98, negative_margin=0.02, temperature=0.5,
    weights=1.0, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """`wargs.d2dce_discriminator_loss` of the `embeddings` and `proxies` in
  `gan_model`'s `discriminator_real_outputs` and the labels in its
  `generator_inputs`."""
  return _call_conditional(
      wargs.d2dce_discriminator_loss, gan_model,
      positive_margin=positive_margin, negative_margin=negative_margin,
      temperature=temperature, weights=weights, scope=scope,
      loss_collection=loss_collection, reduction=reduction,
      add_summaries=add_summaries)


def _on_logits(gan_model):
  """`gan_model` with its discriminator outputs replaced by their logits."""
  replaced = {}
  for field in ('discriminator_real_outputs', 'discriminator_gen_outputs'):
    value = getattr(gan_model, field, None)
    if value is not None:
      replaced[field] = discriminator_outputs.logits_of(
          value, 'The discriminator\'s `%s`' % field)
  return gan_model._replace(**replaced)


def _conditional_loss(name, gan_model, condition_loss_fn, condition_weight,
                      adversarial_loss_fn, scope, loss_collection, reduction,
                      add_summaries):
  """adversarial(logits) + weight * condition, added to the collection once."""
  if not callable(condition_loss_fn):
    raise TypeError('%s: `condition_loss_fn` must be callable, got %r.'
                    % (name, condition_loss_fn))
  if adversarial_loss_fn is not None and not callable(adversarial_loss_fn):
    raise TypeError('%s: `adversarial_loss_fn` must be a GANModel-style loss '
                    'or None, got %r.' % (name, adversarial_loss_fn))
  _read(gan_model, name, 'discriminator_gen_outputs')  # A GAN model tuple.
  options = {'loss_collection': None, 'reduction': reduction,
             'add_summaries': add_summaries}
  with tf.compat.v1.name_scope(scope, name):
    term = _call_conditional(
        getattr(condition_loss_fn, 'args_loss_fn', condition_loss_fn),
        gan_model, **options)
    loss = tf.cast(condition_weight, tf.float32) * term
    if adversarial_loss_fn is not None:
      adversarial = call_with_options(adversarial_loss_fn,
                                      _on_logits(gan_model), options)
      if reduction == tf.compat.v1.losses.Reduction.NONE:
        loss = tf.reshape(loss, tf.shape(adversarial))
      loss = adversarial + loss
    tf.compat.v1.losses.add_loss(loss, loss_collection)
    return loss


def conditional_generator_loss(
    gan_model, condition_loss_fn, condition_weight=1.0,
    adversarial_loss_fn=None, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """A conditional GAN's generator loss: adversarial + weighted class term.

  L_G = adversarial_loss_fn(gan_model on the head's logits)
        + condition_weight * condition_loss_fn(outputs, labels)

  `tfgan_ext.losses.get_conditional(name)` binds the papers' choices (e.g.
  D2D-CE: the hinge loss and 0.5 times `wargs.d2dce_generator_loss`).

  Args:
    gan_model: A `tfgan.GANModel` whose discriminator returns a
      `DiscriminatorOutputs` (or a dict or list of its fields) and whose
      `generator_inputs` are (noise, labels).
    condition_loss_fn: An argument-style conditional loss (e.g.
      `wargs.d2dce_generator_loss`, `wargs.acgan_generator_loss`) or its
      GANModel-style form; its tensors are read from `gan_model` as
      `discriminator_outputs.CONDITIONAL_ARGUMENTS` says.
    condition_weight: Its weight.
    adversarial_loss_fn: A GANModel-style unconditional generator loss (e.g.
      `tfgan_ext.losses.hinge_generator_loss`), called with the outputs'
      `logits` in their place; None for none (multi-hinge).
    scope, loss_collection, reduction, add_summaries: TF-GAN's (the total is
      added to `loss_collection` once; the terms are summarized).

  Returns:
    The loss, float32.

  Raises:
    TypeError: for functions that are not callable.
    ValueError: for outputs or labels the losses cannot read (naming them).
  """
  return _conditional_loss(
      'conditional_generator_loss', gan_model, condition_loss_fn,
      condition_weight, adversarial_loss_fn, scope, loss_collection,
      reduction, add_summaries)


def conditional_discriminator_loss(
    gan_model, condition_loss_fn, condition_weight=1.0,
    adversarial_loss_fn=None, scope=None, loss_collection=_LOSSES,
    reduction=_DEFAULT_REDUCTION, add_summaries=False):
  """A conditional GAN's discriminator loss: adversarial + weighted class term.

  L_D = adversarial_loss_fn(gan_model on the head's logits)
        + condition_weight * condition_loss_fn(outputs, labels)

  As `conditional_generator_loss`, with a discriminator loss of each kind
  (e.g. `tfgan_ext.losses.hinge_discriminator_loss` and
  `wargs.d2dce_discriminator_loss`).

  Args:
    gan_model, condition_loss_fn, condition_weight, adversarial_loss_fn,
      scope, loss_collection, reduction, add_summaries: As for
      `conditional_generator_loss`.

  Returns:
    The loss, float32.

  Raises:
    TypeError: for functions that are not callable.
    ValueError: for outputs or labels the losses cannot read (naming them).
  """
  return _conditional_loss(
      'conditional_discriminator_loss', gan_model, condition_loss_fn,
      condition_weight, adversarial_loss_fn, scope, loss_collection,
      reduction, add_summaries)
