# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""`GANModel`: a generator and a discriminator trained as one Keras model.

  gan = tfgan_ext.keras.GANModel(generator, discriminator)
  gan.compile(generator_optimizer=..., discriminator_optimizer=...,
              loss='hinge', addons=[...])   # tfgan_ext.addons objects
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
are in `checks`, and `compile`'s losses in `step_losses`. The add-ons
(`tfgan_ext.addons`) bring their own parts of the step; nothing here names
one.
"""

import tensorflow as tf

from tfgan_ext.addons import base as addons_base
from tfgan_ext.keras import callbacks as callbacks_lib
from tfgan_ext.keras import checks
from tfgan_ext.keras import conditioning
from tfgan_ext.keras import distribute
from tfgan_ext.keras import faults
from tfgan_ext.keras import keras_versions
from tfgan_ext.keras import removed_arguments
from tfgan_ext.keras import step_losses
from tfgan_ext.keras import train_step as train_step_lib
from tfgan_ext.losses import _checks
from tfgan_ext.losses import discriminator_outputs

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
  `predict`): the model an add-on offers to sample from, else the
  generator.

  Args:
    generator: A Keras model mapping generator inputs (a tensor, or a tuple
      `(noise, c_1, ..., c_n)` for a conditional GAN) to data.
    discriminator: A Keras model of the same Keras package mapping data (and
      conditioning) to one logit per example, shape [batch, 1] or [batch];
      for a conditional loss (`tfgan_ext.losses.conditional_names()`), to
      the fields of a `tfgan_ext.losses.DiscriminatorOutputs` it reads: a
      dict of them (named outputs), or a list in field order.
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
    self._parts = ()  # The add-ons' StepParts, set by compile.
    self._tracked_names = ()  # Attributes the parts asked the model to hold.
    self._trackers = []

  @property
  def flavour(self):
    """The `keras_versions.KerasVersion` of this model's Keras package."""
    return self._keras_version

  @property
  def sampling_generator(self):
    """The generator to sample from.

    An add-on's sampling model when one offers it (a Keras model saved with
    this one); otherwise the generator itself.
    """
    for part in self._parts:
      if part.sampling_model is not None:
        return part.sampling_model
    return self.generator

  def call(self, inputs, training=False):
    """Runs the sampling generator."""
    return self.sampling_generator(inputs, training=training)

  def sample(self, noise, labels=None, num_classes=None, batch_size=256,
             raw=False):
    """Samples as a NumPy array; with `labels`, of the classes asked for.

    Args:
      noise: Noise [N, noise_dims] (or the whole generator inputs when
        `labels` is None).
      labels: Class ids [N]: the generator gets (noise, one-hot labels)
        (`callbacks.labelled_inputs`).
      num_classes: K for the one-hot labels; default the width of the
        generator's second input.
      batch_size: Samples per generator call.
      raw: Sample `generator`, not `sampling_generator`.

    Returns:
      The samples, a NumPy array [N, ...].

    Raises:
      ValueError: labels that do not fit (`callbacks.labelled_inputs`), or
        no `num_classes` and a generator without a second input.
    """
    inputs = noise
    if labels is not None:
      if num_classes is None:
        generator_inputs = getattr(self.generator, 'inputs', None) or ()
        if len(generator_inputs) != 2:
          raise ValueError('Pass num_classes: the generator %r does not take '
                           '(noise, one-hot labels).' % self.generator.name)
        num_classes = int(generator_inputs[1].shape[-1])
      inputs = callbacks_lib.labelled_inputs(noise, labels, num_classes)
    return callbacks_lib.generate(self, inputs, batch_size, raw=raw)

  def compile(self,
              generator_optimizer,
              discriminator_optimizer,
              loss='hinge',
              addons=(),
              discriminator_steps=1,
              fused=False,
              loss_scaling='auto',
              **kwargs):
    """Configures the GAN for training.

    Args:
      generator_optimizer: A Keras optimizer of the models' package (it is
        also the model's `optimizer`: its `iterations` counts train steps).
      discriminator_optimizer: A Keras optimizer of the same package; its
        `iterations` counts discriminator steps.
      loss: A name from `tfgan_ext.losses.names()` or, for a discriminator
        returning `DiscriminatorOutputs` and generator inputs (noise,
        labels), from `tfgan_ext.losses.conditional_names()`; or a pair of
        generator and discriminator loss functions (argument-style, or
        GANModel-style; see `tfgan_ext.keras.step_losses`).
      addons: Add-ons (`tfgan_ext.addons`: the regularizers, what the
        discriminator sees, what to sample from, ...), joined to the step in
        this order.
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
      loss_scaling: 'auto' (wrap an optimizer in its package's dynamic
        LossScaleOptimizer when its network computes in float16), True
        (always), False (never; an optimizer that is a LossScaleOptimizer
        already is used as is).
      **kwargs: Keras' own `compile` options: `run_eagerly`, `jit_compile`,
        `steps_per_execution`.

    Raises:
      ValueError: unknown loss name (the valid names are listed), bad step
        counts, an add-on that cannot join this model.
      TypeError: optimizers, losses or add-ons of the wrong kind; an argument
        removed in 0.2 (the message names its replacement).
    """
    removed_arguments.check(kwargs, _COMPILE_KWARGS)
    keras_versions.common_package_name({
        'generator': self.generator, 'discriminator': self.discriminator,
        'generator_optimizer': generator_optimizer,
        'discriminator_optimizer': discriminator_optimizer})
    if generator_optimizer is discriminator_optimizer:
      raise ValueError('generator_optimizer and discriminator_optimizer must '
                       'be two optimizer objects.')
    g_loss, d_loss, _ = step_losses.resolve_loss(loss)
    _checks.positive_int(discriminator_steps, 'discriminator_steps')
    checks.loss_scaling_setting(loss_scaling)
    addons = addons_base.checked(addons)
    version = self.flavour
    parts = tuple(addon.for_keras(self) for addon in addons)
    generator_loss = g_loss
    replacing = [(a, p.generator_loss(g_loss)) for a, p in zip(addons, parts)]
    replacing = [(a, r) for a, r in replacing if r is not None]
    if len(replacing) > 1:
      raise ValueError('Only one add-on may replace the adversarial generator '
                       'loss; got %s.' % ', '.join(repr(a) for a, _ in
                                                    replacing))
    if replacing:
      generator_loss = replacing[0][1]
    layers = sorted({p.discriminator_layer for p in parts
                     if p.discriminator_layer is not None})
    if len(layers) > 1:
      raise ValueError('The add-ons read different discriminator layers %s; '
                       'one is supported.' % layers)
    self._feature_model = (step_losses.discriminator_with_layer(
        version, self.discriminator, layers[0]) if layers else None)
    # Attributes of the model (so Keras saves and restores them); a previous
    # compile's that are gone become None.
    tracked = {}
    for part in parts:
      tracked.update(part.tracked)
    for name in self._tracked_names:
      if name not in tracked:
        setattr(self, name, None)
    for name, value in tracked.items():
      setattr(self, name, value)
    self._tracked_names = tuple(tracked)
    self._parts = parts
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
        generator_loss, d_loss, parts, discriminator_steps, bool(fused),
        features=self._feature_model is not None)
    self._trackers = [version.mean_metric(n)
                      for n in self._train_step.logged_names()]

  @property
  def generator_optimizer(self):
    return self.optimizer

  @property
  def metrics(self):
    """The generator and discriminator losses and what the add-ons log."""
    return list(getattr(self, '_trackers', None) or [])

  def fit(self, x=None, *args, **kwargs):
    """Trains on a `tf.data.Dataset` of `(generator_inputs, real_data)`.

    The dataset, the networks' output shapes and the configuration are
    checked first (clear errors before any training). Other arguments are
    Keras' own (`epochs`, `steps_per_epoch`, `callbacks`, `verbose`,
    `initial_epoch`); no targets, validation data or sample weights.

    Returns:
      The Keras `History`; `history.history` holds `generator_loss`,
      `discriminator_loss` and what each add-on logs (a value computed only
      on some steps is the mean over those).
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
    for part in self._parts:
      part.check_data(spec)
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
    """The discriminator's outputs on `data` (and its features if asked).

    A discriminator returning more than a tensor of logits (a dict or list of
    `DiscriminatorOutputs` fields) gives a `DiscriminatorOutputs`.

    Args:
      data: A batch of real or generated data.
      generator_inputs: The batch's generator inputs (for conditioning).
      training: Passed to the discriminator.
      features: Also return the output of the discriminator layer an add-on
        reads.

    Returns:
      Logits or a `DiscriminatorOutputs`, or (logits, features).
    """
    inputs = conditioning.discriminator_input(
        self._discriminator_inputs, self.discriminator, data,
        generator_inputs)
    if features:
      logits, feats = self._feature_model(inputs, training=training)
      return logits, feats
    outputs = self.discriminator(inputs, training=training)
    if tf.is_tensor(outputs):
      return outputs
    return discriminator_outputs.as_discriminator_outputs(
        outputs, 'The discriminator %r\'s output' % self.discriminator.name)

  def get_config(self):
    return {'name': self.name}
