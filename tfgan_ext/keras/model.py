# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""`GANModel`: a generator and a discriminator trained as one Keras model.

  gan = tfgan_ext.keras.GANModel(generator, discriminator)
  gan.compile(generator_optimizer=..., discriminator_optimizer=...,
              loss='hinge', penalty='r1', penalty_weight=5.0)
  history = gan.fit(dataset, epochs=10)   # (generator_inputs, real_data)

`GANModel(...)` returns an instance of a subclass of the models' own
`Model` class (Keras 3 `keras.Model`, or tf-keras / Keras 2), so `fit`,
callbacks, checkpoints, `tf.distribute` and mixed precision are Keras' own.
The step itself (losses, penalties, loss scaling across replicas) is in
`steps.py`, the checks made before training in `checks.py`.
"""

import tensorflow as tf

from tfgan_ext.keras import callbacks as callbacks_lib
from tfgan_ext.keras import checks
from tfgan_ext.keras import flavours
from tfgan_ext.keras import objectives
from tfgan_ext.keras import steps

__all__ = ['GANModel']

_CLASSES = {}


def _class_for(flavour):
  """The GANModel subclass of `flavour`'s Model class (one per flavour)."""
  if flavour not in _CLASSES:
    _CLASSES[flavour] = type('GANModel', (GANModel, flavour.model_class), {
        '_flavour': flavour, '__module__': __name__,
        '__doc__': GANModel.__doc__})
  return _CLASSES[flavour]


class GANModel(steps.StepsMixin):
  """A GAN as a Keras model: `compile` it with two optimizers, `fit` it.

  Calling the model runs the generator (`gan(generator_inputs)`, `predict`).

  Conditioning: the dataset's generator inputs may be a tuple
  `(noise, c_1, ..., c_n)` (e.g. one-hot labels), which the generator gets
  whole, as in TF-GAN. What the discriminator gets is `discriminator_inputs`:

  * 'auto' (default): `discriminator(data)` if the discriminator has a single
    input (or is not a functional model); `discriminator([data, c_1, ...,
    c_n])` if it is a functional model with n + 1 inputs. For real data the
    c_i are those of the same dataset element: put the real data's labels in
    the generator inputs (TF-GAN's convention).
  * 'data': always `discriminator(data)`.
  * 'data_and_conditioning': always `discriminator([data, c_1, ..., c_n])`.
  * a callable `fn(data, generator_inputs)` returning the discriminator's
    input.

  Args:
    generator: A Keras model mapping generator inputs to data.
    discriminator: A Keras model of the same Keras package mapping data (and
      conditioning) to one logit per example, shape [batch, 1] or [batch].
    discriminator_inputs: See above.
    name: The model's name.
    **kwargs: Passed to the Keras `Model` constructor (e.g. `dtype`).
  """

  def __new__(cls, generator=None, discriminator=None, *args, **kwargs):
    if cls is GANModel:
      cls = _class_for(flavours.same_flavour(
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
    self._gan = None

  @property
  def flavour(self):
    """The `Flavour` (Keras package) of this model."""
    return self._flavour

  def call(self, inputs, training=False):
    """Runs the generator."""
    return self.generator(inputs, training=training)

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
              **kwargs):
    """Configures the GAN for training.

    Args:
      generator_optimizer: A Keras optimizer of the models' package (it is
        also the model's `optimizer`: its `iterations` counts train steps).
      discriminator_optimizer: A Keras optimizer of the same package; its
        `iterations` counts discriminator steps and gates lazy penalties.
      loss: A name from `tfgan_ext.losses.names()`, or a pair of generator and
        discriminator loss functions (argument-style, or GANModel-style; see
        `tfgan_ext.keras.objectives`).
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
      loss_scaling: 'auto' (wrap an optimizer in the flavour's dynamic
        LossScaleOptimizer when its network computes in float16), True
        (always), False (never; an optimizer that is a LossScaleOptimizer
        already is used as is).
      **kwargs: Passed to Keras' `compile`: `run_eagerly`, `jit_compile`,
        `steps_per_execution`.

    Raises:
      ValueError: unknown loss or penalty name (the valid names are listed),
        bad step counts or weights, a feature layer that does not exist.
      TypeError: optimizers or losses of the wrong kind.
    """
    unknown = sorted(set(kwargs) - {'run_eagerly', 'jit_compile',
                                    'steps_per_execution'})
    if unknown:
      raise TypeError('GANModel.compile() got unexpected arguments %s.'
                      % ', '.join(unknown))
    flavour = flavours.same_flavour({
        'generator': self.generator, 'discriminator': self.discriminator,
        'generator_optimizer': generator_optimizer,
        'discriminator_optimizer': discriminator_optimizer})
    if generator_optimizer is discriminator_optimizer:
      raise ValueError('generator_optimizer and discriminator_optimizer must '
                       'be two optimizer objects.')
    g_loss, d_loss, loss_name = objectives.resolve_loss(loss)
    penalty_obj = objectives.resolve_penalty(penalty, penalty_weight,
                                             penalty_every, penalty_kwargs)
    steps_ = checks.positive_int(discriminator_steps, 'discriminator_steps')
    if not isinstance(feature_matching_weight, (int, float)) or (
        feature_matching_weight < 0):
      raise ValueError('feature_matching_weight must be a number >= 0, got '
                       '%r.' % (feature_matching_weight,))
    feature_model = None
    if feature_matching_weight:
      feature_model = checks.feature_model(self.discriminator,
                                           feature_matching_layer, flavour)
    elif feature_matching_layer is not None:
      raise ValueError('feature_matching_layer is set but '
                       'feature_matching_weight is 0.')
    if loss_scaling not in ('auto', True, False):
      raise ValueError("loss_scaling must be 'auto', True or False, got %r."
                       % (loss_scaling,))
    generator_optimizer = checks.maybe_loss_scaled(
        generator_optimizer, self.generator, loss_scaling, flavour)
    discriminator_optimizer = checks.maybe_loss_scaled(
        discriminator_optimizer, self.discriminator, loss_scaling, flavour)

    compile_kwargs = {k: v for k, v in kwargs.items() if v is not None}
    if flavour.is_keras3:
      compile_kwargs['auto_scale_loss'] = False
    super().compile(optimizer=generator_optimizer, **compile_kwargs)
    # Logged values are equal on every replica (steps.py all-reduces them),
    # so take the first: Keras 2's default would sum them over replicas, and
    # Keras 3's mean fails on scalars under MultiWorkerMirroredStrategy.
    self.distribute_reduction_method = 'first'
    self.discriminator_optimizer = discriminator_optimizer
    self._gan = steps.StepConfig(
        generator_loss=g_loss, discriminator_loss=d_loss, loss_name=loss_name,
        penalty=penalty_obj, discriminator_steps=steps_,
        fused=bool(fused),
        feature_matching_weight=float(feature_matching_weight),
        feature_model=feature_model)
    trackers = ['generator_loss', 'discriminator_loss']
    if feature_matching_weight:
      trackers.append('feature_matching_loss')
    if penalty_obj is not None:
      trackers.append(penalty_obj.name)
    self._trackers = [flavour.mean_metric(n) for n in trackers]

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
    if self._gan is None:
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
    with self.distribute_strategy.scope():
      checks.check_networks(self, spec)
      self.built = True
      self.flavour.build_optimizer(self.optimizer,
                                   self.generator.trainable_variables)
      self.flavour.build_optimizer(self.discriminator_optimizer,
                                   self.discriminator.trainable_variables)
    if self._gan.discriminator_steps > 1:
      x = steps.group_for_discriminator_steps(x,
                                              self._gan.discriminator_steps)
    kwargs.setdefault('shuffle', False)  # The dataset shuffles, if at all.
    if kwargs.get('callbacks'):
      kwargs['callbacks'] = callbacks_lib.adapt(kwargs['callbacks'],
                                                self.flavour)
    return super().fit(x, **kwargs)

  def _maybe_symbolic_build(self, *args, **kwargs):
    # Keras 3's fit() first builds the model symbolically from a batch it
    # reduces over replicas, which fails under MultiWorkerMirroredStrategy
    # for every model (keras-team/keras#20585). fit() above has already
    # built the networks and both optimizers, so there is nothing to build.
    if self.built and getattr(self.optimizer, 'built', False):
      return None
    return super()._maybe_symbolic_build(*args, **kwargs)

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
    inputs = checks.discriminator_input(self._discriminator_inputs,
                                        self.discriminator, data,
                                        generator_inputs)
    if features:
      logits, feats = self._gan.feature_model(inputs, training=training)
      return logits, feats
    return self.discriminator(inputs, training=training)

  def get_config(self):
    return {'name': self.name}
