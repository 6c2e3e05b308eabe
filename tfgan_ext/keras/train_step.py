# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The GAN train step, run by Keras' `fit` inside each replica.

Separate step (TF-GAN's `gan_train` order):
  1. generator step: z -> G(z) -> D -> generator loss -> update G;
  2. `discriminator_steps` discriminator steps, each on its own dataset
     element: G(z) with the updated G (no gradient), D(x), D(G(z)) ->
     discriminator loss + penalty -> update D.
Fused step (`fused=True`): one G(z), D(x), D(G(z)); both losses from them,
both players updated from the same weights; further discriminator steps (if
`discriminator_steps` > 1) as above.

Across replicas each loss is a mean over this replica's examples times
`distribute.replica_share` (B_r / B), so the gradients Keras' optimizers sum
over replicas are those of the mean over the global batch. Logged values are
all-reduced to global means (equal on every replica) before they update the
metrics. Mixed precision: the loss each player differentiates goes through
its optimizer's loss scaling (`flavours.Flavour.scale_loss`).
"""

import collections

import tensorflow as tf

from tfgan_ext.keras import distribute
from tfgan_ext.keras import objectives

__all__ = ['StepConfig', 'StepsMixin', 'group_for_discriminator_steps']

StepConfig = collections.namedtuple('StepConfig', [
    'generator_loss', 'discriminator_loss', 'loss_name', 'penalty',
    'discriminator_steps', 'fused', 'feature_matching_weight',
    'feature_model'])


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


class StepsMixin:
  """The train step of `GANModel` (see the module docstring)."""

  def _tensors(self, generator_inputs, real, generated):
    return {
        'generator_inputs': generator_inputs,
        'real_data': real,
        'generated_data': generated,
        'discriminator_fn': lambda data, inputs: self.call_discriminator(
            data, inputs, training=True),
        'discriminator_scope': None,
    }

  def _apply(self, optimizer, tape, scaled_loss, variables):
    flavour = self.flavour
    gradients = tape.gradient(scaled_loss, variables)
    gradients = flavour.unscale_gradients(optimizer, gradients)
    optimizer.apply_gradients(zip(gradients, variables))

  def _discriminator_outputs(self, tensors, need_real, need_features):
    """Fills D's outputs on real and generated data into `tensors`."""
    inputs = tensors['generator_inputs']
    if need_features:
      (tensors['discriminator_gen_outputs'],
       tensors['generated_features']) = self.call_discriminator(
           tensors['generated_data'], inputs, features=True)
      (tensors['discriminator_real_outputs'],
       tensors['real_features']) = self.call_discriminator(
           tensors['real_data'], inputs, features=True)
      return
    tensors['discriminator_gen_outputs'] = self.call_discriminator(
        tensors['generated_data'], inputs)
    if need_real:
      tensors['discriminator_real_outputs'] = self.call_discriminator(
          tensors['real_data'], inputs)

  def _generator_objective(self, tensors, logs, share):
    config = self._gan
    loss = config.generator_loss(tensors)
    if config.feature_matching_weight:
      matching = objectives.feature_matching_objective()(
          tensors['real_features'], tensors['generated_features'])
      logs['feature_matching_loss'] = (matching, 1.0)
      loss += config.feature_matching_weight * matching
    logs['generator_loss'] = (loss, 1.0)
    return self.flavour.scale_loss(self.optimizer, loss * share)

  def _discriminator_objective(self, tensors, logs, share, num_replicas):
    config = self._gan
    loss = config.discriminator_loss(tensors)
    if config.penalty is not None:
      term, value, gate = config.penalty.term(
          tensors, self.discriminator_optimizer.iterations, num_replicas)
      loss += term
      logs.setdefault(config.penalty.name, []).append((value, gate))
    logs.setdefault('discriminator_loss', []).append((loss, 1.0))
    return self.flavour.scale_loss(self.discriminator_optimizer,
                                   loss * share)

  def _generator_step(self, generator_inputs, real, logs, share):
    config = self._gan
    need_real = ('discriminator_real_outputs' in config.generator_loss.needs)
    with tf.GradientTape() as tape:
      generated = self.generator(generator_inputs, training=True)
      tensors = self._tensors(generator_inputs, real, generated)
      self._discriminator_outputs(tensors, need_real,
                                  bool(config.feature_matching_weight))
      scaled = self._generator_objective(tensors, logs, share)
    self._apply(self.optimizer, tape, scaled,
                self.generator.trainable_variables)

  def _discriminator_step(self, generator_inputs, real, logs, share,
                          num_replicas):
    generated = tf.stop_gradient(
        self.generator(generator_inputs, training=True))
    with tf.GradientTape() as tape:
      tensors = self._tensors(generator_inputs, real, generated)
      self._discriminator_outputs(tensors, True, False)
      scaled = self._discriminator_objective(tensors, logs, share,
                                             num_replicas)
    self._apply(self.discriminator_optimizer, tape, scaled,
                self.discriminator.trainable_variables)

  def _fused_step(self, generator_inputs, real, logs, share, num_replicas):
    config = self._gan
    with tf.GradientTape(persistent=True) as tape:
      generated = self.generator(generator_inputs, training=True)
      tensors = self._tensors(generator_inputs, real, generated)
      self._discriminator_outputs(tensors, True,
                                  bool(config.feature_matching_weight))
      g_scaled = self._generator_objective(tensors, logs, share)
      d_scaled = self._discriminator_objective(tensors, logs, share,
                                               num_replicas)
    self._apply(self.optimizer, tape, g_scaled,
                self.generator.trainable_variables)
    self._apply(self.discriminator_optimizer, tape, d_scaled,
                self.discriminator.trainable_variables)
    del tape

  def train_step(self, data):
    """One generator step and `discriminator_steps` discriminator steps."""
    config = self._gan
    generator_inputs, real = data
    local_batch = tf.shape(real)[0]
    share = distribute.replica_share(local_batch)
    num_replicas = distribute.num_replicas()
    k = config.discriminator_steps
    if k > 1:
      pick = lambda i: (_slice(generator_inputs, i), real[:, i])
    else:
      pick = lambda i: (generator_inputs, real)
    logs = {}
    first_inputs, first_real = pick(0)
    if config.fused:
      self._fused_step(first_inputs, first_real, logs, share, num_replicas)
    else:
      self._generator_step(first_inputs, first_real, logs, share)
      self._discriminator_step(first_inputs, first_real, logs, share,
                               num_replicas)
    for i in range(1, k):
      step_inputs, step_real = pick(i)
      self._discriminator_step(step_inputs, step_real, logs, share,
                               num_replicas)
    self._update_trackers(logs, local_batch)
    outputs = {m.name: m.result() for m in self.metrics}
    if self.flavour.is_keras3 and isinstance(
        self.distribute_strategy, tf.distribute.MultiWorkerMirroredStrategy):
      # Keras 3 reduces fit's outputs under this strategy with
      # strategy.reduce(MEAN, value, axis=0), which needs an axis: give the
      # (replica-independent) values one (keras-team/keras#20585).
      outputs = {k: tf.reshape(v, [1]) for k, v in outputs.items()}
    return outputs

  def _update_trackers(self, logs, local_batch):
    """Updates the metrics with global means of this step's values."""
    batch = tf.cast(local_batch, tf.float32)
    values = {}
    for name, entries in logs.items():
      if not isinstance(entries, list):
        entries = [entries]
      # Mean over this step's (gated) entries, weighted by examples.
      weight = tf.add_n([tf.cast(w, tf.float32) for _, w in entries])
      total = tf.add_n([tf.cast(v, tf.float32) * tf.cast(w, tf.float32)
                        for v, w in entries])
      values[name] = (tf.math.divide_no_nan(total, weight), weight * batch)
    means = distribute.global_means(values)
    for tracker in self.metrics:
      if tracker.name in means:
        mean, present = means[tracker.name]
        tracker.update_state(mean, sample_weight=present)
