# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""`GANModel`: a generator and a discriminator trained as one Keras model.

  gan = tfgan_ext.keras.GANModel(generator, discriminator)
  gan.compile(generator_optimizer=..., discriminator_optimizer=...,
              loss='hinge', penalty='r1', penalty_weight=5.0)
  history = gan.fit(dataset, epochs=10)   # (generator_inputs, real_data)

The class hierarchy: `GANModel` (here) holds everything a GAN model does;
it is not a Keras model by itself. Each Keras package has its subclass,
which adds that package's `Model` as the second base:

  keras_model.KerasGANModel(GANModel, keras.Model)          # Keras 3
  tf_keras_model.TFKerasGANModel(GANModel, tf_keras.Model)  # tf-keras

`GANModel(generator, discriminator)` returns an instance of the subclass of
the networks' package (as `pathlib.Path()` returns a `PosixPath`), so `fit`,
callbacks, checkpoints, `tf.distribute` and mixed precision are Keras' own.
The step itself is `train_step.TrainStep`, the checks made before training
are in `checks`, and `compile`'s losses in `step_losses`.
"""

import tensorflow as tf

from tfgan_ext import augment as augment_lib
from tfgan_ext.keras import augmentation
from tfgan_ext.keras import callbacks as callbacks_lib
from tfgan_ext.keras import checks
from tfgan_ext.keras import conditioning
from tfgan_ext.keras import consistency as consistency_lib
from tfgan_ext.keras import distribute
from tfgan_ext.keras import faults
from tfgan_ext.keras import generator_average
from tfgan_ext.keras import keras_versions
from tfgan_ext.keras import lecam as lecam_lib
from tfgan_ext.keras import step_losses
from tfgan_ext.keras import top_k as top_k_lib
from tfgan_ext.keras import train_step as train_step_lib
from tfgan_ext.losses import _checks

__all__ = ['GANModel']

_COMPILE_KWARGS = ('run_eagerly', 'jit_compile', 'steps_per_execution')


def _subclass_for(package_name):
  """The GANModel subclass of a Keras package (imported only when used)."""
  # pylint: disable=g-import-not-at-top (importing either loads its Keras)
  if package_name == 'tf_keras':
    from tfgan_ext.keras.tf_keras_model import TFKerasGANModel
    return TFKerasGANModel
  from tfgan_ext.keras.keras_model import KerasGANModel
  return KerasGANModel


class GANModel:
  """A GAN as a Keras model: `compile` it with two optimizers, `fit` it.

  Calling the model runs the sampling generator (`gan(generator_inputs)`,
  `predict`): the generator's moving average when `compile` asks for one
  (`generator_ema`), else the generator.

  Args:
    generator: A Keras model mapping generator inputs (a tensor, or a tuple
      `(noise, c_1, ..., c_n)` for a conditional GAN) to data.
    discriminator: A Keras model of the same Keras package mapping data (and
      conditioning) to one logit per example, shape [batch, 1] or [batch].
    discriminator_inputs: What the discriminator gets: 'auto',
      'data', 'data_and_conditioning' or `fn(data, generator_inputs)` (see
      `tfgan_ext.keras.conditioning`).
    name: The model's name.
    **kwargs: Passed to the Keras `Model` constructor (e.g. `dtype`).

  Raises:
    TypeError: if the networks are not Keras models of one package.
    ValueError: for an unknown `discriminator_inputs`.
  """

  _keras_version = None  # Each subclass's `KerasVersion`.

  def __new__(cls, generator=None, discriminator=None, *args, **kwargs):
    if cls is GANModel:
      cls = _subclass_for(keras_versions.common_package_name(
          {'generator': generator, 'discriminator': discriminator}))
    return super().__new__(cls, generator, discriminator, *args, **kwargs)

  def __init__(self, generator, discriminator, discriminator_inputs='auto',
               name='gan_model', **kwargs):
    kwargs.setdefault('dtype', 'float32')
    super().__init__(name=name, **kwargs)
    self.generator = generator
    self.discriminator = discriminator
    self._discriminator_inputs = checks.discriminator_inputs_mode(
        discriminator_inputs)
    self._train_step = None  # A train_step.TrainStep, set by compile.
    self._feature_model = None
    self._average = None  # A generator_average.GeneratorAverage.
    self.averaged_generator = None  # Its Keras model.
    self._trackers = []

  @property
  def flavour(self):
    """The `keras_versions.KerasVersion` of this model's Keras package."""
    return self._keras_version

  @property
  def sampling_generator(self):
    """The generator to sample from: its moving average, or the generator.

    With `compile(generator_ema=decay)` a Keras model holding the averaged
    weights (saved with the model; see `generator_average`); otherwise the
    generator itself.
    """
    return self.generator if self._average is None else self._average.model

  def call(self, inputs, training=False):
    """Runs the sampling generator."""
    return self.sampling_generator(inputs, training=training)

  def compile(self,
              generator_optimizer,
              discriminator_optimizer,
              loss='hinge',
              penalty=None,
              penalty_weight=1.0,
              penalty_every=1,
              penalty_kwargs=None,
              discriminator_steps=1,
              fused=False,
              feature_matching_weight=0.0,
              feature_matching_layer=None,
              loss_scaling='auto',
              generator_ema=None,
              generator_ema_start=0,
              augment=None,
              augment_policy='color,translation,cutout',
              ada_target=augment_lib.ADA_TARGET,
              ada_interval=4,
              ada_speed_images=500_000,
              lecam_weight=0.0,
              lecam_decay=0.99,
              lecam_start=1000,
              top_k_epoch_steps=None,
              top_k_gamma=0.99,
              top_k_nu=0.5,
              bcr_weight=0.0,
              bcr_augment='translation',
              zcr_weight=0.0,
              zcr_generator_weight=0.5,
              zcr_stddev=0.03,
              **kwargs):
    """Configures the GAN for training.

    Args:
      generator_optimizer: A Keras optimizer of the models' package (it is
        also the model's `optimizer`: its `iterations` counts train steps).
      discriminator_optimizer: A Keras optimizer of the same package; its
        `iterations` counts discriminator steps and gates lazy penalties.
      loss: A name from `tfgan_ext.losses.names()`, or a pair of generator and
        discriminator loss functions (argument-style, or GANModel-style; see
        `tfgan_ext.keras.step_losses`).
      penalty: None, or a name from `tfgan_ext.losses.penalty_names()`
        ('r1', 'r2', 'dragan', 'wasserstein_gradient_penalty' alias
        'wgan_gp'), or a penalty function, added to the discriminator loss.
      penalty_weight: The penalty's coefficient (gamma/2 for R1 / R2).
      penalty_every: Lazy regularization: apply the penalty on discriminator
        steps s with s % penalty_every == 0, weighted by penalty_every.
      penalty_kwargs: Extra keyword arguments for the penalty function.
      discriminator_steps: Discriminator steps per generator step. Each
        train step then takes that many dataset elements (one per
        discriminator step; the generator step uses the first), so
        `steps_per_epoch` counts generator steps.
      fused: One forward pass per step: the generator and discriminator
        losses come from the same generated batch and discriminator outputs,
        and both players are updated from the same weights (the TensorFlow
        DCGAN tutorial's step). Otherwise the generator is updated first,
        then the discriminator on a new generated batch (TF-GAN's
        `gan_train` order).
      feature_matching_weight: Adds this times feature matching (Salimans
        et al. 2016) to the generator loss; needs `feature_matching_layer`.
      feature_matching_layer: Name of the discriminator layer whose output is
        matched (the discriminator must be a functional or Sequential model).
      loss_scaling: 'auto' (wrap an optimizer in its package's dynamic
        LossScaleOptimizer when its network computes in float16), True
        (always), False (never; an optimizer that is a LossScaleOptimizer
        already is used as is).
      generator_ema: None, or the decay of a moving average of the
        generator's weights, which `sampling_generator` holds (e.g. 0.999;
        `tfgan_ext.keras.generator_average`).
      generator_ema_start: Generator steps during which the average copies
        the weights (0: it starts from the first step's).
      augment: What the discriminator sees: None, 'diffaugment', 'ada' or
        `fn(images)` (`tfgan_ext.keras.augmentation`).
      augment_policy: DiffAugment's comma-separated policies.
      ada_target: ADA's target for E[sign(D(x_real))].
      ada_interval: Discriminator steps between ADA's adjustments of p.
      ada_speed_images: Real images over which ADA's p may move by 1 (the
        paper's 500k).
      lecam_weight, lecam_decay, lecam_start: LeCam regularization (0: off;
        the paper's 0.3, 0.99, 1,000 steps; `tfgan_ext.keras.lecam`).
      top_k_epoch_steps, top_k_gamma, top_k_nu: Top-k training (None: off):
        the generator loss keeps the max(gamma^epoch, nu) share of the
        global batch D rates best, epoch = generator steps // epoch_steps
        (the paper's 0.99, 0.5; `tfgan_ext.keras.top_k`).
      bcr_weight, bcr_augment: Balanced consistency regularization (0: off;
        the paper's 10) with T a DiffAugment policy or fn(data).
      zcr_weight, zcr_generator_weight, zcr_stddev: Latent consistency
        regularization of D (0: off; the paper's 5) and G (the paper's 0.5),
        dz ~ N(0, stddev^2) (`tfgan_ext.keras.consistency`).
      **kwargs: Passed to Keras' `compile`: `run_eagerly`, `jit_compile`,
        `steps_per_execution`.

    Raises:
      ValueError: unknown loss or penalty name (the valid names are listed),
        bad step counts or weights, a feature layer that does not exist.
      TypeError: optimizers or losses of the wrong kind.
    """
    unknown = sorted(set(kwargs) - set(_COMPILE_KWARGS))
    if unknown:
      raise TypeError('GANModel.compile() got unexpected arguments %s.'
                      % ', '.join(unknown))
    keras_versions.common_package_name({
        'generator': self.generator, 'discriminator': self.discriminator,
        'generator_optimizer': generator_optimizer,
        'discriminator_optimizer': discriminator_optimizer})
    if generator_optimizer is discriminator_optimizer:
      raise ValueError('generator_optimizer and discriminator_optimizer must '
                       'be two optimizer objects.')
    g_loss, d_loss, _ = step_losses.resolve_loss(loss)
    penalty = step_losses.resolve_penalty(penalty, penalty_weight,
                                          penalty_every, penalty_kwargs)
    _checks.positive_int(discriminator_steps, 'discriminator_steps')
    checks.feature_matching_settings(feature_matching_weight,
                                     feature_matching_layer)
    if feature_matching_weight:
      self._feature_model = step_losses.feature_model(
          self.flavour, self.discriminator, feature_matching_layer)
    checks.loss_scaling_setting(loss_scaling)
    version = self.flavour
    self._average = None
    if generator_ema is not None:
      self._average = generator_average.GeneratorAverage(
          self.generator, version.package.models.clone_model, generator_ema,
          generator_ema_start)
    # An attribute of the model, so Keras saves and restores the average.
    self.averaged_generator = (None if self._average is None
                               else self._average.model)
    augmenter = augmentation.resolve(augment, augment_policy, ada_target,
                                     ada_interval, ada_speed_images, version,
                                     self)
    lecam = (lecam_lib.LeCam(version, self, lecam_weight, lecam_decay,
                             lecam_start) if lecam_weight else None)
    top_k = (None if top_k_epoch_steps is None else top_k_lib.TopK(
        g_loss, top_k_epoch_steps, top_k_gamma, top_k_nu))
    consistency = consistency_lib.Consistency(
        bcr_weight, bcr_augment, zcr_weight, zcr_generator_weight, zcr_stddev)
    if not consistency.logged_names():
      consistency = None
    generator_optimizer = version.loss_scaled_if_needed(
        generator_optimizer, self.generator, loss_scaling)
    discriminator_optimizer = version.loss_scaled_if_needed(
        discriminator_optimizer, self.discriminator, loss_scaling)

    compile_kwargs = {k: v for k, v in kwargs.items() if v is not None}
    if version.is_keras3:
      compile_kwargs['auto_scale_loss'] = False
    super().compile(optimizer=generator_optimizer, **compile_kwargs)
    # Logged values are equal on every replica (train_step all-reduces
    # them), so take the first: Keras 2's default would sum them over
    # replicas, and Keras 3's mean fails on scalars under
    # MultiWorkerMirroredStrategy.
    self.distribute_reduction_method = 'first'
    self.discriminator_optimizer = discriminator_optimizer
    self._train_step = train_step_lib.TrainStep(
        g_loss, d_loss, penalty, discriminator_steps, bool(fused),
        float(feature_matching_weight), augmenter, self._average, lecam,
        top_k, consistency)
    self._trackers = [version.mean_metric(n)
                      for n in self._train_step.logged_names()]

  @property
  def generator_optimizer(self):
    return self.optimizer

  @property
  def metrics(self):
    """The generator and discriminator losses and each penalty term."""
    return list(getattr(self, '_trackers', None) or [])

  def fit(self, x=None, *args, **kwargs):
    """Trains on a `tf.data.Dataset` of `(generator_inputs, real_data)`.

    The dataset, the networks' output shapes and the configuration are
    checked first (clear errors before any training). Other arguments are
    Keras' own (`epochs`, `steps_per_epoch`, `callbacks`, `verbose`,
    `initial_epoch`); no targets, validation data or sample weights.

    Returns:
      The Keras `History`; `history.history` holds `generator_loss`,
      `discriminator_loss`, each penalty (by its function's name, e.g.
      `r1_penalty`, averaged over the steps where it was applied) and
      `feature_matching_loss` when used.
    """
    if self._train_step is None:
      raise RuntimeError('Call GANModel.compile(...) before fit().')
    for key in ('y', 'validation_data', 'validation_split', 'sample_weight',
                'class_weight'):
      if kwargs.get(key):
        raise ValueError('GANModel.fit() takes no %s: the dataset yields '
                         '(generator_inputs, real_data).' % key)
    if args:
      raise TypeError('GANModel.fit() takes the dataset as its only '
                      'positional argument; pass the others by keyword.')
    spec = checks.dataset_spec(x)
    checks.check_augmentable(spec, self._train_step.augmentation)
    checks.check_augmentable(spec, self._train_step.consistency, 'bcr_augment')
    with self.distribute_strategy.scope():
      checks.check_networks(self, spec,
                            features=self._feature_model is not None)
      self.built = True
      self.flavour.build_optimizer(self.optimizer,
                                   self.generator.trainable_variables)
      self.flavour.build_optimizer(self.discriminator_optimizer,
                                   self.discriminator.trainable_variables)
    steps = self._train_step.discriminator_steps
    if steps > 1:
      x = train_step_lib.group_for_discriminator_steps(x, steps)
    kwargs.setdefault('shuffle', False)  # The dataset shuffles, if at all.
    if kwargs.get('callbacks'):
      kwargs['callbacks'] = callbacks_lib.adapt(kwargs['callbacks'],
                                                self.flavour)
    try:
      return super().fit(x, **kwargs)
    except tf.errors.OpError as e:
      faults.explain_collective_error(e)  # Raises if it is TF's defect.
      raise

  def train_step(self, data):
    """One generator step and `discriminator_steps` discriminator steps."""
    logs, local_batch = self._train_step(self, data)
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

  def call_discriminator(self, data, generator_inputs, training=True,
                         features=False):
    """The discriminator's logits on `data` (and its features if asked).

    Args:
      data: A batch of real or generated data.
      generator_inputs: The batch's generator inputs (for conditioning).
      training: Passed to the discriminator.
      features: Also return the feature matching layer's output.

    Returns:
      Logits, or (logits, features).
    """
    inputs = conditioning.discriminator_input(
        self._discriminator_inputs, self.discriminator, data,
        generator_inputs)
    if features:
      logits, feats = self._feature_model(inputs, training=training)
      return logits, feats
    return self.discriminator(inputs, training=training)

  def get_config(self):
    return {'name': self.name}
