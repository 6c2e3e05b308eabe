# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Checks made before a GAN trains, with errors that say what to change.

`dataset_spec` checks that a dataset yields `(generator_inputs, real_data)`
with floating real data; `check_networks` runs the generator and the
discriminator once on a batch of two zero examples of that spec and checks
their output shapes (for a conditional loss, the `DiscriminatorOutputs`
fields it reads, and the loss itself on those outputs);
`discriminator_inputs_mode` and `loss_scaling_setting` check arguments of
GANModel and its `compile`; the add-ons check their own data
(`StepPart.check_data`). Nothing here runs during training.
"""

import tensorflow as tf

from tfgan_ext.keras import conditioning
from tfgan_ext.losses import discriminator_outputs

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


def _read_outputs(gan):
  """(fields the compiled losses read, whether one reads logits).

  A loss whose reading is unknown (a GANModel-style function of your own, an
  add-on's replacement) adds neither.
  """
  step = gan._train_step  # pylint: disable=protected-access
  fields, logits = set(), False
  for loss in (step.generator_loss, step.discriminator_loss):
    outputs = getattr(loss, 'outputs', None)
    if outputs == ():  # pylint: disable=g-explicit-bool-comparison
      logits = True
    elif outputs:
      fields.update(outputs)
  return fields, logits


def _check_fields(outputs, fields, batch, what):
  """Raises ValueError unless `outputs` has `fields` of the right shapes."""
  present = [f for f, v in outputs._asdict().items() if v is not None]
  missing = [f for f in sorted(fields) if getattr(outputs, f) is None]
  if missing:
    raise ValueError(
        'The compiled loss reads %s of the discriminator\'s outputs, but on '
        '%s data it returned %s. Heads with them: %s.'
        % (', '.join('`%s`' % f for f in sorted(fields)), what,
           ', '.join('`%s`' % f for f in present),
           '; '.join('%s: %s' % (f, ', '.join(
               discriminator_outputs.heads_with(f))) for f in missing)))
  for field in present:
    shape = list(getattr(outputs, field).shape)
    if field == 'logits':
      ok = _logit_shape_ok(shape, batch)
      expected = '[batch] or [batch, 1]'
    else:
      ok = len(shape) == 2 and shape[0] == batch
      expected = '[batch, %s]' % ('classes' if field == 'class_logits'
                                  else 'dimensions')
    if not ok:
      raise ValueError(
          'The discriminator\'s `%s` must have shape %s; on a batch of %d '
          '%s examples it has shape %s.' % (field, expected, batch, what,
                                            shape))
  if outputs.embeddings is not None and outputs.proxies is not None and (
      outputs.embeddings.shape != outputs.proxies.shape):
    raise ValueError('The discriminator\'s `embeddings` %s and `proxies` %s '
                     'must have one shape.' % (list(outputs.embeddings.shape),
                                               list(outputs.proxies.shape)))


def check_networks(gan, spec, features=False, batch=2):
  """Runs G and D once on zeros; raises ValueError on wrong shapes or dtypes.

  The discriminator must return one logit per example, or, when the
  compiled losses read `DiscriminatorOutputs` fields, those fields (then the
  losses are run once on these outputs, so labels that do not fit the class
  logits fail here).
  """
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
  fields, reads_logits = _read_outputs(gan)
  tensors = {'generator_inputs': inputs, 'real_data': real,
             'generated_data': generated}
  for what, data, name in (
      ('real', real, 'discriminator_real_outputs'),
      ('generated', generated, 'discriminator_gen_outputs')):
    outputs = _call('discriminator', '%s data %s' % (what, _describe(
        real_spec)), gan.call_discriminator, data, inputs, training=False)
    tensors[name] = outputs
    if isinstance(outputs, discriminator_outputs.DiscriminatorOutputs):
      if reads_logits and not fields:
        raise ValueError(
            'The discriminator returns DiscriminatorOutputs (%s), but the '
            'compiled loss reads one logit per example. Compile a conditional '
            'loss for this head (tfgan_ext.losses.conditional_names()), or '
            'return the logits alone.' % ', '.join(
                f for f, v in outputs._asdict().items() if v is not None))
      _check_fields(outputs, fields, batch, what)
      continue
    if isinstance(outputs, (tuple, list)) or not hasattr(outputs, 'shape'):
      raise ValueError('The discriminator must return one tensor of logits, '
                       'got %r.' % (outputs,))
    if fields:
      raise ValueError(
          'The compiled loss reads %s of the discriminator\'s outputs (a '
          'DiscriminatorOutputs, or a dict of its fields), but the '
          'discriminator returns one tensor of shape %s.'
          % (', '.join('`%s`' % f for f in sorted(fields)),
             list(outputs.shape)))
    if not _logit_shape_ok(outputs.shape, batch):
      raise ValueError(
          'The discriminator must return one logit per example, shape '
          '[batch, 1] or [batch]; on a batch of %d %s examples it returned '
          'shape %s.' % (batch, what, list(outputs.shape)))
  if fields:
    step = gan._train_step  # pylint: disable=protected-access
    for loss in (step.generator_loss, step.discriminator_loss):
      if getattr(loss, 'outputs', None):
        try:
          loss(tensors)
        except (TypeError, ValueError) as e:
          raise ValueError(
              'The %s cannot read the discriminator\'s outputs and the '
              'generator inputs (checked on a batch of zeros of the dataset\'s '
              'spec): %s' % (loss.name, e)) from e
  if features:
    gan.call_discriminator(real, inputs, training=False, features=True)
