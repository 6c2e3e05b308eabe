# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Checks made before a GAN trains, with errors that say what to change.

`dataset_spec` checks that a dataset yields `(generator_inputs, real_data)`
with floating real data; `check_networks` runs the generator and the
discriminator once on a batch of two zero examples of that spec and checks
their output shapes; `discriminator_inputs_mode` and `loss_scaling_setting`
check arguments of GANModel and its `compile`; the add-ons check their own
data (`StepPart.check_data`). Nothing here runs during training.
"""

import tensorflow as tf

from tfgan_ext.keras import conditioning

__all__ = [
    'check_networks',
    'dataset_spec',
    'discriminator_inputs_mode',
    'loss_scaling_setting',
]


def discriminator_inputs_mode(mode):
  """Validates GANModel's `discriminator_inputs` argument."""
  if callable(mode) or mode in conditioning.MODES:
    return mode
  raise ValueError('discriminator_inputs must be one of %s or a callable '
                   'fn(data, generator_inputs), got %r.'
                   % (', '.join(conditioning.MODES), mode))


def loss_scaling_setting(value):
  """Raises ValueError unless `value` is 'auto', True or False."""
  if value not in ('auto', True, False):
    raise ValueError("loss_scaling must be 'auto', True or False, got %r."
                     % (value,))


def _describe(spec):
  return tf.nest.map_structure(
      lambda s: '%s%s' % (getattr(s, 'dtype', type(s)).name
                          if hasattr(s, 'dtype') else type(s).__name__,
                          list(s.shape) if hasattr(s, 'shape') else ''), spec)


def dataset_spec(dataset):
  """The (generator_inputs, real_data) element spec of `dataset`, checked.

  Raises:
    TypeError: not a tf.data.Dataset, or integer / non-tensor real data.
    ValueError: no batches, elements are not pairs, or real data has no
      batch dimension.
  """
  if not isinstance(dataset, tf.data.Dataset):
    raise TypeError(
        'GANModel.fit() needs a tf.data.Dataset yielding (generator_inputs, '
        'real_data) batches, got %r.' % type(dataset))
  if int(dataset.cardinality()) == 0:
    raise ValueError(
        'The dataset yields no batches: its data is empty, or smaller than '
        'one batch with batch(..., drop_remainder=True).')
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


def _call(network, inputs_text, fn, *args, **kwargs):
  """fn(*args, **kwargs); Keras' or TF's error on these inputs, explained."""
  try:
    return fn(*args, **kwargs)
  except (TypeError, ValueError, tf.errors.InvalidArgumentError) as e:
    raise ValueError(
        'The %s cannot take the dataset\'s %s (checked on a batch of zeros '
        'of that spec): %s' % (network, inputs_text, e)) from e


def check_networks(gan, spec, features=False, batch=2):
  """Runs G and D once on zeros; raises ValueError on wrong shapes or dtypes."""
  inputs_spec, real_spec = spec
  inputs = tf.nest.map_structure(lambda s: _zeros(s, batch), inputs_spec)
  real = _zeros(real_spec, batch)
  generated = _call('generator', 'generator_inputs %s' % (
      _describe(inputs_spec),), gan.generator, inputs, training=False)
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
    outputs = _call('discriminator', '%s data %s' % (what, _describe(
        real_spec)), gan.call_discriminator, data, inputs, training=False)
    if isinstance(outputs, (tuple, list)) or not hasattr(outputs, 'shape'):
      raise ValueError('The discriminator must return one tensor of logits, '
                       'got %r.' % (outputs,))
    if not _logit_shape_ok(outputs.shape, batch):
      raise ValueError(
          'The discriminator must return one logit per example, shape '
          '[batch, 1] or [batch]; on a batch of %d %s examples it returned '
          'shape %s.' % (batch, what, list(outputs.shape)))
  if features:
    gan.call_discriminator(real, inputs, training=False, features=True)
