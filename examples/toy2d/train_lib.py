# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Trains an MLP GAN on a 2D mixture of Gaussians (ring or grid): flags and loop.

`define_flags` declares the example's flags, read top to bottom; `HParams`
holds one field per flag, with the flag's default (the binary, the tests and
the benchmarks read the same defaults, shared by every loss and chosen by
measurement: docs/trainers.md). `PRESETS` are the settings some losses and
penalties were published with. `addons(hparams)` turns the add-on flags into
`tfgan_ext.addons` objects. `train(hparams)` is TF-GAN's loop written out:
`tfgan.gan_model`, `tfgan.gan_loss` with the loss pair named by --gan_loss
and the add-ons applied, `tfgan.gan_train_ops` and `tfgan.gan_train`
(through `examples.common.training`: the run's optimizers, checkpoints,
progress and NaN checks), then the evaluation.
"""

from absl import flags
import tensorflow as tf
import tensorflow_gan as tfgan

import tfgan_ext
from examples.common import hparams as hparams_lib
from examples.common import training
from examples.toy2d import data_provider
from examples.toy2d import eval_lib
from examples.toy2d import networks

__all__ = ['HParams', 'PRESETS', 'RESUMABLE', 'addons', 'define_flags',
           'train']


def define_flags(flag_values=flags.FLAGS):
  """Declares toy2d's flags (each one a field of `HParams`)."""
  fv = dict(flag_values=flag_values)
  # The data and the networks.
  flags.DEFINE_enum('dataset', 'ring', data_provider.DATASETS, 'Mixture.',
                    **fv)
  flags.DEFINE_integer('noise_dims', 2, 'Generator input dimension.',
                       lower_bound=1, **fv)
  hparams_lib.int_list_flag('generator_hidden', (256, 256, 256),
                            'Generator hidden layer sizes.', lower_bound=1,
                            **fv)
  hparams_lib.int_list_flag('discriminator_hidden', (256, 256, 256),
                            'Discriminator hidden layer sizes.',
                            lower_bound=1, **fv)
  flags.DEFINE_enum('activation', 'relu', ('relu', 'leaky_relu'),
                    'Hidden activation of both networks.', **fv)
  flags.DEFINE_boolean('spectral_norm', False, 'Spectrally normalize the '
                       'discriminator weights (tfgan.features.'
                       'spectral_normalization_custom_getter).', **fv)
  # The GAN loss.
  flags.DEFINE_enum('gan_loss', 'non_saturating',
                    tfgan_ext.losses.names(include_aliases=True),
                    'GAN loss pair, by registry name.', **fv)
  # Add-ons (tfgan_ext.addons), one group each; see `addons`.
  flags.DEFINE_enum('penalty', tfgan_ext.losses.NO_PENALTY,
                    (tfgan_ext.losses.NO_PENALTY,) +
                    tfgan_ext.losses.penalty_names(include_aliases=True),
                    'Discriminator penalty added to the discriminator loss.',
                    **fv)
  flags.DEFINE_float('penalty_weight', 10.0, 'Weight of --penalty.',
                     lower_bound=0.0, **fv)
  flags.DEFINE_integer('penalty_every', 1, 'Lazy regularization: apply '
                       '--penalty every this many discriminator steps '
                       '(weight scaled to match).', lower_bound=1, **fv)
  flags.DEFINE_float('generator_ema', 0.0, 'If > 0, the decay of a moving '
                     "average of the generator's weights (e.g. 0.999); eval "
                     'then reports the raw and the averaged generator from '
                     'the same checkpoint.', lower_bound=0.0,
                     upper_bound=0.999999, **fv)
  flags.DEFINE_integer('generator_ema_start', 0, 'Generator updates during '
                       'which the average copies the weights (0: it starts '
                       'from the first update).', lower_bound=0, **fv)
  flags.DEFINE_integer('top_k_epoch_steps', 0, 'If > 0, top-k training '
                       '(Sinha et al. 2020): the generator loss keeps the '
                       'share max(gamma^epoch, nu) of the batch that D rates '
                       'best, epoch = global step // this.', lower_bound=0,
                       **fv)
  flags.DEFINE_float('top_k_gamma', 0.99, "Top-k's decay per epoch (the "
                     "paper's).", lower_bound=1e-6, upper_bound=1.0, **fv)
  flags.DEFINE_float('top_k_nu', 0.5, "Top-k's smallest share kept (the "
                     "paper's).", lower_bound=1e-6, upper_bound=1.0, **fv)
  flags.DEFINE_float('zcr_weight', 0.0, 'If > 0, latent consistency '
                     'regularization (zCR, Zhao et al. 2021; the paper: 5): '
                     'this times E||D(G(z)) - D(G(z + dz))||^2 in the '
                     'discriminator loss.', lower_bound=0.0, **fv)
  flags.DEFINE_float('zcr_generator_weight', 0.5, "With --zcr_weight: this "
                     "times zCR's generator term -E||G(z) - G(z + dz)||^2 "
                     '(the paper: 0.5).', lower_bound=0.0, **fv)
  flags.DEFINE_float('zcr_stddev', 0.03, "zCR's dz standard deviation (the "
                     "paper's).", lower_bound=1e-6, **fv)
  flags.DEFINE_float('instance_noise_stddev', 0.0, 'If > 0, instance noise '
                     '(Sonderby et al. 2016): every discriminator input gets '
                     'N(0, sigma^2) noise, sigma falling linearly from this to '
                     '0 over --instance_noise_anneal_steps.', lower_bound=0.0,
                     **fv)
  flags.DEFINE_integer('instance_noise_anneal_steps', 0, 'Generator steps '
                       'over which the instance noise anneals to 0 (0: '
                       '--max_number_of_steps).', lower_bound=0, **fv)
  # Optimization.
  flags.DEFINE_integer('batch_size', 256, 'Batch size.', lower_bound=1, **fv)
  flags.DEFINE_float('generator_lr', 2e-4, 'Generator Adam learning rate.',
                     **fv)
  flags.DEFINE_float('discriminator_lr', 2e-4,
                     'Discriminator Adam learning rate.', **fv)
  flags.DEFINE_float('adam_beta1', 0.0, 'Adam beta1.', **fv)
  flags.DEFINE_float('adam_beta2', 0.9, 'Adam beta2.', **fv)
  flags.DEFINE_integer('lr_decay_steps', 3000, 'If > 0, both learning rates '
                       'decay linearly to 0 over the last this many steps.',
                       lower_bound=0, **fv)
  flags.DEFINE_float('weight_clip', 0.0, 'If > 0, clip discriminator weights '
                     'to [-c, c] after each update (WGAN; '
                     'tfgan.features.clip_discriminator_weights).',
                     lower_bound=0.0, **fv)
  flags.DEFINE_integer('generator_train_steps', 1, 'Generator updates per '
                       'global step (tfgan.GANTrainSteps).', lower_bound=1,
                       **fv)
  flags.DEFINE_integer('discriminator_train_steps', 1, 'Discriminator '
                       "updates per global step, after the generator's "
                       "(tfgan.GANTrainSteps; WGAN-GP's n_critic = 5). Each "
                       'update draws a new batch; --max_number_of_steps '
                       'counts global (generator) steps.', lower_bound=1,
                       **fv)
  flags.DEFINE_boolean('mixed_precision', False, 'Compute the networks in '
                       'float16 (variables, losses and optimizer state stay '
                       'float32; dynamic loss scaling). Pays off on GPUs with '
                       'tensor cores.', **fv)
  flags.DEFINE_boolean('xla', False, 'Compile the networks with XLA (jit '
                       'scopes) and turn on XLA auto-clustering in the '
                       'session.', **fv)
  flags.DEFINE_integer('seed', 0, 'Seed for TensorFlow ops and the data '
                       'pipeline.', **fv)
  # The run.
  flags.DEFINE_string('train_log_dir', None, 'Checkpoints, TensorBoard '
                      'summaries and eval output.', **fv)
  flags.mark_flag_as_required('train_log_dir', **fv)
  flags.DEFINE_integer('max_number_of_steps', 10000, 'Train until the global '
                       'step reaches this (a resumed run continues up to '
                       'it).', lower_bound=0, **fv)
  flags.DEFINE_integer('log_every_n_steps', 1000, 'Log step, steps/s and '
                       'losses this often.', lower_bound=1, **fv)
  flags.DEFINE_integer('save_checkpoint_steps', 2000, 'Write a checkpoint '
                       'this often (and at the end).', lower_bound=1, **fv)
  flags.DEFINE_integer('save_summaries_steps', 500, 'Write TensorBoard '
                       'summaries this often.', lower_bound=1, **fv)
  flags.DEFINE_boolean('eval', True, 'Evaluate at the end (--noeval to '
                       'skip).', **fv)
  flags.DEFINE_integer('num_eval_samples', 2500, 'Samples drawn by the '
                       'eval.', lower_bound=1, **fv)
  hparams_lib.require_finite(flag_values)


# Fields that may change when a run is resumed: they do not change what is
# trained.
RESUMABLE = ('train_log_dir', 'max_number_of_steps', 'log_every_n_steps',
             'save_checkpoint_steps', 'save_summaries_steps', 'xla', 'eval',
             'num_eval_samples')

HParams = hparams_lib.hparams_class('HParams', define_flags, RESUMABLE,
                                    module=__name__)

_WGAN_GP = 'wasserstein_gradient_penalty'
# WGAN-GP on toy2d as the authors' toy code trains it.
_WGAN_GP_VALUES = dict(
    penalty_weight=0.1, discriminator_train_steps=5, generator_lr=1e-4,
    discriminator_lr=1e-4, adam_beta1=0.5, adam_beta2=0.9)
_WGAN_GP_SOURCE = (
    'Gulrajani et al. 2017 (arXiv:1704.00028), the authors\' toy code '
    '(gan_toy.py: LAMBDA = .1, CRITIC_ITERS = 5, Adam 1e-4, betas 0.5 and '
    '0.9)')

# The settings some losses and penalties were published with, or measured
# here (--preset=recommended; hparams_lib.apply_presets).
PRESETS = (
    hparams_lib.Preset({'gan_loss': 'wasserstein', 'penalty': _WGAN_GP},
                       _WGAN_GP_VALUES, _WGAN_GP_SOURCE),
    hparams_lib.Preset(
        {'penalty': 'r1'}, dict(penalty_weight=2.0),
        'gamma = 4 (weight gamma / 2), measured here on the grid at 20,000 '
        'steps against gamma 0.2, 1 and 2 (benchmarks/results/quality.md); '
        'Mescheder et al. 2018 (arXiv:1801.04406) tune gamma per data set'),
    hparams_lib.Preset(
        {'penalty': 'dragan'}, dict(penalty_weight=0.1),
        'lambda = 0.1, measured here (docs/trainers.md): the paper\'s lambda '
        '= 10 (Kodali et al. 2017, arXiv:1705.07215) keeps the gradient norm '
        'near 1 across the perturbation radius, which on toy2d spans many '
        'modes'),
    # Wasserstein without a penalty: the gradient penalty is added. The
    # critic needs a Lipschitz constraint, and on 2D mixtures weight
    # clipping is a poor one (Gulrajani et al. 2017, Figure 1). Measured
    # here on the ring at 10,000 steps: no constraint, 88.6 +- 12.8% high
    # quality (3 seeds, one at 73.8%; 75.9 +- 33.8% on 2026-12-01); WGAN's
    # clipping (c 0.01, n_critic 5, 5e-5) 43.5% (seed 0, 8/8 modes, samples
    # strung along the edges between modes); this preset, 93.5% (3 seeds,
    # the quality benchmark's WGAN-GP recommended row; 94.2% on 2026-12-01).
    hparams_lib.Preset(
        {'gan_loss': 'wasserstein', 'penalty': 'none'},
        dict(_WGAN_GP_VALUES, penalty=_WGAN_GP),
        'the WGAN-GP preset added: ' + _WGAN_GP_SOURCE + '; measured here '
        'against no constraint and weight clipping (benchmarks/results/'
        'quality.md)'),
)


def addons(hparams):
  """The `tfgan_ext.addons` objects the add-on flags ask for, in order."""
  chosen = []
  if hparams.penalty != tfgan_ext.losses.NO_PENALTY:
    chosen.append(tfgan_ext.addons.Penalty(
        hparams.penalty, hparams.penalty_weight, hparams.penalty_every))
  if hparams.top_k_epoch_steps:
    chosen.append(tfgan_ext.addons.TopK(
        hparams.top_k_epoch_steps, hparams.top_k_gamma, hparams.top_k_nu))
  if hparams.zcr_weight:
    chosen.append(tfgan_ext.addons.LatentConsistency(
        hparams.zcr_weight, hparams.zcr_generator_weight, hparams.zcr_stddev))
  if hparams.instance_noise_stddev:
    chosen.append(tfgan_ext.addons.InstanceNoise(
        hparams.instance_noise_stddev,
        hparams.instance_noise_anneal_steps or max(
            hparams.max_number_of_steps, 1)))
  if hparams.generator_ema:
    chosen.append(tfgan_ext.addons.GeneratorAverage(
        hparams.generator_ema, hparams.generator_ema_start))
  return chosen


def train(hparams):
  """Trains, then (if hparams.eval) evaluates.

  Args:
    hparams: An HParams.

  Returns:
    The eval metrics (`eval_lib.evaluate`) when evaluated, else None.

  Raises:
    ValueError: a field is outside its choices or bounds, or an add-on
      cannot join this loss (top-k with a relativistic loss).
    training.NonFiniteLossError: a loss went NaN or infinite.
    training.RunMismatchError: train_log_dir holds another run.
  """
  hparams_lib.validate(hparams)
  chosen = addons(hparams)
  parts = training.gan_parts(
      hparams, networks.generator_fn(hparams),
      networks.discriminator_fn(hparams),
      tfgan_ext.losses.get(hparams.gan_loss), chosen)
  with training.graph_for(hparams):
    with tf.name_scope('inputs'):
      real = data_provider.provide_data(hparams.dataset, hparams.batch_size)
      noise = tf.random.normal([hparams.batch_size, hparams.noise_dims])
    gan_model = tfgan.gan_model(
        generator_fn=parts.generator_fn,
        discriminator_fn=parts.discriminator_fn,
        real_data=real,
        generator_inputs=noise)
    with tf.name_scope('loss'):
      gan_loss = tfgan.gan_loss(
          gan_model,
          generator_loss_fn=parts.generator_loss_fn,
          discriminator_loss_fn=parts.discriminator_loss_fn,
          add_summaries=True)
    train_ops = training.gan_train_ops(hparams, gan_model, gan_loss, parts)
    step = training.gan_train(hparams, train_ops, chosen)
  if step is None or not hparams.eval:
    return None
  return eval_lib.evaluate(hparams, hparams.num_eval_samples,
                           seed=hparams.seed)
