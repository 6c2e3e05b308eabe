# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Trains the digits DCGAN through TF-GAN's loop (--trainer=gan_train).

`train(hparams, addons)` writes the loop out: the add-ons
(`tfgan_ext.addons`, from the flags by `train_lib.addons`) applied to the
loop's parts (the networks, the loss pair named by --gan_loss, the
optimizers), `tfgan.gan_model` (`tfgan.acgan_model` for the DCGAN's ACGAN,
`tfgan.infogan_model` for TF-GAN's InfoGAN; a conditional head's outputs,
a `DiscriminatorOutputs`, through `tfgan.gan_model` with the
`tfgan_ext.losses.get_conditional` pair), `tfgan.gan_loss`,
`tfgan.gan_train_ops` and `tfgan.gan_train` (through
`examples.common.training`, which adds checkpoints, progress and NaN
checks), then the evaluation.
"""

import tensorflow as tf
import tensorflow_gan as tfgan

from examples.common import training
from examples.digits import conditioning
from examples.digits import data_provider
from examples.digits import eval_lib
from examples.digits import networks

__all__ = ['parts', 'train']


def parts(hparams, addons):
  """The loop's `tfgan_ext.addons.GANParts`, with `addons` applied.

  The digits networks and the loss pair named by --gan_loss, or by
  --conditional_loss with --gan_loss as its adversarial part
  (`conditioning.loss_pair`; `training.gan_parts`); GANEstimator takes the
  parts as they are.
  """
  return training.gan_parts(
      hparams, networks.generator_fn(hparams),
      networks.discriminator_fn(hparams), conditioning.loss_pair(hparams),
      addons)


def _gan_model(hparams, loop, images, one_hot, noise):
  """The run's GAN model tuple and the `tfgan.gan_loss` options it needs.

  Unconditional: `tfgan.gan_model`. Conditional: the DCGAN's ACGAN
  (`tfgan.acgan_model`, auxiliary class losses of weight 1: its own
  conditioning, `conditioning.NETWORK`), else `tfgan.gan_model` on (noise,
  one-hot labels) (TF-GAN's conditional MNIST networks, or a head).
  InfoGAN: `tfgan.infogan_model`, mutual information penalty of weight 1
  (TF-GAN's MNIST example).
  """
  if hparams.infogan:
    unstructured, structured = networks.infogan_inputs(hparams.batch_size,
                                                       hparams.noise_dims)
    return tfgan.infogan_model(
        generator_fn=loop.generator_fn,
        discriminator_fn=loop.discriminator_fn,
        real_data=images,
        unstructured_generator_inputs=unstructured,
        structured_generator_inputs=structured), {
            'mutual_information_penalty_weight': 1.0}
  if conditioning.resolve(hparams) == conditioning.Conditioning(
      conditioning.NETWORK, 'acgan'):
    return tfgan.acgan_model(
        generator_fn=loop.generator_fn,
        discriminator_fn=loop.discriminator_fn,
        real_data=images,
        generator_inputs=(noise, one_hot),
        one_hot_labels=one_hot), {'aux_cond_generator_weight': 1.0,
                                  'aux_cond_discriminator_weight': 1.0}
  return tfgan.gan_model(
      generator_fn=loop.generator_fn,
      discriminator_fn=loop.discriminator_fn,
      real_data=images,
      generator_inputs=(noise, one_hot) if hparams.conditional else noise), {}


def train(hparams, addons):
  """Trains with tfgan.gan_train, then (if hparams.eval) evaluates.

  Args:
    hparams: A digits train_lib.HParams (validated).
    addons: The run's `tfgan_ext.addons` objects (`train_lib.addons`).

  Returns:
    The eval result dict when evaluated, else None.

  Raises:
    ValueError: an add-on that cannot join this loss.
    training.NonFiniteLossError: a loss went NaN or infinite.
    training.RunMismatchError: train_log_dir holds another run.
  """
  loop = parts(hparams, addons)  # Validates before building.
  with training.graph_for(hparams):
    with tf.name_scope('inputs'), tf.device('/cpu:0'):
      images, one_hot = data_provider.provide_data(
          hparams.dataset, hparams.batch_size, seed=hparams.seed,
          data_dir=hparams.data_dir, download=hparams.tfds_download,
          fraction=hparams.train_fraction, mnist_source=hparams.mnist_source)
      noise = tf.random.normal([hparams.batch_size, hparams.noise_dims])
    gan_model, auxiliary = _gan_model(hparams, loop, images, one_hot, noise)
    tfgan.eval.add_gan_model_image_summaries(gan_model, hparams.grid_size)
    with tf.name_scope('loss'):
      gan_loss = tfgan.gan_loss(
          gan_model,
          generator_loss_fn=loop.generator_loss_fn,
          discriminator_loss_fn=loop.discriminator_loss_fn,
          add_summaries=True, **auxiliary)
    train_ops = training.gan_train_ops(hparams, gan_model, gan_loss, loop)
    step = training.gan_train(hparams, train_ops, addons)
  if step is None or not hparams.eval:
    return None
  return eval_lib.evaluate(hparams, seed=hparams.seed)
