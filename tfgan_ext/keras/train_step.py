# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The GAN train step that `GANModel.train_step` runs inside each replica.

Separate step (TF-GAN's `gan_train` order):
  1. generator step: z -> G(z) -> D -> generator loss -> update G;
  2. `discriminator_steps` discriminator steps, each on its own dataset
     element: G(z) with the updated G (no gradient), D(x), D(G(z)) ->
     discriminator loss -> update D.
Fused step (`fused=True`): one G(z), D(x), D(G(z)); both losses from them,
both players updated from the same weights; further discriminator steps (if
`discriminator_steps` > 1) as above.

The add-ons (`compile(addons=[...])`, `tfgan_ext.addons`) join the step
through their `StepPart` hooks, in the order given: every input of the
discriminator goes through their `discriminator_input`, one of them may
replace the adversarial generator loss (at compile), each player's loss
gains their `generator_term` / `discriminator_term`, and
`after_discriminator_step` / `after_generator_step` run after each update's
loss (the add-ons' state). The step names no technique.

Each player's loss includes its network's own `losses` (kernel
regularizers), as `tfgan.gan_loss` adds the regularization losses of each
player's scope.

Across replicas each loss is a mean over this replica's examples times
`distribute.replica_share` (B_r / B), so the gradients Keras' optimizers sum
over replicas are those of the mean over the global batch. Mixed precision:
the loss each player differentiates goes through its optimizer's loss
scaling (`KerasVersion.scale_loss`).
"""

import dataclasses

import tensorflow as tf

from tfgan_ext.keras import distribute
from tfgan_ext.keras import step_losses

__all__ = ['TrainStep', 'group_for_discriminator_steps']


def group_for_discriminator_steps(dataset, steps):
  """Groups `steps` consecutive elements into one, batch dimension first.

  Each leaf [B, ...] of `steps` consecutive elements becomes [B, steps, ...]
  (batch first, so tf.distribute still splits the batch over replicas).
  """
  def batch_first(*element):
    return tf.nest.map_structure(
        lambda t: tf.transpose(t, [1, 0] + list(range(2, t.shape.rank))),
        element)
  return dataset.batch(steps, drop_remainder=True).map(batch_first)


def _regularization(network):
  """The sum of `network.losses` (its layers' regularizers), float32, or 0.

  Added to the player's loss, as `tfgan.gan_loss` adds each scope's
  regularization losses.
  """
  losses = network.losses
  if not losses:
    return 0.0
  return tf.add_n([tf.cast(l, tf.float32) for l in losses])


def _slice(structure, index):
  return tf.nest.map_structure(lambda t: t[:, index], structure)


@dataclasses.dataclass(frozen=True)
class TrainStep:
  """What `compile` configured, and one train step with it.

  Attributes:
    generator_loss: The adversarial generator loss: a `step_losses.StepLoss`
      or an add-on's replacement, called as `loss(tensors, logs)`.
    discriminator_loss: A `step_losses.StepLoss`.
    parts: The add-ons' `tfgan_ext.addons.StepPart`s, in order.
    discriminator_steps: Discriminator steps per generator step.
    fused: Whether the first discriminator step shares the generator step's
      forward pass.
    features: Whether the step reads a discriminator layer (a part asked).
  """
  generator_loss: object
  discriminator_loss: step_losses.StepLoss
  parts: tuple
  discriminator_steps: int
  fused: bool
  features: bool = False

  def logged_names(self):
    """The names of the values a step logs, in order."""
    names = ['generator_loss', 'discriminator_loss']
    for part in self.parts:
      names.extend(n for n in part.logged_names if n not in names)
    return names

  def __call__(self, gan, data):
    """Runs one train step of `gan` on `data`.

    Returns:
      (logs, local batch size): logs maps a name to a list of (value,
      weight) entries, this replica's means (weight 0: not computed this step).
    """
    generator_inputs, real = data
    local_batch = tf.shape(real)[0]
    share = distribute.replica_share(local_batch)
    k = self.discriminator_steps
    if k > 1:
      pick = lambda i: (_slice(generator_inputs, i), real[:, i])
    else:
      pick = lambda i: (generator_inputs, real)
    logs = {}
    first_inputs, first_real = pick(0)
    if self.fused:
      self._fused_step(gan, first_inputs, first_real, logs, share)
    else:
      self._generator_step(gan, first_inputs, first_real, logs, share)
      self._discriminator_step(gan, first_inputs, first_real, logs, share)
    for i in range(1, k):
      step_inputs, step_real = pick(i)
      self._discriminator_step(gan, step_inputs, step_real, logs, share)
    return logs, local_batch

  # ----------------------------------------------------------------- parts ---

  def _discriminate(self, gan, data, inputs, features=False):
    """D's outputs on `data`, as the parts transform it."""
    for part in self.parts:
      data = part.discriminator_input(data)
    return gan.call_discriminator(data, inputs, training=True,
                                  features=features)

  def _tensors(self, gan, generator_inputs, real, generated):
    return {
        'generator_inputs': generator_inputs,
        'real_data': real,
        'generated_data': generated,
        'discriminator_fn': lambda data, inputs: self._discriminate(
            gan, data, inputs),
        'discriminator_scope': None,
        'generator_fn': lambda inputs: gan.generator(inputs, training=True),
        'generator_scope': None,
    }

  def _discriminator_outputs(self, gan, tensors, need_real, need_features):
    """Fills D's outputs on real and generated data into `tensors`."""
    inputs = tensors['generator_inputs']
    if need_features:
      (tensors['discriminator_gen_outputs'],
       tensors['generated_features']) = self._discriminate(
           gan, tensors['generated_data'], inputs, features=True)
      (tensors['discriminator_real_outputs'],
       tensors['real_features']) = self._discriminate(
           gan, tensors['real_data'], inputs, features=True)
      return
    tensors['discriminator_gen_outputs'] = self._discriminate(
        gan, tensors['generated_data'], inputs)
    if need_real:
      tensors['discriminator_real_outputs'] = self._discriminate(
          gan, tensors['real_data'], inputs)

  def _generator_objective(self, gan, tensors, logs, share):
    loss = tf.cast(self.generator_loss(tensors, logs), tf.float32)
    loss += _regularization(gan.generator)
    for part in self.parts:
      loss += part.generator_term(tensors, logs)
    logs['generator_loss'] = [(loss, 1.0)]
    return gan.flavour.scale_loss(gan.optimizer, loss * share)

  def _discriminator_objective(self, gan, tensors, logs, share):
    loss = self.discriminator_loss(tensors)
    loss += _regularization(gan.discriminator)
    for part in self.parts:
      loss += part.discriminator_term(tensors, logs)
    logs.setdefault('discriminator_loss', []).append((loss, 1.0))
    for part in self.parts:
      part.after_discriminator_step(tensors, logs)
    return gan.flavour.scale_loss(gan.discriminator_optimizer, loss * share)

  @staticmethod
  def _apply(gan, optimizer, tape, scaled_loss, variables):
    gradients = tape.gradient(scaled_loss, variables)
    gradients = gan.flavour.unscale_gradients(optimizer, gradients)
    optimizer.apply_gradients(zip(gradients, variables))

  def _generator_step(self, gan, generator_inputs, real, logs, share):
    need_real = ('discriminator_real_outputs' in self.generator_loss.needs)
    with tf.GradientTape() as tape:
      generated = gan.generator(generator_inputs, training=True)
      tensors = self._tensors(gan, generator_inputs, real, generated)
      self._discriminator_outputs(gan, tensors, need_real, self.features)
      scaled = self._generator_objective(gan, tensors, logs, share)
    self._apply(gan, gan.optimizer, tape, scaled,
                gan.generator.trainable_variables)
    self._after_generator_step()

  def _discriminator_step(self, gan, generator_inputs, real, logs, share):
    generated = tf.stop_gradient(
        gan.generator(generator_inputs, training=True))
    with tf.GradientTape() as tape:
      tensors = self._tensors(gan, generator_inputs, real, generated)
      self._discriminator_outputs(gan, tensors, True, False)
      scaled = self._discriminator_objective(gan, tensors, logs, share)
    self._apply(gan, gan.discriminator_optimizer, tape, scaled,
                gan.discriminator.trainable_variables)

  def _fused_step(self, gan, generator_inputs, real, logs, share):
    with tf.GradientTape(persistent=True) as tape:
      generated = gan.generator(generator_inputs, training=True)
      tensors = self._tensors(gan, generator_inputs, real, generated)
      self._discriminator_outputs(gan, tensors, True, self.features)
      g_scaled = self._generator_objective(gan, tensors, logs, share)
      d_scaled = self._discriminator_objective(gan, tensors, logs, share)
    self._apply(gan, gan.optimizer, tape, g_scaled,
                gan.generator.trainable_variables)
    self._apply(gan, gan.discriminator_optimizer, tape, d_scaled,
                gan.discriminator.trainable_variables)
    del tape
    self._after_generator_step()

  def _after_generator_step(self):
    for part in self.parts:
      part.after_generator_step()
