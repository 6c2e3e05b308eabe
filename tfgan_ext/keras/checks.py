# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Checks made before a GAN trains, with errors that say what to change.

`dataset_spec` checks that a dataset yields `(generator_inputs, real_data)`
with floating real data; `check_networks` runs the generator and the
discriminator once on a batch of two zero examples of that spec and checks
their output shapes; the rest resolve `GANModel` and `compile` options.
"""

import tensorflow as tf

__all__ = [
    'DISCRIMINATOR_INPUT_MODES',
    'check_networks',
    'dataset_spec',
    'discriminator_input',
    'discriminator_inputs_mode',
    'feature_model',
    'maybe_loss_scaled',
    'positive_int',
]

DISCRIMINATOR_INPUT_MODES = ('auto', 'data', 'data_and_conditioning')


def positive_int(value, name):
  """`value` if it is a Python int >= 1 (TypeError / ValueError otherwise)."""
  if isinstance(value, bool) or not isinstance(value, int):
    raise TypeError('%s must be a Python int, got %r.' % (name, value))
  if value < 1:
    raise ValueError('%s must be >= 1, got %d.' % (name, value))
  return value


def discriminator_inputs_mode(mode):
  """Validates GANModel's `discriminator_inputs` argument."""
  if callable(mode) or mode in DISCRIMINATOR_INPUT_MODES:
    return mode
  raise ValueError('discriminator_inputs must be one of %s or a callable '
                   'fn(data, generator_inputs), got %r.'
                   % (', '.join(DISCRIMINATOR_INPUT_MODES), mode))


def _conditioning(generator_inputs):
  if isinstance(generator_inputs, (tuple, list)):
    return list(generator_inputs[1:])
  return []


def _num_inputs(model):
  inputs = getattr(model, 'inputs', None)
  try:
    return len(inputs) if inputs else None
  except TypeError:  # A single KerasTensor.
    return 1


def discriminator_input(mode, discriminator, data, generator_inputs):
  """What the discriminator is called on (see GANModel's docstring)."""
  if callable(mode):
    return mode(data, generator_inputs)
  conditioning = _conditioning(generator_inputs)
  if mode == 'data':
    return data
  if mode == 'data_and_conditioning':
    if not conditioning:
      raise ValueError(
          "discriminator_inputs='data_and_conditioning' needs generator "
          'inputs (noise, conditioning...), got a single tensor.')
    return [data] + conditioning
  num_inputs = _num_inputs(discriminator)
  if num_inputs is None or num_inputs == 1:
    return data
  if num_inputs == 1 + len(conditioning):
    return [data] + conditioning
  raise ValueError(
      'The discriminator has %d inputs, but the generator inputs give %d '
      'conditioning tensor(s) (generator inputs (noise, c_1, ..., c_n) give '
      'the discriminator [data, c_1, ..., c_n]); pass discriminator_inputs '
      'to GANModel to say what it gets.' % (num_inputs, len(conditioning)))


def feature_model(discriminator, layer_name, flavour):
  """A model of the discriminator's inputs -> (its output, layer's output)."""
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
    raise ValueError('Feature matching needs a discriminator with one output '
                     '(the logit), got %d.' % len(outputs))
  return flavour.functional_model(
      discriminator.inputs, [outputs[0], layer.output],
      name='%s_with_%s' % (discriminator.name, layer_name))


def _computes_in_float16(model):
  pending = [model]
  while pending:
    layer = pending.pop()
    if getattr(layer, 'compute_dtype', None) == 'float16':
      return True
    pending.extend(getattr(layer, 'layers', None) or [])
  return False


def maybe_loss_scaled(optimizer, network, loss_scaling, flavour):
  """`optimizer`, wrapped for dynamic loss scaling when asked or needed."""
  if loss_scaling is True or (loss_scaling == 'auto' and
                              _computes_in_float16(network)):
    return flavour.with_loss_scale(optimizer)
  return optimizer


def _describe(spec):
  return tf.nest.map_structure(
      lambda s: '%s%s' % (getattr(s, 'dtype', type(s)).name
                          if hasattr(s, 'dtype') else type(s).__name__,
                          list(s.shape) if hasattr(s, 'shape') else ''), spec)


def dataset_spec(dataset):
  """The (generator_inputs, real_data) element spec of `dataset`, checked.

  Raises:
    TypeError: not a tf.data.Dataset, or integer / non-tensor real data.
    ValueError: elements are not pairs, or real data has no batch dimension.
  """
  if not isinstance(dataset, tf.data.Dataset):
    raise TypeError(
        'GANModel.fit() needs a tf.data.Dataset yielding (generator_inputs, '
        'real_data) batches, got %r.' % type(dataset))
  spec = dataset.element_spec
  if not isinstance(spec, tuple) or len(spec) != 2:
    raise ValueError(
        'The dataset must yield (generator_inputs, real_data) pairs (as '
        "GANEstimator's input_fn), got elements %s. Zip noise and data: "
        'tf.data.Dataset.zip((noise, images)).' % (_describe(spec),))
  inputs, real = spec
  if not isinstance(real, tf.TensorSpec):
    raise TypeError('real_data must be a single tensor, got %s.'
                    % (_describe(real),))
  if not real.dtype.is_floating:
    raise TypeError(
        'real_data must be floating point, got %s: cast and scale it in the '
        'dataset (e.g. images / 127.5 - 1 for uint8 pixels).' % real.dtype.name)
  if real.shape.rank is None or real.shape.rank < 2:
    raise ValueError('real_data must be batched, shape [batch, ...], got '
                     'shape %s: batch the dataset.' % real.shape)
  for path_spec in tf.nest.flatten(inputs):
    if not isinstance(path_spec, tf.TensorSpec):
      raise TypeError('generator_inputs must be tensors or a tuple of '
                      'tensors, got %s.' % (_describe(inputs),))
    if path_spec.shape.rank is None or path_spec.shape.rank < 1:
      raise ValueError('generator inputs must be batched (rank >= 1), got %s.'
                       % (_describe(inputs),))
    b_in, b_real = path_spec.shape[0], real.shape[0]
    if b_in is not None and b_real is not None and b_in != b_real:
      raise ValueError('generator inputs batch %d != real_data batch %d: '
                       'each element pairs one generator input with one real '
                       'example.' % (b_in, b_real))
  return spec


def _zeros(spec, batch):
  shape = [batch] + list(spec.shape[1:])
  if any(d is None for d in shape):
    raise ValueError('Cannot check the networks: a non-batch dimension of %s '
                     'is unknown; give the dataset static shapes.' % spec)
  return tf.zeros(shape, spec.dtype)


def _logit_shape_ok(shape, batch):
  return list(shape) in ([batch], [batch, 1])


def check_networks(gan, spec, batch=2):
  """Runs G and D once on zeros; raises ValueError on wrong output shapes."""
  inputs_spec, real_spec = spec
  inputs = tf.nest.map_structure(lambda s: _zeros(s, batch), inputs_spec)
  real = _zeros(real_spec, batch)
  generated = gan.generator(inputs, training=False)
  if isinstance(generated, (tuple, list)) or not hasattr(generated, 'shape'):
    raise ValueError('The generator must return one tensor, got %r.'
                     % (generated,))
  if not tf.as_dtype(generated.dtype).is_floating:
    raise TypeError('The generator returns %s; it must return floating-point '
                    'data.' % generated.dtype)
  if list(generated.shape[1:]) != list(real.shape[1:]):
    raise ValueError(
        'The generator returns examples of shape %s but real_data examples '
        'have shape %s; they must match (the discriminator sees both).'
        % (list(generated.shape[1:]), list(real.shape[1:])))
  for what, data in (('real', real), ('generated', generated)):
    outputs = gan.call_discriminator(data, inputs, training=False)
    if isinstance(outputs, (tuple, list)) or not hasattr(outputs, 'shape'):
      raise ValueError('The discriminator must return one tensor of logits, '
                       'got %r.' % (outputs,))
    if not _logit_shape_ok(outputs.shape, batch):
      raise ValueError(
          'The discriminator must return one logit per example, shape '
          '[batch, 1] or [batch]; on a batch of %d %s examples it returned '
          'shape %s.' % (batch, what, list(outputs.shape)))
  if gan._gan.feature_model is not None:  # pylint: disable=protected-access
    gan.call_discriminator(real, inputs, training=False, features=True)
