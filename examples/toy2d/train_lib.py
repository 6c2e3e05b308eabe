"""Trains an MLP GAN on a 2D mixture of Gaussians (ring or grid)."""

import collections
import functools

import tensorflow as tf
import tensorflow_gan as tfgan

from examples.common import flags as common_flags
from examples.common import training
from examples.toy2d import data_provider
from examples.toy2d import eval_lib
from examples.toy2d import networks

__all__ = ['HParams', 'discriminator_fn', 'generator_fn', 'train']

HParams = collections.namedtuple('HParams', common_flags.COMMON_FIELDS + (
    'dataset', 'noise_dims', 'generator_hidden', 'discriminator_hidden',
    'activation', 'eval', 'num_eval_samples'))


def generator_fn(hparams):
  """The generator network for `hparams` (also used by eval)."""
  return training.wrap_network(
      functools.partial(networks.generator,
                        hidden_units=tuple(hparams.generator_hidden),
                        activation=hparams.activation), hparams)


def discriminator_fn(hparams):
  """The discriminator network for `hparams`."""
  return training.wrap_network(
      functools.partial(networks.discriminator,
                        hidden_units=tuple(hparams.discriminator_hidden),
                        activation=hparams.activation), hparams,
      spectral_norm=hparams.spectral_norm)


def train(hparams):
  """Trains, then (if hparams.eval) evaluates.

  Args:
    hparams: An HParams.

  Returns:
    (metrics dict, plot path) when evaluated, else None.
  """
  with training.graph_for(hparams):
    with tf.name_scope('inputs'):
      real = data_provider.provide_data(hparams.dataset, hparams.batch_size)
      noise = tf.random.normal([hparams.batch_size, hparams.noise_dims])
    gan_model = tfgan.gan_model(
        generator_fn=generator_fn(hparams),
        discriminator_fn=discriminator_fn(hparams),
        real_data=real,
        generator_inputs=noise)
    step = training.train_gan(hparams, gan_model)
  if step is None or not hparams.eval:
    return None
  return eval_lib.evaluate(hparams.train_log_dir, hparams.num_eval_samples,
                           seed=hparams.seed)
