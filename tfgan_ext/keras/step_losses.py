# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The `loss=` and `penalty=` of `GANModel.compile`, called with a step's tensors.

`resolve_loss(spec)` and `resolve_penalty(spec, ...)` turn what `compile`
accepts into `StepLoss`es: callables of a dict of the step's tensors (named
like `tfgan.GANModel` fields: `real_data`, `generated_data`,
`generator_inputs`, `discriminator_real_outputs`,
`discriminator_gen_outputs`, `discriminator_fn`, `discriminator_scope`,
`generator_fn`, `generator_scope`) that return a float32 scalar, the mean
over this replica's examples. `feature_model` builds the discriminator's
feature output for feature matching.

Accepted loss specs: a registry name (`tfgan_ext.losses.names()`: its
argument-style pair, `registry.argument_style(name)`, is called directly), or
a pair (`tfgan_ext.losses.LossPair`, any object with `generator_loss_fn` and
`discriminator_loss_fn`, or a 2-tuple) of argument-style functions
(`tfgan_ext.losses.wargs.*`, or your own with parameters named like those
fields) or GANModel-style functions (`fn(gan_model, ...)`; those of
tfgan_ext are called through their argument-style form, `.args_loss_fn`).
Penalties: a name from `tfgan_ext.losses.penalty_names()` (or 'wgan_gp',
'none', None) or such a function.
"""

import functools
import inspect

import tensorflow as tf
import tensorflow_gan as tfgan

from tfgan_ext.losses import _checks
from tfgan_ext.losses import lazy_regularization
from tfgan_ext.losses import registry
from tfgan_ext.losses import wargs

__all__ = ['Penalty', 'STEP_TENSORS', 'StepLoss', 'feature_matching',
           'feature_model', 'resolve_loss', 'resolve_penalty']

# What a step can give a loss, by GANModel field name.
STEP_TENSORS = ('real_data', 'generated_data', 'generator_inputs',
                'discriminator_real_outputs', 'discriminator_gen_outputs',
                'discriminator_fn', 'discriminator_scope', 'generator_fn',
                'generator_scope')


def _parameters(fn):
  try:
    return inspect.signature(fn).parameters
  except (TypeError, ValueError):
    raise TypeError('Cannot read the signature of %r; pass a Python function '
                    'or functools.partial.' % (fn,)) from None


def _gan_model_tuple(tensors):
  """A tfgan.GANModel holding the step's tensors (variables/scopes empty)."""
  return tfgan.GANModel(
      generator_inputs=tensors.get('generator_inputs'),
      generated_data=tensors.get('generated_data'),
      generator_variables=[], generator_scope=None,
      generator_fn=tensors.get('generator_fn'),
      real_data=tensors.get('real_data'),
      discriminator_real_outputs=tensors.get('discriminator_real_outputs'),
      discriminator_gen_outputs=tensors.get('discriminator_gen_outputs'),
      discriminator_variables=[], discriminator_scope=None,
      discriminator_fn=tensors.get('discriminator_fn'))


def _name_of(fn, default):
  return (getattr(fn, '__name__', None) or
          getattr(getattr(fn, 'func', None), '__name__', None) or default)


class StepLoss:
  """One loss or penalty, called with the step's tensors.

  Attributes:
    fn: The function called (argument style, or GANModel style).
    name: The function's name (used in logs).
    needs: frozenset of the `STEP_TENSORS` it reads.
  """

  def __init__(self, fn, what, extra_kwargs=None):
    if not callable(fn):
      raise TypeError('%s must be callable, got %r.' % (what, fn))
    # tfgan_ext's GANModel-style functions: call the argument-style form.
    self.fn = getattr(fn, 'args_loss_fn', fn)
    self.extra_kwargs = dict(extra_kwargs or {})
    params = _parameters(self.fn)
    self.name = _name_of(self.fn, what)
    self._gan_model_style = bool(params) and next(iter(params)) == 'gan_model'
    # No TF-1 loss collections or summaries inside a Keras step.
    self._options = {k: v for k, v in (('loss_collection', None),
                                       ('add_summaries', False))
                     if k in params}
    if self._gan_model_style:
      self.needs = frozenset(STEP_TENSORS)
      return
    self.needs = frozenset(p for p in params if p in STEP_TENSORS)
    unknown = sorted(set(self.extra_kwargs) - set(params))
    if unknown and not any(p.kind == p.VAR_KEYWORD for p in params.values()):
      raise TypeError('%s %s() has no parameter %s; its parameters are %s.'
                      % (what, self.name, ', '.join(unknown), list(params)))
    missing = [p.name for p in params.values()
               if p.default is p.empty and p.name not in STEP_TENSORS
               and p.name not in self.extra_kwargs
               and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    if missing:
      raise TypeError(
          '%s %s() requires %s, which a GAN train step cannot supply; it can '
          'supply %s. Bind other arguments with functools.partial.'
          % (what, self.name, ', '.join(missing), ', '.join(STEP_TENSORS)))

  def __call__(self, tensors):
    """The loss (float32 scalar, mean over this replica's examples)."""
    kwargs = dict(self._options)
    kwargs.update(self.extra_kwargs)
    if self._gan_model_style:
      value = self.fn(_gan_model_tuple(tensors), **kwargs)
    else:
      for name in self.needs:
        kwargs[name] = tensors[name]
      value = self.fn(**kwargs)
    value = tf.cast(value, tf.float32)
    if value.shape.rank not in (0, None):
      raise ValueError('%s returned shape %s; a GAN loss must reduce to a '
                       'scalar (the mean over the batch).'
                       % (self.name, value.shape))
    return value


def resolve_loss(spec):
  """(generator StepLoss, discriminator StepLoss, name) for a loss spec.

  Args:
    spec: A registry name, or a pair of loss functions (see module doc).

  Returns:
    A tuple (generator_loss, discriminator_loss, name).

  Raises:
    ValueError: for an unknown name (the message lists the valid ones).
    TypeError: for anything else that is not a pair of callables.
  """
  name = spec if isinstance(spec, str) else None
  if name is not None:
    spec = registry.argument_style(name)  # ValueError listing the names.
  if hasattr(spec, 'generator_loss_fn') and hasattr(spec,
                                                    'discriminator_loss_fn'):
    pair = (spec.generator_loss_fn, spec.discriminator_loss_fn)
  elif isinstance(spec, (tuple, list)) and len(spec) == 2:
    pair = tuple(spec)
  else:
    raise TypeError(
        'loss must be a name from tfgan_ext.losses.names() (%s) or a pair '
        '(generator_loss_fn, discriminator_loss_fn), got %r.'
        % (', '.join(registry.names()), spec))
  generator = StepLoss(pair[0], 'generator loss')
  discriminator = StepLoss(pair[1], 'discriminator loss')
  return generator, discriminator, name or discriminator.name


class Penalty:
  """A discriminator penalty with its weight and lazy interval.

  The term added to the discriminator loss on discriminator step s (counted
  by the discriminator optimizer's `iterations`, equal on every replica) is
  `lazy_regularization.lazy_penalty`'s: [s % every == 0] * every * weight *
  penalty. Off steps skip the computation inside a `tf.cond` when the
  penalty is replica-local (R1, R2, WGAN-GP) or there is one replica;
  otherwise (DRAGAN's global batch std under several replicas, user
  penalties) it is computed and multiplied by 0, since TensorFlow cannot
  all-reduce inside a cond branch.
  """

  def __init__(self, step_loss, weight, every):
    self.step_loss = step_loss
    self.name = step_loss.name
    self.weight = float(weight)
    self.every = every
    self.replica_local = (step_loss.fn in
                          lazy_regularization.REPLICA_LOCAL_PENALTIES)

  def term(self, tensors, step, num_replicas):
    """(term to add to the loss, raw penalty value, gate as float32)."""
    return lazy_regularization.lazy_penalty(
        lambda: self.step_loss(tensors), self.weight, self.every, step,
        skip_with_cond=self.replica_local or num_replicas == 1)


def resolve_penalty(spec, weight=1.0, every=1, kwargs=None):
  """A `Penalty`, or None for no penalty.

  Args:
    spec: A name from `tfgan_ext.losses.penalty_names()`, an alias
      ('wgan_gp'), 'none' / None, or a penalty function.
    weight: Its coefficient (gamma/2 for R1 and R2).
    every: Lazy regularization interval, an int >= 1.
    kwargs: Extra keyword arguments for the penalty (e.g.
      {'one_sided': True} for WGAN-GP, {'perturbation_scale': 0.5} for
      DRAGAN).

  Returns:
    A `Penalty` or None.

  Raises:
    ValueError: for an unknown name (listing the valid ones), every < 1 or a
      negative weight.
    TypeError: for a non-int `every` or a function that cannot be called.
  """
  _checks.positive_int(every, 'penalty_every')
  if not isinstance(weight, (int, float)) or weight < 0:
    raise ValueError('penalty_weight must be a number >= 0, got %r.'
                     % (weight,))
  fn = spec if callable(spec) else registry.argument_style_penalty(spec)
  if fn is None or fn is registry.no_penalty:
    return None
  return Penalty(StepLoss(fn, 'penalty', kwargs), weight, every)


def feature_model(flavour, discriminator, layer_name):
  """A model of the discriminator's inputs -> (its logits, the layer's).

  Args:
    flavour: The model's `KerasVersion` (it builds the functional model).
    discriminator: A built functional or Sequential Keras model.
    layer_name: The name of the layer whose output feature matching reads.

  Raises:
    ValueError: no layer name, a discriminator without `inputs`, no such
      layer (the message lists the layers), or more than one output.
  """
  if not layer_name:
    raise ValueError('feature_matching_weight > 0 needs '
                     'feature_matching_layer, the name of a discriminator '
                     'layer.')
  if not getattr(discriminator, 'inputs', None):
    raise ValueError(
        'Feature matching reads an inner layer of the discriminator, so it '
        'must be a built functional or Sequential model (with `inputs`); '
        '%r is not.' % discriminator.name)
  try:
    layer = discriminator.get_layer(layer_name)
  except ValueError:
    raise ValueError('The discriminator %r has no layer %r; its layers are '
                     '%s.' % (discriminator.name, layer_name,
                              [l.name for l in discriminator.layers])
                     ) from None
  outputs = discriminator.outputs
  if len(outputs) != 1:
    raise ValueError('Feature matching needs a discriminator with one '
                     'output (the logit), got %d.' % len(outputs))
  return flavour.functional_model(
      discriminator.inputs, [outputs[0], layer.output],
      name='%s_with_%s' % (discriminator.name, layer_name))


def feature_matching():
  """The feature matching loss on (real_features, generated_features)."""
  return functools.partial(wargs.feature_matching_loss, loss_collection=None)
