# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""What the discriminator of a `GANModel` gets: data, or data and conditioning.

The dataset's generator inputs may be a tuple `(noise, c_1, ..., c_n)` (e.g.
one-hot labels), which the generator gets whole, as in TF-GAN. The
discriminator gets, by `GANModel(..., discriminator_inputs=mode)`:

* 'auto' (default): `discriminator(data)` if it has a single input (or is not
  a functional model); `discriminator([data, c_1, ..., c_n])` if it is a
  functional model with n + 1 inputs;
* 'data': always `discriminator(data)`;
* 'data_and_conditioning': always `discriminator([data, c_1, ..., c_n])`;
* a callable `fn(data, generator_inputs)` returning the discriminator's
  input.

For real data the c_i are those of the same dataset element: put the real
data's labels in the generator inputs (TF-GAN's convention).
"""

__all__ = ['MODES', 'discriminator_input']

MODES = ('auto', 'data', 'data_and_conditioning')


def _num_inputs(model):
  """How many inputs a functional model has (None if not functional)."""
  inputs = getattr(model, 'inputs', None)
  try:
    return len(inputs) if inputs else None
  except TypeError:  # A single KerasTensor.
    return 1


def discriminator_input(mode, discriminator, data, generator_inputs):
  """What `discriminator` is called on for `data` under `mode`.

  Raises:
    ValueError: if the discriminator's inputs do not fit the conditioning.
  """
  if callable(mode):
    return mode(data, generator_inputs)
  conditioning = (list(generator_inputs[1:])
                  if isinstance(generator_inputs, (tuple, list)) else [])
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
