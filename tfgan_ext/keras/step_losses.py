# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The `loss=` of `GANModel.compile`, called with a step's tensors.

`resolve_loss(spec)` turns what `compile` accepts into `StepLoss`es:
callables of a dict of the step's tensors (named
like `tfgan.GANModel` fields: `real_data`, `generated_data`,
`generator_inputs`, `discriminator_real_outputs`,
`discriminator_gen_outputs`, `discriminator_fn`, `discriminator_scope`,
`generator_fn`, `generator_scope`) that return a float32 scalar, the mean
over this replica's examples (add-ons that call a TF-GAN-signature function
use them too). `discriminator_with_layer`
builds the discriminator that also returns an inner layer's output, for
add-ons that read one.

Accepted loss specs: a registry name (`tfgan_ext.losses.names()`: its
argument-style pair, `registry.argument_style(name)`, is called directly),
a conditional loss name (`tfgan_ext.losses.conditional_names()`: its
GANModel-style pair, `registry.get_conditional(name)`), or a pair
(`tfgan_ext.losses.LossPair`, any object with `generator_loss_fn` and
`discriminator_loss_fn`, or a 2-tuple) of argument-style functions
(`tfgan_ext.losses.wargs.*`, or your own with parameters named like those
fields) or GANModel-style functions (`fn(gan_model, ...)`; those of
tfgan_ext are called through their argument-style form, `.args_loss_fn`).

Conditional losses: the step holds the discriminator's outputs as it returns
them, a tensor of logits or, for a conditional head, a `DiscriminatorOutputs`
(`GANModel.call_discriminator` turns a dict or list into one). An
argument-style loss's parameters named in
`discriminator_outputs.CONDITIONAL_ARGUMENTS` (class logits, embeddings,
proxies, `labels`) are read from those outputs and from `generator_inputs`
= (noise, labels); `StepLoss.outputs` says which fields a loss reads, for
the checks made before training.
"""

import inspect

import tensorflow as tf
import tensorflow_gan as tfgan

from tfgan_ext.losses import discriminator_outputs
from tfgan_ext.losses import registry

__all__ = ['STEP_TENSORS', 'StepLoss', 'discriminator_with_layer',
           'resolve_loss']

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


_CONDITIONAL = discriminator_outputs.CONDITIONAL_ARGUMENTS


class StepLoss:
  """One loss function, called with the step's tensors.

  Attributes:
    fn: The function called (argument style, or GANModel style).
    name: The function's name (used in logs).
    needs: frozenset of the `STEP_TENSORS` it reads.
    outputs: The `DiscriminatorOutputs` fields it reads (a tuple), () if it
      reads logits, or None if that is unknown (a GANModel-style function of
      your own).
  """

  def __init__(self, fn, what, extra_kwargs=None, outputs=None):
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
      self.outputs = outputs
      self._direct = self._conditional = ()
      return
    self._direct = tuple(p for p in params if p in STEP_TENSORS)
    self._conditional = tuple(p for p in params if p in _CONDITIONAL
                              and p not in STEP_TENSORS
                              and p not in self.extra_kwargs)
    read = {_CONDITIONAL[p][1] for p in self._conditional} - {None}
    self.outputs = tuple(sorted(read)) if read else (outputs or ())
    self.needs = frozenset(self._direct + tuple(
        _CONDITIONAL[p][0] for p in self._conditional))
    unknown = sorted(set(self.extra_kwargs) - set(params))
    if unknown and not any(p.kind == p.VAR_KEYWORD for p in params.values()):
      raise TypeError('%s %s() has no parameter %s; its parameters are %s.'
                      % (what, self.name, ', '.join(unknown), list(params)))
    missing = [p.name for p in params.values()
               if p.default is p.empty and p.name not in STEP_TENSORS
               and p.name not in _CONDITIONAL
               and p.name not in self.extra_kwargs
               and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    if missing:
      raise TypeError(
          '%s %s() requires %s, which a GAN train step cannot supply; it can '
          'supply %s. Bind other arguments with functools.partial.'
          % (what, self.name, ', '.join(missing), ', '.join(STEP_TENSORS)))

  def __call__(self, tensors, logs=None):
    """The loss (float32 scalar, mean over this replica's examples).

    Args:
      tensors: The step's tensors, by `STEP_TENSORS` name.
      logs: The step's logs (unused: the train step logs the loss).
    """
    del logs
    kwargs = dict(self._options)
    kwargs.update(self.extra_kwargs)
    if self._gan_model_style:
      value = self.fn(_gan_model_tuple(tensors), **kwargs)
    else:
      for name in self._direct:
        kwargs[name] = tensors[name]
      if self._conditional:
        kwargs.update(discriminator_outputs.conditional_arguments(
            self._conditional, self.name,
            discriminator_real_outputs=tensors.get(
                'discriminator_real_outputs'),
            discriminator_gen_outputs=tensors.get('discriminator_gen_outputs'),
            generator_inputs=tensors.get('generator_inputs')))
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
  outputs = (None, None)
  if name in registry.conditional_names():
    spec = registry.get_conditional(name)
    fields = registry.conditional_loss(name).outputs
    outputs = (fields, fields)
  elif name is not None:
    try:
      spec = registry.argument_style(name)
    except ValueError:
      raise ValueError(
          'Unknown loss %r; valid names: %s; conditional (for a '
          'discriminator that returns DiscriminatorOutputs): %s.'
          % (name, ', '.join(registry.names(include_aliases=True)),
             ', '.join(registry.conditional_names()))) from None
    outputs = ((), ())
  if hasattr(spec, 'generator_loss_fn') and hasattr(spec,
                                                    'discriminator_loss_fn'):
    pair = (spec.generator_loss_fn, spec.discriminator_loss_fn)
  elif isinstance(spec, (tuple, list)) and len(spec) == 2:
    pair = tuple(spec)
  else:
    raise TypeError(
        'loss must be a name from tfgan_ext.losses.names() (%s) or '
        'conditional_names() (%s), or a pair (generator_loss_fn, '
        'discriminator_loss_fn), got %r.'
        % (', '.join(registry.names()),
           ', '.join(registry.conditional_names()), spec))
  generator = StepLoss(pair[0], 'generator loss', outputs=outputs[0])
  discriminator = StepLoss(pair[1], 'discriminator loss', outputs=outputs[1])
  return generator, discriminator, name or discriminator.name


def discriminator_with_layer(flavour, discriminator, layer_name):
  """A model of the discriminator's inputs -> (its logits, the layer's).

  Args:
    flavour: The model's `KerasVersion` (it builds the functional model).
    discriminator: A built functional or Sequential Keras model.
    layer_name: The name of the layer whose output an add-on reads.

  Raises:
    ValueError: a discriminator without `inputs`, no such layer (the message
      lists the layers), or more than one output.
  """
  if not getattr(discriminator, 'inputs', None):
    raise ValueError(
        'An add-on reads layer %r of the discriminator, so it must be a '
        'built functional or Sequential model (with `inputs`); %r is not.'
        % (layer_name, discriminator.name))
  try:
    layer = discriminator.get_layer(layer_name)
  except ValueError:
    raise ValueError('The discriminator %r has no layer %r; its layers are '
                     '%s.' % (discriminator.name, layer_name,
                              [l.name for l in discriminator.layers])
                     ) from None
  outputs = discriminator.outputs
  if len(outputs) != 1:
    raise ValueError('Reading layer %r needs a discriminator with one '
                     'output (the logit), got %d.' % (layer_name,
                                                      len(outputs)))
  return flavour.functional_model(
      discriminator.inputs, [outputs[0], layer.output],
      name='%s_with_%s' % (discriminator.name, layer_name))
