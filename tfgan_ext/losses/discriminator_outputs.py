# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""What a conditional discriminator head returns, and how losses read it.

The concatenation and projection heads return one logit per example, like an
unconditional discriminator: every unconditional loss trains them. The other
heads return a `DiscriminatorOutputs`, whose fields the conditional losses
read (`tfgan_ext.losses.conditional_names()`; `HEADS` below says which head
fills which field, `tfgan_ext.losses.check_head_and_loss` which pairs fit):

* `logits`: [B] or [B, 1] real/fake logits (the adversarial loss beside a
  class term: AC, the multi-hinge's auxiliary form, D2D-CE);
* `class_logits`: [B, K] class logits (AC, auxiliary multi-hinge), or
  [B, K + 1] with the last column the "generated" class (multi-hinge);
* `embeddings`: [B, E] the examples' embeddings (D2D-CE);
* `proxies`: [B, E] the embeddings of the examples' own classes, the head's
  class-embedding rows gathered by label (D2D-CE).

A discriminator may also return a dict of these fields (a Keras model with
named outputs) or a list or tuple of them in this order (a Keras model with
several outputs; `(logits, class_logits)` is TF-GAN's ACGAN discriminator):
`as_discriminator_outputs` turns either into a `DiscriminatorOutputs`.

A conditional loss's tensor arguments are named after where a GAN model, or
a Keras train step, holds them (`CONDITIONAL_ARGUMENTS`): the discriminator's
outputs on real or generated data (a field of them), and the class labels,
the second element of `generator_inputs` = (noise, labels) (TF-GAN's
convention: real data's labels are the same labels). `conditional_arguments`
reads them, with errors naming the loss, the field and the heads that give
it.
"""

import collections

import tensorflow as tf

from tfgan_ext.losses import _checks

__all__ = [
    'CONDITIONAL_ARGUMENTS',
    'DiscriminatorOutputs',
    'HEADS',
    'as_discriminator_outputs',
    'conditional_arguments',
    'heads_with',
    'labels_of',
    'logits_of',
]

DiscriminatorOutputs = collections.namedtuple(
    'DiscriminatorOutputs', ['logits', 'class_logits', 'embeddings',
                             'proxies'],
    defaults=(None, None, None, None))
DiscriminatorOutputs.__doc__ = """What a conditional discriminator head returns.

Fields (None where the head has none; see the module docstring):
  logits: [B] or [B, 1] real/fake logits.
  class_logits: [B, K] class logits, or [B, K + 1] with the generated class
    last (multi-hinge).
  embeddings: [B, E] the examples' embeddings (D2D-CE).
  proxies: [B, E] their classes' embeddings (D2D-CE).
"""

# The heads, and what each returns: None for one logit tensor per example
# (any unconditional loss trains it), else (the DiscriminatorOutputs fields
# it fills, the columns of its class logits for K classes).
HEADS = {
    'concat': None,  # A hidden layer on [features, one-hot label], a logit.
    'projection': None,  # Logit + <class embedding, features> (Miyato 2018).
    'ac': (('logits', 'class_logits'), 'K'),  # Logit and a classifier.
    'projection_ac': (('logits', 'class_logits'), 'K'),  # Both (MH, WACV).
    'multi_hinge': (('class_logits',), 'K + 1'),  # K classes + generated.
    'd2dce': (('logits', 'embeddings', 'proxies'), None),  # ReACGAN's.
}

# A conditional loss's tensor arguments: (the GAN model field holding it,
# the DiscriminatorOutputs field read from that; None for the labels, the
# second element of generator_inputs).
CONDITIONAL_ARGUMENTS = {
    'discriminator_real_classification_logits': (
        'discriminator_real_outputs', 'class_logits'),
    'discriminator_gen_classification_logits': (
        'discriminator_gen_outputs', 'class_logits'),
    'discriminator_real_embeddings': ('discriminator_real_outputs',
                                      'embeddings'),
    'discriminator_real_proxies': ('discriminator_real_outputs', 'proxies'),
    'discriminator_gen_embeddings': ('discriminator_gen_outputs',
                                     'embeddings'),
    'discriminator_gen_proxies': ('discriminator_gen_outputs', 'proxies'),
    'labels': ('generator_inputs', None),
    # Upstream's ACGAN losses: the labels, made one-hot over the class
    # logits' columns.
    'one_hot_labels': ('generator_inputs', None),
}

_ON = {'discriminator_real_outputs': 'real data',
       'discriminator_gen_outputs': 'generated data'}


def heads_with(field):
  """The names of the heads that fill `field`, in `HEADS` order."""
  return [name for name, outputs in HEADS.items()
          if outputs is not None and field in outputs[0]]


def _is_tensor(value):
  return tf.is_tensor(value) or hasattr(value, 'shape') and hasattr(
      value, 'dtype')


def as_discriminator_outputs(value, what='the discriminator output'):
  """`value` as a `DiscriminatorOutputs`.

  Args:
    value: A `DiscriminatorOutputs`; a dict (or other namedtuple) of its
      fields; a list or tuple of up to four tensors, in field order; or one
      tensor, taken as `logits`.
    what: What `value` is, for the message.

  Returns:
    A `DiscriminatorOutputs`.

  Raises:
    ValueError: for keys that are not fields, or more than four elements.
  """
  if isinstance(value, DiscriminatorOutputs):
    return value
  if _is_tensor(value):
    return DiscriminatorOutputs(logits=value)
  if hasattr(value, '_asdict'):
    value = value._asdict()
  if isinstance(value, collections.abc.Mapping):
    unknown = sorted(set(value) - set(DiscriminatorOutputs._fields))
    if unknown:
      raise ValueError(
          '%s has keys %s that are not DiscriminatorOutputs fields; its '
          'fields are %s.' % (what, unknown,
                              ', '.join(DiscriminatorOutputs._fields)))
    return DiscriminatorOutputs(**value)
  if isinstance(value, (list, tuple)):
    if len(value) > len(DiscriminatorOutputs._fields):
      raise ValueError(
          '%s is a sequence of %d values; a list or tuple gives the '
          'DiscriminatorOutputs fields %s in this order, at most %d.'
          % (what, len(value), ', '.join(DiscriminatorOutputs._fields),
             len(DiscriminatorOutputs._fields)))
    return DiscriminatorOutputs(*value)
  raise ValueError('%s must be a tensor of logits, a DiscriminatorOutputs, '
                   'or a dict or list of its fields; got %r.' % (what, value))


def logits_of(value, what='the discriminator output'):
  """The real/fake logits in a discriminator output (see above).

  Raises:
    ValueError: if the output has no `logits` (a multi-hinge head: its K + 1
      class logits have no separate real/fake logit).
  """
  outputs = as_discriminator_outputs(value, what)
  if outputs.logits is None:
    present = [f for f, v in outputs._asdict().items() if v is not None]
    raise ValueError(
        '%s has no `logits` (a real/fake logit per example), only %s; heads '
        'that give one: %s.' % (
            what, ', '.join('`%s`' % f for f in present) or 'nothing',
            ', '.join(n for n, o in HEADS.items()
                      if o is None or 'logits' in o[0])))
  return outputs.logits


def labels_of(generator_inputs, loss_name):
  """The class labels in `generator_inputs` = (noise, labels, ...).

  Raises:
    ValueError: if `generator_inputs` is not a list or tuple of >= 2.
  """
  if isinstance(generator_inputs, (list, tuple)) and len(
      generator_inputs) >= 2:
    return generator_inputs[1]
  raise ValueError(
      '%s reads the class labels from `generator_inputs` = (noise, labels), '
      'as TF-GAN\'s conditional GANs hold them (real data\'s labels are the '
      'same labels); got %s.' % (
          loss_name, 'one tensor' if _is_tensor(generator_inputs)
          else repr(generator_inputs)))


def _field(outputs, model_field, attribute, loss_name):
  """`attribute` of a model field's outputs; ValueError if it has none."""
  value = getattr(as_discriminator_outputs(outputs, '`%s`' % model_field),
                  attribute)
  if value is not None:
    return value
  if _is_tensor(outputs):
    got = ('one tensor of shape %s, as a head without %s returns (%s)'
           % (outputs.shape, attribute, ', '.join(
               n for n, o in HEADS.items() if o is None)))
  else:
    got = 'outputs without it'
  raise ValueError(
      '%s reads `%s` from the discriminator\'s outputs on %s, but it '
      'returned %s. Heads that give `%s`: %s (a DiscriminatorOutputs, or a '
      'dict of its fields).' % (loss_name, attribute, _ON[model_field], got,
                                attribute, ', '.join(heads_with(attribute))))


def conditional_arguments(names, loss_name, discriminator_real_outputs=None,
                          discriminator_gen_outputs=None,
                          generator_inputs=None):
  """The conditional tensor arguments `names`, read as the table above says.

  Args:
    names: Argument names, keys of `CONDITIONAL_ARGUMENTS`.
    loss_name: The loss reading them, for the messages.
    discriminator_real_outputs: D's outputs on real data (see
      `as_discriminator_outputs`), if an argument reads them.
    discriminator_gen_outputs: Likewise on generated data.
    generator_inputs: (noise, labels, ...), if an argument reads the labels.

  Returns:
    A dict from each name to its tensor. `one_hot_labels` are float32
    one-hot over the columns of the class logits also read.

  Raises:
    ValueError: naming the loss and the missing field (and the heads that
      give it), or the labels that do not fit.
  """
  sources = {'discriminator_real_outputs': discriminator_real_outputs,
             'discriminator_gen_outputs': discriminator_gen_outputs}
  values = {}
  for name in names:
    model_field, attribute = CONDITIONAL_ARGUMENTS[name]
    if attribute is None:
      values[name] = labels_of(generator_inputs, loss_name)
    else:
      values[name] = _field(sources[model_field], model_field, attribute,
                            loss_name)
  if 'one_hot_labels' in values:
    logits_name = next(n for n in ('discriminator_real_classification_logits',
                                   'discriminator_gen_classification_logits')
                       if n in values)
    logits = tf.convert_to_tensor(values[logits_name])
    columns = logits.shape[-1]
    indices = _checks.class_labels(
        values['one_hot_labels'], columns, logits, logits_name,
        '`%s` has %s columns' % (logits_name, columns))
    values['one_hot_labels'] = tf.one_hot(indices, columns)
  return values
