# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The GAN train step that `GANModel.train_step` runs inside each replica.

Separate step (TF-GAN's `gan_train` order):
  1. generator step: z -> G(z) -> D -> generator loss -> update G;
  2. `discriminator_steps` discriminator steps, each on its own dataset
     element: G(z) with the updated G (no gradient), D(x), D(G(z)) ->
     discriminator loss + penalty -> update D.
Fused step (`fused=True`): one G(z), D(x), D(G(z)); both losses from them,
both players updated from the same weights; further discriminator steps (if
`discriminator_steps` > 1) as above.

With an augmentation (`compile(augment=...)`) every discriminator call sees
augmented data, generated and real, penalties included; with ADA, the signs
of D's outputs on the real batch drive its probability. With a generator
average (`compile(generator_ema=...)`), it is updated after each generator
update; with LeCam (`compile(lecam_weight=...)`), its anchors move at each
discriminator step before its penalty is added; with top-k training
(`compile(top_k_epoch_steps=...)`), the generator loss keeps the generated
examples of the global batch that D rates best; with consistency
regularization (`compile(bcr_weight=..., zcr_weight=...)`), its terms join
both losses.

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


def _slice(structure, index):
  return tf.nest.map_structure(lambda t: t[:, index], structure)


@dataclasses.dataclass(frozen=True)
class TrainStep:
  """What `compile` configured, and one train step with it.

  Attributes:
    generator_loss: A `step_losses.StepLoss`.
    discriminator_loss: A `step_losses.StepLoss`.
    penalty: A `step_losses.Penalty` or None.
    discriminator_steps: Discriminator steps per generator step.
    fused: Whether the first discriminator step shares the generator step's
      forward pass.
    feature_matching_weight: Weight of feature matching in the generator
      loss (0: off; the model then has a feature model).
    augmentation: An `augmentation.Augmentation` / `AdaptiveAugmentation`
      applied to what the discriminator sees, or None.
    average: A `generator_average.GeneratorAverage`, or None.
    lecam: A `lecam.LeCam`, or None.
    top_k: A `top_k.TopK` (it computes the generator loss), or None.
    consistency: A `consistency.Consistency` (bCR, zCR), or None.
  """
  generator_loss: step_losses.StepLoss
  discriminator_loss: step_losses.StepLoss
  penalty: step_losses.Penalty | None
  discriminator_steps: int
  fused: bool
  feature_matching_weight: float
  augmentation: object = None
  average: object = None
  lecam: object = None
  top_k: object = None
  consistency: object = None

  def logged_names(self):
    """The names of the values a step logs, in order."""
    names = ['generator_loss', 'discriminator_loss']
    if self.feature_matching_weight:
      names.append('feature_matching_loss')
    if self.top_k is not None:
      names.append(self.top_k.logged_name)
    if self.penalty is not None:
      names.append(self.penalty.name)
    if self.lecam is not None:
      names.append(self.lecam.logged_name)
    if self.consistency is not None:
      names.extend(self.consistency.logged_names())
    if self.augmentation is not None and self.augmentation.logged_name:
      names.append(self.augmentation.logged_name)
    return names

  def __call__(self, gan, data):
    """Runs one train step of `gan` on `data`.

    Returns:
      (logs, local batch size): logs maps a name to a list of (value,
      weight) entries, this replica's means (a penalty's weight is its gate).
    """
    generator_inputs, real = data
    local_batch = tf.shape(real)[0]
    share = distribute.replica_share(local_batch)
    num_replicas = distribute.num_replicas()
    k = self.discriminator_steps
    if k > 1:
      pick = lambda i: (_slice(generator_inputs, i), real[:, i])
    else:
      pick = lambda i: (generator_inputs, real)
    logs = {}
    first_inputs, first_real = pick(0)
    if self.fused:
      self._fused_step(gan, first_inputs, first_real, logs, share,
                       num_replicas)
    else:
      self._generator_step(gan, first_inputs, first_real, logs, share)
      self._discriminator_step(gan, first_inputs, first_real, logs, share,
                               num_replicas)
    for i in range(1, k):
      step_inputs, step_real = pick(i)
      self._discriminator_step(gan, step_inputs, step_real, logs, share,
                               num_replicas)
    return logs, local_batch

  # ----------------------------------------------------------------- parts ---

  def _discriminate(self, gan, data, inputs, features=False):
    """D's outputs on (augmented) `data`."""
    if self.augmentation is not None:
      data = self.augmentation(data)
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
    if self.top_k is not None:
      loss, kept = self.top_k.loss(tensors, gan.optimizer.iterations)
      logs[self.top_k.logged_name] = [(kept, 1.0)]
    else:
      loss = self.generator_loss(tensors)
    if self.consistency is not None:
      loss += self.consistency.generator_term(tensors, logs)
    if self.feature_matching_weight:
      matching = step_losses.feature_matching()(
          tensors['real_features'], tensors['generated_features'])
      logs['feature_matching_loss'] = [(matching, 1.0)]
      loss += self.feature_matching_weight * matching
    logs['generator_loss'] = [(loss, 1.0)]
    return gan.flavour.scale_loss(gan.optimizer, loss * share)

  def _discriminator_objective(self, gan, tensors, logs, share,
                               num_replicas):
    loss = self.discriminator_loss(tensors)
    if self.penalty is not None:
      term, value, gate = self.penalty.term(
          tensors, gan.discriminator_optimizer.iterations, num_replicas)
      loss += term
      logs.setdefault(self.penalty.name, []).append((value, gate))
    if self.lecam is not None:
      term, value = self.lecam.term(
          tensors, gan.discriminator_optimizer.iterations)
      loss += term
      logs.setdefault(self.lecam.logged_name, []).append((value, 1.0))
    if self.consistency is not None:
      loss += self.consistency.discriminator_term(tensors, logs)
    logs.setdefault('discriminator_loss', []).append((loss, 1.0))
    if self.augmentation is not None and self.augmentation.logged_name:
      used = self.augmentation.observe(
          tf.stop_gradient(tensors['discriminator_real_outputs']))
      logs.setdefault(self.augmentation.logged_name, []).append((used, 1.0))
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
      self._discriminator_outputs(gan, tensors, need_real,
                                  bool(self.feature_matching_weight))
      scaled = self._generator_objective(gan, tensors, logs, share)
    self._apply(gan, gan.optimizer, tape, scaled,
                gan.generator.trainable_variables)
    self._update_average(gan)

  def _discriminator_step(self, gan, generator_inputs, real, logs, share,
                          num_replicas):
    generated = tf.stop_gradient(
        gan.generator(generator_inputs, training=True))
    with tf.GradientTape() as tape:
      tensors = self._tensors(gan, generator_inputs, real, generated)
      self._discriminator_outputs(gan, tensors, True, False)
      scaled = self._discriminator_objective(gan, tensors, logs, share,
                                             num_replicas)
    self._apply(gan, gan.discriminator_optimizer, tape, scaled,
                gan.discriminator.trainable_variables)

  def _fused_step(self, gan, generator_inputs, real, logs, share,
                  num_replicas):
    with tf.GradientTape(persistent=True) as tape:
      generated = gan.generator(generator_inputs, training=True)
      tensors = self._tensors(gan, generator_inputs, real, generated)
      self._discriminator_outputs(gan, tensors, True,
                                  bool(self.feature_matching_weight))
      g_scaled = self._generator_objective(gan, tensors, logs, share)
      d_scaled = self._discriminator_objective(gan, tensors, logs, share,
                                               num_replicas)
    self._apply(gan, gan.optimizer, tape, g_scaled,
                gan.generator.trainable_variables)
    self._apply(gan, gan.discriminator_optimizer, tape, d_scaled,
                gan.discriminator.trainable_variables)
    del tape
    self._update_average(gan)

  def _update_average(self, gan):
    if self.average is not None:
      self.average.update(gan.optimizer.iterations)
